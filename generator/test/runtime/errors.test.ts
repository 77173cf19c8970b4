import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  ERROR_MESSAGE_KEYS,
  errorMessageOf,
  InternalServerError,
  isApiError,
  makeApiError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SdkError,
  TimeoutError,
  UnprocessableEntityError,
} from '../../runtime/errors.js';
import { LeanClient } from '../../runtime/lean.js';
import { json, mockFetch, TestClient } from './helpers.js';

describe('error classes', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, ApiError],
  ])('status %i → %o', async (status, Ctor) => {
    const { fetch } = mockFetch(json({ details: 'Something failed' }, status, { 'x-request-id': 'rid-1' }));
    const err = await new TestClient({ fetch, maxRetries: 0 }).request({ method: 'get', path: '/e' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Ctor);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toBeInstanceOf(SdkError);
    const e = err as ApiError<{ details: string }>;
    expect(e.status).toBe(status);
    expect(e.body).toEqual({ details: 'Something failed' });
    expect(e.requestId).toBe('rid-1');
    expect(e.headers.get('x-request-id')).toBe('rid-1');
    expect(e.message).toBe(`${status} Something failed (GET https://api.example.com/e, request id rid-1)`);
    expect(e.name).toBe(Ctor.name);
  });

  it('ConnectionError, TimeoutError and AbortError share the SdkError base', () => {
    expect(new TimeoutError()).toBeInstanceOf(ConnectionError);
    expect(new ConnectionError()).toBeInstanceOf(SdkError);
    expect(new AbortError()).toBeInstanceOf(SdkError);
    expect(new AbortError()).not.toBeInstanceOf(ConnectionError);
  });

  it('serialises and inspects without secrets: no request headers, response cookies redacted', async () => {
    const { fetch } = mockFetch(json({ detail: 'Invalid token' }, 401, { 'set-cookie': 'dts_session_id=SESSIONSECRET', 'x-request-id': 'r9' }));
    const err = await new TestClient({ fetch, auth: { bearerAuth: 'TOKENSECRET', basicAuth: { username: 'u', password: 'PASSWORDSECRET' } } })
      .request({ method: 'get', path: '/e', security: [['bearerAuth']] })
      .catch((e: unknown) => e);
    const serialised = JSON.stringify(err);
    const inspected = inspect(err, { depth: 10, showHidden: false });
    for (const text of [serialised, inspected, String(err), (err as Error).stack ?? '']) {
      expect(text).not.toContain('TOKENSECRET');
      expect(text).not.toContain('SESSIONSECRET');
      expect(text).not.toContain('PASSWORDSECRET');
    }
    expect(JSON.parse(serialised)).toMatchObject({ name: 'AuthenticationError', status: 401, requestId: 'r9', headers: { 'set-cookie': '[redacted]' } });
    expect(Object.keys(err as object)).not.toContain('headers');
  });

  it('isApiError narrows by class and status; inspect keeps the stack', async () => {
    const { fetch } = mockFetch(json({ details: 'gone' }, 404));
    const err: unknown = await new TestClient({ fetch }).request({ method: 'get', path: '/e' }).catch((e: unknown) => e);
    expect(isApiError(err)).toBe(true);
    expect(isApiError(err, 404)).toBe(true);
    expect(isApiError(err, 400)).toBe(false);
    expect(isApiError(new Error('x'))).toBe(false);
    if (isApiError<{ details: string }>(err, 404)) expect(err.body.details).toBe('gone');
    expect(inspect(err)).toMatch(/^NotFoundError: 404 gone \(GET https:\/\/api\.example\.com\/[^)]*\)\n\s+at /);
  });

  it('messages are short: long bodies truncated, non-JSON statuses readable', () => {
    const e = makeApiError(500, { message: 'x'.repeat(500) }, new Headers(), undefined);
    expect(e.message.length).toBeLessThan(220);
    expect(makeApiError(502, undefined, new Headers(), undefined).message).toBe('502 status code');
  });
});

