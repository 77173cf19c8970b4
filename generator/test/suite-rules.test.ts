/**
 * Rules the test suite keeps, checked over the test sources (generator/test, bench/test, spec/test,
 * packages/<name>/test):
 * - a test never skips itself, except where the skip is the point: the EACCES test as root (root ignores
 *   file modes) and the whole-corpus oracle without `SDKGEN_CORPUS=full`. A missing module or build fails;
 * - type assertions (`expectTypeOf`, `assertType`) live only in `*.test-d.ts` files, which vitest type-checks
 *   (vitest.config.ts `typecheck`), or in the `.ts.txt` consumers that tsc compiles against generated
 *   packages under several TypeScript versions (client/tsc.test.ts, emit/corpus-found.test.ts);
 * - every test that runs the TypeScript compiler (a program, a language service, the tsc CLI) compiles under
 *   the one set of strict options (strict-options.ts), and so does the type-check config (tsconfig.test.json).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { strictProgramOptions } from './strict-options.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const thisFile = 'generator/test/suite-rules.test.ts';

/** Test source files (`.ts`, `.mts`, `.mjs`) under the test folders, relative to the root, sorted; snapshots and fixtures left out. */
function testSources(): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(repoRoot, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!['node_modules', '__snapshots__', 'fixtures'].includes(entry.name)) walk(child);
      } else if (/\.(ts|mts|mjs)$/.test(entry.name) && child !== thisFile) {
        out.push(child);
      }
    }
  };
  const packageTests = readdirSync(path.join(repoRoot, 'packages'))
    .map((p) => `packages/${p}/test`)
    .filter((dir) => existsSync(path.join(repoRoot, dir)));
  for (const dir of ['generator/test', 'bench/test', 'spec/test', ...packageTests]) walk(dir);
  return out.sort();
}

const sources = testSources();
const read = (file: string): string => readFileSync(path.join(repoRoot, file), 'utf8');

describe('test suite rules', () => {
  it('finds the test sources', () => {
    expect(sources).toEqual(expect.arrayContaining(['generator/test/lint.test.ts', 'bench/test/case37.test.ts', 'spec/test/lint.test.ts']));
  });

  it('no test skips itself, but the two whose skip is the point', () => {
    const skip = /\b(?:describe|it|test)\s*\.\s*(?:skip|skipIf|runIf|todo)\b|\b(?:ctx|context)\s*\.\s*skip\s*\(/g;
    const found = sources.flatMap((file) => [...read(file).matchAll(skip)].map((m) => `${file}: ${m[0].replace(/\s+/g, '')}`));
    expect(found).toEqual([
      'bench/test/oracle-corpus.test.ts: describe.skipIf', // the whole corpus runs under SDKGEN_CORPUS=full (pnpm test:corpus)
      'generator/test/write/fs-errors.test.ts: test.skipIf', // EACCES cannot happen as root
    ]);
  });

  it('type assertions only in *.test-d.ts files', () => {
    const assertion = /\b(?:expectTypeOf|assertType)\s*[(<]/;
    expect(sources.filter((file) => !file.endsWith('.test-d.ts') && assertion.test(read(file)))).toEqual([]);
  });

  it('every test that runs the TypeScript compiler uses the shared strict options', () => {
    const compiles = /\bts\.(?:createProgram|createLanguageService)\s*\(|typescript[\w.-]*\/bin\/tsc\b/;
    // client/build.test.ts builds the generated packages with their own emitted tsconfig.json: that file is what it tests.
    const ownConfig = new Set(['generator/test/client/build.test.ts']);
    const offenders = sources.filter(
      (file) =>
        file !== 'generator/test/strict-options.ts' &&
        !ownConfig.has(file) &&
        compiles.test(read(file)) &&
        !/from '(?:\.\.?\/)+(?:test\/)?strict-options\.js'/.test(read(file)),
    );
    expect(offenders).toEqual([]);
  });

  it('the type-check config (tsconfig.test.json) has exactly the shared strict options', () => {
    const vitestConfig = readFileSync(path.join(repoRoot, 'vitest.config.ts'), 'utf8');
    expect(vitestConfig).toContain("tsconfig: './tsconfig.test.json'");
    const parsed = ts.getParsedCommandLineOfConfigFile(
      path.join(repoRoot, 'tsconfig.test.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    );
    expect(parsed?.errors ?? []).toEqual([]);
    const { configFilePath: _path, ...options } = parsed?.options ?? {};
    expect(options).toEqual(strictProgramOptions);
    expect(parsed?.fileNames.filter((f) => !f.endsWith('.test-d.ts'))).toEqual([]);
  });
});
