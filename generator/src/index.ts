/**
 * `@improvado-sdk/generator`: OpenAPI 3.0/3.1 → a TypeScript types package and a fetch client.
 *
 * The pipeline is load → model → emit → write; {@link generate} runs all of it, as `sdkgen generate`
 * does. The stages are exported for tools that need one of them.
 */
export { type CliIO, main } from './cli.js';
export { CONFIG_FILE, defaultScope, deriveClientName, findConfigFile, findRepoRoot, readConfig, type SdkgenConfig } from './config.js';
export { type Diagnostic, formatDiagnostic, GenerateError, hasErrors, type Severity } from './diagnostics.js';
export type { EmitOptions, EmittedFile } from './emit/types.js';
export { emitClientPackage } from './emit/client/index.js';
export { emitTypesPackage } from './emit/types/index.js';
export { type GenerateOptions, type GenerateResult, generate, type PackageOutcome, TARGETS, type Target, UsageError } from './generate.js';
export { type LoadedDocument, type LoadOptions, loadDocument } from './load/index.js';
export { buildModel } from './model/build.js';
export type * from './model/types.js';
export { type FileChange, MANIFEST_NAME, type WriteOptions, type WriteResult, writePackage } from './write/index.js';
