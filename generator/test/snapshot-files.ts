/**
 * Folder snapshots (one file snapshot per emitted file) and the files no longer emitted: vitest only
 * knows the snapshots it was asked for, so a file the generator stopped writing would stay behind.
 * Also where the shared (masked) snapshots and their manifests live (package-snapshots.ts writes them).
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** True under `vitest -u` (reads the snapshot state's update mode; call it inside a test). */
export function updating(): boolean {
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

/** The package kinds the generator emits. */
export type PackageKind = 'types' | 'client';

/**
 * Folder of the shared (masked) snapshots: `<folder>/<kind>/<variant>/<path in the package>`, and each
 * kind's manifest `<folder>/<kind>.json` (snapshot-plan.ts).
 */
export const sharedDir = fileURLToPath(new URL('./__snapshots__/shared/', import.meta.url));

/** Absolute path of the manifest of a package kind's snapshots. */
export function manifestPath(kind: PackageKind): string {
  return path.join(sharedDir, `${kind}.json`);
}

/** Absolute path of a shared snapshot: `variant` is `<variant>/<path in the package>` (a key of `SnapshotPlan.variants`). */
export function variantPath(kind: PackageKind, variant: string): string {
  return path.join(sharedDir, kind, variant);
}

/** Deletes the empty folders under `dir` (left behind when `vitest -u` deletes stale snapshot files); keeps `dir`. */
export function pruneEmptyFolders(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    pruneEmptyFolders(full);
    if (readdirSync(full).length === 0) rmSync(full, { recursive: true });
  }
}
