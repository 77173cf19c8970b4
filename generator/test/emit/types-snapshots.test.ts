/**
 * File snapshots of the types package for every fixture spec (fixtures/cases, fixtures/rules,
 * fixtures/emit), through the real pipeline: loadDocument → buildModel → emitTypesPackage →
 * prettier. One folder per fixture under __snapshots__/<fixture>/, one file per emitted file.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emitFixture, modelBuilder, typeFixtures } from './pipeline.js';

const build = await modelBuilder();
const snapshotsDir = fileURLToPath(new URL('./__snapshots__/', import.meta.url));

/** True under `vitest -u` (reads the snapshot state's update mode). */
function updating(): boolean {
  const state = expect.getState().snapshotState as unknown as { _updateSnapshot?: unknown };
  return state._updateSnapshot === 'all';
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
    })
    .sort();
}

describe.runIf(build !== undefined)('types package snapshots', () => {
  for (const fixture of typeFixtures()) {
    it(fixture.name, async () => {
      if (build === undefined) return;
      const files = await emitFixture(fixture, build);
      for (const [file, contents] of files) {
        await expect(contents).toMatchFileSnapshot(`__snapshots__/${fixture.name}/${file}`);
      }
      // No stale snapshot files: the folder holds exactly what was emitted. Under `vitest -u`
      // stale files are deleted instead (vitest does not know about files it was not asked for).
      const dir = path.join(snapshotsDir, fixture.name);
      const stale = listFiles(dir).filter((file) => !files.has(file));
      if (updating() && stale.length > 0) {
        for (const file of stale) rmSync(path.join(dir, file));
      } else {
        expect(stale).toEqual([]);
      }
    });
  }
});
