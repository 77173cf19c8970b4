import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { exists, type Journal, removeEmptyParents, rollBack, writeJournal, writePaths } from './journal.js';
import { MANIFEST_NAME } from './manifest.js';
import type { PreparedPackage } from './prepare.js';

/** Test hooks into the write (throw to simulate a failure; kill the process to simulate a crash). */
export interface ApplyHooks {
  /** Called before each staged file is renamed into the output directory. `relPath` is package-relative; `dir` the absolute package directory. */
  beforeSwap?(relPath: string, dir: string): void | Promise<void>;
  /**
   * Called at every step boundary of the write, once the step is done: `staged` (every file written
   * to the stage), `journal` (the journal is in place), `backup:<rel>` (the old file kept),
   * `rename:<rel>` (the new file in place), `remove:<rel>` (a stale file deleted), `committed` (the
   * journal deleted), `cleaned` (the stage and backup folders deleted). `index` counts the calls made
   * with this hooks object, from 0; `dir` is the absolute package directory.
   */
  step?(name: string, index: number, dir: string): void | Promise<void>;
}

/** A swap that has happened but can still be undone (until {@link AppliedPackage.finish}). */
export interface AppliedPackage {
  /** Puts every replaced and removed file back and deletes the added ones (kill-safe: journaled). */
  rollback(): Promise<void>;
  /** Deletes the journal: from here on the new files stay (a later {@link rollback} still undoes them). */
  commit(): Promise<void>;
  /** Commits (if not yet done), then deletes the staging and backup folders. */
  finish(): Promise<void>;
}

const stepCounts = new WeakMap<ApplyHooks, number>();

async function step(hooks: ApplyHooks, name: string, dir: string): Promise<void> {
  if (hooks.step === undefined) return;
  const index = stepCounts.get(hooks) ?? 0;
  stepCounts.set(hooks, index + 1);
  await hooks.step(name, index, dir);
}

/**
 * Writes a prepared package so that, killed at any instant, the directory holds for every file either
 * its previous or its new version, whole, and the next run can finish the write (docs/decisions.md D30):
 *
 * 1. every new or changed file (and the manifest) is written into a staging folder beside `dir`
 *    (same file system, so renames are atomic);
 * 2. a journal beside `dir` (written atomically) names the stage, the backup folder and the files to
 *    write and remove: from here on a new run rolls the write forward (see `recoverPackage`);
 * 3. each file about to be replaced or removed is kept in a backup folder beside `dir` (a hard link,
 *    or a copy where links are not supported) without leaving its place;
 * 4. each staged file is renamed over its target (an atomic replace), the manifest last; then stale
 *    files are deleted (and folders they leave empty, never `dir` itself).
 *
 * The caller then {@link AppliedPackage.commit}s (deletes the journal) and
 * {@link AppliedPackage.finish}es (deletes the folders), or {@link AppliedPackage.rollback}s. If anything
 * fails in 1–4, the write is undone, so `dir` is left byte-identical, and the error is rethrown. Files not
 * in the manifest (hand-written) are never opened.
 */
export async function applyPackage(prepared: PreparedPackage, hooks: ApplyHooks = {}): Promise<AppliedPackage> {
  const { dir } = prepared;
  const toWrite = prepared.files.filter((f) => !prepared.unchanged.includes(f.path));
  const nothingToDo = toWrite.length === 0 && prepared.removed.length === 0 && !prepared.manifestChanged;
  if (nothingToDo) return { rollback: async () => {}, commit: async () => {}, finish: async () => {} };

  const paths = writePaths(dir);
  await fs.mkdir(paths.parent, { recursive: true });
  const stage = await fs.mkdtemp(path.join(paths.parent, paths.stagePrefix));
  let backup: string | undefined;
  const staged = [...toWrite.map((f) => ({ path: f.path, contents: f.contents })), { path: MANIFEST_NAME, contents: prepared.manifest }];
  let journal: Journal | undefined;
  let state: 'open' | 'committed' | 'done' = 'open';
  const forget = async (): Promise<void> => {
    await fs.rm(stage, { recursive: true, force: true });
    if (backup !== undefined) await fs.rm(backup, { recursive: true, force: true });
  };
  const rollback = async (): Promise<void> => {
    if (state === 'done') return;
    state = 'done';
    if (journal === undefined) await forget();
    else await rollBack(paths, journal);
  };

  try {
    for (const file of staged) {
      const target = path.join(stage, file.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, file.contents);
    }
    backup = await fs.mkdtemp(path.join(paths.parent, paths.backupPrefix));
    await step(hooks, 'staged', dir);

    const createdDir = !(await exists(dir));
    const pending: Journal = {
      phase: 'swap',
      stage: path.basename(stage),
      backup: path.basename(backup),
      write: staged.map((f) => f.path),
      remove: prepared.removed,
      createdDir,
    };
    await writeJournal(paths, pending);
    journal = pending;
    await step(hooks, 'journal', dir);

    await fs.mkdir(dir, { recursive: true });
    for (const rel of [...pending.write, ...pending.remove]) {
      const from = path.join(dir, rel);
      if (!(await exists(from))) continue;
      await keep(from, path.join(backup, rel));
      await step(hooks, `backup:${rel}`, dir);
    }
    for (const file of staged) {
      await hooks.beforeSwap?.(file.path, dir);
      const target = path.join(dir, file.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(path.join(stage, file.path), target);
      await step(hooks, `rename:${file.path}`, dir);
    }
    for (const rel of prepared.removed) {
      await fs.rm(path.join(dir, rel), { force: true });
      await removeEmptyParents(dir, rel);
      await step(hooks, `remove:${rel}`, dir);
    }
  } catch (error) {
    await rollback();
    throw error;
  }

  const commit = async (): Promise<void> => {
    if (state !== 'open') return;
    await fs.rm(paths.journal, { force: true });
    state = 'committed';
    await step(hooks, 'committed', dir);
  };
  return {
    rollback,
    commit,
    finish: async () => {
      await commit();
      if (state === 'done') return;
      state = 'done';
      // Past the commit point: a folder that cannot be deleted now is deleted by the next run.
      await forget().catch(() => undefined);
      await step(hooks, 'cleaned', dir);
    },
  };
}

/**
 * Swaps every package in, then commits each (deletes its journal), then deletes the staging and backup
 * folders. A failure before the last commit rolls every package back; killed, each package holds old or
 * new files, whole, and the next run rolls forward those with a journal (D30).
 */
export async function applyPackages(prepared: readonly PreparedPackage[], hooks?: ApplyHooks): Promise<void> {
  const applied: AppliedPackage[] = [];
  try {
    for (const p of prepared) applied.push(await applyPackage(p, hooks));
    for (const a of applied) await a.commit();
  } catch (error) {
    for (const a of applied.reverse()) await a.rollback();
    throw error;
  }
  for (const a of applied) await a.finish();
}

/**
 * Keeps `file` at `saved` without moving it: a hard link (the old bytes stay reachable after the
 * rename replaces `file`), else a copy, made under a temporary name so that `saved` is never partial.
 */
async function keep(file: string, saved: string): Promise<void> {
  await fs.mkdir(path.dirname(saved), { recursive: true });
  try {
    await fs.link(file, saved);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'EMLINK' && code !== 'ENOSYS') throw error;
    const tmp = `${saved}.sdkgen-copy`;
    await fs.copyFile(file, tmp);
    await fs.rename(tmp, saved);
  }
}
