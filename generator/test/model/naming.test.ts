import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  camelCase,
  importAlias,
  isIdentifier,
  kebabCase,
  NameRegistry,
  pascalCase,
  RESERVED_MEMBER_NAMES,
  toMemberName,
  toTypeIdentifier,
  toValueIdentifier,
} from '../../src/model/naming.js';
import { build, fixture, named, op } from './helpers.js';
import { methodArguments } from '../../src/model/client-names.js';

describe('casing (given → want)', () => {
  const table: Array<[string, string, string, string]> = [
    // input, Pascal, camel, kebab
    ['pet_owner', 'PetOwner', 'petOwner', 'pet-owner'],
    ['HTTPError', 'HTTPError', 'httpError', 'http-error'],
    ['getAccount', 'GetAccount', 'getAccount', 'get-account'],
    ['get_account', 'GetAccount', 'getAccount', 'get-account'],
    ['Data Source Connections', 'DataSourceConnections', 'dataSourceConnections', 'data-source-connections'],
    ['extract-templates', 'ExtractTemplates', 'extractTemplates', 'extract-templates'],
    ['regenerate_secret', 'RegenerateSecret', 'regenerateSecret', 'regenerate-secret'],
    ['project.id', 'ProjectId', 'projectId', 'project-id'],
    ['v3.1', 'V31', 'v31', 'v3-1'],
    ['Größe', 'Grosse', 'grosse', 'grosse'],
    ['café_crème', 'CafeCreme', 'cafeCreme', 'cafe-creme'],
    // A digit stays with the word before it in kebab-case (D33: one kebab-case for the types modules and the client's files).
    ['projectsV2', 'ProjectsV2', 'projectsV2', 'projects-v2'],
    ['getHTTP2Thing', 'GetHTTP2Thing', 'getHttp2Thing', 'get-http2-thing'],
  ];
  for (const [input, pascal, camel, kebab] of table) {
    it(`${input} → ${pascal} / ${camel} / ${kebab}`, () => {
      expect(pascalCase(input)).toBe(pascal);
      expect(camelCase(input)).toBe(camel);
      expect(kebabCase(input)).toBe(kebab);
    });
  }
});

describe('kebab-case (D33)', () => {
  it('property: a file stem of lower-case letters, digits and single hyphens, and stable', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('getHTTP2Thing', 'projects V2', 'Plan A B', 'x-2fa', '__proto__')), (text) => {
        const stem = kebabCase(text);
        expect(stem).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
        expect(kebabCase(stem)).toBe(stem);
      }),
      { numRuns: 500 },
    );
  });
});

