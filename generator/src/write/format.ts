import * as path from 'node:path';
import * as prettier from 'prettier';
import type { EmittedFile } from '../emit/types.js';

/**
 * prettier parser per emitted kind; `other` is written as is. TypeScript is parsed with `babel-ts`:
 * ~25 % faster than `typescript` on the generator's output, same bytes (checked on all 694 files
 * generated from GitHub's REST API). Its syntax errors are vaguer, so a rejected file is parsed
 * again with `typescript` for the diagnostic (see {@link DIAGNOSTIC_PARSER}).
 */
export function parserFor(kind: EmittedFile['kind']): 'babel-ts' | 'json' | 'markdown' | undefined {
  switch (kind) {
    case 'ts':
      return 'babel-ts';
    case 'json':
      return 'json';
    case 'md':
      return 'markdown';
    default:
      return undefined;
  }
}

/** The parser that reports a syntax error where a fast parser rejected the text (same language). */
export const DIAGNOSTIC_PARSER: Readonly<Record<string, string>> = { 'babel-ts': 'typescript' };

/** Options handed to `prettier.format` (JSON-serialisable: they go to workers and into cache keys). */
export type FormatOptions = Record<string, string | number | boolean>;

/**
 * The prettier options for a file written to `dir/relPath`: the project's prettier config found from
 * there upwards (`.prettierrc.json` etc.; `.editorconfig` ignored), else prettier's defaults; always
 * `endOfLine: lf`. Only plain values are kept (no plugins), so results are reproducible.
 */
export async function resolveFormatOptions(dir: string, relPath: string, parser: string): Promise<FormatOptions> {
  // One look-up per folder and extension (overrides in a prettier config match on those in practice).
  const probe = path.join(dir, path.dirname(relPath), `file${path.extname(relPath)}`);
  let pending = configCache.get(probe);
  if (!pending) {
    pending = prettier.resolveConfig(probe, { editorconfig: false });
    configCache.set(probe, pending);
  }
  const resolved = await pending;
  const options: FormatOptions = {};
  for (const [key, value] of Object.entries(resolved ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') options[key] = value;
  }
  options['parser'] = parser;
  options['endOfLine'] = 'lf';
  return options;
}

const configCache = new Map<string, Promise<prettier.Options | null>>();

/**
 * Runs the prettier config look-ups for files under `dir` (one per folder and extension of
 * `relPaths`) ahead of formatting. A look-up walks up the folders one file-system call after
 * another, so it needs many turns of the event loop: done ahead, it does not hold back the first
 * file of a package that is formatted while the next files are emitted.
 * Never rejects (a failing look-up fails again, and is reported, when a file is formatted).
 */
export async function warmFormatOptions(dir: string, relPaths: readonly string[]): Promise<void> {
  await Promise.all(
    relPaths.map(async (relPath) => {
      const parser = parserFor(kindOf(relPath));
      if (parser !== undefined) await resolveFormatOptions(dir, relPath, parser).catch(() => undefined);
    }),
  );
}

function kindOf(relPath: string): EmittedFile['kind'] {
  const ext = path.extname(relPath);
  return ext === '.ts' ? 'ts' : ext === '.json' ? 'json' : ext === '.md' ? 'md' : 'other';
}

/** Forget resolved prettier configs (call when a config file may have changed, e.g. between runs in one process). */
export async function clearFormatConfigCache(): Promise<void> {
  configCache.clear();
  await prettier.clearConfigCache();
}

export const prettierVersion: string = prettier.version;

/** A formatting failure, with the 1-based place prettier reports. */
export interface FormatFailure {
  message: string;
  line?: number;
  column?: number;
}

/** Markdown with its tables taken out (see {@link extractTables}). */
export interface MarkdownSkeleton {
  /** The text with each table replaced by a placeholder line (an HTML comment prettier keeps as is). */
  skeleton: string;
  /** The tables, rows joined with `\n`, each row without trailing whitespace. */
  tables: string[];
}

const DELIMITER_ROW = /^\|(?:\s*:?-+:?\s*\|)+\s*$/;
const placeholder = (i: number): string => `<!-- sdkgen:table:${i} -->`;

/**
 * Takes the GFM tables (outside code fences) out of generated Markdown, so prettier formats only the
 * rest (prose, headings, code blocks: small and cheap). Tables are written as the templates render
 * them, one row a line, without alignment padding: aligning a table of 1,000+ rows cell by cell was
 * most of prettier's Markdown time. That is why generated Markdown is listed in `.prettierignore`.
 */
export function extractTables(text: string): MarkdownSkeleton {
  const lines = text.split('\n');
  const out: string[] = [];
  const tables: string[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      out.push(line);
      continue;
    }
    if (fence === undefined && line.startsWith('|') && DELIMITER_ROW.test(lines[i + 1] ?? '')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) rows.push(lines[i++]!.trimEnd());
      i--;
      out.push(placeholder(tables.length));
      tables.push(rows.join('\n'));
      continue;
    }
    out.push(line);
  }
  return { skeleton: out.join('\n'), tables };
}

/**
 * Puts the tables of {@link extractTables} back into the formatted skeleton. Returns undefined if a
 * placeholder did not come back exactly once on a line of its own.
 */
export function restoreTables(formatted: string, tables: readonly string[]): string | undefined {
  if (tables.length === 0) return formatted;
  const lines = formatted.split('\n');
  let restored = 0;
  for (let i = 0; i < lines.length; i++) {
    const match = /^<!-- sdkgen:table:(\d+) -->$/.exec(lines[i]!);
    if (match === null) continue;
    const table = tables[Number(match[1])];
    if (table === undefined) return undefined;
    lines[i] = table;
    restored++;
  }
  return restored === tables.length ? lines.join('\n') : undefined;
}

/** Formats in this thread. Throws prettier's error on a syntax error. */
export function formatInProcess(text: string, options: FormatOptions): Promise<string> {
  return prettier.format(text, options);
}

/** Turns prettier's error into a {@link FormatFailure} (first line of its message, and its location). */
export function toFormatFailure(error: unknown): FormatFailure {
  const e = error as { message?: unknown; loc?: { start?: { line?: unknown; column?: unknown } } };
  const message = typeof e.message === 'string' ? e.message.split('\n')[0]! : String(error);
  const failure: FormatFailure = { message: message.replace(/ \(\d+:\d+\)$/, '') };
  if (typeof e.loc?.start?.line === 'number') failure.line = e.loc.start.line;
  if (typeof e.loc?.start?.column === 'number') failure.column = e.loc.start.column;
  return failure;
}
