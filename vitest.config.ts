import { defineConfig } from 'vitest/config';

/** CI sets SDKGEN_TEST_REPORT to a path: vitest then also writes its JSON report there (.ci/run reads the counts). */
const jsonReport = process.env.SDKGEN_TEST_REPORT;

export default defineConfig({
  test: {
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    ...(jsonReport ? { outputFile: { json: jsonReport } } : {}),
    include: ['spec/test/**/*.test.ts', 'generator/test/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'bench/test/**/*.test.ts'],
    typecheck: {
      enabled: true,
      include: ['generator/test/**/*.test-d.ts', 'packages/*/test/**/*.test-d.ts'],
      tsconfig: './tsconfig.test.json',
    },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
