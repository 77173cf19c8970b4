import { defineConfig } from 'tsdown';

/**
 * The generator's build: every module of src/ as ESM (.js, .d.ts) and CommonJS (.cjs, .d.cts), one
 * output file per module (dist/ mirrors src/, so the paths the code finds its templates, runtime
 * and package.json by stay valid), for Node only. `import.meta.url` is shimmed in the CommonJS
 * files. No source maps: src/ is not shipped.
 */
export default defineConfig({
  entry: ['src/**/*.ts'],
  tsconfig: 'tsconfig.build.json',
  unbundle: true,
  format: ['esm', 'cjs'],
  platform: 'node',
  target: 'node20.19',
  fixedExtension: false,
  shims: true,
  dts: true,
  sourcemap: false,
  // CommonJS on purpose (require() of the library entry); plugin timings are noise in CI logs.
  checks: { legacyCjs: false, pluginTimings: false },
  logLevel: 'warn',
});
