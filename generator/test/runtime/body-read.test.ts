/**
 * The attempt's scope covers the body read: with an injected fetch whose Response body errors or stalls, every read
 * path (json, text, binary as Blob/ArrayBuffer, error bodies, pagination pages) fails with an `SdkError` —
 * `ConnectionError` for a broken stream, `TimeoutError` when `timeoutMs` runs out mid-body, `AbortError` when the
 * caller aborts mid-body — promptly, cancelling the source stream and clearing the timer. The caller's signal also
 * stops waiting for a token (and aborts the token request once nobody waits for it) or for a credential function.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AbortError, type ApiError, ConnectionError, NotFoundError, TimeoutError, ResponseParseError } from '../../runtime/errors.js';
import { requestPage } from '../../runtime/pagination.js';
import { createTokenProvider } from '../../runtime/token-provider.js';
import type { FetchLike, Operation, ResponseKind } from '../../runtime/types.js';
import { asRequest, json, TestClient } from './helpers.js';

const enc = new TextEncoder();

/** A body that sends `prefix`, then either stalls forever or errors after `errorAfterMs` with `TypeError('terminated')`. */
function body(prefix: string, opts: { errorAfterMs?: number } = {}) {
  const state = { cancelled: false, reason: undefined as unknown };
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(enc.encode(prefix));
      if (opts.errorAfterMs !== undefined) setTimeout(() => c.error(new TypeError('terminated')), opts.errorAfterMs);
    },
    cancel(reason) {
      state.cancelled = true;
      state.reason = reason;
    },
  });
  return { stream, state };
}

/** A fetch answering every request with a fresh response over `make()`'s body. */
function fetchOf(make: () => ReadableStream<Uint8Array>, status = 200, contentType = 'application/json') {
  let calls = 0;
  const fetch = async (): Promise<Response> => {
    calls++;
    return new Response(make(), { status, headers: { 'content-type': contentType } });
  };
  return { fetch, calls: () => calls };
}

const op = (kind: ResponseKind): Operation => ({ method: 'get', path: '/x', responses: { '200': kind, default: 'json' } });

const TIMEOUT = 12_345; // distinctive delay: identifies the attempt's timer among other timers