describe('the message an error body carries', () => {
  const all = { title: 'T', error: 'E', message: 'M', details: 'DS', detail: 'D' };
  const without = (...keys: string[]) => Object.fromEntries(Object.entries(all).filter(([k]) => !keys.includes(k)));

  it('looks in the documented order: detail, details, message, error, title', () => {
    expect(ERROR_MESSAGE_KEYS).toEqual(['detail', 'details', 'message', 'error', 'title']);
    expect(errorMessageOf(all)).toBe('D');
    expect(errorMessageOf(without('detail'))).toBe('DS');
    expect(errorMessageOf(without('detail', 'details'))).toBe('M');
    expect(errorMessageOf(without('detail', 'details', 'message'))).toBe('E');
    expect(errorMessageOf(without('detail', 'details', 'message', 'error'))).toBe('T');
    expect(errorMessageOf({ code: 42 })).toBe('');
  });

  it('skips values that are not strings, blank strings and inherited keys; a text body is its own message', () => {
    expect(errorMessageOf({ detail: ['field required'], details: '  ', message: { text: 'x' }, error: 'E' })).toBe('E');
    expect(errorMessageOf(Object.create({ detail: 'inherited' }) as object)).toBe('');
    expect(errorMessageOf('Bad gateway')).toBe('Bad gateway');
    expect(errorMessageOf(undefined)).toBe('');
    expect(errorMessageOf(null)).toBe('');
    expect(errorMessageOf([{ detail: 'in an array' }])).toBe('');
  });

  it('x-error-message (a JSON pointer) is tried first, at any depth, then the default keys', () => {
    const body = { detail: 'default key', error: { message: 'Quota exceeded', code: 'quota' } };
    expect(errorMessageOf(body, '/error/message')).toBe('Quota exceeded');
    expect(errorMessageOf(body, '/error/missing')).toBe('default key');
    expect(errorMessageOf(body, '/error')).toBe('default key'); // an object, not a message
    expect(errorMessageOf({ 'a/b': { '~x': 'escaped' } }, '/a~1b/~0x')).toBe('escaped');
    expect(errorMessageOf({ message: 'M', errorText: 'named' }, '/errorText')).toBe('named');
    expect(errorMessageOf({ errorText: '', message: 'M' }, '/errorText')).toBe('M');
  });

  it('makes the error message: status, the message (collapsed, ≤ 200 characters), the call', () => {
    const request = { method: 'GET', url: 'https://api.example.com/x' };
    const e = makeApiError(400, { error: { message: 'Bad\n  input' }, detail: 'other' }, new Headers(), 'r1', { request, messageField: '/error/message' });
    expect(e.message).toBe('400 Bad input (GET https://api.example.com/x, request id r1)');
    expect(makeApiError(400, { detail: 'other' }, new Headers(), undefined, { messageField: '/error/message' }).message).toBe('400 other');
  });

  it('both cores pass the operation’s errorMessage (x-error-message) to the error', async () => {
    const body = { detail: 'generic', error: { message: 'Quota exceeded' } };
    const op = { method: 'get', path: '/e', errorMessage: '/error/message' } as const;
    const full = await new TestClient({ fetch: mockFetch(json(body, 429)).fetch, maxRetries: 0 }).request(op).catch((e: unknown) => e);
    expect((full as Error).message).toBe('429 Quota exceeded (GET https://api.example.com/e)');
    const lean = await new LeanClient({ baseUrl: 'https://api.example.com', fetch: mockFetch(json(body, 429)).fetch }).request(op).catch((e: unknown) => e);
    expect((lean as Error).message).toBe('429 Quota exceeded (GET https://api.example.com/e)');
    const plain = await new TestClient({ fetch: mockFetch(json(body, 400)).fetch }).request({ method: 'get', path: '/e' }).catch((e: unknown) => e);
    expect((plain as Error).message).toBe('400 generic (GET https://api.example.com/e)');
  });
});

describe('connection errors name their cause', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a refused connection', { code: 'ECONNREFUSED', address: '127.0.0.1', port: 4617 }, 'Connection error: ECONNREFUSED 127.0.0.1:4617'],
    ['an unknown host', { code: 'ENOTFOUND', hostname: 'api.example.invalid' }, 'Connection error: ENOTFOUND api.example.invalid'],
    ['an IPv6 address', { code: 'ECONNREFUSED', address: '::1', port: 80 }, 'Connection error: ECONNREFUSED [::1]:80'],
    [
      'several addresses (AggregateError)',
      new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED', address: '::1', port: 9 })]),
      'Connection error: ECONNREFUSED [::1]:9',
    ],
    ['an undici socket error', { code: 'UND_ERR_SOCKET' }, 'Connection error: UND_ERR_SOCKET'],
    ['a cause without a code', new Error('getaddrinfo failed'), 'Connection error: getaddrinfo failed'],
  ];
  it.each(cases)('%s', async (_name, cause, message) => {
    const fetch = async (): Promise<Response> => {
      throw new TypeError('fetch failed', { cause });
    };
    const err = await new TestClient({ fetch, maxRetries: 0 }).request({ method: 'get', path: '/e' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as Error).message).toBe(`${message} (GET https://api.example.com/e)`);
    expect((err as ConnectionError).url).toBe('https://api.example.com/e');
    expect((err as Error).cause).toBeInstanceOf(TypeError);
  });
});
