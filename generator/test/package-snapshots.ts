/**
 * The file snapshots of a whole package, one suite per package kind (emit/types-snapshots.test.ts,
 * client/snapshots.test.ts), every file of every fixture asserted:
 * - a file no other fixture shares is the fixture's own snapshot, `<suite>/__snapshots__/<fixture>/<path>`;
 * - files equal across fixtures once masked (snapshot-mask.ts: spec path, package names, API name,
 *   version) are one shared snapshot, `generator/test/__snapshots__/shared/<kind>/<variant>/<path>`: the
 *   masked text of every fixture sharing it is that text (planSnapshots groups by it), asserted once by
 *   the shared snapshot's test, so a template change is one diff, not one per fixture;
 * - the manifest `generator/test/__snapshots__/shared/<kind>.json` records every fixture's masks and which
 *   shared snapshot each of its shared files is (snapshot-plan.ts), so a file cannot silently move to
 *   another shared snapshot or to none (the fixture's test then shows the diff against the recorded one),
 *   and a file that became shareable fails until `vitest -u` shares it.
 * Under `vitest -u` everything is rewritten from the emissions alone (a new fixture or a template change
 * needs nothing else), and stale files are deleted.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCodeUnits } from '../src/model/naming.js';
import { expectNoStaleSnapshots, listFiles, manifestPath, type PackageKind, pruneEmptyFolders, sharedDir, updating, variantPath } from './snapshot-files.js';
import { fill } from './snapshot-mask.js';
import { importedSnapshotFiles } from './snapshot-pins.js';
import { type FixtureEntry, type PackageEmission, parseManifest, planSnapshots, renderManifest } from './snapshot-plan.js';

/** A package snapshot suite: one kind, its fixtures' folder, and what every fixture emitted. */
export interface PackageSuite {
  kind: PackageKind;
  /** Absolute folder of the fixtures' own snapshots: `<dir>/<fixture>/<path in the package>`. */
  dir: string;
  /** Every fixture's files to snapshot (unique fixture names). */
  emissions: readonly PackageEmission[];
}

/** The manifest on disk (fixture → entry), empty when there is none yet. */
function recordedManifest(kind: PackageKind): Map<string, FixtureEntry> {
  const file = manifestPath(kind);
  return existsSync(file) ? parseManifest(readFileSync(file, 'utf8')) : new Map();
}

/** Registers the suite's tests (call at the top level of a test file, after the emissions are done). Throws on a duplicate fixture name. */
export function describePackageSnapshots(suite: PackageSuite): void {
  const { kind, dir, emissions } = suite;
  const names = emissions.map((e) => e.fixture);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) throw new Error(`two ${kind} fixtures named ${duplicate}: their snapshot folders would collide`);
  const byName = new Map(emissions.map((e) => [e.fixture, e]));
  const pinned = importedSnapshotFiles(dir, (fixture, file) => byName.get(fixture)?.files.get(file));
  const plan = planSnapshots(emissions, pinned);
  const recorded = recordedManifest(kind);
  const sharedKindDir = path.join(sharedDir, kind);
  const rel = (file: string): string => path.relative(path.join(sharedDir, '../..'), file);

  describe(`${kind} package snapshots`, () => {
    it(`manifest: each fixture's masks and shared files (${rel(manifestPath(kind))})`, async () => {
      await expect(renderManifest(plan)).toMatchFileSnapshot(manifestPath(kind));
    });

    for (const [variant, masked] of plan.variants) {
      it(`shared: ${variant}`, async () => {
        await expect(masked).toMatchFileSnapshot(variantPath(kind, variant));
      });
    }

    for (const emission of [...emissions].sort((a, b) => compareCodeUnits(a.fixture, b.fixture))) {
      const { fixture, files } = emission;
      it(fixture, async () => {
        const own = plan.own.get(fixture) ?? [];
        const entry = plan.fixtures.get(fixture);
        const was = recorded.get(fixture);
        if (!updating()) {
          // A file still in its recorded shared snapshot is asserted once, by that snapshot's own test; one that left it shows its diff here.
          for (const [file, variant] of Object.entries(was?.shared ?? {})) {
            const shared = variantPath(kind, `${variant}/${file}`);
            if (entry?.shared[file] === variant || !existsSync(shared) || was === undefined) continue;
            expect
              .soft(files.get(file), `${file} of ${fixture} is ${rel(shared)} with ${fixture}'s masks filled in`)
              .toBe(fill(readFileSync(shared, 'utf8'), was.masks));
          }
          expect.soft(entry, `how ${fixture}'s files are snapshotted, as ${rel(manifestPath(kind))} records it (vitest -u rewrites it)`).toEqual(was);
        }
        for (const file of own) await expect(files.get(file)).toMatchFileSnapshot(path.join(dir, fixture, file));
        expectNoStaleSnapshots(path.join(dir, fixture), own);
      });
    }

    it('no snapshot left that no fixture uses (shared ones included)', () => {
      expectNoStaleSnapshots(sharedKindDir, plan.variants.keys());
      const folders = new Set(names);
      const orphans = listFiles(dir).filter((file) => !folders.has(file.split('/')[0] ?? ''));
      if (updating()) {
        for (const file of orphans) rmSync(path.join(dir, file));
        pruneEmptyFolders(dir);
        pruneEmptyFolders(sharedKindDir);
      } else {
        expect(orphans, `snapshot files under ${rel(dir)} of no ${kind} fixture`).toEqual([]);
      }
    });
  });
}
