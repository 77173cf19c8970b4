// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * One attempt of a call: the middleware chain around `fetch`, with the attempt's time limit and the caller's signal
 * combined into one abort scope that lasts until the body is read or handed over; and the helpers that bound other
 * waits (credentials) by the same rules. Used by `ClientCore` (client.ts).
 */

import type { AttemptScope } from './api-promise.js';
import { AbortError, ConnectionError, type RequestInfo, SdkError, TimeoutError } from './errors.js';
import type { FetchLike, Middleware, Operation } from './types.js';

function isAbortLike(err: unknown): boolean {
  return (
    err !== null && typeof err === 'object' && (err as { name?: unknown }).name === 'AbortError'
  );
}

/** The name and place of the first network-level cause in `err`'s cause chain: `ECONNREFUSED 127.0.0.1:4617`, `ENOTFOUND api.example.com`. */
function causeOf(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 6 && e !== null && typeof e === 'object'; depth++) {
    const x = e as {
      code?: unknown;
      address?: unknown;
      port?: unknown;
      hostname?: unknown;
      errors?: unknown;
      cause?: unknown;
      message?: unknown;
    };
    if (typeof x.code === 'string' && /^(E[A-Z0-9_]+|UND_ERR_[A-Z_]+|ERR_[A-Z_]+)$/.test(x.code)) {
      const host =
        typeof x.address === 'string'
          ? x.address
          : typeof x.hostname === 'string'
            ? x.hostname
            : '';
      const where =
        host && typeof x.port === 'number'
          ? `${host.includes(':') ? `[${host}]` : host}:${x.port}`
          : host;
      return where ? `${x.code} ${where}` : x.code;
    }
    const first = Array.isArray(x.errors) ? (x.errors as unknown[])[0] : undefined;
    e = x.cause ?? first;
  }
  const inner =
    err !== null && typeof err === 'object'
      ? (err as { cause?: { message?: unknown } }).cause?.message
      : undefined;
  if (typeof inner === 'string' && inner) return inner;
  return err instanceof Error && err.message ? err.message : undefined;
}

/** `promise`, or the abort's error as soon as `signal` aborts (a `TimeoutError` reason as is, else an `AbortError`). */
export function abortable<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  request: () => RequestInfo,
): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void =>
      reject(
        signal.reason instanceof TimeoutError
          ? signal.reason
          : new AbortError(undefined, { cause: signal.reason, request: request() }),
      );
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Whether `timeoutMs` arms a timer: 0 or less means no timeout, and setTimeout cannot wait 2^31 ms or more. */
export function hasTimeout(timeoutMs: number): boolean {
  return timeoutMs > 0 && timeoutMs < 2 ** 31;
}

/**
 * A signal that aborts when `signal` does (with its reason) or after `ms` milliseconds (with a
 * {@link TimeoutError} as reason): the per-request timeout of the wait for credentials (a token
 * request the call triggers). `clear()` stops the timer and unhooks `signal`.
 */
export function deadline(
  signal: AbortSignal | undefined,
  ms: number,
  request: () => RequestInfo,
): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(
    () =>
      controller.abort(
        new TimeoutError(`Request timed out after ${ms} ms waiting for credentials`, {
          request: request(),
        }),
      ),
    ms,
  );
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * In Node, lets the process exit while only `timer` is pending: a call nobody awaits (or whose body nobody reads) would
 * otherwise hold it for up to `timeoutMs`. The request itself keeps the process alive while it is in flight.
 */
function unref(timer: ReturnType<typeof setTimeout>): void {
  (timer as unknown as { unref?: () => void }).unref?.();
}

/**
 * The abort scope of one attempt: the caller's signal and the time limit, combined into one controller whose signal the
 * request is sent with. One object per attempt, its state in fields (not a closure per step: this runs on every call).
 * It stays open after the response arrives, until the body is read, discarded (`end`) or handed over (`handOver`).
 */
class Scope implements AttemptScope {
  readonly signal: AbortSignal;
  readonly #controller = new AbortController();
  #timedOut = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The listener on the caller's signal, while linked. */
  #listener: (() => void) | undefined;
  // Signals derived by `new Request(…, { signal })` are held weakly by their sources: the timer or the caller's signal
  // (then the scope) keeps them (and the requests in flight) reachable until the attempt ends so that an abort reaches
  // fetch and the body read. Only middleware sends such requests: made then.
  inFlight: Request[] | undefined;
  /** The body reader's cancel (`onAbort`), called right after the controller aborts. */
  #cancelRead: ((reason: unknown) => void) | undefined;

  constructor(
    readonly timeoutMs: number,
    limited: boolean,
    readonly caller: AbortSignal | undefined,
    readonly where: () => RequestInfo,
  ) {
    this.signal = this.#controller.signal;
    if (caller) {
      if (caller.aborted) this.#controller.abort(caller.reason);
      else {
        this.#listener = () => this.#abort(caller.reason);
        caller.addEventListener('abort', this.#listener, { once: true });
      }
    }
    if (limited) {
      this.#timer = setTimeout(() => {
        if (this.signal.aborted) return;
        this.#timedOut = true;
        this.#abort(new TimeoutError(this.#message()));
      }, timeoutMs);
      unref(this.#timer);
    }
  }

  /** Whether the attempt failed by its time limit or by the caller's signal (so the error is theirs, not the network's). */
  get aborted(): boolean {
    return this.#timedOut || this.caller?.aborted === true;
  }

