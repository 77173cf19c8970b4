import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { type Diagnostic, GenerateError } from '../diagnostics.js';
import type { EmittedFile } from '../emit/types.js';
import { cacheKey, defaultCacheDir, FormatCache, sha256 } from './cache.js';
import { type FastFormatStyle, fastFormat, fastFormatStyle } from './fast-format.js';
import {
  DIAGNOSTIC_PARSER,
  type FormatFailure,
  extractTables,
  type FormatOptions,
  joinFormatted,
  parserFor,
  prettierVersion,
  resolveFormatOptions,
  restoreTables,
  splitInterface,
  splitStatements,
  splitTopLevel,
  unwrapInterface,
} from './format.js';
import { comparePaths, isSafeRelativePath, MANIFEST_NAME, type Manifest, readManifest, serializeManifest } from './manifest.js';
import { defaultWorkerCount, type FormatJob, type FormatOutcome, FormatPool } from './pool.js';

/** Options of {@link preparePackage}. */
export interface PrepareOptions {
  /**
   * Folder of the format cache. Default: `node_modules/.cache/sdkgen/format` in the nearest folder
   * above the output that has a `node_modules`. `false` disables the cache.
   */
  cacheDir?: string | false;
  /**
   * Worker threads for formatting, besides this thread (which formats too). `'auto'` (default) uses
   * one fewer than the CPUs (at most 7; none on a single CPU) when at least
   * {@link WORKER_THRESHOLD_BYTES} of text needs formatting, else formats in this thread only. `0`
   * never uses workers.
   */
  workers?: number | 'auto';
  /**
   * A pool started earlier (e.g. at the start of generate(), so its workers load prettier while the
   * document loads). Used when there is work for workers (per {@link workers}); the caller closes it.
   */
  pool?: FormatPool;
  /** TypeScript bigger than this (UTF-16 code units) is formatted in pieces of about this size. Default 32 Ki; for tests. */
  pieceBytes?: number;
  /**
   * Default true: statements already in prettier's shape (write/fast-format.ts) are taken as they
   * are, the rest formatted by prettier; the bytes are the same. `false` sends every statement to
   * prettier (the tests compare the two).
   */
  fastFormat?: boolean;
}

/**
 * Below this many bytes of text to format (after cache hits), workers cost more than they save:
 * starting a worker and loading prettier in it takes ~0.3 s.
 */
export const WORKER_THRESHOLD_BYTES = 512 * 1024;

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
  /** Wall time spent formatting (cache look-ups included), ms. */
  formatMs: number;
  cacheHits: number;
  cacheMisses: number;
  /** Worker threads used (0: formatted in this thread). */
  workers: number;
}

/**
 * Formats every file with prettier (in memory; cached; in worker threads when there is a lot to
 * format) and compares the result with what is on disk and in the old manifest. Writes nothing but
 * cache entries.
 *
 * @param dir output directory (created later by {@link applyPackage} if missing)
 * @throws {GenerateError} `write/invalid-path` for a path that is absolute, escapes `dir`, repeats or
 *   is the manifest's; `write/format-failed` (file, line, column) for every file prettier rejects;
 *   `write/would-overwrite` for a generated path taken by a hand-written file (one not in the manifest).
 */
