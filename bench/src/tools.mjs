/**
 * The generators under comparison, each run as a child process, and the consumer file each tool's
 * output is type-checked with.
 *
 * - `sdkgen-types`, `sdkgen-all`: ours (bench/src/sdkgen-child.mjs → `generate()` of the snapshot),
 *   types only, and types + client;
 * - `openapi-typescript`: openapi-typescript 7.13.0's CLI, one `schema.ts`;
 * - `hey-api`: @hey-api/openapi-ts 0.95.0, plugins `@hey-api/typescript`, `@hey-api/sdk`,
 *   `@hey-api/client-fetch` (types and fetch client), its default output settings otherwise.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { benchDir, benchModules, cacheDir } from './paths.mjs';

const node = process.execPath;

export const TOOLS = {
  'sdkgen-types': { label: 'sdkgen (types)', kind: 'types' },
  'sdkgen-all': { label: 'sdkgen (types + client)', kind: 'all' },
  'openapi-typescript': { label: 'openapi-typescript 7.13.0 (types)', kind: 'types' },
  'hey-api': { label: '@hey-api/openapi-ts 0.95.0 (types + fetch client)', kind: 'all' },
};

/**
 * Our packages as a user installs them: their declarations (`.d.ts`, what the packages ship) with the same consumer.
 * tsc rows only; built by {@link writeInstalledConsumer}.
 */
export const INSTALLED = {
  'sdkgen-types': { key: 'sdkgen-types-installed', label: 'sdkgen (types), as installed (.d.ts)' },
  'sdkgen-all': { key: 'sdkgen-all-installed', label: 'sdkgen (types + client), as installed (.d.ts)' },
};

/** The command that generates `spec` into `out` with `tool`: `{ command, args }`. */
export function generateCommand(tool, spec, out, snapshot) {
  switch (tool) {
    case 'sdkgen-types':
      return { command: node, args: [path.join(benchDir, 'src/sdkgen-child.mjs'), snapshot, spec, out, 'types'] };
    case 'sdkgen-all':
      return { command: node, args: [path.join(benchDir, 'src/sdkgen-child.mjs'), snapshot, spec, out, 'both'] };
    case 'openapi-typescript':
      return { command: node, args: [path.join(benchModules, 'openapi-typescript/bin/cli.js'), spec, '-o', path.join(out, 'schema.ts')] };
    case 'hey-api': {
      const config = path.join(cacheDir, 'hey-api-configs', `${path.basename(out)}.config.mjs`);
      mkdirSync(path.dirname(config), { recursive: true });
      writeFileSync(
        config,
        `export default ${JSON.stringify(
          {
            input: spec,
            output: { path: out },
            plugins: ['@hey-api/typescript', '@hey-api/sdk', '@hey-api/client-fetch'],
            logs: { level: 'silent', file: false },
          },
          null,
          2,
        )};\n`,
      );
      return { command: node, args: [path.join(benchModules, '@hey-api/openapi-ts/bin/run.js'), '-f', config] };
    }
    default:
      throw new Error(`unknown tool ${tool}`);
  }
}

/**
 * A GET operation to call in consumers: the first one whose required parameters are all path
 * parameters (values: 1 for integer/number, else "x"). `undefined` when the document has none.
 */
export function sampleCall(specFile) {
  const doc = JSON.parse(readFileSync(specFile, 'utf8'));
  const deref = (value) => {
    let v = value;
    for (let i = 0; i < 10 && v && typeof v.$ref === 'string' && v.$ref.startsWith('#/'); i++) {
      v = v.$ref
        .slice(2)
        .split('/')
        .reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    }
    return v;
  };
  let fallback;
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    const op = item.get;
    if (!op) continue;
    const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref).filter(Boolean);
    const body = deref(op.requestBody);
    if (body?.required) continue;
    const required = params.filter((x) => x.required && x.in !== 'path');
    if (required.length > 0) continue;
    const pathParams = Object.fromEntries(
      params
        .filter((x) => x.in === 'path')
        .map((x) => {
          const schema = deref(x.schema) ?? {};
          const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
          return [x.name, type === 'integer' || type === 'number' ? 1 : 'x'];
        }),
    );
    const call = { path: p, pathParams };
    if (Object.keys(pathParams).length > 0) return call;
    fallback ??= call;
  }
  return fallback;
}

const TSCONFIG_BASE = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'ESNext',
  moduleResolution: 'Bundler',
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

/**
 * Writes `consumer.ts` and `tsconfig.json` beside a tool's output (`out`), for `tsc -p`: the
 * output plus one small consumer that makes one call of `call` through the tool's client (through
 * openapi-fetch for types-only tools).
 */
