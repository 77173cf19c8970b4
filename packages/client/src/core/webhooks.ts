// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Webhook receiving: signature verification (HMAC with Web Crypto, constant-time comparison) and the verification
 * challenge. The scheme comes from the spec's `x-webhook-signature`. When the sender signs no timestamp (Improvado),
 * there is no tolerance window: de-duplicate deliveries on the idempotency key (`webhookIdempotencyKey`).
 */

import { SdkError } from './errors.js';

/** How a webhook sender signs its deliveries (`x-webhook-signature`). */
export interface WebhookSignatureScheme {
  algorithm: 'hmac-sha256' | 'hmac-sha1' | 'hmac-sha512';
  /** Header holding the signature (case-insensitive). */
  header: string;
  /** Encoding of the digest in the header. */
  encoding: 'hex' | 'base64';
  /** Text before the digest, e.g. `sha256=`. */
  prefix?: string;
  /** Header with the delivery's idempotency key. */
  idempotencyHeader?: string;
  /** The GET challenge the sender makes before the first delivery (`respondWith` is always the challenge text). */
  challenge?: { method?: string; challengeHeader: string; verifyTokenHeader?: string; respondWith?: 'challenge-text' };
  /** What is signed; only the raw body is supported. */
  signedContent?: 'raw-body';
}

/** Header sources accepted: a `Headers` or a Node-style record (arrays allowed). */
export type HeadersLike = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Raw body bytes as received (verify before parsing; re-serialised JSON does not verify). */
export type RawBody = string | Uint8Array | ArrayBuffer;

/** The signature is missing or wrong, or the body is not JSON. Never contains the secret or the signature. */
export class WebhookVerificationError extends SdkError {
  override name = 'WebhookVerificationError';
}

function headerValues(headers: HeadersLike, name: string): string[] {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    const v = headers.get(name);
    return v === null ? [] : [v];
  }
  const lower = name.toLowerCase();
  const out: string[] = [];
  for (const [k, v] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (k.toLowerCase() !== lower || v === undefined) continue;
    if (typeof v === 'string') out.push(v);
    else out.push(...v);
  }
  return out;
}

/** First value of a header, case-insensitively. */
export function getHeader(headers: HeadersLike, name: string): string | undefined {
  return headerValues(headers, name)[0];
}

function bytesOf(body: RawBody): Uint8Array {
  if (typeof body === 'string') return new TextEncoder().encode(body);
  return body instanceof ArrayBuffer ? new Uint8Array(body) : body;
}

function decodeDigest(text: string, encoding: 'hex' | 'base64'): Uint8Array | undefined {
  if (encoding === 'hex') {
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(text)) return undefined;
    const out = new Uint8Array(text.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
    return out;
  }
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/** Constant-time equality of two byte arrays (time depends on the length only). */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

const HASH = { 'hmac-sha256': 'SHA-256', 'hmac-sha1': 'SHA-1', 'hmac-sha512': 'SHA-512' } as const;

/** HMAC of `body` keyed with the UTF-8 bytes of `secret`. */
export async function computeSignature(body: RawBody, secret: string, algorithm: WebhookSignatureScheme['algorithm']): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new SdkError('Web Crypto (crypto.subtle) is not available in this runtime');
  const key = await subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: HASH[algorithm] }, false, ['sign']);
  const data = bytesOf(body);
  return new Uint8Array(await subtle.sign('HMAC', key, data.slice()));
}

/**
 * Verifies a delivery and returns the parsed event.
 * @param input.rawBody the body exactly as received
 * @param input.headers the request headers
 * @param input.secret the endpoint's signing secret
 * @param input.scheme the signature scheme (generated from the spec)
 * @throws WebhookVerificationError when the signature header is missing or matches no computed signature, or the body is not JSON
 */
export async function verifyWebhook<Event = unknown>(input: {
  rawBody: RawBody;
  headers: HeadersLike;
  secret: string;
  scheme: WebhookSignatureScheme;
}): Promise<Event> {
  const { rawBody, headers, secret, scheme } = input;
  if (!secret) throw new WebhookVerificationError('No webhook secret was given');
  const values = headerValues(headers, scheme.header).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) throw new WebhookVerificationError(`Missing signature header ${scheme.header}`);
  const expected = await computeSignature(rawBody, secret, scheme.algorithm);
  let ok = false;
  for (const value of values) {
    const prefix = scheme.prefix ?? '';
    if (prefix && !value.startsWith(prefix)) continue;
    const digest = decodeDigest(value.slice(prefix.length), scheme.encoding);
    if (digest && timingSafeEqual(digest, expected)) ok = true;
  }
  if (!ok) throw new WebhookVerificationError(`The ${scheme.header} signature does not match the body`);
  const text = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(bytesOf(rawBody));
  try {
    return JSON.parse(text) as Event;
  } catch {
    throw new WebhookVerificationError('The webhook body is not valid JSON');
  }
}

/** The delivery's idempotency key (de-duplicate on it: the same delivery may arrive more than once). */
export function webhookIdempotencyKey(headers: HeadersLike, scheme: WebhookSignatureScheme): string | undefined {
  return scheme.idempotencyHeader ? getHeader(headers, scheme.idempotencyHeader) : undefined;
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
  if (request.method !== undefined && request.method.toUpperCase() !== (c.method ?? 'GET').toUpperCase()) return undefined;
  const challenge = getHeader(request.headers, c.challengeHeader);
  if (challenge === undefined) return undefined;
  const headers = { 'content-type': 'text/plain; charset=utf-8' };
  if (options.secret !== undefined && c.verifyTokenHeader) {
    const token = getHeader(request.headers, c.verifyTokenHeader) ?? '';
    const enc = new TextEncoder();
    if (!timingSafeEqual(enc.encode(token), enc.encode(options.secret))) return { status: 403, body: 'invalid verify token', headers };
  }
  return { status: 200, body: challenge, headers };
}

/** `handleVerificationChallenge` for fetch-style handlers: a `Response`, or `undefined` when not a challenge. */
export function challengeResponse(request: Request, scheme: WebhookSignatureScheme, options: { secret?: string } = {}): Response | undefined {
  const a = handleVerificationChallenge({ method: request.method, headers: request.headers }, scheme, options);
  return a ? new Response(a.body, { status: a.status, headers: a.headers }) : undefined;
}