describe('identifier rules', () => {
  it('type identifiers: leading digits get "_", shadowing globals get "Model", empty gets a fallback', () => {
    expect(toTypeIdentifier('404')).toEqual({ name: '_404', reasons: ['starts with a digit'] });
    expect(toTypeIdentifier('2fa_settings')).toEqual({ name: '_2faSettings', reasons: ['starts with a digit'] });
    expect(toTypeIdentifier('Error')).toEqual({ name: 'ErrorModel', reasons: ['would shadow a global type'] });
    expect(toTypeIdentifier('blob')).toEqual({ name: 'BlobModel', reasons: ['would shadow a global type'] });
    expect(toTypeIdentifier('Extract').name).toBe('Extract');
    expect(toTypeIdentifier('Ключ')).toEqual({ name: 'Schema', reasons: ['no ASCII letters or digits'] });
  });

  it('value identifiers: reserved words get "_" (case-19)', () => {
    for (const w of ['default', 'delete', 'class', 'new', 'enum', 'await', 'yield', 'let', 'static', 'arguments', 'eval']) {
      expect(toValueIdentifier(w).name).toBe(`_${w}`);
    }
    expect(toValueIdentifier('9lives').name).toBe('_9lives');
  });

  it('member names may be reserved words (they are properties, not bindings)', () => {
    expect(toMemberName('delete')).toBe('delete');
    expect(toMemberName('regenerate_secret')).toBe('regenerateSecret');
  });

  it('member names: digits first, punctuation, non-ASCII, empty, and the members every class declares', () => {
    expect(toMemberName('2')).toBe('_2');
    expect(toMemberName('9lives')).toBe('_9lives');
    expect(toMemberName('a.b3')).toBe('aB3');
    expect(toMemberName('C)b')).toBe('cB');
    expect(toMemberName('Ünï7')).toBe('uni7');
    expect(toMemberName('日本')).toBe('call');
    expect(toMemberName('日本', 'fallback')).toBe('fallback');
    expect(toMemberName('!!')).toBe('call');
    expect(toMemberName('constructor')).toBe('constructor_');
    expect(toMemberName('Constructor')).toBe('constructor_');
    expect(toMemberName('client')).toBe('client_');
    expect(toMemberName('client_')).toBe('client_');
    expect(toMemberName('__proto__')).toBe('proto');
  });

  it('property: every member name is a valid identifier, not a member every class declares, and stable', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('constructor', 'client', '1', '', ' ', '$', '_')), (text) => {
        const name = toMemberName(text);
        expect(isIdentifier(name)).toBe(true);
        expect(RESERVED_MEMBER_NAMES.has(name)).toBe(false);
        expect(toMemberName(text)).toBe(name);
      }),
      { numRuns: 500 },
    );
  });

  it('registry: fixed names are taken once; other collision rules; import aliases', () => {
    const r = new NameRegistry();
    expect(r.take('x', 'Fuzz', 'client')).toBe(true);
    expect(r.take('x', 'Fuzz', 'runtime')).toBe(false);
    expect(r.claimNext('x', 'Fuzz', (n) => `${n}_`, { pointer: '#/p', from: 'fuzz' }, 'resource class')).toBe('Fuzz_');
    expect(r.take('x', 'Fuzz_', 'runtime')).toBe(false);
    expect(r.renames).toEqual([{ pointer: '#/p', from: 'fuzz', to: 'Fuzz_', reason: 'resource class: Fuzz is taken (client)' }]);
    expect(importAlias('Pet', (n) => n === 'Pet' || n === '_Pet')).toBe('__Pet');
    expect(importAlias('Pet', () => false)).toBe('Pet');
  });

  it('registry: a suffix skips names declared as wanted, which their own claim still gets', () => {
    const r = new NameRegistry();
    r.expect('t', ['Pet', 'Pet2', 'Pet3']);
    expect(r.claim('t', 'Pet', { pointer: '#/a', from: 'Pet' })).toBe('Pet');
    expect(r.claim('t', 'Pet', { pointer: '#/b', from: 'pet' })).toBe('Pet4');
    expect(r.claim('t', 'Pet3', { pointer: '#/c', from: 'Pet3' })).toBe('Pet3');
    expect(r.claim('t', 'Pet2', { pointer: '#/d', from: 'Pet2' })).toBe('Pet2');
    expect(r.claim('other', 'Pet', { pointer: '#/e', from: 'Pet' })).toBe('Pet');
    expect(r.claim('other', 'Pet', { pointer: '#/f', from: 'Pet' })).toBe('Pet2');
  });

  it('registry: first claim wins, later ones get 2, 3 … and every rename is recorded', () => {
    const r = new NameRegistry();
    expect(r.claim('t', 'Pet', { pointer: '#/a', from: 'Pet' })).toBe('Pet');
    expect(r.claim('t', 'Pet', { pointer: '#/b', from: 'pet' })).toBe('Pet2');
    expect(r.claim('t', 'Pet', { pointer: '#/c', from: 'pet!' })).toBe('Pet3');
    expect(r.claim('other', 'Pet', { pointer: '#/d', from: 'Pet' })).toBe('Pet');
    expect(r.renames).toEqual([
      { pointer: '#/b', from: 'pet', to: 'Pet2', reason: 'collides with Pet (#/a)' },
      { pointer: '#/c', from: 'pet!', to: 'Pet3', reason: 'collides with Pet (#/a)' },
    ]);
  });
});

const doc = (schemas: string, paths = '{}') => `openapi: 3.1.0
info: { title: t, version: "1" }
paths: ${paths}
components:
  schemas:
${schemas}`;

