/**
 * 3.1 `webhooks` → {@link Webhook}s (document order, then method order), and `x-webhook-signature`
 * (document root, or on a webhook operation, which overrides the root) → {@link WebhookSignature}.
 *
 * Signature fields: `algorithm` (hmac-sha256 | hmac-sha1 | hmac-sha512), `header`, `encoding`
 * (hex | base64, default hex), `signedContent` (only `raw-body`, the default), `prefix?`,
 * `idempotencyHeader?`, `challenge?` `{ method, challengeHeader, verifyTokenHeader?, respondWith:
 * challenge-text }`. An invalid signature object is an error with the pointer of the bad field.
 */
import type { ModelContext } from './context.js';
import { child, isObject } from './context.js';
import { METHODS, type OperationReader } from './operations.js';
import { applyDocs, docsOf } from './schemas.js';
import type { HttpMethod, Pointer, Webhook, WebhookSignature } from './types.js';

const ALGORITHMS = new Set(['hmac-sha256', 'hmac-sha1', 'hmac-sha512']);

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
  if (typeof raw.algorithm !== 'string' || !ALGORITHMS.has(raw.algorithm)) bad('algorithm', 'algorithm must be hmac-sha256, hmac-sha1 or hmac-sha512');
  if (typeof raw.header !== 'string' || raw.header === '') bad('header', 'header (the signature header name) is required');
  const encoding = raw.encoding ?? 'hex';
  if (encoding !== 'hex' && encoding !== 'base64') bad('encoding', 'encoding must be hex or base64');
  const signed = raw.signedContent ?? 'raw-body';
  if (signed !== 'raw-body') bad('signedContent', 'only signedContent: raw-body is supported');
  let challenge: WebhookSignature['challenge'];
  if (raw.challenge !== undefined) {
    const c = raw.challenge;
    const method = isObject(c) && typeof c.method === 'string' ? c.method.toLowerCase() : undefined;
    if (!isObject(c) || !METHODS.includes(method as HttpMethod) || typeof c.challengeHeader !== 'string' || (c.respondWith ?? 'challenge-text') !== 'challenge-text') {
      bad('challenge', 'challenge needs method, challengeHeader and respondWith: challenge-text');
    } else {
      challenge = { method: method as HttpMethod, challengeHeader: c.challengeHeader, respondWith: 'challenge-text' };
      if (typeof c.verifyTokenHeader === 'string') challenge.verifyTokenHeader = c.verifyTokenHeader;
    }
  }
  if (!ok) return undefined;
  const sig: WebhookSignature = {
    algorithm: raw.algorithm as WebhookSignature['algorithm'],
    header: raw.header as string,
    encoding: encoding as WebhookSignature['encoding'],
    signedContent: 'raw-body',
  };
  if (typeof raw.prefix === 'string') sig.prefix = raw.prefix;
  if (typeof raw.idempotencyHeader === 'string') sig.idempotencyHeader = raw.idempotencyHeader;
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
  return out;
}
