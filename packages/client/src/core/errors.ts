// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Error classes. Every error the client throws extends `SdkError`. Errors never hold request headers, credentials or
 * tokens; response headers are kept non-enumerable and redacted when serialised or inspected. Errors of a call name its
 * method and URL (`method`, `url`, and in the message), with secret query values shown as `***`.
 */

import type { StandardIssue, ValidationReport } from './types.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** Where a failed call was going: the HTTP method and the URL as shown in messages (secret query values as `***`). */
export interface RequestInfo {
  method: string;
  url: string;
}

/** `message (GET https://…)`: the message with the call it belongs to, when known. */
function located(message: string, request: RequestInfo | undefined): string {
  return request ? `${message} (${request.method} ${request.url})` : message;
}

/** Base of every error the client throws. */
export class SdkError extends Error {
  override name = 'SdkError';
}

/**
 * The call cannot be sent as given, so it is never sent or retried: a relative or invalid base URL, a body on GET or
 * HEAD, a header value with CR/LF, a missing path parameter. The message says what is wrong and how to fix it.
 */
export class UsageError extends SdkError {
  override name = 'UsageError';
}

/** Options of an {@link ApiError}: how its message is made and the call it belongs to. */
export interface ApiErrorInit {
  /** Replaces the default message (`<status> <the body's message> (<METHOD> <url>, request id <id>)`). */
  message?: string | undefined;
  /** Method and display URL of the call. */
  request?: RequestInfo | undefined;
  /** The server's delay hint, in ms. */
  retryAfterMs?: number | undefined;
  /**
   * JSON pointer to the message in the error body (`/details`, `/error/message`): the spec's `x-error-message`,
   * carried by the operation descriptor (`Operation.errorMessage`). Tried first; when it holds no string, the default
   * keys are (see {@link errorMessageOf}).
   */
  messageField?: string | undefined;
}

/**
 * A non-2xx response. `body` is the error body: parsed JSON when the response is JSON, else the text, or `undefined`
 * when empty. `TBody` is what the caller (or a generated client's error classes, see {@link ApiErrorClass}) declares
 * the body to be; the runtime does not check it.
 */
export class ApiError<TBody = unknown> extends SdkError {
  override name = 'ApiError';
  readonly status: number;
  readonly body: TBody;
  /** Request id from the response headers, if any. */
  readonly requestId: string | undefined;
  /** The request's method (upper case), when known. */
  readonly method: string | undefined;
  /** The request's URL, secret query values shown as `***`, when known. */
  readonly url: string | undefined;
  /**
   * The server's delay hint in ms (`retry-after-ms`, else `Retry-After` as seconds or an HTTP date; a past date is 0), on
   * a 429 or 503 that carries one; else `undefined`.
   */
  readonly retryAfterMs: number | undefined;
  /** Response headers (non-enumerable, so logging the error does not print them). */
  declare readonly headers: Headers;

  /**
   * @param init.message replaces the default message (`<status> <body's message field or "status code"> (<METHOD> <url>)`)
   * @param init.request method and (display) URL of the call
   * @param init.retryAfterMs the server's delay hint, in ms
   * @param init.messageField pointer to the body's message (the spec's `x-error-message`), tried before the default keys
   */
  constructor(
    status: number,
    body: TBody,
    headers: Headers,
    requestId: string | undefined,
    init: ApiErrorInit = {},
  ) {
    super(init.message ?? errorMessage(status, body, requestId, init.request, init.messageField));
    this.status = status;
    this.body = body;
    this.requestId = requestId;
    this.method = init.request?.method;
    this.url = init.request?.url;
    this.retryAfterMs = init.retryAfterMs;
    Object.defineProperty(this, 'headers', {
      value: headers,
      enumerable: false,
      writable: false,
      configurable: true,
    });
  }

  /** Safe to log: status, message, request id and body; headers only with secrets redacted. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      method: this.method,
      url: this.url,
      requestId: this.requestId,
      retryAfterMs: this.retryAfterMs,
      body: this.body,
      headers: redactedHeaders(this.headers),
    };
  }

  /** Node's `util.inspect` (console.log): the stack, then the safe `toJSON()` view (headers redacted). */
  [INSPECT](): string {
    return `${this.stack ?? `${this.name}: ${this.message}`}\n${JSON.stringify(this.toJSON(), null, 2)}`;
  }
}

