import { defineConfig } from 'tsdown';

/**
 * The generator's build: the library (`src/index.ts`), the CLI (`src/cli.ts`) and `src/generate.ts`
 * bundled for Node, as ESM (.js, .d.ts) and CommonJS (.cjs, .d.cts), with the modules they share in
 * chunks beside them. The modules find the package's templates, runtime and package.json through
 * `generatorRoot()` (src/package-root.ts), so the depth of a chunk in dist/ does not matter.
 *
 * Bundled in: the generator's own modules and the libraries every `generate` loads (Redocly's
 * openapi-core with its dependencies, handlebars, cac): about 300 ES modules that Node would
 * otherwise resolve and link one by one, ~0.25 s of every run's start-up (D42). Left out: the
 * `dependencies` of package.json, each imported only when needed: prettier (Markdown and JSON, and
 * TypeScript with `--format prettier`) and ts-morph (`sdkgen diff` only).
 * `import.meta.url` is shimmed in the CommonJS files. No source maps: src/ is not shipped.
 */
export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts', 'src/generate.ts'],
  tsconfig: 'tsconfig.build.json',
  format: ['esm', 'cjs'],
  platform: 'node',
  target: 'node20.19',
  fixedExtension: false,
  shims: true,
  dts: true,
  sourcemap: false,
  deps: { alwaysBundle: ['@redocly/openapi-core', 'handlebars', 'cac'], onlyBundle: false },
  // CommonJS on purpose (require() of the library entry); plugin timings are noise in CI logs.
  checks: { legacyCjs: false, pluginTimings: false },
  logLevel: 'warn',
});
