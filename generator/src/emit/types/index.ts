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
import type { Statement } from '../ts/nodes.js';
import { printFile } from '../ts/printer.js';
import { bannerLine, compareCodeUnits } from '../text.js';
import type { EmitOptions, EmittedFile } from '../types.js';
import { type Declaration, schemaDeclarations } from './declarations.js';
import { openapiDeclarations } from './openapi-shape.js';
import { operationDeclarations } from './operations.js';
import { FileScope, moduleSpecifier } from './scope.js';
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

function sourceFile(options: EmitOptions, scope: FileScope, declarations: Declaration[]): string {
  const statements: Statement[] = [{ kind: 'text', text: bannerLine(options) }, ...scope.importDeclarations(), ...declarations];
  return printFile(statements);
}

/** The `.ts` files of the package (`src/**`), in path order. */
export function emitTypesSources(model: Api, options: EmitOptions): EmittedFile[] {
  return [...typesSourcesInWorkOrder(model, options)].sort((a, b) => compareCodeUnits(a.path, b.path));
}

/**
 * The `.ts` files of the package, one at a time, biggest first (by declarations): `src/openapi.ts`,
 * then the module files, then the barrel. The order lets a consumer format the big files while the
 * rest are emitted; the files themselves do not depend on it.
 */
function* typesSourcesInWorkOrder(api: Api, options: EmitOptions): Generator<EmittedFile> {
  const stems = typesModuleStems(api);

  const openapiScope = new FileScope('openapi', new Set(OPENAPI_SHAPE_NAMES));
  const openapi = openapiDeclarations(api, openapiScope);
  yield { path: 'src/openapi.ts', kind: 'ts', contents: sourceFile(options, openapiScope, openapi), printed: true };

  const members = new Map<string, { schemas: NamedSchema[]; operations: Operation[] }>(stems.map((stem) => [stem, { schemas: [], operations: [] }]));
  for (const named of api.schemas.values()) members.get(named.module)?.schemas.push(named);
  for (const op of api.operations) members.get(op.module)?.operations.push(op);
  const size = (stem: string): number => (members.get(stem)?.schemas.length ?? 0) + (members.get(stem)?.operations.length ?? 0);
  const bySize = [...stems].sort((a, b) => size(b) - size(a) || compareCodeUnits(a, b));
  for (const stem of bySize) {
    const scope = new FileScope(stem);
    const declarations: Declaration[] = [];
    const { schemas, operations } = members.get(stem) ?? { schemas: [], operations: [] };
    for (const named of schemas) declarations.push(...schemaDeclarations(api, scope, named));
    for (const op of operations) declarations.push(...operationDeclarations(api, scope, op));
    if (stem === 'webhooks') declarations.push(...webhookDeclarations(api, scope));
    yield { path: `src/${stem}.ts`, kind: 'ts', contents: sourceFile(options, scope, declarations), printed: true };
  }

  const barrel = [...stems, 'openapi'].sort(compareCodeUnits).map((stem) => `export type * from '${moduleSpecifier(stem)}';`);
  yield { path: 'src/index.ts', kind: 'ts', contents: printFile([{ kind: 'text', text: bannerLine(options) }, { kind: 'text', text: barrel.join('\n') }]), printed: true };
}

/**
 * The whole types package (see {@link emitTypesPackage}), one file at a time, biggest first, for a
 * consumer that formats while the rest is emitted. The same files as {@link emitTypesPackage}, in
 * another order.
 */
export function* emitTypesFiles(api: Api, options: EmitOptions): Generator<EmittedFile> {
  yield* typesSourcesInWorkOrder(api, options);
  yield* typesPackageFiles(api, options);
}

/**
 * Emits the whole types package for `api`: sources under `src/` plus `package.json`,
 * `tsconfig.json` and `README.md`. Pure: no disk access; output is deterministic for the same
 * model and options. The `.ts` files are printed in their final shape ({@link EmittedFile.printed}).
 *
 * @throws Error when the model holds a reference to a schema key it does not define.
 */
export function emitTypesPackage(api: Api, options: EmitOptions): EmittedFile[] {
  return [...emitTypesFiles(api, options)].sort((a, b) => compareCodeUnits(a.path, b.path));
}
