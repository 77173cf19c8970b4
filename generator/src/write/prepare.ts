import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { FormatMode } from '../config.js';
import { type Diagnostic, GenerateError } from '../diagnostics.js';
import type { EmittedFile } from '../emit/types.js';
import { toPosix } from '../load/paths.js';
import { type FormatFailure, formatText, parserFor, resolveFormatOptions, toFormatFailure } from './format.js';
import { comparePaths, isSafeRelativePath, MANIFEST_NAME, type Manifest, readManifest, serializeManifest, sha256 } from './manifest.js';

/** Options of {@link preparePackage}. */
export interface PrepareOptions {
  /**
   * `printer` (default): TypeScript (printed in its final shape by emit/ts/printer.ts) is written as
   * it is. `prettier`: it is formatted by prettier, once per file, with the output's prettier config.
   */
  format?: FormatMode;
}

/** One output file after formatting. */
export interface PreparedFile {
  /** Package-relative POSIX path. */
  path: string;
  contents: string;
  sha256: string;
}

/** Everything {@link applyPackage} needs, computed without writing anything. */
export interface PreparedPackage {
  /** Absolute output directory. */
  dir: string;
  files: PreparedFile[];
  manifest: string;
  /** Whether the manifest on disk differs from {@link manifest}. */
  manifestChanged: boolean;
  /** Whether a manifest was on disk before. */
  manifestExisted: boolean;
  /** Package-relative paths, sorted. */
  added: string[];
  modified: string[];
  unchanged: string[];
  /** Generated before (listed in the old manifest), not any more, and still on disk. */
  removed: string[];
  /** Warnings and notes (errors throw). */
  diagnostics: Diagnostic[];
  /** Wall time spent formatting with prettier (config look-ups included), ms. */
  formatMs: number;
  /** Files formatted with prettier (Markdown, JSON; TypeScript in the `prettier` mode). */
  formatted: number;
}

/**
 * Formats the files prettier formats (Markdown and JSON; TypeScript only with `format: 'prettier'`),
 * in this thread, one file after the other, and compares the result with what is on disk and in the
 * old manifest. Writes nothing.
 *
 * @param dir output directory (created later by {@link applyPackage} if missing)
 * @throws {GenerateError} `write/invalid-path` for a path that is absolute, escapes `dir`, repeats or
 *   is the manifest's; `write/format-failed` (file, line, column) for every file prettier rejects;
 *   `write/would-overwrite` for a generated path taken by a hand-written file (one not in the manifest).
 */
export async function preparePackage(dir: string, emitted: Iterable<EmittedFile>, options: PrepareOptions = {}): Promise<PreparedPackage> {
  const absDir = path.resolve(dir);
  const files = [...emitted];
  checkPaths(files);
  const started = performance.now();
  const failures: Diagnostic[] = [];
  const prepared: PreparedFile[] = [];
  let formatted = 0;
  for (const file of files) {
    const parser = parserFor(file.kind, options.format ?? 'printer');
    let contents = file.contents;
    if (parser !== undefined) {
      formatted++;
      try {
        contents = await formatText(file.contents, await resolveFormatOptions(absDir, file.path, parser));
      } catch (error) {
        failures.push(formatDiagnostic(file.path, toFormatFailure(error)));
        continue;
      }
    }
    prepared.push({ path: file.path, contents, sha256: sha256(contents) });
  }
  const formatMs = performance.now() - started;
  if (failures.length > 0) throw new GenerateError(failures);
  prepared.sort((a, b) => comparePaths(a.path, b.path));
  return compareWithDisk(absDir, prepared, { formatMs, formatted });
}

/** Compares the formatted files with the directory and its old manifest (reads only). */
async function compareWithDisk(absDir: string, files: PreparedFile[], formatting: { formatMs: number; formatted: number }): Promise<PreparedPackage> {
  const oldManifest = await readManifest(absDir);
  const newManifest: Manifest = new Map(files.map((f) => [f.path, f.sha256]));
  const manifest = serializeManifest(newManifest);
  const diagnostics: Diagnostic[] = [];
  const conflicts: Diagnostic[] = [];
  /** A package file as diagnostics show it: from the working directory, its package folder included. */
  const shown = (file: string): string => path.posix.join(toPosix(path.relative(process.cwd(), absDir)) || '.', file);
  const added: string[] = [];
  const modified: string[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    const current = await readIfExists(path.join(absDir, file.path));
    if (current === undefined) added.push(file.path);
    else if (current === file.contents) unchanged.push(file.path);
    else {
      modified.push(file.path);
      if (oldManifest === undefined) {
        // A warning, so that the CLI shows it: a hand-written file may be lost (it is in version control, or it is not).
        diagnostics.push({
          severity: 'warning',
          code: 'write/adopted',
          message: `${file.path} existed without a manifest: it is replaced by the generated file`,
          file: shown(file.path),
        });
      } else if (!oldManifest.has(file.path)) {
        conflicts.push({
          severity: 'error',
          code: 'write/would-overwrite',
          message: `${file.path} is not a generated file (not in ${MANIFEST_NAME}), but the generator now emits this path: move or delete it`,
          file: shown(file.path),
        });
      }
    }
  }
  if (conflicts.length > 0) throw new GenerateError(conflicts);

  const removed: string[] = [];
  for (const old of [...(oldManifest?.keys() ?? [])].sort(comparePaths)) {
    if (newManifest.has(old)) continue;
    if ((await readIfExists(path.join(absDir, old))) !== undefined) removed.push(old);
  }
  const oldManifestText = await readIfExists(path.join(absDir, MANIFEST_NAME));
  const manifestChanged = oldManifestText !== manifest;
  return {
    dir: absDir,
    files,
    manifest,
    manifestChanged,
    manifestExisted: oldManifestText !== undefined,
    added,
    modified,
    unchanged,
    removed,
    diagnostics,
    ...formatting,
  };
}

function checkPaths(emitted: readonly EmittedFile[]): void {
  const seen = new Set<string>();
  const problems: Diagnostic[] = [];
  for (const file of emitted) {
    let why: string | undefined;
    if (!isSafeRelativePath(file.path)) why = 'must be relative, with / separators, inside the package';
    else if (file.path === MANIFEST_NAME) why = 'is reserved for the manifest';
    else if (seen.has(file.path)) why = 'is emitted twice';
    seen.add(file.path);
    if (why)
      problems.push({
        severity: 'error',
        code: 'write/invalid-path',
        message: `emitted path '${file.path}' ${why}`,
      });
  }
  if (problems.length > 0) throw new GenerateError(problems);
}

function formatDiagnostic(file: string, failure: FormatFailure): Diagnostic {
  const d: Diagnostic = {
    severity: 'error',
    code: 'write/format-failed',
    message: `prettier cannot format the generated ${file}: ${failure.message}`,
    file,
  };
  if (failure.line !== undefined) d.line = failure.line;
  if (failure.column !== undefined) d.column = failure.column;
  return d;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
