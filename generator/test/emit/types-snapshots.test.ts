/**
 * File snapshots of the types package for every fixture spec (fixtures/cases, fixtures/rules,
 * fixtures/emit), through the real pipeline: loadDocument → buildModel → emitTypesPackage →
 * prettier. One folder per fixture under __snapshots__/<fixture>/, one file per emitted file.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectNoStaleSnapshots } from '../snapshot-files.js';
import { emitFixture, typeFixtures } from './pipeline.js';

const snapshotsDir = fileURLToPath(new URL('./__snapshots__/', import.meta.url));

describe('types package snapshots', () => {
  for (const fixture of typeFixtures()) {
    it(fixture.name, async () => {
      const files = await emitFixture(fixture);
      for (const [file, contents] of files) {
        await expect(contents).toMatchFileSnapshot(`__snapshots__/${fixture.name}/${file}`);
      }
      // No stale snapshot files: the folder holds exactly what was emitted.
      expectNoStaleSnapshots(path.join(snapshotsDir, fixture.name), files.keys());
    });
  }
});
