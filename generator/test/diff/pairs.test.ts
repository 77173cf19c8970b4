/**
 * One pair of documents per rule of issue 18 (generator/test/fixtures/diff/<rule>/{old,new}.yaml):
 * the class the diff gives, the kinds of change the rules report, whether code written for the old
 * output still compiles against the new one, and that rules and proof agree.
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ChangeClass } from '../../src/diff/change.js';
import { diffSides } from '../../src/diff/index.js';
import { buildSide } from '../../src/diff/side.js';

const dir = fileURLToPath(new URL('../fixtures/diff/', import.meta.url));

/**
 * Per pair: the class; every kind of change the rules must report (others may come along, e.g. an
 * export added with a new resource); whether the proof's usage file compiles against the new output.
 */
const EXPECTED: Record<string, { class: ChangeClass; kinds: string[]; compiles: boolean }> = {
  // major: removed or renamed
  'operation-removed': { class: 'major', kinds: ['operation-removed'], compiles: false },
  'operation-id-renamed': { class: 'major', kinds: ['operation-id-changed', 'generated-name-changed'], compiles: false },
  'method-renamed': { class: 'major', kinds: ['method-renamed'], compiles: false },
  'resource-renamed': { class: 'major', kinds: ['method-renamed'], compiles: false },
  'type-removed': { class: 'major', kinds: ['schema-removed'], compiles: false },
  'type-renamed': { class: 'major', kinds: ['schema-removed', 'schema-added'], compiles: false },
  'response-property-removed': { class: 'major', kinds: ['property-removed'], compiles: false },
  'response-enum-value-removed': { class: 'major', kinds: ['enum-value-removed'], compiles: false },
  'request-enum-value-removed': { class: 'major', kinds: ['enum-value-removed'], compiles: false },
  // major: newly required
  'parameter-now-required': { class: 'major', kinds: ['parameter-now-required'], compiles: false },
  'required-parameter-added': { class: 'major', kinds: ['required-parameter-added'], compiles: false },
  'body-now-required': { class: 'major', kinds: ['body-now-required'], compiles: false },
  'request-property-now-required': { class: 'major', kinds: ['property-now-required'], compiles: false },
  'required-request-property-added': { class: 'major', kinds: ['required-property-added'], compiles: false },
  // major: a request type narrowed, a response type widened
  'request-type-narrowed': { class: 'major', kinds: ['type-narrowed'], compiles: false },
  'response-property-nullable': { class: 'major', kinds: ['nullable-added'], compiles: false },
  'response-property-optional': { class: 'major', kinds: ['property-now-optional'], compiles: false },
  'response-union-widened': { class: 'major', kinds: ['union-member-added'], compiles: false },
  'response-enum-value-added': { class: 'major', kinds: ['enum-value-added'], compiles: false },
  // major: the wire and behaviour (the compiler sees paths, methods and content types through `paths`/`operations`)
  'path-changed': { class: 'major', kinds: ['path-changed'], compiles: false },
  'method-changed': { class: 'major', kinds: ['method-changed'], compiles: false },
  'content-type-changed': { class: 'major', kinds: ['content-type-removed'], compiles: false },
  'auth-tightened': { class: 'major', kinds: ['auth-tightened'], compiles: true },
  'pagination-added': { class: 'major', kinds: ['pagination-added'], compiles: false },
  'pagination-changed': { class: 'major', kinds: ['pagination-changed'], compiles: true },
  // major: a generated name moved by an unrelated addition (`PetOwner` is now another schema's name)
  'name-collision-moved': { class: 'major', kinds: ['generated-name-changed'], compiles: true },
  // minor: the same addition where the old key is its name exactly: the name stays (D55), the new schema is `Owner2`
  'name-collision-kept': { class: 'minor', kinds: ['schema-added'], compiles: true },
  // major: found by the property test (property.test.ts)
  'parameter-before-body-added': { class: 'major', kinds: ['arguments-changed'], compiles: false },
  'request-index-signature-added': { class: 'major', kinds: ['index-signature-added'], compiles: false },
  'union-member-property-removed': { class: 'major', kinds: ['property-removed'], compiles: false },
  // minor
  'operation-added': { class: 'minor', kinds: ['operation-added'], compiles: true },
  'error-response-added': { class: 'minor', kinds: ['response-body-added'], compiles: true },
  'optional-parameter-added': { class: 'minor', kinds: ['parameter-added'], compiles: true },
  'optional-request-property-added': { class: 'minor', kinds: ['property-added'], compiles: true },
  'response-property-added': { class: 'minor', kinds: ['property-added'], compiles: true },
  'request-enum-value-added': { class: 'minor', kinds: ['enum-value-added'], compiles: true },
  'request-type-widened': { class: 'minor', kinds: ['nullable-added'], compiles: true },
  'open-response-enum-value-added': { class: 'minor', kinds: ['enum-value-added'], compiles: true },
  // patch
  'description-changed': { class: 'patch', kinds: ['docs-changed'], compiles: true },
  'summary-changed': { class: 'patch', kinds: ['docs-changed'], compiles: true },
  'examples-changed': { class: 'patch', kinds: ['docs-changed'], compiles: true },
};

const pairs = readdirSync(dir)
  .filter((name) => statSync(path.join(dir, name)).isDirectory())
  .sort();

describe('sdkgen diff: a pair of documents per rule', () => {
  it('has an expectation for every pair and a pair for every expectation', () => {
    expect(pairs).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(pairs)('%s', async (name) => {
    const expected = EXPECTED[name];
    if (expected === undefined) throw new Error(`no expectation for ${name}`);
    const result = diffSides(await buildSide(path.join(dir, name, 'old.yaml'), dir), await buildSide(path.join(dir, name, 'new.yaml'), dir));
    expect(result.bump).toBe(expected.class);
    expect(result.rules).toBe(expected.class);
    const kinds = new Set(result.changes.map((c) => c.kind));
    for (const kind of expected.kinds) expect([...kinds], `${name} reports ${kind}`).toContain(kind);
    // The class comes from a change of one of the expected kinds.
    expect(result.changes.filter((c) => c.class === expected.class).some((c) => expected.kinds.includes(c.kind))).toBe(true);
    expect(result.proof?.baselineErrors).toEqual([]);
    expect(result.proof?.compiles).toBe(expected.compiles);
    expect(result.disagreements).toEqual([]);
  });
});
