/**
 * Runs the generator's stages on a document object in memory: write it to a temporary JSON file →
 * `loadDocument` → `buildModel` → `emitTypesPackage` + `emitClientPackage` (no prettier, no write:
 * formatting is a pure function of the emitted text and costs seconds per run).
 *
 * Also: the number of runs and the seed, from the environment, printed so a failure can be replayed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitClientPackage } from '../../src/emit/client/index.js';
import { emitTypesPackage } from '../../src/emit/types/index.js';
import type { EmitOptions } from '../../src/emit/types.js';
import { loadDocument } from '../../src/load/index.js';
import { buildModel } from '../../src/model/build.js';

/** `SDKGEN_FUZZ_RUNS` (default 200): runs per property. */
export const numRuns = Number(process.env.SDKGEN_FUZZ_RUNS ?? 200);

/**
 * `SDKGEN_FUZZ_SEED` to replay; else a fresh seed. Printed by {@link fuzzParams}.
 *
 * @param runs the property's number of runs, for the printed replay line (default {@link numRuns})
 * @param runsVariable the environment variable that sets `runs`
 */
export function seedFor(property: string, runs = numRuns, runsVariable = 'SDKGEN_FUZZ_RUNS'): number {
  const fixed = process.env.SDKGEN_FUZZ_SEED;
  const seed = fixed !== undefined ? Number(fixed) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  console.log(`[fuzz] ${property}: seed ${seed}, ${runs} runs (replay: SDKGEN_FUZZ_SEED=${seed} ${runsVariable}=${runs})`);
  return seed;
}

/** fast-check parameters: runs, the printed seed, verbose counterexamples. */
export function fuzzParams(property: string): { numRuns: number; seed: number; verbose: 1 } {
  return { numRuns, seed: seedFor(property), verbose: 1 };
}

/** Where batches are written: inside generator/node_modules so `openapi-fetch` and lib types resolve. */
export const fuzzDir = fileURLToPath(new URL('../../node_modules/.cache/sdkgen-fuzz/', import.meta.url));
/** Failing documents are kept here for turning into fixtures. */
export const failuresDir = path.join(fuzzDir, 'failures');

const tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'sdkgen-fuzz-'));
let counter = 0;

export function emitOptions(id: string): EmitOptions {
  return {
    typesPackageName: `@${id}/types`,
    clientPackageName: `@${id}/client`,
    clientName: 'Fuzz',
    specPath: 'fuzz/openapi.json',
    command: 'pnpm generate',
    existingVersions: {},
  };
}

/**
 * Path → contents of both packages' emitted files (unformatted), for the document `doc`.
 *
 * @throws Error when a package emits two files at one path (one would overwrite the other)
 */
export async function emitDocument(doc: unknown, id: string): Promise<Map<string, string>> {
  const file = path.join(tmpRoot, `doc-${counter++}.json`);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  try {
    const loaded = await loadDocument(file);
    const { api } = buildModel(loaded);
    const options = emitOptions(id);
    const out = new Map<string, string>();
    const add = (pkg: string, file: string, contents: string): void => {
      if (out.has(`${pkg}/${file}`)) throw new Error(`the ${pkg} package emits ${file} twice`);
      out.set(`${pkg}/${file}`, contents);
    };
    for (const f of emitTypesPackage(api, options)) add('types', f.path, f.contents);
    for (const f of emitClientPackage(api, options)) add('client', f.path, f.contents);
    return out;
  } finally {
    rmSync(file, { force: true });
  }
}

/** Saves a failing document as JSON under {@link failuresDir}; returns its path. */
export function saveFailure(name: string, doc: unknown): string {
  mkdirSync(failuresDir, { recursive: true });
  const file = path.join(failuresDir, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}
