/**
 * The printer's identity with prettier: prettier 3 with the repository's `.prettierrc.json` over a
 * file the printer printed (emit/ts/printer.ts: every emitted `.ts` file but the runtime copies)
 * changes nothing. Shared by the fixture test here, the generated-API property test and the corpus
 * test (bench/test/printer-identity.test.ts: GitHub and every @readme/oas-examples document).
 */
import { readFileSync } from 'node:fs';
import * as prettier from 'prettier';
import type { EmittedFile } from '../../src/emit/types.js';

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

function firstDifference(printed: string, formatted: string): string {
  const a = printed.split('\n');
  const b = formatted.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `line ${i + 1}: printed ${JSON.stringify(a.slice(i, i + 3).join('\n'))}, prettier ${JSON.stringify(b.slice(i, i + 3).join('\n'))}`;
}