/** Tracks the attempt timers (delay `TIMEOUT` or the 2^31-1 placeholder) still pending. */
let pending: Set<unknown>;
const realSet = globalThis.setTimeout;
const realClear = globalThis.clearTimeout;
beforeEach(() => {
  pending = new Set();
  globalThis.setTimeout = ((fn: () => void, ms?: number, ...rest: unknown[]) => {
    if (ms !== TIMEOUT && ms !== 2 ** 31 - 1 && ms !== 30) return realSet(fn, ms, ...rest);
    const id = realSet(() => {
      pending.delete(id);
      fn();
    }, ms);
    pending.add(id);
    return id;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((id?: Parameters<typeof clearTimeout>[0]) => {
    pending.delete(id);
    realClear(id);
  }) as typeof clearTimeout;
});
afterEach(() => {
  globalThis.setTimeout = realSet;
  globalThis.clearTimeout = realClear;
});

const settle = (p: PromiseLike<unknown>): Promise<unknown> =>
  Promise.resolve(p).then(
    () => 'resolved',
    (e: unknown) => e,
  );

describe('the timeout covers the body read', () => {
  it('a successful read clears the timer (json, text, blob, arrayBuffer)', async () => {
    const client = new TestClient({ fetch: fetchOf(() => body('{"a":1}').stream).fetch, timeoutMs: TIMEOUT });
    // The stalled-free variant: a body that ends.
    const ending = () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(enc.encode('{"a":1}'));
          c.close();
        },
      });
    const ok = new TestClient({ fetch: fetchOf(ending).fetch, timeoutMs: TIMEOUT });
    expect(await ok.request(op('json'))).toEqual({ a: 1 });
    expect(await ok.request(op('text'))).toBe('{"a":1}');
    const blob = (await ok.request(op('binary'))) as Blob;
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe('{"a":1}');
    const buf = (await ok.request(op('binary'), { binaryAs: 'arrayBuffer' })) as ArrayBuffer;
    expect(new TextDecoder().decode(buf)).toBe('{"a":1}');
    expect(pending.size).toBe(0);
    // `.asResponse()` hands the body over: the timer is cleared, the body is the caller's.
    const raw = await client.request(op('json')).asResponse();
    expect(raw.bodyUsed).toBe(false);
    expect(pending.size).toBe(0);
    await raw.body?.cancel();
  });

  it.each(['json', 'text', 'binary'] as const)('a stalled %s body fails with TimeoutError, cancels the stream, and is not retried', async (kind) => {
    let last: ReturnType<typeof body> | undefined;
    const f = fetchOf(() => {
      last = body('{"a":');
      return last.stream;
    });
    const started = Date.now();
    const err = await settle(new TestClient({ fetch: f.fetch, timeoutMs: 30 }).request(op(kind)));
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toMatch(/^Request timed out after 30 ms \(GET https:\/\/api\.example\.com\//);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(last?.state.cancelled).toBe(true);
    expect(last?.state.reason).toBeInstanceOf(TimeoutError);
    expect(f.calls()).toBe(1); // the response was there: a body timeout is not retried
    expect(pending.size).toBe(0);
  });

  it('a stalled arrayBuffer body times out too', async () => {
    const err = await settle(
      new TestClient({ fetch: fetchOf(() => body('xx').stream, 200, 'application/octet-stream').fetch, timeoutMs: 30 }).request(op('binary'), {
        binaryAs: 'arrayBuffer',
      }),
    );
    expect(err).toBeInstanceOf(TimeoutError);
  });

  it('a stalled error body: the status error, body undefined, the TimeoutError as cause', async () => {
    const f = fetchOf(() => body('{"details":').stream, 404);
    const err = await settle(new TestClient({ fetch: f.fetch, timeoutMs: 30 }).request(op('json')));
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as ApiError).body).toBeUndefined();
    expect((err as Error).cause).toBeInstanceOf(TimeoutError);
    expect(pending.size).toBe(0);
  });

  it('a stream body (binaryAs stream) is handed over: the timer stops there', async () => {
    const b = body('bytes');
    const stream = (await new TestClient({ fetch: fetchOf(() => b.stream, 200, 'application/octet-stream').fetch, timeoutMs: TIMEOUT }).request(op('binary'), {
      binaryAs: 'stream',
    })) as ReadableStream<Uint8Array>;
    expect(stream).toBe(b.stream);
    expect(pending.size).toBe(0);
    await stream.cancel();
  });

  it('timeoutMs 0 keeps no timer past the headers and still reads slow bodies', async () => {
    const slow = () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(enc.encode('{"a":'));
          realSet(() => {
            c.enqueue(enc.encode('2}'));
            c.close();
          }, 20);
        },
      });
    const p = new TestClient({ fetch: fetchOf(slow).fetch, timeoutMs: 0 }).request(op('json'));
    expect(await p).toEqual({ a: 2 });
    expect(pending.size).toBe(0);
  });
});

describe('a broken body stream is a ConnectionError', () => {
  it.each(['json', 'text', 'binary'] as const)('%s: TypeError("terminated") mid-body → ConnectionError with the cause', async (kind) => {
    const err = await settle(new TestClient({ fetch: fetchOf(() => body('{"a":', { errorAfterMs: 5 }).stream).fetch, timeoutMs: TIMEOUT }).request(op(kind)));
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).not.toBeInstanceOf(TimeoutError);
    expect(((err as Error).cause as Error).message).toBe('terminated');
    expect(pending.size).toBe(0);
  });

  it('an error body that breaks: the status error, body undefined, cause a ConnectionError', async () => {
    const err = await settle(new TestClient({ fetch: fetchOf(() => body('{"d":', { errorAfterMs: 5 }).stream, 404).fetch }).request(op('json')));
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as ApiError).body).toBeUndefined();
    expect((err as Error).cause).toBeInstanceOf(ConnectionError);
  });

  it('invalid JSON in a complete success body is still the SdkError it was (not a ConnectionError)', async () => {
    const ending = () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(enc.encode('{nope'));
          c.close();
        },
      });
    const err = await settle(new TestClient({ fetch: fetchOf(ending).fetch }).request(op('json')));
    expect(err).toBeInstanceOf(ResponseParseError);
    expect(err).not.toBeInstanceOf(ConnectionError);
    expect((err as ResponseParseError).status).toBe(200);
    expect((err as ResponseParseError).text).toBe('{nope');
    expect((err as Error).message).toMatch(/^The 200 response body is not valid JSON \(GET https:\/\/api\.example\.com\//);
  });
});

