import { describe, expect, it } from 'vitest';
import { build, buildErrors, fixture, named } from './helpers.js';

describe('webhooks (rules/webhooks fixture)', () => {
  const { api, diagnostics } = build(fixture('rules/webhooks'));

  it('builds without diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('webhooks → Webhook with parameters, body, responses and the root signature', () => {
    expect(api.webhooks).toHaveLength(1);
    const w = api.webhooks[0];
    expect(w).toMatchObject({
      name: 'extraction_paused',
      identifier: 'ExtractionPaused',
      method: 'post',
      summary: 'An extraction was paused',
      pointer: '#/webhooks/extraction_paused/post',
      requestBody: { required: true, contents: [{ mediaType: 'application/json', bodyKind: 'json', schema: { kind: 'ref', target: 'WebhookEvent' } }] },
      responses: [{ status: '200', category: 'success', contents: [] }],
    });
    expect(w?.parameters.header.map((p) => [p.name, p.required])).toEqual([
      ['X-Improvado-Signature', true],
      ['X-Improvado-Idempotency-Key', true],
    ]);
    expect(w?.signature).toBe(api.webhookSignature);
  });

  it('x-webhook-signature → WebhookSignature', () => {
    expect(api.webhookSignature).toEqual({
      scheme: 'hmac',
      algorithm: 'hmac-sha256',
      header: 'X-Improvado-Signature',
      encoding: 'hex',
      signedContent: 'raw-body',
      idempotencyHeader: 'X-Improvado-Idempotency-Key',
      challenge: { method: 'get', challengeHeader: 'X-Improvado-Challenge', verifyTokenHeader: 'X-Improvado-Verify-Token', respondWith: 'challenge-text' },
    });
  });

  it('schemas used only by webhooks live in the webhooks module', () => {
    expect(named(api, 'WebhookEvent').module).toBe('webhooks');
  });
});

describe('webhook details', () => {
  it('several methods under one name get method-suffixed identifiers; an operation-level signature overrides the root', () => {
    const { api, diagnostics } = build(`openapi: 3.1.0
info: { title: t, version: "1" }
x-webhook-signature: { algorithm: hmac-sha256, header: X-Sig, x-inferred: true }
paths: {}
webhooks:
  order.created:
    post:
      x-webhook-signature: { algorithm: hmac-sha512, header: X-Other, encoding: base64, prefix: 'sha512=' }
      responses: { "200": { description: ok } }
    get:
      responses: { "200": { description: ok } }
`);
    expect(api.webhooks.map((w) => [w.name, w.method, w.identifier, w.signature?.algorithm])).toEqual([
      ['order.created', 'get', 'OrderCreatedGet', 'hmac-sha256'],
      ['order.created', 'post', 'OrderCreatedPost', 'hmac-sha512'],
    ]);
    expect(api.webhooks[1]?.signature).toEqual({
      scheme: 'hmac',
      algorithm: 'hmac-sha512',
      header: 'X-Other',
      encoding: 'base64',
      signedContent: 'raw-body',
      prefix: 'sha512=',
    });
    expect(api.webhookSignature).toEqual({
      scheme: 'hmac',
      algorithm: 'hmac-sha256',
      header: 'X-Sig',
      encoding: 'hex',
      signedContent: 'raw-body',
      inferred: true,
    });
    // The client verifies with one scheme: the webhook that declares another is told it would fail (was silent).
    expect(diagnostics.map((d) => [d.severity, d.code, d.pointer, d.message])).toEqual([
      [
        'warning',
        'model/webhook-signature',
        '#/webhooks/order.created/post/x-webhook-signature',
        "webhook order.created declares another signature than the document's x-webhook-signature: the client's unwrap verifies every delivery with that one, so a delivery of order.created fails verification",
      ],
    ]);
  });

  it('a webhook named like a schema does not take its name (both are exported types of the package)', () => {
    const { api, diagnostics } = build(`openapi: 3.1.0
info: { title: t, version: "1" }
paths: {}
webhooks:
  event:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Event' } } } }
      responses: { "200": { description: ok } }
components:
  schemas:
    Event: { type: object, properties: { type: { type: string } } }
`);
    expect(diagnostics).toEqual([]);
    expect(named(api, 'Event').identifier).toBe('Event');
    expect(api.webhooks[0]?.identifier).toBe('Event2');
    expect(api.renames).toContainEqual(expect.objectContaining({ pointer: '#/webhooks/event/post', from: 'event', to: 'Event2' }));
  });

  it('an invalid signature is an error naming each bad field', () => {
    const d = buildErrors(`openapi: 3.1.0
info: { title: t, version: "1" }
x-webhook-signature: { algorithm: md5, encoding: hex, signedContent: headers-and-body, challenge: { method: get } }
paths: {}
`);
    expect(d.map((x) => x.pointer)).toEqual([
      '#/x-webhook-signature/algorithm',
      '#/x-webhook-signature/header',
      '#/x-webhook-signature/signedContent',
      '#/x-webhook-signature/challenge',
    ]);
  });
});

