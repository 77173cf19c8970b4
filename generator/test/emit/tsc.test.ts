/**
 * Compiles the types package of every fixture with TypeScript 5.4 (the stated minimum), 5.9 (the
 * pinned compiler) and 7 (the Go port, CLI only) under the shared strict options (../strict-options.ts:
 * `strict`, `exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`, …), plus a consumer file per
 * fixture that hands `paths` to openapi-fetch's `createClient`. Also builds one package standalone with its own emitted tsconfig.json and checks
 * the build output (declarations, an empty runtime entry).
 *
 * Output goes to generator/node_modules/.cache/ so that `openapi-fetch` resolves from there.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/index.js';
import { strictCompilerOptions } from '../strict-options.js';
import { emitFixture, typeFixtures } from './pipeline.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const workDir = path.join(repo, 'generator/node_modules/.cache/sdkgen-types-tsc');

const compilers = {
  '5.4': path.join(repo, 'node_modules/typescript-5.4/bin/tsc'),
  '5.9': path.join(repo, 'generator/node_modules/typescript/bin/tsc'),
  '7': path.join(repo, 'node_modules/typescript-7/bin/tsc'),
} as const;

function runTsc(compiler: string, project: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [compiler, '-p', project, '--pretty', 'false'], {
    encoding: 'utf8',
    cwd: path.dirname(project),
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const fixtures = typeFixtures();
const compiled: string[] = [];
/** Fixtures openapi-typescript 7 throws on (not compared), with its first error line. */
const refused = new Map<string, string>();
/** Formatted output per compiled fixture (path → contents). */
const emitted = new Map<string, Map<string, string>>();
/** Fixtures whose `paths`/`operations` shape was compared with openapi-typescript's output. */
const compared: string[] = [];

/**
 * openapi-typescript (pinned in the private bench package) renders the same bundled document; the
 * comparison file asserts that both `paths` and `webhooks` have the same keys, methods, parameter
 * locations (and their optionality and member names), request-body presence, optionality and media
 * types, and response statuses and media types.
 */
type OpenapiTS = (schema: Record<string, unknown>) => Promise<unknown[]>;
async function openapiTypescript(): Promise<{ openapiTS: OpenapiTS; astToString: (nodes: unknown[]) => string }> {
  const entry = path.join(repo, 'bench/node_modules/openapi-typescript/dist/index.mjs');
  const mod = (await import(pathToFileURL(entry).href)) as {
    default: OpenapiTS;
    astToString: (nodes: unknown[]) => string;
  };
  return { openapiTS: mod.default, astToString: mod.astToString };
}

/** Fixtures openapi-typescript 7 itself throws on (so not compared), with the first line of its error. */
const REFUSED_BY_OPENAPI_TYPESCRIPT: Record<string, string> = {
  polymorphism: "Error: Can't resolve $ref at #/components/schemas/Shape/discriminator/mapping/circle",
  'prototype-names': 'TypeError: Cannot convert undefined or null to object',
};

/**
 * Fixtures whose openapi-typescript output does not compile, so there is nothing to compare with: it
 * writes an optional tuple element holding an array of the schema itself (`[Tree[]?]`), which
 * TypeScript resolves eagerly (TS2502); we write the union of the tuple's lengths instead (D31).
 */
const UNCOMPILABLE_OPENAPI_TYPESCRIPT_OUTPUT = new Set(['tuple-optional-recursive']);

