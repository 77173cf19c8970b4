import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clientFixtures, outRoot, writeGenerated } from '../client/pipeline.js';
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
    await expect(verifyWebhook({ rawBody, headers: { 'x-sig': `sha256=${sign(rawBody, SECRET, 'base64')}` }, secret: SECRET, scheme: s2 })).resolves.toEqual(
      event,
    );
    await expect(verifyWebhook({ rawBody, headers: { 'x-sig': sign(rawBody, SECRET, 'base64') }, secret: SECRET, scheme: s2 })).rejects.toThrow(
      WebhookVerificationError,
    );
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

// ---------------------------------------------------------------------------------------------
// Standard Webhooks and timestamped (Stripe-like) schemes

/** The example of the Standard Webhooks specification (standardwebhooks.com), the official libraries' test vector. */
const SW = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const standard: WebhookSignatureScheme = {
  scheme: 'standard-webhooks',
  algorithm: 'hmac-sha256',
  header: 'webhook-signature',
  encoding: 'base64',
  idHeader: 'webhook-id',
  timestampHeader: 'webhook-timestamp',
  idempotencyHeader: 'webhook-id',
};
const swHeaders = (signature: string | string[] = SW.signature, over: Record<string, string | string[] | undefined> = {}) => ({
  'webhook-id': SW.id,
  'webhook-timestamp': String(SW.timestamp),
  'webhook-signature': signature,
  ...over,
});
/** The clock at `seconds` (ms, like Date.now). */
const at = (seconds: number) => () => seconds * 1000;
const swSign = (id: string, t: number | string, body: string, secret = SW.secret) =>
  `v1,${createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64'))
    .update(`${id}.${t}.${body}`)
    .digest('base64')}`;

const STRIPE_SECRET = 'whsec_test_0123456789abcdef'; // used verbatim (UTF-8), as Stripe does
const timestamped: WebhookSignatureScheme = { scheme: 'timestamped', algorithm: 'hmac-sha256', header: 'Payments-Signature', encoding: 'hex' };
const T = 1_700_000_000;
const tsSign = (t: number | string, body: string, secret = STRIPE_SECRET) => createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

/** The rejection of `p`, asserted to be a WebhookVerificationError (returns its message). */
async function rejection(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'rejects').toBeInstanceOf(WebhookVerificationError);
  return (err as Error).message;
}

