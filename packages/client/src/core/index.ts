// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Public surface of the core (no side effects). Pagination, polling, webhooks and the token provider are separate
 * modules so a bundle holds them only when used; they are re-exported here for convenience.
 */

export { APIPromise } from './api-promise.js';
export { encodeFormBody, formBody, multipartBody } from './body.js';
export { ClientCore, DEFAULTS } from './client.js';
export {
  AbortError,
  ApiError,
  type ApiErrorClass,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  ERROR_MESSAGE_KEYS,
  errorMessageOf,
  InternalServerError,
  isApiError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  type RequestInfo,
  ResponseParseError,
  SdkError,
  TimeoutError,
  UnprocessableEntityError,
  UsageError,
  ValidationError,
} from './errors.js';
export {
  LeanClient,
  type BinaryAs,
  type LeanClientOptions,
  type LeanRequestOptions,
} from './lean.js';
export { Page, PagePromise, requestPage } from './pagination.js';
export {
  poll,
  POLL_DEFAULTS,
  type PollContext,
  type PollOptions,
  type PollRequestOptions,
  PollTimeoutError,
} from './poll.js';
export { backoffMs, mayRetry, RETRY_DEFAULTS, retryableStatus, retryAfterHint } from './retry.js';
export { createTokenProvider } from './token-provider.js';
export type * from './types.js';
export {
  challengeResponse,
  handleVerificationChallenge,
  verifyWebhook,
  WebhookVerificationError,
  webhookIdempotencyKey,
  type HeadersLike,
  type RawBody,
  type UnknownEventType,
  type WebhookAnswer,
  type WebhookSignatureScheme,
  type WebhookVerifyOptions,
} from './webhooks.js';
