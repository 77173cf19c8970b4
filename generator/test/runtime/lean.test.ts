/**
 * The lean core (runtime/lean.ts) with an injected fetch: what it puts on the wire is byte for byte what `ClientCore`
 * puts there (URL, method, headers, body) for every parameter style the `Operation` descriptor can carry (a table of
 * cases plus seeded random operations), bodies and responses per kind, errors, the caller's signal, the `fetch` option,
 * CR/LF rejection, pagination over the lean core.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formBody, multipartBody } from '../../runtime/body.js';
import { ClientCore } from '../../runtime/client.js';
import {
  AbortError,
  ApiError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  SdkError,
  UnprocessableEntityError,
  ResponseParseError,
  UsageError,
} from '../../runtime/errors.js';
import { LeanClient } from '../../runtime/lean.js';
import { requestPage } from '../../runtime/pagination.js';
import type { HeaderOptions } from '../../runtime/wire.js';
import type { FetchLike, Operation, ParamSpec, ParamStyle, RequestClient, RequestOptions } from '../../runtime/types.js';
import { asRequest, json, mockFetch } from './helpers.js';

const BASE = 'https://api.example.com/v1';

/** What one request looked like on the wire. */
interface Wire {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  body: string;
}

/** Sends `op` through `client` with a fetch that records the request and answers 204; the recorded request. */
async function wireOf(make: (fetch: FetchLike) => RequestClient, op: Operation, headers?: HeaderOptions): Promise<Wire> {
  let wire: Wire | undefined;
  const fetch: FetchLike = async (input, init) => {
    const req = asRequest(input, init);
    wire = { url: req.url, method: req.method, headers: [...req.headers.entries()], body: req.body ? await req.text() : '' };
    return new Response(null, { status: 204 });
  };
  await make(fetch).request(op, headers === undefined ? {} : { headers });
  if (!wire) throw new Error('no request was sent');
  return wire;
}

const full = (clientHeaders?: HeaderOptions) => (fetch: FetchLike) =>
  new ClientCore({ fetch, maxRetries: 0, timeoutMs: 0, ...(clientHeaders ? { headers: clientHeaders } : {}) }, { baseUrl: BASE });
const lean = (clientHeaders?: HeaderOptions) => (fetch: FetchLike) =>
  new LeanClient({ baseUrl: BASE, fetch, ...(clientHeaders ? { headers: clientHeaders } : {}) });

/** The wire of `op` through `make`'s client, or the name and message of the `SdkError` it was refused with. */
async function outcome(make: (fetch: FetchLike) => RequestClient, op: Operation, headers?: HeaderOptions): Promise<Wire | string> {
  return wireOf(make, op, headers).catch((err: unknown) => (err instanceof SdkError ? `${err.name}: ${err.message}` : `unexpected ${String(err)}`));
}

/** Both cores' outcome for `op`; asserts they are equal and returns the lean one. */
async function sameOutcome(op: Operation, clientHeaders?: HeaderOptions, requestHeaders?: HeaderOptions): Promise<Wire | string> {
  const [a, b] = await Promise.all([outcome(full(clientHeaders), op, requestHeaders), outcome(lean(clientHeaders), op, requestHeaders)]);
  expect(b).toEqual(a);
  return b;
}

/** Both cores' wire for `op`; asserts they are equal (and that the request was sent) and returns the lean one. */
async function same(op: Operation, clientHeaders?: HeaderOptions, requestHeaders?: HeaderOptions): Promise<Wire> {
  const b = await sameOutcome(op, clientHeaders, requestHeaders);
  if (typeof b === 'string') throw new Error(`refused: ${b}`);
  return b;
}

const styled = (where: ParamSpec['in'], style: ParamStyle | undefined, explode: boolean | undefined, extra: Partial<ParamSpec> = {}): ParamSpec => ({
  in: where,
  ...(style !== undefined ? { style } : {}),
  ...(explode !== undefined ? { explode } : {}),
  ...extra,
});

