import { describe, expect, it } from 'vitest';
import { APIPromise } from '../../runtime/api-promise.js';
import { ClientCore } from '../../runtime/client.js';
import { type ApiError, NotFoundError, RateLimitError, SdkError, ValidationError } from '../../runtime/errors.js';
import type { Logger, Middleware, StandardSchemaV1 } from '../../runtime/types.js';
import { json, mockFetch, TestClient } from './helpers.js';

describe('client options', () => {
  it('uses the spec base URL, or the baseUrl option (trailing slash trimmed)', async () => {
    const { fetch, seen } = mockFetch(json({}));
    await new TestClient({ fetch }).request({ method: 'get', path: '/a' });
    await new TestClient({ fetch, baseUrl: 'http://127.0.0.1:4010/prefix/' }).request({ method: 'get', path: '/a' });
    expect(seen.map((s) => s.url)).toEqual(['https://api.example.com/a', 'http://127.0.0.1:4010/prefix/a']);
  });

  it('merges default headers, per-request headers and null removal', async () => {
    const { fetch, seen } = mockFetch(json({}));
    const client = new TestClient({ fetch, headers: { 'X-A': '1', 'X-B': '2' } });
    await client.request({ method: 'get', path: '/a', responses: { '200': 'json' } }, { headers: { 'X-B': '3', 'X-A': null } });
    expect(seen[0]?.headers.get('x-a')).toBeNull();
    expect(seen[0]?.headers.get('x-b')).toBe('3');
    expect(seen[0]?.headers.get('accept')).toBe('application/json');
  });

  it('withOptions returns a new client of the same class with merged options', async () => {
    const { fetch, seen } = mockFetch(json({}));
    const base = new TestClient({ fetch, headers: { 'X-A': '1' }, maxRetries: 0 });
    const derived = base.withOptions({ headers: { 'X-B': '2' }, baseUrl: 'https://other.example.com' });
    expect(derived).toBeInstanceOf(TestClient);
    expect(derived).not.toBe(base);
    expect(derived.options.maxRetries).toBe(0);
    await derived.request({ method: 'get', path: '/a' });
    await base.request({ method: 'get', path: '/a' });
    expect(seen[0]?.url).toBe('https://other.example.com/a');
    expect(seen[0]?.headers.get('x-a')).toBe('1');
    expect(seen[0]?.headers.get('x-b')).toBe('2');
    expect(seen[1]?.url).toBe('https://api.example.com/a');
    expect(seen[1]?.headers.get('x-b')).toBeNull();
  });

  it('a per-request fetch overrides the client fetch', async () => {
    const a = mockFetch(json({ from: 'a' }));
    const b = mockFetch(json({ from: 'b' }));
    const data = await new TestClient({ fetch: a.fetch }).request({ method: 'get', path: '/x' }, { fetch: b.fetch });
    expect(data).toEqual({ from: 'b' });
    expect(a.seen).toHaveLength(0);
  });

  it('works as a bare ClientCore with a config', async () => {
    const { fetch, seen } = mockFetch(json([1]));
    const core = new ClientCore({ fetch }, { baseUrl: 'https://core.example.com' });
    expect(await core.request({ method: 'get', path: '/z' })).toEqual([1]);
    expect(seen[0]?.url).toBe('https://core.example.com/z');
    expect(core.withOptions({ timeoutMs: 5 }).baseUrl).toBe('https://core.example.com');
  });
});

describe('APIPromise', () => {
  it('await gives data; withResponse gives data, response, headers and request id; asResponse the raw response', async () => {
    const { fetch } = mockFetch(json({ id: 1 }, 200, { 'x-request-id': 'req_123', 'x-ratelimit-remaining': '9' }));
    const client = new TestClient({ fetch });
    const p = client.request<{ id: number }>({ method: 'get', path: '/x' });
    expect(p).toBeInstanceOf(APIPromise);
    expect(await p).toEqual({ id: 1 });
    const r = await client.request<{ id: number }>({ method: 'get', path: '/x' }).withResponse();
    expect(r.data).toEqual({ id: 1 });
    expect(r.requestId).toBe('req_123');
    expect(r.headers.get('x-ratelimit-remaining')).toBe('9');
    expect(r.response.status).toBe(200);
    const raw = await client.request({ method: 'get', path: '/x' }).asResponse();
    expect(raw.bodyUsed).toBe(false);
    expect(await raw.json()).toEqual({ id: 1 });
  });

  it('reads the body once when awaited and withResponse is used too', async () => {
    const { fetch } = mockFetch(json({ id: 1 }));
    const p = new TestClient({ fetch }).request({ method: 'get', path: '/x' });
    const [a, b] = await Promise.all([p, p.withResponse()]);
    expect(a).toBe(b.data);
  });

  it('supports catch and finally', async () => {
    const { fetch } = mockFetch(json({ detail: 'no' }, 404));
    let finished = false;
    const err = await new TestClient({ fetch })
      .request({ method: 'get', path: '/x' })
      .finally(() => {
        finished = true;
      })
      .catch((e: unknown) => e);
    expect(finished).toBe(true);
    expect(err).toBeInstanceOf(NotFoundError);
  });
});

