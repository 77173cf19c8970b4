// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * What both cores (`ClientCore` in client.ts, `LeanClient` in lean.ts) do the same way on the wire: the `Accept`
 * header, header options, which response headers hold a request id, and how a response of a status is read.
 * Shared so that the two cannot drift apart; small, so that the lean core stays small.
 */

import { SdkError } from './errors.js';
import { checkHeaderValue } from './serialize.js';
import type { Operation, ResponseKind } from './types.js';

/** Response headers that hold a request id, in order of preference (the default of `ClientConfig.requestIdHeaders`). */
export const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id', 'x-amzn-requestid', 'x-amz-request-id', 'x-trace-id'] as const;

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

/** `application/json` when every 2XX/3XX response with a body is read as JSON, else `undefined` (no `Accept` sent). */
export function acceptOf(op: Operation): string | undefined {
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

function inferKind(contentType: string | null): ResponseKind | undefined {
  if (!contentType) return undefined;
  const ct = contentType.toLowerCase();
  if (/^application\/(.+\+)?json\b|^[^;]*\+json\b/.test(ct)) return 'json';
  if (/^text\/|^application\/(xml|x-www-form-urlencoded|javascript|ecmascript)\b|\+xml\b/.test(ct)) return 'text';
  return 'binary';
}

/**
 * How to read a response of `status`: `none` for 204/205/304 and HEAD; else the kind declared for the status (or its
 * range `2XX`/`2xx`, or `default`); else from the Content-Type of `headers` (read only then: json/+json → json,
 * text/*, xml, form, javascript → text, another type → binary, none → `undefined`: text, or nothing when empty).
 */
export function responseKind(op: Operation, status: number, headers: Headers): ResponseKind | undefined {
  if (status === 204 || status === 205 || status === 304 || op.method === 'head') return 'none';
  const r = op.responses;
  const declared = r?.[String(status)] ?? r?.[`${Math.floor(status / 100)}XX`] ?? r?.[`${Math.floor(status / 100)}xx`] ?? r?.['default'];
  return declared ?? inferKind(headers.get('content-type'));
}

/**
 * A body read as text, as the operation's response kind says: `text` → the text; blank → `undefined`; an unknown kind
 * → the text; `json` → parsed.
 * @throws SdkError when a JSON body of a success (status below 400) does not parse; an error body that does not parse is
 *   returned as text
 */
export function decodeText(text: string, kind: ResponseKind | undefined, response: Response): unknown {
  if (kind === 'text') return text;
  if (text.trim() === '') return undefined;
  if (kind === undefined) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    if (!response.ok) return text;
    throw new SdkError(`The ${response.status} response body is not valid JSON`, { cause: err });
  }
}
