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
    expect(w?.parameters.header.map((p) => [p.name, p.required, p.identifier])).toEqual([
      ['X-Improvado-Signature', true, 'xImprovadoSignature'],
      ['X-Improvado-Idempotency-Key', true, 'xImprovadoIdempotencyKey'],
    ]);
    expect(w?.signature).toBe(api.webhookSignature);
  });

  it('x-webhook-signature → WebhookSignature', () => {
    expect(api.webhookSignature).toEqual({
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
    const { api } = build(`openapi: 3.1.0
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
    expect(api.webhooks[1]?.signature).toEqual({ algorithm: 'hmac-sha512', header: 'X-Other', encoding: 'base64', signedContent: 'raw-body', prefix: 'sha512=' });
    expect(api.webhookSignature).toEqual({ algorithm: 'hmac-sha256', header: 'X-Sig', encoding: 'hex', signedContent: 'raw-body', inferred: true });
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
