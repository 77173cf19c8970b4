/**
 * Folder snapshots (one file snapshot per emitted file) and the files no longer emitted: vitest only
 * knows the snapshots it was asked for, so a file the generator stopped writing would stay behind.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { expect } from 'vitest';

/** True under `vitest -u` (reads the snapshot state's update mode). */
function updating(): boolean {
  const state = expect.getState().snapshotState as unknown as { _updateSnapshot?: unknown };
  return state._updateSnapshot === 'all';
}

/** Files under `dir`, as `/`-separated paths relative to it, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
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
