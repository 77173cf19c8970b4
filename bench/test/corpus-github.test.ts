/**
 * Corpus, GitHub's REST API from @octokit/openapi. Always: api.github.com's types package (the fast
 * part, `.ci/run`). With `SDKGEN_CORPUS=full` (`pnpm test:corpus`): both packages of api.github.com
 * and of ghec (GitHub Enterprise Cloud).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { githubDocs, type Outcome, readExceptions, runCorpus } from './corpus-lib.js';

const full = process.env.SDKGEN_CORPUS === 'full';
const docs = githubDocs(full);
const exceptions = readExceptions();
let outcomes = new Map<string, Outcome>();

describe(`corpus: GitHub REST API (${full ? 'types and client, api.github.com and ghec' : 'api.github.com types'})`, () => {
  beforeAll(async () => {
    outcomes = await runCorpus(docs, full ? 'github-full' : 'github');
    for (const o of outcomes.values()) console.log(`${o.doc.name}: ${o.status}, generated in ${(o.generateMs / 1000).toFixed(1)} s`);
  }, 1_800_000);

  it.each(docs.map((d) => [`${d.name} (${d.targets.join(' + ')})`, d] as const))('%s', (_name, doc) => {
    const outcome = outcomes.get(doc.id);
    expect(outcome, 'generated').toBeDefined();
    const expected = exceptions.get(doc.name)?.status ?? 'ok';
    expect(outcome?.status, `${doc.name}\n${outcome?.detail.join('\n')}`).toBe(expected);
  });
});
