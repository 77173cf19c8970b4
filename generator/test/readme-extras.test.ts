/**
 * The config's `readme` (D44): the keys readConfig accepts and resolves, the files readReadmeExtras reads (and the
 * errors that name the config key), how recipes are split, the anchors of the table of contents, and a whole
 * generate() run whose client README holds them. The fixture rules/readme-recipes snapshots the rendered README.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readConfig } from '../src/config.js';
import { GenerateError } from '../src/diagnostics.js';
import { headingAnchors, headingSlug } from '../src/emit/client/readme-anchors.js';
import { generate } from '../src/generate.js';
import { parseRecipes, readReadmeExtras } from '../src/readme-extras.js';

const spec = path.resolve(import.meta.dirname, 'fixtures/multifile/nested/api.json');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-readme-'));
}

/** Writes `files` (path → text) under `dir`. */
function write(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

/** The diagnostics of a rejected promise. */
async function diagnostics(p: Promise<unknown>): Promise<Array<{ code: string; message: string; pointer?: string | undefined }>> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GenerateError);
  return (error as GenerateError).diagnostics.map((d) => ({ code: d.code, message: d.message, pointer: d.pointer }));
}

describe('parseRecipes', () => {
  test('one recipe per level-1 heading; deeper headings move down two levels, capped at ######', () => {
    const recipes = parseRecipes('\n# First\n\nText.\n\n## Detail\n\n##### Deep\n\n# Second `code`\n\nMore.\n');
    expect(recipes).toEqual([
      { title: 'First', body: 'Text.\n\n#### Detail\n\n###### Deep' },
      { title: 'Second `code`', body: 'More.' },
    ]);
  });

  test('a heading inside a code fence (backticks or tildes) is code, not a recipe', () => {
    const recipes = parseRecipes('# Only\n\n```md\n# not a recipe\n## nor moved\n```\n\n~~~~\n# still code\n```\n~~~~\n');
    expect(recipes).toHaveLength(1);
    expect(recipes[0]?.body).toBe('```md\n# not a recipe\n## nor moved\n```\n\n~~~~\n# still code\n```\n~~~~');
  });

  test('text before the first heading, no heading, or an empty title is an error', () => {
    expect(() => parseRecipes('Intro\n# A\n')).toThrow(/text before the first level-1 heading/);
    expect(() => parseRecipes('## Only a second level\n')).toThrow(/text before the first level-1 heading/);
    expect(() => parseRecipes('\n\n')).toThrow(/no level-1 heading/);
    expect(() => parseRecipes('#\n')).toThrow(/without a title/);
  });
});

describe('headingAnchors', () => {
  test("GitHub's slugs: markup and punctuation dropped, spaces as -, repeats numbered in document order", () => {
    expect(headingSlug('Receive webhooks in a Node.js HTTP server')).toBe('receive-webhooks-in-a-nodejs-http-server');
    expect(headingSlug('Handle a 404 and a 429')).toBe('handle-a-404-and-a-429');
    expect(headingSlug('`client.loads` & [poll](https://x.test) *now*')).toBe('clientloads--poll-now');
    expect(headingSlug('snake_case stays')).toBe('snake_case-stays');
    const anchors = headingAnchors('# Errors\n\n```\n# Errors\n```\n\n### Errors\n\n## Errors\n');
    expect(anchors.map((a) => [a.level, a.anchor])).toEqual([
      [1, 'errors'],
      [3, 'errors-1'],
      [2, 'errors-2'],
    ]);
  });
});

describe('readConfig: readme', () => {
  test('paths are resolved from the config folder', async () => {
    const dir = tempDir();
    write(dir, { 'cfg/sdkgen.config.json': JSON.stringify({ readme: { quickStart: 'docs/q.ts', recipes: '../recipes' } }) });
    const config = await readConfig(path.join(dir, 'cfg/sdkgen.config.json'), 'cfg/sdkgen.config.json');
    expect(config.readme).toEqual({ quickStart: path.join(dir, 'cfg/docs/q.ts'), recipes: path.join(dir, 'recipes') });
  });

  test('an unknown key, a non-object or a non-string path is an error with its pointer', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sdkgen.config.json');
    const check = async (readme: unknown) => {
      fs.writeFileSync(file, JSON.stringify({ readme }));
      return (await diagnostics(readConfig(file, 'sdkgen.config.json')))[0];
    };
    expect(await check({ quickstart: 'q.ts' })).toMatchObject({ code: 'config/unknown-field', pointer: '#/readme/quickstart' });
    expect((await check({ quickstart: 'q.ts' }))?.message).toMatch(/known: readme\.quickStart, readme\.recipes/);
    expect(await check('README.md')).toMatchObject({ code: 'config/invalid', pointer: '#/readme' });
    expect(await check({ recipes: '' })).toMatchObject({ code: 'config/invalid', pointer: '#/readme/recipes' });
    expect(await check({ recipes: 3 })).toMatchObject({ code: 'config/invalid', pointer: '#/readme/recipes' });
  });
});

