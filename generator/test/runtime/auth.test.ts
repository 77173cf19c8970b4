import { describe, expect, it } from 'vitest';
import { basicHeader } from '../../runtime/auth.js';
import { AuthenticationError, UsageError } from '../../runtime/errors.js';
import { createTokenProvider } from '../../runtime/token-provider.js';
import type { Operation } from '../../runtime/types.js';
import { fakeHooks, json, mockFetch, type Seen, TestClient } from './helpers.js';

const WORKSPACE_OP: Operation = {
  method: 'get',
  path: '/api/v3/datasources',
  security: [['bearerAuth'], ['sessionCookie', 'workspaceHeader']],
};
const BASIC_OP: Operation = { method: 'get', path: '/api/v3/workspaces', security: [['basicAuth']] };

describe('HTTP Basic', () => {
  it('encodes UTF-8 credentials (non-ASCII safe)', async () => {
    expect(basicHeader('Aladdin', 'open sesame')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    const { fetch, seen } = mockFetch(json({}));
    await new TestClient({ fetch, auth: { basicAuth: { username: 'zoë', password: 'pässwörd✓' } } }).request(BASIC_OP);
    const header = seen[0]?.headers.get('authorization') ?? '';
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(header.replace('Basic ', '')), (c) => c.charCodeAt(0)));
    expect(decoded).toBe('zoë:pässwörd✓');
  });
});

describe('Bearer and apiKey', () => {
  it('static token and async function', async () => {
    const { fetch, seen } = mockFetch(json({}));
    await new TestClient({ fetch, auth: { bearerAuth: 'tok1' } }).request(WORKSPACE_OP);
    let n = 0;
    const fn = async () => `tok-fn-${++n}`;
    const client = new TestClient({ fetch, auth: { bearerAuth: fn } });
    await client.request(WORKSPACE_OP);
    await client.request(WORKSPACE_OP);
    expect(seen.map((s) => s.headers.get('authorization'))).toEqual(['Bearer tok1', 'Bearer tok-fn-1', 'Bearer tok-fn-2']);
  });

  it('uses the first security alternative the caller has credentials for', async () => {
    const { fetch, seen } = mockFetch(json({}));
    await new TestClient({ fetch, auth: { sessionCookie: 'sess1', workspaceHeader: '42' } }).request(WORKSPACE_OP);
    await new TestClient({ fetch, auth: { sessionCookie: 'sess1', workspaceHeader: '42', bearerAuth: 'tok' } }).request(WORKSPACE_OP);
    // Only half of the AND pair: nothing applies (sent without auth).
    await new TestClient({ fetch, auth: { sessionCookie: 'sess1' } }).request(WORKSPACE_OP);
    const [a, b, c] = seen as [Seen, Seen, Seen];
    expect(a.headers.get('cookie')).toBe('dts_session_id=sess1');
    expect(a.headers.get('x-im-workspace-id')).toBe('42');
    expect(a.headers.get('authorization')).toBeNull();
    expect(b.headers.get('authorization')).toBe('Bearer tok');
    expect(b.headers.get('cookie')).toBeNull();
    expect(c.headers.get('cookie')).toBeNull();
    expect(c.headers.get('x-im-workspace-id')).toBeNull();
  });

  it('an optional-auth alternative ([]) does not shadow credentials the caller has', async () => {
    const { fetch, seen } = mockFetch(json({}));
    await new TestClient({ fetch, auth: { bearerAuth: 'tok' } }).request({ method: 'get', path: '/o', security: [[], ['bearerAuth']] });
    await new TestClient({ fetch }).request({ method: 'get', path: '/o', security: [[], ['bearerAuth']] });
    expect(seen.map((s) => s.headers.get('authorization'))).toEqual(['Bearer tok', null]);
  });

  it('apiKey in the query; no auth when the operation declares none', async () => {
    const { fetch, seen } = mockFetch(json({}));
    const client = new TestClient({ fetch, auth: { queryKey: 'k y', bearerAuth: 'tok' } });
    await client.request({ method: 'get', path: '/q', params: { a: 1 }, security: [['queryKey']] });
    await client.request({ method: 'get', path: '/public' });
    expect(seen[0]?.url).toBe('https://api.example.com/q?a=1&api_key=k%20y');
    expect(seen[1]?.headers.get('authorization')).toBeNull();
  });

  it('cookie apiKey in browsers: credentials include, no Cookie header', async () => {
    const { fetch, seen } = mockFetch(json({}));
    await new TestClient({ fetch, cookieMode: 'browser', auth: { sessionCookie: 'sess1', workspaceHeader: '42' } }).request(WORKSPACE_OP);
    expect(seen[0]?.request.credentials).toBe('include');
    expect(seen[0]?.headers.get('cookie')).toBeNull();
    expect(seen[0]?.headers.get('x-im-workspace-id')).toBe('42');
    // auto mode detects a browser by `document`
    const g = globalThis as { document?: unknown };
    g.document = {};
    try {
      await new TestClient({ fetch, auth: { sessionCookie: 'sess1', workspaceHeader: '42' } }).request(WORKSPACE_OP);
    } finally {
      delete g.document;
    }
    expect(seen[1]?.request.credentials).toBe('include');
    expect(seen[1]?.headers.get('cookie')).toBeNull();
  });

  it('rejects a credential with CR/LF without echoing it', async () => {
    const { fetch, seen } = mockFetch(json({}));
    const p = new TestClient({ fetch, auth: { bearerAuth: 'tok\r\nX-Evil: 1' } }).request(WORKSPACE_OP);
    await expect(p).rejects.toThrow('Header "Authorization" contains a CR, LF or NUL character');
    expect(seen).toHaveLength(0);
  });
});