describe('responses', () => {
  it('never parses 204/205 or an empty body (case-31)', async () => {
    const { fetch } = mockFetch(
      new Response(null, { status: 204 }),
      new Response('', { status: 200, headers: { 'content-type': 'application/json' } }),
      new Response(null, { status: 202 }),
      json({ id: 'j1' }, 201),
    );
    const client = new TestClient({ fetch });
    const op = { method: 'post', path: '/jobs', responses: { '201': 'json', '202': 'none', '200': 'json', '204': 'none' } } as const;
    expect(await client.request(op)).toBeUndefined();
    expect(await client.request(op)).toBeUndefined();
    expect(await client.request(op)).toBeUndefined();
    expect(await client.request(op)).toEqual({ id: 'j1' });
  });

  it('never reads a body for HEAD', async () => {
    const { fetch } = mockFetch(new Response(null, { status: 200, headers: { 'content-type': 'application/json', 'content-length': '10' } }));
    expect(await new TestClient({ fetch }).request({ method: 'head', path: '/x', responses: { '200': 'json' } })).toBeUndefined();
  });

  it('reads binary bytes exactly as a Blob or ArrayBuffer (case-27)', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const { fetch } = mockFetch(new Response(bytes, { headers: { 'content-type': 'application/zip' } }));
    const client = new TestClient({ fetch });
    const blob = await client.request<Blob>({ method: 'get', path: '/exports/1/zip', responses: { '200': 'binary' } });
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([...bytes]);
    const buf = await client.request<ArrayBuffer>({ method: 'get', path: '/exports/1', responses: { '200': 'binary' } }, { binaryAs: 'arrayBuffer' });
    expect([...new Uint8Array(buf)]).toEqual([...bytes]);
    // Undeclared status: falls back to the Content-Type header (not text).
    const fallback = await client.request<Blob>({ method: 'get', path: '/exports/1' });
    expect(fallback).toBeInstanceOf(Blob);
  });

  it('reads text per declaration, and text errors as text (case-32)', async () => {
    const { fetch } = mockFetch(
      new Response('pong', { headers: { 'content-type': 'text/plain' } }),
      new Response('slow down', { status: 429, headers: { 'content-type': 'text/plain' } }),
    );
    const client = new TestClient({ fetch, maxRetries: 0 });
    expect(await client.request({ method: 'get', path: '/ping', responses: { '200': 'text' } })).toBe('pong');
    const err = await client
      .request({ method: 'post', path: '/notes', body: 'x', bodyKind: 'text', responses: { '200': 'json', '429': 'text' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).body).toBe('slow down');
  });

  it('keeps an unparsable error body as text and fails on invalid JSON in a success body', async () => {
    const { fetch } = mockFetch(
      new Response('<html>bad gateway</html>', { status: 502, headers: { 'content-type': 'application/json' } }),
      new Response('{oops', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    const client = new TestClient({ fetch, maxRetries: 0 });
    const err = await client.request({ method: 'get', path: '/a', responses: { default: 'json' } }).catch((e: unknown) => e);
    expect((err as { body: unknown }).body).toBe('<html>bad gateway</html>');
    await expect(client.request({ method: 'get', path: '/a', responses: { '200': 'json' } })).rejects.toThrow('The 200 response body is not valid JSON');
  });

  it('passes unions without discriminator through as plain objects (case-06) and keeps dates as strings (case-24)', async () => {
    const { fetch } = mockFetch(json({ weight: 1, variety: 'x' }), json({ items: [{ id: 'a', joinedAt: '2026-01-02T03:04:05Z', birthday: '2000-01-01' }] }));
    const client = new TestClient({ fetch });
    expect(await client.request({ method: 'get', path: '/produce', responses: { '200': 'json' } })).toEqual({ weight: 1, variety: 'x' });
    const members = await client.request<{ items: Array<{ joinedAt: string; birthday: string }> }>({ method: 'get', path: '/members' });
    expect(members.items[0]?.joinedAt).toBe('2026-01-02T03:04:05Z');
    expect(typeof members.items[0]?.birthday).toBe('string');
  });
});

describe('middleware', () => {
  it('runs in onion order and may call next more than once', async () => {
    const order: string[] = [];
    const outer: Middleware = async (req, next) => {
      order.push('outer>');
      const res = await next(req);
      order.push('<outer');
      return res;
    };
    const again: Middleware = async (req, next, ctx) => {
      order.push(`again> ${ctx.operation.operationId}`);
      const first = await next(req);
      if (first.status === 503) {
        const headers = new Headers(req.headers);
        headers.set('x-again', '1');
        return next(new Request(req, { headers }));
      }
      return first;
    };
    const { fetch, seen } = mockFetch(new Response('busy', { status: 503 }), json({ ok: true }));
    const data = await new TestClient({ fetch, middleware: [outer, again], maxRetries: 0 }).request({
      method: 'post',
      path: '/m',
      operationId: 'doThing',
      body: { a: 1 },
    });
    expect(data).toEqual({ ok: true });
    expect(order).toEqual(['outer>', 'again> doThing', '<outer']);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.body).toBe('{"a":1}');
    expect(seen[1]?.headers.get('x-again')).toBe('1');
  });

  it('can rewrite requests and short-circuit', async () => {
    const { fetch, seen } = mockFetch(json({}));
    const mw: Middleware = async (req) => (req.url.endsWith('/cached') ? json({ cached: true }) : json({ other: true }));
    expect(await new TestClient({ fetch, middleware: [mw] }).request({ method: 'get', path: '/cached' })).toEqual({ cached: true });
    expect(seen).toHaveLength(0);
  });
});

describe('logging', () => {
  function capture() {
    const lines: string[] = [];
    const logger: Logger = {
      debug: (m, d) => lines.push(`debug ${m} ${JSON.stringify(d ?? {})}`),
      info: (m, d) => lines.push(`info ${m} ${JSON.stringify(d ?? {})}`),
      warn: (m, d) => lines.push(`warn ${m} ${JSON.stringify(d ?? {})}`),
      error: (m, d) => lines.push(`error ${m} ${JSON.stringify(d ?? {})}`),
    };
    return { lines, logger };
  }

  it('is off by default (no console output)', async () => {
    const { fetch } = mockFetch(json({}));
    const calls: unknown[] = [];
    const original = console.info;
    console.info = (...a: unknown[]) => calls.push(a);
    try {
      await new TestClient({ fetch }).request({ method: 'get', path: '/a' });
    } finally {
      console.info = original;
    }
    expect(calls).toHaveLength(0);
  });

  it("redacts the values of the operation's secret parameters (query, header, path) at debug and info (found by an adversarial run)", async () => {
    const { lines, logger } = capture();
    const { fetch, seen } = mockFetch(json({}));
    const client = new TestClient({ fetch, logger, logLevel: 'debug' });
    await client.request({
      method: 'get',
      path: '/vault/{key}',
      params: { key: 'PATH-SECRET', sig: 'QUERY-SECRET', 'X-Sig': 'HEADER-SECRET', plain: 'shown' },
      parameters: { key: { in: 'path', secret: true }, sig: { in: 'query', secret: true }, 'X-Sig': { in: 'header', secret: true }, plain: { in: 'query' } },
    });
    expect(seen[0]?.url).toBe('https://api.example.com/vault/PATH-SECRET?sig=QUERY-SECRET&plain=shown');
    const text = lines.join('\n');
    expect(text).toContain('→ GET https://api.example.com/vault/[redacted]?sig=[redacted]&plain=shown');
    expect(text).toContain('"x-sig":"[redacted]"');
    expect(text).toContain('info ← 200 GET https://api.example.com/vault/[redacted]?sig=[redacted]&plain=shown');
    expect(text).not.toMatch(/SECRET/);
  });

  it('a secret parameter value the server echoes is *** in the error: message, body, headers, JSON (D68)', async () => {
    const echo = 'bad signature QUERY-SECRET for HEADER-SECRET';
    const { fetch } = mockFetch(json({ message: echo }, 403, { 'x-echo': echo }));
    const error = (await new TestClient({ fetch, maxRetries: 0 })
      .request({
        method: 'get',
        path: '/vault',
        params: { sig: 'QUERY-SECRET', 'X-Sig': 'HEADER-SECRET', plain: 'shown' },
        parameters: { sig: { in: 'query', secret: true }, 'X-Sig': { in: 'header', secret: true } },
      })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(403);
    expect(error.body).toEqual({ message: 'bad signature *** for ***' });
    expect(error.headers.get('x-echo')).toBe('bad signature *** for ***');
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toMatch(/SECRET/);
  });

  it('redacts Authorization, Cookie, api keys (header, query) and token values', async () => {
    const { lines, logger } = capture();
    const { fetch } = mockFetch(json({}));
    const client = new TestClient({
      fetch,
      logger,
      logLevel: 'debug',
      auth: { bearerAuth: 'tok_SECRET_123', sessionCookie: 'sess_SECRET', workspaceHeader: '77', queryKey: 'qk_SECRET' },
      headers: { 'X-Custom-Secret': 'custom_SECRET' },
      redact: ['x-custom-secret', '!x-im-workspace-id'],
    });
    await client.request({ method: 'get', path: '/a', security: [['bearerAuth']] });
    await client.request({ method: 'get', path: '/b', security: [['sessionCookie', 'workspaceHeader']] });
    await client.request({ method: 'get', path: '/c', security: [['queryKey']] });
    const text = lines.join('\n');
    expect(text).toContain('→ GET https://api.example.com/a');
    expect(text).toContain('"authorization":"[redacted]"');
    expect(text).toContain('"cookie":"[redacted]"');
    expect(text).toContain('"x-im-workspace-id":"77"');
    expect(text).toContain('api_key=[redacted]');
    expect(text).not.toMatch(/SECRET/);
    lines.length = 0;
    await new TestClient({ fetch, logger, logLevel: 'debug', auth: { sessionCookie: 's', workspaceHeader: '77' } }).request({
      method: 'get',
      path: '/b',
      security: [['sessionCookie', 'workspaceHeader']],
    });
    expect(lines.join('\n')).toContain('"x-im-workspace-id":"[redacted]"');
    expect(lines.some((l) => l.startsWith('info ← 200 GET'))).toBe(true);
  });

  it('respects the level', async () => {
    const { lines, logger } = capture();
    const { fetch } = mockFetch(json({}));
    await new TestClient({ fetch, logger, logLevel: 'warn' }).request({ method: 'get', path: '/a' });
    expect(lines).toHaveLength(0);
    await new TestClient({ fetch, logger }).request({ method: 'get', path: '/a' });
    expect(lines.filter((l) => l.startsWith('info'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('debug'))).toHaveLength(0);
  });
});

describe('validation hook (Standard Schema)', () => {
  const schema = (check: (v: unknown) => boolean, message: string): StandardSchemaV1 => ({
    '~standard': { version: 1, vendor: 'test', validate: (v) => (check(v) ? { value: v } : { issues: [{ message, path: ['id'] }] }) },
  });
  const hasId = schema((v) => typeof (v as { id?: unknown })?.id === 'number', 'id must be a number');

  it('throw mode rejects a bad response with a ValidationError (no values in the message)', async () => {
    const { fetch } = mockFetch(json({ id: 'secret-value' }));
    const client = new TestClient({ fetch, validate: { response: () => hasId } });
    const err = await client.request({ method: 'get', path: '/x', operationId: 'getX' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toBe('response of getX failed validation (1 issue(s)): id must be a number');
    expect((err as ValidationError).issues[0]?.path).toEqual(['id']);
  });

  it('report mode reports and returns the data; request bodies are checked before sending', async () => {
    const { fetch, seen } = mockFetch(json({ id: 'x' }));
    const reports: unknown[] = [];
    const client = new TestClient({ fetch, validate: { mode: 'report', response: () => hasId, request: () => hasId, onReport: (r) => reports.push(r) } });
    expect(await client.request({ method: 'post', path: '/x', body: { id: 'nope' } })).toEqual({ id: 'x' });
    expect(reports).toMatchObject([{ target: 'request' }, { target: 'response', status: 200 }]);
    const strict = new TestClient({ fetch, validate: { request: () => hasId } });
    await expect(strict.request({ method: 'post', path: '/x', body: { id: 'nope' } })).rejects.toBeInstanceOf(ValidationError);
    expect(seen).toHaveLength(1);
  });
});

describe('errors from the pipeline', () => {
  it('fails clearly without fetch', async () => {
    const original = globalThis.fetch;
    // @ts-expect-error simulate a runtime without fetch
    globalThis.fetch = undefined;
    try {
      await expect(new TestClient().request({ method: 'get', path: '/a' })).rejects.toThrow(SdkError);
    } finally {
      globalThis.fetch = original;
    }
  });
});
