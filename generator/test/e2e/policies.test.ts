/**
 * The client's policies (issue 13), through the generated Improvado client against a `node:http` server on 127.0.0.1:
 * retries (which calls, delay hints, the cap, idempotency keys, bodies), errors (bodies, messages, causes), usage errors
 * that are never sent or retried, header and auth layering, `withOptions`, the token's lifetime, and cancellation.
 * Time is faked where it matters: `hooks.sleep` records the delay and returns at once (or rejects when the signal aborts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientModule, type Dyn, json, loadClient, type Received, REFUSED_URL, startServer, type TestServer } from './harness.js';

/** The part of the generated client these tests use (checked against the real one by the generated-client tsc tests). */
interface Op {
  method: string;
  path: string;
  operationId?: string;
  params?: object;
  parameters?: Record<string, { in: 'path' | 'query' | 'header' | 'cookie'; secret?: boolean }>;
  body?: unknown;
  bodyKind?: 'json' | 'text' | 'binary';
  responses?: Record<string, 'json' | 'text' | 'binary' | 'none'>;
  idempotencyHeader?: string;
  idempotent?: boolean;
  security?: string[][];
}
interface CallOptions {
  signal?: AbortSignal;
  headers?: Record<string, string | null | undefined>;
  idempotencyKey?: string;
  retryNonIdempotent?: boolean;
  maxRetries?: number;
  timeoutMs?: number;
  binaryAs?: 'stream';
}
interface Pending<T> extends PromiseLike<T> {
  asResponse(): Promise<Response>;
}
interface Client {
  request(op: Op, options?: CallOptions): Pending<unknown>;
  withOptions(overrides: Dyn): Client;
  readonly baseUrl: string;
  workspaces: { list(params?: Dyn, options?: CallOptions): Pending<Dyn>; retrieve(id: number, options?: CallOptions): Pending<Dyn> };
}
type ErrorLike = Error & {
  status?: number;
  body?: unknown;
  method?: string;
  url?: string;
  retryAfterMs?: number;
  text?: string;
};

let mod: ClientModule;
let server: TestServer;
let sleeps: number[] = [];
let now = Date.parse('2026-12-06T12:00:00Z');

/** Records each sleep and returns at once; rejects with the signal's reason when it aborts (as the real sleep does). */
const hooks = {
  now: () => now,
  random: () => 0,
  sleep: (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      sleeps.push(ms);
      if (signal?.aborted) return reject(signal.reason);
      resolve();
    }),
};

function make(options: Dyn = {}): Client {
  const Ctor = mod.Improvado as unknown as new (o: Dyn) => Client;
  return new Ctor({ baseUrl: server.url, hooks, auth: { bearerAuth: 'tok-policy-1234' }, ...options });
}

async function failure(p: PromiseLike<unknown>): Promise<ErrorLike> {
  try {
    await p;
  } catch (err) {
    return err as ErrorLike;
  }
  throw new Error('expected the call to fail');
}

const GET: Op = { method: 'get', path: '/api/v3/things', responses: { '200': 'json' } };