describe('Standard Webhooks scheme', () => {
  it('verifies the specification example (official test vector)', async () => {
    await expect(verifyWebhook({ rawBody: SW.body, headers: swHeaders(), secret: SW.secret, scheme: standard, now: at(SW.timestamp) })).resolves.toEqual({
      test: 2432232314,
    });
    // Bytes, a Node Buffer, an ArrayBuffer and a Headers object verify the same.
    const bytes = new TextEncoder().encode(SW.body);
    await expect(
      verifyWebhook({
        rawBody: Buffer.from(SW.body),
        headers: new Headers(swHeaders() as Record<string, string>),
        secret: SW.secret,
        scheme: standard,
        now: at(SW.timestamp),
      }),
    ).resolves.toEqual({ test: 2432232314 });
    await expect(verifyWebhook({ rawBody: bytes.buffer, headers: swHeaders(), secret: SW.secret, scheme: standard, now: at(SW.timestamp) })).resolves.toEqual({
      test: 2432232314,
    });
  });

  it('takes the secret with or without the whsec_ prefix (base64 either way)', async () => {
    const secret = SW.secret.slice('whsec_'.length);
    await expect(verifyWebhook({ rawBody: SW.body, headers: swHeaders(), secret, scheme: standard, now: at(SW.timestamp) })).resolves.toBeDefined();
    await rejection(verifyWebhook({ rawBody: SW.body, headers: swHeaders(), secret: 'whsec_not base64!', scheme: standard, now: at(SW.timestamp) }));
  });

  it('key rotation: any of several space-separated signatures may match; other versions are ignored', async () => {
    const other = swSign(SW.id, SW.timestamp, SW.body, 'whsec_c2Vjb25kLXNlY3JldC1vZi0zMi1ieXRlcy0xMjM0NTY3OA==');
    const v1a = `v1a,${SW.signature.slice(3)}`; // the right bytes under another version: not accepted as v1
    for (const header of [`${other} ${SW.signature}`, `${SW.signature} ${other}`, `v2,abc ${v1a} ${SW.signature}`, [other, SW.signature]]) {
      await expect(
        verifyWebhook({ rawBody: SW.body, headers: swHeaders(header), secret: SW.secret, scheme: standard, now: at(SW.timestamp) }),
      ).resolves.toBeDefined();
    }
    expect(await rejection(verifyWebhook({ rawBody: SW.body, headers: swHeaders(v1a), secret: SW.secret, scheme: standard, now: at(SW.timestamp) }))).toBe(
      'No v1 signature in webhook-signature',
    );
    await rejection(verifyWebhook({ rawBody: SW.body, headers: swHeaders(other), secret: SW.secret, scheme: standard, now: at(SW.timestamp) }));
  });

  it('signs the id and the timestamp: changing either fails', async () => {
    await rejection(
      verifyWebhook({
        rawBody: SW.body,
        headers: swHeaders(undefined, { 'webhook-id': 'msg_other' }),
        secret: SW.secret,
        scheme: standard,
        now: at(SW.timestamp),
      }),
    );
    await rejection(
      verifyWebhook({
        rawBody: SW.body,
        headers: swHeaders(undefined, { 'webhook-timestamp': String(SW.timestamp + 1) }),
        secret: SW.secret,
        scheme: standard,
        now: at(SW.timestamp),
      }),
    );
    await rejection(verifyWebhook({ rawBody: `${SW.body} `, headers: swHeaders(), secret: SW.secret, scheme: standard, now: at(SW.timestamp) }));
  });

  it('tolerance: 300 s by default, in both directions; toleranceSeconds and the scheme change it', async () => {
    const verify = (now: number, extra: { toleranceSeconds?: number } = {}, scheme = standard) =>
      verifyWebhook({ rawBody: SW.body, headers: swHeaders(), secret: SW.secret, scheme, now: at(now), ...extra });
    await expect(verify(SW.timestamp + 300)).resolves.toBeDefined();
    await expect(verify(SW.timestamp - 300)).resolves.toBeDefined();
    expect(await rejection(verify(SW.timestamp + 301))).toBe('The webhook timestamp (webhook-timestamp) is older than 300 s');
    expect(await rejection(verify(SW.timestamp - 301))).toBe('The webhook timestamp (webhook-timestamp) is more than 300 s in the future');
    await rejection(verify(SW.timestamp + 11, { toleranceSeconds: 10 }));
    await rejection(verify(SW.timestamp - 11, { toleranceSeconds: 10 }));
    await expect(verify(SW.timestamp + 3600, { toleranceSeconds: 3600 })).resolves.toBeDefined();
    await expect(verify(SW.timestamp + 500, {}, { ...standard, toleranceSeconds: 600 })).resolves.toBeDefined();
    await rejection(verify(SW.timestamp + 500, { toleranceSeconds: 60 }, { ...standard, toleranceSeconds: 600 }));
    // The real clock is used by default: the 2021 example is far outside the window today.
    await rejection(verifyWebhook({ rawBody: SW.body, headers: swHeaders(), secret: SW.secret, scheme: standard }));
    await expect(verify(SW.timestamp, { toleranceSeconds: -1 })).rejects.toBeInstanceOf(TypeError);
  });

  it('a missing or non-numeric timestamp, a missing id or signature is a WebhookVerificationError', async () => {
    const verify = (headers: Record<string, string | string[] | undefined>) =>
      verifyWebhook({ rawBody: SW.body, headers, secret: SW.secret, scheme: standard, now: at(SW.timestamp) });
    for (const ts of [undefined, '', 'abc', '1614265330.5', '-1614265330', '1e9', '0x60376AF2', ' ', '99999999999999999999']) {
      await rejection(verify(swHeaders(undefined, { 'webhook-timestamp': ts })));
    }
    expect(await rejection(verify(swHeaders(undefined, { 'webhook-id': undefined })))).toBe('Missing webhook id header webhook-id');
    expect(await rejection(verify(swHeaders(undefined, { 'webhook-signature': undefined })))).toBe('Missing signature header webhook-signature');
  });

  it('the idempotency key is the webhook-id', () => {
    expect(webhookIdempotencyKey(swHeaders(), standard)).toBe(SW.id);
    const { idempotencyHeader: _i, idHeader: _h, ...bare } = standard;
    expect(webhookIdempotencyKey(swHeaders(), bare)).toBe(SW.id);
  });
});

