// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Webhook receiving: signature verification (HMAC with Web Crypto, constant-time comparison) and the verification
 * challenge. The scheme comes from the spec's `x-webhook-signature`:
 * - `hmac` (the default): HMAC of the raw body in one header (Improvado). No timestamp is signed, so there is no
 *   tolerance window: de-duplicate deliveries on the idempotency key (`webhookIdempotencyKey`);
 * - `standard-webhooks` (standardwebhooks.com): `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`
 *   (several, space-separated), HMAC-SHA256 of `${id}.${timestamp}.${body}` keyed with the base64 secret (`whsec_…`);
 * - `timestamped` (Stripe-like): one header `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, HMAC of `${t}.${body}` keyed with
 *   the UTF-8 secret.
 * Signed timestamps must be within `toleranceSeconds` (default 300) of the clock, in the past or the future.
 */

import { SdkError } from './errors.js';

/** How a webhook sender signs its deliveries (`x-webhook-signature`). */
export interface WebhookSignatureScheme {
  /** `hmac` (default): the raw body; `standard-webhooks`: `${id}.${timestamp}.${body}`; `timestamped`: `${t}.${body}`. */
  scheme?: 'hmac' | 'standard-webhooks' | 'timestamped';
  algorithm: 'hmac-sha256' | 'hmac-sha1' | 'hmac-sha512';
  /** Header holding the signature (case-insensitive). */
  header: string;
  /** Encoding of the digest in the header (`hmac` only: Standard Webhooks is base64, `timestamped` hex). */
  encoding: 'hex' | 'base64';
  /** Text before the digest, e.g. `sha256=` (`hmac` only). */
  prefix?: string;
  /** Header with the delivery's idempotency key (Standard Webhooks: the id header). */
  idempotencyHeader?: string;
  /** Standard Webhooks: the message id header (default `webhook-id`). */
  idHeader?: string;
  /** Standard Webhooks: the timestamp header (default `webhook-timestamp`). */
  timestampHeader?: string;
  /** Signed timestamps further than this from now (past or future) are refused; default 300. */
  toleranceSeconds?: number;
  /** The GET challenge the sender makes before the first delivery (`respondWith` is always the challenge text). */
  challenge?: {
    method?: string;
    challengeHeader: string;
    verifyTokenHeader?: string;
    respondWith?: 'challenge-text';
  };
  /** What is signed (informative: `scheme` decides). */
  signedContent?: 'raw-body' | 'id.timestamp.body' | 'timestamp.body';
}

declare const unknownEventType: unique symbol;

/**
 * The event type of a webhook event named after this SDK was generated (the generated `UnknownWebhookEvent`): a
 * string at run time, typed apart from `string` so that a misspelt `case` of a `switch (event.type)` is a type error
 * (a `string` member would make every string literal comparable, and keep every member in every `case`). Its string
 * methods work as they are; `String(type)` or `type.valueOf()` gives a `string`.
 */
// biome-ignore lint/complexity/noBannedTypes: the String methods of a primitive string, without being comparable to string literals
export interface UnknownEventType extends String {
  /** A type-level marker: no such property exists at run time. */
  readonly [unknownEventType]: true;
}

/** Header sources accepted: a `Headers` or a Node-style record (arrays allowed). */
export type HeadersLike =
  Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Raw body bytes as received (verify before parsing; re-serialised JSON does not verify). A Node `Buffer` is a `Uint8Array`. */
export type RawBody = string | Uint8Array | ArrayBuffer;

/** Options of the timestamped schemes. */
export interface WebhookVerifyOptions {
  /** Largest accepted distance in seconds between the signed timestamp and now, either way (default: the scheme's, else 300). */
  toleranceSeconds?: number;
  /** The clock, in milliseconds since the epoch like `Date.now` (for tests). */
  now?: () => number;
}

/** The signature is missing, malformed or wrong, the timestamp is out of tolerance, or the body is not JSON. Never contains the secret or the signature. */
export class WebhookVerificationError extends SdkError {
  override name = 'WebhookVerificationError';
}

/** Longest signature, id or timestamp header accepted (all its values together), in characters. */
const MAX_HEADER_LENGTH = 8192;

function headerValues(headers: HeadersLike, name: string): string[] {
  if (headers === null || typeof headers !== 'object') return [];
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    const v = headers.get(name);
    return v === null ? [] : [v];
  }
  const lower = name.toLowerCase();
  const out: string[] = [];
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
    if (k.toLowerCase() !== lower) continue;
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v))
      for (const x of v as unknown[]) if (typeof x === 'string') out.push(x);
  }
  return out;
}

/** Values of a header the verification reads, refused when together longer than {@link MAX_HEADER_LENGTH}. */
function boundedValues(headers: HeadersLike, name: string): string[] {
  const values = headerValues(headers, name);
  if (values.reduce((n, v) => n + v.length, 0) > MAX_HEADER_LENGTH)
    throw new WebhookVerificationError(`The ${name} header is too long`);
  return values;
}

/** First value of a header, case-insensitively. */
export function getHeader(headers: HeadersLike, name: string): string | undefined {
  return headerValues(headers, name)[0];
}

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return (
    value instanceof ArrayBuffer || Object.prototype.toString.call(value) === '[object ArrayBuffer]'
  );
}

/** The raw body as bytes; a `TypeError` for anything else (typically a body a framework already parsed). */
function bytesOf(body: RawBody): Uint8Array {
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  if (ArrayBuffer.isView(body))
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (isArrayBuffer(body)) return new Uint8Array(body);
  const got =
    body === null
      ? 'null'
      : Array.isArray(body)
        ? 'an array'
        : typeof body === 'object'
          ? 'a parsed object'
          : typeof body;
  throw new TypeError(
    `The webhook's raw body is required: the exact bytes as received (a string, Uint8Array, Buffer or ArrayBuffer), got ${got}. A body already parsed (e.g. by express.json()) cannot be verified: read it as text or bytes.`,
  );
}

