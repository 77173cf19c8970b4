import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildModel } from '../../src/model/build.js';
import { walkSchema } from '../../src/model/graph.js';
import type { Api } from '../../src/model/types.js';
import { build, FIXTURES, fixture, loaded, named, op } from './helpers.js';

/** Order-sensitive serialisation (Maps as entry lists), to pin determinism byte for byte. */
function serialize(api: Api): string {
  return JSON.stringify(api, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v));
}

const singleFileFixtures = ['cases', 'rules'].flatMap((group) =>
  readdirSync(join(FIXTURES, group))
    .filter((id) => existsSync(join(FIXTURES, group, id, 'openapi.yaml')))
    .filter((id) => id !== 'remote-path-schema-numeric-key' && id !== 'external-path-parameter')
    .map((id) => `${group}/${id}`),
);

describe('every fixture', () => {
  for (const f of singleFileFixtures) {
    it(`${f} builds, deterministically, with every ref resolvable`, () => {
      const a = buildModel(loaded(fixture(f)));
      const b = buildModel(loaded(fixture(f)));
      expect(serialize(b.api)).toBe(serialize(a.api));
      expect(b.diagnostics).toEqual(a.diagnostics);
      expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const visit = (s: Parameters<typeof walkSchema>[0]) =>
        walkSchema(s, (x) => {
          if (x.kind === 'ref') expect(a.api.schemas.has(x.target), `${x.target} in ${f}`).toBe(true);
        });
      for (const s of a.api.schemas.values()) visit(s.schema);
      for (const o of a.api.operations) {
        for (const r of o.responses) for (const c of r.contents) visit(c.schema);
        for (const c of o.requestBody?.contents ?? []) visit(c.schema);
      }
      const identifiers = [...a.api.schemas.values()].flatMap((s) => [s.identifier, ...(s.requestIdentifier ? [s.requestIdentifier] : [])]);
      const helpers = a.api.operations.flatMap((o) => [o.names.params, o.names.response, o.names.error, ...(o.names.body ? [o.names.body] : [])]);
      expect(new Set([...identifiers, ...helpers]).size).toBe(identifiers.length + helpers.length);
    });
  }
});

describe('diagnostics', () => {
  it("carry file, line and column from the loader's locate()", () => {
    const l = loaded(`openapi: 3.1.0
info: { title: t, version: "1" }
paths:
  /a:
    get: { operationId: same, responses: { "200": { description: ok } } }
  /b:
    get: { operationId: same, responses: { "200": { description: ok } } }
`);
    l.locate = (pointer) => (pointer === '#/paths/~1b/get/operationId' ? { file: 'api.yaml', line: 7, column: 12 } : undefined);
    try {
      buildModel(l);
      throw new Error('expected a GenerateError');
    } catch (e) {
      expect((e as { diagnostics: unknown }).diagnostics).toEqual([
        {
          severity: 'error',
          code: 'model/duplicate-operation-id',
          message: 'operationId "same" is also used at #/paths/~1a/get/operationId',
          pointer: '#/paths/~1b/get/operationId',
          file: 'api.yaml',
          line: 7,
          column: 12,
        },
      ]);
      expect(String(e)).toContain('api.yaml:7:12 #/paths/~1b/get/operationId: error [model/duplicate-operation-id]');
    }
  });
});

describe('document level', () => {
  it('info, servers, tags, openapi version, docs', () => {
    const { api } = build(`openapi: 3.1.0
info:
  title: Improvado API
  version: "3.0"
  summary: Marketing data
  description: The API.
externalDocs: { url: 'https://docs' }
servers:
  - url: 'https://{region}.example.com/api'
    description: prod
    variables:
      region: { default: eu, enum: [eu, us], description: where }
  - url: /relative
tags:
  - { name: Connections, description: Data source connections, externalDocs: { url: 'https://c' } }
  - { name: Plain }
paths: {}
`);
    expect(api).toMatchObject({
      title: 'Improvado API',
      version: '3.0',
      openapi: '3.1.0',
      summary: 'Marketing data',
      description: 'The API.',
      externalDocsUrl: 'https://docs',
    });
    expect(api.servers).toEqual([
      { url: 'https://{region}.example.com/api', description: 'prod', variables: { region: { default: 'eu', enum: ['eu', 'us'], description: 'where' } } },
      { url: '/relative', variables: {} },
    ]);
    expect(api.tags).toEqual([{ name: 'Connections', description: 'Data source connections', externalDocsUrl: 'https://c' }, { name: 'Plain' }]);
  });
});

