/**
 * End to end over real HTTP: the generated Improvado client (packages/client/src) against a small Improvado-like
 * server on 127.0.0.1 written here with node:http. The server implements the token endpoint (Basic auth + the
 * `workspace_id` body), workspace resources behind Bearer tokens it issues and can expire, a paginated DRF list with
 * absolute `next` URLs, and checks every request it receives. Covers token renewal (401 → renew once → retry; renewal
 * before expiry and sliding expiry with the injectable clock `hooks.now`), retries (503, 429 + Retry-After), timeouts,
 * aborts, connection resets, typed errors, request ids, and webhook receiving (signature, tampering, challenge).
 *
 * Bounded: one server for the file, every request counted, the slowest test waits ~1 s (Retry-After: 1).
 */
import { createHmac } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ApiErrorLike,
  type ClientModule,
  type ConnectionLike,
  type Handler,
  json,
  loadClient,
  type Received,
  startServer,
  type TestServer,
} from './harness.js';

const USER = 'agency-user';
const PASSWORD = 'pä$$:word'; // non-ASCII and a colon: Basic must be base64 of the UTF-8 "user:pass"
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`, 'utf8').toString('base64')}`;
const WORKSPACE = 42;

let mod: ClientModule;
let server: TestServer;

/** The fake Improvado API: tokens it issued (token → workspace), and what it did. */
interface Fake {
  tokens: Map<string, { workspace: number; valid: boolean }>;
  issued: number;
  unauthorized: number;
  handler: Handler;
  /** Server-side expiry of every token issued so far. */
  expireAll(): void;
}

const connections: ConnectionLike[] = [1, 2, 3, 4, 5].map((id) => ({ id, title: `Connection ${id}`, datasource_name: 'facebook' }));

function fakeImprovado(extra?: (req: Received, res: ServerResponse) => boolean): Fake {
  const fake: Fake = {
    tokens: new Map(),
    issued: 0,
    unauthorized: 0,
    expireAll() {
      for (const t of fake.tokens.values()) t.valid = false;
    },
    handler(req, res) {
      const auth = req.headers.authorization;
      const id = `req-${server.requests.length}`;
      if (req.method === 'POST' && req.pathname === '/api/v3/token') {
        // The token call: Basic credentials and a JSON body with the workspace id.
        if (auth !== BASIC) {
          fake.unauthorized++;
          return json(res, 401, { details: 'Invalid Basic credentials.' }, { 'x-request-id': id });
        }
        expect(req.headers['content-type']).toMatch(/^application\/json/);
        const body = JSON.parse(req.body) as { workspace_id?: unknown };
        expect(body).toEqual({ workspace_id: WORKSPACE });
        const token = `tok-${++fake.issued}`;
        fake.tokens.set(token, { workspace: WORKSPACE, valid: true });
        return json(res, 200, { token }, { 'x-request-id': id });
      }
      if (extra?.(req, res)) return;
      const ws = /^\/api\/v3\/workspaces\/(\d+)$/.exec(req.pathname);
      if (ws) {
        // Agency-level: Basic.
        if (auth !== BASIC) {
          fake.unauthorized++;
          return json(res, 401, { details: 'Invalid Basic credentials.' }, { 'x-request-id': id });
        }
        const wid = Number(ws[1]);
        if (wid !== WORKSPACE) return json(res, 404, { details: `Workspace ${wid} not found.` }, { 'x-request-id': id });
        return json(res, 200, { id: wid, title: 'Main' }, { 'x-request-id': id });
      }
      // Workspace resources: Bearer with a valid token.
      const bearer = /^Bearer (.+)$/.exec(auth ?? '')?.[1];
      const info = bearer === undefined ? undefined : fake.tokens.get(bearer);
      if (!info?.valid) {
        fake.unauthorized++;
        return json(res, 401, { details: 'Invalid or expired token.' }, { 'x-request-id': id });
      }
      const list = /^\/api\/v3\/datasources\/([^/]+)\/connections$/.exec(req.pathname);
      if (req.method === 'GET' && list) {
        const name = decodeURIComponent(list[1] ?? '');
        const page = Number(req.query.get('page') ?? '1');
        const size = Number(req.query.get('page_size') ?? '2');
        const rows = connections.filter((c) => c.datasource_name === name);
        const start = (page - 1) * size;
        if (start >= rows.length && page > 1) return json(res, 404, { details: 'Invalid page.' }, { 'x-request-id': id });
        const link = (p: number) => `${server.url}/api/v3/datasources/${encodeURIComponent(name)}/connections?page=${p}&page_size=${size}`;
        return json(
          res,
          200,
          {
            count: rows.length,
            next: start + size < rows.length ? link(page + 1) : null,
            previous: page > 1 ? link(page - 1) : null,
            results: rows.slice(start, start + size),
          },
          { 'x-request-id': id },
        );
      }
      return json(res, 404, { details: 'Not found.' }, { 'x-request-id': id });
    },
  };
  return fake;
}

