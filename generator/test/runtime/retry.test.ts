import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterHint } from '../../runtime/retry.js';
import { AbortError, ConnectionError, InternalServerError, RateLimitError, TimeoutError } from '../../runtime/errors.js';
import { fakeHooks, json, mockFetch, TestClient } from './helpers.js';

const failing = (status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ details: 'x' }), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('retries', () => {
  it.each([408, 409, 429, 500, 502, 503, 504])('retries %i with exponential backoff, then succeeds', async (status) => {
    const t = fakeHooks();
    const { fetch, seen } = mockFetch(failing(status), failing(status), json({ ok: 1 }));
    expect(await new TestClient({ fetch, hooks: t.hooks }).request({ method: 'get', path: '/r' })).toEqual({ ok: 1 });
    expect(seen).toHaveLength(3);
    expect(t.sleeps).toEqual([500, 1000]);
  });

  it('gives up after maxRetries (default 2) with the last error', async () => {
    const t = fakeHooks();
    const { fetch, seen } = mockFetch(failing(500));
    const err = await new TestClient({ fetch, hooks: t.hooks }).request({ method: 'get', path: '/r' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalServerError);
    expect(seen).toHaveLength(3);
  });

  it('honours per-client and per-request maxRetries', async () => {
    const t = fakeHooks();
    const { fetch, seen } = mockFetch(failing(503));
    const client = new TestClient({ fetch, hooks: t.hooks, maxRetries: 4 });
    await client.request({ method: 'get', path: '/r' }).catch(() => undefined);
    expect(seen).toHaveLength(5);
    expect(t.sleeps).toEqual([500, 1000, 2000, 4000]);
    await client.request({ method: 'get', path: '/r' }, { maxRetries: 0 }).catch(() => undefined);
    expect(seen).toHaveLength(6);
  });

  it('caps backoff at 8 s and applies up to 25% jitter', () => {
    expect(backoffMs(0, 0)).toBe(500);
    expect(backoffMs(10, 0)).toBe(8000);
    expect(backoffMs(1, 0.999)).toBeCloseTo(1000 * (1 - 0.999 * 0.25));
  });

  it('does not retry other 4xx', async () => {
    const { fetch, seen } = mockFetch(failing(400), failing(404), failing(422));
    const client = new TestClient({ fetch, hooks: fakeHooks().hooks });
    for (let i = 0; i < 3; i++) await client.request({ method: 'get', path: '/r' }).catch(() => undefined);
    expect(seen).toHaveLength(3);
  });

  it('honours Retry-After in seconds, as an HTTP date, and retry-after-ms', async () => {
    const t = fakeHooks();
    const date = new Date(t.hooks.now() + 7000).toUTCString();
    const { fetch } = mockFetch(
      failing(429, { 'retry-after': '3' }),
      failing(429, { 'retry-after': date }),
      failing(503, { 'retry-after-ms': '250', 'retry-after': '9' }),
      json({ ok: 1 }),
    );
    await new TestClient({ fetch, hooks: t.hooks, maxRetries: 3 }).request({ method: 'get', path: '/r' });
    expect(t.sleeps).toEqual([3000, 7000 - 3000, 250]); // the date is 7 s after the start; 3 s already passed
  });

  it('reads every HTTP-date form as GMT, the asctime one (no zone) too, whatever the local time zone (D68)', () => {
    const now = Date.UTC(1994, 10, 6, 8, 49, 30);
    const hint = (ra: string): number | undefined => retryAfterHint(new Headers({ 'retry-after': ra }), now);
    const before = process.env['TZ'];
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env['TZ'] = tz;
        expect([hint('Sun, 06 Nov 1994 08:49:37 GMT'), hint('Sunday, 06-Nov-94 08:49:37 GMT'), hint('Sun Nov  6 08:49:37 1994')]).toEqual([7000, 7000, 7000]);
      }
    } finally {
      if (before === undefined) delete process.env['TZ'];
      else process.env['TZ'] = before;
    }
  });

  it('does not wait longer than 60 s: a longer Retry-After fails at once', async () => {
    const t = fakeHooks();
    const { fetch, seen } = mockFetch(failing(429, { 'retry-after': '3600' }), json({ ok: 1 }));
    const err = await new TestClient({ fetch, hooks: t.hooks }).request({ method: 'get', path: '/r' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(seen).toHaveLength(1);
    expect(t.sleeps).toEqual([]);
  });

  it('x-should-retry overrides the status rule', async () => {
    const t = fakeHooks();
    const { fetch, seen } = mockFetch(failing(400, { 'x-should-retry': 'true' }), failing(503, { 'x-should-retry': 'false' }));
    await new TestClient({ fetch, hooks: t.hooks }).request({ method: 'get', path: '/r' }).catch(() => undefined);
    expect(seen).toHaveLength(2);
  });

  it('retries connection errors and reports ConnectionError after the last attempt', async () => {
    const t = fakeHooks();
    let calls = 0;
    const fetch = async (): Promise<Response> => {
      calls++;
      throw new TypeError('fetch failed');
    };
    const err = await new TestClient({ fetch, hooks: t.hooks }).request({ method: 'get', path: '/r' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).cause).toBeInstanceOf(TypeError);
    expect(calls).toBe(3);
    expect(t.sleeps).toEqual([500, 1000]);
  });

  it('does not retry a POST without an idempotency key unless asked; retryNonIdempotent retries it', async () => {
    const t = fakeHooks();
    const { fetch, seen } = mockFetch(failing(503), failing(503), json({ id: 1 }));
    const client = new TestClient({ fetch, hooks: t.hooks });
    const op = { method: 'post', path: '/extracts', body: { a: 1 } } as const;
    await expect(client.request(op)).rejects.toBeInstanceOf(InternalServerError);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers.get('idempotency-key')).toBeNull();
    const { fetch: f2, seen: s2 } = mockFetch(failing(503), failing(503), json({ id: 1 }));
    expect(await client.request(op, { retryNonIdempotent: true, fetch: f2 })).toEqual({ id: 1 });
    expect(s2).toHaveLength(3);
    // The request is rebuilt per attempt: the body is intact each time.
    expect(s2.map((s) => s.body)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
  });

  it('retries a POST whose spec declares an idempotency header, with one generated key on every attempt', async () => {
    const t = fakeHooks();
    const { fetch, seen } = mockFetch(failing(503), failing(503), json({ id: 1 }));
    const client = new TestClient({ fetch, hooks: t.hooks });
    const op = { method: 'post', path: '/extracts', body: { a: 1 }, idempotencyHeader: 'Idempotency-Key' } as const;
    expect(await client.request(op)).toEqual({ id: 1 });
    expect(seen).toHaveLength(3);
    const keys = seen.map((s) => s.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(1);
    expect(seen.map((s) => s.body)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    // A second call gets a key of its own.
    const { fetch: f2, seen: s2 } = mockFetch(json({ id: 2 }));
    await client.request(op, { fetch: f2 });
    expect(s2[0]?.headers.get('idempotency-key')).not.toBe(keys[0]);
  });

  it('uses a caller-given idempotency key, and PUT/DELETE retry by default', async () => {
    const t = fakeHooks();
    const { fetch, seen } = mockFetch(failing(500), new Response(null, { status: 204 }));
    await new TestClient({ fetch, hooks: t.hooks }).request({ method: 'delete', path: '/x/1', idempotencyHeader: 'X-Idem' }, { idempotencyKey: 'my-key' });
    expect(seen.map((s) => s.headers.get('x-idem'))).toEqual(['my-key', 'my-key']);
  });

  it('sends a retry-count header when configured', async () => {
    const t = fakeHooks();
    const { fetch, seen } = mockFetch(failing(500), failing(500), json({}));
    await new TestClient({ fetch, hooks: t.hooks, retryCountHeader: 'x-retry-count' }).request({ method: 'get', path: '/r' });
    expect(seen.map((s) => s.headers.get('x-retry-count'))).toEqual([null, '1', '2']);
  });
});

describe('timeouts and abort', () => {
  /** A fetch that never answers until its request signal aborts. */
  const hanging = () => {
    let calls = 0;
    const fetch = (input: string | Request, init?: RequestInit): Promise<Response> => {
      // (url, init) without middleware, a Request with it: listens on whichever signal it was given.
      const signal = typeof input === 'string' ? init?.signal : input.signal;
      calls++;
      return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    };
    return { fetch, calls: () => calls };
  };

  it("an attempt's time limit does not keep a Node process alive by itself (a call nobody awaits; D68)", async () => {
    const h = hanging();
    const timers: Array<{ ms: number | undefined; timer: ReturnType<typeof setTimeout> }> = [];
    const original = globalThis.setTimeout;
    const spy = ((handler: () => void, ms?: number) => {
      const timer = original(handler, ms);
      timers.push({ ms, timer });
      return timer;
    }) as typeof setTimeout;
    globalThis.setTimeout = spy;
    const controller = new AbortController();
    let call: Promise<unknown>;
    try {
      call = new TestClient({ fetch: h.fetch, timeoutMs: 12_345, maxRetries: 0 })
        .request({ method: 'get', path: '/slow' }, { signal: controller.signal })
        .catch((e: unknown) => e);
      await new Promise((resolve) => original(resolve, 5));
    } finally {
      globalThis.setTimeout = original;
    }
    const limit = timers.filter((t) => t.ms === 12_345);
    expect(limit).toHaveLength(1);
    const timer = limit[0]?.timer as unknown as { hasRef(): boolean } | undefined;
    expect(timer?.hasRef()).toBe(false);
    controller.abort();
    expect(await call).toBeInstanceOf(AbortError);
  });

  it('times out with TimeoutError (per request and per client), retrying idempotent calls', async () => {
    const h = hanging();
    const t = fakeHooks();
    const client = new TestClient({ fetch: h.fetch, timeoutMs: 20, hooks: t.hooks });
    const err = await client.request({ method: 'get', path: '/slow' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toBe('Request timed out after 20 ms (GET https://api.example.com/slow)');
    expect(h.calls()).toBe(3);
    const err2 = await client.request({ method: 'post', path: '/slow' }, { timeoutMs: 5 }).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(TimeoutError);
    expect((err2 as Error).message).toContain('5 ms');
    expect(h.calls()).toBe(4);
  });

  it("tells the caller's abort apart from a timeout, and does not retry it", async () => {
    const h = hanging();
    const controller = new AbortController();
    const p = new TestClient({ fetch: h.fetch, timeoutMs: 10_000 }).request({ method: 'get', path: '/slow' }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user gave up')), 5);
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(err).not.toBeInstanceOf(TimeoutError);
    expect(((err as AbortError).cause as Error).message).toBe('user gave up');
    expect(h.calls()).toBe(1);
  });

  it('an already aborted signal fails before fetch; abort during the backoff sleep stops the retries', async () => {
    const h = hanging();
    const controller = new AbortController();
    controller.abort();
    await expect(new TestClient({ fetch: h.fetch }).request({ method: 'get', path: '/x' }, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(h.calls()).toBe(0);

    const c2 = new AbortController();
    const { fetch, seen } = mockFetch(failing(503));
    const p = new TestClient({ fetch }).request({ method: 'get', path: '/x' }, { signal: c2.signal }); // real sleep ≈ 375–500 ms
    setTimeout(() => c2.abort(), 20);
    await expect(p).rejects.toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(1);
  });

  it.each([
    ['init.signal (no middleware)', []],
    ['request.signal (a Request the client built, with middleware)', [(req: Request, next: (r: Request) => Promise<Response>) => next(req)]],
  ])('the abort reaches a fetch that only listens on %s, even after garbage collection', async (_, middleware) => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const h = hanging();
    const controller = new AbortController();
    const p = new TestClient({ fetch: h.fetch, middleware, timeoutMs: 50, maxRetries: 0 }).request(
      { method: 'get', path: '/x' },
      { signal: controller.signal },
    );
    const settled = p.then(
      () => 'resolved',
      (e: unknown) => e,
    );
    for (let i = 0; i < 5; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await settled).toBeInstanceOf(TimeoutError);
  });

  it('timeoutMs 0 or Infinity means no timeout', async () => {
    const { fetch } = mockFetch(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return json({ ok: 1 });
    });
    expect(await new TestClient({ fetch, timeoutMs: 0 }).request({ method: 'get', path: '/x' })).toEqual({ ok: 1 });
    expect(await new TestClient({ fetch, timeoutMs: Number.POSITIVE_INFINITY }).request({ method: 'get', path: '/x' })).toEqual({ ok: 1 });
  });

  it('clears its timer: a fast response leaves no pending timeout', async () => {
    const { fetch } = mockFetch(json({}));
    const original = globalThis.clearTimeout;
    let cleared = 0;
    globalThis.clearTimeout = ((id?: Parameters<typeof clearTimeout>[0]) => {
      cleared++;
      return original(id);
    }) as typeof clearTimeout;
    try {
      await new TestClient({ fetch, timeoutMs: 60_000 }).request({ method: 'get', path: '/x' });
    } finally {
      globalThis.clearTimeout = original;
    }
    expect(cleared).toBeGreaterThanOrEqual(1);
  });

  it('a transport abort that is neither timeout nor caller abort is a ConnectionError', async () => {
    const fetch = async (): Promise<Response> => {
      throw new DOMException('aborted', 'AbortError');
    };
    const err = await new TestClient({ fetch, maxRetries: 0 }).request({ method: 'get', path: '/x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).not.toBeInstanceOf(TimeoutError);
  });
});
