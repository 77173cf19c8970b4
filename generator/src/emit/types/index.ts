/**
 * The types package: IR → the files of a declarations-only package.
 *
 * - `src/<module>.ts` per module of the model ({@link NamedSchema.module}, {@link Operation.module}):
 *   its schemas in spec order (each followed by its request variant), then its operations' helper
 *   types in spec order;
 * - `src/webhooks.ts` when the API has webhooks; `src/openapi.ts` (openapi-typescript's shape);
 * - `src/index.ts`, a type-only barrel (`export type * from …`) in code-unit order;
 * - `package.json`, `tsconfig.json`, `README.md` (see `../files.ts`).
 *
 * Every `.ts` file is built once from typed nodes (`../ts/nodes.ts`) and printed once, in its final
 * (prettier's) shape, by `../ts/printer.ts`; imports between files are `import type`, computed from
 * the module assignment, sorted.
 */
import { OPENAPI_SHAPE_NAMES } from '../../model/naming.js';
import type { Api, NamedSchema, Operation } from '../../model/types.js';
import { typesPackageFiles } from '../files.js';
import { ImportScope, relativeSpecifier } from '../imports.js';
import { referencedTypeNames, type Statement } from '../ts/nodes.js';
import { printFile } from '../ts/printer.js';
import { bannerLine, compareCodeUnits } from '../text.js';
import type { EmitOptions, EmittedFile } from '../types.js';
import { type Declaration, schemaDeclarations } from './declarations.js';
import { openapiDeclarations } from './openapi-shape.js';
import { operationDeclarations } from './operations.js';
import { moduleFile } from './render.js';
import { webhookDeclarations } from './webhooks.js';

/**
 * Stems of the module files (`src/<stem>.ts`: the model's module names, which never take the package's own stems
 * `index` and `openapi`), in code-unit order.
 */
export function typesModuleStems(api: Api): string[] {
  const stems = new Set<string>();
  for (const named of api.schemas.values()) stems.add(named.module);
  for (const op of api.operations) stems.add(op.module);
  if (api.webhooks.length > 0) stems.add('webhooks');
  return [...stems].sort(compareCodeUnits);
}

function sourceFile(options: EmitOptions, scope: ImportScope, declarations: Declaration[]): string {
  // Only the imports the final nodes use: a type built and dropped while rendering may have asked for one.
  const imports = scope.declarations(referencedTypeNames(declarations));
  const statements: Statement[] = [{ kind: 'text', text: bannerLine(options) }, ...imports, ...declarations];
  return printFile(statements);
}

/** The `.ts` files of the package (`src/**`), in path order. */
export function emitTypesSources(api: Api, options: EmitOptions): EmittedFile[] {
  const stems = typesModuleStems(api);
  const members = new Map<string, { schemas: NamedSchema[]; operations: Operation[] }>(stems.map((stem) => [stem, { schemas: [], operations: [] }]));
  for (const named of api.schemas.values()) members.get(named.module)?.schemas.push(named);
  for (const op of api.operations) members.get(op.module)?.operations.push(op);
  const files: EmittedFile[] = stems.map((stem) => {
    // Every name a module file declares or imports is an exported type name, unique in the package
    // (TYPE_NS), so no import shadows a declaration and the file's declared names need not be given.
    const scope = new ImportScope(moduleFile(stem));
    const declarations: Declaration[] = [];
    const { schemas, operations } = members.get(stem) ?? { schemas: [], operations: [] };
    for (const named of schemas) declarations.push(...schemaDeclarations(api, scope, named));
    for (const op of operations) declarations.push(...operationDeclarations(api, scope, op));
    if (stem === 'webhooks') declarations.push(...webhookDeclarations(api, scope));
    return { path: moduleFile(stem), kind: 'ts', contents: sourceFile(options, scope, declarations) };
  });

  const openapiScope = new ImportScope('src/openapi.ts', OPENAPI_SHAPE_NAMES);
  files.push({ path: 'src/openapi.ts', kind: 'ts', contents: sourceFile(options, openapiScope, openapiDeclarations(api, openapiScope)) });
  const barrel: Statement[] = [...stems, 'openapi']
    .sort(compareCodeUnits)
    .map((stem) => ({ kind: 'export-all', typeOnly: true, from: relativeSpecifier('src/index.ts', moduleFile(stem)) }));
  files.push({ path: 'src/index.ts', kind: 'ts', contents: printFile([{ kind: 'text', text: bannerLine(options) }, ...barrel]) });
  return files.sort((a, b) => compareCodeUnits(a.path, b.path));
}

/**
 * Emits the whole types package for `api`: sources under `src/` plus `package.json`,
 * `tsconfig.json` and `README.md`. Pure: no disk access; output is deterministic for the same
 * model and options. The `.ts` files are printed in their final shape (see {@link EmittedFile.kind}).
 *
 * @throws Error when the model holds a reference to a schema key it does not define.
 */
export function emitTypesPackage(api: Api, options: EmitOptions): EmittedFile[] {
  return [...emitTypesSources(api, options), ...typesPackageFiles(api, options)].sort((a, b) => compareCodeUnits(a.path, b.path));
}