describe('readReadmeExtras', () => {
  test('a recipes folder: its .md files in file-name order, other files ignored', async () => {
    const dir = tempDir();
    write(dir, {
      'r/2-b.md': '# B\n\nb\n',
      'r/10-c.md': '# C\n\nc\n',
      'r/1-a.md': '# A\n\na\n\n# A2\n\na2\n',
      'r/notes.txt': '# not read\n',
      'q.ts': "console.log('hi');\n\n\n",
    });
    const extras = await readReadmeExtras({ quickStart: path.join(dir, 'q.ts'), recipes: path.join(dir, 'r') }, 'sdkgen.config.json', dir);
    expect(extras.quickStart).toBe("console.log('hi');");
    // Code-unit order of the names: '1-a' < '10-c' < '2-b'.
    expect(extras.recipes?.map((r) => r.title)).toEqual(['A', 'A2', 'C', 'B']);
  });

  test('CRLF files read as LF', async () => {
    const dir = tempDir();
    write(dir, { 'r.md': '# A\r\n\r\n## Sub\r\ntext\r\n' });
    const extras = await readReadmeExtras({ recipes: path.join(dir, 'r.md') }, 'sdkgen.config.json', dir);
    expect(extras.recipes).toEqual([{ title: 'A', body: '#### Sub\ntext' }]);
  });

  test('a missing file or folder is an error naming the config key and the path as written', async () => {
    const dir = tempDir();
    const quick = await diagnostics(readReadmeExtras({ quickStart: path.join(dir, 'docs/missing.ts') }, 'sdkgen.config.json', dir));
    expect(quick).toEqual([
      {
        code: 'config/readme-not-found',
        message: 'readme.quickStart: docs/missing.ts: no such file (paths are relative to sdkgen.config.json)',
        pointer: '#/readme/quickStart',
      },
    ]);
    const recipes = await diagnostics(readReadmeExtras({ recipes: path.join(dir, 'nowhere') }, 'sdkgen.config.json', dir));
    expect(recipes[0]).toMatchObject({ code: 'config/readme-not-found', pointer: '#/readme/recipes' });
    expect(recipes[0]?.message).toMatch(/^readme\.recipes: nowhere: no such file or folder/);
  });

  test('a quick start with a code fence, an empty folder or a recipe file without heading is an error naming the file', async () => {
    const dir = tempDir();
    write(dir, { 'q.ts': '```ts\nx\n```\n', 'empty/.keep': '', 'bad.md': 'Intro.\n# A\n' });
    const fence = await diagnostics(readReadmeExtras({ quickStart: path.join(dir, 'q.ts') }, 'sdkgen.config.json', dir));
    expect(fence[0]).toMatchObject({ code: 'config/readme-invalid', message: 'readme.quickStart: q.ts holds a code fence; give the TypeScript code alone' });
    const empty = await diagnostics(readReadmeExtras({ recipes: path.join(dir, 'empty') }, 'sdkgen.config.json', dir));
    expect(empty[0]?.message).toBe('readme.recipes: empty holds no .md file');
    const bad = await diagnostics(readReadmeExtras({ recipes: path.join(dir, 'bad.md') }, 'sdkgen.config.json', dir));
    expect(bad[0]?.message).toMatch(/^readme\.recipes: bad\.md: text before the first level-1 heading/);
  });
});

describe('generate() with readme in sdkgen.config.json', () => {
  test('the client README holds the quick start and the recipes, with a table of contents', async () => {
    const dir = tempDir();
    write(dir, {
      'sdkgen.config.json': JSON.stringify({ spec, out: 'out', readme: { quickStart: 'readme/quick.ts', recipes: 'readme/recipes.md' } }),
      'readme/quick.ts': 'const answer = 42;\n\nconsole.log(answer);\n',
      'readme/recipes.md': '# Do a thing\n\nLike this.\n\n## Why\n\nBecause.\n\n# Errors\n\nSee below.\n',
    });
    await generate({ cwd: dir, config: 'sdkgen.config.json', targets: ['client'] });
    const readme = fs.readFileSync(path.join(dir, 'out/client/README.md'), 'utf8');
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Recipes'));
    expect(quick).toContain('```ts\nconst answer = 42;\n\nconsole.log(answer);\n```');
    expect(readme).toContain(
      '## Recipes\n\n- [Do a thing](#do-a-thing)\n- [Errors](#errors)\n\n### Do a thing\n\nLike this.\n\n#### Why\n\nBecause.\n\n### Errors\n\nSee below.\n\n## Authentication',
    );
    // The README's own "## Errors" comes after the recipe, so GitHub numbers it.
    expect(
      headingAnchors(readme)
        .filter((a) => a.text === 'Errors')
        .map((a) => a.anchor),
    ).toEqual(['errors', 'errors-1']);
  });

  test('a missing file fails before anything is written, naming the key', async () => {
    const dir = tempDir();
    write(dir, { 'sdkgen.config.json': JSON.stringify({ spec, out: 'out', readme: { recipes: 'docs/recipes' } }) });
    const found = await diagnostics(generate({ cwd: dir, config: 'sdkgen.config.json' }));
    expect(found[0]).toMatchObject({ code: 'config/readme-not-found', pointer: '#/readme/recipes' });
    expect(found[0]?.message).toContain('readme.recipes: docs/recipes: no such file or folder');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
