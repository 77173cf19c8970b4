// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * `ClientCore`: options, auth, the request pipeline (build → middleware → fetch), retries, timeouts, response reading.
 * The generated root class extends it and passes the spec-derived `ClientConfig`.
 */

import { APIPromise, type AttemptScope, type RawResult } from './api-promise.js';
import { type AppliedAuth, type AuthContext, applyAuth } from './auth.js';
import { AbortError, ConnectionError, makeApiError, SdkError, TimeoutError, ValidationError } from './errors.js';
import { Log } from './log.js';
import { checkHeaderValue, encodeBody, getPointer, ownValue, serializeParams, type EncodedBody } from './serialize.js';
import type {
  AuthOptions,
  ClientConfig,
  ClientOptions,
  FetchLike,
  Operation,
  OperationInfo,
  RequestOptions,
  ResponseKind,
  SecuritySchemeSpec,
  StandardSchemaV1,
  TokenSource,
  ValidationReport,
} from './types.js';
import { acceptOf, applyHeaders, decodeText, type HeaderOptions, REQUEST_ID_HEADERS, requestIdOf, responseKind } from './wire.js';

export { responseKind };

/** Defaults: 60 s per attempt, 2 retries, backoff 0.5 s doubling to 8 s with up to 25% jitter, server delays up to 60 s. */
export const DEFAULTS = {
  timeoutMs: 60_000,
  maxRetries: 2,
  initialRetryDelayMs: 500,
  maxRetryDelayMs: 8_000,
  /** A server asking to wait longer than this (Retry-After) is not retried. */
  maxRetryAfterMs: 60_000,
  requestIdHeaders: REQUEST_ID_HEADERS,
} as const;

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/** What an operation without security applies. Never mutated. */
const NO_AUTH: AppliedAuth = { headers: [], query: [], cookies: [], includeCredentials: false };



const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError(undefined, { cause: signal.reason }));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Delay before retry number `retry` (0-based): the server's `retry-after-ms` or `Retry-After` (seconds or HTTP date)
 * when present and valid, else exponential backoff with jitter. `null`: the server asks for longer than
 * `DEFAULTS.maxRetryAfterMs`, so do not retry.
 */
export function retryDelayMs(headers: Headers | undefined, retry: number, now: number, random: number): number | null {
  const ms = headers?.get('retry-after-ms');
  let server: number | undefined;
  if (ms && Number.isFinite(Number.parseFloat(ms))) server = Number.parseFloat(ms);
  else {
    const ra = headers?.get('retry-after');
    if (ra) {
      const secs = Number(ra.trim());
      if (ra.trim() !== '' && Number.isFinite(secs)) server = secs * 1000;
      else {
        const date = Date.parse(ra);
        if (!Number.isNaN(date)) server = date - now;
      }
    }
  }
  if (server !== undefined && server >= 0) return server > DEFAULTS.maxRetryAfterMs ? null : server;
  const base = Math.min(DEFAULTS.initialRetryDelayMs * 2 ** retry, DEFAULTS.maxRetryDelayMs);
  return base * (1 - random * 0.25);
}

function retryableStatus(response: Response): boolean {
  const should = response.headers.get('x-should-retry');
  if (should === 'true') return true;
  if (should === 'false') return false;
  const s = response.status;
  return s === 408 || s === 409 || s === 429 || s >= 500;
}

/**
 * Reads a response body per `kind`; 204/205, `none` and empty bodies give `undefined`. A body that does not parse as
 * JSON throws an `SdkError` on success and is kept as text on errors. With `scope` (the attempt's), the read is
 * aborted by its timeout or the caller's signal, a failed read throws `scope.fail(err)` (`TimeoutError`, `AbortError`
 * or `ConnectionError`), and the scope ends when the read does (a `stream` body is handed over: the scope ends then).
 */
