/**
 * openapi-typescript as an oracle, whole corpus (`SDKGEN_CORPUS=full`, `pnpm test:corpus`; skipped
 * otherwise): every OpenAPI 3.x document of @readme/oas-examples and every fixture (one program), then
 * GitHub's api.github.com and ghec (one program each). Same check and allow-list as the default tier
 * (generator/test/oracle/: oracle.ts, allow-list.json): every difference from openapi-typescript 7 is
 * in the reviewed list with its reason, and every entry of the list matches a difference.
 *
 * `SDKGEN_ORACLE_DUMP=<file>` also writes every difference found (allowed or not) as JSON, for review.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compareBatch,
  formatDifferences,
  type Difference,
  judge,
  type OracleDoc,
  type OracleResult,
  readAllowList,
  repoRoot,
} from '../../generator/test/oracle/oracle.js';
import { corpusOut, githubDocs, oasExampleDocs, readExceptions } from './corpus-lib.js';

const full = process.env.SDKGEN_CORPUS === 'full';
const allow = readAllowList();
const exceptions = readExceptions();

function fixtureDocs(): OracleDoc[] {
  const out: OracleDoc[] = [];
  for (const group of ['cases', 'rules', 'emit', 'corpus-found']) {
    const dir = path.join(repoRoot, 'generator/test/fixtures', group);
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name, 'openapi.yaml');
      if (existsSync(file)) out.push({ id: `fixture-${group}-${name}`, name: `generator/test/fixtures/${group}/${name}/openapi.yaml`, file });
    }
  }
  return out;
}

/** Fixtures that are invalid on purpose (the generator must refuse them): name → the code of the first error. */
const INVALID_FIXTURES: Record<string, string> = {
  'generator/test/fixtures/corpus-found/deep-ref-chain-stack-overflow/openapi.yaml': 'load/too-deep',
};

const improvado: OracleDoc = { id: 'improvado', name: 'spec/openapi.yaml', file: path.join(repoRoot, 'spec/openapi.yaml') };

const batches: { name: string; docs: OracleDoc[] }[] = full
  ? [
      { name: 'oas-examples+fixtures', docs: [improvado, ...oasExampleDocs(), ...fixtureDocs()] },
      ...githubDocs(true).map((d) => ({ name: d.id, docs: [{ id: d.id, name: d.name, file: d.file }] })),
    ]
  : [];

const seen: Difference[] = [];

describe.skipIf(!full)('openapi-typescript as an oracle (whole corpus, SDKGEN_CORPUS=full)', () => {
  afterAll(() => {
    const dump = process.env.SDKGEN_ORACLE_DUMP;
    if (dump) writeFileSync(dump, JSON.stringify(seen, null, 2));
  });

  it.each(batches.map((b) => [b.name, b] as const))('%s', async (_name, batch) => {
    const result: OracleResult = await compareBatch(batch.docs, path.join(corpusOut, 'oracle', batch.name));
    seen.push(...result.differences);
    console.log(
      `oracle ${batch.name}: ${[...result.compared.values()].reduce((a, b) => a + b, 0)} parts of ${result.compared.size} documents, ` +
        `${result.differences.length} differences; generate ${(result.timings.generateMs / 1000).toFixed(1)} s, compile ${(result.timings.compileMs / 1000).toFixed(1)} s`,
    );
    // Documents we refuse are the invalid ones of bench/corpus-exceptions.md.
    for (const [name, code] of result.oursRefused) {
      expect(INVALID_FIXTURES[name] !== undefined ? `invalid: ${INVALID_FIXTURES[name]}` : exceptions.get(name)?.status, name).toBe(`invalid: ${code}`);
    }
    expect(Object.fromEntries(result.theirsRefused)).toEqual(
      Object.fromEntries(Object.entries(allow.refusedByOpenapiTypescript).filter(([name]) => batch.docs.some((d) => d.name === name))),
    );
    expect(result.other).toEqual([]);
    const { unexpected, stale, staleRefusals, stalePolicies, unexpectedTheirsErrors, staleTheirsErrors } = judge(result, allow);
    expect(unexpectedTheirsErrors, 'openapi-typescript output that does not compile (list it in openapiTypescriptTypeErrors)').toEqual({});
    expect(staleTheirsErrors, 'openapiTypescriptTypeErrors entries whose output now compiles').toEqual([]);
    if (batch.name === 'oas-examples+fixtures') expect(stalePolicies, 'input policies that changed no document').toEqual([]);
    expect(unexpected, `differences not in generator/test/oracle/allow-list.json:\n${formatDifferences(unexpected)}`).toEqual([]);
    expect(stale, 'allow-list entries that match no difference any more (remove them)').toEqual([]);
    expect(staleRefusals).toEqual([]);
  });

  it('every allow-list entry names a document of the corpus and a reason of the list', () => {
    const names = new Set(batches.flatMap((b) => b.docs.map((d) => d.name)));
    for (const entry of allow.differences) {
      expect(names, entry.document).toContain(entry.document);
      expect(Object.keys(allow.reasons), `${entry.operation} ${entry.part}`).toContain(entry.reason);
    }
    for (const name of Object.keys(allow.refusedByOpenapiTypescript)) expect(names, name).toContain(name);
    for (const name of Object.keys(allow.openapiTypescriptTypeErrors)) expect(names, name).toContain(name);
  });
});
