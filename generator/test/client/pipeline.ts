/**
 * The client tests' pipeline: spec → loadDocument → buildModel → emitTypesPackage +
 * emitClientPackage (TypeScript printed in its final shape) → prettier for the other files, written (for tsc and for importing the generated TS in vitest) to
 * `generator/.sdkgen-cache/client/<fixture>/{types,client}/` (git-ignored).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitClientPackage } from '../../src/emit/client/index.js';
import { emitTypesPackage } from '../../src/emit/types/index.js';
import type { EmitOptions, EmittedFile } from '../../src/emit/types.js';
import { readConfig } from '../../src/config.js';
import { loadDocument } from '../../src/load/index.js';
import { buildModel } from '../../src/model/build.js';
import type { Api } from '../../src/model/types.js';
import { readReadmeExtras } from '../../src/readme-extras.js';
import { formatFile } from '../emit/format.js';
import { corpusFoundFixtures as corpusFoundSpecs } from '../emit/pipeline.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const outRoot = path.join(repoRoot, 'generator/.sdkgen-cache/client');

export interface Fixture {
  /** `date-formats`, `pagination`, `improvado`. */
  name: string;
  spec: string;
  specPath: string;
  options: EmitOptions;
  /** An `sdkgen.config.json` whose `readme` (D44) the client README includes: the fixture's own, the repository's for Improvado. */
  config?: string;
}

function fixtureOptions(name: string, specPath: string): EmitOptions {
  return {
    typesPackageName: `@fixtures/${name}-types`,
    clientPackageName: `@fixtures/${name}-client`,
    clientName: 'Client',
    specPath,
    command: 'pnpm generate',
    existingVersions: {},
  };
}

/** Every fixture spec under fixtures/cases and fixtures/rules, sorted, then the Improvado spec. */
export function clientFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const group of ['cases', 'rules']) {
    const dir = path.join(fixturesDir, group);
    const before = out.length;
    for (const name of readdirSync(dir).sort()) {
      const spec = path.join(dir, name, 'openapi.yaml');
      const specPath = `generator/test/fixtures/${group}/${name}/openapi.yaml`;
      const config = path.join(dir, name, 'sdkgen.config.json');
      if (existsSync(spec)) out.push({ name, spec, specPath, options: fixtureOptions(name, specPath), ...(existsSync(config) ? { config } : {}) });
    }
    if (out.length === before) throw new Error(`no fixture spec under ${dir}`);
  }
  out.push(improvadoFixture());
  return out;
}

/** The fuzz-found fixtures (fixtures/corpus-found/fuzz-*), sorted, with their options: snapshotted by snapshots.test.ts, not in {@link clientFixtures}. */
export function corpusFoundFixtures(): Fixture[] {
  return corpusFoundSpecs().map((f) => ({ ...f, options: fixtureOptions(f.name, f.specPath) }));
}

export function improvadoFixture(): Fixture {
  return {
    name: 'improvado',
    spec: path.join(repoRoot, 'spec/openapi.yaml'),
    specPath: 'spec/openapi.yaml',
    config: path.join(repoRoot, 'sdkgen.config.json'),
    options: {
      typesPackageName: '@improvado-sdk/types',
      clientPackageName: '@improvado-sdk/client',
      clientName: 'Improvado',
      specPath: 'spec/openapi.yaml',
      command: 'pnpm generate',
      existingVersions: {},
    },
  };
}

export interface Generated {
  api: Api;
  types: EmittedFile[];
  client: EmittedFile[];
  /** Formatted contents by path, per package. */
  formatted: { types: Map<string, string>; client: Map<string, string> };
}

const cache = new Map<string, Promise<Generated>>();

/** Generates (once per fixture and test file) and formats both packages. */
export function generate(fixture: Fixture): Promise<Generated> {
  let p = cache.get(fixture.name);
  if (p === undefined) {
    p = (async () => {
      // The README's hand-written parts, read once into the fixture's options (so a later emit with them matches).
      if (fixture.config !== undefined) {
        const readme = (await readConfig(fixture.config, path.basename(fixture.config))).readme;
        if (readme !== undefined) fixture.options.readme = await readReadmeExtras(readme, path.basename(fixture.config), path.dirname(fixture.config));
      }
      const loaded = await loadDocument(fixture.spec);
      const { api } = buildModel(loaded);
      const types = emitTypesPackage(api, fixture.options);
      const client = emitClientPackage(api, fixture.options);
      const fmt = async (files: EmittedFile[]): Promise<Map<string, string>> => {
        const m = new Map<string, string>();
        // The printer's TypeScript is final (printer-identity.test.ts checks prettier would not change it).
        for (const f of files) m.set(f.path, f.kind === 'ts' ? f.contents : await formatFile(f));
        return m;
      };
      return { api, types, client, formatted: { types: await fmt(types), client: await fmt(client) } };
    })();
    cache.set(fixture.name, p);
  }
  return p;
}

/** Writes both packages of a fixture under `outRoot/<name>/` (replacing what was there); returns the folder. */
export async function writeGenerated(fixture: Fixture, root = outRoot): Promise<string> {
  const g = await generate(fixture);
  const dir = path.join(root, fixture.name);
  rmSync(dir, { recursive: true, force: true });
  for (const [pkg, files] of [
    ['types', g.formatted.types],
    ['client', g.formatted.client],
  ] as const) {
    for (const [file, contents] of files) {
      const target = path.join(dir, pkg, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, contents);
    }
  }
  return dir;
}