const VALUES: Record<string, unknown> = {
  scalar: 'a b/c?d&e=f',
  number: 5,
  boolean: false,
  nullValue: null,
  date: new Date('2026-01-02T03:04:05Z'),
  array: ['x y', 'z/1', 3],
  object: { role: 'admin user', 'first name': 'Ann&Bo', n: 1 },
  nested: { a: { b: 'c d', e: [1, 2] }, f: 'g' },
  unicode: 'żółw ✓',
  reserved: ":/?#[]@!$&'()*+,;=",
};

describe('the lean core puts on the wire what ClientCore does', () => {
  const pathStyles: Array<[ParamStyle | undefined, boolean | undefined]> = [
    [undefined, undefined],
    ['simple', true],
    ['label', false],
    ['label', true],
    ['matrix', false],
    ['matrix', true],
  ];
  for (const [style, explode] of pathStyles)
    for (const kind of ['scalar', 'number', 'array', 'object', 'unicode', 'reserved', 'date'])
      it(`path ${style ?? 'simple'}${explode ? '*' : ''} with ${kind}`, async () => {
        const wire = await same({
          method: 'get',
          path: '/items/{id}/x',
          params: { id: VALUES[kind] },
          parameters: { id: styled('path', style, explode) },
        });
        expect(wire.url.startsWith(`${BASE}/items/`)).toBe(true);
      });

  const queryStyles: Array<[ParamStyle | undefined, boolean | undefined]> = [
    [undefined, undefined],
    ['form', false],
    ['spaceDelimited', false],
    ['spaceDelimited', true],
    ['pipeDelimited', false],
    ['pipeDelimited', true],
    ['deepObject', true],
  ];
  for (const [style, explode] of queryStyles)
    for (const kind of Object.keys(VALUES))
      for (const allowReserved of [false, true])
        it(`query ${style ?? 'form'}${explode === false ? '' : '*'}${allowReserved ? ' allowReserved' : ''} with ${kind}`, async () => {
          const wire = await same({
            method: 'get',
            path: '/search',
            params: { q: VALUES[kind], page: 2 },
            parameters: { q: styled('query', style, explode, allowReserved ? { allowReserved } : {}) },
          });
          expect(wire.url).toMatch(/^https:\/\/api\.example\.com\/v1\/search\?/);
        });

  it.each(Object.keys(VALUES))('query, path, header and cookie with content: json (%s)', async (kind) => {
    const v = VALUES[kind] === null ? { v: null } : VALUES[kind];
    const result = await sameOutcome({
      method: 'get',
      path: '/j/{p}',
      params: { p: v, q: v, h: v, c: v },
      parameters: {
        p: { in: 'path', content: 'json' },
        q: { in: 'query', content: 'json' },
        h: { in: 'header', content: 'json' },
        c: { in: 'cookie', content: 'json' },
      },
    });
    // A header value outside Latin-1 is refused by both.
    if (kind === 'unicode') expect(result).toBe('UsageError: Header "h" contains characters outside Latin-1');
    else expect(typeof result).toBe('object');
  });

  it.each(['scalar', 'number', 'array', 'object'])('header (simple, with and without explode) and cookie params (%s)', async (kind) => {
    const v = kind === 'scalar' ? 'plain value' : VALUES[kind];
    const wire = await same({
      method: 'get',
      path: '/h',
      params: { 'X-One': v, 'X-Two': v, session: v, theme: 'dark mode' },
      parameters: { 'X-One': { in: 'header' }, 'X-Two': { in: 'header', explode: true }, session: { in: 'cookie' }, theme: { in: 'cookie' } },
    });
    expect(wire.headers.find(([k]) => k === 'cookie')?.[1]).toMatch(/^session=.*; theme=dark%20mode$/);
  });

  it('parameters without a spec entry go to the path or the query; undefined is skipped, null sends an empty value', async () => {
    const wire = await same({ method: 'get', path: '/a/{id}/b/', params: { id: 7, q: 'x', skip: undefined, empty: null } });
    expect(wire.url).toBe(`${BASE}/a/7/b/?q=x&empty=`);
  });

  it('the query is appended to a URL that has one (op.url on the base origin)', async () => {
    const wire = await same({ method: 'get', path: '/ignored', url: 'https://api.example.com/v1/items?cursor=abc', params: { page_size: 10 } });
    expect(wire.url).toBe('https://api.example.com/v1/items?cursor=abc&page_size=10');
  });

  it('headers: Accept, Content-Type, client headers (null removes), header params, per-request headers, merged Cookie', async () => {
    const wire = await same(
      {
        method: 'post',
        path: '/h',
        params: { 'X-Param': 'p', sid: 'abc' },
        parameters: { 'X-Param': { in: 'header' }, sid: { in: 'cookie' } },
        body: { a: 1 },
        responses: { '200': 'json', '404': 'text' },
      },
      { 'X-Client': 'c', 'X-Param': 'overridden by the param', Accept: null, 'X-Skip': undefined },
      { 'X-Request': 'r', Cookie: 'pre=1', 'X-Client': 'request wins' },
    );
    expect(Object.fromEntries(wire.headers)).toEqual({
      'content-type': 'application/json',
      'x-client': 'request wins',
      'x-param': 'p',
      'x-request': 'r',
      cookie: 'pre=1; sid=abc',
    });
  });

  it.each<[string, Operation['responses']]>([
    ['every success json', { '200': 'json', '201': 'json', '404': 'text' }],
    ['a 2XX range', { '2XX': 'json' }],
    ['a text success', { '200': 'json', '202': 'text' }],
    ['only none', { '204': 'none' }],
    ['nothing declared', undefined],
  ])('Accept: %s', async (_, responses) => {
    await same({ method: 'get', path: '/a', ...(responses ? { responses } : {}) });
  });

  it.each<[string, Omit<Operation, 'method' | 'path'>]>([
    ['json', { body: { a: [1, 'two'], b: null } }],
    ['json with a media type', { body: { op: 'replace' }, contentType: 'application/merge-patch+json' }],
    ['text', { body: 'hello\nworld', bodyKind: 'text' }],
    ['text/csv', { body: 'a,b\n1,2', bodyKind: 'text', contentType: 'text/csv' }],
    ['binary bytes', { body: new Uint8Array([0, 1, 2, 255]), bodyKind: 'binary' }],
    ['binary ArrayBuffer, image/png', { body: new Uint8Array([137, 80]).buffer, bodyKind: 'binary', contentType: 'image/png' }],
    ['binary Blob with a type', { body: new Blob(['x'], { type: 'application/pdf' }), bodyKind: 'binary', contentType: 'application/*' }],
    ['binary string', { body: 'raw', bodyKind: 'binary' }],
    ['form', { body: formBody({ a: 'x y', tags: ['1', '2'], obj: { k: 'v' } }), bodyKind: 'form' }],
    ['URLSearchParams with a type', { body: new URLSearchParams({ a: 'b' }), contentType: 'application/x-www-form-urlencoded;charset=UTF-8' }],
  ])('body: %s', async (_, rest) => {
    const wire = await same({ method: 'put', path: '/b', ...rest });
    expect(wire.method).toBe('PUT');
  });

  it('a multipart body is sent as the same FormData (the boundary is the fetch’s)', async () => {
    const parts = (w: Wire): string => w.body.replace(/-{2,}[\w-]+/g, '--B');
    const op: Operation = {
      method: 'post',
      path: '/m',
      body: multipartBody({ file: new Blob(['abc'], { type: 'text/csv' }), meta: { a: 1 } }),
      bodyKind: 'multipart',
    };
    const [a, b] = await Promise.all([wireOf(full(), op), wireOf(lean(), op)]);
    expect(parts(b)).toBe(parts(a));
    expect(b.headers.find(([k]) => k === 'content-type')?.[1]).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('a stream body is sent as a stream (duplex: half), with the same headers', async () => {
    const op = (): Operation => ({
      method: 'post',
      path: '/upload',
      body: new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('chunk-1,'));
          c.enqueue(new TextEncoder().encode('chunk-2'));
          c.close();
        },
      }),
      bodyKind: 'binary',
      contentType: 'text/csv',
    });
    let duplex: unknown;
    const spy = (make: (fetch: FetchLike) => RequestClient) => (fetch: FetchLike) =>
      make((input, init) => {
        duplex = (init as { duplex?: unknown } | undefined)?.duplex;
        return fetch(input, init);
      });
    const a = await wireOf(full(), op());
    const b = await wireOf(spy(lean()), op());
    expect(b).toEqual(a);
    expect(b.body).toBe('chunk-1,chunk-2');
    expect(duplex).toBe('half');
  });

  it('seeded random operations: the same wire from both cores (300 runs)', async () => {
    const seed = 19;
    console.info(`lean/full wire equivalence: seed ${seed}, 300 runs`);
    let state = seed;
    const rand = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)] as T;
    const atoms = ['', 'a', 'A-z_0.9~', 'sp ace', 'ü', '/', '?', '#', '&', '=', '+', '%', ',', '|', '[x]', "'", '*', 0, -1.5, true, null];
    const value = (depth = 0): unknown => {
      const k = rand(depth > 1 ? 1 : 3);
      if (k === 0) return pick(atoms);
      if (k === 1) return Array.from({ length: rand(3) + 1 }, () => pick(atoms));
      return Object.fromEntries(
        Array.from({ length: rand(3) + 1 }, (_, i) => [`${pick(['k', 'ä', 'a b', 'x[y]'])}${i}`, rand(4) === 0 ? value(depth + 1) : pick(atoms)]),
      );
    };
    let refused = 0;
    for (let run = 0; run < 300; run++) {
      const where = pick(['path', 'query', 'query', 'header', 'cookie'] as const);
      const styles: Record<typeof where, Array<ParamStyle | undefined>> = {
        path: [undefined, 'simple', 'label', 'matrix'],
        query: [undefined, 'form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
        header: [undefined, 'simple'],
        cookie: [undefined, 'form'],
      };
      const spec = styled(
        where,
        pick(styles[where]),
        pick([undefined, true, false]),
        rand(4) === 0 ? { allowReserved: true } : rand(6) === 0 ? { content: 'json' } : {},
      );
      let v = value();
      // Keep most header values sendable (both cores refuse non-Latin-1 ones; some are kept to compare the refusal).
      if (where === 'header' && rand(4) !== 0 && [...(JSON.stringify(v) ?? '')].some((c) => c.charCodeAt(0) > 255)) v = 'latin';
      const op: Operation = { method: 'get', path: '/r/{p}', params: { p: 'fixed', v }, parameters: { v: spec } };
      const label = `run ${run}: ${JSON.stringify(spec)} ${JSON.stringify(v)}`;
      const [a, b] = await Promise.all([outcome(full(), op), outcome(lean(), op)]);
      expect(b, label).toEqual(a);
      if (typeof a === 'string') refused++;
    }
    expect(refused).toBeLessThan(60); // most operations are sent (a refusal, e.g. an empty path value, is compared too)
  });
});

