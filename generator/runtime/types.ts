// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Types shared by the runtime: the operation descriptor the generated code builds, client and request
 * options, security scheme specs. Declarations only (no runtime code).
 */

import type { APIPromise } from './api-promise.js';

/** HTTP method, lower-case as in OpenAPI. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** OpenAPI parameter style. */
export type ParamStyle =
  'matrix' | 'label' | 'form' | 'simple' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

/**
 * How one parameter is sent. Defaults follow OpenAPI: path/header `simple`, query/cookie `form`;
 * `explode` true for `form`, false otherwise; `allowReserved` false.
 */
export interface ParamSpec {
  in: 'path' | 'query' | 'header' | 'cookie';
  /**
   * The wire name, when the key in `params` and `parameters` is another: a name two locations share (`id` in the path
   * and in the query) is keyed `location name` after its first use.
   */
  name?: string;
  style?: ParamStyle;
  explode?: boolean;
  allowReserved?: boolean;
  /** The parameter uses `content: application/json`: the value is sent as JSON text. */
  content?: 'json';
  /** The value is never shown in error messages or logs (`***`): the spec's `x-secret: true` or `format: password`. */
  secret?: boolean;
}

/** How a request body is written. */
export type BodyKind = 'json' | 'text' | 'form' | 'multipart' | 'binary';

/** How a response body is read: `json` → parsed, `text` → string, `binary` → Blob (or per `binaryAs`), `none` → undefined. */
export type ResponseKind = 'json' | 'text' | 'binary' | 'none';

/** Per-property encoding of a form or multipart body (OpenAPI Encoding Object). */
export interface EncodingSpec {
  contentType?: string;
  style?: ParamStyle;
  explode?: boolean;
  allowReserved?: boolean;
}

/** `x-pagination` of an operation; fields are JSON pointers into the response body. */
export interface PaginationSpec {
  style: 'page' | 'offset' | 'cursor' | 'next-link';
  /** Where the paging parameters go (default `query`). `body` puts them into the (JSON) request body. */
  in?: 'query' | 'body';
  /** Page number (style `page`, 1-based unless the caller starts elsewhere) or offset (style `offset`). */
  pageParam?: string;
  sizeParam?: string;
  cursorParam?: string;
  /** Pointer to the items of a page (e.g. `/results`); with `groupsField`, relative to one group. */
  itemsField: string;
  /** Pointer to the next page marker: a URL (`next-link`, or `page` with a DRF envelope), a cursor, or a page number. */
  nextField?: string;
  countField?: string;
  /** Page numbers travel as strings in the request. Incoming string page numbers are always accepted. */
  pageNumbersAsStrings?: boolean;
  /** Per-group paging (several lists in one response, e.g. per account): pointer to the array of groups. */
  groupsField?: string;
  /** Pointer (relative to a group) to the group's key, e.g. `/account_id`; used with `groupFilterParam`. */
  groupKeyField?: string;
  /** Request field holding the list of group keys to fetch (e.g. `account_ids`): narrowed on next pages to the groups that have more. */
  groupFilterParam?: string;
}

/**
 * The operation descriptor: everything the runtime needs to send one call. Built by generated code
 * (one object literal per method) or by hand for `client.request()`.
 */
