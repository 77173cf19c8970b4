/**
 * Regressions of the typed `client.request(method, path, { params })` on a spec with many paths (a
 * synthetic one of 400 paths, each with its own path, query and body types):
 * - corpus-found/typed-request-union-too-complex: the call must compile (TS2590 "union type too
 *   complex" when `RequestInput` crossed the parts of a union of operations; D48: no part distributes);
 * - D22, D48: the call must cost the type checker less than openapi-fetch's `GET` over the same types (a
 *   conditional `OperationAt` made each call site resolve every path: ≈ 4× openapi-fetch's instantiations
 *   here, 5.4 s of tsc for one call on GitHub's spec; distributive `RequestInput`/`RequestArgs` ≈ 1.6×).
 *   Counted in type instantiations, which are deterministic, never in time.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { emitClientPackage } from '../../src/emit/client/index.js';
import { emitTypesPackage } from '../../src/emit/types/index.js';
import type { EmitOptions } from '../../src/emit/types.js';
import { loadDocument } from '../../src/load/index.js';
import { buildModel } from '../../src/model/build.js';
import { strictCompilerOptions } from '../strict-options.js';
import { outRoot, repoRoot } from './pipeline.js';

const N = 400;

function spec(): object {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < N; i++) {
    paths[`/r${i}/{id${i}}`] = {
      get: {
        operationId: `get${i}`,
        tags: [`r${i}`],
        parameters: [
          { name: `id${i}`, in: 'path', required: true, schema: { type: 'string' } },
          { name: `q${i}`, in: 'query', required: i % 2 === 0, schema: { type: 'integer' } },
        ],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { [`v${i}`]: { type: 'string' } } } } } },
        },
      },
      post: {
        operationId: `post${i}`,
        tags: [`r${i}`],
        parameters: [{ name: `id${i}`, in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', required: [`f${i}`], properties: { [`f${i}`]: { type: 'string' } } } } },
        },
        responses: { '201': { description: 'created' } },
      },
    };
  }
  return { openapi: '3.1.0', info: { title: 'Large', version: '1' }, paths };
}

const dir = path.join(outRoot, 'large');

const compilerOptions = {
  ...strictCompilerOptions,
  paths: { '@large/types': ['./types/src/index.ts'], '@large/client': ['./client/src/index.ts'] },
};

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'openapi.yaml'), JSON.stringify(spec(), null, 1));
  const { api } = buildModel(await loadDocument(path.join(dir, 'openapi.yaml')));
  const options: EmitOptions = {
    typesPackageName: '@large/types',
    clientPackageName: '@large/client',
    clientName: 'Large',
    specPath: 'openapi.json',
    command: 'x',
    existingVersions: {},
  };
  for (const [pkg, files] of [
    ['types', emitTypesPackage(api, options)],
    ['client', emitClientPackage(api, options)],
  ] as const) {
    for (const f of files) {
      const target = path.join(dir, pkg, f.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, f.contents);
    }
  }
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
}, 120_000);

it('a typed request() call compiles on a spec with 400 paths (TypeScript 5.9 and 7)', () => {
  writeFileSync(
    path.join(dir, 'consumer.ts'),
    [
      "import { Large } from '@large/client';",
      "const client = new Large({ baseUrl: 'http://127.0.0.1' });",
      "export const a = await client.request('get', '/r7/{id7}', { params: { path: { id7: 'x' }, query: { q7: 1 } } });",
      "export const b = await client.request('post', '/r8/{id8}', { params: { path: { id8: 'x' } }, body: { f8: 'y' } });",
      '// @ts-expect-error the required query parameter is missing.',
      "export const c = await client.request('get', '/r8/{id8}', { params: { path: { id8: 'x' } } });",
      '// @ts-expect-error the body field is a string.',
      "export const d = await client.request('post', '/r8/{id8}', { params: { path: { id8: 'x' } }, body: { f8: 1 } });",
      '// @ts-expect-error init is required.',
      "export const e = await client.request('get', '/r7/{id7}');",
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
  for (const compiler of ['generator/node_modules/typescript/bin/tsc', 'node_modules/typescript-7/bin/tsc']) {
    const r = spawnSync(process.execPath, [path.join(repoRoot, compiler), '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: dir, encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`.trim(), compiler).toBe('');
    expect(r.status).toBe(0);
  }
}, 300_000);

/** One count `tsc --extendedDiagnostics` (TypeScript 5.9) prints checking `program` (a module body) in the generated packages' folder. */
function checkerCount(name: string, program: string[], counter: 'Instantiations' | 'Assignability cache size'): number {
  writeFileSync(path.join(dir, `${name}.ts`), `${program.join('\n')}\n`);
  writeFileSync(path.join(dir, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: [`${name}.ts`] }));
  const tsc = path.join(repoRoot, 'generator/node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', `tsconfig.${name}.json`, '--pretty', 'false', '--extendedDiagnostics'], { cwd: dir, encoding: 'utf8' });
  expect(
    r.stdout.split('\n').filter((l) => l.includes('error TS')),
    name,
  ).toEqual([]);
  const count = new RegExp(`^${counter}:\\s+(\\d+)`, 'm').exec(r.stdout)?.[1];
  expect(count, `${name}: tsc --extendedDiagnostics prints "${counter}"`).toBeDefined();
  return Number(count);
}