function base64Bytes(text: string): Uint8Array | undefined {
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

function decodeDigest(text: string, encoding: 'hex' | 'base64'): Uint8Array | undefined {
  if (encoding === 'hex') {
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(text)) return undefined;
    const out = new Uint8Array(text.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
    return out;
  }
  return text === '' ? undefined : base64Bytes(text);
}

/** Constant-time equality of two byte arrays (time depends on the length only). */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Whether any candidate equals `expected`: every candidate is compared in constant time, none is skipped. */
function anyEqual(
  candidates: ReadonlyArray<Uint8Array | undefined>,
  expected: Uint8Array,
): boolean {
  let ok = false;
  for (const c of candidates) if (c !== undefined && timingSafeEqual(c, expected)) ok = true;
  return ok;
}

const HASH = { 'hmac-sha256': 'SHA-256', 'hmac-sha1': 'SHA-1', 'hmac-sha512': 'SHA-512' } as const;

/** HMAC of `body` keyed with `secret` (a string is keyed with its UTF-8 bytes). */
export async function computeSignature(
  body: RawBody,
  secret: string | Uint8Array,
  algorithm: WebhookSignatureScheme['algorithm'],
): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new SdkError('Web Crypto (crypto.subtle) is not available in this runtime');
  const keyBytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  const key = await subtle.importKey(
    'raw',
    keyBytes.slice(),
    { name: 'HMAC', hash: HASH[algorithm] },
    false,
    ['sign'],
  );
  const data = bytesOf(body);
  return new Uint8Array(await subtle.sign('HMAC', key, data.slice()));
}

