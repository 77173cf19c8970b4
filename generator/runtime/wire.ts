// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * What both cores (`ClientCore` in client.ts, `LeanClient` in lean.ts) do the same way on the wire: the base URL, the
 * request (URL, header layers, body), which response headers hold a request id, and how a response of a status is read.
 * Shared so that the two cannot drift apart; small, so that the lean core stays small.
 */

import { type RequestInfo, ResponseParseError, SdkError } from './errors.js';
import { checkHeaderValue, type EncodedBody, serializeParams, withQuery } from './serialize.js';
import type { Operation, ResponseKind } from './types.js';

/** Response headers that hold a request id, in order of preference (the default of `ClientConfig.requestIdHeaders`). */
export const REQUEST_ID_HEADERS = [
  'x-request-id',
  'request-id',
  'x-correlation-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-trace-id',
] as const;

/** The first of `names` that `headers` holds a non-empty value for, else `undefined`. */
export function requestIdOf(headers: Headers, names: readonly string[]): string | undefined {
  for (const h of names) {
    const v = headers.get(h);
    if (v) return v;
  }
  return undefined;
}

/** Header options: a value per name; `null` removes a header set earlier, `undefined` is skipped. */
export type HeaderOptions = Readonly<Record<string, string | null | undefined>> | undefined;

/**
 * Sets each header of `h` on `headers`; `null` removes one, `undefined` is skipped.
 * @throws SdkError when a value holds CR, LF or NUL, or characters outside Latin-1 (the value is not in the message)
 */
export function applyHeaders(headers: Headers, h: HeaderOptions): void {
  if (h === undefined) return;
  for (const k of Object.keys(h)) {
    const v = h[k];
    if (v === undefined) continue;
    if (v === null) headers.delete(k);
    else {
      checkHeaderValue(k, v);
      headers.set(k, v);
    }
  }
}

/**
 * The operation's `accept`, else `application/json` when every 2XX/3XX response with a body is read as JSON, else
 * `undefined` (no `Accept` sent).
 */
export function acceptOf(op: Operation): string | undefined {
  if (op.accept !== undefined) return op.accept;
  let json = false;
  for (const status in op.responses) {
    const kind = op.responses[status];
    const c = status.charCodeAt(0);
    if ((c !== 50 && c !== 51) || kind === 'none') continue; // '2', '3'
    if (kind !== 'json') return undefined;
    json = true;
  }
  return json ? 'application/json' : undefined;
}

/** A JSON media type: `application/json`, `application/problem+json`, any `*+json` (parameters ignored). */
const JSON_TYPE = /^\s*application\/(.+\+)?json\s*(;|$)|^[^;]*\+json\s*(;|$)/i;

function inferKind(contentType: string | null): ResponseKind | undefined {
  if (!contentType) return undefined;
  const ct = contentType.toLowerCase();
  if (JSON_TYPE.test(ct)) return 'json';
  if (/^text\/|^application\/(xml|x-www-form-urlencoded|javascript|ecmascript)\b|\+xml\b/.test(ct))
    return 'text';
  return 'binary';
}

/**
 * How to read a response of `status`: `none` for 204/205/304 and HEAD; else the kind declared for the status (or its
 * range `2XX`/`2xx`, or `default`); else from the Content-Type of `headers` (read only then: json/+json → json,
 * text/*, xml, form, javascript → text, another type → binary, none → `undefined`: text, or nothing when empty).
 */
export function responseKind(
  op: Operation,
  status: number,
  headers: Headers,
): ResponseKind | undefined {
  if (status === 204 || status === 205 || status === 304 || op.method === 'head') return 'none';
  const r = op.responses;
  const declared =
    r?.[String(status)] ??
    r?.[`${Math.floor(status / 100)}XX`] ??
    r?.[`${Math.floor(status / 100)}xx`] ??
    r?.['default'];
  return declared ?? inferKind(headers.get('content-type'));
}

/**
 * A success body read as text, as the operation's response kind says: `text` → the text; blank → `undefined`; an
 * unknown kind → the text; `json` → parsed.
 * @param request method and display URL, for the error's message (called only then)
 * @throws ResponseParseError (status, raw text) when a JSON body does not parse
 */