export async function readBody(
  response: Response,
  kind: ResponseKind | undefined,
  binaryAs: 'blob' | 'arrayBuffer' | 'stream',
  scope?: AttemptScope,
): Promise<unknown> {
  try {
    if (kind === 'none' || response.body === null) {
      discard(response);
      return undefined;
    }
    if (kind === 'binary' && binaryAs === 'stream') return response.body;
    let text: string;
    if (kind === 'binary') {
      // Piping with the signal errors the read at once on abort and cancels the source, whatever the fetch in use does.
      const source = scope
        ? new Response(response.body.pipeThrough(new TransformStream(), { signal: scope.signal }), { headers: response.headers })
        : response;
      try {
        return await (binaryAs === 'arrayBuffer' ? source.arrayBuffer() : source.blob());
      } catch (err) {
        throw scope ? scope.fail(err) : readError(err);
      }
    }
    try {
      text = scope ? await readText(response.body, scope) : await response.text();
    } catch (err) {
      throw scope ? scope.fail(err) : readError(err);
    }
    return decodeText(text, kind, response);
  } finally {
    scope?.end();
  }
}

/** A failed body read without an attempt scope (no time limit, no signal): a `ConnectionError`, as with one. */
function readError(err: unknown): Error {
  return err instanceof SdkError ? err : new ConnectionError('Connection error while reading the response body', { cause: err });
}

/** One shared decoder (non-streaming `decode` calls keep no state), made on first use. */
let utf8: TextDecoder | undefined;

/**
 * The body as UTF-8 text (BOM stripped, as `Response.text()`), read with a reader so that an abort of the attempt fails
 * the read at once and cancels the source stream, whatever the `fetch` in use does with the signal it was given.
 * @throws the abort's reason (the scope's signal's), or the stream's error
 */
async function readText(body: ReadableStream<Uint8Array>, scope: AttemptScope): Promise<string> {
  const reader = body.getReader();
  const signal = scope.signal;
  const cancel = (reason: unknown): void => {
    reader.cancel(reason).catch(() => undefined);
  };
  if (signal.aborted) cancel(signal.reason);
  else scope.onAbort(cancel); // called by the attempt itself: no event listener per read
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (signal.aborted) throw signal.reason;
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  let bytes = chunks[0] ?? new Uint8Array(0);
  if (chunks.length > 1) {
    bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
  }
  utf8 ??= new TextDecoder();
  return utf8.decode(bytes);
}

/** `promise`, or an `AbortError` as soon as `signal` aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void =>
      reject(signal.reason instanceof TimeoutError ? signal.reason : new AbortError(undefined, { cause: signal.reason }));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Whether `timeoutMs` arms a timer: 0 or less means no timeout, and setTimeout cannot wait 2^31 ms or more. */
function hasTimeout(timeoutMs: number): boolean {
  return timeoutMs > 0 && timeoutMs < 2 ** 31;
}

/**
 * A signal that aborts when `signal` does (with its reason) or after `ms` milliseconds (with a
 * {@link TimeoutError} as reason): the per-request timeout of the wait for credentials (a token
 * request the call triggers). `clear()` stops the timer and unhooks `signal`.
 */