describe('timestamped scheme (t=…,v1=…)', () => {
  const body = JSON.stringify({ id: 'evt_1', type: 'charge.succeeded', data: { amount: 100 } });
  const header = (value: string | string[] | undefined) => ({ 'Payments-Signature': value });
  const verify = (value: string | string[] | undefined, now = T, extra: { toleranceSeconds?: number } = {}) =>
    verifyWebhook({ rawBody: body, headers: header(value), secret: STRIPE_SECRET, scheme: timestamped, now: at(now), ...extra });

  it('verifies t and v1 (secret used as its UTF-8 bytes, whsec_ prefix included)', async () => {
    await expect(verify(`t=${T},v1=${tsSign(T, body)}`)).resolves.toEqual(JSON.parse(body));
    await expect(verify(`t=${T}, v1=${tsSign(T, body).toUpperCase()}`)).resolves.toBeDefined();
    // Any order; unknown keys (v0, scheme extensions) ignored.
    await expect(verify(`v0=deadbeef,v1=${tsSign(T, body)},t=${T}`)).resolves.toBeDefined();
  });

  it('key rotation: several v1 values, any one may match', async () => {
    await expect(verify(`t=${T},v1=${tsSign(T, body, 'old-secret')},v1=${tsSign(T, body)}`)).resolves.toBeDefined();
    await rejection(verify(`t=${T},v1=${tsSign(T, body, 'old-secret')},v1=${tsSign(T, body, 'older')}`));
  });

  it('signs t: another t, or the right signature with another body, fails', async () => {
    await rejection(verify(`t=${T + 1},v1=${tsSign(T, body)}`, T + 1));
    await rejection(
      verifyWebhook({ rawBody: `${body}\n`, headers: header(`t=${T},v1=${tsSign(T, body)}`), secret: STRIPE_SECRET, scheme: timestamped, now: at(T) }),
    );
  });

  it('tolerance both ways (default 300 s, toleranceSeconds, the scheme default)', async () => {
    const v = `t=${T},v1=${tsSign(T, body)}`;
    await expect(verify(v, T + 300)).resolves.toBeDefined();
    await expect(verify(v, T - 300)).resolves.toBeDefined();
    await rejection(verify(v, T + 301));
    await rejection(verify(v, T - 301));
    await expect(verify(v, T + 1000, { toleranceSeconds: 1000 })).resolves.toBeDefined();
    await rejection(verify(v, T - 1001, { toleranceSeconds: 1000 }));
    await expect(
      verifyWebhook({ rawBody: body, headers: header(v), secret: STRIPE_SECRET, scheme: { ...timestamped, toleranceSeconds: 600 }, now: at(T + 599) }),
    ).resolves.toBeDefined();
  });

  it('malformed headers are WebhookVerificationErrors', async () => {
    const good = tsSign(T, body);
    const cases: Array<string | string[] | undefined> = [
      undefined,
      '',
      `v1=${good}`, // no t
      `t=,v1=${good}`,
      `t=abc,v1=${good}`,
      `t=${T}.5,v1=${good}`,
      `t=${T}`, // no v1
      `t=${T},v1=`,
      `t=${T},v1=${good.slice(1)}`, // odd-length hex
      `t=${T},v1=${'zz'.repeat(32)}`, // not hex
      `t=${T},t=${T + 1},v1=${good}`, // two different timestamps
      `t ${T} v1 ${good}`,
      ',,,===,',
      `t=${T},v1=${'a'.repeat(9000)}`, // huge
    ];
    for (const c of cases) await rejection(verify(c));
    expect(await rejection(verify(`t=${T},v1=${'a'.repeat(9000)}`))).toBe('The Payments-Signature header is too long');
    // Header arrays (a Node record with repeated headers): joined, each part read.
    await expect(verify([`t=${T}`, `v1=${good}`])).resolves.toBeDefined();
  });
});