describe('signature schemes', () => {
  const doc = (sig: string) => `openapi: 3.1.0
info: { title: t, version: "1" }
x-webhook-signature: ${sig}
paths: {}
`;

  it('scheme defaults to hmac; standard-webhooks fills in its headers, HMAC-SHA256, base64 and the id as idempotency key', () => {
    expect(build(doc('{ algorithm: hmac-sha256, header: X-Sig }')).api.webhookSignature?.scheme).toBe('hmac');
    expect(build(doc('{ scheme: standard-webhooks }')).api.webhookSignature).toEqual({
      scheme: 'standard-webhooks',
      algorithm: 'hmac-sha256',
      header: 'webhook-signature',
      encoding: 'base64',
      signedContent: 'id.timestamp.body',
      idHeader: 'webhook-id',
      timestampHeader: 'webhook-timestamp',
      idempotencyHeader: 'webhook-id',
    });
    expect(
      build(doc('{ scheme: standard-webhooks, header: svix-signature, idHeader: svix-id, timestampHeader: svix-timestamp, toleranceSeconds: 600 }')).api
        .webhookSignature,
    ).toMatchObject({ header: 'svix-signature', idHeader: 'svix-id', timestampHeader: 'svix-timestamp', idempotencyHeader: 'svix-id', toleranceSeconds: 600 });
  });

  it('timestamped: header required, HMAC-SHA256 by default, hex', () => {
    const { api, diagnostics } = build(doc('{ scheme: timestamped, header: Stripe-Signature }'));
    expect(diagnostics).toEqual([]);
    expect(api.webhookSignature).toEqual({
      scheme: 'timestamped',
      algorithm: 'hmac-sha256',
      header: 'Stripe-Signature',
      encoding: 'hex',
      signedContent: 'timestamp.body',
    });
    expect(build(doc('{ scheme: timestamped, header: X-Sig, algorithm: hmac-sha512, signedContent: timestamp.body }')).api.webhookSignature?.algorithm).toBe(
      'hmac-sha512',
    );
  });

  it('an unknown scheme, or a field that does not apply to the scheme, is an error at that field', () => {
    const pointers = (sig: string) => buildErrors(doc(sig)).map((d) => [d.pointer, d.message]);
    expect(pointers('{ scheme: jwt, header: X-Sig }')).toEqual([['#/x-webhook-signature/scheme', 'scheme must be hmac, standard-webhooks or timestamped']]);
    expect(
      pointers('{ scheme: standard-webhooks, algorithm: hmac-sha512, encoding: hex, prefix: "v1,", signedContent: raw-body, idHeader: 3 }').map((p) => p[0]),
    ).toEqual([
      '#/x-webhook-signature/algorithm',
      '#/x-webhook-signature/encoding',
      '#/x-webhook-signature/signedContent',
      '#/x-webhook-signature/prefix',
      '#/x-webhook-signature/idHeader',
    ]);
    expect(pointers('{ scheme: timestamped, encoding: base64, idHeader: x-id, toleranceSeconds: -1 }').map((p) => p[0])).toEqual([
      '#/x-webhook-signature/encoding',
      '#/x-webhook-signature/header',
      '#/x-webhook-signature/idHeader',
      '#/x-webhook-signature/toleranceSeconds',
    ]);
    expect(pointers('{ algorithm: hmac-sha256, header: X-Sig, toleranceSeconds: 60, timestampHeader: x-ts }').map((p) => p[0])).toEqual([
      '#/x-webhook-signature/timestampHeader',
      '#/x-webhook-signature/toleranceSeconds',
    ]);
  });
});
