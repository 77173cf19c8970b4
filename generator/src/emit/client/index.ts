/**
 * The client package: IR → the files of a fetch client (`packages/client`).
 *
 * - `src/client.ts`: the root class (`options.clientName`) extending the runtime's `ClientCore`;
 * - `src/resources/<path>.ts`: one class per resource, methods typed from the types package;
 * - `src/errors.ts`: `<Client>ErrorBody` and the runtime's error classes typed with it (D36);
 * - `src/enums.ts` (when the API has named enums), `src/webhooks.ts` (when it signs webhooks);
 * - `src/index.ts`: the barrel; `src/core/*.ts`: the runtime, copied verbatim (with the types of
 *   `client.request(method, path, …)` in `src/core/request-types.ts`);
 * - `package.json`, `tsconfig.json`, `README.md`, `api.md` (templates/client/*.hbs).
 *
 * Every `.ts` file except `src/core/*` starts with the banner and is built from typed nodes
 * (`../ts/nodes.ts`, `../ts/code.ts`) printed once, in its final shape (`../ts/printer.ts`), without
 * parsing. The method signature convention is in `operation.ts` and docs/decisions.md (D5).
 */
import { clientNames } from '../../model/client-names.js';
import type { Api } from '../../model/types.js';
import { compareCodeUnits } from '../text.js';
import type { EmitOptions, EmittedFile } from '../types.js';
import { baseFile, clientFile, knownSchemes } from './client.js';
import { errorsFile } from './errors.js';
import { coreFiles, enumsFile, indexFile, webhooksFile } from './extras.js';
import { clientPackageFiles } from './files.js';
import { resourceFiles } from './resources.js';

/**
 * Emits the whole client package for `api`. Pure apart from reading the runtime sources
 * (`generator/runtime/*.ts`); deterministic for the same model and options; `.ts` files in their
 * final shape (`src/core/*` has kind `other` and is written as is; the Markdown and JSON files are
 * formatted by prettier in the write stage).
 *
 * @throws Error when the model holds a reference to a schema key it does not define, or the
 *   runtime folder or a template is missing.
 */
export function emitClientPackage(api: Api, options: EmitOptions): EmittedFile[] {
  const known = knownSchemes(api);
  const root = clientNames(api, options.clientName).root;
  const enums = enumsFile(api, options);
  const webhooks = webhooksFile(api, options);
  const files: EmittedFile[] = [
    baseFile(api, options, known),
    clientFile(api, root, options, known),
    ...resourceFiles(api, root, options, known),
    errorsFile(api, options),
    ...(enums !== undefined ? [enums] : []),
    ...(webhooks !== undefined ? [webhooks] : []),
    indexFile(api, options, { enums: enums !== undefined, webhooks: webhooks !== undefined }),
    ...coreFiles(),
    ...clientPackageFiles(api, root, options),
  ];
  return files.sort((a, b) => compareCodeUnits(a.path, b.path));
}

export { coreFiles } from './extras.js';
