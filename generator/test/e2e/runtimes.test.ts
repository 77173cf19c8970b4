/**
 * Runtime smoke tests. The client's sources are bundled with esbuild (`platform: 'browser'`, one file) and run in
 * Node, Bun, Deno (`deno run --allow-net`) and Vercel's `edge-runtime` (`EdgeRuntime` VM, fetch provided by the
 * runtime), each against a server on 127.0.0.1 started here: a token call (Basic + `workspace_id`), one page of a list
 * (Bearer), a retrieve with its request id, a typed 404 and a webhook signature check (Web Crypto). The script prints
 * JSON the test asserts, and the server checks what each runtime sent. Also: the browser bundle holds no `node:` (or
 * any other external) import, and the built package (packages/client/dist) runs in Node: it needs `pnpm build` first
 * (the README's quick start and .ci/run build before testing), and a missing build fails.
 */
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, clientSrc, e2eOut, json, repoRoot, run, startServer, type TestServer } from './harness.js';

const out = path.join(e2eOut, 'runtimes');
const esmBundle = path.join(out, 'client.browser.mjs');
const iifeBundle = path.join(out, 'client.browser.iife.js');
const BASIC = `Basic ${btoa('smoke-user:smoke-pass')}`;
const SECRET = 'smoke-secret';
const EVENT = JSON.stringify({ id: 'evt_9', type: 'extraction_paused', timestamp: '2026-11-29T10:00:00Z', data: {} });
const SIGNATURE = createHmac('sha256', SECRET).update(EVENT).digest('hex');

let server: TestServer;
let browserImports: string[] = [];
let browserInputs: string[] = [];
let bundleText = '';

/** The smoke: the body of an async function over `SDK` (the client module) and `BASE`; returns a JSON string. */
const SMOKE = `
  const runtime = typeof Bun !== 'undefined' ? 'bun' : typeof Deno !== 'undefined' ? 'deno'
    : typeof EdgeRuntime !== 'undefined' ? 'edge-runtime' : typeof process !== 'undefined' ? 'node' : 'unknown';
  const client = new SDK.Improvado({
    baseUrl: BASE,
    auth: { basicAuth: { username: 'smoke-user', password: 'smoke-pass' }, bearerAuth: { workspace_id: 42 } },
    maxRetries: 0,
    timeoutMs: 10000,
  });
  const page = await client.datasources.connections.list('facebook', { page_size: 2 });
  const all = [];
  for await (const c of client.datasources.connections.list('facebook', { page_size: 2 })) all.push(c.id);
  const ws = await client.workspaces.retrieve(42).withResponse();
  let notFound = null;
  try { await client.workspaces.retrieve(7); } catch (e) {
    notFound = { name: e.name, typed: e instanceof SDK.NotFoundError, status: e.status, body: e.body, requestId: e.requestId };
  }
  const event = await SDK.verifyWebhook({ rawBody: ${JSON.stringify(EVENT)}, headers: { 'X-Improvado-Signature': ${JSON.stringify(SIGNATURE)} }, secret: ${JSON.stringify(SECRET)} });
  let tampered = null;
  try { await SDK.verifyWebhook({ rawBody: ${JSON.stringify(EVENT.replace('evt_9', 'evt_8'))}, headers: { 'X-Improvado-Signature': ${JSON.stringify(SIGNATURE)} }, secret: ${JSON.stringify(SECRET)} }); }
  catch (e) { tampered = e.name; }
  return JSON.stringify({
    runtime, ids: page.data.map((c) => c.id), hasNext: page.hasNextPage(), all,
    workspace: ws.data, requestId: ws.requestId, notFound, eventType: event.type, tampered,
  });
`;

