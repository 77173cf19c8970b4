/**
 * The fixture pipeline the emitter tests share: spec → loadDocument → buildModel → emitTypesPackage
 * (TypeScript printed in its final shape) → prettier for the other files (the repository's
 * `.prettierrc.json`), as the real generator runs it, minus writing.
 */
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics.js';
import { emitTypesPackage } from '../../src/emit/types/index.js';
import type { EmitOptions } from '../../src/emit/types.js';
import { loadDocument } from '../../src/load/index.js';
import type { LoadedDocument } from '../../src/load/types.js';
import type { Api } from '../../src/model/types.js';
import { formatFile } from './format.js';

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface Fixture {
  /** Unique name, used as the snapshot folder: `case-01`, `additional-properties`, … */
  name: string;
  /** Absolute path of the entry spec. */
  spec: string;
  /** Spec path relative to the repository root (for banners). */
  specPath: string;
}

/** Every fixture with an `openapi.yaml` under fixtures/cases, fixtures/rules and fixtures/emit, sorted. */
export function typeFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const group of ['cases', 'rules', 'emit']) {
    const dir = path.join(fixturesDir, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const spec = path.join(dir, name, 'openapi.yaml');
      if (existsSync(spec)) out.push({ name, spec, specPath: `generator/test/fixtures/${group}/${name}/openapi.yaml` });
    }
  }
  return out;
}

type BuildModel = (loaded: LoadedDocument) => { api: Api; diagnostics: Diagnostic[] };

/** The model builder (imported lazily: the file belongs to another stage and may not exist yet). */
export async function modelBuilder(): Promise<BuildModel | undefined> {
  const file = fileURLToPath(new URL('../../src/model/build.ts', import.meta.url));
  if (!existsSync(file)) return undefined;
  const specifier = '../../src/model/build.js';
  const mod = (await import(specifier)) as { buildModel: BuildModel };
  return mod.buildModel;
}

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
export async function emitFixture(fixture: Fixture, build: BuildModel): Promise<Map<string, string>> {
  const loaded = await loadDocument(fixture.spec);
  const { api } = build(loaded);
  const files = emitTypesPackage(api, fixtureOptions(fixture));
  const out = new Map<string, string>();
  // The printer's TypeScript is final (printer-identity.test.ts checks prettier would not change it).
  for (const file of files) out.set(file.path, file.printed === true ? file.contents : await formatFile(file));
  return out;
}
