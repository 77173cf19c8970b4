/**
 * The compiler options the proof type-checks under: the strictest settings a consumer may use, the
 * same set as the generator's tsc tests (`generator/test/strict-options.ts`; a test keeps the two
 * equal but for the two unused-name checks, since the usage file declares names only to type-check them):
 * `strict`, `exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`, `noImplicitOverride`,
 * `noPropertyAccessFromIndexSignature`, `noImplicitReturns`, `noFallthroughCasesInSwitch`, no unused labels or
 * unreachable code, `isolatedModules`, `verbatimModuleSyntax`, NodeNext modules, no emit, no ambient types.
 */
import { ts } from 'ts-morph';

/** The tsconfig.json form (`compilerOptions`). */
export const proofCompilerOptions = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  allowUnusedLabels: false,
  allowUnreachableCode: false,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  noEmit: true,
  types: [] as string[],
};

/**
 * {@link proofCompilerOptions} parsed by TypeScript, for the compiler API.
 * @throws Error when TypeScript rejects one of them (a TypeScript upgrade that renamed an option)
 */
export function proofProgramOptions(): ts.CompilerOptions {
  const { options, errors } = ts.convertCompilerOptionsFromJson(proofCompilerOptions, '/');
  if (errors.length > 0) throw new Error(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')).join('\n'));
  return options;
}
