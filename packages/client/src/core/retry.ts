// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * The retry policy of `ClientCore`, in one place: which calls may be retried (and the idempotency key that lets a POST
 * or PATCH be), which responses are retried, and how long to wait before the next attempt (the server's hint, else
 * exponential backoff with jitter). client.ts applies it.
 */

import { ownValue, wireName } from './serialize.js';
import type { Operation, RequestOptions } from './types.js';

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
  // HTTP dates are GMT; the asctime form (`Sun Nov  6 08:49:37 1994`) says no zone, which Date.parse reads as local time.
  const date = Date.parse(/(?:GMT|UTC|[+-]\d{4})$/i.test(ra) ? ra : `${ra} GMT`);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff before retry number `retry` (0-based): 0.5 s doubling to 8 s, less up to 25 % jitter. */
export function backoffMs(retry: number, random: number): number {
  const base = Math.min(
    RETRY_DEFAULTS.initialRetryDelayMs * 2 ** retry,
    RETRY_DEFAULTS.maxBackoffMs,
  );
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
export function mayRetry(
  method: string,
  op: Operation,
  retryNonIdempotent: boolean | undefined,
  hasKey: boolean,
): boolean {
  if (retryNonIdempotent === true) return true;
  if (op.idempotent !== undefined) return op.idempotent;
  return IDEMPOTENT_METHODS.has(method) || hasKey;
}

/** A random version 4 UUID (`crypto.randomUUID`, else from `crypto.getRandomValues`). */
function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The value of header `name` in per-call header options (case-insensitive), unless absent or `null`. */
function headerOption(headers: RequestOptions['headers'], name: string): string | undefined {
  if (headers === undefined) return undefined;
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    const value = headers[key];
    if (key.toLowerCase() === lower && typeof value === 'string') return value;
  }
  return undefined;
}

/** Whether the operation's params give header parameter `name` a value (case-insensitive). */
function hasHeaderParam(op: Operation, name: string): boolean {
  const lower = name.toLowerCase();
  for (const key of Object.keys(op.parameters ?? {})) {
    const spec = ownValue(op.parameters, key);
    if (spec?.in !== 'header' || wireName(spec, key).toLowerCase() !== lower) continue;
    const value = ownValue(op.params as Readonly<Record<string, unknown>> | undefined, key);
    if (value !== undefined && value !== null) return true;
  }
  return false;
}

/**
 * The idempotency key of one call, decided once before its first attempt. The header is the operation's
 * `idempotencyHeader`, else the client's, else `Idempotency-Key` when the call passes `idempotencyKey`; a GET, HEAD or
 * OPTIONS never carries one. The key is the caller's: `options.idempotencyKey` (set by the client), or the header in
 * the per-call `headers` or a header parameter (sent as they are); else a random UUID, the same on every attempt.
 * @param method the upper-case method
 * @param clientHeader the client's `idempotencyHeader` option
 * @returns `set`: `[header, value]` for the client to set over every header layer (none when the caller's header or
 *   parameter carries the key, or there is no key); `carried`: the call carries a key (for {@link mayRetry})
 */
export function idempotencyKey(
  op: Operation,
  method: string,
  options: RequestOptions,
  clientHeader: string | undefined,
): { set: readonly [string, string] | undefined; carried: boolean } {
  const header =
    op.idempotencyHeader ??
    clientHeader ??
    (options.idempotencyKey !== undefined ? 'Idempotency-Key' : undefined);
  if (header === undefined || !takesIdempotencyKey(method))
    return { set: undefined, carried: false };
  if (options.idempotencyKey !== undefined)
    return { set: [header, options.idempotencyKey], carried: true };
  if (headerOption(options.headers, header) !== undefined || hasHeaderParam(op, header))
    return { set: undefined, carried: true };
  return { set: [header, uuid()], carried: true };
}