export async function preparePackage(dir: string, emitted: readonly EmittedFile[], options: PrepareOptions = {}): Promise<PreparedPackage> {
  const absDir = path.resolve(dir);
  checkPaths(emitted);
  const started = performance.now();
  const formatted = await formatAll(absDir, emitted, options);
  const formatMs = performance.now() - started;

  const failures = formatted.results.flatMap((r, i) => (r.ok ? [] : [formatDiagnostic(emitted[i]!.path, r.failure)]));
  if (failures.length > 0) throw new GenerateError(failures);

  const files: PreparedFile[] = emitted
    .map((file, i) => {
      const result = formatted.results[i]!;
      const contents = result.ok ? result.formatted : '';
      return { path: file.path, contents, sha256: sha256(contents) };
    })
    .sort((a, b) => comparePaths(a.path, b.path));

  const oldManifest = await readManifest(absDir);
  const newManifest: Manifest = new Map(files.map((f) => [f.path, f.sha256]));
  const manifest = serializeManifest(newManifest);
  const diagnostics: Diagnostic[] = [];
  const conflicts: Diagnostic[] = [];
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
        diagnostics.push({
          severity: 'info',
          code: 'write/adopted',
          message: `${file.path} existed without a manifest: it is replaced by the generated file`,
          file: file.path,
        });
      } else if (!oldManifest.has(file.path)) {
        conflicts.push({
          severity: 'error',
          code: 'write/would-overwrite',
          message: `${file.path} is not a generated file (not in ${MANIFEST_NAME}), but the generator now emits this path: move or delete it`,
          file: path.posix.join(toPosix(path.relative(process.cwd(), absDir)) || '.', file.path),
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
    formatMs,
    cacheHits: formatted.hits,
    cacheMisses: formatted.misses,
    workers: formatted.workers,
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

interface FormatAllResult {
  results: FormatOutcome[];
  hits: number;
  misses: number;
  workers: number;
}

/** Pieces of about this many bytes are formatted separately (see {@link splitTopLevel}). */
const PIECE_BYTES = 32 * 1024;

async function formatAll(dir: string, emitted: readonly EmittedFile[], options: PrepareOptions): Promise<FormatAllResult> {
  const cache = options.cacheDir === false ? undefined : new FormatCache(options.cacheDir ?? defaultCacheDir(dir));
  const results: FormatOutcome[] = new Array(emitted.length);
  const pending: Array<{ index: number; key: string; job: FormatJob }> = [];
  let hits = 0;
  await Promise.all(
    emitted.map(async (file, index) => {
      const parser = parserFor(file.kind);
      if (parser === undefined) {
        results[index] = { ok: true, formatted: file.contents };
        return;
      }
      const formatOptions: FormatOptions = await resolveFormatOptions(dir, file.path, parser);
      const key = cacheKey(file.contents, prettierVersion, formatOptions);
      const cached = cache ? await cache.get(key) : undefined;
      if (cached !== undefined) {
        hits++;
        results[index] = { ok: true, formatted: cached };
        return;
      }
      pending.push({ index, key, job: { text: file.contents, options: formatOptions } });
    }),
  );
  // Biggest first: the last jobs to finish are then small ones, so the threads end together.
  pending.sort((a, b) => b.job.text.length - a.job.text.length || a.index - b.index);
  const bytes = pending.reduce((n, p) => n + p.job.text.length, 0);
  const workers =
    options.workers === 'auto' || options.workers === undefined
      ? bytes >= WORKER_THRESHOLD_BYTES && pending.length > 0
        ? defaultWorkerCount()
        : 0
      : options.workers;
  const pool =
    options.pool !== undefined && pending.length > 0 && workers > 0 ? options.pool : new FormatPool(pending.length > 0 ? workers : 0);
  try {
    await Promise.all(
      pending.map(async (p) => {
        const outcome = await formatInPieces(pool, p.job, options.pieceBytes ?? PIECE_BYTES, options.fastFormat !== false);
        results[p.index] = outcome;
        if (outcome.ok && cache) await cache.set(p.key, outcome.formatted);
      }),
    );
  } finally {
    if (pool !== options.pool) await pool.close();
  }
  return { results, hits, misses: pending.length, workers: pending.length > 0 ? pool.workers : 0 };
}

/**
 * Formats a text piece by piece (see {@link splitTopLevel}); if a piece is rejected, formats the
 * whole text, so the output (or the error and its location) is what formatting the whole gives.
 */
async function formatInPieces(pool: FormatPool, job: FormatJob, pieceBytes: number, fast: boolean): Promise<FormatOutcome> {
  if (job.options['parser'] === 'markdown') {
    const { skeleton, tables } = extractTables(job.text);
    const outcome = await pool.format({ text: skeleton, options: job.options });
    if (!outcome.ok) return outcome;
    const restored = restoreTables(outcome.formatted, tables);
    if (restored === undefined) throw new Error('generated Markdown: a table placeholder did not survive formatting');
    return { ok: true, formatted: restored };
  }
  const parser = String(job.options['parser']);
  const pieces = splitTopLevel(job.text, parser, pieceBytes);
  const whole = async (): Promise<FormatOutcome> => {
    const outcome = await pool.format(job);
    const diagnosticParser = DIAGNOSTIC_PARSER[parser];
    if (outcome.ok || diagnosticParser === undefined) return outcome;
    return pool.format({ text: job.text, options: { ...job.options, parser: diagnosticParser } });
  };
  const style = fast ? fastFormatStyle(job.options) : undefined;
  if (pieces.length === 1 && style === undefined && splitInterface(job.text, pieceBytes) === undefined) return whole();
  const formatted = await Promise.all(pieces.map((text) => formatStatements(pool, text, job.options, pieceBytes, style)));
  if (formatted.some((f) => f === undefined)) return whole();
  return { ok: true, formatted: joinFormatted(formatted as string[]) };
}

/**
 * One piece of {@link splitTopLevel}, statement by statement: those in {@link fastFormat}'s grammar
 * are taken without prettier (when `style` allows it); the others go to prettier in one call, cut
 * apart again at marker comments (prettier formats top-level statements independently and keeps a
 * comment line between blank lines as it is), a huge interface on its own (see {@link formatPiece}).
 * Undefined if prettier rejects the rest or the markers do not come back in order.
 */
async function formatStatements(
  pool: FormatPool,
  text: string,
  options: FormatOptions,
  pieceBytes: number,
  style: FastFormatStyle | undefined,
): Promise<string | undefined> {
  if (style === undefined) return formatPiece(pool, text, options, pieceBytes, undefined);
  const parts: Array<string | Promise<string | undefined> | undefined> = [];
  const rest: Array<{ index: number; text: string }> = [];
  for (const statement of splitStatements(text)) {
    const fast = fastFormat(statement, style);
    if (fast !== undefined) parts.push(fast);
    else if (statement.length > 2 * pieceBytes) parts.push(formatPiece(pool, statement, options, pieceBytes, style));
    else {
      rest.push({ index: parts.length, text: statement });
      parts.push(undefined);
    }
  }
  if (rest.length > 0) {
    const outcome = await pool.format({ text: rest.map((r) => r.text).join(`\n\n${CUT}\n\n`), options });
    if (!outcome.ok) return undefined;
    const formatted = outcome.formatted.split(`\n\n${CUT}\n\n`);
    if (formatted.length !== rest.length) return undefined;
    formatted.forEach((f, i) => {
      parts[rest[i]!.index] = i === formatted.length - 1 ? f : `${f}\n`;
    });
  }
  const done = await Promise.all(parts);
  return done.some((d) => d === undefined || d === '') ? undefined : joinFormatted(done as string[]);
}

/** The line {@link formatStatements} puts between statements it hands to prettier together. */
const CUT = '// @sdkgen-cut 6c1e';

/** Statements for prettier, a huge interface member group by member group; undefined if rejected. */
async function formatPiece(
  pool: FormatPool,
  text: string,
  options: FormatOptions,
  pieceBytes: number,
  style: FastFormatStyle | undefined,
): Promise<string | undefined> {
  const split = splitInterface(text, pieceBytes);
  if (split === undefined) {
    const outcome = await pool.format({ text, options });
    return outcome.ok && outcome.formatted.length > 0 ? outcome.formatted : undefined;
  }
  const bodies = await Promise.all(
    split.wrapped.map(async (group) => {
      const fast = style === undefined ? undefined : fastFormat(group, style);
      if (fast !== undefined) return unwrapInterface(fast);
      const outcome = await pool.format({ text: group, options });
      return outcome.ok ? unwrapInterface(outcome.formatted) : undefined;
    }),
  );
  if (bodies.some((b) => b === undefined)) return undefined;
  return `${split.header}\n${bodies.join('')}}\n`;
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

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
