import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'spec/test/**/*.test.ts',
      'generator/test/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'bench/test/**/*.test.ts',
    ],
    typecheck: {
      enabled: true,
      include: ['generator/test/**/*.test-d.ts', 'packages/*/test/**/*.test-d.ts'],
      tsconfig: './tsconfig.test.json',
    },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
