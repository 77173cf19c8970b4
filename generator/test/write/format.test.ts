/**
 * The write stage's shortcuts must not change bytes: TypeScript formatted with the babel-ts parser
 * equals prettier's `typescript` output; syntax errors keep the `typescript` parser's message and
 * place; Markdown tables bypass prettier, the rest does not; the worker pool returns each job's own
 * result.
 */
import * as path from 'node:path';
import * as prettier from 'prettier';
import { beforeEach, describe, expect, test } from 'vitest';
import { GenerateError } from '../../src/diagnostics.js';
import type { EmittedFile } from '../../src/emit/types.js';
import { extractTables, restoreTables } from '../../src/write/format.js';
import { FormatPool, preparePackage } from '../../src/write/index.js';
import { tempRoot } from './fs-helpers.js';

let out: string;
beforeEach(() => {
  out = path.join(tempRoot(), 'packages', 'types');
});

/** Unformatted TypeScript of the kind the emitters print, 3 × `count` declarations, ~0.4 KiB per `count`. */
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

/** The options tempRoot's `.prettierrc.json` gives, with the parser the write stage's output must match. */
const prettierOptions = {
  printWidth: 100,
  singleQuote: true,
  trailingComma: 'all',
  semi: true,
  endOfLine: 'lf',
  parser: 'typescript',
} as const;

describe('TypeScript', () => {
  test('a big file is formatted whole, with the bytes of the typescript parser', async () => {
    const text = generatedTs(100);
    const prepared = await preparePackage(out, [{ path: 'src/big.ts', kind: 'ts', contents: text }], { cacheDir: false, workers: 0 });
    expect(prepared.files[0]!.contents.length).toBeGreaterThan(32 * 1024);
    expect(prepared.files[0]!.contents).toBe(await prettier.format(text, prettierOptions));
  });

  test("a syntax error in a big file is reported with the typescript parser's message and place", async () => {
    const text = `${generatedTs(100)}\nexport const broken = ;\n\n${generatedTs(10).replace(/Schema|Union|Enum/g, 'X$&')}`;
    const line = text.split('\n').findIndex((l) => l.startsWith('export const broken')) + 1;
    const error = await preparePackage(out, [{ path: 'src/big.ts', kind: 'ts', contents: text }], {
      cacheDir: false,
      workers: 0,
    }).catch((e: unknown) => e);
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
    expect(tables).toEqual([
      '| Name | Description |\n| --- | --- |\n| `a` | short |\n| `somethingLonger` | a longer description \\| with a pipe |',
    ]);
    expect(skeleton).toContain('| not a table |');
    expect(skeleton).toContain('<!-- sdkgen:table:0 -->');
    expect(restoreTables(skeleton, tables)).toBe(markdown.replace('pipe |  ', 'pipe |'));
    expect(restoreTables('no placeholder\n', tables)).toBeUndefined();
  });

  test('tables are written unaligned; prose and code blocks are formatted by prettier', async () => {
    const prepared = await preparePackage(out, [{ path: 'README.md', kind: 'md', contents: markdown }], { cacheDir: false, workers: 0 });
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

describe('FormatPool', () => {
  test('one worker beside this thread: every job gets its own result, failures included', async () => {
    const pool = new FormatPool(1);
    try {
      const texts = Array.from({ length: 12 }, (_, i) => (i === 5 ? 'const x = ;\n' : `const v${i} = {a:${i}}\n`));
      const outcomes = await Promise.all(texts.map((text) => pool.format({ text, options: prettierOptions })));
      outcomes.forEach((outcome, i) => {
        if (i === 5) expect(outcome).toMatchObject({ ok: false, failure: { line: 1, column: 11 } });
        else expect(outcome).toEqual({ ok: true, formatted: `const v${i} = { a: ${i} };\n` });
      });
    } finally {
      await pool.close();
    }
    await expect(pool.format({ text: '', options: prettierOptions })).rejects.toThrow('closed');
  });

  test('a pool handed to preparePackage is used and left open', async () => {
    const pool = new FormatPool(1);
    try {
      const files: EmittedFile[] = [{ path: 'src/big.ts', kind: 'ts', contents: generatedTs(100) }];
      const prepared = await preparePackage(out, files, { cacheDir: false, workers: 1, pool });
      expect(prepared.workers).toBe(1);
      expect(prepared.files[0]!.contents).toBe(await prettier.format(files[0]!.contents, prettierOptions));
      expect((await pool.format({ text: 'a', options: prettierOptions })).ok).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