function deadline(signal: AbortSignal | undefined, ms: number): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new TimeoutError(`Request timed out after ${ms} ms (waiting for credentials)`)), ms);
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** Releases an unread body without waiting (a cancel of a tee'd/cloned body only settles when every branch is cancelled). */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

function isAbortLike(err: unknown): boolean {
  return err !== null && typeof err === 'object' && (err as { name?: unknown }).name === 'AbortError';
}

function mergeHeaders(a: HeaderOptions, b: HeaderOptions): Record<string, string | null | undefined> {
  return { ...(a ?? {}), ...(b ?? {}) };
}

/**
 * The client core. Generated root classes extend it: `class Improvado extends ClientCore { constructor(options = {}) {
 * super(options, CONFIG) } }`. A subclass constructor must take the options as its only required argument
 * (`withOptions` calls it so).
 */
export class ClientCore {
  /** Effective base URL (no trailing slash). */
  readonly baseUrl: string;
  /** Options as given (frozen). */
  readonly options: Readonly<ClientOptions<object>>;
  protected readonly config: ClientConfig;
  private readonly log: Log;
  private tokenSources = new Map<string, TokenSource>();
  /** The clock, sleep and randomness in use (from the frozen options, made once). */
  private readonly hooks: { now: () => number; sleep: typeof defaultSleep; random: () => number };

  /**
   * @param options caller options (see `ClientOptions`)
   * @param config spec-derived configuration (generated)
   */
  constructor(options: ClientOptions<object> = {}, config: ClientConfig = { baseUrl: '' }) {
    this.options = Object.freeze({ ...options });
    this.config = config;
    this.baseUrl = (options.baseUrl ?? config.baseUrl).replace(/\/+$/, '');
    const h = options.hooks ?? {};
    this.hooks = { now: h.now ?? Date.now, sleep: h.sleep ?? defaultSleep, random: h.random ?? Math.random };
    const schemeNames = Object.values(config.securitySchemes ?? {}).flatMap((s) => (s.type === 'apiKey' ? [s.name] : []));
    this.log = new Log(options.logger, options.logLevel, [...schemeNames, ...(options.redact ?? [])]);
    for (const value of Object.values(this.auth)) {
      if (typeof value === 'string') this.log.secrets.add(value);
      else if (value !== null && typeof value === 'object' && typeof (value as { password?: unknown }).password === 'string')
        this.log.secrets.add((value as { password: string }).password);
    }
  }

  /**
   * A new client with `overrides` applied (headers are merged). Cached tokens are shared when `auth` is not overridden.
   */
  withOptions(overrides: ClientOptions<object>): this {
    const Ctor = this.constructor as new (options: ClientOptions<object>, config?: ClientConfig) => this;
    const merged: ClientOptions<object> = { ...this.options, ...overrides };
    if (overrides.headers) merged.headers = mergeHeaders(this.options.headers, overrides.headers);
    const clone = new Ctor(merged, this.config);
    if (overrides.auth === undefined) (clone as ClientCore).tokenSources = this.tokenSources;
    return clone;
  }

  /** Sends one operation. Resolves with the data read per `op.responses`; rejects with an `SdkError` subclass. */
  request<T = unknown>(op: Operation, options: RequestOptions = {}): APIPromise<T> {
    const raw = this.send(op, options);
    return new APIPromise<T>(raw, async (r) => {
      const kind = responseKind(op, r.response.status, r.response.headers);
      const data = await readBody(r.response, kind, options.binaryAs ?? this.options.binaryAs ?? 'blob', r.scope);
      return (this.options.validate ? await this.validate('response', op, data, r.response.status) : data) as T;
    });
  }

  private get auth(): AuthOptions {
    return (this.options.auth ?? {}) as AuthOptions;
  }

  private async validate(target: 'request' | 'response', op: Operation, value: unknown, status?: number): Promise<unknown> {
    const v = this.options.validate;
    if (!v) return value;
    const info: OperationInfo = { method: op.method, path: op.path, ...(op.operationId !== undefined ? { operationId: op.operationId } : {}) };
    const schema: StandardSchemaV1 | undefined = target === 'request' ? v.request?.(info) : status !== undefined ? v.response?.(info, status) : undefined;
    if (!schema) return value;
    const result = await schema['~standard'].validate(value);
    if (!result.issues) return result.value;
    const report: ValidationReport = { operation: info, target, issues: result.issues, ...(status !== undefined ? { status } : {}) };
    if ((v.mode ?? 'throw') === 'throw') throw new ValidationError(report);
    if (v.onReport) v.onReport(report);
    else this.log.log('warn', `${target} of ${info.operationId ?? `${op.method.toUpperCase()} ${op.path}`} failed validation`, { issues: report.issues.map((i) => i.message) });
    return value;
  }

  private authContext(signal?: AbortSignal): AuthContext {
    return {
      signal,
      schemes: this.config.securitySchemes ?? {},
      auth: this.auth,
      tokenSource: (key) => this.tokenSource(key),
      browserCookies:
        this.options.cookieMode === 'browser' ||
        ((this.options.cookieMode ?? 'auto') === 'auto' && typeof (globalThis as { document?: unknown }).document !== 'undefined'),
      secret: (s) => this.log.secrets.add(s),
    };
  }

  private tokenSource(key: string): TokenSource | undefined {
    const existing = this.tokenSources.get(key);
    if (existing) return existing;
    const scheme: SecuritySchemeSpec | undefined = ownValue(this.config.securitySchemes, key);
    const fields = ownValue(this.auth, key);
    const factory = this.config.tokenProvider;
    if (scheme?.type !== 'http' || scheme.scheme !== 'bearer' || !scheme.tokenEndpoint || !factory) return undefined;
    if (fields === null || typeof fields !== 'object') return undefined;
    const ep = scheme.tokenEndpoint;
    const fetchToken = async (signal?: AbortSignal): Promise<string> => {
      const data = await this.request<unknown>({
        method: ep.method,
        path: ep.path,
        operationId: ep.operationId ?? 'token',
        body: fields,
        security: [[ep.credentialsScheme]],
        responses: { '2XX': 'json' },
      }, { retryNonIdempotent: true, signal }); // obtaining a token has no side effect worth guarding: retry it like a GET
      const token = getPointer(data, ep.tokenField);
      if (typeof token !== 'string' || token === '') throw new SdkError(`The token response has no token at "${ep.tokenField}"`);
      this.log.secrets.add(token);
      return token;
    };
    const source = factory(fetchToken, ep, () => this.hooks.now());
    this.tokenSources.set(key, source);
    return source;
  }

  private async send(op: Operation, options: RequestOptions): Promise<RawResult> {
    const method = op.method.toUpperCase();
    const name = op.operationId ?? `${method} ${op.path}`;
    const hooks = this.hooks;
    const log = this.log;
    if (op.body !== undefined && this.options.validate) await this.validate('request', op, op.body);
    const encoded = encodeBody(op);
    const maxRetries = Math.max(0, options.maxRetries ?? this.options.maxRetries ?? DEFAULTS.maxRetries);
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? DEFAULTS.timeoutMs;
    const canRetry = (IDEMPOTENT.has(method) || options.retryNonIdempotent === true) && encoded?.replayable !== false;
    const idempotencyKey =
      op.idempotencyHeader === undefined
        ? undefined
        : (options.idempotencyKey ?? (canRetry && maxRetries > 0 && !['GET', 'HEAD', 'OPTIONS'].includes(method) ? uuid() : undefined));
    // Undefined: the global fetch, looked up per call.
    const fetchFn: FetchLike | undefined = options.fetch ?? this.options.fetch;
    if (!fetchFn && typeof globalThis.fetch !== 'function') throw new SdkError('No fetch implementation: pass `fetch` in the client options');
    const signal = options.signal;
    const secured = op.security !== undefined && op.security.length > 0;
    const ctx = secured ? this.authContext(signal) : undefined;
    let retries = 0;
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
      // A credential function or the token request may take long: the caller's signal stops the wait, and so does
      // a per-request timeoutMs (the client-level one already bounds the token request itself).
      let auth = NO_AUTH;
      if (ctx) {
        const wait = options.timeoutMs !== undefined && hasTimeout(timeoutMs) ? deadline(signal, timeoutMs) : undefined;
        try {
          auth = await abortable(applyAuth(op, wait ? this.authContext(wait.signal) : ctx), wait?.signal ?? signal);
        } finally {
          wait?.clear();
        }
      }
      const { url, init } = this.buildRequest(op, options, auth, encoded, method, idempotencyKey, retries);
      const startedAt = hooks.now();
      if (log.enabled('debug')) log.log('debug', `→ ${method} ${log.url(url)}`, { operation: name, attempt, headers: log.headers(init.headers as Headers) });
      let response: Response;
      let scope: AttemptScope | undefined;
      try {
        ({ response, scope } = await this.attempt(url, init, op, attempt, timeoutMs, signal, fetchFn));
      } catch (err) {
        if (err instanceof ConnectionError && canRetry && retries < maxRetries) {
          const delay = retryDelayMs(undefined, retries, hooks.now(), hooks.random()) ?? 0;
          log.log('warn', `${name}: ${err.name}, retrying in ${Math.round(delay)} ms (${retries + 1}/${maxRetries})`);
          retries++;
          await hooks.sleep(delay, signal);
          continue;
        }
        log.log('error', `${name}: ${err instanceof Error ? err.name : 'error'} after ${attempt + 1} attempt(s)`);
        throw err;
      }
      // Read from the headers only when used (a log line, an error, `withResponse`): six lookups on a miss.
      const requestId = (): string | undefined => this.requestId(response.headers);
      if (log.enabled('info'))
        log.log('info', `← ${response.status} ${method} ${log.url(url)} in ${hooks.now() - startedAt} ms`, { operation: name, requestId: requestId() });
      if (auth.token) {
        if (response.status === 401 && !renewed) {
          renewed = true;
          auth.token.source.invalidate(auth.token.value);
          discard(response);
          scope?.end();
          log.log('info', `${name}: 401, renewing the token and retrying once`);
          continue;
        }
        if (response.status !== 401) auth.token.source.touch(auth.token.value, startedAt);
      }
      if (response.status < 400)
        return {
          response,
          get requestId() {
            return requestId();
          },
          scope,
        };
      if (canRetry && retries < maxRetries && retryableStatus(response)) {
        const delay = retryDelayMs(response.headers, retries, hooks.now(), hooks.random());
        if (delay !== null) {
          log.log('warn', `${name}: ${response.status}, retrying in ${Math.round(delay)} ms (${retries + 1}/${maxRetries})`, { requestId: requestId() });
          discard(response);
          scope?.end();
          retries++;
          await hooks.sleep(delay, signal);
          continue;
        }
      }
      const kind = responseKind(op, response.status, response.headers);
      let body: unknown;
      let cause: unknown;
      try {
        body = await readBody(response, kind === 'binary' ? 'text' : kind, 'blob', scope);
      } catch (err) {
        // The caller gave up: say so. A timeout or a lost connection still gives the status's error (body undefined).
        if (err instanceof AbortError) throw err;
        cause = err;
      }
      const error = makeApiError(response.status, body, response.headers, requestId());
      if (cause !== undefined) error.cause = cause;
      throw error;
    }
  }

  private requestId(headers: Headers): string | undefined {
    return requestIdOf(headers, this.config.requestIdHeaders ?? DEFAULTS.requestIdHeaders);
  }

  private buildRequest(
    op: Operation,
    options: RequestOptions,
    auth: AppliedAuth,
    encoded: EncodedBody | undefined,
    method: string,
    idempotencyKey: string | undefined,
    retries: number,
  ): { url: string; init: RequestInit & { duplex?: 'half'; headers: Headers } } {
    const p = serializeParams(op);
    let url: string;
    if (op.url !== undefined) {
      const target = new URL(op.url);
      if (target.origin !== new URL(this.baseUrl).origin) throw new SdkError('Refusing to follow a URL on another origin than the base URL');
      url = target.toString();
    } else url = this.baseUrl + p.path;
    const query = auth.query.length ? [...p.query, ...auth.query] : p.query;
    if (query.length) url += (url.includes('?') ? '&' : '?') + query.join('&');

    const headers = new Headers();
    const accept = acceptOf(op);
    if (accept) headers.set('Accept', accept);
    if (encoded?.contentType) headers.set('Content-Type', encoded.contentType);
    for (const [k, v] of auth.headers) headers.set(k, v);
    applyHeaders(headers, this.options.headers);
    for (const [k, v] of p.headers) headers.set(k, v);
    applyHeaders(headers, options.headers);
    if (idempotencyKey !== undefined && op.idempotencyHeader) {
      checkHeaderValue(op.idempotencyHeader, idempotencyKey);
      headers.set(op.idempotencyHeader, idempotencyKey);
    }
    if (retries > 0 && this.options.retryCountHeader) headers.set(this.options.retryCountHeader, String(retries));
    if (p.cookies.length || auth.cookies.length) {
      const cookies = [headers.get('cookie'), ...p.cookies, ...auth.cookies].filter((c): c is string => !!c);
      headers.set('Cookie', cookies.join('; '));
    }

    const init: RequestInit & { duplex?: 'half'; headers: Headers } = { method, headers };
    if (encoded) {
      init.body = encoded.body;
      if (typeof ReadableStream !== 'undefined' && encoded.body instanceof ReadableStream) init.duplex = 'half';
    }
    if (auth.includeCredentials) init.credentials = 'include';
    return { url, init };
  }

  /**
   * One attempt: middleware chain around fetch, with the timeout and the caller's signal combined. Resolves with the
   * response and the attempt's scope, still open: the timeout keeps running until the caller of `attempt` ends it
   * (after reading or discarding the body). On failure the scope is ended here. Without a time limit and without a
   * caller's signal there is nothing to abort: no controller, no timer, no scope (the cheap path).
   */
  private async attempt(
    url: string,
    init: RequestInit & { duplex?: 'half' },
    op: Operation,
    attempt: number,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    fetchFn: FetchLike | undefined,
  ): Promise<{ response: Response; scope: AttemptScope | undefined }> {
    const middleware = this.options.middleware;
    // Timers take at most 2^31-1 ms: a longer, infinite or non-positive timeout means none.
    const limited = hasTimeout(timeoutMs);
    let controller: AbortController | undefined;
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unlink: (() => void) | undefined;
    // Signals derived by `new Request(…, { signal })` are held weakly by their sources: the timer or the caller's
    // signal (then the scope) keeps them (and the requests in flight) reachable until the attempt ends so that an abort
    // reaches fetch and the body read. Only middleware sends such requests: made then.
    let inFlight: Request[] | undefined;
    // The body reader's cancel (AttemptScope.onAbort), called right after the controller aborts.
    let cancelRead: ((reason: unknown) => void) | undefined;
    const abort = (c: AbortController, reason: unknown): void => {
      c.abort(reason);
      inFlight = undefined;
      cancelRead?.(reason);
      cancelRead = undefined;
    };
    const message = (): string => `Request timed out after ${timeoutMs} ms`; // built only on a timeout
    if (limited || signal) {
      const c = new AbortController();
      controller = c;
      init.signal = c.signal;
      if (signal) {
        const onAbort = (): void => abort(c, signal.reason);
        if (signal.aborted) c.abort(signal.reason);
        else {
          signal.addEventListener('abort', onAbort, { once: true });
          unlink = () => signal.removeEventListener('abort', onAbort);
        }
      }
      if (limited)
        timer = setTimeout(() => {
          if (c.signal.aborted) return;
          timedOut = true;
          abort(c, new TimeoutError(message()));
        }, timeoutMs);
    }
    const fail = (err: unknown): unknown =>
      timedOut ? new TimeoutError(message(), { cause: err }) : signal?.aborted ? new AbortError(undefined, { cause: signal.reason }) : err;
    const end = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      unlink?.();
      inFlight = undefined;
      cancelRead = undefined;
    };
    const send = async (input: Request | undefined): Promise<Response> => {
      try {
        if (fetchFn) return await (input ? fetchFn(input) : fetchFn(url, init));
        return await (input ? globalThis.fetch(input) : globalThis.fetch(url, init));
      } catch (err) {
        if (timedOut || signal?.aborted) throw err;
        throw new ConnectionError(isAbortLike(err) ? 'Request was aborted by the transport' : 'Connection error', { cause: err });
      }
    };
    let response: Response;
    try {
      if (!middleware?.length) response = await send(undefined); // no middleware: `url, init`, no `Request` built
      else {
        const built = new Request(url, init);
        let sentBuilt = false;
        // `next` may be called more than once: the built request goes out as is the first time when no middleware
        // could call `next` again or it has no body; else (and for a request a middleware made) a clone tied to the
        // attempt's signal.
        const terminal = (req: Request): Promise<Response> => {
          let sent = req;
          if (req !== built || sentBuilt || (req.body !== null && middleware?.length))
            sent = controller ? new Request(req.clone(), { signal: controller.signal }) : req.clone();
          if (req === built) sentBuilt = true;
          if (controller) {
            inFlight ??= [];
            inFlight.push(sent);
          }
          return send(sent);
        };
        const chain = (middleware ?? []).reduceRight<(req: Request) => Promise<Response>>(
          (next, mw) => (req) => mw(req, next, { operation: op, attempt }),
          terminal,
        );
        response = await chain(built);
      }
    } catch (err) {
      end();
      throw fail(err);
    }
    if (!controller) return { response, scope: undefined };
    // `end` (like the timer's callback) closes over `inFlight`: the scope keeps the requests in flight reachable.
    const scope: AttemptScope = {
      signal: controller.signal,
      fail: (err: unknown): Error => {
        const e = fail(err);
        return e instanceof SdkError ? e : new ConnectionError('Connection error while reading the response body', { cause: err });
      },
      onAbort: (cancel) => {
        cancelRead = cancel;
      },
      end,
    };
    return { response, scope };
  }
}
