// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * `ClientCore`: the options (`withOptions`), the credentials in use, and the call loop: auth (auth.ts; token-endpoint
 * tokens from token-sources.ts) → build (wire.ts) → attempt (attempt.ts: middleware, fetch, timeout) → retry (the
 * policy in retry.ts) or read (read.ts). Validation is validate.ts, what errors show of a call redact.ts. The
 * generated root class extends it and passes the spec-derived `ClientConfig`.
 */

import { APIPromise, type AttemptScope, type RawResult } from './api-promise.js';
import { abortable, attempt as sendAttempt, deadline, hasTimeout } from './attempt.js';
import { type AppliedAuth, type AuthContext, applyAuth } from './auth.js';
import {
  AbortError,
  ConnectionError,
  makeApiError,
  type RequestInfo,
  ResponseParseError,
  UsageError,
} from './errors.js';
import { Log } from './log.js';
import { discard, readBody } from './read.js';
import { redactParseError, redactResponseUrl, secretParameters, shownUrl } from './redact.js';
import {
  backoffMs,
  idempotencyKey,
  mayRetry,
  RETRY_DEFAULTS,
  retryableStatus,
  retryAfterHint,
} from './retry.js';
import { encodeBody, ownValue } from './serialize.js';
import { TokenSources } from './token-sources.js';
import type {
  AuthOptions,
  ClientConfig,
  ClientOptions,
  FetchLike,
  Operation,
  RequestOptions,
} from './types.js';
import { validate } from './validate.js';
import {
  buildRequest,
  decodeErrorText,
  errorKind,
  type HeaderOptions,
  REQUEST_ID_HEADERS,
  requestIdOf,
  resolveBaseUrl,
  responseKind,
} from './wire.js';

export { readBody } from './read.js';
export { responseKind };

/** Defaults: 60 s per attempt, and the retry policy's (retry.ts: 2 retries, backoff 0.5 s to 8 s, server hints up to 60 s). */
export const DEFAULTS = {
  timeoutMs: 60_000,
  ...RETRY_DEFAULTS,
  requestIdHeaders: REQUEST_ID_HEADERS,
} as const;

/** What an operation without security applies. Never mutated. */
const NO_AUTH: AppliedAuth = { headers: [], query: [], cookies: [], includeCredentials: false };

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function mergeHeaders(
  a: HeaderOptions,
  b: HeaderOptions,
): Record<string, string | null | undefined> {
  return { ...(a ?? {}), ...(b ?? {}) };
}

/** `base` with `overrides` applied per scheme key: `undefined` keeps the credential, `null` removes it. */
function mergeAuth(base: object | undefined, overrides: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(base ?? {}) };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) delete out[key];
    else if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * The client core. Generated root classes extend it: `class Improvado extends ClientCore { constructor(options = {}) {
 * super(options, CONFIG) } }`. A subclass constructor must take the options as its only required argument
 * (`withOptions` calls it so).
 *
 * Credentials, tokens and the logger's secrets live in private fields: `console.log(client)`, `util.inspect` and
 * `JSON.stringify` show the class, the base URL and which schemes have credentials, never a value.
 */
export class ClientCore {
  /** Effective base URL (no trailing slash). */
  readonly baseUrl: string;
  protected readonly config: ClientConfig;
  readonly #options: Readonly<ClientOptions<object>>;
  /** Why `baseUrl` cannot be used (thrown as a `UsageError` by every call), if it cannot. */
  readonly #baseProblem: string | undefined;
  readonly #log: Log;
  /** Known secret values in `text` as `***` (for connection-error causes). */
  readonly #scrub = (text: string): string => this.#log.scrub(text, '***');
  /** The token sources of this client's token-endpoint schemes (token-sources.ts). */
  readonly #tokens: TokenSources;
  /** The clock, sleep and randomness in use (from the frozen options, made once). */
  readonly #hooks: { now: () => number; sleep: typeof defaultSleep; random: () => number };