/** `prefix` (UTF-8) followed by the body's bytes. */
function prefixed(prefix: string, body: Uint8Array): Uint8Array {
  const head = new TextEncoder().encode(prefix);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/** A Standard Webhooks secret: `whsec_` (optional, as in the official libraries) then base64. */
function standardSecret(secret: string): Uint8Array {
  const key = base64Bytes(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
  if (key === undefined || key.length === 0)
    throw new WebhookVerificationError(
      'The webhook secret is not a Standard Webhooks secret (whsec_ followed by base64)',
    );
  return key;
}

/** Refuses a missing or non-numeric timestamp, or one further than the tolerance from now (either way). */
function checkTimestamp(
  text: string | undefined,
  where: string,
  scheme: WebhookSignatureScheme,
  options: WebhookVerifyOptions,
): void {
  const tolerance = options.toleranceSeconds ?? scheme.toleranceSeconds ?? 300;
  if (typeof tolerance !== 'number' || !(tolerance >= 0))
    throw new TypeError('toleranceSeconds must be a number of seconds, 0 or more');
  if (text === undefined || text.trim() === '')
    throw new WebhookVerificationError(`Missing webhook timestamp (${where})`);
  if (!/^\d{1,15}$/.test(text.trim()))
    throw new WebhookVerificationError(
      `The webhook timestamp (${where}) is not a number of seconds`,
    );
  const t = Number(text.trim());
  const now = Math.floor((options.now ?? Date.now)() / 1000);
  if (now - t > tolerance)
    throw new WebhookVerificationError(
      `The webhook timestamp (${where}) is older than ${tolerance} s`,
    );
  if (t - now > tolerance)
    throw new WebhookVerificationError(
      `The webhook timestamp (${where}) is more than ${tolerance} s in the future`,
    );
}

/** `hmac`: the raw body; comma-separated or repeated values, each with the optional prefix. */
async function verifyHmac(
  bytes: Uint8Array,
  headers: HeadersLike,
  secret: string,
  scheme: WebhookSignatureScheme,
): Promise<void> {
  const values = boundedValues(headers, scheme.header)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length === 0)
    throw new WebhookVerificationError(`Missing signature header ${scheme.header}`);
  const prefix = scheme.prefix ?? '';
  const candidates = values.map((v) =>
    prefix && !v.startsWith(prefix)
      ? undefined
      : decodeDigest(v.slice(prefix.length), scheme.encoding),
  );
  const expected = await computeSignature(bytes, secret, scheme.algorithm);
  if (!anyEqual(candidates, expected))
    throw new WebhookVerificationError(`The ${scheme.header} signature does not match the body`);
}

/** Standard Webhooks: `v1,<base64>` entries separated by spaces (other versions ignored) over `${id}.${timestamp}.${body}`. */
async function verifyStandard(
  bytes: Uint8Array,
  headers: HeadersLike,
  secret: string,
  scheme: WebhookSignatureScheme,
  options: WebhookVerifyOptions,
): Promise<void> {
  const idHeader = scheme.idHeader ?? 'webhook-id';
  const timestampHeader = scheme.timestampHeader ?? 'webhook-timestamp';
  const entries = boundedValues(headers, scheme.header)
    .flatMap((v) => v.split(' '))
    .map((v) => v.trim())
    .filter(Boolean);
  if (entries.length === 0)
    throw new WebhookVerificationError(`Missing signature header ${scheme.header}`);
  const id = boundedValues(headers, idHeader)[0];
  if (id === undefined || id === '')
    throw new WebhookVerificationError(`Missing webhook id header ${idHeader}`);
  const timestamp = boundedValues(headers, timestampHeader)[0];
  checkTimestamp(timestamp, timestampHeader, scheme, options);
  const candidates = entries
    .filter((e) => e.startsWith('v1,'))
    .map((e) => decodeDigest(e.slice(3), 'base64'));
  if (candidates.length === 0)
    throw new WebhookVerificationError(`No v1 signature in ${scheme.header}`);
  const expected = await computeSignature(
    prefixed(`${id}.${timestamp?.trim()}.`, bytes),
    standardSecret(secret),
    'hmac-sha256',
  );
  if (!anyEqual(candidates, expected))
    throw new WebhookVerificationError(`The ${scheme.header} signature does not match the body`);
}

/** `timestamped`: `t=<seconds>,v1=<hex>[,v1=<hex>…]` over `${t}.${body}` (other keys ignored). */
async function verifyTimestamped(
  bytes: Uint8Array,
  headers: HeadersLike,
  secret: string,
  scheme: WebhookSignatureScheme,
  options: WebhookVerifyOptions,
): Promise<void> {
  const values = boundedValues(headers, scheme.header);
  if (values.length === 0)
    throw new WebhookVerificationError(`Missing signature header ${scheme.header}`);
  let t: string | undefined;
  const candidates: Array<Uint8Array | undefined> = [];
  for (const part of values.flatMap((v) => v.split(','))) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (t !== undefined && t !== value)
        throw new WebhookVerificationError(`Several timestamps in ${scheme.header}`);
      t = value;
    } else if (key === 'v1') candidates.push(decodeDigest(value, 'hex'));
  }
  checkTimestamp(t, `t= in ${scheme.header}`, scheme, options);
  if (candidates.length === 0)
    throw new WebhookVerificationError(`No v1 signature in ${scheme.header}`);
  const expected = await computeSignature(prefixed(`${t}.`, bytes), secret, scheme.algorithm);
  if (!anyEqual(candidates, expected))
    throw new WebhookVerificationError(`The ${scheme.header} signature does not match the body`);
}

