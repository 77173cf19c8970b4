/**
 * The ```ts examples of packages/client/README.md, RUN against Prism serving spec/openapi.yaml as a validating mock
 * (harness.ts `startPrism`): the generated sections, the hand-written quick start and the recipes of docs/readme/
 * (D44). Type-checking them is generator/test/client/tsc.test.ts's job (TypeScript 5.4, 5.9 and 7); here they run.
 *
 * Each block is bundled with esbuild as it is written, except that `@improvado-sdk/client` resolves to a shim over
 * packages/client/src that gives `new Improvado(…)` / `new ImprovadoBase(…)` the base URL of Prism, a `fetch` that
 * records every exchange (method, URL, Authorization, status, Prism's `sl-violations` header) and test credentials for
 * the schemes the block gives none (the block's own credentials win); `…/core`, `…/lean` and `…/resources/*` resolve
 * to the sources. The bundle runs in a Node child process. The test asserts, for every block: it exits cleanly, every
 * request matches an operation of the spec and Prism found no violation in it, the operations its `// METHOD /path`
 * comments name were called, and the credentials flowed as the spec says (the token endpoint with Basic first, then
 * the token Prism issued as Bearer; agency operations with Basic).
 *
 * A block that handles `NotFoundError` runs with Prism answering 404 (`Prefer: code=404` on every request but the
 * token request), and also 429 when it handles `RateLimitError` (the spec declares 429 on every operation, with no
 * `Retry-After` header: the client's backoff applies, and the test sees the retries). A block exporting a `node:http`
 * `server` (the webhook recipe) gets a verification challenge, one with a wrong verify token, a signed delivery, its
 * replay and a tampered delivery; one exporting `handle(request, secret)` (the generated webhook section) the same as
 * fetch `Request`s. No block may hold a type assertion (`as`, `<T>x`; TypeScript AST).
 */
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { build, type Plugin } from 'esbuild';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eOut, type PrismServer, repoRoot, run, startPrism } from './harness.js';
import { deref, loadSpec, matchOperation, specOperations } from './spec-examples.js';