describe('malformed input never throws anything but WebhookVerificationError', () => {
  const schemes = { hmac: scheme, base64: { ...scheme, encoding: 'base64', prefix: 'sha256=' } as WebhookSignatureScheme, standard, timestamped };

  it('bad base64, odd-length hex, huge headers, arrays and non-string values in every scheme', async () => {
    const values: unknown[] = [
      '',
      ' ',
      ',',
      'v1,',
      'v1,!!!!',
      'v1,YQ', // base64 without padding, wrong length
      'sha256=%%%',
      'sha256=',
      'abc', // odd-length hex
      't=1,v1=abc',
      'x'.repeat(100_000),
      ['a', 'b'],
      [],
      [1, null, {}],
      42,
      null,
      { toString: () => 'v1,abc' },
    ];
    for (const [name, sch] of Object.entries(schemes)) {
      for (const v of values) {
        const headers = { [sch.header]: v, 'webhook-id': v, 'webhook-timestamp': v, 'x-improvado-idempotency-key': v } as unknown as Record<string, string>;
        const message = await rejection(verifyWebhook({ rawBody, headers, secret: SECRET, scheme: sch, now: at(T) }));
        expect(message, `${name} ${JSON.stringify(v)?.slice(0, 40)}`).not.toContain(SECRET);
      }
      await rejection(verifyWebhook({ rawBody, headers: null as unknown as Record<string, string>, secret: SECRET, scheme: sch, now: at(T) }));
    }
  });

  it('random header values (seeded) in every scheme', async () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const alphabet = 'v1t=,. +/_-0123456789abcdefABCDEF=whsec\u00e9\u0000';
    const text = () => Array.from({ length: Math.floor(rand() * 80) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let i = 0; i < 300; i++) {
      for (const sch of Object.values(schemes)) {
        const headers = {
          [sch.header]: rand() < 0.2 ? [text(), text()] : text(),
          'webhook-id': text(),
          'webhook-timestamp': rand() < 0.5 ? String(T) : text(),
        };
        await rejection(verifyWebhook({ rawBody: text(), headers, secret: SECRET, scheme: sch, now: at(T) }));
      }
    }
  });
});

