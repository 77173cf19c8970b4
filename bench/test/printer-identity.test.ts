/**
 * The printer (generator/src/emit/ts/printer.ts) writes prettier's output itself: over GitHub's REST
 * API and every @readme/oas-examples document, prettier with the repository's `.prettierrc.json`
 * changes no printed file of the types package or of the client package; and the Markdown files the
 * write stage formats with the blocks prettier leaves as they are taken out (write/markdown-blocks.ts)
 * are prettier's over the whole text (generator/test/emit/printer-identity.test.ts does the same for
 * the fixtures and the Improvado spec).
 */
import { describe, expect, it } from 'vitest';
import { emitClientPackage } from '../../generator/src/emit/client/index.js';
import { emitTypesPackage } from '../../generator/src/emit/types/index.js';
import { loadDocument } from '../../generator/src/load/index.js';
import { buildModel } from '../../generator/src/model/build.js';
import { GenerateError } from '../../generator/src/diagnostics.js';
import type { Api } from '../../generator/src/model/types.js';
import { markdownChanges, prettierChanges } from '../../generator/test/emit/printer-identity.js';
import { type CorpusDoc, githubDocs, oasExampleDocs } from './corpus-lib.js';

async function changes(doc: CorpusDoc): Promise<string[] | 'invalid'> {
  let api: Api;
  try {
    api = buildModel(await loadDocument(doc.file)).api;
  } catch (error) {
    if (error instanceof GenerateError) return 'invalid';
    throw error;
  }
  const options = {
    typesPackageName: '@corpus/types',
    clientPackageName: '@corpus/client',
    clientName: 'Corpus',
    specPath: doc.name,
    command: 'pnpm generate',
    existingVersions: {},
  };
  const files = [...emitTypesPackage(api, options), ...emitClientPackage(api, options)];
  return [...(await prettierChanges(files)), ...(await markdownChanges(files))];
}

describe('prettier leaves the printed types and client packages as they are (corpus)', () => {
  it("GitHub's REST API", async () => {
    const [github] = githubDocs(false);
    expect(await changes(github!)).toEqual([]);
  }, 300_000);

  it('every @readme/oas-examples document', async () => {
    const failures: string[] = [];
    let printed = 0;
    for (const doc of oasExampleDocs()) {
      const result = await changes(doc);
      if (result === 'invalid') continue;
      printed++;
      failures.push(...result.map((r) => `${doc.name}: ${r}`));
    }
    expect(printed).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  }, 300_000);
});
