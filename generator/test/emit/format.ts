/**
 * Formats emitted files with prettier and the repository's `.prettierrc.json`: what the write stage
 * does to Markdown and JSON (and to TypeScript with `--format prettier`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import type { EmittedFile } from '../../src/emit/types.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
// The repository's style for generated output: the top-level options (its `overrides` widen hand-written code only).
const { overrides: _handWritten, ...config } = JSON.parse(readFileSync(new URL('../../../.prettierrc.json', import.meta.url), 'utf8')) as prettier.Options & {
  overrides?: unknown;
};
const parsers = { ts: 'typescript', json: 'json', md: 'markdown' } as const;

export async function formatFile(file: EmittedFile): Promise<string> {
  if (file.kind === 'other') return file.contents;
  return prettier.format(file.contents, { ...config, parser: parsers[file.kind], endOfLine: 'lf' });
}
