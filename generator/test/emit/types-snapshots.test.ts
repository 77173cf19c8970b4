/**
 * File snapshots of the types package for every fixture spec (fixtures/cases, fixtures/rules,
 * fixtures/emit), through the real pipeline: loadDocument → buildModel → emitTypesPackage →
 * prettier. One folder per fixture under __snapshots__/<fixture>/, one file per emitted file, except
 * the spec-independent files (tsconfig.json): every fixture's copy equals the first fixture's, which
 * matches the one shared snapshot (generator/test/__snapshots__/spec-independent/types/).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoStaleSnapshots, expectSameAsReference, expectSharedSnapshots, isSpecIndependent } from '../snapshot-files.js';
import { emitFixture, typeFixtures } from './pipeline.js';

const snapshotsDir = fileURLToPath(new URL('./__snapshots__/', import.meta.url));
const fixtures = typeFixtures();

describe('types package snapshots', () => {
  const reference = { name: fixtures[0]?.name ?? '', files: new Map<string, string>() };
  beforeAll(async () => {
    const first = fixtures[0];
    if (first === undefined) throw new Error('no fixture');
    reference.files = await emitFixture(first);
  });

  it('spec-independent files: one shared snapshot', async () => {
    await expectSharedSnapshots('types', reference.files);
  });

  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      const files = await emitFixture(fixture);
      const own = [...files.keys()].filter((file) => !isSpecIndependent(file));
      for (const file of own) {
        await expect(files.get(file)).toMatchFileSnapshot(`__snapshots__/${fixture.name}/${file}`);
      }
      expectSameAsReference(fixture.name, files, reference);
      // No stale snapshot files: the folder holds exactly the spec-dependent files emitted.
      expectNoStaleSnapshots(path.join(snapshotsDir, fixture.name), own);
    });
  }
});