export interface Operation {
  method: HttpMethod;
  /** Path template as the spec spells it (`/api/v3/datasources/{datasource_name}/connections`). */
  path: string;
  /** operationId, used in logs and validation reports only. */
  operationId?: string;
  /** Parameter values by wire name (path, query, header and cookie parameters together). `undefined` values are skipped. */
  params?: object | undefined;
  /**
   * How each parameter is sent, by wire name. A value in `params` without an entry goes into the path when the template
   * has `{name}`, else into the query (form, explode).
   */
  parameters?: Readonly<Record<string, ParamSpec>>;
  /** Request body. `undefined` → no body. */
  body?: unknown;
  /** How to write `body` (default `json`; a FormData, URLSearchParams, Blob, ArrayBuffer, typed array or stream is sent as is). */
  bodyKind?: BodyKind;
  /** Media type of the body when not the kind's default (`application/merge-patch+json`, `text/csv`, `image/png`, …). */
  contentType?: string;
  /** Per-property encoding of form and multipart bodies. */
  encoding?: Readonly<Record<string, EncodingSpec>>;
  /** Security alternatives (OR) of schemes (AND), by scheme key. `[]` or absent: no auth. An empty alternative `[]` means "auth optional". */
  security?: ReadonlyArray<ReadonlyArray<string>>;
  /** How to read each status: keys `200`, `2XX`, `default`. Statuses not listed fall back to the Content-Type header. */
  responses?: Readonly<Record<string, ResponseKind>>;
  /**
   * The Accept header, when a success response declares several media types and the ones the client reads are not all
   * JSON (`application/json, text/plain`). Without it the runtime sends `Accept: application/json` when every success
   * response with a body is read as JSON, else none.
   */
  accept?: string;
  /** Header carrying an idempotency key, when the spec declares one. */
  idempotencyHeader?: string;
  /**
   * Whether the operation may be retried, when the spec says so. `false`: never retried (the spec's `x-idempotent: false`,
   * e.g. a PUT action that starts work); `true`: retried like GET even for POST/PATCH. Absent: by method.
   */
  idempotent?: boolean;
  /**
   * JSON pointer to the message in this operation's error bodies (`/details`, `/error/message`): the spec's
   * `x-error-message` on its error response schemas. An error's message uses the string found there, else the first of
   * `detail`, `details`, `message`, `error`, `title` (errors.ts `errorMessageOf`). Absent: those keys only.
   */
  errorMessage?: string;
  /** Paging, for `requestPage()`. */
  pagination?: PaginationSpec;
  /**
   * Absolute URL to call instead of `baseUrl + path` (next-link pagination). Must have the same origin as `baseUrl`,
   * else the call fails with an `SdkError`. Query parameters in `params` are appended.
   */
  url?: string;
}

/** Token endpoint of a bearer scheme (`x-token-endpoint`). */
export interface TokenEndpointSpec {
  /** operationId of the token operation (logs only). */
  operationId?: string;
  method: HttpMethod;
  path: string;
  /** Key of the scheme the token request authenticates with (e.g. `basicAuth`). */
  credentialsScheme: string;
  /** JSON pointer to the token in the response body (e.g. `/token`). */
  tokenField: string;
  /** Body fields the caller supplies (e.g. `['workspace_id']`); informational (the caller's object is sent as the body). */
  requestFields?: readonly string[];
  /**
   * Token lifetime in seconds, used when the token response has no `expires_in`; neither → the token is kept until a
   * 401.
   */
  lifetimeSeconds?: number;
  /** Each successful use renews the lifetime (sliding expiry). */
  slidingExpiry?: boolean;
}

/** A security scheme as the runtime needs it (from `components.securitySchemes`). */
export type SecuritySchemeSpec =
  | { type: 'http'; scheme: 'basic' }
  | { type: 'http'; scheme: 'bearer'; tokenEndpoint?: TokenEndpointSpec }
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string };

/** A value or a function giving it (called before each attempt; may be async). */
export type Credential = string | (() => string | Promise<string>);

/** HTTP Basic credentials. */
export interface BasicCredentials {
  username: string;
  password: string;
}

/**
 * Credentials by scheme key. Per scheme type:
 * - http basic: `{ username, password }`;
 * - http bearer: a token or a function returning one; with a token endpoint also an object with the token
 *   request's body fields (e.g. `{ workspace_id: 42 }`): the runtime then obtains, caches and renews the token;
 * - apiKey: the key, or a function returning it.
 *
 * `undefined` (or a missing key) means no credential; in `withOptions`, `undefined` keeps the client's credential and
 * `null` removes it.
 */
export type AuthOptions = Readonly<
  Record<
    string,
    Credential | BasicCredentials | Readonly<Record<string, unknown>> | null | undefined
  >
>;

/** Log sink: any object with these methods (console fits). */
export interface Logger {
  debug(message: string, data?: Readonly<Record<string, unknown>>): void;
  info(message: string, data?: Readonly<Record<string, unknown>>): void;
  warn(message: string, data?: Readonly<Record<string, unknown>>): void;
  error(message: string, data?: Readonly<Record<string, unknown>>): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Context passed to middleware. */
export interface MiddlewareContext {
  operation: Readonly<Operation>;
  /** 0 for the first attempt, 1 for the first retry, … */
  attempt: number;
}

/**
 * Onion middleware: receives the built request and `next`, returns the response. `next` may be called more than once
 * (each call sends a fresh clone of the request it is given).
 */
export type Middleware = (
  request: Request,
  next: (request: Request) => Promise<Response>,
  context: MiddlewareContext,
) => Promise<Response>;

/**
 * The `fetch` the runtime calls: the standard signature, so `globalThis.fetch`, undici's `fetch` or a wrapper of either
 * fits as is. Without middleware it is called with `(url, init)` and no `Request` is built (building one tied to the
 * attempt's signal costs more than the rest of a call); with middleware, with the `Request` the chain ends with and no
 * `init`. The signal (`init.signal` or `request.signal`) aborts on the timeout and on the caller's signal. A wrapper
 * that wants a `Request` either way makes one: `new Request(input, init)`.
 */
export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;

/** Standard Schema v1, the part the runtime uses (https://standardschema.dev); no dependency. */
export interface StandardSchemaV1<Output = unknown> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
  };
}
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardIssue> };
export interface StandardIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** What a validation hook is told about the operation. */
export interface OperationInfo {
  method: HttpMethod;
  path: string;
  operationId?: string;
}

