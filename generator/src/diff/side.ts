/**
 * One side of a diff: a document run through the pipeline in memory (load → model → emit), nothing
 * formatted or written. The rules read the model; the proof and the surface read the emitted texts.
 */
import { defaultScope, deriveClientName } from '../config.js';
import { emitClientPackage } from '../emit/client/index.js';
import { emitTypesPackage } from '../emit/types/index.js';
import type { EmitOptions, EmittedFile } from '../emit/types.js';
import { loadDocument } from '../load/index.js';
import { buildModel } from '../model/build.js';
import type { Api } from '../model/types.js';

/** Names the generated packages take; each unset one is derived per side, as `sdkgen generate` does. */
export interface SideNames {
  /** Client class name. Default: from `info.title`. */
  name?: string | undefined;
  /** npm scope. Default: `@<client name in lower case>`. */
  scope?: string | undefined;
  typesPackageName?: string | undefined;
  clientPackageName?: string | undefined;
}

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
 * Loads `spec` (relative to `cwd`), builds its model and emits both packages in memory.
 *
 * @throws {GenerateError} with the load or model errors of the document
 */
export async function buildSide(spec: string, cwd: string, names: SideNames = {}): Promise<Side> {
  const loaded = await loadDocument(spec, { cwd });
  const { api } = buildModel(loaded);
  // The names given, the others derived from the document's title.
  const clientName = names.name ?? deriveClientName(api.title);
  const scope = names.scope ?? defaultScope(clientName);
  const options: EmitOptions = {
    typesPackageName: names.typesPackageName ?? `${scope}/types`,
    clientPackageName: names.clientPackageName ?? `${scope}/client`,
    clientName,
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
