// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * The retry policy of `ClientCore`, in one place: which calls may be retried, which responses are retried, and how long
 * to wait before the next attempt (the server's hint, else exponential backoff with jitter). client.ts applies it.
 */

import type { Operation } from './types.js';

/** Defaults of the policy: 2 retries; backoff 0.5 s doubling to 8 s with up to 25 % jitter; server hints up to 60 s. */
export const RETRY_DEFAULTS = {
  maxRetries: 2,
  initialRetryDelayMs: 500,
  /** Cap of the exponential backoff (not of a server's hint). */
  maxBackoffMs: 8_000,
  /** A server hint longer than this is not waited for: the error is thrown at once (`ClientOptions.maxRetryDelayMs`). */
  maxRetryDelayMs: 60_000,
} as const;

/** Methods retried by default (RFC 9110 idempotent methods, TRACE aside). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Methods that never carry an idempotency key (safe methods). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Delta-seconds of `Retry-After` (RFC 9110 §10.2.3): digits only. */
const DELTA_SECONDS = /^\d+$/;
/** `retry-after-ms`: a non-negative decimal number. */
const MILLISECONDS = /^\d+(?:\.\d+)?$/;
/** The three HTTP-date forms all start with a day name (`Sun, 06 Nov 1994 …`, `Sunday, 06-Nov-94 …`, `Sun Nov  6 …`). */
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;

/**
 * The server's delay hint in ms: `retry-after-ms` (a non-negative decimal), else `Retry-After` as delta-seconds (digits
 * only: `0x10`, `1e1`, `-3`, `1.5` are not) or as an HTTP date (a date in the past gives 0); `undefined` when there is
 * no valid hint.
 * @param now the current time, ms since the epoch (for a date)
 */
export function retryAfterHint(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms && MILLISECONDS.test(ms)) return Number(ms);
  const ra = headers.get('retry-after')?.trim();
  if (!ra) return undefined;
  if (DELTA_SECONDS.test(ra)) return Number(ra) * 1000;
  if (!HTTP_DATE.test(ra)) return undefined;
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff before retry number `retry` (0-based): 0.5 s doubling to 8 s, less up to 25 % jitter. */
export function backoffMs(retry: number, random: number): number {
  const base = Math.min(RETRY_DEFAULTS.initialRetryDelayMs * 2 ** retry, RETRY_DEFAULTS.maxBackoffMs);
  return base * (1 - random * 0.25);
}

/** Whether a response is retried: `x-should-retry: true|false` when the server says, else 408, 409, 429 and 5xx. */
export function retryableStatus(response: Response): boolean {
  const should = response.headers.get('x-should-retry');
  if (should === 'true') return true;
  if (should === 'false') return false;
  const s = response.status;
  return s === 408 || s === 409 || s === 429 || s >= 500;
}

/** Whether `method` (upper case) carries an idempotency key when one is known (every method but GET, HEAD, OPTIONS). */
export function takesIdempotencyKey(method: string): boolean {
  return !SAFE_METHODS.has(method);
}

/**
 * Whether a call may be retried at all:
 * - the caller's `retryNonIdempotent: true` allows it;
 * - an operation the spec marks `x-idempotent: false` never is; one marked `x-idempotent: true` always may be;
 * - GET, HEAD, OPTIONS, PUT and DELETE may be;
 * - POST and PATCH (and other methods) only when they carry an idempotency key.
 * A one-shot stream body is never retried (checked by the caller).
 * @param method the upper-case method
 * @param hasKey the call sends an idempotency key (the caller's or a generated one)
 */
export function mayRetry(method: string, op: Operation, retryNonIdempotent: boolean | undefined, hasKey: boolean): boolean {
  if (retryNonIdempotent === true) return true;
  if (op.idempotent !== undefined) return op.idempotent;
  return IDEMPOTENT_METHODS.has(method) || hasKey;
}
