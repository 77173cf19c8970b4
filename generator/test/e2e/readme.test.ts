/**
 * The ```ts examples of packages/client/README.md, RUN against a server on 127.0.0.1. (Type-checking them is done by
 * generator/test/client/tsc.test.ts with TypeScript 5.4, 5.9 and 7; not repeated here.)
 *
 * Each block is bundled with esbuild as it is written, except that `@improvado-sdk/client` resolves to a shim over
 * packages/client/src that injects the test's client options (base URL = the test server, test credentials) into
 * `new Improvado(…)` / `new ImprovadoBase(…)`, and `@improvado-sdk/client/resources/*` to the sources. The bundle runs
 * in a Node child process. The server is driven by the spec: it answers every operation with a valid example of its
 * success response (nullable fields null, so DRF lists end after one page), implements the token endpoint, and checks
 * each request's credentials against the operation's security; the test asserts no request failed that check.
 * A block that exports a webhook `handle(request, secret)` (as the README's does) is also called with a verification
 * challenge, a signed delivery and a tampered one.
 */
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eOut, json, repoRoot, run, startServer, type TestServer } from './harness.js';
import { exampleValue, loadSpec, matchOperation, specOperations, successResponse } from './spec-examples.js';

const readme = readFileSync(path.join(repoRoot, 'packages/client/README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
const spec = loadSpec();
const operations = specOperations(spec);
const out = path.join(e2eOut, 'readme');
const src = path.join(repoRoot, 'packages/client/src');

const USER = 'readme-user';
const PASSWORD = 'readme-password';
const BASIC = `Basic ${btoa(`${USER}:${PASSWORD}`)}`;

interface Seen {
  method: string;
  url: string;
  operationId: string | undefined;
  authOk: boolean;
  status: number;
}

let server: TestServer;
let seen: Seen[] = [];
/** `notFound`: every non-token operation answers 404 `{ details }` (for the errors example). */
let mode: 'ok' | 'notFound' = 'ok';
const tokens = new Set<string>();

/** Auth check of one request against the operation's security alternatives (any alternative satisfied). */
function authorized(security: string[][] | undefined, headers: Record<string, string | string[] | undefined>): boolean {
  if (!security || security.length === 0) return true;
  const auth = typeof headers.authorization === 'string' ? headers.authorization : '';
  const bearer = /^Bearer (.+)$/.exec(auth)?.[1];
  return security.some((alt) =>
    alt.every((scheme) => {
      if (scheme === 'basicAuth') return auth === BASIC;
      if (scheme === 'bearerAuth') return bearer !== undefined && tokens.has(bearer);
      if (scheme === 'sessionCookie') return String(headers.cookie ?? '').includes('dts_session_id=');
      if (scheme === 'workspaceHeader') return typeof headers['x-im-workspace-id'] === 'string';
      return false;
    }),
  );
}

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  server = await startServer((req, res) => {
    const op = matchOperation(operations, req.method, req.pathname);
    const record = (status: number, authOk: boolean) => seen.push({ method: req.method, url: req.url, operationId: op?.operationId, authOk, status });
    if (!op) {
      record(404, true);
      return json(res, 404, { details: 'no such operation' });
    }
    const authOk = authorized(op.security, req.headers);
    if (!authOk) {
      record(401, false);
      return json(res, 401, { details: 'Invalid credentials.' });
    }
    if (op.operationId === 'createToken') {
      const body = JSON.parse(req.body) as { workspace_id?: unknown };
      if (typeof body.workspace_id !== 'number') {
        record(400, true);
        return json(res, 400, { workspace_id: ['A valid integer is required.'] });
      }
      const token = `readme-token-${tokens.size + 1}`;
      tokens.add(token);
      record(200, true);
      return json(res, 200, { token }, { 'x-request-id': `rid-${seen.length}` });
    }
    if (mode === 'notFound') {
      record(404, true);
      return json(res, 404, { details: 'Not found.' }, { 'x-request-id': `rid-${seen.length}` });
    }
    const { status, schema } = successResponse(spec, op);
    record(status, true);
    if (schema === undefined) {
      res.writeHead(status, { 'x-request-id': `rid-${seen.length}` });
      res.end();
      return;
    }
    json(res, status, exampleValue(spec, schema, { request: false, preferNull: true }), { 'x-request-id': `rid-${seen.length}` });
  });

  // The shim the examples import as '@improvado-sdk/client'.
  const inject = { baseUrl: server.url, auth: { basicAuth: { username: USER, password: PASSWORD }, bearerAuth: { workspace_id: 42 } } };
  const real = JSON.stringify(path.join(src, 'index.ts'));
  writeFileSync(
    path.join(out, 'shim.ts'),
    [
      `import * as Real from ${real};`,
      `export * from ${real};`,
      `const INJECT = ${JSON.stringify(inject)};`,
      `type Options = NonNullable<ConstructorParameters<typeof Real.Improvado>[0]>;`,
      `const merge = (o: Options = {}): Options => ({ ...o, baseUrl: INJECT.baseUrl, auth: { ...(o.auth ?? {}), ...INJECT.auth } });`,
      `export class Improvado extends Real.Improvado { constructor(o: Options = {}) { super(merge(o)); } }`,
      `export class ImprovadoBase extends Real.ImprovadoBase { constructor(o: Options = {}) { super(merge(o)); } }`,
      `export default Improvado;`,
    ].join('\n'),
  );
}, 30_000);

afterAll(async () => {
  await server?.close();
});

