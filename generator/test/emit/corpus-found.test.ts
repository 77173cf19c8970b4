/**
 * The fuzz-found fixtures (fixtures/corpus-found/fuzz-*, each minimised, its README says what it
 * pins): both packages through the real pipeline (load → model → emit → prettier), and one TypeScript
 * 5.9 program under `strict`, `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess` over both
 * packages of every fixture plus its consumer (corpus-found-consumers/<fixture>.ts.txt: type-level
 * assertions on the public surface). Their file snapshots are taken with every other fixture's, by
 * types-snapshots.test.ts and client/snapshots.test.ts; the types themselves are also tested in
 * generator/test/types/corpus-found.test-d.ts.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitClientPackage } from '../../src/emit/client/index.js';
import { emitTypesPackage } from '../../src/emit/types/index.js';
import { loadDocument } from '../../src/load/index.js';
import { buildModel } from '../../src/model/build.js';
import { type BatchMember, compileBatch } from '../fuzz/compile.js';
import { fuzzDir } from '../fuzz/driver.js';
import { formatFile } from './format.js';
import { corpusFoundFixtures, type Fixture, fixtureOptions } from './pipeline.js';

const consumersDir = fileURLToPath(new URL('./corpus-found-consumers/', import.meta.url));
const fixtures = corpusFoundFixtures();
const names = fixtures.map((f) => f.name);

/** Both packages, formatted: `types/<path>` and `client/<path>` → contents. */
async function generate(fixture: Fixture): Promise<{ files: Map<string, string>; warnings: string[] }> {
  const { api, diagnostics } = buildModel(await loadDocument(fixture.spec));
  const files = new Map<string, string>();
  for (const [pkg, emitted] of [
    ['types', emitTypesPackage(api, fixtureOptions(fixture))],
    ['client', emitClientPackage(api, fixtureOptions(fixture))],
  ] as const) {
    for (const f of emitted) files.set(`${pkg}/${f.path}`, await formatFile(f));
  }
  return { files, warnings: diagnostics.map((d) => d.code) };
}

const generated = new Map<string, { files: Map<string, string>; warnings: string[] }>();

describe('fuzz-found fixtures', () => {
  beforeAll(async () => {
    for (const fixture of fixtures) generated.set(fixture.name, await generate(fixture));
  }, 120_000);

  it('has the three fixed kinds', () => {
    expect(names).toEqual(expect.arrayContaining(['fuzz-invalid-method-name', 'fuzz-self-referencing-alias', 'fuzz-tuple-rest-cycle']));
  });

  it('self-referencing schemas are reported, once each', () => {
    const warnings = generated.get('fuzz-self-referencing-alias')?.warnings ?? [];
    expect(warnings.filter((c) => c === 'model/self-referencing-schema')).toHaveLength(5);
  });

  it('every fixture compiles under strict with its consumer (TypeScript 5.9, one program)', () => {
    const members: BatchMember[] = names.map((name) => {
      const files = new Map(generated.get(name)?.files ?? []);
      const consumer = path.join(consumersDir, `${name}.ts.txt`);
      expect(existsSync(consumer), `${consumer} exists`).toBe(true);
      files.set('consumer/package.json', '{ "type": "module" }\n');
      files.set('consumer/type-tests.ts', readFileSync(consumer, 'utf8'));
      return {
        id: name,
        files,
        packages: { [`@fixtures/${name}-types`]: 'types', [`@fixtures/${name}-client`]: 'client' },
      };
    });
    const dir = path.join(fuzzDir, 'corpus-found');
    rmSync(dir, { recursive: true, force: true });
    const errors = compileBatch(dir, members).map((e) => `${e.file}:${e.line} ${e.message.split('\n')[0]}`);
    expect(errors).toEqual([]);
  }, 120_000);
});