describe('the raw body is required', () => {
  it('a parsed object (or anything but string/Uint8Array/Buffer/ArrayBuffer) is a TypeError that says so', async () => {
    for (const body of [JSON.parse(rawBody) as unknown, [1, 2], 42, null, undefined, true]) {
      for (const sch of [scheme, standard, timestamped]) {
        const err = await verifyWebhook({ rawBody: body as string, headers: { 'x-improvado-signature': sign(rawBody) }, secret: SECRET, scheme: sch }).catch(
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(TypeError);
        expect((err as Error).message).toMatch(/raw body is required: the exact bytes as received/);
        expect((err as Error).message).not.toContain(SECRET);
      }
    }
    const parsed = await verifyWebhook({ rawBody: { a: 1 } as unknown as string, headers: {}, secret: SECRET, scheme }).catch((e: Error) => e.message);
    expect(parsed).toContain('got a parsed object');
  });

  it('other typed-array views of the bytes are read as bytes', async () => {
    const bytes = new TextEncoder().encode(rawBody);
    const view = new DataView(bytes.buffer);
    await expect(
      verifyWebhook({ rawBody: view as unknown as Uint8Array, headers: { 'x-improvado-signature': sign(rawBody) }, secret: SECRET, scheme }),
    ).resolves.toEqual(event);
  });
});

describe('constant-time comparison', () => {
  it('timingSafeEqual reads every byte of both arrays, wherever they differ', () => {
    for (const differAt of [0, 16, 31]) {
      const reads = new Set<string>();
      const counted = (tag: string, bytes: Uint8Array) =>
        new Proxy(bytes, {
          get(target, key, receiver) {
            if (typeof key === 'string' && /^\d+$/.test(key)) reads.add(`${tag}${key}`);
            const v = Reflect.get(target, key, target) as unknown;
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : (v ?? receiver);
          },
        });
      const a = new Uint8Array(32).fill(7);
      const b = a.slice();
      b[differAt] = 8;
      expect(timingSafeEqual(counted('a', a), counted('b', b))).toBe(false);
      expect(reads.size).toBe(64);
    }
  });

  it('every scheme compares decoded bytes through timingSafeEqual only (no string or early-exit comparison)', () => {
    const source = readFileSync(new URL('../../runtime/webhooks.ts', import.meta.url), 'utf8');
    const body = (name: string) => {
      const start = source.indexOf(`async function ${name}(`);
      return source.slice(start, source.indexOf('\n}\n', start));
    };
    expect(source).toMatch(/function anyEqual[\s\S]*?for \(const c of candidates\) if \(c !== undefined && timingSafeEqual\(c, expected\)\) ok = true;/);
    for (const fn of ['verifyHmac', 'verifyStandard', 'verifyTimestamped']) {
      const text = body(fn);
      expect(text).toContain('anyEqual(candidates, expected)');
      expect(text).not.toMatch(/===\s*expected|expected\s*===|\.equals\(|Buffer\.compare|localeCompare/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// End to end: a node:http receiver using the generated fixture clients' webhooks modules

interface GeneratedWebhooks {
  unwrap(input: {
    rawBody: string | Uint8Array;
    headers: IncomingHttpHeaders;
    secret: string;
    now?: () => number;
    toleranceSeconds?: number;
  }): Promise<unknown>;
  verifyWebhook: unknown;
  webhookIdempotencyKey(headers: IncomingHttpHeaders): string | undefined;
  webhookSignature: WebhookSignatureScheme;
}

async function generatedWebhooks(name: string): Promise<GeneratedWebhooks> {
  const fixture = clientFixtures().find((f) => f.name === name);
  if (fixture === undefined) throw new Error(`no fixture ${name}`);
  const dir = await writeGenerated(fixture, path.join(outRoot, 'webhooks-e2e'));
  return (await import(pathToFileURL(path.join(dir, 'client/src/webhooks.ts')).href)) as GeneratedWebhooks;
}

/** A receiver on 127.0.0.1: reads the raw body, verifies it with `verify`, answers 200 with the event or 401. */
async function withReceiver(
  verify: (raw: Buffer, headers: IncomingHttpHeaders) => Promise<unknown>,
  run: (post: (body: string, headers: Record<string, string>) => Promise<{ status: number; body: string }>) => Promise<void>,
): Promise<void> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      verify(Buffer.concat(chunks), req.headers).then(
        (event) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(event)),
        (err: unknown) => res.writeHead(err instanceof Error && err.name === 'WebhookVerificationError' ? 401 : 500).end(String(err)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const post = (body: string, headers: Record<string, string>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: '/hooks', headers: { 'content-type': 'application/json', ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  try {
    await run(post);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('end to end: signed POSTs to a node:http receiver, verified by the generated webhooks modules', { timeout: 120_000 }, () => {
  it('Standard Webhooks (fixture webhooks-standard)', async () => {
    const mod = await generatedWebhooks('webhooks-standard');
    expect(mod.verifyWebhook).toBe(mod.unwrap);
    expect(mod.webhookSignature.scheme).toBe('standard-webhooks');
    const secret = `whsec_${Buffer.from('e2e-secret-with-32-bytes-of-key!').toString('base64')}`;
    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ type: 'message.sent', timestamp: '2026-12-06T10:00:00Z', data: { to: 'Ünïcødé ✓' } });
    // The sender signs with node:crypto, independently of the runtime.
    const signature = `v1,${createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
      .update(`msg_e2e_1.${now}.${body}`)
      .digest('base64')}`;
    const ids: Array<string | undefined> = [];
    await withReceiver(
      (raw, headers) => {
        ids.push(mod.webhookIdempotencyKey(headers));
        return mod.unwrap({ rawBody: raw, headers, secret });
      },
      async (post) => {
        const ok = await post(body, {
          'webhook-id': 'msg_e2e_1',
          'webhook-timestamp': String(now),
          'webhook-signature': `v1,c29tZXRoaW5nIGVsc2U= ${signature}`,
        });
        expect(ok).toEqual({ status: 200, body });
        expect(
          (await post(body.replace('sent', 'failed'), { 'webhook-id': 'msg_e2e_1', 'webhook-timestamp': String(now), 'webhook-signature': signature })).status,
        ).toBe(401);
        const old = now - 301;
        const oldSig = `v1,${createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
          .update(`msg_e2e_2.${old}.${body}`)
          .digest('base64')}`;
        expect((await post(body, { 'webhook-id': 'msg_e2e_2', 'webhook-timestamp': String(old), 'webhook-signature': oldSig })).status).toBe(401);
      },
    );
    expect(ids).toEqual(['msg_e2e_1', 'msg_e2e_1', 'msg_e2e_2']);
  });

  it('timestamped (fixture webhooks-timestamped, tolerance 600 s from the spec)', async () => {
    const mod = await generatedWebhooks('webhooks-timestamped');
    const secret = 'whsec_e2e_timestamped';
    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ id: 'evt_9', type: 'charge.succeeded', data: { amount: 1200 } });
    const sig = (t: number) => createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    await withReceiver(
      (raw, headers) => mod.unwrap({ rawBody: raw, headers, secret }),
      async (post) => {
        expect(await post(body, { 'Payments-Signature': `t=${now},v1=${sig(now)}` })).toEqual({ status: 200, body });
        expect((await post(body, { 'Payments-Signature': `t=${now - 500},v1=${sig(now - 500)}` })).status).toBe(200); // within the spec's 600 s
        expect((await post(body, { 'Payments-Signature': `t=${now - 700},v1=${sig(now - 700)}` })).status).toBe(401);
        expect((await post(body, { 'Payments-Signature': `t=${now},v1=${sig(now).slice(1)}` })).status).toBe(401);
      },
    );
  });

  it('HMAC over the raw body with a prefix (fixture webhook-events)', async () => {
    const mod = await generatedWebhooks('webhook-events');
    const secret = 'shop-secret';
    const body = JSON.stringify({ type: 'order.cancelled', order_id: 'o_1', reason: 'stock' });
    const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    await withReceiver(
      (raw, headers) => mod.unwrap({ rawBody: raw, headers, secret }),
      async (post) => {
        expect(await post(body, { 'X-Shop-Signature-256': signature, 'X-Shop-Delivery': 'd1' })).toEqual({ status: 200, body });
        expect((await post(body, { 'X-Shop-Signature-256': signature.slice('sha256='.length) })).status).toBe(401);
      },
    );
  });
});