/** A validation problem: where (`request` body or `response` body) and the issues (messages and paths, never values). */
export interface ValidationReport {
  operation: OperationInfo;
  target: 'request' | 'response';
  status?: number;
  issues: ReadonlyArray<StandardIssue>;
}

/**
 * Optional validation hook. `request` gives a schema for an operation's request body, `response` for a response body.
 * `mode: 'throw'` (default) fails the call with a `ValidationError`; `'report'` calls `onReport` (default: logger warn) and
 * goes on with the unvalidated value.
 */
export interface ValidationOptions {
  mode?: 'throw' | 'report';
  request?: (operation: OperationInfo) => StandardSchemaV1 | undefined;
  response?: (operation: OperationInfo, status: number) => StandardSchemaV1 | undefined;
  onReport?: (report: ValidationReport) => void;
}

/** Injectable clock, sleep and randomness (tests). */
export interface RuntimeHooks {
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** Waits `ms` milliseconds; rejects when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A number in [0, 1). */
  random?: () => number;
}

/**
 * Options of the client constructor. Every field is optional. `TAuth` lets a generated client type `auth` per scheme
 * (an interface with one optional key per security scheme); the runtime reads it as `AuthOptions`.
 */
export interface ClientOptions<TAuth extends object = AuthOptions> {
  /** Overrides the spec's server URL. */
  baseUrl?: string | undefined;
  auth?: TAuth | undefined;
  /** `fetch` to use (default `globalThis.fetch`, looked up per call); see `FetchLike` for how it is called. */
  fetch?: FetchLike | undefined;
  /**
   * Per attempt, in ms (default 60_000; 0 or `Infinity`: none): from sending the request until its body is read
   * (a `binaryAs: 'stream'` body or `.asResponse()` is handed over unread, and the timeout stops there).
   */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number | undefined;
  /**
   * The longest server delay hint (`retry-after-ms`, `Retry-After`) the client waits for before a retry, in ms (default
   * 60_000). A longer hint is not slept: the error (with `retryAfterMs`) is thrown at once.
   */
  maxRetryDelayMs?: number | undefined;
  /**
   * A header that carries an idempotency key on every POST, PUT, PATCH and DELETE of this client (e.g.
   * `Idempotency-Key`), besides the header an operation's spec declares: one key per call (the caller's
   * `idempotencyKey` or per-call header, else a random UUID), the same on each of its attempts. A POST or PATCH that
   * carries a key is retried like a GET.
   */
  idempotencyHeader?: string | undefined;
  /** Headers sent on every request (a value `null` removes a default). */
  headers?: Readonly<Record<string, string | null | undefined>> | undefined;
  logger?: Logger | undefined;
  /** Default `'off'` without a logger, `'info'` with one. A level without a logger logs to `console`. */
  logLevel?: LogLevel | undefined;
  /**
   * Header, query and cookie names whose values are redacted in logs, added to the defaults (authorization, cookie,
   * set-cookie, x-api-key, …) and every apiKey scheme's name. `'!name'` removes a name (e.g. a non-secret apiKey header).
   */
  redact?: readonly string[] | undefined;
  middleware?: readonly Middleware[] | undefined;
  validate?: ValidationOptions | undefined;
  /** How a cookie apiKey is sent: `header` sets `Cookie` (servers, Node, Deno, Bun); `browser` uses `credentials: 'include'`. Default: `browser` when `document` exists. */
  cookieMode?: 'auto' | 'header' | 'browser' | undefined;
  /** Header that carries the retry number on retries (e.g. `x-retry-count`); off by default (it would trigger CORS preflights). */
  retryCountHeader?: string | undefined;
  /** How binary responses are returned (default `blob`). */
  binaryAs?: 'blob' | 'arrayBuffer' | 'stream' | undefined;
  /** Clock/sleep/random, for tests. */
  hooks?: RuntimeHooks | undefined;
  /**
   * The most pages one iteration of a list fetches (`for await`, `iterPages()`, `getNextPage()` from page to page);
   * default 1_000, at least 1, `Infinity` for no limit. Past it the iteration throws a `PaginationError` after the
   * items received. Per call: `RequestOptions.maxPages`.
   */
  maxPages?: number | undefined;
}

