/**
 * openapi-typescript as an oracle, default tier (`pnpm test`, .ci/run): the Improvado spec, a few small
 * @readme/oas-examples documents and a few fixtures. For every operation, each parameter group, the
 * request body (optionality, content per media type) and each response's content per status and media
 * type must be mutually assignable with openapi-typescript 7's, or the difference must be in the
 * reviewed allow-list.json beside this file (with its reason). An entry of the list for a document
 * compared here that matches nothing fails too. How the comparison works: oracle.ts. The whole corpus
 * (every oas-examples document, GitHub's two documents, every fixture) runs under `SDKGEN_CORPUS=full`
 * in `pnpm test:corpus` (bench/test/oracle-corpus.test.ts).
 */
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareBatch, formatDifferences, type OracleDoc, type OracleResult, judge, readAllowList, repoRoot } from './oracle.js';

const oasExamples = path.join(repoRoot, 'bench/node_modules/@readme/oas-examples');
const oas = (rel: string): OracleDoc => ({
  id: `oas-${rel
    .replace(/\.json$/, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .toLowerCase()}`,
  name: `@readme/oas-examples/${rel}`,
  file: path.join(oasExamples, rel),
});
const fixture = (group: string, name: string): OracleDoc => ({
  id: `fixture-${name}`,
  name: `generator/test/fixtures/${group}/${name}/openapi.yaml`,
  file: path.join(repoRoot, 'generator/test/fixtures', group, name, 'openapi.yaml'),
});

/** Small documents chosen for coverage: binary bodies, many media types, enums/nullable/types, 3.1 webhooks. */
const DEFAULT_DOCS: OracleDoc[] = [
  { id: 'improvado', name: 'spec/openapi.yaml', file: path.join(repoRoot, 'spec/openapi.yaml') },
  oas('3.0/json/petstore.json'),
  oas('3.0/json/file-uploads.json'),
  oas('3.0/json/response-multiple-mediatypes.json'),
  oas('3.0/json/schema-types.json'),
  oas('3.1/json/webhooks.json'),
  fixture('rules', 'read-write-variants'),
  fixture('rules', 'additional-properties'),
  fixture('rules', 'binary'),
  fixture('cases', 'null-in-enum'),
];

const workDir = path.join(repoRoot, 'generator/node_modules/.cache/sdkgen-oracle');
const allow = readAllowList();
let result: OracleResult;

describe('openapi-typescript as an oracle (default tier)', () => {
  beforeAll(async () => {
    result = await compareBatch(DEFAULT_DOCS, workDir);
    console.log(
      `oracle: ${[...result.compared.values()].reduce((a, b) => a + b, 0)} parts of ${result.compared.size} documents; ` +
        `generate ${(result.timings.generateMs / 1000).toFixed(1)} s, compile ${(result.timings.compileMs / 1000).toFixed(1)} s`,
    );
  }, 120_000);

  it('compares every document (none refused by either generator, no stray type error)', () => {
    expect(Object.fromEntries(result.oursRefused)).toEqual({});
    expect(Object.fromEntries(result.theirsRefused)).toEqual({});
    expect(result.other).toEqual([]);
    expect([...result.compared.keys()].sort()).toEqual(DEFAULT_DOCS.map((d) => d.name).sort());
  });

  it('every difference from openapi-typescript is in the allow-list, and every entry of the list still matches', () => {
    const { unexpected, stale, staleRefusals, stalePolicies, unexpectedTheirsErrors, staleTheirsErrors } = judge(result, allow);
    expect(unexpectedTheirsErrors, 'openapi-typescript output that does not compile (list it in openapiTypescriptTypeErrors)').toEqual({});
    expect(staleTheirsErrors, 'openapiTypescriptTypeErrors entries whose output now compiles').toEqual([]);
    expect(stalePolicies, 'input policies (allow-list.json) that changed no document of this tier').toEqual([]);
    expect(unexpected, `differences not in generator/test/oracle/allow-list.json:\n${formatDifferences(unexpected)}`).toEqual([]);
    expect(stale, 'allow-list entries that match no difference any more (remove them)').toEqual([]);
    expect(staleRefusals).toEqual([]);
  });

  it('every allow-list entry names one of the reasons of the list', () => {
    for (const entry of allow.differences) expect(Object.keys(allow.reasons), `${entry.document} ${entry.operation} ${entry.part}`).toContain(entry.reason);
  });
});
