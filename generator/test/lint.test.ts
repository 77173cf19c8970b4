/**
 * The linter over the whole repository (Biome, biome.json): part of the test suite so that
 * `pnpm test` alone says whether the tree is clean.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { expect, test } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');

test('biome lint reports no error or warning in the repository', () => {
  const biome = path.join(repoRoot, 'node_modules/.bin/biome');
  const run = spawnSync(biome, ['lint', '--error-on-warnings', '--max-diagnostics=50', '.'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  const output = `${run.stdout}\n${run.stderr}`;
  expect(output).toMatch(/Checked \d+ files?/);
  expect(run.status, output).toBe(0);
}, 120_000);