const expected = {
  ids: [1, 2],
  hasNext: true,
  all: [1, 2, 3],
  workspace: { id: 42, title: 'Main' },
  requestId: 'ws-42',
  notFound: { name: 'NotFoundError', typed: true, status: 404, body: { details: 'Workspace 7 not found.' }, requestId: 'ws-7' },
  eventType: 'extraction_paused',
  tampered: 'WebhookVerificationError',
};

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  server = await startServer();
  const common = {
    entryPoints: [clientSrc],
    bundle: true,
    platform: 'browser' as const,
    target: 'es2022',
    metafile: true,
    logLevel: 'silent' as const,
  };
  const esm = await build({ ...common, format: 'esm', outfile: esmBundle });
  await build({ ...common, format: 'iife', globalName: 'ImprovadoSDK', outfile: iifeBundle });
  const output = Object.values(esm.metafile?.outputs ?? {})[0];
  browserImports = (output?.imports ?? []).map((i) => i.path);
  browserInputs = Object.keys(esm.metafile?.inputs ?? {});
  bundleText = readFileSync(esmBundle, 'utf8');
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** The server every runtime talks to; checks auth and counts by runtime (User-Agent aside, all get the same). */
function serve(): void {
  const tokens = new Set<string>();
  server.reset((req, res) => {
    const auth = req.headers.authorization;
    if (req.method === 'POST' && req.pathname === '/api/v3/token') {
      if (auth !== BASIC || JSON.parse(req.body).workspace_id !== 42) return json(res, 401, { details: 'bad token request' });
      const token = `smoke-${tokens.size + 1}`;
      tokens.add(token);
      return json(res, 200, { token });
    }
    const ws = /^\/api\/v3\/workspaces\/(\d+)$/.exec(req.pathname);
    if (ws) {
      if (auth !== BASIC) return json(res, 401, { details: 'Basic expected' });
      const id = Number(ws[1]);
      if (id !== 42) return json(res, 404, { details: `Workspace ${id} not found.` }, { 'x-request-id': `ws-${id}` });
      return json(res, 200, { id, title: 'Main' }, { 'x-request-id': 'ws-42' });
    }
    if (!tokens.has(/^Bearer (.*)$/.exec(auth ?? '')?.[1] ?? '')) return json(res, 401, { details: 'Bearer expected' });
    if (req.pathname === '/api/v3/datasources/facebook/connections') {
      const page = Number(req.query.get('page') ?? '1');
      const rows = [1, 2, 3].map((id) => ({ id, title: `c${id}`, datasource_name: 'facebook' }));
      const results = rows.slice((page - 1) * 2, page * 2);
      const next = page * 2 < rows.length ? `${server.url}${req.pathname}?page=${page + 1}&page_size=2` : null;
      return json(res, 200, { count: rows.length, next, previous: null, results });
    }
    json(res, 404, { details: 'Not found.' });
  });
}

function parseLastLine(stdout: string): Record<string, unknown> {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as Record<string, unknown>;
}

function esmScript(name: string, moduleUrl: string): string {
  const file = path.join(out, `${name}.mjs`);
  writeFileSync(
    file,
    `import * as SDK from ${JSON.stringify(moduleUrl)};\nconst BASE = ${JSON.stringify(server.url)};\nconsole.log(await (async () => {${SMOKE}})());\n`,
  );
  return file;
}

function checkServerSaw(): void {
  const lines = server.requests.map((r) => `${r.method} ${r.url} ${r.headers.authorization?.split(' ')[0]}`);
  expect(lines).toEqual([
    'POST /api/v3/token Basic',
    'GET /api/v3/datasources/facebook/connections?page_size=2 Bearer',
    'GET /api/v3/datasources/facebook/connections?page_size=2 Bearer',
    'GET /api/v3/datasources/facebook/connections?page_size=2&page=2 Bearer',
    'GET /api/v3/workspaces/42 Basic',
    'GET /api/v3/workspaces/7 Basic',
  ]);
  expect(JSON.parse(server.requests[0]?.body ?? '{}')).toEqual({ workspace_id: 42 });
}