export function writeConsumer(tool, out, call) {
  const params = call && Object.keys(call.pathParams).length > 0 ? `{ params: { path: ${JSON.stringify(call.pathParams)} } }` : '{}';
  const lit = call ? JSON.stringify(call.path) : undefined;
  const openapiFetch = (from) =>
    [
      "import createClient from 'openapi-fetch';",
      `import type { paths } from '${from}';`,
      "const client = createClient<paths>({ baseUrl: 'http://127.0.0.1' });",
      lit ? `export const result = await client.GET(${lit}, ${params});` : 'export const result = client;',
    ].join('\n');
  let consumer;
  let include;
  let paths;
  switch (tool) {
    case 'openapi-typescript':
      consumer = openapiFetch('./schema');
      include = ['schema.ts', 'consumer.ts'];
      break;
    case 'sdkgen-types':
      consumer = openapiFetch('@bench/types');
      include = ['types/src/**/*.ts', 'consumer.ts'];
      paths = { '@bench/types': ['./types/src/index.ts'] };
      break;
    case 'sdkgen-all':
      consumer = [
        "import { Bench } from '@bench/client';",
        "const client = new Bench({ baseUrl: 'http://127.0.0.1' });",
        lit ? `export const result = await client.request('get', ${lit}, ${params});` : 'export const result = client;',
      ].join('\n');
      include = ['types/src/**/*.ts', 'client/src/**/*.ts', 'consumer.ts'];
      paths = { '@bench/types': ['./types/src/index.ts'], '@bench/client': ['./client/src/index.ts'] };
      break;
    case 'hey-api': {
      const heyParams = call && Object.keys(call.pathParams).length > 0 ? `, path: ${JSON.stringify(call.pathParams)}` : '';
      consumer = [
        "import { client } from './client.gen';",
        "client.setConfig({ baseUrl: 'http://127.0.0.1' });",
        lit ? `export const result = await client.get({ url: ${lit}${heyParams} });` : 'export const result = client;',
      ].join('\n');
      include = ['**/*.ts'];
      break;
    }
    default:
      throw new Error(`unknown tool ${tool}`);
  }
  writeFileSync(path.join(out, 'consumer.ts'), `${consumer}\n`);
  writeFileSync(
    path.join(out, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions: { ...TSCONFIG_BASE, ...(paths ? { paths } : {}) }, include }, null, 2)}\n`,
  );
}

export const tscBin = path.join(benchModules, 'typescript/bin/tsc');

/**
 * Our output as a user's editor sees it after `npm install`: the packages ship compiled, so the consumer's program
 * holds their declarations, not their sources. Emits the declarations of `out`'s sources (tsc
 * `--emitDeclarationOnly`, the compiler that checks them; the packages' own build makes the same files with tsdown)
 * into `out/installed/dts/`, and writes `out/installed/{consumer.ts,tsconfig.json}`: the consumer of
 * {@link writeConsumer}, resolving `@bench/*` to those declarations. Returns the installed folder; throws when the
 * declarations cannot be emitted.
 */
export function writeInstalledConsumer(tool, out) {
  const installed = path.join(out, 'installed');
  rmSync(installed, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  const sources = JSON.parse(readFileSync(path.join(out, 'tsconfig.json'), 'utf8'));
  const emit = {
    compilerOptions: {
      ...sources.compilerOptions,
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      rootDir: '..',
      outDir: 'dts',
    },
    include: sources.include.filter((p) => p !== 'consumer.ts').map((p) => `../${p}`),
  };
  emit.compilerOptions.paths = Object.fromEntries(Object.entries(sources.compilerOptions.paths ?? {}).map(([k, v]) => [k, v.map((f) => `../${f}`)]));
  writeFileSync(path.join(installed, 'tsconfig.emit.json'), `${JSON.stringify(emit, null, 2)}\n`);
  const r = spawnSync(process.execPath, [tscBin, '-p', path.join(installed, 'tsconfig.emit.json'), '--pretty', 'false'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`declarations of ${tool} (${out}) failed: ${r.stdout.slice(0, 2000)}`);
  const paths = Object.fromEntries(
    Object.entries(sources.compilerOptions.paths ?? {}).map(([k, v]) => [k, v.map((f) => `./dts/${f.replace(/^\.\//, '').replace(/\.ts$/, '.d.ts')}`)]),
  );
  copyFileSync(path.join(out, 'consumer.ts'), path.join(installed, 'consumer.ts'));
  writeFileSync(
    path.join(installed, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions: { ...TSCONFIG_BASE, paths }, include: ['consumer.ts'] }, null, 2)}\n`,
  );
  return installed;
}