/** Type instantiations checking `program` makes. */
function instantiations(name: string, program: string[]): number {
  return checkerCount(name, program, 'Instantiations');
}

it('one typed request() call costs the checker at most 0.25x what openapi-fetch GET costs over the same types (D22, D48)', () => {
  const call = "{ params: { path: { id7: 'x' }, query: { q7: 1 } } }";
  const ours =
    instantiations('cost-ours-call', [
      "import { Large } from '@large/client';",
      "const client = new Large({ baseUrl: 'http://127.0.0.1' });",
      `export const a = await client.request('get', '/r7/{id7}', ${call});`,
    ]) - instantiations('cost-ours-base', ["import { Large } from '@large/client';", "export const client = new Large({ baseUrl: 'http://127.0.0.1' });"]);
  const theirs =
    instantiations('cost-openapi-fetch-call', [
      "import createClient from 'openapi-fetch';",
      "import type { paths } from '@large/types';",
      "const client = createClient<paths>({ baseUrl: 'http://127.0.0.1' });",
      `export const a = await client.GET('/r7/{id7}', ${call});`,
    ]) -
    instantiations('cost-openapi-fetch-base', [
      "import createClient from 'openapi-fetch';",
      "import type { paths } from '@large/types';",
      "export const client = createClient<paths>({ baseUrl: 'http://127.0.0.1' });",
    ]);
  // Measured: ours ≈ 3,800, openapi-fetch ≈ 36,600. Before D48 (distributive RequestInput/RequestArgs, PathsWith
  // inferring each path's operation) ours was ≈ 57,000; with the conditional OperationAt before D22, ≈ 145,000.
  expect(theirs).toBeGreaterThan(10_000);
  expect(ours / theirs).toBeLessThan(0.25);
}, 300_000);

it('declaring the client relates no type parameter of request() to every path item (D53)', () => {
  // The whole program of a client without a call: base.ts declares the typed request() overload beside the descriptor
  // one and overrides ClientCore's. With OperationAt constraining P to `keyof Paths` and M to `keyof Paths[P]`, checking
  // that declaration related M and P to the keys of every path item. Measured on this spec (TypeScript 5.9): 4,656
  // assignability cache entries with those constraints, 2,635 without them (docs/decisions.md D53).
  const entries = checkerCount(
    'cost-ours-declaration',
    ["import { Large } from '@large/client';", "export const client = new Large({ baseUrl: 'http://127.0.0.1' });"],
    'Assignability cache size',
  );
  expect(entries).toBeLessThan(3_500);
}, 300_000);
