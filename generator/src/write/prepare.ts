import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { type Diagnostic, GenerateError } from '../diagnostics.js';
import type { EmittedFile } from '../emit/types.js';
import { cacheKey, defaultCacheDir, FormatCache, sha256 } from './cache.js';
import { isPrinterStyle } from './printer-style.js';
import type { FormatMode } from '../config.js';
import {
  DIAGNOSTIC_PARSER,
  type FormatFailure,
  extractTables,
  type FormatOptions,
  parserFor,
  prettierVersion,
  resolveFormatOptions,
  restoreTables,
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
  /**
   * `printer` (default): TypeScript the printer printed ({@link EmittedFile.printed}) is written as it
   * is. `prettier`: it is formatted by prettier, once per file, with the output's prettier config.
   */
  format?: FormatMode;
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
 * `emitted` may be an async iterable that yields files while they are being emitted: with
 * `options.pool`, each file is handed to formatting as soon as it arrives, so formatting overlaps
 * the emission of the next ones (see {@link FormatPool.hold}). Without a pool, formatting starts once
 * every file is in (biggest first).
 *
 * @param dir output directory (created later by {@link applyPackage} if missing)
 * @throws {GenerateError} `write/invalid-path` for a path that is absolute, escapes `dir`, repeats or
 *   is the manifest's; `write/format-failed` (file, line, column) for every file prettier rejects;
 *   `write/would-overwrite` for a generated path taken by a hand-written file (one not in the manifest).
 */
export async function preparePackage(
  dir: string,
  emitted: Iterable<EmittedFile> | AsyncIterable<EmittedFile>,
  options: PrepareOptions = {},
): Promise<PreparedPackage> {
  const absDir = path.resolve(dir);
  const started = performance.now();
  const formatter = new PackageFormatter(absDir, options);
  const files: EmittedFile[] = [];
  for await (const file of emitted) {
    formatter.add(file, files.length);
    files.push(file);
  }
  // Path problems win over formatting failures (the work already started is let run and dropped).
  try {
    checkPaths(files);
  } catch (error) {
    await formatter.finish().catch(() => undefined);
    throw error;
  }
  const formatted = await formatter.finish();
  const formatMs = performance.now() - started;

  const failures = formatted.results.flatMap((r, i) => (r.ok ? [] : [formatDiagnostic(files[i]!.path, r.failure)]));
  if (failures.length > 0) throw new GenerateError(failures);

  const prepared: PreparedFile[] = files
    .map((file, i) => {
      const result = formatted.results[i]!;
      const contents = result.ok ? result.formatted : '';
      return { path: file.path, contents, sha256: sha256(contents) };
    })
    .sort((a, b) => comparePaths(a.path, b.path));
  return compareWithDisk(absDir, prepared, formatted, formatMs);
}

/** Compares the formatted files with the directory and its old manifest (reads only). */
async function compareWithDisk(absDir: string, files: PreparedFile[], formatted: FormatAllResult, formatMs: number): Promise<PreparedPackage> {
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

/** A file's formatting, decided: done (not formatted, or from the cache), or a job to run. */
type Lookup = { index: number; outcome: FormatOutcome } | { index: number; key: string; job: FormatJob };

/**
 * Formats the files of one package as they are added. With a pool given ({@link PrepareOptions.pool}),
 * each file's cache look-up and formatting start at once (in the pool's threads); without one,
 * {@link finish} formats every miss, biggest first, in a pool sized for the work (see
 * {@link PrepareOptions.workers}).
 */
class PackageFormatter {
  private readonly cache: FormatCache | undefined;
  private readonly eager: FormatPool | undefined;
  private readonly added: EmittedFile[] = [];
  private readonly work: Array<Promise<void>> = [];
  private readonly results: FormatOutcome[] = [];
  private hits = 0;
  private misses = 0;
  private error: { reason: unknown } | undefined;

  constructor(
    private readonly dir: string,
    private readonly options: PrepareOptions,
  ) {
    const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir(dir));
    this.cache = cacheDir === undefined ? undefined : new FormatCache(cacheDir);
    this.eager = options.pool;
  }

  /** Adds the file at `index` (0, 1, 2, … in order); with a pool, starts its formatting. */
  add(file: EmittedFile, index: number): void {
    this.added[index] = file;
    if (this.eager === undefined) return;
    const pool = this.eager;
    this.work.push(
      this.lookup(file, index)
        .then((l) => ('outcome' in l ? this.settle(l) : this.format(pool, l)))
        .catch((reason: unknown) => {
          this.error ??= { reason };
        }),
    );
  }

  /** Waits for every file's formatting. @throws what a look-up or the pool threw (not syntax errors: those are outcomes) */
  async finish(): Promise<FormatAllResult> {
    if (this.eager !== undefined) {
      await Promise.all(this.work);
      if (this.error !== undefined) throw this.error.reason;
      return { results: this.results, hits: this.hits, misses: this.misses, workers: this.misses > 0 ? this.eager.workers : 0 };
    }
    const lookups = await Promise.all(this.added.map((file, index) => this.lookup(file, index)));
    const pending: Array<Extract<Lookup, { key: string }>> = [];
    for (const l of lookups) {
      if ('outcome' in l) this.settle(l);
      else pending.push(l);
    }
    // Biggest first: the last jobs to finish are then small ones, so the threads end together.
    pending.sort((a, b) => b.job.text.length - a.job.text.length || a.index - b.index);
    const bytes = pending.reduce((n, p) => n + p.job.text.length, 0);
    const workers =
      this.options.workers === 'auto' || this.options.workers === undefined
        ? bytes >= WORKER_THRESHOLD_BYTES && pending.length > 0
          ? defaultWorkerCount()
          : 0
        : this.options.workers;
    const pool = new FormatPool(pending.length > 0 ? workers : 0);
    try {
      await Promise.all(pending.map((p) => this.format(pool, p)));
    } finally {
      await pool.close();
    }
    return { results: this.results, hits: this.hits, misses: this.misses, workers: pending.length > 0 ? pool.workers : 0 };
  }

  private async lookup(file: EmittedFile, index: number): Promise<Lookup> {
    const parser = parserFor(file.kind);
    if (parser === undefined) return { index, outcome: { ok: true, formatted: file.contents } };
    const formatOptions: FormatOptions = await resolveFormatOptions(this.dir, file.path, parser);
    if (file.printed === true && (this.options.format !== 'prettier' || isPrinterStyle(formatOptions))) {
      return { index, outcome: { ok: true, formatted: file.contents } };
    }
    const key = cacheKey(file.contents, prettierVersion, formatOptions);
    const cached = this.cache ? await this.cache.get(key) : undefined;
    if (cached !== undefined) {
      this.hits++;
      return { index, outcome: { ok: true, formatted: cached } };
    }
    return { index, key, job: { text: file.contents, options: formatOptions } };
  }

  private settle(l: { index: number; outcome: FormatOutcome }): void {
    this.results[l.index] = l.outcome;
  }

  private async format(pool: FormatPool, p: { index: number; key: string; job: FormatJob }): Promise<void> {
    this.misses++;
    const outcome = await formatOnce(pool, p.job);
    this.results[p.index] = outcome;
    if (outcome.ok && this.cache) await this.cache.set(p.key, outcome.formatted);
  }
}

/**
 * Formats one file with prettier, once, as a whole. Markdown tables are taken out first and put back
 * as they were (see `extractTables`). A TypeScript file the fast parser rejects is parsed again with
 * the diagnostic parser, for the error's place.
 */
async function formatOnce(pool: FormatPool, job: FormatJob): Promise<FormatOutcome> {
  if (job.options['parser'] === 'markdown') {
    const { skeleton, tables } = extractTables(job.text);
    const outcome = await pool.format({ text: skeleton, options: job.options });
    if (!outcome.ok) return outcome;
    const restored = restoreTables(outcome.formatted, tables);
    if (restored === undefined) throw new Error('generated Markdown: a table placeholder did not survive formatting');
    return { ok: true, formatted: restored };
  }
  const outcome = await pool.format(job);
  const diagnosticParser = DIAGNOSTIC_PARSER[String(job.options['parser'])];
  if (outcome.ok || diagnosticParser === undefined) return outcome;
  return pool.format({ text: job.text, options: { ...job.options, parser: diagnosticParser } });
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