const readme = readFileSync(path.join(repoRoot, 'packages/client/README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
const spec = loadSpec();
const operations = specOperations(spec);
const out = path.join(e2eOut, 'readme');
const src = path.join(repoRoot, 'packages/client/src');

/** The token endpoint of `bearerAuth` (`x-token-endpoint`): requested with Basic, never given a `Prefer` header. */
const tokenPath = String(deref(spec, deref(spec, deref(spec, deref(spec, spec.components).securitySchemes).bearerAuth)['x-token-endpoint']).path);

const SECRET = 'readme-secret';

/** One request a block made, as the shim's `fetch` recorded it. */
interface Exchange {
  method: string;
  url: string;
  authorization: string | null;
  status: number;
  violations: string | null;
  /** The response body of a token request (to learn the token Prism issued). */
  body?: string;
}

/** How Prism answers a run: as the spec's success examples, or with the given error status. */
type Mode = 'ok' | 404 | 429;

let prism: PrismServer;

beforeAll(async () => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  prism = await startPrism({ seed: 'sdk-readme' });
  // The shim the examples import as '@improvado-sdk/client'.
  const inject = { basicAuth: { username: 'readme-user', password: 'readme-password' }, bearerAuth: { workspace_id: 42 } };
  const real = JSON.stringify(path.join(src, 'index.ts'));
  writeFileSync(
    path.join(out, 'shim.ts'),
    [
      `import { appendFileSync } from 'node:fs';`,
      `import * as Real from ${real};`,
      `export * from ${real};`,
      `const env = process.env;`,
      `const TOKEN_PATH = ${JSON.stringify(tokenPath)};`,
      `const INJECT_AUTH = ${JSON.stringify(inject)};`,
      `type Options = NonNullable<ConstructorParameters<typeof Real.Improvado>[0]>;`,
      `const recording = async (input: string | Request, init?: RequestInit): Promise<Response> => {`,
      `  const request = new Request(input, init);`,
      `  const token = new URL(request.url).pathname === TOKEN_PATH;`,
      `  if (env.README_PREFER && !token) request.headers.set('prefer', env.README_PREFER);`,
      `  const response = await fetch(request);`,
      `  const body = token ? await response.clone().text() : undefined;`,
      `  const exchange = { method: request.method, url: request.url, authorization: request.headers.get('authorization'), status: response.status, violations: response.headers.get('sl-violations'), body };`,
      `  appendFileSync(String(env.README_EXCHANGES), JSON.stringify(exchange) + '\\n');`,
      `  return response;`,
      `};`,
      `const merge = (o: Options = {}): Options => ({ ...o, baseUrl: env.README_BASE_URL, fetch: recording, auth: { ...INJECT_AUTH, ...(o.auth ?? {}) } });`,
      `export class Improvado extends Real.Improvado { constructor(o: Options = {}) { super(merge(o)); } }`,
      `export class ImprovadoBase extends Real.ImprovadoBase { constructor(o: Options = {}) { super(merge(o)); } }`,
      `export default Improvado;`,
    ].join('\n'),
  );
  await bundleAll();
}, 180_000);

afterAll(async () => {
  await prism?.stop();
});

const resolveClient: Plugin = {
  name: 'improvado-sdk-client',
  setup(b) {
    b.onResolve({ filter: /^@improvado-sdk\/client(\/.*)?$/ }, (args) => {
      const sub = args.path.slice('@improvado-sdk/client'.length);
      if (sub === '') return { path: path.join(out, 'shim.ts') };
      // package.json: "./lean" → dist/core/lean.js, "./core" → dist/core/index.js.
      if (sub === '/lean') return { path: path.join(src, 'core/lean.ts') };
      if (sub === '/core') return { path: path.join(src, 'core/index.ts') };
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

/** A delivery the sender signs: the body, its signature and the idempotency key. */
const event = JSON.stringify({ id: 'evt_r', type: 'extraction_paused', timestamp: '2026-11-29 10:00:00.000000', data: { workspace_title: 'Readme' } });
const signature = createHmac('sha256', SECRET).update(event).digest('hex');

/**
 * A runner for block `i`: imports its bundle; when it exports `handle`, calls it with webhook `Request`s; when it
 * exports a listening `server`, sends it the same over HTTP, then closes it. Prints `WEBHOOK {…}` with the answers.
 */
function runner(i: number): string {
  const file = path.join(out, `run-${i + 1}.mjs`);
  const challenge = (token: string) => ({ headers: { 'X-Improvado-Challenge': 'chal-1', 'X-Improvado-Verify-Token': token } });
  const requests = {
    challenge: challenge(SECRET),
    wrongToken: challenge('not-the-secret'),
    delivery: {
      method: 'POST',
      body: event,
      headers: { 'content-type': 'application/json', 'X-Improvado-Signature': signature, 'X-Improvado-Idempotency-Key': 'd-1' },
    },
    tampered: {
      method: 'POST',
      body: event.replace('evt_r', 'evt_x'),
      headers: { 'content-type': 'application/json', 'X-Improvado-Signature': signature, 'X-Improvado-Idempotency-Key': 'd-2' },
    },
  };
  writeFileSync(
    file,
    `const mod = await import(${JSON.stringify(`./readme-${i + 1}.mjs`)});
const requests = ${JSON.stringify(requests)};
const order = ['challenge', 'wrongToken', 'delivery', 'delivery', 'tampered'];
const names = ['challenge', 'wrongToken', 'delivery', 'replay', 'tampered'];
async function all(send) {
  const answers = {};
  for (const [k, name] of order.entries()) answers[names[k]] = await send(requests[name]);
  console.log('WEBHOOK ' + JSON.stringify(answers));
}
if (typeof mod.handle === 'function') {
  await all(async (init) => {
    const res = await mod.handle(new Request('http://receiver.test/hook', init), ${JSON.stringify(SECRET)});
    return [res.status, await res.text()];
  });
}
if (mod.server !== undefined) {
  const server = mod.server;
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  const url = 'http://127.0.0.1:' + server.address().port + '/hook';
  await all(async (init) => {
    const res = await fetch(url, init);
    return [res.status, await res.text()];
  });
  server.closeAllConnections();
  server.close();
}
`,
  );
  return file;
}

/** Runs block `i` with Prism answering per `mode`; returns its output and the exchanges it made. */
async function runBlock(i: number, mode: Mode): Promise<{ code: number | null; stdout: string; stderr: string; exchanges: Exchange[] }> {
  const exchangesFile = path.join(out, `exchanges-${i + 1}-${mode}.jsonl`);
  writeFileSync(exchangesFile, '');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    README_BASE_URL: prism.url,
    README_EXCHANGES: exchangesFile,
    IMPROVADO_WEBHOOK_SECRET: SECRET,
    PORT: '0',
  };
  if (mode !== 'ok') env.README_PREFER = `code=${mode}`;
  const r = await run(process.execPath, [runner(i)], { cwd: out, env, timeoutMs: 60_000 });
  const exchanges = readFileSync(exchangesFile, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Exchange);
  return { code: r.code, stdout: r.stdout, stderr: r.stderr, exchanges };
}

/** The modes a block runs in: the error statuses its `instanceof` checks handle, else the success examples. */
function modes(code: string): Mode[] {
  const out: Mode[] = [];
  if (/instanceof NotFoundError/.test(code)) out.push(404);
  if (/instanceof RateLimitError/.test(code)) out.push(429);
  return out.length === 0 ? ['ok'] : out;
}

/** Type assertions in a block (`x as T` other than `as const`, `<T>x`), as `line: text`. */
function casts(code: string): string[] {
  const source = ts.createSourceFile('block.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const isConst = ts.isAsExpression(node) && ts.isTypeReferenceNode(node.type) && node.type.getText(source) === 'const';
    if ((ts.isAsExpression(node) && !isConst) || ts.isTypeAssertionExpression(node)) {
      found.push(`${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${node.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('README examples run against Prism', () => {
  it('the README has ts examples: the quick start first, then the recipes', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    const quick = readme.indexOf('## Quick start');
    expect(quick).toBeGreaterThan(0);
    expect(readme.indexOf('```ts', quick)).toBeLessThan(readme.indexOf('\n## ', quick + 5));
    expect(blocks[0]).toMatch(/new Improvado\(/);
    expect(readme).toMatch(/\n## Recipes\n/);
    expect(tokenPath).toBe('/api/v3/token');
  });

  it('no block holds a type assertion (as, <T>x)', () => {
    expect(blocks.flatMap((code, i) => casts(code).map((c) => `block ${i + 1}, line ${c}`))).toEqual([]);
    // The check finds one where there is one.
    expect(casts("const a = JSON.parse('1') as number;\nconst b = <string>a;\nconst c = [1] as const;")).toEqual([
      "1: JSON.parse('1') as number",
      '2: <string>a',
    ]);
  });

  blocks.forEach((code, i) => {
    const title = code.match(/^\/\/ (GET|POST|PUT|PATCH|DELETE) \S+/m)?.[0] ?? code.split('\n').find((l) => /new |export /.test(l)) ?? '';
    for (const mode of modes(code)) {
      const label = `block ${i + 1}${i === 0 ? ' (quick start)' : ''}${mode === 'ok' ? '' : `, Prism answering ${mode}`}: ${title.trim().slice(0, 70)}`;
      it(
        label,
        async () => {
          const r = await runBlock(i, mode);
          expect(r.stderr).toBe('');
          expect(r.code).toBe(0);

          // Every request reached an operation of the spec, and Prism found nothing wrong with it.
          const matched = r.exchanges.map((x) => ({ ...x, op: matchOperation(operations, x.method, new URL(x.url).pathname) }));
          expect(matched.filter((x) => x.op === undefined).map((x) => `${x.method} ${x.url}`)).toEqual([]);
          expect(matched.filter((x) => x.violations !== null).map((x) => `${x.method} ${x.url}: ${x.violations}`)).toEqual([]);
          const token = matched.filter((x) => x.op?.path === tokenPath);
          const calls = matched.filter((x) => x.op?.path !== tokenPath);
          expect(token.filter((x) => x.status !== 200)).toEqual([]);
          if (mode === 'ok') expect(calls.filter((x) => x.status >= 400).map((x) => `${x.status} ${x.method} ${x.url}`)).toEqual([]);
          else {
            expect(calls.length).toBeGreaterThan(0);
            expect(calls.filter((x) => x.status !== mode)).toEqual([]);
            // The block's handler ran (it prints), and a 429 was retried by the client before it was thrown.
            expect(r.stdout.trim()).not.toBe('');
            if (mode === 429) expect(calls.length).toBeGreaterThan(1);
          }

          // Credentials as the spec says: Basic for the token request and agency operations; for workspace operations
          // the token the token request returned, as Bearer, after that request.
          for (const x of token) expect(x.authorization ?? '').toMatch(/^Basic /);
          const issued = token.map((x) => (JSON.parse(x.body ?? '{}') as { token?: string }).token);
          for (const x of calls) {
            const bearerOnly = x.op?.security?.every((alt) => alt.includes('bearerAuth') || alt.includes('sessionCookie')) === true;
            if (bearerOnly) {
              expect(issued.map((t) => `Bearer ${t}`)).toContain(x.authorization);
              expect(matched.indexOf(x)).toBeGreaterThan(matched.indexOf(token[0] ?? x));
            } else expect(x.authorization ?? '').toMatch(/^Basic /);
          }

          // A block that calls the API did (a webhook receiver only answers).
          const makesCalls =
            /await\s+[\w.]+\.(?!text\b)\w+\(|for await \(const \w+ of (?!req\b)/.test(code) && !/export (async function|const server)/.test(code);
          if (makesCalls) {
            expect(calls.length).toBeGreaterThan(0);
            if (/console\.log/.test(code)) expect(r.stdout.trim()).not.toBe('');
          }
          // The operations a block names in `// METHOD /path` comments are the ones it called.
          for (const m of code.matchAll(/^\s*\/\/ (GET|POST|PUT|PATCH|DELETE) (\S+)/gm)) {
            const op = operations.find((o) => o.method === m[1]?.toLowerCase() && o.path === m[2]);
            expect(op, m[0]).toBeDefined();
            expect(
              calls.map((c) => c.op?.operationId),
              m[0],
            ).toContain(op?.operationId);
          }

          const webhook = /^WEBHOOK (.*)$/m.exec(r.stdout)?.[1];
          if (/export (async function handle|const server)/.test(code)) {
            const answers = JSON.parse(webhook ?? 'null') as Record<string, [number, string]>;
            expect(answers).toMatchObject({
              challenge: [200, 'chal-1'],
              delivery: [200, ''],
              replay: [200, ''],
              tampered: [401, 'bad signature'],
            });
            expect(answers.wrongToken?.[0]).toBe(403);
          }
          if (/export const server/.test(code)) {
            // The delivery was handled once (the replay was recognised by its idempotency key), by its event type.
            expect(r.stdout.match(/extraction paused/g)).toHaveLength(1);
          }
        },
        90_000,
      );
    }
  });
});
