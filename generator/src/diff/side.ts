/**
 * One side of a diff: a document run through the pipeline in memory (load → model → emit), nothing
 * formatted or written. The rules read the model; the proof and the surface read the emitted texts.
 */
import { type PackageNames, resolveNames } from '../config.js';
import { emitClientPackage } from '../emit/client/index.js';
import { emitTypesPackage } from '../emit/types/index.js';
import type { EmitOptions, EmittedFile } from '../emit/types.js';
import { loadDocument } from '../load/index.js';
import { buildModel } from '../model/build.js';
import { freeClientName } from '../model/client-names.js';
import type { Api } from '../model/types.js';

/** A document's model and the texts of both generated packages. */
export interface Side {
  api: Api;
  options: EmitOptions;
  /** The types package: package-relative POSIX path → unformatted contents. */
  types: ReadonlyMap<string, string>;
  /** The client package, likewise. */
  client: ReadonlyMap<string, string>;
}

/**
 * Loads `spec` (relative to `cwd`), builds its model and emits both packages in memory, named by `names`
 * (each unset name derived from the document's title, as `sdkgen generate` does).
 *
 * @throws {GenerateError} with the load or model errors of the document
 */
export async function buildSide(spec: string, cwd: string, names: PackageNames = {}): Promise<Side> {
  const loaded = await loadDocument(spec, { cwd });
  const { api } = buildModel(loaded);
  const options: EmitOptions = {
    ...resolveNames(names, api.title, freeClientName),
    specPath: 'openapi.yaml',
    command: 'sdkgen generate',
    existingVersions: {},
  };
  return {
    api,
    options,
    types: byPath(emitTypesPackage(api, options)),
    client: byPath(emitClientPackage(api, options)),
  };
}

function byPath(files: readonly EmittedFile[]): Map<string, string> {
  return new Map(files.map((f) => [f.path, f.contents]));
}