/** Per-request overrides. */
export interface RequestOptions {
  /** Per attempt, in ms, body read included (see `ClientOptions.timeoutMs`). */
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  headers?: Readonly<Record<string, string | null | undefined>> | undefined;
  /** Aborts the call at any stage (token request, sending, retry wait, body read) with an `AbortError`. */
  signal?: AbortSignal | undefined;
  /**
   * Sent as is, on every attempt, in the idempotency header (the operation's, or the client's `idempotencyHeader`);
   * default: a random UUID per call. A key in the per-call `headers` or a header parameter is kept as well.
   */
  idempotencyKey?: string | undefined;
  /** Allow retries of a call the policy would not retry (POST/PATCH without an idempotency key, `x-idempotent: false`). */
  retryNonIdempotent?: boolean | undefined;
  fetch?: FetchLike | undefined;
  binaryAs?: 'blob' | 'arrayBuffer' | 'stream' | undefined;
  /** For a list: the most pages its iteration fetches (default: the client's `maxPages`, else 1_000). */
  maxPages?: number | undefined;
}

/** Spec-derived configuration the generated root class passes to `ClientCore`. */
export interface ClientConfig {
  /** Default base URL (the spec's first server). */
  baseUrl: string;
  securitySchemes?: Readonly<Record<string, SecuritySchemeSpec>>;
  /** Response headers holding a request id, in order of preference (default: x-request-id, request-id, x-correlation-id, …). */
  requestIdHeaders?: readonly string[];
  /** Pass `createTokenProvider` (token-provider.ts) when a scheme has a token endpoint; without it such schemes need a ready token. */
  tokenProvider?: TokenProviderFactory;
}

/**
 * What resource classes and pagination need of a client: `ClientCore` (every generated `<Client>Base` and root class)
 * and `LeanClient` (lean.ts) both fit, so a resource runs on either. Generated resource constructors take this type.
 */
export interface RequestClient {
  /** Base URL without a trailing slash; next-link pagination resolves relative links against it. */
  readonly baseUrl: string;
  /** The client's options; pagination reads `maxPages` (the default page limit of an iteration). */
  readonly options?: { readonly maxPages?: number | undefined } | undefined;
  /**
   * Sends one operation: resolves with the data read per `op.responses`; rejects with an `SdkError` subclass
   * (`ApiError` and its per-status subclasses for a non-2xx/3xx status).
   */
  request<T = unknown>(op: Operation, options?: RequestOptions): APIPromise<T>;
}

/** What `.withResponse()` gives. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  headers: Headers;
  requestId: string | undefined;
}

/** A cached, renewable token (made by `createTokenProvider` in token-provider.ts). */
export interface TokenSource {
  /**
   * The current token, obtained or renewed when missing or about to expire; one renewal at a time. When `signal`
   * aborts, this call rejects with the signal's reason, and the renewal is aborted once no caller waits for it.
   */
  get(signal?: AbortSignal): Promise<string>;
  /** Forgets `token` if it is still the current one (after a 401), so the next `get()` renews. */
  invalidate(token: string): void;
  /** Records a successful use of `token` that started at `startedAt` (ms since the epoch): sliding expiry extends the lifetime. */
  touch(token: string, startedAt: number): void;
}

/** What the token endpoint gave: the token, and its lifetime in seconds when the response says (`expires_in`). */
export interface TokenGrant {
  token: string;
  /** Seconds from the token request until the token expires (the response's `expires_in`); else the spec's lifetime. */
  expiresInSeconds?: number | undefined;
}

/** Builds a token source; `fetchToken` calls the token endpoint (aborted by `signal`) and returns the grant. */
export type TokenProviderFactory = (
  fetchToken: (signal?: AbortSignal) => Promise<TokenGrant>,
  endpoint: TokenEndpointSpec,
  now: () => number,
) => TokenSource;