beforeAll(async () => {
  mod = await loadClient();
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

function reset(handler: (req: Received, res: import('node:http').ServerResponse) => void | Promise<void>): void {
  sleeps = [];
  server.reset(handler);
}

describe('retry delay hints', () => {
  /** 503 with `headers` once, then 200: returns the recorded sleep. */
  async function delayFor(headers: Record<string, string>): Promise<number | undefined> {
    let n = 0;
    reset((_req, res) => (n++ === 0 ? json(res, 503, { detail: 'busy' }, headers) : json(res, 200, { ok: true })));
    await make().request(GET);
    expect(server.requests).toHaveLength(2);
    return sleeps[0];
  }

  it('retry-after-ms first, then Retry-After seconds, then an HTTP date; a past date means now', async () => {
    expect(await delayFor({ 'retry-after-ms': '1250', 'retry-after': '9' })).toBe(1250);
    expect(await delayFor({ 'retry-after': '3' })).toBe(3000);
    expect(await delayFor({ 'retry-after': new Date(now + 7000).toUTCString() })).toBe(7000);
    expect(await delayFor({ 'retry-after': new Date(now - 60_000).toUTCString() })).toBe(0);
  });

  it.each(['0x10', '1e1', '-3', '1.5', ' ', 'soon'])('Retry-After %j is not delta-seconds nor a date: exponential backoff', async (value) => {
    expect(await delayFor({ 'retry-after': value })).toBe(500);
  });

  it('retry-after-ms that is not a non-negative number falls back to Retry-After', async () => {
    expect(await delayFor({ 'retry-after-ms': '-5', 'retry-after': '2' })).toBe(2000);
    expect(await delayFor({ 'retry-after-ms': 'NaN' })).toBe(500);
  });

  it('a hint above maxRetryDelayMs is never slept: the typed error is thrown at once, with retryAfterMs', async () => {
    reset((_req, res) => json(res, 429, { detail: 'slow down' }, { 'retry-after': '120' }));
    const err = await failure(make().request(GET));
    expect(err).toBeInstanceOf(mod.RateLimitError);
    expect(err.retryAfterMs).toBe(120_000);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    // A client that accepts longer waits retries.
    let n = 0;
    reset((_req, res) => (n++ === 0 ? json(res, 429, {}, { 'retry-after': '120' }) : json(res, 200, { ok: true })));
    expect(await make({ maxRetryDelayMs: 180_000 }).request(GET)).toEqual({ ok: true });
    expect(sleeps).toEqual([120_000]);
  });

  it('every ApiError of a 429 or 503 exposes the parsed hint; others do not', async () => {
    reset((_req, res) => json(res, 503, {}, { 'retry-after': '2' }));
    expect((await failure(make({ maxRetries: 0 }).request(GET))).retryAfterMs).toBe(2000);
    reset((_req, res) => json(res, 429, {}));
    expect((await failure(make({ maxRetries: 0 }).request(GET))).retryAfterMs).toBeUndefined();
    reset((_req, res) => json(res, 500, {}, { 'retry-after': '2' }));
    expect((await failure(make({ maxRetries: 0 }).request(GET))).retryAfterMs).toBeUndefined();
  });
});

describe('which calls are retried', () => {
  const alwaysBusy = (): void => reset((_req, res) => json(res, 503, { detail: 'busy' }));

  it.each(['get', 'head', 'options', 'put', 'delete'])('%s is retried by default', async (method) => {
    alwaysBusy();
    await failure(make().request({ method, path: '/x', responses: { '200': 'json' } }));
    expect(server.requests).toHaveLength(3);
  });

  it.each(['post', 'patch'])('%s without an idempotency key is not retried', async (method) => {
    alwaysBusy();
    await failure(make().request({ method, path: '/x', body: { a: 1 } }));
    expect(server.requests).toHaveLength(1);
  });

  it('an operation the spec marks x-idempotent: false is never retried, whatever its method', async () => {
    alwaysBusy();
    await failure(make().request({ method: 'put', path: '/loads/1/run', idempotent: false }));
    expect(server.requests).toHaveLength(1);
    // The caller can still opt in.
    alwaysBusy();
    await failure(make().request({ method: 'put', path: '/loads/1/run', idempotent: false }, { retryNonIdempotent: true }));
    expect(server.requests).toHaveLength(3);
  });

  it('x-idempotent: true retries a POST', async () => {
    alwaysBusy();
    await failure(make().request({ method: 'post', path: '/search', body: { q: 1 }, idempotent: true }));
    expect(server.requests).toHaveLength(3);
  });

  it('a POST with the spec’s idempotency header: retried, one generated key on every attempt, byte-identical bodies', async () => {
    alwaysBusy();
    const body = { name: 'x', nested: { list: [1, 2, 3] }, text: 'é ✓' };
    await failure(make().request({ method: 'post', path: '/x', body, idempotencyHeader: 'Idempotency-Key' }));
    expect(server.requests).toHaveLength(3);
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    expect(new Set(server.requests.map((r) => r.body)).size).toBe(1);
    expect(server.requests[0]?.body).toBe(JSON.stringify(body));
  });

  it('a key the caller passes is sent as is on every attempt: in the per-call headers, as idempotencyKey, or as a header parameter', async () => {
    const op: Op = { method: 'post', path: '/x', body: {}, idempotencyHeader: 'Idempotency-Key' };
    alwaysBusy();
    await failure(make().request(op, { headers: { 'idempotency-key': 'mine-1' } }));
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['mine-1', 'mine-1', 'mine-1']);
    alwaysBusy();
    await failure(make().request(op, { idempotencyKey: 'mine-2' }));
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['mine-2', 'mine-2', 'mine-2']);
    alwaysBusy();
    await failure(make().request({ ...op, params: { 'Idempotency-Key': 'mine-3' }, parameters: { 'Idempotency-Key': { in: 'header' } } }));
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['mine-3', 'mine-3', 'mine-3']);
  });

  it('a client-wide idempotencyHeader gives every POST a key and makes it retryable; GET gets none', async () => {
    alwaysBusy();
    const client = make({ idempotencyHeader: 'X-Idem' });
    await failure(client.request({ method: 'post', path: '/x', body: {} }));
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((r) => r.headers['x-idem'])).size).toBe(1);
    alwaysBusy();
    await failure(client.request(GET));
    expect(server.requests[0]?.headers['x-idem']).toBeUndefined();
  });

  it('a one-shot stream body is never retried', async () => {
    alwaysBusy();
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('chunk'));
        c.close();
      },
    });
    await failure(make().request({ method: 'put', path: '/upload', body: stream, bodyKind: 'binary' }));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.body).toBe('chunk');
  });

  it('a connection error is retried for GET with backoff, and not for POST', async () => {
    const url = REFUSED_URL;
    sleeps = [];
    const err = await failure(make({ baseUrl: url }).request(GET));
    expect(err).toBeInstanceOf(mod.ConnectionError);
    expect(sleeps).toEqual([500, 1000]);
    sleeps = [];
    await failure(make({ baseUrl: url }).request({ method: 'post', path: '/x', body: {} }));
    expect(sleeps).toEqual([]);
  });
});

