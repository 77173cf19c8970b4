/**
 * The printer's identity with prettier: prettier 3 with the repository's `.prettierrc.json` over a
 * file the printer printed (emit/ts/printer.ts: every emitted `.ts` file but the runtime copies)
 * changes nothing. Shared by the fixture test here, the generated-API property test and the corpus
 * test (bench/test/printer-identity.test.ts: GitHub and every @readme/oas-examples document).
 *
 * The same for the Markdown the write stage formats: taking out the blocks prettier would print as
 * they are (write/markdown-blocks.ts) gives the bytes prettier gives over the whole text.
 */
import { readFileSync } from 'node:fs';
import * as prettier from 'prettier';
import type { EmittedFile } from '../../src/emit/types.js';
import { extractTables, type FormatOptions, formatText, restoreTables } from '../../src/write/format.js';

// The repository's style for generated output: the top-level options (its `overrides` widen hand-written code only).
const { overrides: _handWritten, ...config } = JSON.parse(readFileSync(new URL('../../../.prettierrc.json', import.meta.url), 'utf8')) as prettier.Options & {
  overrides?: unknown;
};

/** The printed `.ts` files prettier would change, each with the first line that differs. */
export async function prettierChanges(files: readonly EmittedFile[]): Promise<string[]> {
  const changed: string[] = [];
  for (const file of files) {
    if (file.kind !== 'ts') continue;
    const formatted = await prettier.format(file.contents, { ...config, parser: 'typescript', endOfLine: 'lf' });
    if (formatted !== file.contents) changed.push(`${file.path}: ${firstDifference(file.contents, formatted)}`);
  }
  return changed;
}

/**
 * The emitted Markdown files whose write-stage formatting (tables and final blocks taken out,
 * write/format.ts's `formatText`) differs from prettier over the whole text but the tables (which
 * prettier never formats), each with the first line that differs. Checked with the repository's
 * style and with prettier's defaults (an output folder without a prettier config).
 */
export async function markdownChanges(files: readonly EmittedFile[]): Promise<string[]> {
  const changed: string[] = [];
  for (const file of files) {
    if (file.kind !== 'md') continue;
    // The repository's .prettierrc.json holds plain values only.
    const styles: Array<[string, FormatOptions]> = [
      ['repository', { ...(config as FormatOptions), parser: 'markdown', endOfLine: 'lf' }],
      ['defaults', { parser: 'markdown', endOfLine: 'lf' }],
    ];
    for (const [style, options] of styles) {
      const { skeleton, tables } = extractTables(file.contents);
      const whole = restoreTables(await prettier.format(skeleton, options), tables);
      const written = await formatText(file.contents, options);
      if (whole === undefined) changed.push(`${file.path} (${style}): a table placeholder did not survive prettier`);
      else if (written !== whole) changed.push(`${file.path} (${style}): ${firstDifference(written, whole)}`);
    }
  }
  return changed;
}

function firstDifference(printed: string, formatted: string): string {
  const a = printed.split('\n');
  const b = formatted.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `line ${i + 1}: printed ${JSON.stringify(a.slice(i, i + 3).join('\n'))}, prettier ${JSON.stringify(b.slice(i, i + 3).join('\n'))}`;
}