describe('responses', () => {
  const call = (reply: Response, op: Partial<Operation> = {}, binaryAs?: 'blob' | 'arrayBuffer' | 'stream') => {
    const { fetch, seen } = mockFetch(reply);
    const client = new LeanClient({ baseUrl: BASE, fetch, ...(binaryAs ? { binaryAs } : {}) });
    return { promise: client.request<unknown>({ method: 'get', path: '/r', ...op }), seen };
  };

  it('json: parsed; withResponse gives the response, headers and the request id', async () => {
    const { promise } = call(json({ a: 1 }, 200, { 'x-request-id': 'rid-1' }), { responses: { '200': 'json' } });
    const r = await promise.withResponse();
    expect(r.data).toEqual({ a: 1 });
    expect(r.requestId).toBe('rid-1');
    expect(r.response.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
  });

  it('text, an empty JSON body, none, 204, and HEAD', async () => {
    expect(await call(new Response('hi', { headers: { 'content-type': 'text/plain' } }), { responses: { '200': 'text' } }).promise).toBe('hi');
    expect(await call(new Response('  ', { headers: { 'content-type': 'application/json' } })).promise).toBeUndefined();
    expect(await call(new Response('ignored'), { responses: { '200': 'none' } }).promise).toBeUndefined();
    expect(await call(new Response(null, { status: 204 }), { responses: { '204': 'json' } }).promise).toBeUndefined();
    expect(await call(new Response('x'), { method: 'head' }).promise).toBeUndefined();
  });

  it('the kind comes from the status, its range, default, then the Content-Type', async () => {
    expect(await call(new Response('{"a":1}'), { responses: { '2XX': 'json' } }).promise).toEqual({ a: 1 });
    expect(await call(new Response('{"a":1}'), { responses: { default: 'text' } }).promise).toBe('{"a":1}');
    expect(await call(new Response('{"a":1}', { headers: { 'content-type': 'application/problem+json' } })).promise).toEqual({ a: 1 });
    expect(await call(new Response('<a/>', { headers: { 'content-type': 'application/xml' } })).promise).toBe('<a/>');
    expect(await call(new Response('{"a":1}')).promise).toBe('{"a":1}'); // no type: text
  });

  it('binary as Blob (default), ArrayBuffer or the stream', async () => {
    const bytes = () => new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'application/octet-stream' } });
    const blob = await call(bytes()).promise;
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (blob as Blob).arrayBuffer())]).toEqual([1, 2, 3]);
    const buffer = await call(bytes(), {}, 'arrayBuffer').promise;
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    const stream = await call(bytes(), {}, 'stream').promise;
    expect(stream).toBeInstanceOf(ReadableStream);
    const perRequest = await new LeanClient({ baseUrl: BASE, fetch: async () => bytes() }).request({ method: 'get', path: '/x' }, { binaryAs: 'arrayBuffer' });
    expect(perRequest).toBeInstanceOf(ArrayBuffer);
  });

  it('a 2xx JSON body that does not parse rejects with a ResponseParseError (status, raw text, the call)', async () => {
    const { promise } = call(new Response('{oops', { headers: { 'content-type': 'application/json' } }));
    await expect(promise).rejects.toThrow(new ResponseParseError(200, '{oops', { request: { method: 'GET', url: `${BASE}/r` } }));
  });

  it('asResponse gives the raw response, body unread', async () => {
    const { promise } = call(json({ a: 1 }));
    const response = await promise.asResponse();
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ a: 1 });
  });
});

