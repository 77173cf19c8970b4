import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** `pnpm --filter @improvado-sdk/bench test:corpus`: the corpus and the fuzz tests, full size. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['bench/test/**/*.test.ts', 'generator/test/fuzz/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 1_800_000,
  },
});