describe('token provider (token endpoint)', () => {
  function tokenServer(opts: { expireAfterUses?: number } = {}) {
    let issued = 0;
    const valid = new Set<string>();
    let uses = 0;
    const { fetch, seen } = mockFetch(async (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v3/token') {
        expect(req.method).toBe('POST');
        expect(req.headers.get('authorization')).toBe(basicHeader('user', 'pw'));
        expect(await req.json()).toEqual({ workspace_id: 42 });
        const t = `tok${++issued}`;
        valid.add(t);
        return json({ token: t });
      }
      const token = req.headers.get('authorization')?.replace('Bearer ', '') ?? '';
      if (!valid.has(token)) return json({ details: 'Invalid token' }, 401);
      uses++;
      if (opts.expireAfterUses !== undefined && uses >= opts.expireAfterUses) valid.delete(token);
      return json({ ok: token });
    });
    return { fetch, seen, issued: () => issued, valid };
  }
  const auth = { basicAuth: { username: 'user', password: 'pw' }, bearerAuth: { workspace_id: 42 } };

  it('obtains the token with Basic credentials, caches it, and runs one renewal under concurrency', async () => {
    const s = tokenServer();
    const client = new TestClient({ fetch: s.fetch, auth });
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => client.request(WORKSPACE_OP)));
    expect(results).toEqual(Array(5).fill({ ok: 'tok1' }));
    expect(s.issued()).toBe(1);
    expect(s.seen.filter((x) => x.url.endsWith('/api/v3/token'))).toHaveLength(1);
  });

  it('renews before expiry, and sliding use extends the lifetime', async () => {
    const s = tokenServer();
    const t = fakeHooks();
    const client = new TestClient({ fetch: s.fetch, auth, hooks: t.hooks });
    await client.request(WORKSPACE_OP); // tok1 at t0, lifetime 30 min, margin 60 s
    t.advance(20 * 60_000);
    await client.request(WORKSPACE_OP); // use at 20 min → expires at 50 min
    t.advance(25 * 60_000); // 45 min: without sliding it would have expired at 30 min
    expect(await client.request(WORKSPACE_OP)).toEqual({ ok: 'tok1' });
    expect(s.issued()).toBe(1);
    t.advance(29.5 * 60_000); // 74.5 min: the last use at 45 min gives expiry at 75 min, inside the 60 s margin
    expect(await client.request(WORKSPACE_OP)).toEqual({ ok: 'tok2' });
    expect(s.issued()).toBe(2);
  });

  it('without sliding expiry, renews at lifetime minus the margin (60 s at most)', async () => {
    let issued = 0;
    const t = fakeHooks();
    const endpoint = { method: 'post', path: '/t', credentialsScheme: 'b', tokenField: '/token', lifetimeSeconds: 600 } as const;
    const source = createTokenProvider(async () => ({ token: `t${++issued}` }), endpoint, t.hooks.now);
    expect(await source.get()).toBe('t1');
    source.touch('t1', t.hooks.now() + 500_000); // no effect: not sliding
    t.advance(539_000);
    expect(await source.get()).toBe('t1');
    t.advance(2_000); // 541 s > 600 s - 60 s
    expect(await source.get()).toBe('t2');
    source.invalidate('t1'); // stale token: no effect
    expect(await source.get()).toBe('t2');
    source.invalidate('t2');
    expect(await source.get()).toBe('t3');
  });

  it('renews once and retries once on a 401', async () => {
    const s = tokenServer({ expireAfterUses: 1 });
    const client = new TestClient({ fetch: s.fetch, auth });
    expect(await client.request(WORKSPACE_OP)).toEqual({ ok: 'tok1' }); // tok1 now revoked by the server
    expect(await client.request(WORKSPACE_OP)).toEqual({ ok: 'tok2' });
    expect(s.seen.map((x) => new URL(x.url).pathname)).toEqual([
      '/api/v3/token',
      '/api/v3/datasources',
      '/api/v3/datasources', // 401 with tok1
      '/api/v3/token',
      '/api/v3/datasources',
    ]);
  });

  it('gives up after one renewal when the fresh token also gets a 401', async () => {
    let issued = 0;
    const { fetch, seen } = mockFetch(async (req) => (req.url.endsWith('/token') ? json({ token: `t${++issued}` }) : json({ details: 'no' }, 401)));
    const err = await new TestClient({ fetch, auth }).request(WORKSPACE_OP).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(issued).toBe(2);
    expect(seen).toHaveLength(4);
    expect(JSON.stringify(err)).not.toMatch(/t1|t2|pw/);
  });

  it('a 401 on a call with a stream body is an AuthenticationError: the used stream is not sent again (D68)', async () => {
    const s = tokenServer({ expireAfterUses: 0 });
    s.valid.add('stale');
    const client = new TestClient({ fetch: s.fetch, auth });
    await client.request(WORKSPACE_OP); // tok1, which the server then revokes
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2, 3]));
        c.close();
      },
    });
    const upload = { ...WORKSPACE_OP, method: 'put', body: stream, bodyKind: 'binary' } as const;
    const err = await client.request(upload).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    // The token was dropped: the next call gets a new one.
    expect(await client.request(WORKSPACE_OP)).toEqual({ ok: 'tok2' });
    expect(s.seen.map((x) => `${x.method} ${new URL(x.url).pathname}`)).toEqual([
      'POST /api/v3/token',
      'GET /api/v3/datasources',
      'PUT /api/v3/datasources',
      'POST /api/v3/token',
      'GET /api/v3/datasources',
    ]);
  });

  it('retries a failing token request (5xx) like an idempotent call', async () => {
    let tokenCalls = 0;
    const { fetch } = mockFetch(async (req) => {
      if (req.url.endsWith('/token')) return ++tokenCalls === 1 ? json({ details: 'down' }, 503) : json({ token: 'tk' });
      return json({ auth: req.headers.get('authorization') });
    });
    const client = new TestClient({ fetch, auth, hooks: fakeHooks().hooks });
    expect(await client.request(WORKSPACE_OP)).toEqual({ auth: 'Bearer tk' });
    expect(tokenCalls).toBe(2);
  });

  it('a failed renewal fails every waiting call once, and the next call tries again', async () => {
    let tokenCalls = 0;
    const { fetch } = mockFetch(async (req) => {
      if (req.url.endsWith('/token')) return ++tokenCalls === 1 ? json({ details: 'bad credentials' }, 401) : json({ token: 'ok' });
      return json({ auth: req.headers.get('authorization') });
    });
    const client = new TestClient({ fetch, auth });
    const results = await Promise.allSettled([client.request(WORKSPACE_OP), client.request(WORKSPACE_OP), client.request(WORKSPACE_OP)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof AuthenticationError)).toBe(true);
    expect(tokenCalls).toBe(1);
    expect(await client.request(WORKSPACE_OP)).toEqual({ auth: 'Bearer ok' });
    expect(tokenCalls).toBe(2);
  });

  it("request fields of a token-endpoint scheme without the token request's credentials are a UsageError, not an unauthenticated call (D68)", async () => {
    const { fetch, seen } = mockFetch(json({ ok: true }));
    const err = await new TestClient({ fetch, auth: { bearerAuth: { workspace_id: 42 } } }).request(WORKSPACE_OP).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain('auth.bearerAuth gets its token from POST /api/v3/token with the "basicAuth" credentials, which are not set');
    expect(seen).toHaveLength(0);
    // No credentials at all: the call goes out unauthenticated, as before (middleware or headers may add auth).
    expect(await new TestClient({ fetch }).request(WORKSPACE_OP)).toEqual({ ok: true });
  });

  it('a ready token bypasses the token endpoint', async () => {
    const s = tokenServer();
    s.valid.add('ready');
    expect(await new TestClient({ fetch: s.fetch, auth: { bearerAuth: 'ready' } }).request(WORKSPACE_OP)).toEqual({ ok: 'ready' });
    expect(s.issued()).toBe(0);
  });

  it('fails clearly when the token response lacks the token, and shares the cache across withOptions', async () => {
    const { fetch } = mockFetch(json({ nothing: true }));
    await expect(new TestClient({ fetch, auth }).request(WORKSPACE_OP)).rejects.toThrow('The token response has no token at "/token"');
    const s = tokenServer();
    const client = new TestClient({ fetch: s.fetch, auth });
    await client.request(WORKSPACE_OP);
    await client.withOptions({ timeoutMs: 1000 }).request(WORKSPACE_OP);
    expect(s.issued()).toBe(1);
  });
});
