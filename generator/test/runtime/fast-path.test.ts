/**
 * The per-call paths of `ClientCore.attempt` (issue "per-call overhead"): the global `fetch` without middleware gets
 * `url, init` (no `Request` built by the client), and so does a caller's `fetch`; with middleware either gets the one
 * `Request` the chain ends with; an abort controller
 * exists only when a time limit or a caller's signal applies; a middleware's body-less request is sent as is (no
 * clone), one with a body is cloned so `next` can be called again. Timeouts and aborts on each of these paths.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbortError, ConnectionError, TimeoutError } from '../../runtime/errors.js';
import type { Middleware } from '../../runtime/types.js';
import { json, mockFetch, TestClient } from './helpers.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

type Call = { input: unknown; init: (RequestInit & { headers?: Headers }) | undefined };

/** Replaces the global fetch; records its arguments. `answer` defaults to a JSON reply. */
function stubGlobalFetch(answer?: (input: unknown, init: RequestInit | undefined) => Promise<Response>) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: unknown, init?: RequestInit) => {
    calls.push({ input, init: init as Call['init'] });
    return answer ? answer(input, init) : json({ ok: true });
  });
  return calls;
}

/** A promise that rejects with the signal's reason when it aborts, never resolves otherwise. */
function untilAborted(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
}

describe('global fetch, no middleware', () => {
  it('is called with the URL and an init (headers, method), not a Request', async () => {
    const calls = stubGlobalFetch();
    const data = await new TestClient({ maxRetries: 0 }).request(
      { method: 'get', path: '/items/{id}', params: { id: 7, q: 'a b' }, responses: { '200': 'json' } },
      { headers: { 'X-A': '1' } },
    );
    expect(data).toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toBe('https://api.example.com/items/7?q=a%20b');
    expect(calls[0]?.init?.method).toBe('GET');
    expect(calls[0]?.init?.headers?.get('accept')).toBe('application/json');
    expect(calls[0]?.init?.headers?.get('x-a')).toBe('1');
  });

  it('gets no signal when there is no time limit and no caller signal, an unaborted one otherwise', async () => {
    const calls = stubGlobalFetch();
    await new TestClient({ timeoutMs: 0 }).request({ method: 'get', path: '/a' });
    await new TestClient({ timeoutMs: Number.POSITIVE_INFINITY }).request({ method: 'get', path: '/a' });
    await new TestClient({}).request({ method: 'get', path: '/a' }); // the default 60 s
    await new TestClient({ timeoutMs: 0 }).request({ method: 'get', path: '/a' }, { signal: new AbortController().signal });
    expect(calls.map((c) => c.init?.signal === undefined)).toEqual([true, true, false, false]);
    expect(calls.slice(2).map((c) => c.init?.signal?.aborted)).toEqual([false, false]);
  });

  it('a time limit aborts the fetch through init.signal: TimeoutError, retried as a connection error', async () => {
    const calls = stubGlobalFetch((_input, init) => untilAborted(init?.signal));
    const err = await new TestClient({ timeoutMs: 20, maxRetries: 1, hooks: { sleep: async () => undefined } })
      .request({ method: 'get', path: '/slow' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toBe('Request timed out after 20 ms (GET https://api.example.com/slow)');
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.init?.signal?.aborted)).toBe(true);
  });

  it('a per-request timeout overrides the client one', async () => {
    stubGlobalFetch((_input, init) => untilAborted(init?.signal));
    const started = Date.now();
    const err = await new TestClient({ timeoutMs: 60_000, maxRetries: 0 })
      .request({ method: 'get', path: '/slow' }, { timeoutMs: 15 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("the caller's signal aborts the fetch without a time limit: AbortError with the reason, not retried", async () => {
    const calls = stubGlobalFetch((_input, init) => untilAborted(init?.signal));
    const controller = new AbortController();
    const p = new TestClient({ timeoutMs: 0 }).request({ method: 'get', path: '/slow' }, { signal: controller.signal });
    setTimeout(() => controller.abort('bye'), 5);
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect((err as AbortError).cause).toBe('bye');
    expect(calls).toHaveLength(1);
  });

  it('a body that stalls is bounded by the timeout and its stream cancelled', async () => {
    let cancelled: unknown;
    stubGlobalFetch(async () => {
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('{"a":'));
        },
        cancel(reason) {
          cancelled = reason;
        },
      });
      return new Response(stream, { headers: { 'content-type': 'application/json' } });
    });
    const err = await new TestClient({ timeoutMs: 30, maxRetries: 0 }).request({ method: 'get', path: '/a' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(cancelled).toBeInstanceOf(TimeoutError);
  });

  it('reads UTF-8 split across chunks and strips a BOM, as Response.text() does', async () => {
    const bytes = new TextEncoder().encode('\uFEFF{"name":"Zoë ✓"}');
    stubGlobalFetch(async () => {
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          for (const b of bytes) c.enqueue(new Uint8Array([b]));
          c.close();
        },
      });
      return new Response(stream, { headers: { 'content-type': 'application/json' } });
    });
    expect(await new TestClient({}).request({ method: 'get', path: '/a' })).toEqual({ name: 'Zoë ✓' });
    expect(await new TestClient({ timeoutMs: 0 }).request({ method: 'get', path: '/a' })).toEqual({ name: 'Zoë ✓' });
  });
});