const compareSource = `import type { paths as OurPaths, webhooks as OurHooks } from './src/index.js';
import type { paths as TheirPaths, webhooks as TheirHooks } from './openapi-typescript.js';

type Eq<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type Optional<T, K extends keyof T> = {} extends Pick<T, K> ? 'optional' : 'required';
type Params<P> = { [L in keyof P]-?: [NonNullable<P[L]>] extends [never] ? 'never' : { presence: Optional<P, L>; names: keyof NonNullable<P[L]> } };
type Content<C> = [NonNullable<C>] extends [never] ? 'none' : keyof NonNullable<C>;
type Body<O> = O extends { requestBody?: infer B } ? ([NonNullable<B>] extends [never] ? 'none' : { presence: Optional<O, 'requestBody' & keyof O>; media: Content<NonNullable<B> extends { content: infer C } ? C : never> }) : 'none';
type Responses<R> = [R] extends [never] ? 'none' : { [S in keyof R]-?: Content<R[S] extends { content?: infer C } ? C : never> };
type Op<O> = [NonNullable<O>] extends [never] ? 'absent' : { parameters: Params<NonNullable<O> extends { parameters: infer P } ? P : never>; body: Body<NonNullable<O>>; responses: Responses<NonNullable<O> extends { responses: infer R } ? R : never> };
type Item<I> = { [M in keyof I]-?: M extends 'parameters' ? Params<I[M]> : Op<I[M]> };
type Shape<P> = { [K in keyof P]-?: Item<P[K]> };

export type PathsMatch = Assert<Eq<Shape<OurPaths>, Shape<TheirPaths>>>;
export type WebhooksMatch = Assert<Eq<Shape<OurHooks>, Shape<TheirHooks>>>;
`;

