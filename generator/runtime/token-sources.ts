// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * The token sources of one `ClientCore`: for each bearer scheme with a token endpoint (`x-token-endpoint`) that the
 * caller gave the token request's fields for, one `TokenSource`, made on first use by the config's `tokenProvider`
 * (token-provider.ts's `createTokenProvider`) over a token request sent through the client itself, and kept for the
 * client's life; `withOptions` shares it with the new client while the scheme's credentials stay the same. This file
 * does not import token-provider.ts: a client without a token endpoint does not bundle it.
 */

import { SdkError } from './errors.js';
import { getPointer, ownValue } from './serialize.js';
import type {
  AuthOptions,
  ClientConfig,
  Operation,
  RequestOptions,
  SecuritySchemeSpec,
  TokenGrant,
  TokenSource,
} from './types.js';

/** What the token sources need of their client. */
export interface TokenSourceHost {
  /** The client's spec-derived configuration: its security schemes and its `tokenProvider` factory (read per use). */
  config: ClientConfig;
  /** The client's credentials by scheme key; a token-endpoint scheme's entry is the token request's body. */
  auth: AuthOptions;
  /** Sends a request through the client (its auth, retries, timeouts, logging and errors) and gives the data read. */
  request: (op: Operation, options: RequestOptions) => PromiseLike<unknown>;
  /** Called with every token obtained, so that logs and errors redact it. */
  secret: (token: string) => void;
  /** The client's clock, ms since the epoch. */
  now: () => number;
}

/** `expires_in` beside the token in the token response (seconds, a number or a numeric string), else `undefined`. */
function expiresIn(data: unknown, tokenField: string): number | undefined {
  const v = getPointer(data, tokenField.replace(/[^/]*$/, 'expires_in'));
  const n =
    typeof v === 'number'
      ? v
      : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim())
        ? Number(v)
        : undefined;
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** One client's token sources by scheme key (see the module comment). */
export class TokenSources {
  readonly #host: TokenSourceHost;
  readonly #sources = new Map<string, TokenSource>();

  constructor(host: TokenSourceHost) {
    this.#host = host;
  }

  /**
   * The token source of scheme `key`, made on first use; `undefined` when `key` is not a bearer scheme with a token
   * endpoint, the config has no `tokenProvider`, or the caller's credential for `key` is not an object of request
   * fields (a string or function token bypasses the endpoint). The token request is the endpoint's method and path
   * with those fields as its JSON body, sent with the credentials scheme's security and `retryNonIdempotent: true`;
   * the token is read at `tokenField` (an `SdkError` when it is missing, empty or not a string) and lives for the
   * `expires_in` beside it (seconds) when there is one.
   */
  get(key: string): TokenSource | undefined {
    const existing = this.#sources.get(key);
    if (existing) return existing;
    const host = this.#host;
    const scheme: SecuritySchemeSpec | undefined = ownValue(host.config.securitySchemes, key);
    const fields = ownValue(host.auth, key);
    const factory = host.config.tokenProvider;
    if (scheme?.type !== 'http' || scheme.scheme !== 'bearer' || !scheme.tokenEndpoint || !factory)
      return undefined;
    if (fields === null || typeof fields !== 'object') return undefined;
    const ep = scheme.tokenEndpoint;
    const fetchToken = async (signal?: AbortSignal): Promise<TokenGrant> => {
      const data = await host.request(
        {
          method: ep.method,
          path: ep.path,
          operationId: ep.operationId ?? 'token',
          body: fields,
          security: [[ep.credentialsScheme]],
          responses: { '2XX': 'json' },
        },
        { retryNonIdempotent: true, signal }, // obtaining a token has no side effect worth guarding: retry it like a GET
      );
      const token = getPointer(data, ep.tokenField);
      if (typeof token !== 'string' || token === '')
        throw new SdkError(`The token response has no token at "${ep.tokenField}"`);
      host.secret(token);
      return { token, expiresInSeconds: expiresIn(data, ep.tokenField) };
    };
    const source = factory(fetchToken, ep, host.now);
    this.#sources.set(key, source);
    return source;
  }

  /**
   * Gives `to` (the token sources of a client made by `withOptions`) each source made so far whose scheme's credential,
   * and its credentials scheme's, are the same (`===`) in `after` as in this client's `auth`; the others `to` makes
   * anew on first use.
   * @param after the new client's credentials by scheme key
   */
  shareWith(to: TokenSources, after: AuthOptions): void {
    const before = this.#host.auth;
    const schemes = this.#host.config.securitySchemes;
    const same = (k: string): boolean => ownValue(before, k) === ownValue(after, k);
    for (const [key, source] of this.#sources) {
      const scheme = ownValue(schemes, key);
      const via =
        scheme?.type === 'http' && scheme.scheme === 'bearer'
          ? scheme.tokenEndpoint?.credentialsScheme
          : undefined;
      if (same(key) && (via === undefined || same(via))) to.#sources.set(key, source);
    }
  }
}
