/**
 * The one set of compiler options every tsc-based test compiles generated code (and the client runtime) under: the
 * strictest settings a consumer may use — `strict`, `exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`,
 * `noImplicitOverride`, `noPropertyAccessFromIndexSignature`, `noImplicitReturns`, `noFallthroughCasesInSwitch`, no
 * unused locals, parameters, labels or unreachable code (the set of `@tsconfig/strictest`), `isolatedModules`,
 * `verbatimModuleSyntax` — with NodeNext modules, no emit and no ambient types. A test that deliberately varies one option (the module resolution, the `lib`) spreads this and overrides
 * only that option.
 *
 * Two forms of the same set: {@link strictCompilerOptions} for a written tsconfig.json (tsc CLI), and
 * {@link strictProgramOptions} for the compiler API (`ts.createProgram`, a language service).
 */
import ts from 'typescript';

/** The tsconfig.json form (`compilerOptions`). */
export const strictCompilerOptions = {
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
  noUnusedLocals: true,
  noUnusedParameters: true,
  allowUnusedLabels: false,
  allowUnreachableCode: false,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  noEmit: true,
  types: [] as string[],
};

/** The same options parsed by TypeScript, for the compiler API. */
export const strictProgramOptions: ts.CompilerOptions = (() => {
  const { options, errors } = ts.convertCompilerOptionsFromJson(strictCompilerOptions, process.cwd());
  if (errors.length > 0) throw new Error(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')).join('\n'));
  return options;
})();
