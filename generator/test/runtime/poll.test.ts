/**
 * `poll()` (runtime/poll.ts): reads until the caller's condition holds, pausing between reads (fixed or growing),
 * within a time limit and under the caller's signal. Fake timers: every pause and limit is checked against the fake
 * clock, nothing waits for real.
 */
import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortError, type ApiError, NotFoundError, SdkError, UsageError } from '../../runtime/errors.js';
import { poll, POLL_DEFAULTS, type PollContext, PollTimeoutError } from '../../runtime/poll.js';
import { json, mockFetch, TestClient } from './helpers.js';

/** A read that answers `values` in order (the last one repeats) and records when and with what it was called. */
function reads<T>(...values: T[]) {
  const calls: Array<{ at: number; context: PollContext }> = [];
  const start = Date.now();
  const read = async (context: PollContext): Promise<T> => {
    calls.push({ at: Date.now() - start, context });
    return values[Math.min(calls.length - 1, values.length - 1)] as T;
  };
  return { read, calls };
}

/** A read that never settles by itself (it ignores its signal), recording the signals it was given. */
function hangingRead() {
  const signals: AbortSignal[] = [];
  const read = (context: PollContext): Promise<string> => {
    signals.push(context.signal);
    return new Promise<string>(() => undefined);
  };
  return { read, signals };
}

/** The settled outcome of `promise` (so a rejection is never unhandled while timers advance). */
function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

const isDone = (s: string) => s === 'done' || s === 'failed';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('poll: reading until the condition holds', () => {
  it('resolves with the first value the condition accepts, pausing intervalMs between reads', async () => {
    const { read, calls } = reads('queued', 'running', 'done', 'never read');
    const outcome = settle(poll(read, isDone, { intervalMs: 1_000 }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await outcome).toEqual({ value: 'done' });
    expect(calls.map((c) => c.at)).toEqual([0, 1_000, 2_000]);
    expect(calls.map((c) => c.context.attempt)).toEqual([0, 1, 2]);
    expect(vi.getTimerCount()).toBe(0); // the time limit's timer is cleared
  });

  it('gives the condition each value and its read number; a value accepted at once means one read', async () => {
    const seen: Array<[string, number]> = [];
    const { read, calls } = reads('a', 'b', 'c');
    const value = await poll(read, (v, n) => {
      seen.push([v, n]);
      return n === 0;
    });
    expect(value).toBe('a');
    expect(calls).toHaveLength(1);
    expect(seen).toEqual([['a', 0]]);
  });

  it('uses the defaults: 5 s between reads', async () => {
    const { read, calls } = reads('running', 'running', 'done');
    const outcome = settle(poll(read, isDone));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await outcome).toEqual({ value: 'done' });
    expect(calls.map((c) => c.at)).toEqual([0, POLL_DEFAULTS.intervalMs, 2 * POLL_DEFAULTS.intervalMs]);
  });

  it('backoff grows the pause by its factor up to maxIntervalMs', async () => {
    const { read, calls } = reads('running', 'running', 'running', 'running', 'running', 'done');
    const outcome = settle(poll(read, isDone, { intervalMs: 1_000, backoff: 2, maxIntervalMs: 5_000 }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await outcome).toEqual({ value: 'done' });
    const pauses = calls.slice(1).map((c, i) => c.at - (calls[i]?.at ?? 0));
    expect(pauses).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('keeps an intervalMs larger than maxIntervalMs as asked', async () => {
    const { read, calls } = reads('running', 'done');
    const outcome = settle(poll(read, isDone, { intervalMs: 90_000 }));
    await vi.advanceTimersByTimeAsync(90_000);
    expect(await outcome).toEqual({ value: 'done' });
    expect(calls.map((c) => c.at)).toEqual([0, 90_000]);
  });

  it('never overlaps reads: the pause starts when a read ends', async () => {
    let active = 0;
    let most = 0;
    let n = 0;
    const read = async (): Promise<string> => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 3_000)); // each read takes 3 s, longer than the pause
      active--;
      return ++n < 3 ? 'running' : 'done';
    };
    const outcome = settle(poll(read, isDone, { intervalMs: 1_000 }));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await outcome).toEqual({ value: 'done' });
    expect(most).toBe(1);
    expect(Date.now() - Date.parse('2026-01-01T00:00:00Z')).toBe(20_000);
  });
});