describe('usage errors are thrown at once, never sent or retried', () => {
  const cases: Array<[string, Dyn, Op, RegExp]> = [
    ['a base URL without a scheme', { baseUrl: '127.0.0.1:4617' }, GET, /base URL "127\.0\.0\.1:4617" has no scheme: write it as "http:\/\/127\.0\.0\.1:4617"/],
    ['a host:port base URL', { baseUrl: 'localhost:4617' }, GET, /has no scheme: write it as "http:\/\/localhost:4617"/],
    ['a relative base URL where no page exists', { baseUrl: '/api' }, GET, /"\/api" is relative and there is no page to resolve it against/],
    ['a base URL of another scheme', { baseUrl: 'ftp://example.com' }, GET, /"ftp:\/\/example\.com" is not an http\(s\) URL/],
    ['a GET with a body', {}, { method: 'get', path: '/x', body: { a: 1 } }, /A GET request cannot have a body \(GET \/x\)/],
    ['a HEAD with a body', {}, { method: 'head', path: '/x', body: 'text', bodyKind: 'text' }, /A HEAD request cannot have a body/],
  ];
  it.each(cases)('%s', async (_name, options, op, message) => {
    reset((_req, res) => json(res, 200, {}));
    const err = await failure(make(options).request(op));
    expect(err).toBeInstanceOf(mod.SdkError);
    expect(err.name).toBe('UsageError');
    expect(err.message).toMatch(message);
    expect(server.requests).toHaveLength(0);
    expect(sleeps).toEqual([]);
  });

  it('a header value with CR/LF', async () => {
    reset((_req, res) => json(res, 200, {}));
    const err = await failure(make().request(GET, { headers: { 'X-Note': 'a\r\nInjected: 1' } }));
    expect(err.name).toBe('UsageError');
    expect(err.message).toMatch(/Header "X-Note" contains a CR, LF or NUL character/);
    expect(server.requests).toHaveLength(0);
    expect(sleeps).toEqual([]);
  });
});

