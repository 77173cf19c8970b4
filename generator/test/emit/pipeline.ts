/**
 * The fixture pipeline the emitter tests share: spec → loadDocument → buildModel → emitTypesPackage
 * (TypeScript printed in its final shape) → prettier for the other files (the repository's
 * `.prettierrc.json`), as the real generator runs it, minus writing.
 */
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitTypesPackage } from '../../src/emit/types/index.js';
import type { EmitOptions } from '../../src/emit/types.js';
import { loadDocument } from '../../src/load/index.js';
import { buildModel } from '../../src/model/build.js';
import type { Api } from '../../src/model/types.js';
import { formatFile } from './format.js';

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface Fixture {
  /** Unique name, used as the snapshot folder: `nullable-type-arrays`, `additional-properties`, … */
  name: string;
  /** Absolute path of the entry spec. */
  spec: string;
  /** Spec path relative to the repository root (for banners). */
  specPath: string;
}

/** Every fixture with an `openapi.yaml` under fixtures/cases, fixtures/rules and fixtures/emit, sorted (a group with none throws). */
export function typeFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const group of ['cases', 'rules', 'emit']) {
    const dir = path.join(fixturesDir, group);
    const before = out.length;
    for (const name of readdirSync(dir).sort()) {
      const spec = path.join(dir, name, 'openapi.yaml');
      if (existsSync(spec)) out.push({ name, spec, specPath: `generator/test/fixtures/${group}/${name}/openapi.yaml` });
    }
    if (out.length === before) throw new Error(`no fixture spec under ${dir}`);
  }
  return out;
}

/**
 * The fuzz-found fixtures with a spec (fixtures/corpus-found/fuzz-*), sorted: snapshotted beside the others
 * (types-snapshots.test.ts, client/snapshots.test.ts) and compiled with a consumer (corpus-found.test.ts);
 * not in {@link typeFixtures}. Throws when there is none.
 */
export function corpusFoundFixtures(): Fixture[] {
  const dir = path.join(fixturesDir, 'corpus-found');
  const out = readdirSync(dir)
    .sort()
    .filter((name) => name.startsWith('fuzz-') && existsSync(path.join(dir, name, 'openapi.yaml')))
    .map((name) => ({ name, spec: path.join(dir, name, 'openapi.yaml'), specPath: `generator/test/fixtures/corpus-found/${name}/openapi.yaml` }));
  if (out.length === 0) throw new Error(`no fuzz-* fixture spec under ${dir}`);
  return out;
}

/** The emit options of a fixture: packages `@fixtures/<name>-types` and `@fixtures/<name>-client`, class `Client`. */
export function fixtureOptions(fixture: Fixture): EmitOptions {
  return {
    typesPackageName: `@fixtures/${fixture.name}-types`,
    clientPackageName: `@fixtures/${fixture.name}-client`,
    clientName: 'Client',
    specPath: fixture.specPath,
    command: 'pnpm generate',
    existingVersions: {},
  };
}

/** Loads, models, emits and formats one fixture; returns path → formatted contents. */
export async function emitFixture(fixture: Fixture): Promise<Map<string, string>> {
  return (await emitFixturePackage(fixture)).files;
}

/** Like {@link emitFixture}, with the model it was emitted from. */
export async function emitFixturePackage(fixture: Fixture): Promise<{ api: Api; files: Map<string, string> }> {
  const loaded = await loadDocument(fixture.spec);
  const { api } = buildModel(loaded);
  const emitted = emitTypesPackage(api, fixtureOptions(fixture));
  const files = new Map<string, string>();
  // The printer's TypeScript is final (printer-identity.test.ts checks prettier would not change it).
  for (const file of emitted) files.set(file.path, file.kind === 'ts' ? file.contents : await formatFile(file));
  return { api, files };
}