beforeAll(async () => {
  mod = await loadClient();
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => server.reset());

function client(extra: Record<string, unknown> = {}) {
  return new mod.Improvado({
    baseUrl: server.url,
    auth: { basicAuth: { username: USER, password: PASSWORD }, bearerAuth: { workspace_id: WORKSPACE } },
    ...extra,
  });
}

async function rejection(p: PromiseLike<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

const noSleep = { sleep: async () => undefined };

describe('auth against the token endpoint', () => {
  it('gets a token with Basic + workspace_id, then calls workspace resources with Bearer; Basic operations use Basic', async () => {
    const fake = fakeImprovado();
    server.reset(fake.handler);
    const c = client();
    const page = await c.datasources.connections.list('facebook', { page_size: 2 });
    expect(page.data.map((x) => x.id)).toEqual([1, 2]);
    const ws = await c.workspaces.retrieve(WORKSPACE);
    expect(ws).toEqual({ id: WORKSPACE, title: 'Main' });

    const seen = server.requests.map((r) => `${r.method} ${r.url} ${r.headers.authorization}`);
    expect(seen).toEqual([
      `POST /api/v3/token ${BASIC}`,
      'GET /api/v3/datasources/facebook/connections?page_size=2 Bearer tok-1',
      `GET /api/v3/workspaces/42 ${BASIC}`,
    ]);
    expect(fake.unauthorized).toBe(0);
  });

  it('concurrent first calls share one token request', async () => {
    const fake = fakeImprovado();
    server.reset(fake.handler);
    const c = client();
    const pages = await Promise.all([1, 2, 3, 4].map(() => c.datasources.connections.list('facebook')));
    expect(pages.every((p) => p.data.length === 2)).toBe(true);
    expect(server.requests.filter((r) => r.pathname === '/api/v3/token')).toHaveLength(1);
    expect(server.requests.filter((r) => r.headers.authorization === 'Bearer tok-1')).toHaveLength(4);
  });

  it('a token expired server-side → 401 → the client renews once and retries once', async () => {
    const fake = fakeImprovado();
    server.reset(fake.handler);
    const c = client();
    await c.datasources.connections.list('facebook');
    fake.expireAll();
    const page = await c.datasources.connections.list('facebook');
    expect(page.data).toHaveLength(2);
    expect(server.requests.map((r) => `${r.method} ${r.pathname} ${r.headers.authorization?.split(' ')[0]}`)).toEqual([
      'POST /api/v3/token Basic',
      'GET /api/v3/datasources/facebook/connections Bearer',
      'GET /api/v3/datasources/facebook/connections Bearer', // tok-1, expired → 401
      'POST /api/v3/token Basic',
      'GET /api/v3/datasources/facebook/connections Bearer', // tok-2
    ]);
    expect(server.requests.map((r) => r.headers.authorization).slice(1)).toEqual(['Bearer tok-1', 'Bearer tok-1', BASIC, 'Bearer tok-2']);
    expect(fake.unauthorized).toBe(1);
  });

  it('a 401 after renewal is not renewed again: AuthenticationError after exactly one renewal', async () => {
    const fake = fakeImprovado((req, res) => {
      if (req.pathname.endsWith('/connections')) {
        json(res, 401, { details: 'Invalid or expired token.' }, { 'x-request-id': 'r-401' });
        return true;
      }
      return false;
    });
    server.reset(fake.handler);
    const err = (await rejection(client().datasources.connections.list('facebook'))) as ApiErrorLike;
    expect(err).toBeInstanceOf(mod.AuthenticationError);
    expect(err.status).toBe(401);
    expect(err.requestId).toBe('r-401');
    expect(server.requests.map((r) => r.pathname)).toEqual([
      '/api/v3/token',
      '/api/v3/datasources/facebook/connections',
      '/api/v3/token',
      '/api/v3/datasources/facebook/connections',
    ]);
  });

  it('wrong Basic credentials on the token call → AuthenticationError, no workspace call made', async () => {
    server.reset(fakeImprovado().handler);
    const c = new mod.Improvado({
      baseUrl: server.url,
      auth: { basicAuth: { username: USER, password: 'wrong' }, bearerAuth: { workspace_id: WORKSPACE } },
    });
    const err = await rejection(c.datasources.connections.list('facebook'));
    expect(err).toBeInstanceOf(mod.AuthenticationError);
    expect(server.requests.map((r) => r.pathname)).toEqual(['/api/v3/token']);
    // The password never shows in the error.
    expect(JSON.stringify(err) + String(err)).not.toContain('wrong');
  });

  it('renews before expiry (injectable clock): 30 min lifetime, renewed within the last 60 s, no 401 seen', async () => {
    const fake = fakeImprovado();
    server.reset(fake.handler);
    let now = 1_000_000_000_000;
    const start = now;
    const c = client({ hooks: { now: () => now } });
    await c.datasources.connections.list('facebook');
    now = start + 1_739_000; // 61 s before expiry: still used
    await c.datasources.connections.list('facebook');
    expect(fake.issued).toBe(1);
    now = start + 1_739_000 + 1_800_000 - 59_000; // 59 s before the (slid) expiry: renewed first
    await c.datasources.connections.list('facebook');
    expect(fake.issued).toBe(2);
    expect(fake.unauthorized).toBe(0);
    expect(server.requests.map((r) => r.pathname)).toEqual([
      '/api/v3/token',
      '/api/v3/datasources/facebook/connections',
      '/api/v3/datasources/facebook/connections',
      '/api/v3/token',
      '/api/v3/datasources/facebook/connections',
    ]);
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer tok-2');
  });

  it('sliding expiry: each use extends the token, so regular use never renews; an idle token is renewed', async () => {
    const fake = fakeImprovado();
    server.reset(fake.handler);
    let now = 1_000_000_000_000;
    const c = client({ hooks: { now: () => now } });
    for (let i = 0; i < 5; i++) {
      await c.datasources.connections.list('facebook');
      now += 25 * 60_000; // 25 min between calls: 2 h in all, far past a fixed 30 min lifetime
    }
    expect(fake.issued).toBe(1);
    now += 10 * 60_000; // idle 35 min since the last use
    await c.datasources.connections.list('facebook');
    expect(fake.issued).toBe(2);
    expect(fake.unauthorized).toBe(0);
  });

  it('a ready token (string) bypasses the token endpoint', async () => {
    const fake = fakeImprovado();
    server.reset(fake.handler);
    fake.tokens.set('static', { workspace: WORKSPACE, valid: true });
    const c = new mod.Improvado({ baseUrl: server.url, auth: { bearerAuth: 'static' } });
    await c.datasources.connections.list('facebook');
    expect(server.requests.map((r) => `${r.pathname} ${r.headers.authorization}`)).toEqual(['/api/v3/datasources/facebook/connections Bearer static']);
  });
});

describe('pagination', () => {
  it('for await walks three pages following DRF envelopes with absolute next URLs', async () => {
    const fake = fakeImprovado();
    server.reset(fake.handler);
    const c = client();
    const datasourceName = 'facebook';
    const ids: number[] = [];
    for await (const conn of c.datasources.connections.list(datasourceName, { page_size: 2 })) ids.push(conn.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    const lists = server.requests.filter((r) => r.pathname.endsWith('/connections'));
    expect(lists.map((r) => r.url)).toEqual([
      '/api/v3/datasources/facebook/connections?page_size=2',
      '/api/v3/datasources/facebook/connections?page_size=2&page=2',
      '/api/v3/datasources/facebook/connections?page_size=2&page=3',
    ]);
    expect(lists.every((r) => r.headers.authorization === 'Bearer tok-1')).toBe(true);
  });

  it('page by page: hasNextPage / getNextPage / iterPages', async () => {
    server.reset(fakeImprovado().handler);
    const first = await client().datasources.connections.list('facebook', { page_size: 2 });
    expect(first.hasNextPage()).toBe(true);
    const sizes: number[] = [];
    for await (const p of first.iterPages()) sizes.push(p.data.length);
    expect(sizes).toEqual([2, 2, 1]);
    const second = await first.getNextPage();
    expect(second.data.map((x) => x.id)).toEqual([3, 4]);
    expect(second.requestId).toMatch(/^req-/);
  });
});

describe('retries', () => {
  it('503 then 200 on a GET: retried once (Retry-After: 0)', async () => {
    let n = 0;
    server.reset((_req, res) => {
      n++;
      if (n === 1) return json(res, 503, { details: 'busy' }, { 'retry-after': '0' });
      json(res, 200, { id: 42, title: 'Main' });
    });
    const ws = await new mod.Improvado({ baseUrl: server.url, auth: { basicAuth: { username: USER, password: PASSWORD } } }).workspaces.retrieve(42);
    expect(ws.title).toBe('Main');
    expect(server.requests).toHaveLength(2);
  });

  it('429 with Retry-After: 1 waits about a second, then succeeds', async () => {
    let n = 0;
    server.reset((_req, res) => {
      n++;
      if (n === 1) return json(res, 429, { details: 'slow down' }, { 'retry-after': '1' });
      json(res, 200, { id: 42, title: 'Main' });
    });
    const started = Date.now();
    await new mod.Improvado({ baseUrl: server.url }).workspaces.retrieve(42);
    const elapsed = Date.now() - started;
    expect(server.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('503 on every attempt: maxRetries + 1 attempts, then InternalServerError with the last request id', async () => {
    server.reset((_req, res) => json(res, 503, { details: 'down' }, { 'retry-after': '0', 'x-request-id': `rid-${server.requests.length}` }));
    const err = (await rejection(new mod.Improvado({ baseUrl: server.url, maxRetries: 3 }).workspaces.retrieve(42))) as ApiErrorLike;
    expect(err).toBeInstanceOf(mod.InternalServerError);
    expect(err.status).toBe(503);
    expect(err.requestId).toBe('rid-4');
    expect(server.requests).toHaveLength(4);
  });

  it('a POST is not retried on 503 unless retryNonIdempotent', async () => {
    server.reset((_req, res) => json(res, 503, { details: 'down' }, { 'retry-after': '0' }));
    const c = new mod.Improvado({ baseUrl: server.url, auth: { basicAuth: { username: USER, password: PASSWORD } } });
    expect(await rejection(c.workspaces.create({ title: 'x' }))).toBeInstanceOf(mod.InternalServerError);
    expect(server.requests).toHaveLength(1);
    server.reset((_req, res) => json(res, 503, { details: 'down' }, { 'retry-after': '0' }));
    expect(await rejection(c.workspaces.create({ title: 'x' }, { retryNonIdempotent: true }))).toBeInstanceOf(mod.InternalServerError);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((r) => r.body === '{"title":"x"}')).toBe(true);
  });
});

describe('timeouts, aborts and connection errors', () => {
  /** Answers after `ms` unless the client went away first. */
  const slow =
    (ms: number): Handler =>
    (_req, res) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          if (!res.destroyed) json(res, 200, { id: 42, title: 'late' });
          resolve();
        }, ms);
        res.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });

  it('a slow reply becomes TimeoutError (timeoutMs 100, no retries)', async () => {
    server.reset(slow(2_000));
    const started = Date.now();
    const err = await rejection(new mod.Improvado({ baseUrl: server.url, timeoutMs: 100, maxRetries: 0 }).workspaces.retrieve(42));
    expect(err).toBeInstanceOf(mod.TimeoutError);
    expect(err).toBeInstanceOf(mod.ConnectionError);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(server.requests).toHaveLength(1);
  });

  it('timeouts are retried: 1 + maxRetries attempts, then TimeoutError', async () => {
    server.reset(slow(2_000));
    const sleeps: number[] = [];
    const c = new mod.Improvado({
      baseUrl: server.url,
      timeoutMs: 100,
      maxRetries: 2,
      hooks: { sleep: async (ms: number) => void sleeps.push(ms) },
    });
    expect(await rejection(c.workspaces.retrieve(42))).toBeInstanceOf(mod.TimeoutError);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('a per-request timeoutMs overrides the client one; a fast reply is not affected', async () => {
    server.reset(slow(150));
    const c = new mod.Improvado({ baseUrl: server.url, timeoutMs: 50, maxRetries: 0 });
    expect((await c.workspaces.retrieve(42, { timeoutMs: 2_000 })).title).toBe('late');
  });

  it('an AbortSignal aborts the call: AbortError with the reason as cause, not retried', async () => {
    server.reset(slow(2_000));
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    setTimeout(() => controller.abort(reason), 80);
    const err = (await rejection(new mod.Improvado({ baseUrl: server.url, maxRetries: 2 }).workspaces.retrieve(42, { signal: controller.signal }))) as Error;
    expect(err).toBeInstanceOf(mod.AbortError);
    expect(err).not.toBeInstanceOf(mod.ConnectionError);
    expect(err.cause).toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    server.reset(slow(10));
    const err = await rejection(new mod.Improvado({ baseUrl: server.url }).workspaces.retrieve(42, { signal: AbortSignal.abort() }));
    expect(err).toBeInstanceOf(mod.AbortError);
    expect(server.requests).toHaveLength(0);
  });

  it('a connection reset (socket destroyed) → ConnectionError after the retries', async () => {
    server.reset((_req, _res, raw) => {
      raw.socket.destroy();
    });
    const sleeps: number[] = [];
    const c = new mod.Improvado({
      baseUrl: server.url,
      maxRetries: 2,
      hooks: { sleep: async (ms: number) => void sleeps.push(ms), random: () => 0 },
    });
    const err = (await rejection(c.workspaces.retrieve(42))) as Error;
    expect(err).toBeInstanceOf(mod.ConnectionError);
    expect(err).not.toBeInstanceOf(mod.TimeoutError);
    expect(err.cause).toBeDefined();
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]); // exponential backoff, no jitter with random() = 0
  });

  it('nothing listening (connection refused) → ConnectionError', async () => {
    const gone = await startServer();
    const url = gone.url;
    await gone.close();
    const err = await rejection(new mod.Improvado({ baseUrl: url, maxRetries: 1, hooks: noSleep }).workspaces.retrieve(42));
    expect(err).toBeInstanceOf(mod.ConnectionError);
  });
});

describe('errors and request ids', () => {
  it('404 → NotFoundError with the typed body { details } and the request id', async () => {
    server.reset(fakeImprovado().handler);
    const c = client();
    const err = (await rejection(c.workspaces.retrieve(7))) as ApiErrorLike;
    expect(err).toBeInstanceOf(mod.NotFoundError);
    expect(err).toBeInstanceOf(mod.ApiError);
    expect(err).toBeInstanceOf(mod.SdkError);
    expect(err.status).toBe(404);
    expect(err.body).toEqual({ details: 'Workspace 7 not found.' });
    expect(err.requestId).toBe('req-1');
    expect(err.headers.get('content-type')).toBe('application/json');
    expect(err.message).toContain('404');
    expect(err.message).toContain('Workspace 7 not found.');
    expect(err.message).toContain('req-1');
    expect(server.requests).toHaveLength(1); // 404 is not retried
  });

  it('.withResponse() gives the data, the raw response and the request id', async () => {
    server.reset(fakeImprovado().handler);
    const r = await client().workspaces.retrieve(WORKSPACE).withResponse();
    expect(r.data).toEqual({ id: WORKSPACE, title: 'Main' });
    expect(r.response.status).toBe(200);
    expect(r.requestId).toBe('req-1');
    expect(r.headers.get('x-request-id')).toBe('req-1');
  });

  it('the request id is also read from a page (.withResponse on a list)', async () => {
    server.reset(fakeImprovado().handler);
    const r = await client().datasources.connections.list('facebook').withResponse();
    expect(r.requestId).toBe('req-2'); // after the token call
    expect(r.data.data).toHaveLength(2);
  });

  it('a 204 delete resolves to undefined', async () => {
    server.reset((req, res) => {
      expect(req.method).toBe('DELETE');
      expect(req.pathname).toBe('/api/v3/datasources/facebook/connections/3');
      res.writeHead(204, { 'x-request-id': 'del-1' });
      res.end();
    });
    const r = await new mod.Improvado({ baseUrl: server.url, auth: { bearerAuth: 't' } }).datasources.connections.delete('facebook', 3).withResponse();
    expect(r.data).toBeUndefined();
    expect(r.requestId).toBe('del-1');
  });
});

describe('webhooks (the test server is the receiver)', () => {
  const secret = 'whsec_test_0123456789';
  const event = { id: 'evt_1', type: 'extraction_paused', timestamp: '2026-11-29T10:00:00Z', data: { workspace_title: 'Main' } };

  /** A receiver written with the client's webhook helpers, as the README shows, behind node:http. */
  function receiver(received: unknown[]): Handler {
    const seen = new Set<string>();
    return async (req, res) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const init: RequestInit = { method: req.method, headers };
      if (req.method !== 'GET' && req.method !== 'HEAD') init.body = req.body;
      const request = new Request(`${server.url}${req.url}`, init);
      let response: Response;
      const challenge = mod.challengeResponse(request, { secret });
      if (challenge) response = challenge;
      else {
        const key = mod.webhookIdempotencyKey(request.headers);
        if (key !== undefined && seen.has(key)) response = new Response('duplicate', { status: 200 });
        else {
          try {
            received.push(await mod.verifyWebhook({ rawBody: await request.text(), headers: request.headers, secret }));
            if (key !== undefined) seen.add(key);
            response = new Response('ok', { status: 200 });
          } catch (err) {
            if (!(err instanceof mod.WebhookVerificationError)) throw err;
            response = new Response(`bad signature: ${err.message}`, { status: 401 });
          }
        }
      }
      const text = await response.text();
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(text);
    };
  }

  const sign = (raw: string, key = secret) => createHmac('sha256', key).update(raw, 'utf8').digest('hex');

  it('a delivery signed with HMAC-SHA256 (hex) verifies and is parsed; a replay is de-duplicated', async () => {
    const received: unknown[] = [];
    server.reset(receiver(received));
    const raw = JSON.stringify(event);
    const post = () =>
      fetch(`${server.url}/hooks/improvado`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-improvado-signature': sign(raw),
          'x-improvado-idempotency-key': 'delivery-1',
        },
        body: raw,
      });
    const first = await post();
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('ok');
    expect(received).toEqual([event]);
    const again = await post();
    expect(await again.text()).toBe('duplicate');
    expect(received).toHaveLength(1);
  });

  it('a tampered body, a wrong secret or a missing signature is rejected (and the secret is not echoed)', async () => {
    const received: unknown[] = [];
    server.reset(receiver(received));
    const raw = JSON.stringify(event);
    const tampered = raw.replace('Main', 'Evil');
    const cases: Array<[string, Record<string, string>]> = [
      [tampered, { 'x-improvado-signature': sign(raw) }],
      [raw, { 'x-improvado-signature': sign(raw, 'other-secret') }],
      [raw, {}],
      [raw, { 'x-improvado-signature': sign(raw).toUpperCase().slice(0, 40) }],
    ];
    for (const [body, headers] of cases) {
      const r = await fetch(`${server.url}/hooks/improvado`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      expect(r.status).toBe(401);
      const text = await r.text();
      expect(text).toMatch(/^bad signature/);
      expect(text).not.toContain(secret);
    }
    expect(received).toEqual([]);
  });

  it('verifyWebhook directly: accepts the signature in any hex case, rejects a one-byte change', async () => {
    const raw = JSON.stringify(event);
    await expect(mod.verifyWebhook({ rawBody: raw, headers: { 'X-Improvado-Signature': sign(raw).toUpperCase() }, secret })).resolves.toEqual(event);
    const bytes = new TextEncoder().encode(raw);
    await expect(mod.verifyWebhook({ rawBody: bytes, headers: { 'x-improvado-signature': sign(raw) }, secret })).resolves.toEqual(event);
    const at = bytes.length - 2;
    bytes[at] = (bytes[at] ?? 0) ^ 1;
    await expect(mod.verifyWebhook({ rawBody: bytes, headers: { 'x-improvado-signature': sign(raw) }, secret })).rejects.toBeInstanceOf(
      mod.WebhookVerificationError,
    );
  });

  it('the verification challenge is answered with the challenge text (200, text/plain); a wrong verify token gets 403', async () => {
    server.reset(receiver([]));
    const ok = await fetch(`${server.url}/hooks/improvado`, {
      headers: { 'x-improvado-challenge': 'chal-8f3a', 'x-improvado-verify-token': secret },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ok.text()).toBe('chal-8f3a');
    const bad = await fetch(`${server.url}/hooks/improvado`, {
      headers: { 'x-improvado-challenge': 'chal-8f3a', 'x-improvado-verify-token': 'nope' },
    });
    expect(bad.status).toBe(403);
    expect(await bad.text()).not.toBe('chal-8f3a');
    expect(mod.handleVerificationChallenge({ method: 'GET', headers: { 'X-Improvado-Challenge': 'abc' } })).toMatchObject({
      status: 200,
      body: 'abc',
    });
  });
});

