/**
 * The write stage takes statements already in prettier's shape without prettier
 * (generator/src/write/fast-format.ts). Over real documents, that must give the very bytes prettier
 * gives: each document is generated twice, with `fastFormat: false` (every statement through
 * prettier) and with the default, and every file is compared.
 * - GitHub's REST API types, written under this repository (its .prettierrc.json: single quotes,
 *   print width 100);
 * - every document of @readme/oas-examples, both packages, written in the OS temp folder (prettier's
 *   defaults: double quotes, print width 80).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GenerateError } from '../../generator/src/diagnostics.js';
import { generate, type Target } from '../../generator/src/generate.js';
import { type CorpusDoc, corpusOut, githubDocs, listFiles, oasExampleDocs } from './corpus-lib.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'sdkgen-fast-format-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Generates `doc` both ways under `root`; returns the files that differ, and how many were compared. */
async function compare(doc: CorpusDoc, root: string, targets: Target[]): Promise<{ differing: string[]; compared: number } | 'invalid'> {
  const outs: Record<'fast' | 'prettier', string> = { fast: path.join(root, doc.id, 'fast'), prettier: path.join(root, doc.id, 'prettier') };
  rmSync(path.join(root, doc.id), { recursive: true, force: true });
  try {
    for (const [mode, out] of Object.entries(outs))
      await generate({ spec: doc.file, out, config: false, name: 'Corpus', targets, cacheDir: false, fastFormat: mode === 'fast' });
  } catch (error) {
    if (error instanceof GenerateError) return 'invalid'; // an invalid document (bench/corpus-exceptions.md)
    throw error;
  }
  const differing: string[] = [];
  let compared = 0;
  for (const target of targets) {
    const files = listFiles(path.join(outs.prettier, target));
    expect(listFiles(path.join(outs.fast, target))).toEqual(files);
    for (const file of files) {
      compared++;
      const a = readFileSync(path.join(outs.fast, target, file), 'utf8');
      const b = readFileSync(path.join(outs.prettier, target, file), 'utf8');
      if (a !== b) differing.push(`${target}/${file}`);
    }
  }
  rmSync(path.join(root, doc.id), { recursive: true, force: true });
  return { differing, compared };
}

describe('statements taken without prettier are byte-identical to prettier’s output', () => {
  it('GitHub REST API types (single quotes, print width 100)', async () => {
    const [doc] = githubDocs(false);
    const result = await compare(doc!, path.join(corpusOut, 'fast-format'), ['types']);
    expect(result).not.toBe('invalid');
    if (result === 'invalid') return;
    expect(result.compared).toBeGreaterThan(40);
    expect(result.differing).toEqual([]);
  }, 300_000);

  it('every @readme/oas-examples document, types and client (prettier defaults)', async () => {
    let compared = 0;
    const differing: string[] = [];
    for (const doc of oasExampleDocs()) {
      const result = await compare(doc, temp, ['types', 'client']);
      if (result === 'invalid') continue;
      compared += result.compared;
      differing.push(...result.differing.map((f) => `${doc.name}: ${f}`));
    }
    expect(compared).toBeGreaterThan(500);
    expect(differing).toEqual([]);
  }, 600_000);
});
