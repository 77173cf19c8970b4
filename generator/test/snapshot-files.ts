/**
 * Folder snapshots (one file snapshot per emitted file) and the files no longer emitted: vitest only
 * knows the snapshots it was asked for, so a file the generator stopped writing would stay behind.
 * Files that do not depend on the spec (tsconfig.json) are snapshotted once, not per fixture.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** True under `vitest -u` (reads the snapshot state's update mode). */
function updating(): boolean {
  const state = expect.getState().snapshotState as unknown as { _updateSnapshot?: unknown };
  return state._updateSnapshot === 'all';
}

/** Files under `dir`, as `/`-separated paths relative to it, sorted (none when `dir` does not exist). */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
    })
    .sort();
}

/**
 * Asserts that the snapshot folder `dir` holds no file outside `emitted` (paths relative to `dir`);
 * `skip` leaves some paths alone (files snapshotted elsewhere). Under `vitest -u` the stale files
 * are deleted instead.
 */
export function expectNoStaleSnapshots(dir: string, emitted: Iterable<string>, skip: (file: string) => boolean = () => false): void {
  const keep = new Set(emitted);
  const stale = listFiles(dir).filter((file) => !keep.has(file) && !skip(file));
  if (updating() && stale.length > 0) {
    for (const file of stale) rmSync(path.join(dir, file));
  } else {
    expect(stale, `snapshot files under ${dir} that are no longer emitted`).toEqual([]);
  }
}

/**
 * Emitted files whose bytes do not depend on the spec (paths relative to a package root): the same for every
 * fixture, so they are not snapshotted per fixture. Each suite checks every fixture's copy against one reference
 * emission and anchors that reference to a single shared snapshot ({@link sharedSnapshot}): a template change
 * shows as one diff. snapshot-layout.test.ts fails when a snapshot file is byte-identical across fixtures
 * (a file to add here) or when a file listed here is no longer emitted.
 */
export const specIndependentFiles: readonly string[] = ['tsconfig.json'];

/** True for a path (relative to a package root) listed in {@link specIndependentFiles}. */
export function isSpecIndependent(file: string): boolean {
  return specIndependentFiles.includes(file);
}

/** The package kinds the generator emits. */
export type PackageKind = 'types' | 'client';

/** Folder of the shared snapshots of spec-independent files: `<folder>/<package kind>/<file>`. */
export const sharedSnapshotsDir = fileURLToPath(new URL('./__snapshots__/spec-independent/', import.meta.url));

/** Absolute path of the single snapshot of the spec-independent `file` of a `kind` package. */
export function sharedSnapshot(kind: PackageKind, file: string): string {
  return path.join(sharedSnapshotsDir, kind, file);
}

/**
 * Asserts that every spec-independent file of one fixture's package equals the same file of the suite's
 * reference emission (`reference`, another fixture of the same suite), with a message naming both.
 */
export function expectSameAsReference(
  fixture: string,
  files: ReadonlyMap<string, string>,
  reference: { name: string; files: ReadonlyMap<string, string> },
): void {
  for (const file of specIndependentFiles) {
    expect(files.get(file), `${file} of ${fixture} equals ${reference.name}'s (spec-independent: one shared snapshot)`).toBe(reference.files.get(file));
  }
}

/**
 * Anchors a suite's reference emission to the shared snapshots: every spec-independent file is emitted and
 * matches `__snapshots__/spec-independent/<kind>/<file>` (written under `vitest -u`).
 */
export async function expectSharedSnapshots(kind: PackageKind, files: ReadonlyMap<string, string>): Promise<void> {
  for (const file of specIndependentFiles) {
    const contents = files.get(file);
    expect(contents, `the ${kind} package emits ${file}`).toBeTypeOf('string');
    await expect(contents).toMatchFileSnapshot(sharedSnapshot(kind, file));
  }
}