describe('more pipeline behaviour over HTTP', () => {
  it('a POST with a provider token is renewed and replayed once on 401 (same body)', async () => {
    const fake = fakeImprovado((req, res) => {
      if (req.method === 'POST' && req.pathname === '/api/v3/datasources/facebook/external-auth-links') {
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
        if (!fake.tokens.get(token)?.valid) {
          fake.unauthorized++;
          json(res, 401, { details: 'Invalid or expired token.' });
        } else json(res, 201, { id: 1, url: 'https://example.com/link', echo: JSON.parse(req.body) });
        return true;
      }
      return false;
    });
    server.reset(fake.handler);
    const c = client();
    await c.datasources.connections.list('facebook');
    fake.expireAll();
    const created = await c.datasources.externalAuthLinks.create('facebook', { send_email: true });
    expect(created).toMatchObject({ id: 1, echo: { send_email: true } });
    const posts = server.requests.filter((r) => r.pathname.endsWith('/external-auth-links'));
    expect(posts.map((r) => [r.headers.authorization, r.body])).toEqual([
      ['Bearer tok-1', '{"send_email":true}'],
      ['Bearer tok-2', '{"send_email":true}'],
    ]);
  });

  it('concurrent calls that all get 401 share one renewal', async () => {
    const fake = fakeImprovado();
    server.reset(fake.handler);
    const c = client();
    await c.datasources.connections.list('facebook');
    fake.expireAll();
    const pages = await Promise.all([1, 2, 3].map(() => c.datasources.connections.list('facebook')));
    expect(pages.map((p) => p.data.length)).toEqual([2, 2, 2]);
    expect(fake.issued).toBe(2);
    expect(server.requests.filter((r) => r.pathname === '/api/v3/token')).toHaveLength(2);
  });

  it('withOptions() shares the cached token (no second token call)', async () => {
    const fake = fakeImprovado();
    server.reset(fake.handler);
    const c = client();
    await c.datasources.connections.list('facebook');
    await c.withOptions({ timeoutMs: 5_000, headers: { 'x-app': 'e2e' } }).datasources.connections.list('facebook');
    expect(fake.issued).toBe(1);
    expect(server.requests.at(-1)?.headers['x-app']).toBe('e2e');
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer tok-1');
  });

  it('the token call itself is retried on 503', async () => {
    let tokenCalls = 0;
    const fake = fakeImprovado();
    server.reset((req, res, raw) => {
      if (req.pathname === '/api/v3/token' && ++tokenCalls === 1) return json(res, 503, { details: 'busy' }, { 'retry-after': '0' });
      return fake.handler(req, res, raw);
    });
    const page = await client().datasources.connections.list('facebook');
    expect(page.data).toHaveLength(2);
    expect(server.requests.map((r) => r.pathname)).toEqual(['/api/v3/token', '/api/v3/token', '/api/v3/datasources/facebook/connections']);
  });

  it('Retry-After over 60 s is not waited for: RateLimitError at once, one attempt', async () => {
    server.reset((_req, res) => json(res, 429, { details: 'later' }, { 'retry-after': '120' }));
    const started = Date.now();
    const err = (await rejection(new mod.Improvado({ baseUrl: server.url }).workspaces.retrieve(42))) as ApiErrorLike;
    expect(err).toBeInstanceOf(mod.RateLimitError);
    expect(err.headers.get('retry-after')).toBe('120');
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('Retry-After as an HTTP date is honoured', async () => {
    let n = 0;
    server.reset((_req, res) => {
      if (++n === 1) return json(res, 503, { details: 'busy' }, { 'retry-after': new Date(Date.now() - 1_000).toUTCString() });
      json(res, 200, { id: 42, title: 'Main' });
    });
    expect((await new mod.Improvado({ baseUrl: server.url }).workspaces.retrieve(42)).id).toBe(42);
    expect(server.requests).toHaveLength(2);
  });

  it('an abort during the retry wait ends the call with AbortError (no further attempt)', async () => {
    server.reset((_req, res) => json(res, 503, { details: 'busy' }, { 'retry-after': '5' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    const err = await rejection(new mod.Improvado({ baseUrl: server.url }).workspaces.retrieve(42, { signal: controller.signal }));
    expect(err).toBeInstanceOf(mod.AbortError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  it('x-should-retry: false stops retries of a 503; true retries a 400', async () => {
    server.reset((_req, res) => json(res, 503, { details: 'no' }, { 'x-should-retry': 'false' }));
    expect(await rejection(new mod.Improvado({ baseUrl: server.url }).workspaces.retrieve(42))).toBeInstanceOf(mod.InternalServerError);
    expect(server.requests).toHaveLength(1);
    let n = 0;
    server.reset((_req, res) => {
      if (++n === 1) return json(res, 400, { details: 'flaky' }, { 'x-should-retry': 'true', 'retry-after': '0' });
      json(res, 200, { id: 42, title: 'Main' });
    });
    expect((await new mod.Improvado({ baseUrl: server.url }).workspaces.retrieve(42)).id).toBe(42);
    expect(server.requests).toHaveLength(2);
  });

  it('a 2xx body that is not JSON rejects with SdkError; an error body that is not JSON is kept as text', async () => {
    server.reset((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{not json');
    });
    const err = await rejection(new mod.Improvado({ baseUrl: server.url }).workspaces.retrieve(42));
    expect(err).toBeInstanceOf(mod.SdkError);
    expect(err).not.toBeInstanceOf(mod.ApiError);
    server.reset((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not Found</h1>');
    });
    const notFound = (await rejection(new mod.Improvado({ baseUrl: server.url }).workspaces.retrieve(42))) as ApiErrorLike;
    expect(notFound).toBeInstanceOf(mod.NotFoundError);
    expect(notFound.body).toBe('<h1>Not Found</h1>');
  });

  it('timeoutMs bounds the whole attempt, body included: a body slower than the timeout is a TimeoutError', async () => {
    server.reset((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":42,');
      const timer = setTimeout(() => res.end('"title":"slow body"}'), 300);
      res.on('close', () => clearTimeout(timer));
    });
    const err = await rejection(new mod.Improvado({ baseUrl: server.url, timeoutMs: 100, maxRetries: 0 }).workspaces.retrieve(42));
    expect(err).toBeInstanceOf(mod.TimeoutError);
    const ws = await new mod.Improvado({ baseUrl: server.url, timeoutMs: 5_000, maxRetries: 0 }).workspaces.retrieve(42);
    expect(ws.title).toBe('slow body');
  });
});

describe('more auth forms over HTTP', () => {
  it('cookie session + workspace header (Node sends the Cookie header)', async () => {
    server.reset((_req, res) => json(res, 200, { count: 0, next: null, previous: null, results: [] }));
    const c = new mod.Improvado({ baseUrl: server.url, auth: { sessionCookie: 'sess-1', workspaceHeader: '42' } });
    await c.datasources.connections.list('facebook');
    expect(server.requests[0]?.headers.cookie).toBe('dts_session_id=sess-1');
    expect(server.requests[0]?.headers['x-im-workspace-id']).toBe('42');
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('a bearer credential function is called before each attempt', async () => {
    let n = 0;
    server.reset((_req, res) => {
      if (server.requests.length === 1) return json(res, 503, { details: 'busy' }, { 'retry-after': '0' });
      json(res, 200, { count: 0, next: null, previous: null, results: [] });
    });
    const c = new mod.Improvado({ baseUrl: server.url, auth: { bearerAuth: async () => `fn-${++n}` } });
    await c.datasources.connections.list('facebook');
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer fn-1', 'Bearer fn-2']);
  });
});

/**
 * Formerly known bugs (pinned with `it.fails`, fixed in generator/runtime: the attempt's signal and timeout now cover
 * the body read, and the caller's signal reaches the token request). Kept as regression tests.
 */
describe('regressions: formerly known runtime bugs', () => {
  it('a caller abort while the body is being read rejects with AbortError (cause: the signal reason)', async () => {
    server.reset((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":42,');
      const timer = setTimeout(() => res.end('"title":"x"}'), 1_000);
      res.on('close', () => clearTimeout(timer));
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('bye')), 150);
    const err = (await rejection(new mod.Improvado({ baseUrl: server.url, maxRetries: 0 }).workspaces.retrieve(42, { signal: controller.signal }))) as Error;
    // Was: `Error: bye` (the reason itself), not an SdkError.
    expect(err).toBeInstanceOf(mod.AbortError);
    expect((err.cause as Error).message).toBe('bye');
  });

  it('a connection reset while the body is being read is a ConnectionError, not a raw TypeError ("terminated")', async () => {
    server.reset((_req, res, raw) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":42,');
      setTimeout(() => raw.socket.destroy(), 50);
    });
    const err = await rejection(new mod.Improvado({ baseUrl: server.url, maxRetries: 0 }).workspaces.retrieve(42));
    expect(err).toBeInstanceOf(mod.ConnectionError);
    expect(err).not.toBeInstanceOf(mod.TimeoutError);
  });

  it('the caller signal aborts the token request: the call does not wait for the token endpoint', async () => {
    server.reset((req, res) => {
      if (req.pathname === '/api/v3/token') {
        const timer = setTimeout(() => json(res, 200, { token: 't' }), 1_500);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      json(res, 200, { count: 0, next: null, previous: null, results: [] });
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const err = await rejection(client().datasources.connections.list('facebook', {}, { signal: controller.signal }));
    expect(err).toBeInstanceOf(mod.AbortError);
    // Was ~1.6 s: AbortError only after the token endpoint answered.
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('regressions: the per-request timeout', () => {
  // Was a known bug (pinned with it.fails): the token request the call triggers ran with the client-level timeout
  // (default 60 s), so `{ timeoutMs: 100 }` waited ~1.6 s for a slow token endpoint.
  it('a per-request timeoutMs bounds the token request that call makes (TimeoutError)', async () => {
    server.reset((req, res) => {
      if (req.pathname === '/api/v3/token') {
        const timer = setTimeout(() => json(res, 200, { token: 't' }), 1_500);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      json(res, 200, { count: 0, next: null, previous: null, results: [] });
    });
    const started = Date.now();
    const err = await rejection(client().datasources.connections.list('facebook', {}, { timeoutMs: 100, maxRetries: 0 }));
    expect(err).toBeInstanceOf(mod.TimeoutError);
    expect((err as Error).message).toContain('waiting for credentials');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
