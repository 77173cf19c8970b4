import * as path from 'node:path';
import type * as Prettier from 'prettier';
import type { FormatMode } from '../config.js';
import type { EmittedFile } from '../emit/types.js';
import { fenceAfter } from '../markdown-lines.js';
import { extractFinalBlocks, restoreFinalBlocks, restorePlaceholders } from './markdown-blocks.js';

let loading: Promise<typeof Prettier> | undefined;

/** prettier, imported on first use (a run that formats nothing never loads it). */
function prettierModule(): Promise<typeof Prettier> {
  loading ??= import('prettier');
  return loading;
}

/**
 * The prettier parser of an emitted file, or undefined when it is written as it is: Markdown and
 * JSON always go through prettier; TypeScript only in the `prettier` mode (the printer writes it in
 * its final shape, see emit/ts/printer.ts); `other` (the runtime copies) never.
 */
export function parserFor(kind: EmittedFile['kind'], mode: FormatMode): 'typescript' | 'json' | 'markdown' | undefined {
  switch (kind) {
    case 'ts':
      return mode === 'prettier' ? 'typescript' : undefined;
    case 'json':
      return 'json';
    case 'md':
      return 'markdown';
    default:
      return undefined;
  }
}

/** Options handed to `prettier.format` (plain values only). */
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
    pending = prettierModule().then((prettier) => prettier.resolveConfig(probe, { editorconfig: false }));
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

const configCache = new Map<string, Promise<Prettier.Options | null>>();

/** Forget resolved prettier configs (call when a config file may have changed, e.g. between runs in one process). */
export async function clearFormatConfigCache(): Promise<void> {
  configCache.clear();
  // Not loaded yet: it has no cache to clear.
  if (loading !== undefined) await (await loading).clearConfigCache();
}

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
    const wasOpen = fence !== undefined;
    fence = fenceAfter(fence, line);
    if (wasOpen || fence !== undefined) {
      out.push(line);
      continue;
    }
    if (line.startsWith('|') && DELIMITER_ROW.test(lines[i + 1] ?? '')) {
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

/** Puts the tables of {@link extractTables} back into the formatted skeleton (see markdown-blocks.ts `restorePlaceholders`). */
export function restoreTables(formatted: string, tables: readonly string[]): string | undefined {
  return restorePlaceholders(formatted, 'table', tables);
}

/**
 * Formats one file's text with prettier, in this thread. Markdown tables, and the blocks prettier would
 * print unchanged, are taken out first and put back as they were (see {@link extractTables} and
 * markdown-blocks.ts).
 * @throws prettier's error for text it cannot parse (see {@link toFormatFailure}); an Error when a
 *   table placeholder does not survive formatting
 */
export async function formatText(text: string, options: FormatOptions): Promise<string> {
  const prettier = await prettierModule();
  if (options['parser'] !== 'markdown') return prettier.format(text, options);
  const { skeleton, tables } = extractTables(text);
  // Lines are kept as they are only while prettier does not wrap prose.
  const preserve = options['proseWrap'] === undefined || options['proseWrap'] === 'preserve';
  const { skeleton: rest, blocks } = preserve ? extractFinalBlocks(skeleton) : { skeleton, blocks: [] };
  const withBlocks = restoreFinalBlocks(await prettier.format(rest, options), blocks);
  const restored = withBlocks === undefined ? undefined : restoreTables(withBlocks, tables);
  if (restored === undefined) throw new Error('generated Markdown: a placeholder did not survive formatting');
  return restored;
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
