/**
 * The fuzz-found fixtures (fixtures/corpus-found/fuzz-*, each minimised, its README says what it
 * pins): both packages through the real pipeline (load → model → emit → prettier), file snapshots
 * under __snapshots__/corpus-found/<fixture>/{types,client}/ (the client's `src/core/` runtime copy
 * left out: client/core.test.ts pins it; the spec-independent files, tsconfig.json, equal the first
 * fixture's, which match the shared snapshots under generator/test/__snapshots__/spec-independent/),
 * and one TypeScript 5.9 program under `strict`,
 * `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess` over both packages of every fixture plus
 * its consumer (corpus-found-consumers/<fixture>.ts.txt: type-level assertions on the public
 * surface). The types themselves are also tested in generator/test/types/corpus-found.test-d.ts.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitClientPackage } from '../../src/emit/client/index.js';
import { emitTypesPackage } from '../../src/emit/types/index.js';
import type { EmitOptions } from '../../src/emit/types.js';
import { loadDocument } from '../../src/load/index.js';
import { buildModel } from '../../src/model/build.js';
import { type BatchMember, compileBatch } from '../fuzz/compile.js';
import { fuzzDir } from '../fuzz/driver.js';
import { expectNoStaleSnapshots, expectSameAsReference, expectSharedSnapshots, isSpecIndependent, type PackageKind } from '../snapshot-files.js';
import { formatFile } from './format.js';

const fixturesDir = fileURLToPath(new URL('../fixtures/corpus-found/', import.meta.url));
const consumersDir = fileURLToPath(new URL('./corpus-found-consumers/', import.meta.url));
const names = readdirSync(fixturesDir)
  .filter((n) => n.startsWith('fuzz-') && existsSync(path.join(fixturesDir, n, 'openapi.yaml')))
  .sort();

function options(name: string): EmitOptions {
  return {
    typesPackageName: `@fixtures/${name}-types`,
    clientPackageName: `@fixtures/${name}-client`,
    clientName: 'Client',
    specPath: `generator/test/fixtures/corpus-found/${name}/openapi.yaml`,
    command: 'pnpm generate',
    existingVersions: {},
  };
}

/** Both packages, formatted: `types/<path>` and `client/<path>` → contents. */
async function generate(name: string): Promise<{ files: Map<string, string>; warnings: string[] }> {
  const loaded = await loadDocument(path.join(fixturesDir, name, 'openapi.yaml'));
  const { api, diagnostics } = buildModel(loaded);
  const files = new Map<string, string>();
  for (const [pkg, emitted] of [
    ['types', emitTypesPackage(api, options(name))],
    ['client', emitClientPackage(api, options(name))],
  ] as const) {
    for (const f of emitted) files.set(`${pkg}/${f.path}`, await formatFile(f));
  }
  return { files, warnings: diagnostics.map((d) => d.code) };
}

const generated = new Map<string, { files: Map<string, string>; warnings: string[] }>();
const kinds: readonly PackageKind[] = ['types', 'client'];

/** One package of a generated fixture: path relative to the package root → contents. */
function packageFiles(name: string, kind: PackageKind): Map<string, string> {
  const prefix = `${kind}/`;
  const files = generated.get(name)?.files ?? new Map<string, string>();
  return new Map([...files].filter(([p]) => p.startsWith(prefix)).map(([p, contents]) => [p.slice(prefix.length), contents]));
}

describe('fuzz-found fixtures', () => {
  beforeAll(async () => {
    for (const name of names) generated.set(name, await generate(name));
  }, 120_000);

  it('has the three fixed kinds', () => {
    expect(names).toEqual(expect.arrayContaining(['fuzz-invalid-method-name', 'fuzz-self-referencing-alias', 'fuzz-tuple-rest-cycle']));
  });

  it('spec-independent files: one shared snapshot per package kind', async () => {
    const first = names[0] ?? '';
    for (const kind of kinds) await expectSharedSnapshots(kind, packageFiles(first, kind));
  });

  for (const name of names) {
    it(`${name}: matches the file snapshots`, async () => {
      const g = generated.get(name);
      if (g === undefined) throw new Error(`${name} was not generated`);
      const paths = [...g.files.keys()].filter((p) => !p.startsWith('client/src/core/') && !isSpecIndependent(p.slice(p.indexOf('/') + 1)));
      expect(paths).toContain('types/src/index.ts');
      expect(paths).toContain('client/src/client.ts');
      for (const p of paths) await expect(g.files.get(p)).toMatchFileSnapshot(`__snapshots__/corpus-found/${name}/${p}`);
      const first = names[0] ?? '';
      for (const kind of kinds)
        expectSameAsReference(`${name} (${kind})`, packageFiles(name, kind), { name: `${first} (${kind})`, files: packageFiles(first, kind) });
      expectNoStaleSnapshots(fileURLToPath(new URL(`./__snapshots__/corpus-found/${name}/`, import.meta.url)), paths);
    });
  }

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