describe("a caller's fetch", () => {
  it('without middleware gets url, init (no Request built), with the body; with or without a time limit', async () => {
    const calls: { input: unknown; init: RequestInit | undefined }[] = [];
    const fetch = async (input: string | Request, init?: RequestInit) => {
      calls.push({ input, init });
      return json({});
    };
    await new TestClient({ fetch, timeoutMs: 0 }).request({ method: 'post', path: '/a', body: { x: 1 } });
    await new TestClient({ fetch, timeoutMs: 10_000 }).request({ method: 'post', path: '/a', body: { x: 1 } });
    expect(calls.map((c) => c.input)).toEqual(['https://api.example.com/a', 'https://api.example.com/a']);
    expect(calls.map((c) => c.init?.body)).toEqual(['{"x":1}', '{"x":1}']);
    expect(calls.map((c) => c.init?.method)).toEqual(['POST', 'POST']);
    // No controller without a time limit or a signal; one with a time limit.
    expect(calls[0]?.init?.signal).toBeUndefined();
    expect(calls[1]?.init?.signal).toBeInstanceOf(AbortSignal);
  });

  it("without a time limit the caller's signal aborts it (through init.signal)", async () => {
    const controller = new AbortController();
    const slow = async (_input: string | Request, init?: RequestInit) => untilAborted(init?.signal);
    const p = new TestClient({ fetch: slow, timeoutMs: 0 }).request({ method: 'get', path: '/a' }, { signal: controller.signal });
    controller.abort();
    await expect(p).rejects.toBeInstanceOf(AbortError);
  });

  it('with middleware gets the one Request the chain ends with, and no init', async () => {
    const calls: { input: unknown; init: RequestInit | undefined }[] = [];
    const fetch = async (input: string | Request, init?: RequestInit) => {
      calls.push({ input, init });
      return json({});
    };
    const mw: Middleware = (req, next) => next(req);
    await new TestClient({ fetch, middleware: [mw], timeoutMs: 10_000 }).request({ method: 'get', path: '/a' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toBeInstanceOf(Request);
    expect(calls[0]?.init).toBeUndefined();
  });

  it('with timeoutMs 0 a slow answer is waited for (no timer)', async () => {
    const fetch = async () => {
      await new Promise((r) => setTimeout(r, 30));
      return json({ late: true });
    };
    expect(await new TestClient({ fetch, timeoutMs: 0 }).request({ method: 'get', path: '/a' })).toEqual({ late: true });
  });
});

describe('middleware requests', () => {
  it('a body-less request reaches fetch as the middleware passed it (no clone); the global fetch then gets a Request', async () => {
    const calls = stubGlobalFetch();
    let passed: Request | undefined;
    const mw: Middleware = (req, next) => {
      passed = req;
      return next(req);
    };
    await new TestClient({ middleware: [mw] }).request({ method: 'get', path: '/a' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toBe(passed);
    expect(calls[0]?.init).toBeUndefined();
  });

  it('calling next twice with a body-less request sends it twice', async () => {
    const { fetch, seen } = mockFetch(new Response('busy', { status: 503 }), json({ ok: true }));
    const twice: Middleware = async (req, next) => {
      const first = await next(req);
      return first.status === 503 ? next(req) : first;
    };
    expect(await new TestClient({ fetch, middleware: [twice], maxRetries: 0 }).request({ method: 'get', path: '/a' })).toEqual({ ok: true });
    expect(seen).toHaveLength(2);
    expect(seen[0]?.url).toBe('https://api.example.com/a');
  });

  it('a request a middleware made (without the signal) is still bounded by the timeout', async () => {
    const fetch = async (input: string | Request) => untilAborted(typeof input === 'string' ? undefined : input.signal);
    const fresh: Middleware = (req, next) => next(new Request(req.url, { method: req.method, headers: req.headers }));
    const err = await new TestClient({ fetch, middleware: [fresh], timeoutMs: 20, maxRetries: 0 })
      .request({ method: 'get', path: '/a' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
  });
});

describe('the global fetch passed as the fetch option', () => {
  it('is treated as the global fetch: called with url, init (no Request built)', async () => {
    const calls = stubGlobalFetch();
    await new TestClient({ fetch: globalThis.fetch, maxRetries: 0 }).request({ method: 'get', path: '/a' });
    await new TestClient({}).request({ method: 'get', path: '/b' }, { fetch: globalThis.fetch });
    expect(calls.map((c) => c.input)).toEqual(['https://api.example.com/a', 'https://api.example.com/b']);
  });
});

describe('a body that breaks without a time limit or signal (no attempt scope)', () => {
  it('is a ConnectionError with the stream error as cause, as with a scope', async () => {
    const broken = new TypeError('terminated');
    const fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(c) {
            c.enqueue(new TextEncoder().encode('{"a":'));
            c.error(broken);
          },
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    for (const timeoutMs of [0, 10_000]) {
      const err = await new TestClient({ fetch, timeoutMs }).request({ method: 'get', path: '/a' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectionError);
      expect((err as Error).cause).toBe(broken);
    }
  });
});