/**
 * Verifies a delivery and returns the parsed event.
 * @param input.rawBody the body exactly as received (a parsed object is a `TypeError`)
 * @param input.headers the request headers
 * @param input.secret the endpoint's signing secret (Standard Webhooks: `whsec_<base64>`)
 * @param input.scheme the signature scheme (generated from the spec)
 * @param input.toleranceSeconds timestamped schemes: the largest distance from now accepted, either way (default 300)
 * @param input.now timestamped schemes: the clock in milliseconds (default `Date.now`)
 * @throws WebhookVerificationError when a header is missing or malformed, the timestamp is out of tolerance, no signature matches, or the body is not JSON
 */
export async function verifyWebhook<Event = unknown>(
  input: {
    rawBody: RawBody;
    headers: HeadersLike;
    secret: string;
    scheme: WebhookSignatureScheme;
  } & WebhookVerifyOptions,
): Promise<Event> {
  const { rawBody, headers, secret, scheme } = input;
  const bytes = bytesOf(rawBody);
  if (!secret) throw new WebhookVerificationError('No webhook secret was given');
  const kind = scheme.scheme ?? 'hmac';
  if (kind === 'standard-webhooks') await verifyStandard(bytes, headers, secret, scheme, input);
  else if (kind === 'timestamped') await verifyTimestamped(bytes, headers, secret, scheme, input);
  else await verifyHmac(bytes, headers, secret, scheme);
  const text = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text) as Event;
  } catch {
    throw new WebhookVerificationError('The webhook body is not valid JSON');
  }
}

/** The delivery's idempotency key (de-duplicate on it: the same delivery may arrive more than once). */
export function webhookIdempotencyKey(
  headers: HeadersLike,
  scheme: WebhookSignatureScheme,
): string | undefined {
  const name =
    scheme.idempotencyHeader ??
    (scheme.scheme === 'standard-webhooks' ? (scheme.idHeader ?? 'webhook-id') : undefined);
  return name ? getHeader(headers, name) : undefined;
}

/** A framework-neutral HTTP answer (`new Response(a.body, a)` on fetch runtimes). */
export interface WebhookAnswer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * Answers the sender's verification challenge: for a request with the challenge header (and the scheme's method, GET
 * by default), `200` with the challenge as plain text. When `secret` is given and the scheme has a verify-token
 * header, the token must equal the secret (constant-time), else `403`. Not a challenge request → `undefined`.
 */
export function handleVerificationChallenge(
  request: { method?: string; headers: HeadersLike },
  scheme: WebhookSignatureScheme,
  options: { secret?: string } = {},
): WebhookAnswer | undefined {
  const c = scheme.challenge;
  if (!c) return undefined;
  if (
    request.method !== undefined &&
    request.method.toUpperCase() !== (c.method ?? 'GET').toUpperCase()
  )
    return undefined;
  const challenge = getHeader(request.headers, c.challengeHeader);
  if (challenge === undefined) return undefined;
  const headers = { 'content-type': 'text/plain; charset=utf-8' };
  if (options.secret !== undefined && c.verifyTokenHeader) {
    const token = getHeader(request.headers, c.verifyTokenHeader) ?? '';
    const enc = new TextEncoder();
    if (!timingSafeEqual(enc.encode(token), enc.encode(options.secret)))
      return { status: 403, body: 'invalid verify token', headers };
  }
  return { status: 200, body: challenge, headers };
}

/** `handleVerificationChallenge` for fetch-style handlers: a `Response`, or `undefined` when not a challenge. */
export function challengeResponse(
  request: Request,
  scheme: WebhookSignatureScheme,
  options: { secret?: string } = {},
): Response | undefined {
  const a = handleVerificationChallenge(
    { method: request.method, headers: request.headers },
    scheme,
    options,
  );
  return a ? new Response(a.body, { status: a.status, headers: a.headers }) : undefined;
}