describe("the caller's abort during the body read", () => {
  it.each(['json', 'text', 'binary'] as const)('%s: AbortError (cause: the reason) at once, the stream cancelled', async (kind) => {
    let last: ReturnType<typeof body> | undefined;
    const controller = new AbortController();
    const p = new TestClient({
      fetch: fetchOf(() => {
        last = body('{"a":');
        return last.stream;
      }).fetch,
      timeoutMs: TIMEOUT,
    }).request(op(kind), {
      signal: controller.signal,
    });
    realSet(() => controller.abort(new Error('bye')), 10);
    const err = await settle(p);
    expect(err).toBeInstanceOf(AbortError);
    expect(((err as Error).cause as Error).message).toBe('bye');
    expect(last?.state.cancelled).toBe(true);
    expect(pending.size).toBe(0);
  });

  it('while an error body is read: AbortError, not the status error', async () => {
    const controller = new AbortController();
    const p = new TestClient({ fetch: fetchOf(() => body('{"details":').stream, 500).fetch, maxRetries: 0 }).request(op('json'), {
      signal: controller.signal,
    });
    realSet(() => controller.abort(), 10);
    expect(await settle(p)).toBeInstanceOf(AbortError);
  });

  it('also with a fetch that ignores request.signal (the read itself is aborted)', async () => {
    const b = body('[1,');
    const controller = new AbortController();
    const p = new TestClient({ fetch: async () => new Response(b.stream) }).request(op('json'), { signal: controller.signal });
    realSet(() => controller.abort(new Error('stop')), 10);
    expect(await settle(p)).toBeInstanceOf(AbortError);
    expect((b.state.reason as Error).message).toBe('stop');
  });
});

describe('pagination pages', () => {
  const listOp: Operation = {
    method: 'get',
    path: '/items',
    params: { page: 1 },
    parameters: { page: { in: 'query' } },
    responses: { '200': 'json' },
    pagination: { style: 'page', in: 'query', pageParam: 'page', itemsField: '/results', nextField: '/next' },
  };
  const pages =
    (second: () => ReadableStream<Uint8Array>) =>
    async (input: string | Request, init?: RequestInit): Promise<Response> =>
      new URL(asRequest(input, init).url).searchParams.get('page') === '1'
        ? json({ results: [1, 2], next: 2 })
        : new Response(second(), { headers: { 'content-type': 'application/json' } });

  it('a stalled next page times out; an aborted one is an AbortError; a broken one a ConnectionError', async () => {
    const seen: number[] = [];
    const walk = async (fetch: FetchLike, signal?: AbortSignal) => {
      const client = new TestClient({ fetch, timeoutMs: 30, maxRetries: 0 });
      for await (const item of requestPage<number>(client, listOp, signal ? { signal } : {})) seen.push(item);
    };
    expect(await settle(walk(pages(() => body('{"results":[').stream)))).toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const aborted = settle(
      walk(
        pages(() => body('{"results":[').stream),
        controller.signal,
      ),
    );
    realSet(() => controller.abort(), 10);
    expect(await aborted).toBeInstanceOf(AbortError);
    expect(await settle(walk(pages(() => body('{"results":[', { errorAfterMs: 5 }).stream)))).toBeInstanceOf(ConnectionError);
    expect(seen).toEqual([1, 2, 1, 2, 1, 2]); // the first page each time
    expect(pending.size).toBe(0);
  });
});

