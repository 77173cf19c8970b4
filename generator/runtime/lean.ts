// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * `LeanClient`: the smallest core a resource runs on, for bundles where size matters more than features. It builds the
 * request exactly as `ClientCore` does (URL, path/query/header/cookie parameters, `Accept`, body, header options: the
 * shared code of serialize.ts and wire.ts) and sends it once. It has no retries, no timeout, no auth schemes or token
 * provider, no middleware, no logger and no validation: those are what `ClientCore` is for. Auth goes in `headers`.
 */

import { APIPromise, type RawResult } from './api-promise.js';
import {
  AbortError,
  ConnectionError,
  makeApiError,
  type RequestInfo,
  SdkError,
  UsageError,
} from './errors.js';
import { encodeBody, wireName } from './serialize.js';
import type { FetchLike, Operation, RequestClient, RequestOptions, ResponseKind } from './types.js';
import {
  buildRequest,
  decodeErrorText,
  decodeText,
  displayUrl,
  errorKind,
  type HeaderOptions,
  REQUEST_ID_HEADERS,
  requestIdOf,
  resolveBaseUrl,
  responseKind,
} from './wire.js';

/** How binary responses are returned. */
export type BinaryAs = 'blob' | 'arrayBuffer' | 'stream';

/** Options of {@link LeanClient}. */
export interface LeanClientOptions {
  /** The API's base URL (`https://api.example.com/v1`); a trailing slash is removed. Required: the lean core has no spec default. */
  baseUrl: string;
  /**
   * Headers sent on every request, also for auth (`{ Authorization: 'Bearer …' }`, an API key header). `null` removes a
   * header set earlier (e.g. `Accept`). Values with CR, LF or NUL are rejected when a request is built.
   */
  headers?: HeaderOptions;
  /** `fetch` to use, with the standard signature, called as `(url, init)`; default `globalThis.fetch`, looked up per call. */
  fetch?: FetchLike | undefined;
  /** How binary responses are returned (default `blob`). */
  binaryAs?: BinaryAs | undefined;
  /** The most pages one iteration of a list fetches (default 1_000; per call: `maxPages` of the request options). */
  maxPages?: number | undefined;
}

/**
 * Per-request options the lean core reads: `headers` (merged over the client's), `signal`, `fetch`, `binaryAs`. The other
 * fields of `RequestOptions` (`timeoutMs`, `maxRetries`, `idempotencyKey`, `retryNonIdempotent`) are `ClientCore`'s: a
 * call that passes one is refused with an `SdkError` (a lean client does not time out or retry).
 */
export type LeanRequestOptions = Pick<RequestOptions, 'headers' | 'signal' | 'fetch' | 'binaryAs'>;

/** Options of the full core (`ClientCore`) this core does not have: given, they are refused, not ignored. */
const FULL_CORE_ONLY = [
  'timeoutMs',
  'maxRetries',
  'retryNonIdempotent',
  'idempotencyKey',
  'auth',
  'middleware',
  'logger',
  'validate',
];

/**
 * @throws SdkError naming the first full-core option set in `options` (`maxRetries: 0` is what this core does anyway)
 */
function refuseFullCoreOptions(options: object, where: string): void {
  for (const key of FULL_CORE_ONLY) {
    const value = (options as Record<string, unknown>)[key];
    if (value === undefined || (key === 'maxRetries' && value === 0)) continue;
    const instead =
      key === 'timeoutMs'
        ? ': pass `signal: AbortSignal.timeout(ms)` instead'
        : ': use the full client for it';
    throw new SdkError(`LeanClient has no \`${key}\` (${where})${instead}`);
  }
}

/** The error of a failed send or body read: `SdkError`s pass; `AbortError` when `signal` aborted; else `ConnectionError`. */
function failure(err: unknown, signal: AbortSignal | undefined, request: RequestInfo): Error {
  if (err instanceof SdkError) return err;
  if (signal?.aborted) return new AbortError(undefined, { cause: signal.reason, request });
  return new ConnectionError(undefined, { cause: err, request });
}

/**
 * Reads a body per `kind`, as `ClientCore` does: `none` or no body → `undefined` (the body is released); `binary` → Blob,
 * ArrayBuffer or the stream (`binaryAs`); `text` → string; `json` → parsed (empty → `undefined`); unknown kind → text.
 * @throws ResponseParseError when a 2xx/3xx JSON body does not parse
 */
