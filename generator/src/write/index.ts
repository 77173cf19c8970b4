import type { EmittedFile } from '../emit/types.js';
import { type ApplyHooks, applyPackages } from './apply.js';
import { asWriteError } from './fs-error.js';
import { recoverPackage } from './journal.js';
import { MANIFEST_NAME } from './manifest.js';
import { type PreparedPackage, type PrepareOptions, preparePackage } from './prepare.js';

export { type AppliedPackage, type ApplyHooks, applyPackage, applyPackages } from './apply.js';
export { asWriteError, fileSystemDiagnostic, isSystemError } from './fs-error.js';
export { recoverPackage } from './journal.js';
export { clearFormatConfigCache } from './format.js';
export { MANIFEST_NAME } from './manifest.js';
export { type PreparedFile, type PreparedPackage, type PrepareOptions, preparePackage } from './prepare.js';

/** A change to one file of an output directory. */
export interface FileChange {
  /** Package-relative POSIX path. */
  path: string;
  change: 'added' | 'modified' | 'removed';
}

/** What {@link writePackage} did (or, with `check`, would do). Paths are package-relative, sorted. */
export interface WriteResult {
  /** Absolute output directory. */
  dir: string;
  /** Files written (added or modified); empty in check mode. */
  written: string[];
  unchanged: string[];
  /** Stale generated files deleted; empty in check mode. */
  removed: string[];
  /** Every file that differs from what is on disk, the manifest included; in check mode nothing was written. */
  changed: FileChange[];
  /** Wall time spent formatting with prettier, ms. */
  formatMs: number;
  /** Files formatted with prettier (Markdown, JSON; TypeScript with `--format prettier`). */
  formatted: number;
  /** Notes from writing (e.g. a file adopted on the first run). */
  diagnostics: PreparedPackage['diagnostics'];
}

/** Options of {@link writePackage}. */
export interface WriteOptions extends PrepareOptions {
  /** Write nothing; report what would change. */
  check: boolean;
  /** For tests: see {@link ApplyHooks}. */
  hooks?: ApplyHooks;
}

/**
 * Formats and writes one package directory: the generated files, their manifest
 * (`.sdkgen-manifest.json`), and removal of stale generated files. Atomic: on any failure
 * (formatting included) the directory is left byte-identical; killed at any instant, it holds each
 * file's previous or new version, whole, and the next call finishes the write first (see
 * {@link recoverPackage}; a `write/recovered` warning says so). Hand-written files are never touched.
 *
 * @throws {GenerateError} for invalid paths, formatting failures and conflicts with hand-written files
 *   (see {@link preparePackage}), and file-system errors (after rolling back) as diagnostics naming the
 *   path (`write/permission-denied`, `write/no-space`, `write/not-a-folder`, …).
 */
export async function writePackage(dir: string, files: readonly EmittedFile[], options: WriteOptions): Promise<WriteResult> {
  const cwd = process.cwd();
  try {
    const recovered = await recoverPackage(dir, { check: options.check, cwd });
    const prepared = await preparePackage(dir, files, options);
    if (!options.check) await applyPackages([prepared], options.hooks);
    const result = resultOf(prepared, options.check);
    return { ...result, diagnostics: [...recovered.diagnostics, ...result.diagnostics] };
  } catch (error) {
    throw asWriteError(error, cwd);
  }
}

/** The {@link WriteResult} of a prepared package, applied (`check: false`) or not. */
export function resultOf(prepared: PreparedPackage, check: boolean): WriteResult {
  const changed: FileChange[] = [
    ...prepared.added.map((p) => ({ path: p, change: 'added' as const })),
    ...prepared.modified.map((p) => ({ path: p, change: 'modified' as const })),
    ...prepared.removed.map((p) => ({ path: p, change: 'removed' as const })),
  ];
  if (prepared.manifestChanged) {
    changed.push({ path: MANIFEST_NAME, change: prepared.manifestExisted ? 'modified' : 'added' });
  }
  changed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    dir: prepared.dir,
    written: check ? [] : [...prepared.added, ...prepared.modified].sort(),
    unchanged: prepared.unchanged,
    removed: check ? [] : prepared.removed,
    changed,
    formatMs: prepared.formatMs,
    formatted: prepared.formatted,
    diagnostics: prepared.diagnostics,
  };
}