describe("the caller's signal and auth", () => {
  const auth = { basicAuth: { username: 'user', password: 'pw' }, bearerAuth: { workspace_id: 42 } };
  const WORKSPACE_OP: Operation = { method: 'get', path: '/api/v3/datasources', security: [['bearerAuth']] };

  /** The token endpoint hangs until its request is aborted; records the abort. */
  function hangingTokenEndpoint() {
    const state = { tokenCalls: 0, tokenAborted: 0, apiCalls: 0, release: undefined as (() => void) | undefined };
    const fetch = (input: string | Request, init?: RequestInit): Promise<Response> => {
      const req = asRequest(input, init);
      if (!req.url.endsWith('/api/v3/token')) {
        state.apiCalls++;
        return Promise.resolve(json({ ok: req.headers.get('authorization') }));
      }
      state.tokenCalls++;
      return new Promise((resolve, reject) => {
        state.release = () => resolve(json({ token: `t${state.tokenCalls}` }));
        req.signal.addEventListener('abort', () => {
          state.tokenAborted++;
          reject(req.signal.reason);
        });
      });
    };
    return { fetch, state };
  }

  it('an abort while the token is requested rejects at once with AbortError and aborts the token request', async () => {
    const s = hangingTokenEndpoint();
    const client = new TestClient({ fetch: s.fetch, auth, timeoutMs: TIMEOUT });
    const controller = new AbortController();
    const p = client.request(WORKSPACE_OP, { signal: controller.signal });
    realSet(() => controller.abort(new Error('user left')), 10);
    const started = Date.now();
    const err = await settle(p);
    expect(err).toBeInstanceOf(AbortError);
    expect(((err as Error).cause as Error).message).toBe('user left');
    expect(Date.now() - started).toBeLessThan(1_000);
    await new Promise((r) => realSet(r, 5));
    expect(s.state.tokenAborted).toBe(1);
    expect(s.state.apiCalls).toBe(0);
    expect(pending.size).toBe(0);
    // The next call requests a fresh token.
    const next = client.request(WORKSPACE_OP);
    await new Promise((r) => realSet(r, 5));
    s.state.release?.();
    expect(await next).toEqual({ ok: 'Bearer t2' });
  });

  it('a shared token request goes on while another caller still waits for it', async () => {
    const s = hangingTokenEndpoint();
    const client = new TestClient({ fetch: s.fetch, auth });
    const leaving = new AbortController();
    const staying = new AbortController();
    const a = settle(client.request(WORKSPACE_OP, { signal: leaving.signal }));
    const b = client.request(WORKSPACE_OP, { signal: staying.signal });
    await new Promise((r) => realSet(r, 5));
    leaving.abort();
    expect(await a).toBeInstanceOf(AbortError);
    expect(s.state.tokenAborted).toBe(0);
    s.state.release?.();
    expect(await b).toEqual({ ok: 'Bearer t1' });
    expect(s.state.tokenCalls).toBe(1);
  });

  it('createTokenProvider: get(signal) rejects with the reason; the fetch is aborted when the last waiter leaves', async () => {
    let fetchSignal: AbortSignal | undefined;
    let fetches = 0;
    const source = createTokenProvider(
      (signal) => {
        fetches++;
        fetchSignal = signal;
        return new Promise<{ token: string }>(() => undefined);
      },
      { method: 'post', path: '/t', credentialsScheme: 'b', tokenField: '/token' },
      Date.now,
    );
    const c1 = new AbortController();
    const c2 = new AbortController();
    const g1 = settle(source.get(c1.signal));
    const g2 = settle(source.get(c2.signal));
    c1.abort(new Error('one'));
    expect(((await g1) as Error).message).toBe('one');
    expect(fetchSignal?.aborted).toBe(false);
    c2.abort(new Error('two'));
    expect(((await g2) as Error).message).toBe('two');
    expect(fetchSignal?.aborted).toBe(true);
    // A waiter without a signal keeps a renewal alive.
    const g3 = settle(source.get());
    const c4 = new AbortController();
    const g4 = settle(source.get(c4.signal));
    c4.abort();
    await g4;
    expect(fetches).toBe(2); // a fresh renewal after the aborted one (even though that fetch never settled)
    expect(fetchSignal?.aborted).toBe(false);
    void g3;
  });

  it('an abort stops waiting for a slow credential function', async () => {
    const controller = new AbortController();
    const client = new TestClient({ fetch: async () => json({}), auth: { bearerAuth: () => new Promise<string>(() => undefined) } });
    const p = client.request(WORKSPACE_OP, { signal: controller.signal });
    realSet(() => controller.abort(), 10);
    expect(await settle(p)).toBeInstanceOf(AbortError);
  });
});