  #abort(reason: unknown): void {
    this.#controller.abort(reason);
    this.inFlight = undefined;
    this.#cancelRead?.(reason);
    this.#cancelRead = undefined;
  }

  #message(): string {
    return `Request timed out after ${this.timeoutMs} ms`; // built only on a timeout
  }

  /** `err` as the attempt's failure: `TimeoutError` after the time limit, `AbortError` after the caller's abort, else `err`. */
  failure(err: unknown): unknown {
    if (this.#timedOut)
      return new TimeoutError(this.#message(), { cause: err, request: this.where() });
    if (this.caller?.aborted)
      return new AbortError(undefined, { cause: this.caller.reason, request: this.where() });
    return err;
  }

  fail(err: unknown): Error {
    const e = this.failure(err);
    return e instanceof SdkError
      ? e
      : new ConnectionError('Connection error while reading the response body', {
          cause: err,
          request: this.where(),
        });
  }

  onAbort(cancel: (reason: unknown) => void): void {
    this.#cancelRead = cancel;
  }

  end(): void {
    this.#stopTimer();
    if (this.#listener) this.caller?.removeEventListener('abort', this.#listener);
    this.#listener = undefined;
    this.inFlight = undefined;
    this.#cancelRead = undefined;
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  handOver(res: Response): Response {
    this.#stopTimer();
    const source = res.body;
    if (!this.#listener || !source) {
      this.end();
      return res;
    }
    // The caller's signal stays linked until the body is read to the end, cancelled or failed.
    const reader = source.getReader();
    const scope = this;
    const stream = new ReadableStream<Uint8Array>({
      async pull(out) {
        try {
          const chunk = await reader.read();
          if (scope.signal.aborted) throw scope.signal.reason;
          if (chunk.done) {
            scope.end();
            out.close();
          } else out.enqueue(chunk.value);
        } catch (err) {
          scope.end();
          out.error(scope.fail(err));
        }
      },
      cancel(reason) {
        scope.end();
        return reader.cancel(reason);
      },
    });
    this.#cancelRead = (reason) => {
      reader.cancel(reason).catch(() => undefined);
    };
    const handed = new Response(stream, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
    for (const key of ['url', 'redirected', 'type'] as const)
      Object.defineProperty(handed, key, { value: res[key] });
    return handed;
  }
}

/** Sends one request through `fetchFn` (or the global fetch); a failure that is not an abort is a `ConnectionError`. */
async function send(
  input: Request | undefined,
  url: string,
  init: RequestInit,
  fetchFn: FetchLike | undefined,
  scope: Scope | undefined,
  where: () => RequestInfo,
  scrub: (text: string) => string,
): Promise<Response> {
  try {
    if (fetchFn) return await (input ? fetchFn(input) : fetchFn(url, init));
    return await (input ? globalThis.fetch(input) : globalThis.fetch(url, init));
  } catch (err) {
    if (scope?.aborted || err instanceof SdkError) throw err;
    const cause = causeOf(err);
    const text = isAbortLike(err)
      ? 'Request was aborted by the transport'
      : `Connection error${cause ? `: ${scrub(cause)}` : ''}`;
    throw new ConnectionError(text, { cause: err, request: where() });
  }
}

/**
 * One attempt: middleware chain around fetch, with the timeout and the caller's signal combined. Resolves with the
 * response and the attempt's scope, still open: the timeout keeps running until the caller of `attempt` ends it
 * (after reading or discarding the body) or hands the body over. On failure the scope is ended here. Without a time
 * limit and without a caller's signal there is nothing to abort: no controller, no timer, no scope (the cheap path).
 */
export async function attempt(
  url: string,
  init: RequestInit & { duplex?: 'half' },
  op: Operation,
  attemptNo: number,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  fetchFn: FetchLike | undefined,
  where: () => RequestInfo,
  middleware: readonly Middleware[] | undefined,
  scrub: (text: string) => string,
): Promise<{ response: Response; scope: AttemptScope | undefined }> {
  // Timers take at most 2^31-1 ms: a longer, infinite or non-positive timeout means none.
  const limited = hasTimeout(timeoutMs);
  const scope = limited || signal ? new Scope(timeoutMs, limited, signal, where) : undefined;
  if (scope) init.signal = scope.signal;
  let response: Response;
  try {
    if (!middleware?.length)
      response = await send(undefined, url, init, fetchFn, scope, where, scrub); // no `Request` built
    else {
      const built = new Request(url, init);
      let sentBuilt = false;
      // `next` may be called more than once: the built request goes out as is the first time when no middleware
      // could call `next` again or it has no body; else (and for a request a middleware made) a clone tied to the
      // attempt's signal.
      const terminal = (req: Request): Promise<Response> => {
        let sent = req;
        if (req !== built || sentBuilt || req.body !== null)
          sent = scope ? new Request(req.clone(), { signal: scope.signal }) : req.clone();
        if (req === built) sentBuilt = true;
        if (scope) {
          scope.inFlight ??= [];
          scope.inFlight.push(sent);
        }
        return send(sent, url, init, fetchFn, scope, where, scrub);
      };
      const chain = middleware.reduceRight<(req: Request) => Promise<Response>>(
        (next, mw) => (req) => mw(req, next, { operation: op, attempt: attemptNo }),
        terminal,
      );
      response = await chain(built);
    }
  } catch (err) {
    scope?.end();
    throw scope ? scope.failure(err) : err;
  }
  return { response, scope };
}
