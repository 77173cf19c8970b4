import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { MANIFEST_NAME } from './manifest.js';
import type { PreparedPackage } from './prepare.js';

/** Test hooks: called before each file is moved into the output directory (throw to simulate a crash). */
export interface ApplyHooks {
  /** `relPath` is package-relative; `dir` the absolute package directory. */
  beforeSwap?(relPath: string, dir: string): void | Promise<void>;
}

/** A swap that has happened but can still be undone (until {@link AppliedPackage.finish}). */
export interface AppliedPackage {
  /** Puts every replaced and removed file back and deletes the added ones. */
  rollback(): Promise<void>;
  /** Deletes the staging and backup folders. */
  finish(): Promise<void>;
}

/**
 * Writes a prepared package atomically as far as the file system allows:
 *
 * 1. every new or changed file (and the manifest) is written into a staging folder beside `dir`
 *    (same file system, so renames are atomic);
 * 2. each file about to be replaced or removed is moved into a backup folder beside `dir`;
 * 3. the staged files are renamed into place.
 *
 * If anything fails in 1–3, the moves done so far are undone, so `dir` is left byte-identical, and
 * the error is rethrown. Files not in the manifest (hand-written) are never opened. Folders emptied by
 * removals are deleted (never `dir` itself).
 */
export async function applyPackage(prepared: PreparedPackage, hooks: ApplyHooks = {}): Promise<AppliedPackage> {
  const { dir } = prepared;
  const toWrite = prepared.files.filter((f) => !prepared.unchanged.includes(f.path));
  const nothingToDo = toWrite.length === 0 && prepared.removed.length === 0 && !prepared.manifestChanged;
  if (nothingToDo) return { rollback: async () => {}, finish: async () => {} };

  const parent = path.dirname(dir);
  const base = path.basename(dir);
  await fs.mkdir(parent, { recursive: true });
  const stage = await fs.mkdtemp(path.join(parent, `.${base}.sdkgen-stage-`));
  const backup = await fs.mkdtemp(path.join(parent, `.${base}.sdkgen-backup-`));
  const cleanup = async (): Promise<void> => {
    await fs.rm(stage, { recursive: true, force: true });
    await fs.rm(backup, { recursive: true, force: true });
  };

  const staged = [...toWrite.map((f) => ({ path: f.path, contents: f.contents })), { path: MANIFEST_NAME, contents: prepared.manifest }];
  const movedOut: string[] = [];
  const movedIn: string[] = [];
  const rollback = async (): Promise<void> => {
    for (const rel of movedIn.reverse()) await fs.rm(path.join(dir, rel), { force: true });
    for (const rel of movedOut.reverse()) {
      await fs.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await fs.rename(path.join(backup, rel), path.join(dir, rel));
    }
    movedIn.length = 0;
    movedOut.length = 0;
    await cleanup();
  };

  try {
    for (const file of staged) {
      const target = path.join(stage, file.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, file.contents);
    }
    await fs.mkdir(dir, { recursive: true });
    const replaced = [...toWrite.map((f) => f.path), MANIFEST_NAME, ...prepared.removed];
    for (const rel of replaced) {
      const from = path.join(dir, rel);
      if (!(await exists(from))) continue;
      await fs.mkdir(path.dirname(path.join(backup, rel)), { recursive: true });
      await fs.rename(from, path.join(backup, rel));
      movedOut.push(rel);
    }
    for (const file of staged) {
      await hooks.beforeSwap?.(file.path, dir);
      const target = path.join(dir, file.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(path.join(stage, file.path), target);
      movedIn.push(file.path);
    }
  } catch (error) {
    await rollback();
    throw error;
  }

  return {
    rollback,
    finish: async () => {
      await cleanup();
      for (const rel of prepared.removed) await removeEmptyParents(dir, rel);
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

async function removeEmptyParents(dir: string, rel: string): Promise<void> {
  let current = path.dirname(path.join(dir, rel));
  while (current.startsWith(dir + path.sep)) {
    try {
      await fs.rmdir(current);
    } catch {
      return;
    }
    current = path.dirname(current);
  }
}
