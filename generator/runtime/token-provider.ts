// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Token provider for a bearer scheme with a token endpoint (`x-token-endpoint`): obtains the token by calling the
 * endpoint, caches it for the `expires_in` of the token response when it has one (else the spec's stated lifetime, else
 * until a 401), renews it before it expires (with a safety margin), extends it on each successful use when the expiry
 * slides, and runs one renewal at a time (aborted when every caller waiting for it has aborted). Pass
 * `createTokenProvider` as `ClientConfig.tokenProvider`.
 */

import type { TokenEndpointSpec, TokenGrant, TokenSource, TokenProviderFactory } from './types.js';

/** Renew this long before the expiry: 10% of the lifetime, at most 60 s. */
function marginMs(lifetimeMs: number): number {
  return Math.min(60_000, lifetimeMs * 0.1);
}

/** A `TokenSource` over `fetchToken`. See the module comment. */
export const createTokenProvider: TokenProviderFactory = (
  fetchToken: (signal?: AbortSignal) => Promise<TokenGrant>,
  endpoint: TokenEndpointSpec,
  now: () => number,
): TokenSource => {
  /** The current token's lifetime in ms: the grant's `expires_in`, else the spec's; `undefined`: until a 401. */
  let lifetimeMs =
    endpoint.lifetimeSeconds !== undefined ? endpoint.lifetimeSeconds * 1000 : undefined;
  let token: string | undefined;
  let expiresAt = Number.POSITIVE_INFINITY;
  /** The renewal in flight, and how many callers wait for it (`Infinity` once one waits without a signal). */
  let inflight:
    { promise: Promise<string>; controller: AbortController; waiters: number } | undefined;

  const fresh = (): boolean =>
    token !== undefined && (lifetimeMs === undefined || now() < expiresAt - marginMs(lifetimeMs));

  const renew = (signal?: AbortSignal): Promise<string> => {
    let flight = inflight;
    if (!flight) {
      const f = { controller: new AbortController(), waiters: 0 } as NonNullable<typeof inflight>;
      const startedAt = now();
      f.promise = (async () => {
        try {
          const grant = await fetchToken(f.controller.signal);
          const given = grant.expiresInSeconds;
          lifetimeMs =
            given !== undefined && Number.isFinite(given) && given > 0
              ? given * 1000
              : endpoint.lifetimeSeconds !== undefined
                ? endpoint.lifetimeSeconds * 1000
                : undefined;
          token = grant.token;
          expiresAt = lifetimeMs === undefined ? Number.POSITIVE_INFINITY : startedAt + lifetimeMs;
          return grant.token;
        } finally {
          if (inflight === f) inflight = undefined;
        }
      })();
      f.promise.catch(() => undefined); // every waiter may have left
      inflight = flight = f;
    }
    const f = flight;
    if (!signal) {
      f.waiters = Number.POSITIVE_INFINITY;
      return f.promise;
    }
    f.waiters++;
    return new Promise<string>((resolve, reject) => {
      const leave = (): void => {
        reject(signal.reason);
        // The last caller gave up: nobody needs this token request any more; the next get() starts a new one.
        if (--f.waiters === 0) {
          if (inflight === f) inflight = undefined;
          f.controller.abort(signal.reason);
        }
      };
      if (signal.aborted) return leave();
      signal.addEventListener('abort', leave, { once: true });
      f.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
    });
  };

  return {
    get: (signal?: AbortSignal) =>
      fresh() && token !== undefined ? Promise.resolve(token) : renew(signal),
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
