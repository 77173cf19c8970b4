/**
 * File snapshots of the types package for every fixture spec (fixtures/cases, fixtures/rules,
 * fixtures/emit, and the fuzz-found fixtures/corpus-found/fuzz-*), through the real pipeline:
 * loadDocument → buildModel → emitTypesPackage → prettier. Every emitted file is asserted: a file only
 * its fixture emits is snapshotted under __snapshots__/<fixture>/; files equal across fixtures once the
 * fixture's own values are masked (spec path, package names, API name, version) share one masked
 * snapshot under generator/test/__snapshots__/shared/types/ (package-snapshots.ts).
 */
import { fileURLToPath } from 'node:url';
import { describePackageSnapshots } from '../package-snapshots.js';
import { fixtureMasks } from '../snapshot-mask.js';
import type { PackageEmission } from '../snapshot-plan.js';
import { corpusFoundFixtures, emitFixturePackage, fixtureOptions, typeFixtures } from './pipeline.js';

const emissions: PackageEmission[] = [];
for (const fixture of [...typeFixtures(), ...corpusFoundFixtures()]) {
  const { api, files } = await emitFixturePackage(fixture);
  emissions.push({ fixture: fixture.name, masks: fixtureMasks(fixtureOptions(fixture), api), files });
}

describePackageSnapshots({ kind: 'types', dir: fileURLToPath(new URL('./__snapshots__/', import.meta.url)), emissions });
