/**
 * 3.1 `webhooks` → {@link Webhook}s (document order, then method order), and `x-webhook-signature`
 * (document root, or on a webhook operation, which overrides the root) → {@link WebhookSignature}.
 *
 * Signature fields: `scheme` (hmac | standard-webhooks | timestamped, default hmac), `algorithm`
 * (hmac-sha256 | hmac-sha1 | hmac-sha512), `header`, `encoding` (hex | base64, default hex),
 * `signedContent` (implied by the scheme: `raw-body`, `id.timestamp.body`, `timestamp.body`),
 * `prefix?` (hmac), `idempotencyHeader?`, `idHeader?`/`timestampHeader?` (standard-webhooks),
 * `toleranceSeconds?` (timestamped schemes), `challenge?` `{ method, challengeHeader,
 * verifyTokenHeader?, respondWith: challenge-text }`. Per scheme:
 * - hmac: `algorithm` and `header` required;
 * - standard-webhooks: HMAC-SHA256, base64; `header` defaults to `webhook-signature`, `idHeader` to
 *   `webhook-id`, `timestampHeader` to `webhook-timestamp`, `idempotencyHeader` to `idHeader`;
 * - timestamped: `header` required (`t=…,v1=<hex>`), `algorithm` defaults to hmac-sha256, hex.
 * An invalid signature object, or a field that does not apply to its scheme, is an error with the
 * pointer of the bad field.
 */
import type { ModelContext } from './context.js';
import { isObject } from '../json.js';
import { child } from '../pointer.js';
import { METHODS, type OperationReader } from './operations.js';
import { webhookSignature } from './queries.js';
import { applyDocs, docsOf } from './schemas.js';
import type { HttpMethod, Pointer, Webhook, WebhookSignature } from './types.js';

const ALGORITHMS = new Set(['hmac-sha256', 'hmac-sha1', 'hmac-sha512']);
const SCHEMES = ['hmac', 'standard-webhooks', 'timestamped'] as const;
type Scheme = (typeof SCHEMES)[number];
/** What each scheme signs (`signedContent`). */
const SIGNED: Record<Scheme, WebhookSignature['signedContent']> = {
  hmac: 'raw-body',
  'standard-webhooks': 'id.timestamp.body',
  timestamped: 'timestamp.body',
};

/** Parses an `x-webhook-signature` object; undefined (with errors reported) when invalid. */
export function readSignature(ctx: ModelContext, raw: unknown, pointer: Pointer): WebhookSignature | undefined {
  if (!isObject(raw)) {
    ctx.report('error', 'model/webhook-signature', 'x-webhook-signature must be an object', pointer);
    return undefined;
  }
  let ok = true;
  const bad = (field: string, message: string): void => {
    ctx.report('error', 'model/webhook-signature', message, child(pointer, field));
    ok = false;
  };
  const schemeValue = raw.scheme ?? 'hmac';
  if (!SCHEMES.includes(schemeValue as Scheme)) {
    bad('scheme', 'scheme must be hmac, standard-webhooks or timestamped');
    return undefined;
  }
  const scheme = schemeValue as Scheme;
  /** A field that must be absent or a non-empty string. */
  const optionalName = (field: string): string | undefined => {
    const v = raw[field];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v === '') bad(field, `${field} must be a header name`);
    return typeof v === 'string' ? v : undefined;
  };
  /** A field the scheme fixes: absent, or the fixed value. */
  const fixed = (field: string, value: string, what: string): void => {
    if (raw[field] !== undefined && raw[field] !== value) bad(field, `${field} must be ${value} with scheme ${scheme} (${what})`);
  };
  const notFor = (field: string, allowed: string): void => {
    if (raw[field] !== undefined) bad(field, `${field} applies to scheme ${allowed} only, not ${scheme}`);
  };

  let algorithm = raw.algorithm;
  let header = raw.header;
  let encoding = raw.encoding ?? 'hex';
  if (scheme === 'standard-webhooks') {
    fixed('algorithm', 'hmac-sha256', 'Standard Webhooks signs with HMAC-SHA256');
    fixed('encoding', 'base64', 'signatures are v1,<base64>');
    algorithm = 'hmac-sha256';
    encoding = 'base64';
    header ??= 'webhook-signature';
  } else if (scheme === 'timestamped') {
    fixed('encoding', 'hex', 'signatures are v1=<hex>');
    algorithm ??= 'hmac-sha256';
    encoding = 'hex';
  }
  if (typeof algorithm !== 'string' || !ALGORITHMS.has(algorithm)) bad('algorithm', 'algorithm must be hmac-sha256, hmac-sha1 or hmac-sha512');
  if (typeof header !== 'string' || header === '') bad('header', 'header (the signature header name) is required');
  if (encoding !== 'hex' && encoding !== 'base64') bad('encoding', 'encoding must be hex or base64');
  if (raw.signedContent !== undefined && raw.signedContent !== SIGNED[scheme]) {
    bad('signedContent', scheme === 'hmac' ? 'only signedContent: raw-body is supported' : `signedContent must be ${SIGNED[scheme]} with scheme ${scheme}`);
  }
  if (scheme !== 'hmac') notFor('prefix', 'hmac');
  if (scheme !== 'standard-webhooks') {
    notFor('idHeader', 'standard-webhooks');
    notFor('timestampHeader', 'standard-webhooks');
  }
  const idHeader = optionalName('idHeader');
  const timestampHeader = optionalName('timestampHeader');
  const idempotencyHeader = optionalName('idempotencyHeader');
  let tolerance: number | undefined;
  if (raw.toleranceSeconds !== undefined) {
    if (scheme === 'hmac') notFor('toleranceSeconds', 'standard-webhooks or timestamped');
    else if (typeof raw.toleranceSeconds !== 'number' || !Number.isFinite(raw.toleranceSeconds) || raw.toleranceSeconds < 0) {
      bad('toleranceSeconds', 'toleranceSeconds must be a number of seconds, 0 or more');
    } else tolerance = raw.toleranceSeconds;
  }
  let challenge: WebhookSignature['challenge'];
  if (raw.challenge !== undefined) {
    const c = raw.challenge;
    const method = isObject(c) && typeof c.method === 'string' ? c.method.toLowerCase() : undefined;
    if (
      !isObject(c) ||
      !METHODS.includes(method as HttpMethod) ||
      typeof c.challengeHeader !== 'string' ||
      (c.respondWith ?? 'challenge-text') !== 'challenge-text'
    ) {
      bad('challenge', 'challenge needs method, challengeHeader and respondWith: challenge-text');
    } else {
      challenge = { method: method as HttpMethod, challengeHeader: c.challengeHeader, respondWith: 'challenge-text' };
      if (typeof c.verifyTokenHeader === 'string') challenge.verifyTokenHeader = c.verifyTokenHeader;
    }
  }
  if (!ok) return undefined;
  const sig: WebhookSignature = {
    scheme,
    algorithm: algorithm as WebhookSignature['algorithm'],
    header: header as string,
    encoding: encoding as WebhookSignature['encoding'],
    signedContent: SIGNED[scheme],
  };
  if (typeof raw.prefix === 'string') sig.prefix = raw.prefix;
  if (scheme === 'standard-webhooks') {
    sig.idHeader = idHeader ?? 'webhook-id';
    sig.timestampHeader = timestampHeader ?? 'webhook-timestamp';
  }
  const idempotency = idempotencyHeader ?? sig.idHeader;
  if (idempotency !== undefined) sig.idempotencyHeader = idempotency;
  if (tolerance !== undefined) sig.toleranceSeconds = tolerance;
  if (raw['x-inferred'] === true) sig.inferred = true;
  if (challenge) sig.challenge = challenge;
  return sig;
}

