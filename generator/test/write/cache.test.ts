/**
 * The format cache lives in the project's own cache folder (`node_modules/.cache/sdkgen/format` above the output) or
 * nowhere: a run whose output has no `node_modules` above it writes nothing outside the output folder (issue 15).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generate } from '../../src/generate.js';
import { defaultCacheDir } from '../../src/write/cache.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');

describe('the format cache', () => {
  test('is node_modules/.cache/sdkgen/format of the nearest folder above the output that has a node_modules', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-cache-root-'));
    fs.mkdirSync(path.join(root, 'node_modules'));
    expect(defaultCacheDir(path.join(root, 'a', 'b'))).toBe(path.join(root, 'node_modules', '.cache', 'sdkgen', 'format'));
  });

  test('is none where no node_modules is above the output: nothing is written outside it (no fallback to the temp folder)', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-cache-none-'));
    expect(defaultCacheDir(out)).toBeUndefined();
    // The old fallback folder: other test files run in parallel, so only this folder is watched, not all of tmp.
    const fallback = path.join(os.tmpdir(), 'sdkgen-cache', 'format');
    const entries = (): string[] => (fs.existsSync(fallback) ? fs.readdirSync(fallback) : []);
    const before = new Set(entries());
    await generate({ spec: path.join(fixtures, 'rules/pagination/openapi.yaml'), out, config: false, workers: 0 });
    expect(entries().filter((n) => !before.has(n))).toEqual([]);
    expect(fs.readdirSync(out).sort()).toEqual(['client', 'types']);
  });
});