describe('names in the model', () => {
  it('case-14: numeric component key gets a valid identifier; the rename is recorded', () => {
    const { api } = build(fixture('cases/remote-path-schema-numeric-key').replace(/\$ref: 'upstream\.yaml#[^']*'/, 'type: object'));
    expect(named(api, '404')).toMatchObject({ key: '404', identifier: '_404' });
    expect(api.renames).toContainEqual({ pointer: '#/components/schemas/404', from: '404', to: '_404', reason: 'starts with a digit' });
    expect(op(api, 'getMirror').names).toEqual({ params: 'GetMirrorParams', response: 'GetMirrorResponse', error: 'GetMirrorError' });
  });

  it('non-ASCII and colliding schema keys: unique, deterministic, recorded, and each suffix is a warning', () => {
    const { api, diagnostics } = build(
      doc(`    Größe: { type: string }
    Grosse: { type: string }
    Ключ: { type: string }
    Значение: { type: string }
    pet_owner: { type: string }
    PetOwner: { type: string }`),
    );
    // A key that is its identifier exactly keeps it (D55), whatever comes before it: Grosse and PetOwner.
    expect([...api.schemas.values()].map((s) => s.identifier)).toEqual(['Grosse2', 'Grosse', 'Schema', 'Schema2', 'PetOwner2', 'PetOwner']);
    expect(api.renames.map((r) => [r.from, r.to])).toEqual([
      ['Größe', 'Grosse2'],
      ['Ключ', 'Schema'],
      ['Значение', 'Schema2'],
      ['pet_owner', 'PetOwner2'],
    ]);
    // A name the spec did not ask for (Grosse2) must not pass unnoticed: the casing and transliteration renames are
    // expected, a suffix is not.
    expect(diagnostics.filter((d) => d.code === 'model/schema-identifier-collision').map((d) => [d.pointer, d.severity, d.message])).toEqual([
      ['#/components/schemas/Größe', 'warning', 'schema "Größe" gives the identifier Grosse, already used by #/components/schemas/Grosse; using Grosse2'],
      ['#/components/schemas/Значение', 'warning', 'schema "Значение" gives the identifier Schema, already used by #/components/schemas/Ключ; using Schema2'],
      [
        '#/components/schemas/pet_owner',
        'warning',
        'schema "pet_owner" gives the identifier PetOwner, already used by #/components/schemas/PetOwner; using PetOwner2',
      ],
    ]);
  });

  it('a numeric suffix never takes a name another schema or operation spells', () => {
    const { api, diagnostics } = build(
      doc(
        `    Status: { type: string }
    status: { type: string }
    Status2: { type: string }
    status_2: { type: string }`,
        `
  /a: { get: { operationId: getPet, responses: { '200': { description: ok } } } }
  /b: { get: { operationId: get_pet, responses: { '200': { description: ok } } } }
  /c: { get: { operationId: GetPet2, responses: { '200': { description: ok } } } }`,
      ),
    );
    // Before: Status, Status2, Status22, Status23: the third schema's own name went to the second.
    expect([...api.schemas.values()].map((s) => s.identifier)).toEqual(['Status', 'Status3', 'Status2', 'Status22']);
    expect(api.operations.map((o) => o.identifier)).toEqual(['GetPet', 'GetPet3', 'GetPet2']);
    expect(diagnostics.filter((d) => d.code === 'model/schema-identifier-collision').map((d) => d.message)).toEqual([
      'schema "status" gives the identifier Status, already used by #/components/schemas/Status; using Status3',
      'schema "status_2" gives the identifier Status2, already used by #/components/schemas/Status2; using Status22',
    ]);
  });

  it('property: a key that is its identifier keeps it; another keeps its identifier unless such a key or an earlier one spells it; all are distinct', () => {
    const keys = ['Status', 'status', 'STATUS', 'Status2', 'status_2', 'status-2', 'Status3', 'Status22', 'Pet', 'pet', 'Pet2', 'pet.2', 'Error', 'ErrorModel'];
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...keys), { minLength: 1, maxLength: keys.length }), (order) => {
        const { api } = build(doc(order.map((k) => `    ${k}: { type: string }`).join('\n')));
        const ids = order.map((k) => named(api, k).identifier);
        expect(new Set(ids).size).toBe(ids.length);
        const exact = (k: string): boolean => toTypeIdentifier(k).name === k;
        order.forEach((key, i) => {
          const spelled = toTypeIdentifier(key).name;
          const before = exact(key) ? [] : [...order.filter(exact), ...order.slice(0, i)];
          if (!before.some((k) => toTypeIdentifier(k).name === spelled)) expect(ids[i], `${key} in ${order.join(', ')}`).toBe(spelled);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('a suffix skips a name another key only derives (status_2 → Status2): Status, status, status_2 → Status, Status3, Status2', () => {
    const { api } = build(doc(['Status', 'status', 'status_2'].map((k) => `    ${k}: { type: string }`).join('\n')));
    expect([...api.schemas.values()].map((s) => s.identifier)).toEqual(['Status', 'Status3', 'Status2']);
    const ops = build(
      doc(
        '    X: { type: string }',
        `
  /a: { get: { operationId: get_pet, responses: { '200': { description: ok } } } }
  /b: { get: { operationId: get-pet, responses: { '200': { description: ok } } } }
  /c: { get: { operationId: get_pet_2, responses: { '200': { description: ok } } } }`,
      ),
    );
    expect(ops.api.operations.map((o) => o.identifier)).toEqual(['GetPet', 'GetPet3', 'GetPet2']);
  });

  it('a key spelled exactly wins over a name derived from another: ErrorModel over Error, OwnerTag over Owner/$defs/Tag', () => {
    for (const keys of [
      ['Error', 'ErrorModel'],
      ['ErrorModel', 'Error'],
    ]) {
      const { api } = build(doc(keys.map((k) => `    ${k}: { type: object }`).join('\n')));
      expect(named(api, 'ErrorModel').identifier).toBe('ErrorModel');
      expect(named(api, 'Error').identifier).toBe('ErrorModel2');
    }
    const { api, diagnostics } = build(
      doc(`    Owner: { type: object, properties: { tag: { $ref: '#/components/schemas/Owner/$defs/Tag' } }, $defs: { Tag: { type: object } } }
    OwnerTag: { type: object }`),
    );
    expect([...api.schemas.values()].map((s) => [s.key, s.identifier])).toEqual([
      ['Owner', 'Owner'],
      ['Owner/$defs/Tag', 'OwnerTag2'],
      ['OwnerTag', 'OwnerTag'],
    ]);
    expect(diagnostics.filter((d) => d.code === 'model/schema-identifier-collision').map((d) => d.pointer)).toEqual(['#/components/schemas/Owner/$defs/Tag']);
  });

  it('an operationId given in the spec wins over one derived from method and path', () => {
    const { api } = build(
      doc(
        '    X: { type: string }',
        `
  /e: { get: { responses: { '200': { description: ok } } } }
  /f: { get: { operationId: GetE, responses: { '200': { description: ok } } } }`,
      ),
    );
    expect(api.operations.map((o) => [o.path, o.identifier])).toEqual([
      ['/e', 'GetE2'],
      ['/f', 'GetE'],
    ]);
  });

  it('the Query helper, webhooks and the webhook payload union warn when suffixed; a webhook named by its own payload does not', () => {
    const { api, diagnostics } = build(`openapi: 3.1.0
info: { title: t, version: "1" }
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
        - { name: q, in: query, schema: { type: string } }
      responses: { "200": { description: ok } }
webhooks:
  status:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Status' } } } }
      responses: { "200": { description: ok } }
  Status2:
    post:
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { "200": { description: ok } }
  webhook_payload:
    post:
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { "200": { description: ok } }
  pet:
    post:
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { "200": { description: ok } }
components:
  schemas:
    Pet: { type: object }
    Status: { type: object }
    GetPetQuery: { type: object }
    WebhookPayload2: { type: string }
`);
    expect(op(api, 'getPet').names.query).toBe('GetPetQuery2');
    // The webhook spelled Status2 keeps it; status (whose payload is Status itself) skips it.
    expect(api.webhooks.map((h) => h.identifier)).toEqual(['Status3', 'Status2', 'WebhookPayload', 'Pet2']);
    expect(api.webhookPayload).toBe('WebhookPayload3');
    expect(diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.code, d.message])).toEqual([
      [
        'model/helper-identifier-collision',
        'the Query helper type of getPet would be GetPetQuery, already used by #/components/schemas/GetPetQuery; using GetPetQuery2',
      ],
      ['model/webhook-identifier-collision', 'webhook "pet" gives the identifier Pet, already used by #/components/schemas/Pet; using Pet2'],
      [
        'model/helper-identifier-collision',
        'the union of the webhook payloads would be WebhookPayload, already used by #/webhooks/webhook_payload/post; using WebhookPayload3',
      ],
    ]);
  });

  it('request variants are named <Identifier>Input, avoiding spec names (a suffix is a warning)', () => {
    const { api, diagnostics } = build(fixture('rules/read-write-variants'));
    expect(diagnostics.filter((d) => d.code === 'model/helper-identifier-collision').map((d) => [d.pointer, d.message])).toEqual([
      ['#/components/schemas/Order', 'the request variant of Order would be OrderInput, already used by #/components/schemas/OrderInput; using OrderInput2'],
    ]);
    expect(named(api, 'Order')).toMatchObject({ identifier: 'Order', requestIdentifier: 'OrderInput2', hasReadOnly: true, hasWriteOnly: true });
    expect(named(api, 'OrderInput')).toMatchObject({ identifier: 'OrderInput' });
    expect(named(api, 'OrderInput')).not.toHaveProperty('requestIdentifier');
    expect(named(api, 'Line').requestIdentifier).toBe('LineInput');
    expect(named(api, 'Plain')).not.toHaveProperty('requestIdentifier');
    expect(api.renames).toContainEqual({
      pointer: '#/components/schemas/Order',
      from: 'OrderInput',
      to: 'OrderInput2',
      reason: 'request variant; collides with OrderInput (#/components/schemas/OrderInput)',
    });
  });

  it('operation helper types never collide with schema names', () => {
    const { api } = build(
      doc(
        '    CreateReportBody: { type: object }',
        `
  /reports:
    post:
      operationId: createReport
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/CreateReportBody' } } } }
      responses: { "201": { description: ok } }`,
      ),
    );
    expect(op(api, 'createReport').names).toEqual({
      params: 'CreateReportParams',
      body: 'CreateReportBody2',
      response: 'CreateReportResponse',
      error: 'CreateReportError',
    });
    expect(named(api, 'CreateReportBody').identifier).toBe('CreateReportBody');
  });

  it('a helper type renamed because a schema holds its name is a warning, unless it is that schema under a second name', () => {
    const { api, diagnostics } = build(
      doc(
        `    CreateReportBody: { type: object }
    ListReportsParams: { type: object }
    ListReportsResponse: { type: object }`,
        `
  /reports:
    get:
      operationId: listReports
      parameters: [{ name: q, in: query, schema: { type: string } }]
      responses: { "200": { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } } }
    post:
      operationId: createReport
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/CreateReportBody' } } } }
      responses: { "201": { description: ok } }`,
      ),
    );
    expect(op(api, 'listReports').names).toMatchObject({ params: 'ListReportsParams2', response: 'ListReportsResponse2' });
    // createReport's body is the schema CreateReportBody: CreateReportBody2 is the same type, nothing to warn about.
    expect(diagnostics.filter((d) => d.code === 'model/helper-identifier-collision').map((d) => [d.pointer, d.severity, d.message])).toEqual([
      [
        '#/paths/~1reports/get',
        'warning',
        'the Params helper type of listReports would be ListReportsParams, already used by #/components/schemas/ListReportsParams; using ListReportsParams2',
      ],
      [
        '#/paths/~1reports/get',
        'warning',
        'the Response helper type of listReports would be ListReportsResponse, already used by #/components/schemas/ListReportsResponse; using ListReportsResponse2',
      ],
    ]);
  });

  it('case-19: reserved words as operationId and parameter names; wire names untouched', () => {
    const { api } = build(fixture('cases/reserved-word-names'));
    const o = op(api, 'delete');
    expect(o.identifier).toBe('Delete');
    expect(o.methodName).toBe('delete');
    expect(methodArguments(o).path.map((a) => [a.parameter.name, a.name])).toEqual([['default', '_default']]);
    expect(o.parameters.query.map((p) => p.name)).toEqual(['class', 'new']);
    expect(o.path).toBe('/toggles/{default}');
  });

  it('case-21: operationIds that normalise to the same identifier get a suffix and a warning', () => {
    const { api, diagnostics } = build(fixture('cases/operation-id-collisions'));
    expect(api.operations.map((o) => [o.operationId, o.identifier])).toEqual([
      ['createClient', 'CreateClient'],
      ['createConfig', 'CreateConfig'],
      ['getAccount', 'GetAccount'],
      ['get_account', 'GetAccount2'],
    ]);
    expect(op(api, 'get_account').names.params).toBe('GetAccount2Params');
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([['model/operation-identifier-collision', '#/paths/~1accounts-legacy/get']]);
  });

  it('path arguments are made unique against each other and the method locals (D40)', () => {
    const { api } = build(
      doc(
        '    A: { type: string }',
        `
  /items/{item-id}/{itemId}/{options}:
    get:
      operationId: getItem
      parameters:
        - { name: item-id, in: path, required: true, schema: { type: string } }
        - { name: itemId, in: path, required: true, schema: { type: string } }
        - { name: options, in: path, required: true, schema: { type: string } }
        - { name: itemId, in: query, schema: { type: string } }
      responses: { "200": { description: ok } }`,
      ),
    );
    expect(methodArguments(op(api, 'getItem')).path.map((a) => [a.parameter.name, a.name])).toEqual([
      ['item-id', 'itemId'],
      ['itemId', 'itemId2'],
      ['options', 'options2'],
    ]);
  });
});
