import * as path from 'node:path';
import * as prettier from 'prettier';
import type { EmittedFile } from '../emit/types.js';

/** prettier parser per emitted kind; `other` is written as is. */
export function parserFor(kind: EmittedFile['kind']): 'typescript' | 'json' | 'markdown' | undefined {
  switch (kind) {
    case 'ts':
      return 'typescript';
    case 'json':
      return 'json';
    case 'md':
      return 'markdown';
    default:
      return undefined;
  }
}

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