describe('errors carry what a person needs', () => {
  it('an error body is read whether or not the spec declares content for the status', async () => {
    reset((_req, res) => json(res, 429, { detail: 'Too many requests, wait a bit' }));
    const err = await failure(make({ maxRetries: 0 }).request({ ...GET, responses: { '200': 'json', '429': 'none' } }));
    expect(err).toBeInstanceOf(mod.RateLimitError);
    expect(err.body).toEqual({ detail: 'Too many requests, wait a bit' });
    expect(err.message).toBe(`429 Too many requests, wait a bit (GET ${server.url}/api/v3/things)`);
  });

  it.each([
    ['application/problem+json', '{"title":"Bad","detail":"field x"}', { title: 'Bad', detail: 'field x' }],
    ['application/vnd.api+json; charset=utf-8', '{"errors":[1]}', { errors: [1] }],
    ['application/json', '{not json', '{not json'],
    ['text/plain', '{"looks":"json"}', '{"looks":"json"}'],
    ['text/html', '<h1>Bad gateway</h1>', '<h1>Bad gateway</h1>'],
  ])('a %s error body: %s', async (type, text, expected) => {
    reset((_req, res) => {
      res.writeHead(400, { 'content-type': type });
      res.end(text);
    });
    expect((await failure(make().request(GET))).body).toEqual(expected);
  });

  it('a 2xx whose JSON does not parse is a ResponseParseError with status and raw text', async () => {
    reset((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"truncated":');
    });
    const err = await failure(make().request(GET));
    expect(err.name).toBe('ResponseParseError');
    expect(err.status).toBe(200);
    expect(err.text).toBe('{"truncated":');
    expect(err.message).toBe(`The 200 response body is not valid JSON (GET ${server.url}/api/v3/things)`);
  });

  it('messages name the method and URL; secret query values are ***', async () => {
    reset((_req, res) => json(res, 404, { detail: 'No such thing' }));
    const err = await failure(
      make().request({
        method: 'get',
        path: '/things/{id}',
        params: { id: 7, q: 'visible', api_key: 'hidden-1', pin: 'hidden-2' },
        parameters: { id: { in: 'path' }, q: { in: 'query' }, api_key: { in: 'query' }, pin: { in: 'query', secret: true } },
      }),
    );
    expect(err).toBeInstanceOf(mod.NotFoundError);
    expect(err.message).toBe(`404 No such thing (GET ${server.url}/things/7?q=visible&api_key=***&pin=***)`);
    expect(err.method).toBe('GET');
    expect(err.url).toBe(`${server.url}/things/7?q=visible&api_key=***&pin=***`);
    expect(JSON.stringify(err)).not.toMatch(/hidden-/);
  });

  it('a refused connection names the cause and the call', async () => {
    const url = REFUSED_URL;
    const err = await failure(make({ baseUrl: url, maxRetries: 0 }).request(GET));
    expect(err).toBeInstanceOf(mod.ConnectionError);
    expect(err.message).toBe(`Connection error: ECONNREFUSED 127.0.0.1:2 (GET ${url}/api/v3/things)`);
  });

  it('a timeout says after how long, and the call', async () => {
    reset(() => new Promise(() => undefined)); // never answers
    const err = await failure(make({ maxRetries: 0, timeoutMs: 50 }).request(GET));
    expect(err).toBeInstanceOf(mod.TimeoutError);
    expect(err.message).toBe(`Request timed out after 50 ms (GET ${server.url}/api/v3/things)`);
  });
});