describe('readOnly / writeOnly', () => {
  it('case-17: flags on properties; request variant for the schema and for nothing else', () => {
    const { api } = build(fixture('cases/read-only-write-only'));
    const image = named(api, 'Image');
    expect(image).toMatchObject({ hasReadOnly: true, hasWriteOnly: true, requestIdentifier: 'ImageInput', module: 'avatars' });
    const s = image.schema;
    if (s.kind !== 'object') throw new Error('object');
    expect(s.properties.map((p) => [p.name, p.required, p.readOnly ?? false, p.writeOnly ?? false])).toEqual([
      ['id', true, true, false],
      ['format', true, false, false],
      ['data', true, false, true],
    ]);
    // The request body is an inline wrapper around the ref: the emitter picks ImageInput through it.
    expect(op(api, 'createAvatar').requestBody?.contents[0]?.schema).toMatchObject({
      kind: 'object',
      properties: [{ name: 'image', required: true, schema: { kind: 'ref', target: 'Image' } }],
    });
  });

  it('flags propagate transitively through refs, and cycles terminate', () => {
    const { api } = build(fixture('rules/read-write-variants'));
    expect(['Order', 'Line', 'Audit', 'Plain', 'OrderInput'].map((k) => [k, named(api, k).hasReadOnly, named(api, k).hasWriteOnly])).toEqual([
      ['Order', true, true],
      ['Line', true, true],
      ['Audit', true, true],
      ['Plain', false, false],
      ['OrderInput', false, false],
    ]);
    const rec = build(fixture('rules/recursion')).api;
    expect(['TreeNode', 'Person', 'Company', 'Expr'].map((k) => [k, named(rec, k).hasWriteOnly, named(rec, k).requestIdentifier])).toEqual([
      ['TreeNode', false, undefined],
      ['Person', true, 'PersonInput'],
      ['Company', true, 'CompanyInput'],
      ['Expr', false, undefined],
    ]);
  });

  it('a request variant is declared only for a flagged schema that a request reaches (parameter or body, of an operation or webhook)', () => {
    const { api } = build(`openapi: 3.1.0
info: { title: t, version: "1" }
paths:
  /a:
    post:
      operationId: createA
      parameters: [{ name: f, in: query, schema: { $ref: '#/components/schemas/Filter' } }]
      requestBody: { content: { application/json: { schema: { type: object, properties: { a: { $ref: '#/components/schemas/A' } } } } } }
      responses: { "200": { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Out' } } } } }
webhooks:
  ping:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Hook' } } } }
      responses: { "200": { description: ok } }
components:
  schemas:
    A: { type: object, properties: { id: { type: string, readOnly: true }, b: { $ref: '#/components/schemas/B' } } }
    B: { type: object, properties: { secret: { type: string, writeOnly: true } } }
    Filter: { type: object, properties: { id: { type: string, readOnly: true } } }
    Out: { type: object, properties: { id: { type: string, readOnly: true }, b: { $ref: '#/components/schemas/B' } } }
    Hook: { type: object, required: [n], properties: { n: { type: integer, default: 1 } } }
    Unused: { type: object, properties: { id: { type: string, readOnly: true } } }
`);
    expect(['A', 'B', 'Filter', 'Hook', 'Out', 'Unused'].map((k) => [k, named(api, k).requestIdentifier])).toEqual([
      ['A', 'AInput'],
      ['B', 'BInput'],
      ['Filter', 'FilterInput'],
      ['Hook', 'HookInput'],
      ['Out', undefined],
      ['Unused', undefined],
    ]);
    // The flags still say what the schema holds; only the declaration depends on use.
    expect([named(api, 'Out').hasReadOnly, named(api, 'Unused').hasReadOnly]).toEqual([true, true]);
  });
});

