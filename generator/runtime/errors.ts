// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Error classes. Every error the client throws extends `SdkError`. Errors never hold request headers, credentials or
 * tokens; response headers are kept non-enumerable and redacted when serialised or inspected.
 */

import type { StandardIssue, ValidationReport } from './types.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** Base of every error the client throws. */
export class SdkError extends Error {
  override name = 'SdkError';
}

/** A non-2xx response. `body` is the parsed error body (JSON, text, or undefined when empty). */
export class ApiError<TBody = unknown> extends SdkError {
  override name = 'ApiError';
  readonly status: number;
  readonly body: TBody;
  /** Request id from the response headers, if any. */
  readonly requestId: string | undefined;
  /** Response headers (non-enumerable, so logging the error does not print them). */
  declare readonly headers: Headers;

  constructor(status: number, body: TBody, headers: Headers, requestId: string | undefined, message?: string) {
    super(message ?? errorMessage(status, body, requestId));
    this.status = status;
    this.body = body;
    this.requestId = requestId;
    Object.defineProperty(this, 'headers', { value: headers, enumerable: false, writable: false, configurable: true });
  }

  /** Safe to log: status, message, request id and body; headers only with secrets redacted. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
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
 * The request did not get a response (network failure, DNS, connection reset, …) or the connection was lost while the
 * response body was read. `cause` holds the original error.
 */
export class ConnectionError extends SdkError {
  override name = 'ConnectionError';
  constructor(message = 'Connection error', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An attempt (sending, waiting, reading the body) took longer than `timeoutMs` (thrown after any retries). */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
  constructor(message = 'Request timed out', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The caller's `AbortSignal` aborted the call. `cause` is the signal's reason. */
export class AbortError extends SdkError {
  override name = 'AbortError';
  constructor(message = 'Request was aborted', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A request or response failed the validation hook (mode `throw`). */
export class ValidationError extends SdkError {
  override name = 'ValidationError';
  readonly target: 'request' | 'response';
  readonly issues: ReadonlyArray<StandardIssue>;
  constructor(report: ValidationReport) {
    const op = report.operation.operationId ?? `${report.operation.method.toUpperCase()} ${report.operation.path}`;
    const first = report.issues[0];
    super(`${report.target} of ${op} failed validation (${report.issues.length} issue(s))${first ? `: ${first.message}` : ''}`);
    this.target = report.target;
    this.issues = report.issues;
  }
}

/**
 * Narrows an unknown error to an `ApiError` (optionally of one status) with the operation's error body type, e.g.
 * `if (isApiError<ListConnectionsError>(e, 404)) e.body`. The body type is asserted, not checked.
 */
export function isApiError<TBody = unknown>(error: unknown, status?: number): error is ApiError<TBody> {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** Builds the `ApiError` subclass for `status`. */
export function makeApiError(status: number, body: unknown, headers: Headers, requestId: string | undefined): ApiError {
  const Ctor =
    status === 400
      ? BadRequestError
      : status === 401
        ? AuthenticationError
        : status === 403
          ? PermissionDeniedError
          : status === 404
            ? NotFoundError
            : status === 409
              ? ConflictError
              : status === 422
                ? UnprocessableEntityError
                : status === 429
                  ? RateLimitError
                  : status >= 500
                    ? InternalServerError
                    : ApiError;
  return new Ctor(status, body, headers, requestId);
}

const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key)$/i;

function redactedHeaders(headers: Headers | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  headers?.forEach((value, key) => {
    out[key] = SECRET_HEADERS.test(key) ? '[redacted]' : value;
  });
  return out;
}

/** Short message: status, a message field of the body when there is one (truncated), request id. */
function errorMessage(status: number, body: unknown, requestId: string | undefined): string {
  let detail = '';
  if (typeof body === 'string') detail = body;
  else if (body !== null && typeof body === 'object') {
    const rec = body as Record<string, unknown>;
    for (const key of ['detail', 'details', 'message', 'error', 'title']) {
      const v = rec[key];
      if (typeof v === 'string') {
        detail = v;
        break;
      }
    }
  }
  detail = detail.replace(/\s+/g, ' ').trim();
  if (detail.length > 200) detail = `${detail.slice(0, 200)}…`;
  return `${status}${detail ? ` ${detail}` : ' status code'}${requestId ? ` (request id ${requestId})` : ''}`;
}