export function decodeText(
  text: string,
  kind: ResponseKind | undefined,
  response: Response,
  request?: () => RequestInfo,
): unknown {
  if (kind === 'text') return text;
  if (text.trim() === '') return undefined;
  if (kind === undefined) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ResponseParseError(response.status, text, { cause: err, request: request?.() });
  }
}

/**
 * An error (status ≥ 400) body read as text, whatever the spec declares for the status: parsed when the Content-Type is
 * a JSON media type (or absent while the spec declares JSON) and it parses; otherwise the text; blank → `undefined`.
 */
export function decodeErrorText(
  text: string,
  headers: Headers,
  declared: ResponseKind | undefined,
): unknown {
  if (text.trim() === '') return undefined;
  const ct = headers.get('content-type');
  if (ct ? JSON_TYPE.test(ct) : declared === 'json') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** How an error body is read: as text, to be decoded by {@link decodeErrorText} (`none` when HEAD or a body-less status). */
export function errorKind(op: Operation, status: number): 'text' | 'none' {
  return status === 204 || status === 205 || status === 304 || op.method === 'head'
    ? 'none'
    : 'text';
}

/**
 * The URL as error messages show it: userinfo and the value of each query parameter `secret(name)` says is secret
 * (API-key schemes in the query, parameters the spec marks secret) replaced by `***`.
 */
export function displayUrl(url: string, secret: (name: string) => boolean): string {
  const q = url.indexOf('?');
  const head = (q < 0 ? url : url.slice(0, q)).replace(
    /^([a-z][a-z\d+.-]*:\/\/)[^/?#@]*@/i,
    '$1***@',
  );
  if (q < 0) return head;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      const raw = eq < 0 ? part : part.slice(0, eq);
      let name = raw;
      try {
        name = decodeURIComponent(raw.replace(/\+/g, ' '));
      } catch {
        // not percent-encoded correctly: compare as is
      }
      return secret(name) ? `${raw}=***` : part;
    });
  return `${head}?${query.join('&')}`;
}

/**
 * The absolute base URL of `raw` (trailing slashes removed), or why there is none. A relative URL is resolved against
 * the page's location where there is one (browsers); elsewhere it is a usage error, as are: a URL without an http(s)
 * scheme (`127.0.0.1:4617`, `localhost:4617`, `ftp://…`), a brace in the host, a query or fragment (every request
 * appends its path: `…/v1?key=x` + `/pets` would send the path inside the query) and credentials (`fetch` refuses
 * them; the message leaves them out).
 */