  /**
   * @param options caller options (see `ClientOptions`)
   * @param config spec-derived configuration (generated)
   */
  constructor(options: ClientOptions<object> = {}, config: ClientConfig = { baseUrl: '' }) {
    this.#options = Object.freeze({ ...options });
    this.config = config;
    const base = resolveBaseUrl(options.baseUrl ?? config.baseUrl);
    this.baseUrl = base.url;
    this.#baseProblem = base.problem;
    const h = options.hooks ?? {};
    this.#hooks = {
      now: h.now ?? Date.now,
      sleep: h.sleep ?? defaultSleep,
      random: h.random ?? Math.random,
    };
    const schemeNames = Object.values(config.securitySchemes ?? {}).flatMap((s) =>
      s.type === 'apiKey' ? [s.name] : [],
    );
    this.#log = new Log(options.logger, options.logLevel, [
      ...schemeNames,
      ...(options.redact ?? []),
    ]);
    for (const value of Object.values(this.#auth)) {
      if (typeof value === 'string') this.#log.secrets.add(value);
      else if (
        value !== null &&
        typeof value === 'object' &&
        typeof (value as { password?: unknown }).password === 'string'
      )
        this.#log.secrets.add((value as { password: string }).password);
    }
    this.#tokens = new TokenSources({
      config,
      auth: this.#auth,
      request: (op, o) => this.request(op, o),
      secret: (s) => this.#log.secrets.add(s),
      now: () => this.#hooks.now(),
    });
  }

  /** Options as given (frozen). They hold the credentials: do not log them. */
  get options(): Readonly<ClientOptions<object>> {
    return this.#options;
  }

  /**
   * A new client with `overrides` applied. `undefined` values change nothing; `headers` are merged (`null` removes one);
   * `auth` is merged per scheme key (`null` removes a credential). Cached tokens are shared for every scheme whose
   * credentials did not change.
   */
  withOptions(overrides: ClientOptions<object>): this {
    const Ctor = this.constructor as new (
      options: ClientOptions<object>,
      config?: ClientConfig,
    ) => this;
    const given = Object.fromEntries(
      Object.entries(overrides).filter(([, value]) => value !== undefined),
    ) as ClientOptions<object>;
    const merged: ClientOptions<object> = {
      ...this.#options,
      ...given,
      ...(overrides.headers
        ? { headers: mergeHeaders(this.#options.headers, overrides.headers) }
        : {}),
      ...(overrides.auth ? { auth: mergeAuth(this.#options.auth, overrides.auth) } : {}),
    };
    const clone = new Ctor(merged, this.config);
    this.#tokens.shareWith((clone as ClientCore).#tokens, (merged.auth ?? {}) as AuthOptions);
    return clone;
  }

  /** Safe to log: the class's base URL and the scheme keys that have credentials, never their values. */
  toJSON(): { baseUrl: string; auth: string[] } {
    return {
      baseUrl: this.baseUrl,
      auth: Object.keys(this.#auth).filter((k) => ownValue(this.#auth, k) != null),
    };
  }

  /** Node's `util.inspect` (console.log): the class name and {@link toJSON}. */
  [INSPECT](): string {
    return `${this.constructor.name} ${JSON.stringify(this.toJSON())}`;
  }

  /** Sends one operation. Resolves with the data read per `op.responses`; rejects with an `SdkError` subclass. */
  request<T = unknown>(op: Operation, options: RequestOptions = {}): APIPromise<T> {
    const raw = this.#send(op, options);
    return new APIPromise<T>(raw, async (r) => {
      const kind = responseKind(op, r.response.status, r.response.headers);
      let data: unknown;
      try {
        data = await readBody(
          r.response,
          kind,
          options.binaryAs ?? this.#options.binaryAs ?? 'blob',
          r.scope,
          r.request,
        );
      } catch (err) {
        throw err instanceof ResponseParseError ? redactParseError(err, this.#log) : err;
      }
      const v = this.#options.validate;
      return (
        v ? await validate(v, 'response', op, data, r.response.status, this.#log) : data
      ) as T;
    });
  }

  get #auth(): AuthOptions {
    return (this.#options.auth ?? {}) as AuthOptions;
  }

  #authContext(signal?: AbortSignal): AuthContext {
    return {
      signal,
      schemes: this.config.securitySchemes ?? {},
      auth: this.#auth,
      tokenSource: (key) => this.#tokens.get(key),
      browserCookies:
        this.#options.cookieMode === 'browser' ||
        ((this.#options.cookieMode ?? 'auto') === 'auto' &&
          typeof (globalThis as { document?: unknown }).document !== 'undefined'),
      secret: (s) => this.#log.secrets.add(s),
    };
  }

  /** Waits `ms` before a retry; the caller's abort ends the wait with an `AbortError`. */
  async #sleep(
    ms: number,
    signal: AbortSignal | undefined,
    where: () => RequestInfo,
  ): Promise<void> {
    try {
      await this.#hooks.sleep(ms, signal);
    } catch (err) {
      throw signal?.aborted
        ? new AbortError(undefined, { cause: signal.reason, request: where() })
        : err;
    }
  }

  async #send(op: Operation, options: RequestOptions): Promise<RawResult> {
    const method = op.method.toUpperCase();
    const name = op.operationId ?? `${method} ${op.path}`;
    const hooks = this.#hooks;
    const log = this.#log;
    /** The URL of the latest attempt (before the first: base URL and path template), for error messages. */
    let url = this.baseUrl + op.path;
    const where = (): RequestInfo => ({ method, url: shownUrl(url, op, log) });
    if (this.#baseProblem !== undefined)
      throw new UsageError(`${this.#baseProblem} (${method} ${op.path})`);
    if (op.body !== undefined && this.#options.validate)
      await validate(this.#options.validate, 'request', op, op.body, undefined, log);
    const encoded = encodeBody(op);
    if (encoded !== undefined && (method === 'GET' || method === 'HEAD'))
      throw new UsageError(
        `A ${method} request cannot have a body (${method} ${op.path}): send the data as parameters`,
      );
    // The idempotency key: the caller's (option, per-call header or header parameter), else one per call, the same on
    // every attempt.
    const key = idempotencyKey(op, method, options, this.#options.idempotencyHeader);
    const canRetry =
      mayRetry(method, op, options.retryNonIdempotent, key.carried) &&
      encoded?.replayable !== false;
    const maxRetries = Math.max(
      0,
      options.maxRetries ?? this.#options.maxRetries ?? DEFAULTS.maxRetries,
    );
    const maxDelay = this.#options.maxRetryDelayMs ?? DEFAULTS.maxRetryDelayMs;
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? DEFAULTS.timeoutMs;
    // Undefined: the global fetch, looked up per call.
    const fetchFn: FetchLike | undefined = options.fetch ?? this.#options.fetch;
    if (!fetchFn && typeof globalThis.fetch !== 'function')
      throw new UsageError('No fetch implementation: pass `fetch` in the client options');
    const signal = options.signal;
    const secured = op.security !== undefined && op.security.length > 0;
    const ctx = secured ? this.#authContext(signal) : undefined;
    let retries = 0;
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted)
        throw new AbortError(undefined, { cause: signal.reason, request: where() });
      // A credential function or the token request may take long: the caller's signal stops the wait, and so does
      // a per-request timeoutMs (the client-level one already bounds the token request itself).
      let auth = NO_AUTH;
      if (ctx) {
        const wait =
          options.timeoutMs !== undefined && hasTimeout(timeoutMs)
            ? deadline(signal, timeoutMs, where)
            : undefined;
        try {
          auth = await abortable(
            applyAuth(op, wait ? this.#authContext(wait.signal) : ctx),
            wait?.signal ?? signal,
            where,
          );
        } finally {
          wait?.clear();
        }
      }
      const retryCountHeader = this.#options.retryCountHeader;
      const built = buildRequest(this.baseUrl, op, method, encoded, {
        clientHeaders: this.#options.headers,
        callHeaders: options.headers,
        auth,
        key: key.set,
        retryCount:
          retries > 0 && retryCountHeader ? [retryCountHeader, String(retries)] : undefined,
      });
      url = built.url;
      const init = built.init;
      const startedAt = hooks.now();
      // The parameters to hide in this attempt's log lines, when there are any (info is on whenever debug is).
      const secret = log.enabled('info') ? secretParameters(op) : undefined;
      if (log.enabled('debug'))
        log.log('debug', `→ ${method} ${log.url(url, secret)}`, {
          operation: name,
          attempt,
          headers: log.headers(init.headers, secret),
        });
      let response: Response;
      let scope: AttemptScope | undefined;
      try {
        ({ response, scope } = await sendAttempt(
          url,
          init,
          op,
          attempt,
          timeoutMs,
          signal,
          fetchFn,
          where,
          this.#options.middleware,
          this.#scrub,
        ));
      } catch (err) {
        if (err instanceof ConnectionError && canRetry && retries < maxRetries) {
          const delay = backoffMs(retries, hooks.random());
          log.log(
            'warn',
            `${name}: ${err.message}, retrying in ${Math.round(delay)} ms (${retries + 1}/${maxRetries})`,
          );
          retries++;
          await this.#sleep(delay, signal, where);
          continue;
        }
        log.log(
          'error',
          `${name}: ${err instanceof Error ? err.message : 'error'} after ${attempt + 1} attempt(s)`,
        );
        throw err;
      }
      // Read from the headers only when used (a log line, an error, `withResponse`): six lookups on a miss.
      const requestId = (): string | undefined => this.#requestId(response.headers);
      if (log.enabled('info'))
        log.log(
          'info',
          `← ${response.status} ${method} ${log.url(url, secret)} in ${hooks.now() - startedAt} ms`,
          {
            operation: name,
            requestId: requestId(),
          },
        );
      if (auth.token) {
        if (response.status === 401 && !renewed) {
          renewed = true;
          auth.token.source.invalidate(auth.token.value);
          // A stream body was sent once and cannot be sent again: the 401 is this call's error (the next call gets a
          // new token).
          if (encoded?.replayable !== false) {
            discard(response);
            scope?.end();
            log.log('info', `${name}: 401, renewing the token and retrying once`);
            continue;
          }
        }
        if (response.status !== 401) auth.token.source.touch(auth.token.value, startedAt);
      }
      if (response.status < 400) {
        // An API key in the query is in `response.url`, which `util.inspect` of the response (and of a `withResponse()`
        // result) shows: the response the caller gets has the URL as errors show it, the key as `***`.
        if (auth.query.length && response.url)
          redactResponseUrl(response, shownUrl(response.url, op, log));
        return {
          response,
          get requestId() {
            return requestId();
          },
          request: where,
          scope,
        };
      }
      const status = response.status;
      const hint = retryAfterHint(response.headers, hooks.now());
      if (canRetry && retries < maxRetries && retryableStatus(response)) {
        if (hint === undefined || hint <= maxDelay) {
          const delay = hint ?? backoffMs(retries, hooks.random());
          log.log(
            'warn',
            `${name}: ${status}, retrying in ${Math.round(delay)} ms (${retries + 1}/${maxRetries})`,
            { requestId: requestId() },
          );
          discard(response);
          scope?.end();
          retries++;
          await this.#sleep(delay, signal, where);
          continue;
        }
        log.log(
          'warn',
          `${name}: ${status}, the server asks to wait ${Math.round(hint)} ms, more than maxRetryDelayMs (${maxDelay} ms): not retried`,
        );
      }
      let body: unknown;
      let cause: unknown;
      // The call's secret parameter values, which a server may echo in the error (`bad signature sig-…`).
      const secretValues = secretParameters(op)?.values;
      try {
        const text = await readBody(response, errorKind(op, status), 'blob', scope);
        body =
          typeof text === 'string'
            ? log.redactValue(
                decodeErrorText(text, response.headers, responseKind(op, status, response.headers)),
                secretValues,
              )
            : undefined;
      } catch (err) {
        // The caller gave up: say so. A timeout or a lost connection still gives the status's error (body undefined).
        if (err instanceof AbortError) throw err;
        cause = err;
      }
      // The error's headers with echoed credentials as `***`, like its body (the response itself is not kept).
      const error = makeApiError(
        status,
        body,
        log.redactHeaders(response.headers, secretValues),
        requestId(),
        {
          request: where(),
          retryAfterMs: status === 429 || status === 503 ? hint : undefined,
          messageField: op.errorMessage,
        },
      );
      if (cause !== undefined) error.cause = cause;
      throw error;
    }
  }

  #requestId(headers: Headers): string | undefined {
    return requestIdOf(headers, this.config.requestIdHeaders ?? DEFAULTS.requestIdHeaders);
  }
}