/** Webhooks with identifiers still empty (naming fills them). */
export function readWebhooks(ctx: ModelContext, reader: OperationReader, rootSignature: WebhookSignature | undefined): Webhook[] {
  const raw = ctx.doc.webhooks;
  if (!isObject(raw)) return [];
  const out: Webhook[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const itemPointer = child('#/webhooks', name);
    const r = ctx.deref(value, itemPointer);
    if (!r) continue;
    for (const method of METHODS) {
      const op = r.value[method];
      if (!isObject(op)) continue;
      const pointer = child(itemPointer, method);
      const hook: Webhook = {
        name,
        identifier: '',
        method,
        parameters: reader.parameters(r.value.parameters, r.pointer, op.parameters, pointer),
        responses: reader.responses(op.responses, child(pointer, 'responses')),
        pointer,
      };
      applyDocs(
        hook,
        docsOf({ summary: op.summary, description: op.description, deprecated: op.deprecated, externalDocs: op.externalDocs, 'x-inferred': op['x-inferred'] }),
      );
      const body = reader.requestBody(op.requestBody, child(pointer, 'requestBody'));
      if (body) hook.requestBody = body;
      const own = op['x-webhook-signature'] !== undefined ? readSignature(ctx, op['x-webhook-signature'], child(pointer, 'x-webhook-signature')) : undefined;
      const signature = own ?? rootSignature;
      if (signature) hook.signature = signature;
      out.push(hook);
    }
  }
  // The client verifies every delivery with one scheme (queries.ts `webhookSignature`): a webhook that declares another
  // would fail verification, which the author learns here rather than from a rejected delivery.
  const used = webhookSignature({ ...(rootSignature !== undefined ? { webhookSignature: rootSignature } : {}), webhooks: out });
  for (const hook of out) {
    if (hook.signature === undefined || used === undefined || JSON.stringify(hook.signature) === JSON.stringify(used)) continue;
    ctx.report(
      'warning',
      'model/webhook-signature',
      `webhook ${hook.name} declares another signature than ${rootSignature !== undefined ? "the document's x-webhook-signature" : "the first signed webhook's"}: the client's unwrap verifies every delivery with that one, so a delivery of ${hook.name} fails verification`,
      child(hook.pointer, 'x-webhook-signature'),
    );
  }
  return out;
}