describe('errors', () => {
  it('a non-2xx status rejects with the status’s ApiError subclass: status, body, headers, request id', async () => {
    const { fetch } = mockFetch(json({ detail: 'No such pet.' }, 404, { 'x-request-id': 'rid-404' }));
    const err = await new LeanClient({ baseUrl: BASE, fetch })
      .request({ method: 'get', path: '/pets/1', responses: { '404': 'json' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as NotFoundError<{ detail: string }>;
    expect(e.status).toBe(404);
    expect(e.body).toEqual({ detail: 'No such pet.' });
    expect(e.requestId).toBe('rid-404');
    expect(e.headers.get('x-request-id')).toBe('rid-404');
    expect(e.message).toBe('404 No such pet. (GET https://api.example.com/v1/pets/1, request id rid-404)');
  });

  it.each<[number, new (...args: never[]) => ApiError]>([
    [422, UnprocessableEntityError],
    [503, InternalServerError],
    [418, ApiError],
  ])('%i → %o; an error body that is not JSON is kept as text; a binary error body is read as text', async (status, Ctor) => {
    const { fetch } = mockFetch(new Response('not json', { status, headers: { 'content-type': 'application/json' } }));
    const err = await new LeanClient({ baseUrl: BASE, fetch })
      .request({ method: 'get', path: '/x', responses: { default: 'binary' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Ctor);
    expect((err as ApiError).body).toBe('not json');
  });

  it('no retries: a 503 is sent once', async () => {
    const { fetch, seen } = mockFetch(new Response(null, { status: 503 }), json({}));
    await expect(new LeanClient({ baseUrl: BASE, fetch }).request({ method: 'get', path: '/x' })).rejects.toBeInstanceOf(InternalServerError);
    expect(seen).toHaveLength(1);
  });

  it('a failed fetch rejects with a ConnectionError (cause kept)', async () => {
    const cause = new TypeError('fetch failed');
    const err = await new LeanClient({ baseUrl: BASE, fetch: async () => Promise.reject(cause) })
      .request({ method: 'get', path: '/x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).cause).toBe(cause);
  });

  it('a body that fails mid-read rejects with a ConnectionError', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"a":'));
        c.error(new Error('reset'));
      },
    });
    const fetch = async () => new Response(body, { headers: { 'content-type': 'application/json' } });
    await expect(new LeanClient({ baseUrl: BASE, fetch }).request({ method: 'get', path: '/x' })).rejects.toBeInstanceOf(ConnectionError);
  });

  it('a missing path parameter and an op.url on another origin reject before any request', async () => {
    const { fetch, seen } = mockFetch(json({}));
    const client = new LeanClient({ baseUrl: BASE, fetch });
    await expect(client.request({ method: 'get', path: '/a/{id}' })).rejects.toThrow('Missing required path parameter "id"');
    await expect(client.request({ method: 'get', path: '/a', url: 'https://evil.example/a' })).rejects.toThrow(/another origin/);
    expect(seen).toHaveLength(0);
  });
});

describe('header values with CR or LF are rejected before any request', () => {
  it.each<[string, (client: LeanClient) => Promise<unknown>]>([
    ['a client header', (c) => new LeanClient({ ...c.options, headers: { 'X-Bad': 'a\r\nInjected: 1' } }).request({ method: 'get', path: '/x' })],
    ['a per-request header', (c) => c.request({ method: 'get', path: '/x' }, { headers: { 'X-Bad': 'a\nb' } })],
    ['a header parameter', (c) => c.request({ method: 'get', path: '/x', params: { 'X-Bad': 'a\rb' }, parameters: { 'X-Bad': { in: 'header' } } })],
  ])('%s', async (_, send) => {
    const { fetch, seen } = mockFetch(json({}));
    const client = new LeanClient({ baseUrl: BASE, fetch });
    await expect(send(client)).rejects.toThrow(/contains a CR, LF or NUL character/);
    expect(seen).toHaveLength(0);
  });
});

describe('options only the full client has are refused, not ignored', () => {
  it.each<[string, RequestOptions]>([
    ['timeoutMs', { timeoutMs: 100 }],
    ['maxRetries above 0', { maxRetries: 2 }],
    ['idempotencyKey', { idempotencyKey: 'k' }],
    ['retryNonIdempotent', { retryNonIdempotent: true }],
  ])('per request: %s rejects before any request', async (name, options) => {
    const { fetch, seen } = mockFetch(json({}));
    const client = new LeanClient({ baseUrl: BASE, fetch });
    await expect(client.request({ method: 'get', path: '/x' }, options)).rejects.toThrow(new RegExp(`LeanClient has no \`${name.split(' ')[0]}\``));
    expect(seen).toHaveLength(0);
  });

  it('timeoutMs says what to use instead; maxRetries: 0 is accepted (it is what the lean core does)', async () => {
    const { fetch, seen } = mockFetch(json({ ok: 1 }));
    const client = new LeanClient({ baseUrl: BASE, fetch });
    const timeout: RequestOptions = { timeoutMs: 5 }; // what a generated method passes on
    const noRetries: RequestOptions = { maxRetries: 0 };
    await expect(client.request({ method: 'get', path: '/x' }, timeout)).rejects.toThrow('pass `signal: AbortSignal.timeout(ms)` instead');
    await expect(client.request({ method: 'get', path: '/x', responses: { '200': 'json' } }, noRetries)).resolves.toEqual({ ok: 1 });
    expect(seen).toHaveLength(1);
  });

  it('client options of the full client, given through a variable (no excess-property check), throw at construction', () => {
    const options = { baseUrl: BASE, timeoutMs: 1000 };
    expect(() => new LeanClient(options)).toThrow('LeanClient has no `timeoutMs` (client option)');
    const withAuth = { baseUrl: BASE, auth: { bearerAuth: 't' } };
    expect(() => new LeanClient(withAuth)).toThrow('LeanClient has no `auth`');
  });

  it.each<[string, unknown, string]>([
    ['no options', undefined, 'LeanClient needs `baseUrl`, an absolute URL'],
    ['no baseUrl', {}, 'LeanClient needs `baseUrl`, an absolute URL'],
    ['a base URL without a scheme', { baseUrl: '127.0.0.1:8080' }, 'has no scheme: write it as "http://127.0.0.1:8080"'],
    ['a relative base URL', { baseUrl: '/api' }, '"/api" is relative and there is no page to resolve it against'],
    // Every request appends its path: `/v1?key=a` + `/pets` would put the path inside the query.
    [
      'a base URL with a query',
      { baseUrl: 'https://x.test/v1?key=a' },
      'has a query or fragment, and every request appends its path to it: pass "https://x.test/v1"',
    ],
    ['a base URL with a fragment', { baseUrl: 'https://x.test/v1#top' }, 'has a query or fragment'],
    ['a base URL with credentials (fetch refuses them)', { baseUrl: 'https://user:secret@x.test/v1' }, 'The base URL "https://x.test/v1" holds credentials'],
    ['a server variable left in the host', { baseUrl: 'https://{region}.x.test' }, 'has a brace in its host'],
  ])('%s: a clear UsageError at construction', (_, options, message) => {
    expect(() => new LeanClient(options as never)).toThrow(UsageError);
    expect(() => new LeanClient(options as never)).toThrow(message);
    // A password in the base URL never reaches the message.
    expect(() => new LeanClient(options as never)).not.toThrow(/secret/);
  });
});

describe('signal and fetch', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('an aborted signal rejects with an AbortError and sends nothing', async () => {
    const { fetch, seen } = mockFetch(json({}));
    const reason = new Error('stop');
    const err = await new LeanClient({ baseUrl: BASE, fetch })
      .request({ method: 'get', path: '/x' }, { signal: AbortSignal.abort(reason) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect((err as AbortError).cause).toBe(reason);
    expect(seen).toHaveLength(0);
  });

  it('the signal reaches fetch; aborting while waiting rejects with an AbortError', async () => {
    let received: AbortSignal | undefined;
    const fetch: FetchLike = (_input, init) =>
      new Promise((_, reject) => {
        received = init?.signal ?? undefined;
        received?.addEventListener('abort', () => reject(received?.reason), { once: true });
      });
    const controller = new AbortController();
    const promise = new LeanClient({ baseUrl: BASE, fetch }).request({ method: 'get', path: '/x' }, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort('user');
    const err = await promise.catch((e: unknown) => e);
    expect(received).toBe(controller.signal);
    expect(err).toBeInstanceOf(AbortError);
    expect((err as AbortError).cause).toBe('user');
  });

  it('fetch: the per-request one wins over the client’s; called as (url, init)', async () => {
    const client = mockFetch(json({ from: 'client' }));
    const request = mockFetch(json({ from: 'request' }));
    const calls: Array<[unknown, unknown]> = [];
    const spy: FetchLike = (input, init) => {
      calls.push([typeof input, init?.method]);
      return request.fetch(input, init);
    };
    const c = new LeanClient({ baseUrl: BASE, fetch: client.fetch });
    expect(await c.request({ method: 'get', path: '/x' }, { fetch: spy })).toEqual({ from: 'request' });
    expect(await c.request({ method: 'get', path: '/x' })).toEqual({ from: 'client' });
    expect(calls).toEqual([['string', 'GET']]);
  });

  it('without the option, the global fetch is looked up per call', async () => {
    const client = new LeanClient({ baseUrl: `${BASE}/` });
    expect(client.baseUrl).toBe(BASE);
    const first = mockFetch(json(1));
    vi.stubGlobal('fetch', first.fetch);
    expect(await client.request({ method: 'get', path: '/x' })).toBe(1);
    const second = mockFetch(json(2));
    vi.stubGlobal('fetch', second.fetch);
    expect(await client.request({ method: 'get', path: '/x' })).toBe(2);
    expect(second.seen[0]?.url).toBe(`${BASE}/x`);
  });
});

describe('pagination over the lean core', () => {
  it('requestPage walks every page with the lean core', async () => {
    const { fetch, seen } = mockFetch(json({ results: [1, 2], next: 'yes' }), json({ results: [3], next: null }));
    const items: unknown[] = [];
    const pages = requestPage<number>(new LeanClient({ baseUrl: BASE, fetch }), {
      method: 'get',
      path: '/items',
      params: { page: 1 },
      responses: { '200': 'json' },
      pagination: { style: 'page', pageParam: 'page', itemsField: '/results', nextField: '/next' },
    });
    for await (const item of pages) items.push(item);
    expect(items).toEqual([1, 2, 3]);
    expect(seen.map((s) => s.url)).toEqual([`${BASE}/items?page=1`, `${BASE}/items?page=2`]);
  });
});