const env = { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', DO_NOT_TRACK: '1', NO_COLOR: '1' };

describe('browser bundle', () => {
  it('esbuild platform browser: one self-contained file, no node: or other external import', () => {
    expect(browserImports).toEqual([]);
    expect(browserInputs.some((i) => i.includes('packages/client/src/core/client.ts'))).toBe(true);
    expect(browserInputs.filter((i) => !i.startsWith('packages/client/src/'))).toEqual([]);
    expect(bundleText).not.toMatch(/\bfrom\s*["']node:|\bimport\(\s*["']node:|\brequire\(/);
    expect(bundleText).not.toMatch(/\bprocess\.env\b|\bBuffer\./);
  });
});

describe('runtimes against a 127.0.0.1 server', () => {
  it('Node (the ESM bundle, in a child process)', async () => {
    serve();
    const r = await run(process.execPath, [esmScript('node-smoke', pathToFileURL(esmBundle).href)], { env, timeoutMs: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(parseLastLine(r.stdout)).toEqual({ runtime: 'node', ...expected });
    checkServerSaw();
  }, 40_000);

  // `pnpm build` comes before the tests (the README's quick start, .ci/run): a missing build fails, never skips.
  const dist = path.join(repoRoot, 'packages/client/dist/index.js');
  it('Node (the built package, packages/client/dist)', async () => {
    expect(existsSync(dist), `${dist} exists (run pnpm build first)`).toBe(true);
    serve();
    const r = await run(process.execPath, [esmScript('node-dist-smoke', pathToFileURL(dist).href)], { env, timeoutMs: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(parseLastLine(r.stdout)).toEqual({ runtime: 'node', ...expected });
    checkServerSaw();
  }, 40_000);

  it('Bun', async () => {
    serve();
    const version = await run(bin('bun'), ['--version'], { env, timeoutMs: 20_000 });
    expect(version.stdout.trim()).toBe('1.4.5');
    const r = await run(bin('bun'), ['run', esmScript('bun-smoke', './client.browser.mjs')], { cwd: out, env, timeoutMs: 40_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(parseLastLine(r.stdout)).toEqual({ runtime: 'bun', ...expected });
    checkServerSaw();
  }, 60_000);

  it('Deno (deno run --allow-net, no other permission)', async () => {
    serve();
    const version = await run(bin('deno'), ['--version'], { env, timeoutMs: 20_000 });
    expect(version.stdout).toMatch(/^deno 2\.9\.6 /);
    const script = esmScript('deno-smoke', './client.browser.mjs');
    const r = await run(bin('deno'), ['run', '--no-config', '--no-lock', '--allow-net=127.0.0.1', script], { cwd: out, env, timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(parseLastLine(r.stdout)).toEqual({ runtime: 'deno', ...expected });
    checkServerSaw();
  }, 80_000);

  it('edge-runtime (EdgeRuntime VM evaluating the bundle, its own fetch)', async () => {
    serve();
    const runner = path.join(out, 'edge-smoke.mjs');
    writeFileSync(
      runner,
      [
        `import { readFileSync } from 'node:fs';`,
        `import { EdgeRuntime } from 'edge-runtime';`,
        `const runtime = new EdgeRuntime({ initialCode: readFileSync(${JSON.stringify(iifeBundle)}, 'utf8') });`,
        `const code = ${JSON.stringify(`(async () => { const SDK = ImprovadoSDK; const BASE = ${JSON.stringify(server.url)}; ${SMOKE} })()`)};`,
        `const hasNodeGlobals = runtime.evaluate('typeof process !== "undefined" || typeof require !== "undefined"');`,
        `const result = JSON.parse(await runtime.evaluate(code));`,
        `console.log(JSON.stringify({ ...result, hasNodeGlobals }));`,
      ].join('\n'),
    );
    // Resolved from the repository's node_modules (the runner lives under the repository).
    const r = await run(process.execPath, [runner], { env, timeoutMs: 30_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(parseLastLine(r.stdout)).toEqual({ runtime: 'edge-runtime', ...expected, hasNodeGlobals: false });
    checkServerSaw();
  }, 40_000);
});