describe('headers, auth and options compose predictably', () => {
  it('layers, later wins, names case-insensitive: client headers → credentials → content type and header parameters → per-call headers', async () => {
    reset((_req, res) => json(res, 200, {}));
    const client = make({
      headers: { authorization: 'Client default', 'x-a': 'client', 'x-b': 'client', 'CONTENT-TYPE': 'text/x-default', 'x-gone': 'client' },
    });
    await client.request(
      { method: 'post', path: '/x', body: { a: 1 }, params: { 'X-B': 'param' }, parameters: { 'X-B': { in: 'header' } }, security: [['bearerAuth']] },
      { headers: { 'X-A': 'call', 'x-gone': null, 'x-b': undefined } },
    );
    const h = server.requests[0]?.headers ?? {};
    expect(h.authorization).toBe('Bearer tok-policy-1234'); // credentials over client defaults
    expect(h['content-type']).toBe('application/json'); // the body's type over client defaults
    expect(h['x-b']).toBe('param'); // header parameter over client default; undefined per call changes nothing
    expect(h['x-a']).toBe('call'); // per call over everything
    expect(h['x-gone']).toBeUndefined(); // null removes
  });

  it('never mutates the caller’s objects', async () => {
    reset((_req, res) => json(res, 200, {}));
    const deepFreeze = <T>(o: T): T => {
      if (o && typeof o === 'object') for (const v of Object.values(o)) deepFreeze(v);
      return Object.freeze(o);
    };
    const options = deepFreeze({ headers: { 'x-a': '1' }, maxRetries: 1 });
    const op = deepFreeze({
      method: 'post',
      path: '/x/{id}',
      params: { id: 1, q: [1, 2] },
      parameters: { id: { in: 'path' as const } },
      body: { a: { b: 1 } },
      idempotencyHeader: 'Idempotency-Key',
    });
    const copy = structuredClone({ options, op });
    const client = make(deepFreeze({ headers: { 'x-c': '1' }, auth: { bearerAuth: 'tok-policy-1234' } }));
    await client.request(op, options);
    await client.withOptions(deepFreeze({ headers: { 'x-d': '1' } })).request(op, options);
    expect({ options, op }).toEqual(copy);
  });

  it('withOptions merges auth per scheme key and headers; undefined keeps, null removes', async () => {
    reset((_req, res) => json(res, 200, {}));
    const base = make({ auth: { basicAuth: { username: 'u', password: 'p-secret' }, bearerAuth: 'tok-1' }, headers: { 'x-a': '1', 'x-b': '2' } });
    const derived = base.withOptions({ auth: { bearerAuth: 'tok-2' }, headers: { 'x-b': null, 'x-c': '3' }, timeoutMs: undefined });
    await derived.request({ ...GET, security: [['basicAuth']] });
    await derived.request({ ...GET, security: [['bearerAuth']] });
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${btoa('u:p-secret')}`); // kept
    expect(server.requests[1]?.headers.authorization).toBe('Bearer tok-2'); // replaced
    expect(server.requests[1]?.headers['x-a']).toBe('1');
    expect(server.requests[1]?.headers['x-b']).toBeUndefined();
    expect(server.requests[1]?.headers['x-c']).toBe('3');
    const removed = derived.withOptions({ auth: { bearerAuth: null } });
    await removed.request({ ...GET, security: [['bearerAuth']] });
    expect(server.requests[2]?.headers.authorization).toBeUndefined();
  });
});

describe('a token from the token endpoint', () => {
  /** A server that issues `tok-<n>` with `expiresIn` (when given) and answers 401 to tokens in `revoked`. */
  function tokenServer(expiresIn: unknown, revoked: Set<string> = new Set()): { issued: () => number } {
    let issued = 0;
    reset(async (req, res) => {
      if (req.pathname === '/api/v3/token') {
        await new Promise((r) => setTimeout(r, 20)); // a slow token endpoint: concurrent calls wait for one request
        issued++;
        return json(res, 200, expiresIn === undefined ? { token: `tok-${issued}` } : { token: `tok-${issued}`, expires_in: expiresIn });
      }
      const token = String(req.headers.authorization ?? '').replace('Bearer ', '');
      if (revoked.has(token)) return json(res, 401, { detail: 'expired' });
      json(res, 200, { token });
    });
    return { issued: () => issued };
  }
  const WORKSPACE: Op = { method: 'get', path: '/api/v3/workspace-thing', security: [['bearerAuth']] };
  const withToken = (): Client => make({ auth: { basicAuth: { username: 'agency', password: 'pw-1234' }, bearerAuth: { workspace_id: 42 } } });

  it('is cached for the expires_in of the token response, renewed a little before it expires', async () => {
    const s = tokenServer(120); // 2 minutes, less than the spec's 30
    const client = withToken();
    expect(await client.request(WORKSPACE)).toEqual({ token: 'tok-1' });
    now += 100_000; // 100 s: inside the lifetime, before the margin (12 s)
    expect(await client.request(WORKSPACE)).toEqual({ token: 'tok-1' });
    now += 110_000; // the use at 100 s slid the expiry to 220 s (the spec's slidingExpiry); 210 s is inside the margin
    expect(await client.request(WORKSPACE)).toEqual({ token: 'tok-2' });
    expect(s.issued()).toBe(2);
  });

  it('without expires_in, the spec’s stated lifetime applies', async () => {
    const s = tokenServer(undefined);
    const client = withToken();
    await client.request(WORKSPACE);
    now += 20 * 60_000; // 20 min of the spec's 30
    expect(await client.request(WORKSPACE)).toEqual({ token: 'tok-1' });
    now += 31 * 60_000; // the use at 20 min slid the expiry to 50 min; 51 min is past it
    expect(await client.request(WORKSPACE)).toEqual({ token: 'tok-2' });
    expect(s.issued()).toBe(2);
  });

  it('a 401 renews once, single-flight, for calls in flight together', async () => {
    const revoked = new Set<string>();
    const s = tokenServer(3600, revoked);
    const client = withToken();
    await client.request(WORKSPACE);
    revoked.add('tok-1');
    const results = await Promise.all([1, 2, 3, 4].map(() => client.request(WORKSPACE)));
    expect(results).toEqual([1, 2, 3, 4].map(() => ({ token: 'tok-2' })));
    expect(s.issued()).toBe(2);
  });
});

describe('cancellation reaches everything', () => {
  /** An AbortController whose signal counts the listeners added and removed. */
  function countedController(): { controller: AbortController; live: () => number } {
    const controller = new AbortController();
    const signal = controller.signal;
    let live = 0;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    const listeners = new Set<unknown>();
    signal.addEventListener = ((type: string, fn: EventListenerOrEventListenerObject, opts?: AddEventListenerOptions) => {
      if (!listeners.has(fn)) {
        listeners.add(fn);
        live++;
      }
      const wrapped = opts?.once
        ? (e: Event) => {
            if (listeners.delete(fn)) live--;
            if (typeof fn === 'function') fn(e);
            else fn.handleEvent(e);
          }
        : fn;
      if (opts?.once) onceMap.set(fn, wrapped);
      add(type, wrapped, opts);
    }) as typeof signal.addEventListener;
    const onceMap = new Map<unknown, EventListenerOrEventListenerObject>();
    signal.removeEventListener = ((type: string, fn: EventListenerOrEventListenerObject, opts?: EventListenerOptions) => {
      if (listeners.delete(fn)) live--;
      remove(type, onceMap.get(fn) ?? fn, opts);
      onceMap.delete(fn);
    }) as typeof signal.removeEventListener;
    return { controller, live: () => live };
  }

  it('listeners added to the caller’s signal are removed after a success, an error and a retry', async () => {
    let n = 0;
    reset((_req, res) => (n++ % 2 === 0 ? json(res, 503, {}) : json(res, 200, { ok: 1 })));
    const c = countedController();
    await make().request(GET, { signal: c.controller.signal });
    reset((_req, res) => json(res, 404, {}));
    await failure(make().request(GET, { signal: c.controller.signal }));
    expect(c.live()).toBe(0);
  });

  it('aborts a request in flight', async () => {
    reset(() => new Promise(() => undefined));
    const c = countedController();
    const p = make().request(GET, { signal: c.controller.signal });
    setTimeout(() => c.controller.abort(new Error('user left')), 30);
    const err = await failure(p);
    expect(err).toBeInstanceOf(mod.AbortError);
    expect(err.message).toBe(`Request was aborted (GET ${server.url}/api/v3/things)`);
    expect(server.requests).toHaveLength(1);
    expect(c.live()).toBe(0);
  });

  it('aborts the retry sleep (the real one)', async () => {
    reset((_req, res) => json(res, 503, {}, { 'retry-after': '30' }));
    const c = countedController();
    const Ctor = mod.Improvado as unknown as new (o: Dyn) => Client;
    const client = new Ctor({ baseUrl: server.url });
    const started = Date.now();
    const p = client.request(GET, { signal: c.controller.signal });
    setTimeout(() => c.controller.abort(), 50);
    expect(await failure(p)).toBeInstanceOf(mod.AbortError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(1);
    expect(c.live()).toBe(0);
  });

  /** A server that sends the headers and the first chunk, then stalls. */
  const stalling = (type: string): void =>
    reset((_req, res) => {
      res.writeHead(200, { 'content-type': type });
      res.write(type.includes('json') ? '{"a":' : 'first');
    });

  it('aborts the reading of the body', async () => {
    stalling('application/json');
    const c = countedController();
    const p = make().request(GET, { signal: c.controller.signal });
    setTimeout(() => c.controller.abort(), 50);
    expect(await failure(p)).toBeInstanceOf(mod.AbortError);
    expect(c.live()).toBe(0);
  });

  it('aborts the body of .asResponse() until it is consumed; the timeout no longer applies to it', async () => {
    stalling('application/json');
    const c = countedController();
    const response = await make({ timeoutMs: 40 }).request(GET, { signal: c.controller.signal }).asResponse();
    await new Promise((r) => setTimeout(r, 80)); // past the timeout: the body is the caller's now
    const reading = response.text();
    setTimeout(() => c.controller.abort(), 20);
    const err = await reading.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(mod.AbortError);
    expect(c.live()).toBe(0);
  });

  it('aborts a streamed binary body; a body read to the end removes the listener', async () => {
    stalling('application/octet-stream');
    const c = countedController();
    const stream = (await make().request(
      { ...GET, responses: { '200': 'binary' } },
      { signal: c.controller.signal, binaryAs: 'stream' },
    )) as ReadableStream<Uint8Array>;
    const reader = stream.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first');
    setTimeout(() => c.controller.abort(), 20);
    await expect(reader.read()).rejects.toBeInstanceOf(mod.AbortError);
    expect(c.live()).toBe(0);

    reset((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end('whole');
    });
    const c2 = countedController();
    const response = await make().request(GET, { signal: c2.controller.signal }).asResponse();
    expect(await response.text()).toBe('whole');
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${server.url}/api/v3/things`);
    expect(c2.live()).toBe(0);
  });
});
