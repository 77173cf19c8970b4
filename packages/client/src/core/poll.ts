// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Waiting for work: `poll()` reads a value (a job's status, through any call of the client) again and again until a
 * condition the caller states holds, within a time limit and under the caller's `AbortSignal`. Generated `…AndPoll`
 * methods (from the spec's `x-poll`) are built on it; it is also public for waits the spec does not describe.
 */

import { AbortError, SdkError, UsageError } from './errors.js';
import type { RequestOptions } from './types.js';

/** Defaults of {@link poll}: a read every 5 s, no backoff, intervals up to 60 s, a wait of at most 10 minutes. */
export const POLL_DEFAULTS = {
  intervalMs: 5_000,
  backoff: 1,
  maxIntervalMs: 60_000,
  timeoutMs: 600_000,
} as const;

/** How {@link poll} waits. Every field is optional (see {@link POLL_DEFAULTS}). */
export interface PollOptions {
  /** Pause between the end of one read and the start of the next, in ms (≥ 0). Default 5 000. */
  intervalMs?: number | undefined;
  /**
   * Longest wait in ms, counted from the call of `poll`: then the read in flight is aborted and `poll` rejects with a
   * {@link PollTimeoutError}. Default 600 000 (10 minutes); `0`, `Infinity` or 2^31 and more: no limit.
   */
  timeoutMs?: number | undefined;
  /** Aborts the wait and the read in flight: `poll` rejects with an `AbortError` whose `cause` is the signal's reason. */
  signal?: AbortSignal | undefined;
  /**
   * Factor the pause grows by after each read that does not end the wait (≥ 1): `2` waits 5 s, 10 s, 20 s, … up to
   * `maxIntervalMs`. Default 1 (a fixed pause).
   */
  backoff?: number | undefined;
  /** Longest pause in ms the `backoff` grows to (a larger `intervalMs` is kept as is). Default 60 000. */
  maxIntervalMs?: number | undefined;
}

/**
 * Options of a generated `…AndPoll` method: the request options of its calls (the starting call and each status read;
 * `signal` also ends the wait) and, under `poll`, how to wait (over the spec's `x-poll` defaults).
 */
export interface PollRequestOptions extends RequestOptions {
  poll?: Omit<PollOptions, 'signal'> | undefined;
}

/** What each read is given. */
export interface PollContext {
  /**
   * Aborts when the wait ends early (the time limit or the caller's signal): pass it to the call, e.g.
   * `client.loads.retrieve({ load_id }, { signal })`, so that the request in flight stops too.
   */
  signal: AbortSignal;
  /** 0 for the first read, 1 for the second, … */
  attempt: number;
}

/** The wait of {@link poll} reached its `timeoutMs` before the condition held. */
export class PollTimeoutError extends SdkError {
  override name = 'PollTimeoutError';
  /** The time limit in ms. */
  readonly timeoutMs: number;
  /** Reads that completed. */
  readonly attempts: number;
  /** The value of the last completed read (`undefined` when none completed): e.g. the status that never changed. */
  readonly lastValue: unknown;

  constructor(timeoutMs: number, attempts: number, lastValue: unknown) {
    super(
      `Polling timed out after ${timeoutMs} ms (${attempts} read(s), the condition did not hold)`,
    );
    this.timeoutMs = timeoutMs;
    this.attempts = attempts;
    this.lastValue = lastValue;
  }
}

/**
 * @throws UsageError when `value` is not a finite number of at least `min`
 */
function checked(name: string, value: number, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min)
    throw new UsageError(
      `poll: \`${name}\` must be a finite number of at least ${min} (got ${String(value)})`,
    );
  return value;
}

/** `promise`, or `signal`'s reason as soon as it aborts (a read that ignores its signal does not hold the wait). */
function raced<T>(promise: PromiseLike<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(promise)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Resolves after `ms`, or rejects with `signal`'s reason when it aborts first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Reads until `until` holds, and resolves with that last value. The first read starts at once; after a read for which
 * `until` is false, `poll` pauses `intervalMs` (growing by `backoff`, capped at `maxIntervalMs`) and reads again. Reads
 * never overlap.
 *
 * ```ts
 * const load = await poll(
 *   ({ signal }) => client.loads.retrieve({ load_id }, { signal }),
 *   (load) => load.status === 'done' || load.status === 'failed',
 *   { intervalMs: 2_000, timeoutMs: 300_000 },
 * );
 * ```
 *
 * @param read one read, given a signal to pass on (see {@link PollContext}) and the read's number
 * @param until the condition that ends the wait, given each value read and the read's number (0-based); a terminal
 *   failure can be reported by throwing from it
 * @param options interval, backoff, time limit and signal (see {@link PollOptions})
 * @returns the first value for which `until` returned true
 * @throws PollTimeoutError when `timeoutMs` passes first (with the last value read); the read in flight is aborted
 * @throws AbortError when `options.signal` aborts (the read in flight is aborted; `cause` is the signal's reason)
 * @throws UsageError when an option is not a finite number in its range (never reads)
 * @throws whatever `read` or `until` throws (an `ApiError` of the status read, …), at once: a failed read is not retried
 *   here (the client's own retries apply within each read)
 */
export async function poll<T>(
  read: (context: PollContext) => PromiseLike<T>,
  until: (value: T, attempt: number) => boolean,
  options: PollOptions = {},
): Promise<T> {
  const intervalMs = checked('intervalMs', options.intervalMs ?? POLL_DEFAULTS.intervalMs, 0);
  const backoff = checked('backoff', options.backoff ?? POLL_DEFAULTS.backoff, 1);
  const maxIntervalMs = checked(
    'maxIntervalMs',
    options.maxIntervalMs ?? POLL_DEFAULTS.maxIntervalMs,
    0,
  );
  const timeoutMs = options.timeoutMs ?? POLL_DEFAULTS.timeoutMs;
  if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs))
    throw new UsageError(`poll: \`timeoutMs\` must be a number (got ${String(timeoutMs)})`);
  const caller = options.signal;
  if (caller?.aborted) throw new AbortError('Polling was aborted', { cause: caller.reason });

  const controller = new AbortController();
  const signal = controller.signal;
  let attempts = 0;
  let last: T | undefined;
  let timedOut = false;
  const onAbort = (): void => controller.abort(caller?.reason);
  caller?.addEventListener('abort', onAbort, { once: true });
  // Timers take at most 2^31-1 ms: a longer, infinite or non-positive limit means none.
  const timer =
    timeoutMs > 0 && timeoutMs < 2 ** 31
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new PollTimeoutError(timeoutMs, attempts, last));
        }, timeoutMs)
      : undefined;
  // `maxIntervalMs` caps the growth, never the pause the caller asked for.
  const cap = Math.max(maxIntervalMs, intervalMs);
  try {
    for (let wait = intervalMs; ; wait = Math.min(wait * backoff, cap)) {
      const value = await raced(read({ signal, attempt: attempts }), signal);
      attempts++;
      last = value;
      if (until(value, attempts - 1)) return value;
      await pause(wait, signal);
    }
  } catch (err) {
    if (timedOut) throw new PollTimeoutError(timeoutMs, attempts, last);
    if (caller?.aborted)
      throw err instanceof AbortError
        ? err
        : new AbortError('Polling was aborted', { cause: caller.reason });
    throw err;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    caller?.removeEventListener('abort', onAbort);
  }
}