const resolveClient: Plugin = {
  name: 'improvado-sdk-client',
  setup(b) {
    b.onResolve({ filter: /^@improvado-sdk\/client(\/.*)?$/ }, (args) => {
      const sub = args.path.slice('@improvado-sdk/client'.length);
      if (sub === '') return { path: path.join(out, 'shim.ts') };
      if (sub === '/lean') return { path: path.join(src, 'core/lean.ts') }; // package.json: "./lean" → dist/core/lean.js
      return { path: path.join(src, `${sub.slice(1)}.ts`) };
    });
  },
};

/** Bundles every block (one esbuild call) to readme-N.mjs. */
async function bundleAll(): Promise<void> {
  const entryPoints = blocks.map((code, i) => {
    const entry = path.join(out, `readme-${i + 1}.ts`);
    writeFileSync(entry, code);
    return entry;
  });
  await build({
    entryPoints,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: out,
    outExtension: { '.js': '.mjs' },
    plugins: [resolveClient],
    logLevel: 'silent',
  });
}

/** A runner for block `i`: imports its bundle and, when it exports `handle`, calls it with webhook requests. */
function runner(i: number): string {
  const secret = 'readme-secret';
  const event = JSON.stringify({ id: 'evt_r', type: 'extraction_paused', timestamp: '2026-11-29T10:00:00Z', data: {} });
  const signature = createHmac('sha256', secret).update(event).digest('hex');
  const file = path.join(out, `run-${i + 1}.mjs`);
  writeFileSync(
    file,
    `const mod = await import(${JSON.stringify(`./readme-${i + 1}.mjs`)});
if (typeof mod.handle === 'function') {
  const url = 'http://receiver.test/hook';
  const answer = async (r) => { const res = await mod.handle(r, ${JSON.stringify(secret)}); return [res.status, await res.text()]; };
  const challenge = await answer(new Request(url, { headers: { 'X-Improvado-Challenge': 'chal-1', 'X-Improvado-Verify-Token': ${JSON.stringify(secret)} } }));
  const signed = () => new Request(url, { method: 'POST', body: ${JSON.stringify(event)},
    headers: { 'content-type': 'application/json', 'X-Improvado-Signature': ${JSON.stringify(signature)}, 'X-Improvado-Idempotency-Key': 'd-1' } });
  const delivery = await answer(signed());
  const replay = await answer(signed());
  const tampered = await answer(new Request(url, { method: 'POST', body: ${JSON.stringify(event.replace('evt_r', 'evt_x'))},
    headers: { 'content-type': 'application/json', 'X-Improvado-Signature': ${JSON.stringify(signature)} } }));
  console.log('WEBHOOK ' + JSON.stringify({ challenge, delivery, replay, tampered }));
}
`,
  );
  return file;
}

describe('README examples run against a 127.0.0.1 server', () => {
  beforeAll(bundleAll, 60_000);

  it('the README has ts examples, the quick start first', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const quick = readme.indexOf('## Quick start');
    expect(quick).toBeGreaterThan(0);
    expect(readme.indexOf('```ts', quick)).toBeLessThan(readme.indexOf('\n## ', quick + 5));
    expect(blocks[0]).toMatch(/new Improvado\(/);
  });

  blocks.forEach((code, i) => {
    const title = code.match(/^\/\/ (GET|POST|PUT|PATCH|DELETE) \S+/m)?.[0] ?? code.split('\n').find((l) => /new |export /.test(l)) ?? '';
    it(`block ${i + 1}${i === 0 ? ' (quick start)' : ''}: ${title.trim().slice(0, 80)}`, async () => {
      seen = [];
      // The errors example gets 404s, so that its NotFoundError branch runs.
      mode = /instanceof NotFoundError/.test(code) ? 'notFound' : 'ok';
      const r = await run(process.execPath, [runner(i)], { cwd: out, timeoutMs: 30_000 });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      // Every request the example made reached an operation of the spec, with the right credentials, and succeeded.
      expect(seen.filter((s) => !s.authOk || (s.status >= 400 && !(mode === 'notFound' && s.status === 404)))).toEqual([]);
      if (mode === 'notFound') expect(r.stdout).toMatch(/not found \{ details: 'Not found\.' \}/);
      const calls = seen.filter((s) => s.operationId !== 'createToken');
      const makesCalls = /await\s+[\w.]+\.(?!text\b)\w+\(|for await/.test(code) && !/export async function/.test(code);
      if (makesCalls) {
        expect(calls.length).toBeGreaterThan(0);
        if (/console\.log/.test(code)) expect(r.stdout.trim()).not.toBe('');
      }
      // Workspace resources went through the token endpoint with Basic; Bearer afterwards.
      if (seen.some((s) => s.operationId === 'createToken')) expect(seen[0]?.operationId).toBe('createToken');
      // The operations a block names in `// METHOD /path` comments are the ones it called.
      for (const m of code.matchAll(/^\/\/ (GET|POST|PUT|PATCH|DELETE) (\S+)/gm)) {
        const op = operations.find((o) => o.method === m[1]?.toLowerCase() && o.path === m[2]);
        expect(op, m[0]).toBeDefined();
        expect(calls.map((c) => c.operationId)).toContain(op?.operationId);
      }
      const webhook = /^WEBHOOK (.*)$/m.exec(r.stdout)?.[1];
      if (/export async function handle/.test(code)) {
        expect(JSON.parse(webhook ?? 'null')).toEqual({
          challenge: [200, 'chal-1'],
          delivery: [200, ''],
          replay: [200, ''],
          tampered: [401, 'bad signature'],
        });
      }
    }, 60_000);
  });
});
