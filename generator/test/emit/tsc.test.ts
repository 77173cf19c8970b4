/**
 * Compiles the types package of every fixture with TypeScript 5.4 (the stated minimum), 5.9 (the
 * pinned compiler) and 7 (the Go port, CLI only) under `strict`, `exactOptionalPropertyTypes` and
 * `noUncheckedIndexedAccess`, plus a consumer file per fixture that hands `paths` to openapi-fetch's
 * `createClient`. Also builds one package standalone with its own emitted tsconfig.json and checks
 * the build output (declarations, an empty runtime entry).
 *
 * Output goes to generator/node_modules/.cache/ so that `openapi-fetch` resolves from there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitFixture, modelBuilder, typeFixtures } from './pipeline.js';

const build = await modelBuilder();
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const workDir = path.join(repo, 'generator/node_modules/.cache/sdkgen-types-tsc');

const compilers = {
  '5.4': path.join(repo, 'node_modules/typescript-5.4/bin/tsc'),
  '5.9': path.join(repo, 'generator/node_modules/typescript/bin/tsc'),
  '7': path.join(repo, 'node_modules/typescript-7/bin/tsc'),
} as const;

const strictOptions = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

function runTsc(compiler: string, project: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [compiler, '-p', project, '--pretty', 'false'], {
    encoding: 'utf8',
    cwd: path.dirname(project),
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const fixtures = typeFixtures();
const compiled: string[] = [];

describe.runIf(build !== undefined)('generated types compile', () => {
  beforeAll(async () => {
    if (build === undefined) return;
    rmSync(workDir, { recursive: true, force: true });
    for (const fixture of fixtures) {
      // A fixture the loader or model rejects fails in types-snapshots.test.ts; compile the rest.
      const files = await emitFixture(fixture, build).catch(() => undefined);
      if (files === undefined) continue;
      compiled.push(fixture.name);
      for (const [file, contents] of files) {
        const target = path.join(workDir, fixture.name, file);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, contents);
      }
      writeFileSync(
        path.join(workDir, fixture.name, 'consumer.ts'),
        [
          "import createClient from 'openapi-fetch';",
          "import type { components, operations, paths } from './src/index.js';",
          '',
          "export const client = createClient<paths>({ baseUrl: 'http://127.0.0.1' });",
          "export type Schemas = components['schemas'];",
          'export type Operations = operations;',
          '',
        ].join('\n'),
      );
    }
    writeFileSync(
      path.join(workDir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: strictOptions, include: ['*/src/**/*.ts', '*/consumer.ts'] }, null, 2),
    );
  }, 120_000);

  for (const [version, compiler] of Object.entries(compilers)) {
    it(`TypeScript ${version}: zero errors`, () => {
      expect(compiled.length).toBeGreaterThan(20);
      expect(existsSync(compiler), `${compiler} is installed`).toBe(true);
      const { status, output } = runTsc(compiler, path.join(workDir, 'tsconfig.json'));
      expect(output.trim()).toBe('');
      expect(status).toBe(0);
    }, 120_000);
  }

  it('a package builds standalone with its emitted tsconfig.json (declarations + empty runtime entry)', () => {
    const fixture = fixtures.find((f) => f.name === 'case-17') ?? fixtures[0];
    expect(fixture).toBeDefined();
    if (fixture === undefined) return;
    const dir = path.join(workDir, fixture.name);
    const { status, output } = runTsc(compilers['5.9'], path.join(dir, 'tsconfig.json'));
    expect(output.trim()).toBe('');
    expect(status).toBe(0);
    expect(existsSync(path.join(dir, 'dist/index.d.ts'))).toBe(true);
    expect(existsSync(path.join(dir, 'dist/openapi.d.ts'))).toBe(true);
    // A value import of the package loads nothing but an empty module.
    const runtime = readFileSync(path.join(dir, 'dist/index.js'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('//'));
    expect(runtime).toEqual(['export {};']);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      exports: Record<string, { types: string; default: string }>;
    };
    expect(existsSync(path.join(dir, pkg.exports['.']?.types ?? 'missing'))).toBe(true);
    expect(existsSync(path.join(dir, pkg.exports['.']?.default ?? 'missing'))).toBe(true);
  }, 120_000);

  it('no generated file uses the `any` type (TypeScript AST scan)', async () => {
    if (build === undefined) return;
    let scanned = 0;
    for (const fixture of fixtures.filter((f) => compiled.includes(f.name))) {
      for (const [file, contents] of await emitFixture(fixture, build)) {
        if (!file.endsWith('.ts')) continue;
        const source = ts.createSourceFile(file, contents, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
        const found: string[] = [];
        const visit = (node: ts.Node): void => {
          if (node.kind === ts.SyntaxKind.AnyKeyword) {
            const { line } = source.getLineAndCharacterOfPosition(node.getStart());
            found.push(`${fixture.name}/${file}:${line + 1}`);
          }
          ts.forEachChild(node, visit);
        };
        visit(source);
        expect(found).toEqual([]);
        scanned++;
      }
    }
    expect(scanned).toBeGreaterThan(compiled.length);
  }, 120_000);
});