export class BadRequestError<TBody = unknown> extends ApiError<TBody> {
  override name = 'BadRequestError';
}
export class AuthenticationError<TBody = unknown> extends ApiError<TBody> {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError<TBody = unknown> extends ApiError<TBody> {
  override name = 'PermissionDeniedError';
}
export class NotFoundError<TBody = unknown> extends ApiError<TBody> {
  override name = 'NotFoundError';
}
export class ConflictError<TBody = unknown> extends ApiError<TBody> {
  override name = 'ConflictError';
}
export class UnprocessableEntityError<TBody = unknown> extends ApiError<TBody> {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError<TBody = unknown> extends ApiError<TBody> {
  override name = 'RateLimitError';
}
export class InternalServerError<TBody = unknown> extends ApiError<TBody> {
  override name = 'InternalServerError';
}

/**
 * The constructor of an `ApiError` class whose instances have `body: TBody`. A generated client re-exports each error
 * class through it with the union of its spec's error bodies, so that `instanceof` narrows `body` (the class itself
 * narrows to `ApiError<any>`):
 *
 * ```ts
 * export type NotFoundError = core.NotFoundError<ImprovadoErrorBody>;
 * export const NotFoundError: ApiErrorClass<ImprovadoErrorBody, NotFoundError> = core.NotFoundError;
 * ```
 */
export type ApiErrorClass<TBody, E extends ApiError<TBody> = ApiError<TBody>> = new (
  status: number,
  body: TBody,
  headers: Headers,
  requestId: string | undefined,
  init?: ApiErrorInit,
) => E;

/** Options of the errors of a call that got no (complete) response. */
export interface CallErrorOptions {
  cause?: unknown;
  /** Method and display URL of the call: added to the message and kept as `method` and `url`. */
  request?: RequestInfo | undefined;
}

/**
 * Base of the errors of a call without a usable response (none, cut off, aborted, not parsable): its message names the
 * call, kept as `method` and `url`.
 */
export abstract class CallError extends SdkError {
  /** The request's method (upper case), when known. */
  readonly method: string | undefined;
  /** The request's URL, secret query values shown as `***`, when known. */
  readonly url: string | undefined;
  constructor(message: string, options: CallErrorOptions) {
    super(
      located(message, options.request),
      'cause' in options ? { cause: options.cause } : undefined,
    );
    this.method = options.request?.method;
    this.url = options.request?.url;
  }
}

/**
 * The request did not get a response (refused, DNS, reset, TLS, …) or the connection was lost while the response body
 * was read. The message names the cause (`ECONNREFUSED 127.0.0.1:4617`, `ENOTFOUND api.example.com`) and the call;
 * `cause` holds the original error.
 */
export class ConnectionError extends CallError {
  override name = 'ConnectionError';
  constructor(message = 'Connection error', options: CallErrorOptions = {}) {
    super(message, options);
  }
}

/** An attempt (sending, waiting, reading the body) took longer than `timeoutMs` (thrown after any retries). */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
  constructor(message = 'Request timed out', options?: CallErrorOptions) {
    super(message, options);
  }
}

/** The caller's `AbortSignal` aborted the call. `cause` is the signal's reason. */
export class AbortError extends CallError {
  override name = 'AbortError';
  constructor(message = 'Request was aborted', options: CallErrorOptions = {}) {
    super(message, options);
  }
}

/**
 * A successful (2xx/3xx) response whose body does not parse as its media type says (JSON). `status` and `text` (the raw
 * body) are kept; `cause` is the parser's error.
 */
export class ResponseParseError extends CallError {
  override name = 'ResponseParseError';
  readonly status: number;
  /** The body as received. */
  readonly text: string;
  constructor(status: number, text: string, options: CallErrorOptions = {}) {
    super(`The ${status} response body is not valid JSON`, options);
    this.status = status;
    this.text = text;
  }
}

/** A request or response failed the validation hook (mode `throw`). */
export class ValidationError extends SdkError {
  override name = 'ValidationError';
  readonly target: 'request' | 'response';
  readonly issues: ReadonlyArray<StandardIssue>;
  constructor(report: ValidationReport) {
    const op =
      report.operation.operationId ??
      `${report.operation.method.toUpperCase()} ${report.operation.path}`;
    const first = report.issues[0];
    super(
      `${report.target} of ${op} failed validation (${report.issues.length} issue(s))${first ? `: ${first.message}` : ''}`,
    );
    this.target = report.target;
    this.issues = report.issues;
  }
}

/**
 * Narrows an unknown error to an `ApiError` (optionally of one status) with the operation's error body type, e.g.
 * `if (isApiError<ListConnectionsError>(e, 404)) e.body`. The body type is asserted, not checked.
 */
export function isApiError<TBody = unknown>(
  error: unknown,
  status?: number,
): error is ApiError<TBody> {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/**
 * The `ApiError` subclass of each status that has its own; {@link makeApiError} throws any other 5xx as an
 * `InternalServerError`, any other status as an `ApiError`. (The generator reads this table and that line to document
 * which class a status is thrown as.)
 */
const ERROR_CLASS_BY_STATUS: Readonly<Record<number, typeof ApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/**
 * Builds the `ApiError` subclass for `status`.
 * @param init the call (`request`, named in the message), the server's delay hint (`retryAfterMs`, 429 and 503) and
 *   the operation's message pointer (`messageField`)
 */
export function makeApiError(
  status: number,
  body: unknown,
  headers: Headers,
  requestId: string | undefined,
  init: ApiErrorInit = {},
): ApiError {
  const Ctor = ERROR_CLASS_BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
  return new Ctor(status, body, headers, requestId, init);
}

const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key)$/i;

function redactedHeaders(headers: Headers | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  headers?.forEach((value, key) => {
    out[key] = SECRET_HEADERS.test(key) ? '[redacted]' : value;
  });
  return out;
}

/** The keys an error body's message is looked for under, in this order, when the spec names none (or it is absent). */
export const ERROR_MESSAGE_KEYS = ['detail', 'details', 'message', 'error', 'title'] as const;

/** `value` at JSON pointer `pointer` (`~1` = `/`, `~0` = `~`; own properties only), else `undefined`. */
function at(value: unknown, pointer: string): unknown {
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    value =
      value !== null && typeof value === 'object' && Object.hasOwn(value, key)
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return value;
}

/**
 * The message an error body carries, untrimmed; `''` when none: a text body is its own message; in a JSON body, the
 * non-blank string at `messageField` (the spec's `x-error-message`, a JSON pointer) when there is one, else the first
 * non-blank string among the top-level keys {@link ERROR_MESSAGE_KEYS} (`detail`, `details`, `message`, `error`,
 * `title`).
 */
export function errorMessageOf(body: unknown, messageField?: string): string {
  if (typeof body === 'string') return body;
  const pointers = ERROR_MESSAGE_KEYS.map((key) => `/${key}`);
  if (messageField !== undefined) pointers.unshift(messageField);
  for (const pointer of pointers) {
    const v = at(body, pointer);
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return '';
}

/** Short message: status, the body's message when there is one (whitespace collapsed, truncated), the call, request id. */
function errorMessage(
  status: number,
  body: unknown,
  requestId: string | undefined,
  request: RequestInfo | undefined,
  messageField: string | undefined,
): string {
  let detail = errorMessageOf(body, messageField).replace(/\s+/g, ' ').trim();
  if (detail.length > 200) detail = `${detail.slice(0, 200)}…`;
  const where = [
    request ? `${request.method} ${request.url}` : '',
    requestId ? `request id ${requestId}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${status}${detail ? ` ${detail}` : ' status code'}${where ? ` (${where})` : ''}`;
}

/**
 * Auto-pagination stopped: the server announced a next page that repeats a request of this iteration
 * (`reason: 'repeat'`: the same page number, offset, cursor or URL, this page's included), or `maxPages` pages were
 * received (`reason: 'maxPages'`). Thrown after every item received was yielded; the refused page is not requested.
 * Holds no request headers or credentials (a URL marker has secret-looking query values redacted).
 */
export class PaginationError extends SdkError {
  override name = 'PaginationError';
  declare readonly reason: 'repeat' | 'maxPages';
  /** The operationId, else `METHOD /path`. */
  declare readonly operation: string;
  declare readonly style: 'page' | 'offset' | 'cursor' | 'next-link';
  /** The refused page: its page number, offset, cursor, or URL. */
  declare readonly marker: string;
  /** Pages received in this iteration. */
  declare readonly pages: number;
  /** Items (per-group paging: groups) received in this iteration. */
  declare readonly items: number;
  /** The page limit in force. */
  declare readonly maxPages: number;

  constructor(
    info: Pick<
      PaginationError,
      'reason' | 'operation' | 'style' | 'marker' | 'pages' | 'items' | 'maxPages'
    >,
  ) {
    super(
      `${info.operation}: ${
        info.reason === 'repeat'
          ? `the next page (${info.style} ${info.marker}) was already requested in this iteration`
          : `more than maxPages (${info.maxPages}) pages`
      }; stopped after ${info.pages} page(s), ${info.items} item(s)`,
    );
    Object.assign(this, info);
  }
}