describe('modules', () => {
  it('a schema used by one resource (transitively) lives in its module; several → shared; none → shared; webhooks only → webhooks', () => {
    const { api } = build(`openapi: 3.1.0
info: { title: t, version: "1" }
paths:
  /orders:
    get:
      operationId: listOrders
      tags: [Orders]
      responses: { "200": { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } } }
  /invoices:
    get:
      operationId: listInvoices
      tags: [Invoices]
      parameters: [{ name: cur, in: query, schema: { $ref: '#/components/schemas/Currency' } }]
      responses: { "200": { description: ok, headers: { X-Page: { schema: { $ref: '#/components/schemas/PageInfo' } } } } }
webhooks:
  paid:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Event' } } } }
      responses: { "200": { description: ok } }
components:
  schemas:
    Order: { type: object, properties: { line: { $ref: '#/components/schemas/Line' } } }
    Line: { type: object, properties: { price: { $ref: '#/components/schemas/Money' } } }
    Money: { type: object, properties: { currency: { $ref: '#/components/schemas/Currency' } } }
    Currency: { type: string }
    PageInfo: { type: object }
    Event: { type: object, properties: { money: { $ref: '#/components/schemas/Money' }, kind: { $ref: '#/components/schemas/EventKind' } } }
    EventKind: { type: string }
    Unused: { type: object }
`);
    expect([...api.schemas.values()].map((s) => [s.key, s.module])).toEqual([
      ['Order', 'orders'],
      ['Line', 'orders'],
      ['Money', 'shared'],
      ['Currency', 'shared'],
      ['PageInfo', 'invoices'],
      ['Event', 'webhooks'],
      ['EventKind', 'webhooks'],
      ['Unused', 'shared'],
    ]);
    expect(api.operations.map((o) => o.module)).toEqual(['orders', 'invoices']);
  });
});

describe('multi-file cases, as the loader bundles them', () => {
  it('case-14: a response schema taken from a path of another document, inlined; numeric component key', () => {
    // What a bundler produces: the remote schema inlined (or moved under components).
    const { api } = build(`openapi: 3.0.3
info: { title: case-14, version: "1" }
paths:
  /mirror:
    get:
      operationId: getMirror
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: '#/paths/~1things/get/responses/200/content/application~1json/schema' }
  /things:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { count: { type: integer } } }
components:
  schemas:
    "404": { type: object, properties: { message: { type: string } } }
`);
    expect(op(api, 'getMirror').responses[0]?.contents[0]?.schema).toMatchObject({
      kind: 'object',
      properties: [{ name: 'count', schema: { kind: 'integer' } }],
      pointer: '#/paths/~1things/get/responses/200/content/application~1json/schema',
    });
    expect(op(api, 'getMirror').names.response).toBe('GetMirrorResponse');
    expect(named(api, '404').identifier).toBe('_404');
    expect(op(api, 'getThings')).toMatchObject({ derivedId: true, identifier: 'GetThings' });
  });

  it('case-15: path-level parameter from another file applies to the operation', () => {
    const { api } = build(`openapi: 3.1.0
info: { title: case-15, version: "1" }
paths:
  /stores/{storeCode}/orders/{orderId}:
    parameters:
      - $ref: '#/components/parameters/StoreCode'
      - { name: orderId, in: path, required: true, schema: { type: string } }
    get:
      operationId: getOrder
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/order' }
components:
  parameters:
    StoreCode: { name: storeCode, in: path, required: true, schema: { type: string, pattern: '^[0-9]{4}$' } }
  schemas:
    order:
      type: object
      properties:
        id: { type: string }
        lines: { type: array, items: { $ref: '#/components/schemas/line' } }
    line:
      type: object
      properties:
        qty: { type: integer }
`);
    const o = op(api, 'getOrder');
    expect(o.parameters.path.map((p) => [p.name, p.required])).toEqual([
      ['storeCode', true],
      ['orderId', true],
    ]);
    expect(o.parameters.path[0]?.constraints).toEqual({ pattern: '^[0-9]{4}$' });
    expect(named(api, 'order')).toMatchObject({ identifier: 'Order', module: 'stores' });
  });

  it('unbundled external refs are reported as errors, never silently dropped', () => {
    expect(() => buildModel(loaded(fixture('cases/external-path-parameter')))).toThrowError(/model\/external-ref/);
  });
});