describe('poll: the time limit', () => {
  it('rejects with PollTimeoutError at timeoutMs, holding the last value and the number of reads', async () => {
    const { read, calls } = reads('running');
    const outcome = settle(poll(read, isDone, { intervalMs: 1_000, timeoutMs: 3_500 }));
    await vi.advanceTimersByTimeAsync(3_499);
    expect(calls).toHaveLength(4); // at 0, 1 000, 2 000, 3 000
    await vi.advanceTimersByTimeAsync(1);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect(error).toBeInstanceOf(SdkError);
    expect(error).toMatchObject({ name: 'PollTimeoutError', timeoutMs: 3_500, attempts: 4, lastValue: 'running' });
    expect((error as Error).message).toBe('Polling timed out after 3500 ms (4 read(s), the condition did not hold)');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(4); // no read after the limit
    expect(vi.getTimerCount()).toBe(0);
  });

  it('aborts the read in flight at the limit, and does not wait for a read that ignores its signal', async () => {
    const { read, signals } = hangingRead();
    const outcome = settle(poll(read, isDone, { timeoutMs: 2_000 }));
    await vi.advanceTimersByTimeAsync(2_000);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect(error).toMatchObject({ attempts: 0, lastValue: undefined });
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[0]?.reason).toBeInstanceOf(PollTimeoutError);
  });

  it('has a 10-minute limit by default', async () => {
    const { read } = reads('running');
    const outcome = settle(poll(read, isDone));
    await vi.advanceTimersByTimeAsync(POLL_DEFAULTS.timeoutMs);
    expect((await outcome).error).toMatchObject({ name: 'PollTimeoutError', timeoutMs: 600_000 });
  });

  it.each([0, Number.POSITIVE_INFINITY])('timeoutMs %s: no limit', async (timeoutMs) => {
    const { read, calls } = reads('running');
    const controller = new AbortController();
    const outcome = settle(poll(read, isDone, { intervalMs: 60_000, timeoutMs, signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(calls).toHaveLength(61);
    controller.abort();
    expect((await outcome).error).toBeInstanceOf(AbortError);
  });
});

describe('poll: the caller’s signal', () => {
  it('an abort during the pause rejects with AbortError (cause: the reason) and stops reading', async () => {
    const { read, calls } = reads('running');
    const controller = new AbortController();
    const outcome = settle(poll(read, isDone, { intervalMs: 1_000, signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1_500);
    const reason = new Error('user left');
    controller.abort(reason);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(reason);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an abort during a read aborts the read’s signal with the caller’s reason', async () => {
    const { read, signals } = hangingRead();
    const controller = new AbortController();
    const outcome = settle(poll(read, isDone, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort('stop');
    const { error } = await outcome;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe('stop');
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[0]?.reason).toBe('stop');
  });

  it('an already aborted signal: AbortError, no read', async () => {
    const { read, calls } = reads('done');
    const { error } = await settle(poll(read, isDone, { signal: AbortSignal.abort('early') }));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe('early');
    expect(calls).toHaveLength(0);
  });

  it('leaves no listener on the caller’s signal, whatever way the wait ends', async () => {
    const controller = new AbortController();
    const signal = controller.signal;
    await poll(reads('done').read, isDone, { signal });
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    const timedOut = settle(poll(reads('running').read, isDone, { signal, timeoutMs: 1_000 }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await timedOut).error).toBeInstanceOf(PollTimeoutError);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    const failing = settle(poll(async () => Promise.reject(new Error('boom')), isDone, { signal }));
    expect((await failing).error).toMatchObject({ message: 'boom' });
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });
});

describe('poll: failures', () => {
  it('a failed read rejects at once with its error, and nothing is read again', async () => {
    let n = 0;
    const failure = new Error('status read failed');
    const read = async (): Promise<string> => {
      n++;
      if (n === 2) throw failure;
      return 'running';
    };
    const outcome = settle(poll(read, isDone, { intervalMs: 1_000 }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await outcome).error).toBe(failure);
    expect(n).toBe(2);
  });

  it('the condition can report a terminal failure by throwing', async () => {
    const { read } = reads('running', 'failed');
    const outcome = settle(
      poll(
        read,
        (s) => {
          if (s === 'failed') throw new Error('the load failed');
          return s === 'done';
        },
        { intervalMs: 10 },
      ),
    );
    await vi.advanceTimersByTimeAsync(100);
    expect((await outcome).error).toMatchObject({ message: 'the load failed' });
  });

  it.each([
    [{ intervalMs: -1 }, '`intervalMs` must be a finite number of at least 0 (got -1)'],
    [{ intervalMs: Number.NaN }, '`intervalMs` must be a finite number of at least 0 (got NaN)'],
    [{ intervalMs: Number.POSITIVE_INFINITY }, '`intervalMs` must be a finite number of at least 0 (got Infinity)'],
    [{ backoff: 0.5 }, '`backoff` must be a finite number of at least 1 (got 0.5)'],
    [{ maxIntervalMs: -5 }, '`maxIntervalMs` must be a finite number of at least 0 (got -5)'],
    [{ timeoutMs: Number.NaN }, '`timeoutMs` must be a number (got NaN)'],
  ])('refuses %o with a UsageError before any read', async (options, message) => {
    const { read, calls } = reads('done');
    const { error } = await settle(poll(read, isDone, options));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`poll: ${message}`);
    expect(calls).toHaveLength(0);
  });
});

describe('poll over the client', () => {
  const op = { method: 'get', path: '/loads/{load_id}', params: { load_id: 7 }, responses: { '200': 'json' } } as const;

  it('reads a status through ClientCore until it is terminal', async () => {
    const { fetch, seen } = mockFetch(json({ status: 'queued' }), json({ status: 'running' }), json({ status: 'done', rows: 3 }));
    const client = new TestClient({ fetch });
    const outcome = settle(
      poll(
        ({ signal }) => client.request<{ status: string; rows?: number }>(op, { signal }),
        (load) => isDone(load.status),
        { intervalMs: 2_000 },
      ),
    );
    await vi.advanceTimersByTimeAsync(4_000);
    expect(await outcome).toEqual({ value: { status: 'done', rows: 3 } });
    expect(seen.map((s) => s.url)).toEqual(Array(3).fill('https://api.example.com/loads/7'));
  });

  it('an error status of the read ends the wait with the client’s ApiError', async () => {
    const { fetch, seen } = mockFetch(json({ status: 'running' }), json({ detail: 'No such load' }, 404));
    const client = new TestClient({ fetch });
    const outcome = settle(
      poll(
        ({ signal }) => client.request<{ status: string }>(op, { signal }),
        (l) => isDone(l.status),
        { intervalMs: 1 },
      ),
    );
    await vi.advanceTimersByTimeAsync(10);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as ApiError).message).toBe('404 No such load (GET https://api.example.com/loads/7)');
    expect(seen).toHaveLength(2);
  });

  it('the caller’s abort reaches the request in flight and rejects at once with AbortError', async () => {
    const requests: Request[] = [];
    const fetch = (input: string | Request, init?: RequestInit): Promise<Response> => {
      const request = typeof input === 'string' ? new Request(input, init) : input;
      requests.push(request);
      return new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
    };
    const client = new TestClient({ fetch });
    const controller = new AbortController();
    const outcome = settle(
      poll(
        ({ signal }) => client.request(op, { signal }),
        () => true,
        { signal: controller.signal },
      ),
    );
    await vi.advanceTimersByTimeAsync(10);
    controller.abort('cancelled');
    const { error } = await outcome;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe('cancelled');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.signal.aborted).toBe(true);
  });

  it('the time limit aborts the request in flight and rejects with PollTimeoutError', async () => {
    let aborted = false;
    const fetch = (_input: string | Request, init?: RequestInit): Promise<Response> =>
      new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(init.signal?.reason);
        }),
      );
    const client = new TestClient({ fetch, maxRetries: 0 });
    const outcome = settle(
      poll(
        ({ signal }) => client.request(op, { signal, timeoutMs: 0 }),
        () => true,
        { timeoutMs: 1_000 },
      ),
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await outcome).error).toBeInstanceOf(PollTimeoutError);
    expect(aborted).toBe(true);
  });
});
