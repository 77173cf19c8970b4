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
 * Every `.ts` file is built once from ts-morph structures and printed without parsing; imports
 * between files are `import type`, computed from the module assignment, sorted.
 */
import type { Api } from '../../model/types.js';
import { typesPackageFiles } from '../files.js';
import { type Statement, printSourceFile } from '../print.js';
import { bannerLine, compareCodeUnits } from '../text.js';
import type { EmitOptions, EmittedFile } from '../types.js';
import { type Declaration, schemaDeclarations } from './declarations.js';
import { OPENAPI_DECLARED, openapiDeclarations } from './openapi-shape.js';
import { operationDeclarations } from './operations.js';
import { FileScope, moduleSpecifier } from './scope.js';
import { webhookDeclarations } from './webhooks.js';

/** File stems the package itself uses; a model module with one of these names gets a `-resource` suffix. */
const RESERVED_STEMS = new Set(['index', 'openapi']);

/** The file stem (`src/<stem>.ts`) of a model module. */
export function moduleFileStem(module: string): string {
  return RESERVED_STEMS.has(module) ? `${module}-resource` : module;
}

/** Stems of the module files, in code-unit order (module files only: no `openapi`/`index`). */
export function typesModuleStems(api: Api): string[] {
  const stems = new Set<string>();
  for (const named of api.schemas.values()) stems.add(moduleFileStem(named.module));
  for (const op of api.operations) stems.add(moduleFileStem(op.module));
  if (api.webhooks.length > 0) stems.add('webhooks');
  return [...stems].sort(compareCodeUnits);
}

function sourceFile(options: EmitOptions, scope: FileScope, declarations: Declaration[]): string {
  const statements: Statement[] = [bannerLine(options), ...scope.importDeclarations(), ...declarations];
  return printSourceFile(statements);
}

/** A view of the model whose module names are file stems (so scopes import from the right file). */
function withFileStems(api: Api): Api {
  const needsRename =
    [...api.schemas.values()].some((s) => RESERVED_STEMS.has(s.module)) || api.operations.some((o) => RESERVED_STEMS.has(o.module));
  if (!needsRename) return api;
  return {
    ...api,
    schemas: new Map([...api.schemas.entries()].map(([k, s]) => [k, { ...s, module: moduleFileStem(s.module) }])),
    operations: api.operations.map((o) => ({ ...o, module: moduleFileStem(o.module) })),
  };
}

/** The `.ts` files of the package (`src/**`), in path order. */
export function emitTypesSources(model: Api, options: EmitOptions): EmittedFile[] {
  const api = withFileStems(model);
  const stems = typesModuleStems(api);
  const files: EmittedFile[] = [];
  for (const stem of stems) {
    const scope = new FileScope(stem);
    const declarations: Declaration[] = [];
    for (const named of api.schemas.values()) {
      if (named.module === stem) declarations.push(...schemaDeclarations(api, scope, named));
    }
    for (const op of api.operations) {
      if (op.module === stem) declarations.push(...operationDeclarations(api, scope, op));
    }
    if (stem === 'webhooks') declarations.push(...webhookDeclarations(api, scope));
    files.push({ path: `src/${stem}.ts`, kind: 'ts', contents: sourceFile(options, scope, declarations) });
  }

  const openapiScope = new FileScope('openapi', OPENAPI_DECLARED);
  const openapi = openapiDeclarations(api, openapiScope);
  files.push({ path: 'src/openapi.ts', kind: 'ts', contents: sourceFile(options, openapiScope, openapi) });

  const barrel = [...stems, 'openapi'].sort(compareCodeUnits).map((stem) => `export type * from '${moduleSpecifier(stem)}';`);
  files.push({ path: 'src/index.ts', kind: 'ts', contents: printSourceFile([bannerLine(options), barrel.join('\n')]) });
  return files.sort((a, b) => compareCodeUnits(a.path, b.path));
}

/**
 * Emits the whole types package for `api`: sources under `src/` plus `package.json`,
 * `tsconfig.json` and `README.md`. Pure: no disk access; output is deterministic for the same
 * model and options. Unformatted (the write stage runs prettier).
 *
 * @throws Error when the model holds a reference to a schema key it does not define.
 */
export function emitTypesPackage(api: Api, options: EmitOptions): EmittedFile[] {
  const sources = emitTypesSources(api, options);
  return [...sources, ...typesPackageFiles(withFileStems(api), options)].sort((a, b) => compareCodeUnits(a.path, b.path));
}
