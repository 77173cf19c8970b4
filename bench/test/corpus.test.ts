/**
 * Corpus, fast part (always on; `.ci/run`): every OpenAPI 3.x document of @readme/oas-examples, both
 * packages, generated and compiled in one program. Statuses and exceptions: see corpus-lib.ts and
 * bench/corpus-exceptions.md.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Outcome, oasExampleDocs, readExceptions, runCorpus } from './corpus-lib.js';

const docs = oasExampleDocs();
const exceptions = readExceptions();
let outcomes = new Map<string, Outcome>();

describe('corpus: @readme/oas-examples (types and client, tsc --strict)', () => {
  beforeAll(async () => {
    outcomes = await runCorpus(docs, 'oas-examples');
  }, 900_000);

  it('lists the documents the issue names', () => {
    const names = docs.map((d) => d.name);
    for (const name of ['3.0/json/schema-circular.json', '3.0/json/discriminators.json', '3.0/json/polymorphism.json', '3.1/json/train-travel.json']) {
      expect(names).toContain(`@readme/oas-examples/${name}`);
    }
    expect(docs.length).toBeGreaterThanOrEqual(60);
  });

  it('every exception names a document of the corpus', () => {
    const names = new Set(docs.map((d) => d.name));
    for (const name of exceptions.keys()) {
      if (name.startsWith('@readme/')) expect(names, name).toContain(name);
    }
  });

  it.each(docs.map((d) => [d.name, d] as const))('%s', (_name, doc) => {
    const outcome = outcomes.get(doc.id);
    expect(outcome, 'generated').toBeDefined();
    const expected = exceptions.get(doc.name)?.status ?? 'ok';
    expect(outcome?.status, `${doc.name}\n${outcome?.detail.join('\n')}`).toBe(expected);
  });
});