async function readBody(
  response: Response,
  kind: ResponseKind | undefined,
  binaryAs: BinaryAs,
  request: () => RequestInfo,
): Promise<unknown> {
  const body = response.body;
  if (kind === 'none' || body === null) {
    body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (kind === 'binary')
    return binaryAs === 'stream'
      ? body
      : binaryAs === 'arrayBuffer'
        ? response.arrayBuffer()
        : response.blob();
  return decodeText(await response.text(), kind, response, request);
}

/**
 * A client core without retries, timeouts, auth schemes, middleware, logging or validation; resources take it in place
 * of the root client: `new Pets(new LeanClient({ baseUrl, headers: { Authorization: `Bearer ${token}` } }))`.
 * A call sends one request; a non-2xx/3xx status rejects with the same `ApiError` subclasses as `ClientCore`
 * (`NotFoundError`, …: `status`, `body`, `headers`, `requestId`), a failed connection with `ConnectionError`, an abort
 * of `options.signal` with `AbortError`. Parameters, headers and bodies go on the wire byte for byte as with
 * `ClientCore`.
 */
export class LeanClient implements RequestClient {
  /** Base URL without a trailing slash. */
  readonly baseUrl: string;
  /** Options as given (frozen). */
  readonly options: Readonly<LeanClientOptions>;

  /**
   * @param options the base URL (required), headers, `fetch`, `binaryAs`
   * @throws UsageError when `baseUrl` is missing or not an absolute http(s) URL (a relative one resolves against the page
   *   in browsers); SdkError when an option of the full client (`timeoutMs`, `auth`, …) is given
   */
  constructor(options: LeanClientOptions) {
    if (typeof options?.baseUrl !== 'string')
      throw new UsageError(
        'LeanClient needs `baseUrl`, an absolute URL such as https://api.example.com',
      );
    const base = resolveBaseUrl(options.baseUrl);
    if (base.problem !== undefined)
      throw new UsageError(`LeanClient needs an absolute base URL. ${base.problem}`);
    refuseFullCoreOptions(options, 'client option');
    this.options = Object.freeze({ ...options });
    this.baseUrl = base.url;
  }

  /**
   * Sends one operation. Resolves with the data read per `op.responses` (or the Content-Type); rejects with `ApiError`
   * (or a subclass per status), `ConnectionError`, `AbortError`, or `SdkError` (a missing path parameter, a header value
   * with CR/LF, `op.url` on another origin, a 2xx JSON body that does not parse, an option only the full client has:
   * `timeoutMs`, `maxRetries` above 0, `idempotencyKey`, `retryNonIdempotent`).
   */
  request<T = unknown>(op: Operation, options: LeanRequestOptions = {}): APIPromise<T> {
    const binaryAs = options.binaryAs ?? this.options.binaryAs ?? 'blob';
    return new APIPromise<T>(this.send(op, options), (r) => {
      const request = r.request?.() ?? {
        method: op.method.toUpperCase(),
        url: this.baseUrl + op.path,
      };
      return readBody(
        r.response,
        responseKind(op, r.response.status, r.response.headers),
        binaryAs,
        () => request,
      ).catch((err: unknown) => {
        throw failure(err, options.signal, request);
      }) as Promise<T>;
    });
  }

  private async send(op: Operation, options: LeanRequestOptions): Promise<RawResult> {
    refuseFullCoreOptions(options, 'request option');
    const signal = options.signal;
    const method = op.method.toUpperCase();
    const encoded = encodeBody(op);
    if (encoded && (method === 'GET' || method === 'HEAD'))
      throw new UsageError(
        `A ${method} request cannot have a body (${method} ${op.path}): send the data as parameters`,
      );
    // The same request as ClientCore's, without credentials (they are in the client's headers).
    const { url, init } = buildRequest(this.baseUrl, op, method, encoded, {
      clientHeaders: this.options.headers,
      callHeaders: options.headers,
    });
    if (signal) init.signal = signal;
    // For error messages: secret parameters (`x-secret`) as `***`; made only for an error.
    const secret = (name: string): boolean =>
      Object.entries(op.parameters ?? {}).some(
        ([key, spec]) => spec.secret === true && wireName(spec, key) === name,
      );
    const request = (): RequestInfo => ({ method, url: displayUrl(url, secret) });
    if (signal?.aborted)
      throw new AbortError(undefined, { cause: signal.reason, request: request() });
    const fetchFn = options.fetch ?? this.options.fetch;
    let response: Response;
    try {
      response = await (fetchFn ? fetchFn(url, init) : fetch(url, init));
    } catch (err) {
      throw failure(err, signal, request());
    }
    const requestId = requestIdOf(response.headers, REQUEST_ID_HEADERS);
    if (response.status < 400) return { response, requestId, request };
    const status = response.status;
    let body: unknown;
    let cause: unknown;
    try {
      const text = await readBody(response, errorKind(op, status), 'blob', request);
      body =
        typeof text === 'string'
          ? decodeErrorText(text, response.headers, responseKind(op, status, response.headers))
          : undefined;
    } catch (err) {
      if (signal?.aborted) throw failure(err, signal, request());
      cause = err;
    }
    const error = makeApiError(status, body, response.headers, requestId, {
      request: request(),
      messageField: op.errorMessage,
    });
    if (cause !== undefined) error.cause = cause;
    throw error;
  }
}
