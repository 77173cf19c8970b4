// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Applies the security of an operation: picks the first alternative the caller has credentials for and turns it into
 * headers, query parameters and cookies. Credential values are registered as secrets so logs redact them.
 */

import { UsageError } from './errors.js';
import { checkHeaderValue, cookieValue, encodeStrict, ownValue } from './serialize.js';
import type {
  AuthOptions,
  BasicCredentials,
  Credential,
  Operation,
  SecuritySchemeSpec,
  TokenSource,
} from './types.js';

/** What the chosen security alternative adds to a request. */
export interface AppliedAuth {
  headers: Array<[string, string]>;
  query: string[];
  cookies: string[];
  /** A cookie scheme is used in browser mode: send with `credentials: 'include'`. */
  includeCredentials: boolean;
  /** The token-provider token used, for 401 renewal and sliding expiry. */
  token?: { source: TokenSource; value: string };
}

export interface AuthContext {
  schemes: Readonly<Record<string, SecuritySchemeSpec>>;
  auth: AuthOptions;
  /** The token source of a token-endpoint bearer scheme, when the caller gave request fields for it. */
  tokenSource: (schemeKey: string) => TokenSource | undefined;
  browserCookies: boolean;
  /** Called with every credential value used. */
  secret: (value: string) => void;
  /** The caller's signal: aborts waiting for a token (and the token request once nobody else waits for it). */
  signal?: AbortSignal | undefined;
}

function isBasic(v: unknown): v is BasicCredentials {
  return (
    v !== null &&
    typeof v === 'object' &&
    typeof (v as BasicCredentials).username === 'string' &&
    typeof (v as BasicCredentials).password === 'string'
  );
}

function isCredential(v: unknown): v is Credential {
  return typeof v === 'string' || typeof v === 'function';
}

/** True when the caller supplied what `schemeKey` needs. */
export function hasCredentials(ctx: AuthContext, schemeKey: string): boolean {
  const scheme = ownValue(ctx.schemes, schemeKey);
  const value = ownValue(ctx.auth, schemeKey);
  if (!scheme || value === undefined) return false;
  if (scheme.type === 'http' && scheme.scheme === 'basic') return isBasic(value);
  if (scheme.type === 'http' && scheme.scheme === 'bearer') {
    if (isCredential(value)) return true;
    return (
      scheme.tokenEndpoint !== undefined &&
      hasCredentials(ctx, scheme.tokenEndpoint.credentialsScheme) &&
      ctx.tokenSource(schemeKey) !== undefined
    );
  }
  return isCredential(value);
}

/** `Basic base64(user:pass)` of the UTF-8 bytes (non-ASCII safe). */
export function basicHeader(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

async function credentialValue(schemeKey: string, c: Credential): Promise<string> {
  const v = typeof c === 'function' ? await c() : c;
  if (typeof v !== 'string' || v === '')
    throw new UsageError(`The credential for "${schemeKey}" is empty or not a string`);
  return v;
}

/**
 * Why no alternative applies when the caller set up a token-endpoint scheme (its request fields, such as
 * `{ workspace_id }`) without the credentials the token request needs: a configuration mistake, not a wish to call
 * unauthenticated. Undefined otherwise.
 */
function missingTokenCredentials(
  alternatives: ReadonlyArray<ReadonlyArray<string>>,
  ctx: AuthContext,
): string | undefined {
  for (const key of alternatives.flat()) {
    const scheme = ownValue(ctx.schemes, key);
    const value = ownValue(ctx.auth, key);
    const endpoint =
      scheme?.type === 'http' && scheme.scheme === 'bearer' ? scheme.tokenEndpoint : undefined;
    if (endpoint === undefined || value == null || isCredential(value)) continue;
    if (!hasCredentials(ctx, endpoint.credentialsScheme))
      return `auth.${key} gets its token from ${endpoint.method.toUpperCase()} ${endpoint.path} with the "${endpoint.credentialsScheme}" credentials, which are not set: pass auth.${endpoint.credentialsScheme} too`;
  }
  return undefined;
}

/**
 * Picks the first non-empty security alternative the caller has every credential for and applies it. None → nothing
 * applied (the request goes out unauthenticated; middleware or headers may still add auth).
 * @throws UsageError when none applies because a token-endpoint scheme's request fields are set without the
 *   credentials of its token request
 */
export async function applyAuth(op: Operation, ctx: AuthContext): Promise<AppliedAuth> {
  const out: AppliedAuth = { headers: [], query: [], cookies: [], includeCredentials: false };
  const alternatives = op.security ?? [];
  // An empty alternative (`{}`: auth optional) never wins over one the caller has credentials for.
  const chosen = alternatives.find(
    (alt) => alt.length > 0 && alt.every((key) => hasCredentials(ctx, key)),
  );
  if (!chosen) {
    const missing = missingTokenCredentials(alternatives, ctx);
    if (missing !== undefined) throw new UsageError(missing);
    return out;
  }
  for (const key of chosen) {
    const scheme = ownValue(ctx.schemes, key);
    const value = ownValue(ctx.auth, key);
    if (!scheme) continue;
    if (scheme.type === 'http') {
      let header: string;
      if (scheme.scheme === 'basic') {
        if (!isBasic(value)) continue;
        header = basicHeader(value.username, value.password);
        ctx.secret(value.password);
      } else if (isCredential(value)) {
        header = `Bearer ${await credentialValue(key, value)}`;
      } else {
        const source = ctx.tokenSource(key);
        if (!source) continue;
        const token = await source.get(ctx.signal);
        out.token = { source, value: token };
        header = `Bearer ${token}`;
      }
      ctx.secret(header.slice(header.indexOf(' ') + 1));
      checkHeaderValue('Authorization', header);
      out.headers.push(['Authorization', header]);
      continue;
    }
    if (!isCredential(value)) continue;
    const v = await credentialValue(key, value);
    ctx.secret(v);
    if (scheme.in === 'header') {
      checkHeaderValue(scheme.name, v);
      out.headers.push([scheme.name, v]);
    } else if (scheme.in === 'query') {
      // The value as the URL carries it is a secret too: a server that echoes the URL (`/x?key=a%2Fb`) in an error
      // body must not put the percent-encoded key into the error.
      const encoded = encodeStrict(v);
      ctx.secret(encoded);
      out.query.push(`${encodeStrict(scheme.name)}=${encoded}`);
    } else if (ctx.browserCookies) out.includeCredentials = true;
    else {
      const encoded = cookieValue(v); // the same: the value as the Cookie header carries it
      ctx.secret(encoded);
      out.cookies.push(`${scheme.name}=${encoded}`);
    }
  }
  return out;
}
