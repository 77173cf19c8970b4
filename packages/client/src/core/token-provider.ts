// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Token provider for a bearer scheme with a token endpoint (`x-token-endpoint`): obtains the token by calling the
 * endpoint, caches it, renews it before it expires (with a safety margin), extends it on each successful use when the
 * expiry slides, and runs one renewal at a time. Pass `createTokenProvider` as `ClientConfig.tokenProvider`.
 */

import type { TokenEndpointSpec, TokenSource, TokenProviderFactory } from './types.js';

/** Renew this long before the expiry: 10% of the lifetime, at most 60 s. */
function marginMs(lifetimeMs: number): number {
  return Math.min(60_000, lifetimeMs * 0.1);
}

/** A `TokenSource` over `fetchToken`. See the module comment. */
export const createTokenProvider: TokenProviderFactory = (
  fetchToken: () => Promise<string>,
  endpoint: TokenEndpointSpec,
  now: () => number,
): TokenSource => {
  const lifetimeMs = endpoint.lifetimeSeconds !== undefined ? endpoint.lifetimeSeconds * 1000 : undefined;
  let token: string | undefined;
  let expiresAt = Number.POSITIVE_INFINITY;
  let inflight: Promise<string> | undefined;

  const fresh = (): boolean =>
    token !== undefined && (lifetimeMs === undefined || now() < expiresAt - marginMs(lifetimeMs));

  const renew = (): Promise<string> => {
    inflight ??= (async () => {
      const startedAt = now();
      try {
        const t = await fetchToken();
        token = t;
        expiresAt = lifetimeMs === undefined ? Number.POSITIVE_INFINITY : startedAt + lifetimeMs;
        return t;
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  };

  return {
    get: () => (fresh() && token !== undefined ? Promise.resolve(token) : renew()),
    invalidate(t: string) {
      if (token === t) {
        token = undefined;
        expiresAt = Number.NEGATIVE_INFINITY;
      }
    },
    touch(t: string, startedAt: number) {
      if (endpoint.slidingExpiry && lifetimeMs !== undefined && token === t)
        expiresAt = Math.max(expiresAt, startedAt + lifetimeMs);
    },
  };
};
