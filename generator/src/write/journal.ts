import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { type Diagnostic, GenerateError } from '../diagnostics.js';
import { toPosix } from '../load/paths.js';
import { isSafeRelativePath } from './manifest.js';

/**
 * The write journal of one package folder: `.<base>.sdkgen-journal.json` beside it (docs/decisions.md
 * D30). It exists from the moment the staged files are complete until the swap is committed, and says
 * how to finish (or undo) the swap if the process dies in between.
 */
export interface Journal {
  /** `swap`: going forward (a new run rolls forward). `rollback`: being undone (a new run finishes undoing). */
  phase: 'swap' | 'rollback';
  /** Folder names beside the package folder (no separators). */
  stage: string;
  backup: string;
  /** Package-relative paths renamed from the stage into the package folder (the manifest last). */
  write: string[];
  /** Package-relative paths deleted once the others are in. */
  remove: string[];
  /** The package folder did not exist before: undoing deletes it again (if empty). */
  createdDir: boolean;
}

const JOURNAL_VERSION = 1;

/** Where things live for the package folder `dir`. */
export interface WritePaths {
  dir: string;
  parent: string;
  base: string;
  journal: string;
  stagePrefix: string;
  backupPrefix: string;
}

export function writePaths(dir: string): WritePaths {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  return {
    dir,
    parent,
    base,
    journal: path.join(parent, `.${base}.sdkgen-journal.json`),
    stagePrefix: `.${base}.sdkgen-stage-`,
    backupPrefix: `.${base}.sdkgen-backup-`,
  };
}

/** Writes the journal atomically: a temporary file renamed over it. */
export async function writeJournal(paths: WritePaths, journal: Journal): Promise<void> {
  const tmp = `${paths.journal}.tmp`;
  await fs.writeFile(tmp, `${JSON.stringify({ sdkgenJournal: JOURNAL_VERSION, ...journal }, null, 2)}\n`);
  await fs.rename(tmp, paths.journal);
}

/**
 * The journal of `dir`, or undefined when there is none. @throws {GenerateError} `write/bad-journal`
 * for a journal that is not ours or names paths outside the package (we never act on those).
 */
export async function readJournal(paths: WritePaths, cwd: string): Promise<Journal | undefined> {
  let text: string;
  try {
    text = await fs.readFile(paths.journal, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
  let j: Partial<Journal> & { sdkgenJournal?: unknown };
  try {
    j = JSON.parse(text) as typeof j;
  } catch {
    j = {};
  }
  const folderOk = (name: unknown, prefix: string): boolean =>
    typeof name === 'string' && name.startsWith(prefix) && !name.includes('/') && !name.includes('\\') && name !== prefix;
  const pathsOk = (list: unknown): boolean => Array.isArray(list) && list.every((p) => typeof p === 'string' && isSafeRelativePath(p));
  if (
    j.sdkgenJournal !== JOURNAL_VERSION ||
    (j.phase !== 'swap' && j.phase !== 'rollback') ||
    !folderOk(j.stage, paths.stagePrefix) ||
    !folderOk(j.backup, paths.backupPrefix) ||
    !pathsOk(j.write) ||
    !pathsOk(j.remove)
  ) {
    throw new GenerateError([
      {
        severity: 'error',
        code: 'write/bad-journal',
        message: `${shown(paths.journal, cwd)} is not a write journal this sdkgen can finish: check ${shown(paths.dir, cwd)}, then delete the journal and the .${paths.base}.sdkgen-* folders beside it`,
        file: shown(paths.journal, cwd),
      },
    ]);
  }
  return { phase: j.phase, stage: j.stage!, backup: j.backup!, write: j.write!, remove: j.remove!, createdDir: j.createdDir === true };
}

/** Summary of a roll-forward or roll-back. */
export interface Outcome {
  moved: number;
  removed: number;
}

/**
 * Finishes a swap: every file still in the stage is renamed into place, the removals are done, then
 * the journal (the commit point) and the stage and backup folders are deleted.
 */
export async function rollForward(paths: WritePaths, journal: Journal): Promise<Outcome> {
  const stage = path.join(paths.parent, journal.stage);
  let moved = 0;
  let removed = 0;
  for (const rel of journal.write) {
    const from = path.join(stage, rel);
    if (!(await exists(from))) continue;
    const to = path.join(paths.dir, rel);
    await fs.mkdir(path.dirname(to), { recursive: true });
    await fs.rename(from, to);
    moved++;
  }
  for (const rel of journal.remove) {
    if (await exists(path.join(paths.dir, rel))) removed++;
    await fs.rm(path.join(paths.dir, rel), { force: true });
    await removeEmptyParents(paths.dir, rel);
  }
  await fs.rm(paths.journal, { force: true });
  await deleteFolders(paths, journal);
  return { moved, removed };
}

/**
 * Undoes a swap (kill-safe: the journal says `rollback` first): each file with a backup is put back
 * (renamed over whatever is there), each added file that was moved in is deleted; then the journal and
 * the folders are deleted. Relies on every backup being taken before the first rename.
 */
export async function rollBack(paths: WritePaths, journal: Journal): Promise<Outcome> {
  if (journal.phase !== 'rollback') await writeJournal(paths, { ...journal, phase: 'rollback' });
  const stage = path.join(paths.parent, journal.stage);
  const backup = path.join(paths.parent, journal.backup);
  let moved = 0;
  let removed = 0;
  const written = new Set(journal.write);
  for (const rel of [...journal.write, ...journal.remove].reverse()) {
    const saved = path.join(backup, rel);
    const target = path.join(paths.dir, rel);
    if (await exists(saved)) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(saved, target);
      moved++;
    } else if (written.has(rel) && !(await exists(path.join(stage, rel))) && (await exists(target))) {
      await fs.rm(target, { force: true });
      await removeEmptyParents(paths.dir, rel);
      removed++;
    }
  }
  if (journal.createdDir) await fs.rmdir(paths.dir).catch(() => undefined);
  await fs.rm(paths.journal, { force: true });
  await deleteFolders(paths, journal);
  return { moved, removed };
}

async function deleteFolders(paths: WritePaths, journal: Journal): Promise<void> {
  await fs.rm(path.join(paths.parent, journal.stage), { recursive: true, force: true });
  await fs.rm(path.join(paths.parent, journal.backup), { recursive: true, force: true });
}

/** Staging and backup folders (and a journal's temporary file) beside `dir`. */
async function leftovers(paths: WritePaths): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(paths.parent);
  } catch {
    return [];
  }
  const tmp = path.basename(`${paths.journal}.tmp`);
  return names.filter((n) => n.startsWith(paths.stagePrefix) || n.startsWith(paths.backupPrefix) || n === tmp).sort();
}

