/**
 * The proof's usage file, written from a document and compiled against that document's own output:
 * it must compile (a usage file that does not is a bug of usage.ts, not a break), touch every
 * operation and webhook, and compile under the strict options the generator's tsc tests use.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { clientArguments } from '../../src/model/client-names.js';
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
  it('under the generator tests’ strict options (but the unused-name checks: it declares names to type-check them)', () => {
    const { noUnusedLocals, noUnusedParameters, ...checked } = strictCompilerOptions;
    expect([noUnusedLocals, noUnusedParameters]).toEqual([true, true]);
    expect(proofCompilerOptions).toEqual(checked);
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

describe('the arguments the diff reads (model clientArguments) are the generated methods’ own', () => {
  // Where a rule of its own would differ from the emitter's: a required parameter with a default may be left out.
  const spec = `openapi: 3.1.0
info: { title: arguments, version: "1" }
paths:
  /search:
    get:
      operationId: search
      parameters:
        - { name: limit, in: query, required: true, schema: { type: integer, default: 10 } }
      responses: { "204": { description: none } }
  /users/{user_id}/posts:
    get:
      operationId: listPosts
      parameters:
        - { name: user_id, in: path, required: true, schema: { type: string } }
        - { name: X-Trace, in: header, required: true, schema: { type: string, default: none } }
        - { name: sort, in: query, schema: { type: string } }
      responses: { "204": { description: none } }
  /strict:
    get:
      operationId: strict
      parameters:
        - { name: q, in: query, required: true, schema: { type: string } }
        - { name: page, in: query, schema: { type: integer, default: 1 } }
      responses: { "204": { description: none } }
  /jobs:
    post:
      operationId: createJob
      parameters:
        - { name: dry, in: query, required: true, schema: { type: boolean, default: false } }
      requestBody:
        required: true
        content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } }
      responses: { "204": { description: none } }
`;
  const dir = mkdtempSync(path.join(tmpdir(), 'sdkgen-diff-arguments-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'openapi.yaml');
  writeFileSync(file, spec);

  it('each method as declared in the generated client, `options` aside', async () => {
    const side = await buildSide(file, repoRoot);
    const declared = clientMethods(side.client, side.options.clientName);
    const optional = new Map(side.api.operations.map((op) => [op.operationId, clientArguments(op).map((a) => `${a.name}${a.optional ? '?' : ''}`)]));
    expect(Object.fromEntries(optional)).toEqual({
      search: ['params?'],
      listPosts: ['userId', 'params?'],
      strict: ['params'],
      createJob: ['params', 'body'],
    });
    for (const op of side.api.operations) {
      const parameters = declared.get(op.operationId)?.parameters.filter((p) => p.name !== 'options');
      expect(parameters, op.operationId).toEqual(clientArguments(op).map((a) => ({ name: a.name, optional: a.optional })));
    }
  });

  it('the usage file calls a method the client text does not show as it calls the declared one', async () => {
    const side = await buildSide(file, repoRoot);
    const hidden = new Map([...side.client].map(([f, text]) => [f, text.replace(/\boperationId:/g, 'operation:')]));
    expect(clientMethods(hidden, side.options.clientName).size).toBe(0);
    const usage = usageFile(side, '../old/types/src/index.js').text;
    expect(usage).toContain('const response = await client.search.list();');
    expect(usageFile({ ...side, client: hidden }, '../old/types/src/index.js').text).toBe(usage);
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