describe('the project spec', () => {
  const specPath = join(FIXTURES, '..', '..', '..', 'spec', 'openapi.yaml');
  it('spec/openapi.yaml builds without diagnostics; x-sdk pairs are unique', () => {
    const { api, diagnostics } = buildModel(loaded(readFileSync(specPath, 'utf8')));
    expect(diagnostics).toEqual([]);
    const pairs = api.operations.map((o) => `${o.resource.join('.')}.${o.methodName}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(api.operations.every((o) => o.extensions['x-sdk-resource'] === o.resource.join('.'))).toBe(true);
    expect(api.securitySchemes.find((s) => s.tokenEndpoint)?.tokenEndpoint).toMatchObject({ operationId: 'createToken', credentialsScheme: 'basicAuth' });
    expect(api.operations.find((o) => o.pagination?.in === 'body')?.pagination).toMatchObject({ groupsField: '/results', nextField: '/results/{i}/next' });
  });
});

describe('determinism (property)', () => {
  it('random component graphs: same input → same model; refs resolve; identifiers unique', () => {
    const names = ['Pet', 'pet', 'Pet_', '404', 'class', 'Error', 'Größe', 'a.b', 'A-B', 'x'];
    const schemaArb = (keys: string[]) =>
      fc.oneof(
        fc.constantFrom({ type: 'string' }, { type: ['integer', 'null'] }, { enum: ['a', null] }, { const: 1 }),
        fc.constantFrom(...keys).map((k) => ({ $ref: `#/components/schemas/${k.replace(/~/g, '~0').replace(/\//g, '~1')}` })),
        fc.record({
          type: fc.constant('object'),
          properties: fc.dictionary(
            fc.constantFrom('id', 'name', 'class', 'x-y'),
            fc.constantFrom(...keys).map((k) => ({ $ref: `#/components/schemas/${k}`, readOnly: true })),
            { maxKeys: 3 },
          ),
        }),
        fc.constantFrom(...keys).map((k) => ({ allOf: [{ $ref: `#/components/schemas/${k}` }, { required: ['id'] }] })),
        fc.constantFrom(...keys).map((k) => ({ oneOf: [{ $ref: `#/components/schemas/${k}` }, { type: 'null' }] })),
      );
    const docArb = fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: names.length }).chain((keys) =>
      fc.tuple(...keys.map(() => schemaArb(keys))).map((schemas) => ({
        openapi: '3.1.0',
        info: { title: 'p', version: '1' },
        paths: {},
        components: { schemas: Object.fromEntries(keys.map((k, i) => [k, schemas[i]])) },
      })),
    );
    const seed = 20261129;
    console.log(`fast-check seed ${seed}`);
    fc.assert(
      fc.property(docArb, (doc) => {
        const text = stringify(doc);
        const a = buildModel(loaded(text));
        const b = buildModel(loaded(text));
        expect(serialize(b.api)).toBe(serialize(a.api));
        const ids = [...a.api.schemas.values()].flatMap((s) => [s.identifier, ...(s.requestIdentifier ? [s.requestIdentifier] : [])]);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
        for (const s of a.api.schemas.values()) {
          walkSchema(s.schema, (x) => {
            if (x.kind === 'ref') expect(a.api.schemas.has(x.target)).toBe(true);
          });
        }
      }),
      { numRuns: 150, seed },
    );
  });
});
