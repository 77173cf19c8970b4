// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * `APIPromise<T>`: what every call returns. Awaiting it gives the data; `.withResponse()` gives data, raw response,
 * headers and request id; `.asResponse()` gives the raw `Response` with its body unread.
 */

import type { RequestInfo } from './errors.js';
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
  /** Ends the attempt: clears its timer and unhooks the caller's signal. Idempotent. */
  end(): void;
  /**
   * Hands the body over unread (`.asResponse()`, a streamed binary body): the timeout stops, but the caller's signal still
   * cancels the body until it is read to the end, cancelled or failed, when its listener is removed. Returns the
   * response to hand over (the same one when there is no caller's signal).
   */
  handOver(response: Response): Response;
}

/** The response of a call before its body is read. */
export interface RawResult {
  response: Response;
  requestId: string | undefined;
  /** Method and display URL of the call, for the errors of the body read (made only then: it redacts the URL). */
  request?: (() => RequestInfo) | undefined;
  /** The attempt's scope, still open (its timeout running) until the body is read or handed over. */
  scope?: AttemptScope | undefined;
}

/**
 * A promise of the data of one call. The request starts when the call is made; the body is read once, on first use
 * of `then`/`withResponse`. Implements `Promise<T>`, so it can be awaited, chained and passed where a promise is expected.
 */
export class APIPromise<T> implements Promise<T> {
  readonly [Symbol.toStringTag] = 'APIPromise';
  // Private fields (#): never enumerated, serialised or inspected, whatever the raw result holds.
  readonly #raw: Promise<RawResult>;
  readonly #parse: (raw: RawResult) => Promise<T>;
  #parsed: Promise<T> | undefined;

  constructor(raw: Promise<RawResult>, parse: (raw: RawResult) => Promise<T>) {
    this.#raw = raw;
    this.#parse = parse;
  }

  /**
   * The raw `Response` (body unread; status already checked: non-2xx rejects with an `ApiError`). The body is the
   * caller's to read: the timeout no longer applies to it, the caller's `signal` still does (an abort errors the body
   * with an `AbortError`).
   */
  asResponse(): Promise<Response> {
    return this.#raw.then((r) => (r.scope ? r.scope.handOver(r.response) : r.response));
  }

  /** Data plus the raw response, its headers and the request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#raw.then(async (r) => ({
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
    this.#parsed ??= this.#raw.then(this.#parse);
    return this.#parsed;
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}