export function resolveBaseUrl(raw: string): { url: string; problem?: string } {
  const url = raw.replace(/\/+$/, '');
  if (url === '')
    return {
      url,
      problem:
        'No base URL: pass `baseUrl`, an absolute http(s) URL such as "https://api.example.com"',
    };
  if (/^https?:\/\//i.test(url)) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      // reported below
    }
    if (parsed === undefined || parsed.host === '')
      return { url, problem: `The base URL "${url}" is not a valid URL` };
    // WHATWG URL takes braces in a host; no DNS name has them: a server variable left unfilled (`https://{region}.…`).
    if (/[{}]/.test(parsed.hostname))
      return {
        url,
        problem: `The base URL "${url}" has a brace in its host (a server variable left unfilled?)`,
      };
    if (parsed.username !== '' || parsed.password !== '') {
      const shown = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
      return {
        url,
        problem: `The base URL "${shown}" holds credentials, which fetch refuses: pass them in \`auth\` or a header`,
      };
    }
    if (/[?#]/.test(url)) {
      const base = url.replace(/[?#].*$/s, '').replace(/\/+$/, '');
      return {
        url,
        problem: `The base URL "${url}" has a query or fragment, and every request appends its path to it: pass "${base}"`,
      };
    }
    return { url };
  }
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(url))
    return { url, problem: `The base URL "${url}" is not an http(s) URL` };
  // `host:port` (no scheme) is not a relative path either.
  const hostPort = /^[a-z][a-z\d+.-]*:/i.test(url) || /^[^/?#]*:\d+/.test(url);
  const page = (globalThis as { location?: { href?: unknown } }).location?.href;
  if (!hostPort && typeof page === 'string' && /^https?:/i.test(page))
    return { url: new URL(url, page).href.replace(/\/+$/, '') };
  return {
    url,
    problem: hostPort
      ? `The base URL "${url}" has no scheme: write it as "http://${url}" (or https)`
      : `The base URL "${url}" is relative and there is no page to resolve it against: pass an absolute http(s) URL such as "https://api.example.com${url.startsWith('/') ? url : `/${url}`}"`,
  };
}

/** What a request adds besides the operation: credentials (full core only), header layers, an idempotency key. */
export interface RequestLayers {
  /** The client's `headers` option. */
  clientHeaders: HeaderOptions;
  /** The call's `headers` option. */
  callHeaders: HeaderOptions;
  /** The chosen security alternative, applied (auth.ts's `AppliedAuth`); none for the lean core. */
  auth?: {
    headers: ReadonlyArray<readonly [string, string]>;
    query: readonly string[];
    cookies: readonly string[];
    includeCredentials: boolean;
  };
  /** `[header, value]`: the idempotency key to set over every layer (a generated one, or the caller's option). */
  key?: readonly [string, string] | undefined;
  /** `[header, value]`: the retry number, on retries. */
  retryCount?: readonly [string, string] | undefined;
}

/** A request as `fetch(url, init)` takes it. */
export interface BuiltRequest {
  url: string;
  init: RequestInit & { duplex?: 'half'; headers: Headers };
}

/**
 * The URL and `RequestInit` of one attempt, the same for both cores. Headers are layered, later wins (names
 * case-insensitive): `Accept` → client `headers` → credentials → `Content-Type` and header parameters → per-call
 * `headers` → the idempotency key → the retry count → `Cookie` (merged). `undefined` skips, `null` removes.
 * @param baseUrl the absolute base URL, without a trailing slash
 * @param method the operation's method, upper case
 * @throws UsageError (a missing path parameter, a header value with CR/LF), SdkError (`op.url` on another origin)
 */
export function buildRequest(
  baseUrl: string,
  op: Operation,
  method: string,
  encoded: EncodedBody | undefined,
  layers: RequestLayers,
): BuiltRequest {
  const p = serializeParams(op);
  const auth = layers.auth;
  let url: string;
  if (op.url !== undefined) {
    const target = new URL(op.url);
    if (target.origin !== new URL(baseUrl).origin)
      throw new SdkError('Refusing to follow a URL on another origin than the base URL');
    url = target.toString();
  } else url = baseUrl + p.path;
  url = withQuery(url, auth?.query.length ? [...p.query, ...auth.query] : p.query);

  const headers = new Headers();
  const accept = acceptOf(op);
  if (accept) headers.set('Accept', accept);
  applyHeaders(headers, layers.clientHeaders);
  if (auth) for (const [k, v] of auth.headers) headers.set(k, v);
  if (encoded?.contentType) headers.set('Content-Type', encoded.contentType);
  for (const [k, v] of p.headers) headers.set(k, v);
  applyHeaders(headers, layers.callHeaders);
  const key = layers.key;
  if (key) {
    checkHeaderValue(key[0], key[1]);
    headers.set(key[0], key[1]);
  }
  if (layers.retryCount) headers.set(layers.retryCount[0], layers.retryCount[1]);
  if (p.cookies.length || auth?.cookies.length) {
    const cookies = [headers.get('cookie'), ...p.cookies, ...(auth?.cookies ?? [])].filter(
      (c): c is string => !!c,
    );
    headers.set('Cookie', cookies.join('; '));
  }

  const init: BuiltRequest['init'] = { method, headers };
  if (encoded) {
    init.body = encoded.body;
    if (!encoded.replayable) init.duplex = 'half'; // a stream body
  }
  if (auth?.includeCredentials) init.credentials = 'include';
  return { url, init };
}
