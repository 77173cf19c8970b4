/**
 * The write stage's prettier runs: TypeScript (with `--format prettier`) formatted whole with the
 * `typescript` parser, its syntax errors reported with that parser's message and place; Markdown
 * tables bypass prettier, the rest does not.
 */
import * as path from 'node:path';
import * as prettier from 'prettier';
import { beforeEach, describe, expect, test } from 'vitest';
import { GenerateError } from '../../src/diagnostics.js';
import { extractTables, restoreTables } from '../../src/write/format.js';
import { preparePackage } from '../../src/write/index.js';
import { tempRoot } from './fs-helpers.js';

let out: string;
beforeEach(() => {
  out = path.join(tempRoot(), 'packages', 'types');
});

/** Unformatted TypeScript, 3 × `count` declarations, ~0.4 KiB per `count`. */
function generatedTs(count: number): string {
  const parts = ["// Banner: generated.\nimport type { A } from './a.js'\nimport type { B } from './b.js'"];
  for (let i = 0; i < count; i++) {
    parts.push(
      `/**\n * Schema ${i}.\n *\n * @deprecated use Other${i}\n */\nexport interface Schema${i} { id: string, 'wire-name'?: number | null, nested: { a: Array<A>, b?: B }, map: { [key: string]: Record<string, unknown> } }`,
      `export type Union${i} = "a" | "b" | "c" | { kind: "x", value: Schema${i} } | { kind: "y", value: Array<Schema${i}> } | null`,
      `/** Enum ${i}. */\nexport const Enum${i} = { One: "one", Two: "two" } as const`,
    );
  }
  return `${parts.join('\n\n')}\n`;
}

/** The options tempRoot's `.prettierrc.json` gives, with the parser the write stage uses. */
const prettierOptions = {
  printWidth: 100,
  singleQuote: true,
  trailingComma: 'all',
  semi: true,
  endOfLine: 'lf',
  parser: 'typescript',
} as const;

describe('TypeScript with --format prettier', () => {
  test('a big file is formatted whole, with the typescript parser', async () => {
    const text = generatedTs(100);
    const prepared = await preparePackage(out, [{ path: 'src/big.ts', kind: 'ts', contents: text }], { format: 'prettier' });
    expect(prepared.files[0]!.contents.length).toBeGreaterThan(32 * 1024);
    expect(prepared.files[0]!.contents).toBe(await prettier.format(text, prettierOptions));
  });

  test("a syntax error is reported with the typescript parser's message and place", async () => {
    const text = `${generatedTs(20)}\nexport const broken = ;\n`;
    const line = text.split('\n').findIndex((l) => l.startsWith('export const broken')) + 1;
    const error = await preparePackage(out, [{ path: 'src/big.ts', kind: 'ts', contents: text }], { format: 'prettier' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenerateError);
    expect((error as GenerateError).diagnostics).toMatchObject([
      {
        code: 'write/format-failed',
        file: 'src/big.ts',
        line,
        column: 23,
        message: expect.stringContaining('Expression expected'),
      },
    ]);
  });
});

describe('Markdown tables', () => {
  const markdown = [
    '# Title',
    '',
    '* a list',
    '',
    '```ts',
    "import { a } from 'a'",
    '```',
    '',
    '```text',
    '| not a table |',
    '| --- |',
    '```',
    '',
    '| Name | Description |',
    '| --- | --- |',
    '| `a` | short |',
    '| `somethingLonger` | a longer description \\| with a pipe |  ',
    '',
    'After.',
    '',
  ].join('\n');

  test('extractTables takes out tables outside code fences; restoreTables puts them back', () => {
    const { skeleton, tables } = extractTables(markdown);
    expect(tables).toEqual(['| Name | Description |\n| --- | --- |\n| `a` | short |\n| `somethingLonger` | a longer description \\| with a pipe |']);
    expect(skeleton).toContain('| not a table |');
    expect(skeleton).toContain('<!-- sdkgen:table:0 -->');
    expect(restoreTables(skeleton, tables)).toBe(markdown.replace('pipe |  ', 'pipe |'));
    expect(restoreTables('no placeholder\n', tables)).toBeUndefined();
  });

  test('tables are written unaligned; prose and code blocks are formatted by prettier', async () => {
    const prepared = await preparePackage(out, [{ path: 'README.md', kind: 'md', contents: markdown }]);
    expect(prepared.files[0]!.contents).toBe(
      [
        '# Title',
        '',
        '- a list',
        '',
        '```ts',
        "import { a } from 'a';",
        '```',
        '',
        '```text',
        '| not a table |',
        '| --- |',
        '```',
        '',
        '| Name | Description |',
        '| --- | --- |',
        '| `a` | short |',
        '| `somethingLonger` | a longer description \\| with a pipe |',
        '',
        'After.',
        '',
      ].join('\n'),
    );
  });
});
