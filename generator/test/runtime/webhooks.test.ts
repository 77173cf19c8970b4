import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  challengeResponse,
  handleVerificationChallenge,
  timingSafeEqual,
  verifyWebhook,
  WebhookVerificationError,
  webhookIdempotencyKey,
  type WebhookSignatureScheme,
} from '../../runtime/webhooks.js';

const SECRET = 'a3f1'.repeat(16); // 64 hex chars, like Improvado's
// The IR's WebhookSignature, as the emitter passes it.
const scheme: WebhookSignatureScheme = {
  algorithm: 'hmac-sha256',
  header: 'X-Improvado-Signature',
  encoding: 'hex',
  signedContent: 'raw-body',
  idempotencyHeader: 'X-Improvado-Idempotency-Key',
  challenge: { method: 'get', challengeHeader: 'X-Improvado-Challenge', verifyTokenHeader: 'X-Improvado-Verify-Token', respondWith: 'challenge-text' },
};
const event = { id: 'evt_1', type: 'extraction_paused', timestamp: '2026-01-01T00:00:00Z', data: { workspace_title: 'Ünïcødé ✓' } };
const rawBody = JSON.stringify(event);
const sign = (body: string | Buffer, secret = SECRET, enc: 'hex' | 'base64' = 'hex') => createHmac('sha256', secret).update(body).digest(enc);

describe('verifyWebhook', () => {
  it('accepts a valid hex signature over the raw body (string, Uint8Array, ArrayBuffer; Headers or record)', async () => {
    const sig = sign(rawBody);
    const bytes = new TextEncoder().encode(rawBody);
    await expect(verifyWebhook({ rawBody, headers: { 'x-improvado-signature': sig }, secret: SECRET, scheme })).resolves.toEqual(event);
    await expect(verifyWebhook({ rawBody: bytes, headers: new Headers({ 'X-Improvado-Signature': sig }), secret: SECRET, scheme })).resolves.toEqual(event);
    await expect(verifyWebhook({ rawBody: bytes.buffer, headers: { 'X-IMPROVADO-SIGNATURE': [sig] }, secret: SECRET, scheme })).resolves.toEqual(event);
    await expect(verifyWebhook({ rawBody, headers: { 'x-improvado-signature': sig.toUpperCase() }, secret: SECRET, scheme })).resolves.toEqual(event);
  });

  it('rejects a wrong signature, a wrong secret, a changed body, a missing header — without the secret in the message', async () => {
    const cases = [
      { rawBody, headers: { 'x-improvado-signature': sign(rawBody, 'other') } },
      { rawBody: `${rawBody} `, headers: { 'x-improvado-signature': sign(rawBody) } },
      { rawBody, headers: { 'x-improvado-signature': 'zz' } },
      { rawBody, headers: { 'x-improvado-signature': sign(rawBody).slice(0, 62) } },
      { rawBody, headers: {} },
    ];
    for (const c of cases) {
      const err = await verifyWebhook({ ...c, secret: SECRET, scheme }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WebhookVerificationError);
      expect(JSON.stringify({ m: (err as Error).message, s: (err as Error).stack })).not.toContain(SECRET);
      expect((err as Error).message).not.toContain(sign(rawBody));
    }
    await expect(verifyWebhook({ rawBody, headers: {}, secret: SECRET, scheme })).rejects.toThrow('Missing signature header X-Improvado-Signature');
    await expect(verifyWebhook({ rawBody, headers: { 'x-improvado-signature': sign(rawBody) }, secret: '', scheme })).rejects.toThrow(WebhookVerificationError);
  });

  it('supports base64 and a prefix, and rejects a non-JSON body after a valid signature', async () => {
    const s2: WebhookSignatureScheme = { algorithm: 'hmac-sha256', header: 'x-sig', encoding: 'base64', prefix: 'sha256=' };
    await expect(verifyWebhook({ rawBody, headers: { 'x-sig': `sha256=${sign(rawBody, SECRET, 'base64')}` }, secret: SECRET, scheme: s2 })).resolves.toEqual(event);
    await expect(verifyWebhook({ rawBody, headers: { 'x-sig': sign(rawBody, SECRET, 'base64') }, secret: SECRET, scheme: s2 })).rejects.toThrow(WebhookVerificationError);
    await expect(verifyWebhook({ rawBody: 'not json', headers: { 'x-improvado-signature': sign('not json') }, secret: SECRET, scheme })).rejects.toThrow(
      'The webhook body is not valid JSON',
    );
  });

  it('sha512 and sha1 work too', async () => {
    const s512: WebhookSignatureScheme = { algorithm: 'hmac-sha512', header: 'x-sig', encoding: 'hex' };
    const sig = createHmac('sha512', SECRET).update(rawBody).digest('hex');
    await expect(verifyWebhook({ rawBody, headers: { 'x-sig': sig }, secret: SECRET, scheme: s512 })).resolves.toEqual(event);
    const s1: WebhookSignatureScheme = { algorithm: 'hmac-sha1', header: 'x-sig', encoding: 'hex' };
    const sig1 = createHmac('sha1', SECRET).update(rawBody).digest('hex');
    await expect(verifyWebhook({ rawBody, headers: { 'x-sig': sig1 }, secret: SECRET, scheme: s1 })).resolves.toEqual(event);
  });

  it('timingSafeEqual compares whole arrays', () => {
    expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
    expect(timingSafeEqual(new Uint8Array([]), new Uint8Array([0]))).toBe(false);
  });

  it('exposes the idempotency key', () => {
    expect(webhookIdempotencyKey({ 'x-improvado-idempotency-key': 'k1' }, scheme)).toBe('k1');
    expect(webhookIdempotencyKey({}, scheme)).toBeUndefined();
  });
});

describe('verification challenge', () => {
  const headers = { 'X-Improvado-Challenge': 'ch4ll3nge', 'X-Improvado-Verify-Token': SECRET };
  it('answers 200 with the exact challenge as text/plain', () => {
    expect(handleVerificationChallenge({ method: 'GET', headers }, scheme)).toEqual({
      status: 200,
      body: 'ch4ll3nge',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  });
  it('checks the verify token when a secret is given', () => {
    expect(handleVerificationChallenge({ method: 'GET', headers }, scheme, { secret: SECRET })?.status).toBe(200);
    const bad = handleVerificationChallenge({ method: 'GET', headers: { ...headers, 'X-Improvado-Verify-Token': 'nope' } }, scheme, { secret: SECRET });
    expect(bad?.status).toBe(403);
    expect(bad?.body).not.toContain(SECRET);
  });
  it('ignores requests that are not challenges', () => {
    expect(handleVerificationChallenge({ method: 'POST', headers }, scheme)).toBeUndefined();
    expect(handleVerificationChallenge({ method: 'GET', headers: {} }, scheme)).toBeUndefined();
    const { challenge: _c, ...noChallenge } = scheme;
    expect(handleVerificationChallenge({ method: 'GET', headers }, noChallenge)).toBeUndefined();
  });
  it('gives a fetch Response for fetch-style handlers', async () => {
    const res = challengeResponse(new Request('https://me.example.com/hook', { headers }), scheme);
    expect(res?.status).toBe(200);
    expect(res?.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res?.text()).toBe('ch4ll3nge');
  });
});
