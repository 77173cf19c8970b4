/**
 * Drift: regenerating from spec/openapi.yaml (with the repository's sdkgen.config.json) reproduces the
 * committed packages/types and packages/client exactly. Runs `generate()` in check mode, which writes
 * nothing and lists every file that would be added, modified or removed.
 */
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generate } from '../src/generate.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('drift', () => {
  test('the committed packages are exactly what the generator makes of spec/openapi.yaml', async () => {
    const result = await generate({
      cwd: repoRoot,
      config: path.join(repoRoot, 'sdkgen.config.json'),
      check: true,
    });
    expect(result.operations).toBe(75);
    expect(result.packages.map((p) => p.target)).toEqual(['types', 'client']);
    for (const p of result.packages) expect(p.result.changed, `packages/${p.target}`).toEqual([]);
  });
});
