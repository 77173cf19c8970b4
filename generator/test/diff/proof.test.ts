/**
 * The proof's usage file, written from a document and compiled against that document's own output:
 * it must compile (a usage file that does not is a bug of usage.ts, not a break), touch every
 * operation and webhook, and compile under the strict options the generator's tsc tests use.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clientMethods } from '../../src/diff/proof/client-methods.js';
import { proofCompilerOptions } from '../../src/diff/proof/options.js';
import { runProof } from '../../src/diff/proof/index.js';
import { usageFile } from '../../src/diff/proof/usage.js';
import { buildSide } from '../../src/diff/side.js';
import { strictCompilerOptions } from '../strict-options.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = path.join(repoRoot, 'generator/test/fixtures');

/** Fixtures with the shapes the usage file must handle: variants, unions, maps, pages, odd names, tuples, webhooks. */
const SPECS = [
  'cases/read-only-write-only',
  'cases/reserved-word-names',
  'cases/responses-without-body',
  'cases/multipart-binary',
  'cases/nullable-object-and-allof',
  'cases/text-plain-bodies',
  'rules/polymorphism',
  'rules/any-of',
  'rules/additional-properties',
  'rules/pagination',
  'rules/prototype-names',
  'rules/required-default',
  'rules/recursion',
  'rules/tuples',
  'rules/multi-type',
  'rules/webhooks',
];

describe('the usage file compiles against its own output', () => {
  it('under the generator tests’ strict options', () => {
    expect(proofCompilerOptions).toEqual(strictCompilerOptions);
  });

  it.each(SPECS)('%s', async (name) => {
    const side = await buildSide(path.join(fixtures, name, 'openapi.yaml'), repoRoot);
    const usage = usageFile(side, '../old/types/src/index.js');
    const labels = usage.regions.map((r) => r.label);
    expect(labels).toEqual([
      'exports',
      ...side.api.operations.map((op) => `operation ${op.operationId}`),
      ...side.api.webhooks.map((h) => `webhook ${h.name}`),
    ]);
    const proof = runProof(side, side);
    expect(proof.baselineErrors).toEqual([]);
    expect(proof.errors).toEqual([]);
    expect(proof.compiles).toBe(true);
  });

  it('the Improvado spec', async () => {
    const side = await buildSide('spec/openapi.yaml', repoRoot, { name: 'Improvado', scope: '@improvado-sdk' });
    const proof = runProof(side, side);
    expect(proof.baselineErrors).toEqual([]);
    expect(proof.compiles).toBe(true);
    // Every operation is called, and its response read.
    for (const op of side.api.operations) expect(proof.usage).toContain(`New.operations['${op.operationId}']`);
    expect(proof.usage.split('\n').length).toBeGreaterThan(2000);
  }, 120_000);

  it('calls a method the client text does not show the way D5 documents it, as the emitter does', async () => {
    const side = await buildSide(path.join(fixtures, 'rules/pagination/openapi.yaml'), repoRoot);
    const found = clientMethods(side.client, side.options.clientName);
    expect([...found.keys()].sort()).toEqual(side.api.operations.map((op) => op.operationId).sort());
    // The same client without the `operationId: '…'` the usage file finds methods by.
    const hidden = new Map([...side.client].map(([file, text]) => [file, text.replace(/\boperationId:/g, 'operation:')]));
    expect(clientMethods(hidden, side.options.clientName).size).toBe(0);
    expect(usageFile({ ...side, client: hidden }, '../old/types/src/index.js').text).toBe(usageFile(side, '../old/types/src/index.js').text);
  });
});

describe('clientMethods', () => {
  it('reaches resources through getters and properties, and reads parameters in order', () => {
    const client = new Map([
      ['src/client.ts', 'export class Api { readonly pets = new Pets(this); get stores(): Stores { return new Stores(); } }'],
      ['src/resources/pets.ts', "export class Pets { readonly toys: Toys; list(params?: P, options?: O) { return r({ operationId: 'listPets' }); } }"],
      [
        'src/resources/pets/toys.ts',
        "export class Toys { create(params: P, body: B, options?: O) { return r({ method: 'post', operationId: 'createToy' }); } }",
      ],
      ['src/resources/stores.ts', "export class Stores { get(options?: O) { return r({ operationId: 'getStore' }); } helper() { return 1; } }"],
    ]);
    expect(Object.fromEntries(clientMethods(client, 'Api'))).toEqual({
      listPets: {
        className: 'Pets',
        name: 'list',
        parameters: [
          { name: 'params', optional: true },
          { name: 'options', optional: true },
        ],
        access: ['pets'],
      },
      createToy: {
        className: 'Toys',
        name: 'create',
        parameters: [
          { name: 'params', optional: false },
          { name: 'body', optional: false },
          { name: 'options', optional: true },
        ],
        access: ['pets', 'toys'],
      },
      getStore: { className: 'Stores', name: 'get', parameters: [{ name: 'options', optional: true }], access: ['stores'] },
    });
  });
});
