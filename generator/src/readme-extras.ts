/**
 * The hand-written parts of a client README (config `readme`, D44): reads the quick-start snippet and the recipe
 * files the config names and splits the recipes at their level-1 headings. The emitter only places what this returns
 * (emit/client/files.ts); nothing here knows the template.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { README_FIELDS, ReadmeConfig } from './config.js';
import { type Diagnostic, GenerateError } from './diagnostics.js';
import type { ReadmeExtras, ReadmeRecipe } from './emit/types.js';
import { toPosix } from './load/paths.js';
import { ATX_HEADING, fenceAfter, isFenceLine } from './markdown-lines.js';

/**
 * The text of every file `readme` names.
 *
 * @param readme the config's `readme`, its paths absolute (as {@link readConfig} returns them)
 * @param configFile the config file as shown in messages (e.g. `sdkgen.config.json`); paths in messages are relative
 *   to its folder, `configDir`
 * @throws {GenerateError} `config/readme-not-found` naming the key (`readme.quickStart`) and the path when a file or
 *   folder is missing or unreadable; `config/readme-invalid` when the quick start holds a code fence, a recipes folder
 *   holds no `.md` file, or a recipes file has text before its first `#` heading or no heading at all
 */
export async function readReadmeExtras(readme: ReadmeConfig, configFile: string, configDir: string): Promise<ReadmeExtras> {
  const extras: ReadmeExtras = {};
  const fail = (code: string, key: (typeof README_FIELDS)[number], message: string): never => {
    const d: Diagnostic = { severity: 'error', code, message: `readme.${key}: ${message}`, file: configFile, pointer: `#/readme/${key}` };
    throw new GenerateError([d]);
  };
  const shown = (file: string): string => toPosix(path.relative(configDir, file)) || '.';
  const read = async (key: (typeof README_FIELDS)[number], file: string): Promise<string> => {
    try {
      return (await fs.readFile(file, 'utf8')).replace(/\r\n?/g, '\n');
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read (${(error as Error).message})`;
      return fail('config/readme-not-found', key, `${shown(file)}: ${why} (paths are relative to ${configFile})`);
    }
  };

  if (readme.quickStart !== undefined) {
    const code = (await read('quickStart', readme.quickStart)).replace(/\s+$/, '');
    if (code.split('\n').some(isFenceLine)) {
      fail('config/readme-invalid', 'quickStart', `${shown(readme.quickStart)} holds a code fence; give the TypeScript code alone`);
    }
    if (code === '') fail('config/readme-invalid', 'quickStart', `${shown(readme.quickStart)} is empty`);
    extras.quickStart = code;
  }

  if (readme.recipes !== undefined) {
    const target = readme.recipes;
    let files: string[];
    try {
      const stat = await fs.stat(target);
      files = stat.isDirectory()
        ? (await fs.readdir(target))
            .filter((name) => name.endsWith('.md'))
            .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
            .map((name) => path.join(target, name))
        : [target];
    } catch {
      return fail('config/readme-not-found', 'recipes', `${shown(target)}: no such file or folder (paths are relative to ${configFile})`);
    }
    if (files.length === 0) fail('config/readme-invalid', 'recipes', `${shown(target)} holds no .md file`);
    const recipes: ReadmeRecipe[] = [];
    for (const file of files) {
      try {
        recipes.push(...parseRecipes(await read('recipes', file)));
      } catch (error) {
        if (error instanceof GenerateError) throw error;
        fail('config/readme-invalid', 'recipes', `${shown(file)}: ${(error as Error).message}`);
      }
    }
    extras.recipes = recipes;
  }
  return extras;
}

/**
 * Splits Markdown into recipes: each level-1 ATX heading (`# Title`, outside code fences) starts one, and its body is
 * the text up to the next. Headings inside a body move down two levels (`##` → `####`, at most `######`) so that they
 * sit under the recipe's `###`. Line endings must be `\n`.
 *
 * @returns the recipes in order, titles and bodies trimmed
 * @throws {Error} when there is no level-1 heading, text before the first one, or a level-1 heading without a title
 */
export function parseRecipes(markdown: string): ReadmeRecipe[] {
  const recipes: Array<{ title: string; lines: string[] }> = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const wasOpen = fence !== undefined;
    fence = fenceAfter(fence, line);
    if (wasOpen) {
      recipes.at(-1)?.lines.push(line);
      continue;
    }
    const heading = fence === undefined ? ATX_HEADING.exec(line) : null;
    if (heading !== null && heading[1] === '#') {
      const title = (heading[2] ?? '').trim();
      if (title === '') throw new Error('a level-1 heading without a title');
      recipes.push({ title, lines: [] });
      continue;
    }
    const current = recipes.at(-1);
    if (current === undefined) {
      if (line.trim() !== '') throw new Error('text before the first level-1 heading (# Title): each recipe starts with one');
      continue;
    }
    current.lines.push(heading !== null ? `${'#'.repeat(Math.min(6, (heading[1] ?? '').length + 2))} ${(heading[2] ?? '').trim()}` : line);
  }
  if (recipes.length === 0) throw new Error('no level-1 heading (# Title): each recipe starts with one');
  return recipes.map((r) => ({ title: r.title, body: r.lines.join('\n').trim() }));
}
