// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * `APIPromise<T>`: what every call returns. Awaiting it gives the data; `.withResponse()` gives data, raw response,
 * headers and request id; `.asResponse()` gives the raw `Response` with its body unread.
 */

import type { WithResponse } from './types.js';

/**
 * The abort scope of one attempt, from sending the request until its body is read: the caller's signal and the
 * timeout, combined.
 */
export interface AttemptScope {
  /** Aborts on timeout (reason: a `TimeoutError`) or when the caller's signal aborts (reason: the caller's). */
  readonly signal: AbortSignal;
  /**
   * Registers the body read's `cancel`, called with the abort's reason when the attempt aborts before `end()`;
   * replaces an earlier one. (The attempt calls it itself: cheaper than a listener on `signal` per read.)
   */
  onAbort(cancel: (reason: unknown) => void): void;
  /** The error for a failed body read: `TimeoutError`, `AbortError` (caller), else `ConnectionError` (`SdkError`s pass). */
  fail(err: unknown): Error;
  /** Ends the attempt: clears its timer. Idempotent. */
  end(): void;
}

/** The response of a call before its body is read. */
export interface RawResult {
  response: Response;
  requestId: string | undefined;
  /** The attempt's scope, still open (its timeout running) until the body is read or handed over. */
  scope?: AttemptScope | undefined;
}

/**
 * A promise of the data of one call. The request starts when the call is made; the body is read once, on first use
 * of `then`/`withResponse`. Implements `Promise<T>`, so it can be awaited, chained and passed where a promise is expected.
 */
export class APIPromise<T> implements Promise<T> {
  readonly [Symbol.toStringTag] = 'APIPromise';
  private parsed: Promise<T> | undefined;

  constructor(
    private readonly raw: Promise<RawResult>,
    private readonly parse: (raw: RawResult) => Promise<T>,
  ) {}

  /**
   * The raw `Response` (body unread; status already checked: non-2xx rejects with an `ApiError`). The body is the
   * caller's to read: the timeout no longer applies to it.
   */
  asResponse(): Promise<Response> {
    return this.raw.then((r) => {
      r.scope?.end();
      return r.response;
    });
  }

  /** Data plus the raw response, its headers and the request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.raw.then(async (r) => ({
      data: await this.data(),
      response: r.response,
      headers: r.response.headers,
      requestId: r.requestId,
    }));
  }

  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.data().then(onfulfilled, onrejected);
  }

  /** The data, read once however often `then`/`withResponse` are used. */
  private data(): Promise<T> {
    this.parsed ??= this.raw.then(this.parse);
    return this.parsed;
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}
