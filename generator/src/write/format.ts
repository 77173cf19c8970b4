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

/**
 * Where one top-level statement of generated TypeScript ends and the next begins: a blank line
 * followed by a line that starts in column 0 (see {@link splitTopLevel}).
 */
const STATEMENT_BOUNDARY = /\n\n(?=\S)/;

/** Parsers whose input {@link splitTopLevel} may cut into pieces (TypeScript/JavaScript). */
const SPLITTABLE = new Set(['typescript', 'babel-ts', 'babel']);

/**
 * Cuts TypeScript text into pieces of about `targetBytes` (UTF-16 code units) at top-level statement
 * boundaries: a blank line followed by a line that starts in column 0 (the generator prints nested
 * code indented and puts blank lines only between statements). Formatting each piece and joining the
 * results with {@link joinFormatted} gives the same bytes as formatting the whole text (prettier
 * formats top-level statements independently and keeps one blank line where there was one), with a
 * fraction of the memory: prettier's AST and doc of a 3.5 MB file take ~500 MB.
 *
 * A cut inside a multi-line string, template literal or comment leaves that construct unterminated
 * in its piece, so prettier rejects the piece: callers must then format the whole text instead
 * (which also gives the right error location). Returns `[text]` for other parsers or small texts.
 */
export function splitTopLevel(text: string, parser: string, targetBytes: number): string[] {
  if (!SPLITTABLE.has(parser) || text.length <= targetBytes) return [text];
  const pieces: string[] = [];
  const boundary = new RegExp(STATEMENT_BOUNDARY.source, 'g');
  // [start, end) of the statements gathered so far; a statement bigger than targetBytes goes alone
  // (so that splitInterface can see it whole).
  let start = 0;
  let end = 0;
  for (;;) {
    const match = boundary.exec(text);
    const next = match === null ? text.length : match.index;
    if (next - end > targetBytes && end > start) {
      pieces.push(text.slice(start, end));
      start = end + 2;
    }
    end = next;
    if (match === null) break;
    if (end - start >= targetBytes) {
      pieces.push(text.slice(start, end));
      start = end + 2;
      end = start;
    }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

/** A piece's top-level statements (leading comments included), cut at {@link STATEMENT_BOUNDARY}. */
export function splitStatements(text: string): string[] {
  return text.split(STATEMENT_BOUNDARY);
}

/** A top-level interface cut into groups of members (see {@link splitInterface}). */
export interface InterfacePieces {
  /** The first line, `export interface Name {` (already in prettier's shape). */
  header: string;
  /** Groups of members, each wrapped as `interface __sdkgen_piece__ {\n…\n}` to format on its own. */
  wrapped: string[];
}

const INTERFACE_HEADER = /^(?:export )?interface [A-Za-z_$][\w$]* \{$/;
const WRAPPER = 'interface __sdkgen_piece__ {';

/**
 * Cuts one huge top-level interface (GitHub's `operations` is 2 MB in one statement: prettier needs
 * ~400 MB for it) into groups of about `targetBytes` of members. A member starts on a line indented
 * by exactly two spaces that does not follow the end of a JSDoc comment (the generator indents
 * nested lines deeper). Each group is formatted wrapped in an interface of its own and unwrapped by
 * {@link unwrapInterface}; prettier prints members independently, so the joined result is what
 * formatting the whole gives (a wrong cut makes a group unparsable: callers then format the whole).
 * Returns undefined when `piece` is not a single `interface Name {…}` statement of that shape.
 */
export function splitInterface(piece: string, targetBytes: number): InterfacePieces | undefined {
  if (piece.length <= 2 * targetBytes) return undefined;
  const firstBreak = piece.indexOf('\n');
  const header = piece.slice(0, firstBreak);
  const body = piece.replace(/\s+$/, '');
  if (!INTERFACE_HEADER.test(header) || !body.endsWith('\n}')) return undefined;
  const lines = body.slice(firstBreak + 1, -2).split('\n');
  const wrapped: string[] = [];
  let group: string[] = [];
  let size = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const previous = lines[i - 1] ?? '';
    const startsMember = /^ {2}\S/.test(line) && !/^ {2}\}/.test(line) && !/^\s*\*\/\s*$/.test(previous) && previous.trim() !== '';
    if (startsMember && size >= targetBytes) {
      wrapped.push(`${WRAPPER}\n${group.join('\n')}\n}\n`);
      group = [];
      size = 0;
    }
    group.push(line);
    size += line.length + 1;
  }
  if (group.length > 0) wrapped.push(`${WRAPPER}\n${group.join('\n')}\n}\n`);
  return wrapped.length > 1 ? { header, wrapped } : undefined;
}

/** The members of a formatted wrapped group of {@link splitInterface}, or undefined if it is not one. */
export function unwrapInterface(formatted: string): string | undefined {
  if (!formatted.startsWith(`${WRAPPER}\n`) || !formatted.endsWith('\n}\n')) return undefined;
  return formatted.slice(WRAPPER.length + 1, -2);
}

/** Joins formatted pieces of {@link splitTopLevel} (each ends with one newline) with a blank line. */
export function joinFormatted(pieces: readonly string[]): string {
  return pieces.join('\n');
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