describe('generated types compile', () => {
  beforeAll(async () => {
    rmSync(workDir, { recursive: true, force: true });
    const reference = await openapiTypescript();
    for (const fixture of fixtures) {
      const files = await emitFixture(fixture);
      compiled.push(fixture.name);
      emitted.set(fixture.name, files);
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
      const loaded = await loadDocument(fixture.spec);
      const theirs = await reference.openapiTS(loaded.document).catch((err: unknown) => {
        refused.set(fixture.name, String(err).split('\n')[0] ?? '');
        return undefined;
      });
      if (theirs !== undefined && !UNCOMPILABLE_OPENAPI_TYPESCRIPT_OUTPUT.has(fixture.name)) {
        writeFileSync(path.join(workDir, fixture.name, 'openapi-typescript.ts'), reference.astToString(theirs));
        writeFileSync(path.join(workDir, fixture.name, 'compare.ts'), compareSource);
        compared.push(fixture.name);
      }
    }
    writeFileSync(
      path.join(workDir, 'tsconfig.json'),
      JSON.stringify(
        { compilerOptions: strictCompilerOptions, include: ['*/src/**/*.ts', '*/consumer.ts', '*/openapi-typescript.ts', '*/compare.ts'] },
        null,
        2,
      ),
    );
  }, 120_000);

  for (const [version, compiler] of Object.entries(compilers)) {
    it(`TypeScript ${version}: zero errors`, () => {
      expect(compiled).toEqual(fixtures.map((f) => f.name));
      expect(existsSync(compiler), `${compiler} is installed`).toBe(true);
      const { status, output } = runTsc(compiler, path.join(workDir, 'tsconfig.json'));
      expect(output.trim()).toBe('');
      expect(status).toBe(0);
    }, 120_000);
  }

  it('`paths` and `webhooks` have the shape openapi-typescript 7 gives (checked in the compile above)', () => {
    // compare.ts files are part of the compiled set; this asserts they were produced for every fixture but those
    // openapi-typescript itself refuses or writes output for that does not compile.
    expect(Object.fromEntries(refused)).toEqual(REFUSED_BY_OPENAPI_TYPESCRIPT);
    expect(compared).toEqual(fixtures.map((f) => f.name).filter((name) => !refused.has(name) && !UNCOMPILABLE_OPENAPI_TYPESCRIPT_OUTPUT.has(name)));
  });

  it('a package builds standalone with its emitted tsconfig.json and tsdown.config.ts (declarations + empty runtime entries)', () => {
    const fixture = fixtures.find((f) => f.name === 'read-only-write-only');
    if (fixture === undefined) throw new Error('fixture read-only-write-only (its types are used below) is missing');
    const dir = path.join(workDir, fixture.name);
    const { status, output } = runTsc(compilers['5.9'], path.join(dir, 'tsconfig.json'));
    expect(output.trim()).toBe('');
    expect(status).toBe(0);
    // The package's own build (D34): ESM and CommonJS entries, each with its declarations. Built in a copy outside
    // node_modules (tsdown's declaration plugin leaves files under node_modules alone).
    const built = path.join(repo, 'generator/.sdkgen-cache/types-build', fixture.name);
    rmSync(built, { recursive: true, force: true });
    const skipped = (from: string): boolean => ['node_modules', 'dist'].includes(path.relative(dir, from).split(path.sep)[0] ?? '');
    cpSync(dir, built, { recursive: true, filter: (from) => !skipped(from) });
    const tsdown = spawnSync(process.execPath, [path.join(repo, 'generator/node_modules/tsdown/dist/run.mjs'), '--logLevel', 'error'], {
      cwd: built,
      encoding: 'utf8',
    });
    expect(tsdown.status, `${tsdown.stdout}${tsdown.stderr}`).toBe(0);
    expect(existsSync(path.join(built, 'dist/openapi.d.ts'))).toBe(true);
    expect(existsSync(path.join(built, 'dist/openapi.d.cts'))).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(built, 'package.json'), 'utf8')) as {
      exports: Record<string, Record<'import' | 'require', { types: string; default: string }>>;
    };
    const root = pkg.exports['.'];
    const targets = root === undefined ? [] : [root.import.types, root.import.default, root.require.types, root.require.default];
    expect(targets).toEqual(['./dist/index.d.ts', './dist/index.js', './dist/index.d.cts', './dist/index.cjs']);
    for (const target of targets) expect(existsSync(path.join(built, target)), target).toBe(true);
    // A value import or require() of the package loads nothing but an empty module.
    for (const entry of ['dist/index.js', 'dist/index.cjs']) {
      const runtime = readFileSync(path.join(built, entry), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '' && !line.startsWith('//') && line.trim() !== 'export {};');
      expect(runtime, entry).toEqual([]);
    }

    // The built package resolves by name for consumers using node16/nodenext, bundler and the
    // old node10 resolution (exports conditions and top-level types), with TypeScript 5.4.
    const consumer = path.join(workDir, '.consumer');
    const linked = path.join(consumer, 'node_modules', '@fixtures', `${fixture.name}-types`);
    mkdirSync(path.dirname(linked), { recursive: true });
    symlinkSync(built, linked, 'dir');
    writeFileSync(
      path.join(consumer, 'use.ts'),
      [
        `import type { CreateAvatarBody, Image, paths } from '@fixtures/${fixture.name}-types';`,
        "export const body: CreateAvatarBody = { image: { format: 'png', data: 'aGk=' } };",
        "export type Created = paths['/avatars']['post']['responses'][201]['content']['application/json'];",
        'export type Same = Created extends Image ? true : false;',
        '',
      ].join('\n'),
    );
    const modes = [
      { module: 'NodeNext', moduleResolution: 'NodeNext' },
      { module: 'ESNext', moduleResolution: 'Bundler' },
      { module: 'CommonJS', moduleResolution: 'Node10' },
    ];
    for (const mode of modes) {
      const project = path.join(consumer, `tsconfig.${mode.moduleResolution}.json`);
      writeFileSync(
        project,
        JSON.stringify({
          // Deliberately about module resolution: the shared options with each mode (CommonJS needs verbatimModuleSyntax off).
          compilerOptions: { ...strictCompilerOptions, ...mode, verbatimModuleSyntax: false, ignoreDeprecations: '5.0' },
          files: ['use.ts'],
        }),
      );
      const result = runTsc(compilers['5.4'], project);
      expect(result.output.trim(), mode.moduleResolution).toBe('');
      expect(result.status).toBe(0);
    }
  }, 120_000);

  it('no generated file uses the `any` type (TypeScript AST scan)', () => {
    let scanned = 0;
    for (const [name, files] of emitted) {
      for (const [file, contents] of files) {
        if (!file.endsWith('.ts')) continue;
        const source = ts.createSourceFile(file, contents, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
        const found: string[] = [];
        const visit = (node: ts.Node): void => {
          if (node.kind === ts.SyntaxKind.AnyKeyword) {
            const { line } = source.getLineAndCharacterOfPosition(node.getStart());
            found.push(`${name}/${file}:${line + 1}`);
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