/**
 * Before a write: finishes what an interrupted run left beside the package folder `dir`, and says so.
 *
 * - A journal: the run was killed mid-swap. Phase `swap` is rolled forward (the stage is complete),
 *   phase `rollback` is rolled back; either way the folder then holds one whole generation.
 * - Staging or backup folders without a journal: the run was killed before the output was touched;
 *   they are deleted.
 *
 * With `check`, nothing is modified: a pending journal or leftover folders are reported (`pending`
 * tells whether the output itself is mid-swap).
 *
 * @returns warnings `write/recovered` (or `write/interrupted` in check mode) naming the folder
 */
export async function recoverPackage(dir: string, options: { check: boolean; cwd: string }): Promise<{ diagnostics: Diagnostic[]; pending: boolean }> {
  const paths = writePaths(path.resolve(dir));
  const journal = await readJournal(paths, options.cwd);
  const rest = await leftovers(paths);
  if (journal === undefined && rest.length === 0) return { diagnostics: [], pending: false };
  const where = shown(paths.dir, options.cwd);
  const note = (code: string, message: string): Diagnostic => ({ severity: 'warning', code, message, file: where });
  if (options.check) {
    const message = journal
      ? `an interrupted write of ${where} is pending (a previous run was stopped mid-write): run without --check to finish it`
      : `leftover folders of an interrupted write beside ${where} (the output was not touched): the next run without --check deletes them`;
    return { diagnostics: [note('write/interrupted', message)], pending: journal !== undefined };
  }
  const diagnostics: Diagnostic[] = [];
  if (journal?.phase === 'swap') {
    const { moved, removed } = await rollForward(paths, journal);
    diagnostics.push(
      note(
        'write/recovered',
        `finished the interrupted write of ${where} (a previous run was stopped mid-write): ${moved} file(s) moved into place, ${removed} removed`,
      ),
    );
  } else if (journal?.phase === 'rollback') {
    const { moved, removed } = await rollBack(paths, journal);
    diagnostics.push(
      note('write/recovered', `finished undoing the failed write of ${where}: ${moved} file(s) restored, ${removed} removed; the previous output is back`),
    );
  }
  const after = await leftovers(paths);
  for (const name of after) await fs.rm(path.join(paths.parent, name), { recursive: true, force: true });
  if (journal === undefined) {
    diagnostics.push(
      note(
        'write/recovered',
        `deleted ${after.length} leftover folder(s) of an interrupted write beside ${where} (it had not touched the output, or had finished)`,
      ),
    );
  }
  return { diagnostics, pending: false };
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** Deletes the folders of `rel` that are empty, up to (never) `dir`. */
export async function removeEmptyParents(dir: string, rel: string): Promise<void> {
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

/** A path as diagnostics show it: relative to `cwd` when inside it, else absolute; POSIX separators. */
export function shown(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  const p = rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
  return toPosix(p);
}
