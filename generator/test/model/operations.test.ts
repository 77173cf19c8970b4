import { describe, expect, it } from 'vitest';
import { bodyKindOf, categoryOf, deriveOperationId, withoutQueryTemplate } from '../../src/model/operations.js';
import { methodArguments } from '../../src/model/client-names.js';
import { build, buildErrors, fixture, op, strip } from './helpers.js';

const doc = (paths: string, extra = '') => `openapi: 3.1.0
info: { title: t, version: "1" }
${extra}
paths:
${paths}`;

describe('order and ids', () => {
  it('operations in paths order, then get, put, post, delete, options, head, patch, trace', () => {
    const { api } = build(
      doc(`  /b:
    trace: { operationId: bTrace, responses: { "200": { description: ok } } }
    patch: { operationId: bPatch, responses: { "200": { description: ok } } }
    post: { operationId: bPost, responses: { "200": { description: ok } } }
    get: { operationId: bGet, responses: { "200": { description: ok } } }
    head: { operationId: bHead, responses: { "200": { description: ok } } }
    delete: { operationId: bDelete, responses: { "200": { description: ok } } }
    options: { operationId: bOptions, responses: { "200": { description: ok } } }
    put: { operationId: bPut, responses: { "200": { description: ok } } }
  /a:
    get: { operationId: aGet, responses: { "200": { description: ok } } }`),
    );
    expect(api.operations.map((o) => o.operationId)).toEqual(['bGet', 'bPut', 'bPost', 'bDelete', 'bOptions', 'bHead', 'bPatch', 'bTrace', 'aGet']);
  });

  it('derives missing operationIds from method + path, unique against explicit ids', () => {
    expect(deriveOperationId('get', '/jobs/{id}/run')).toBe('getJobsByIdRun');
    expect(deriveOperationId('post', '/')).toBe('post');
    expect(deriveOperationId('get', '/v1/projects/{project.id}')).toBe('getV1ProjectsByProjectId');
    const { api } = build(
      doc(`  /jobs:
    get: { responses: { "200": { description: ok } } }
    post: { operationId: getJobs, responses: { "200": { description: ok } } }
  /jobs/:
    get: { responses: { "200": { description: ok } } }`),
    );
    expect(api.operations.map((o) => [o.operationId, o.derivedId, o.identifier])).toEqual([
      ['getJobs2', true, 'GetJobs2'],
      ['getJobs', false, 'GetJobs'],
      ['getJobs3', true, 'GetJobs3'],
    ]);
    expect(api.renames.filter((r) => r.reason.startsWith('no operationId')).map((r) => [r.from, r.to])).toEqual([
      ['get /jobs', 'GetJobs2'],
      ['get /jobs/', 'GetJobs3'],
    ]);
  });

  it('servers on a path item or an operation that the client would ignore are warned about, with the place', () => {
    const { diagnostics } = build(
      doc(
        `  /uploads:
    servers: [{ url: "http://localhost:4001/files" }]
    post: { operationId: upload, responses: { "200": { description: ok } } }
  /same:
    servers: [{ url: "http://localhost:4000/v1" }]
    get:
      operationId: same
      servers: [{ url: "https://eu.example.com/v1" }]
      responses: { "200": { description: ok } }
  /plain:
    get: { operationId: plain, responses: { "200": { description: ok } } }`,
        'servers: [{ url: "http://localhost:4000/v1" }]',
      ),
    );
    const warned = diagnostics.filter((d) => d.code === 'model/operation-servers');
    expect(warned.map((d) => [d.severity, d.pointer])).toEqual([
      ['warning', '#/paths/~1uploads/servers'],
      ['warning', '#/paths/~1same/get/servers'],
    ]);
    expect(warned[0]?.message).toContain("client.withOptions({ baseUrl: 'http://localhost:4001/files' })");
    expect(warned[0]?.message).toContain('baseUrl (http://localhost:4000/v1)');
  });

  it('headers of a multipart Encoding Object, which FormData cannot send, are warned about at their place', () => {
    const { diagnostics } = build(
      doc(`  /upload:
    post:
      operationId: upload
      requestBody:
        content:
          multipart/form-data:
            schema: { type: object, properties: { file: { type: string, format: binary } } }
            encoding:
              file:
                headers: { X-Checksum: { required: true, schema: { type: string } }, Content-Type: { schema: { type: string } } }
          application/x-www-form-urlencoded:
            schema: { type: object, properties: { a: { type: string } } }
            encoding: { a: { headers: { X-Ignored: { schema: { type: string } } } } }
      responses: { "204": { description: ok } }`),
    );
    const warned = diagnostics.filter((d) => d.code === 'model/encoding-headers');
    // Content-Type is the part's own (encoding.contentType); a form body's encoding headers mean nothing per the spec.
    expect(warned.map((d) => [d.severity, d.pointer])).toEqual([
      ['warning', '#/paths/~1upload/post/requestBody/content/multipart~1form-data/encoding/file/headers'],
    ]);
    expect(warned[0]?.message).toContain('part "file" (X-Checksum) are not sent');
  });

  it('duplicate operationIds are errors naming both places, reported together with other errors', () => {
    const d = buildErrors(
      doc(`  /a:
    get: { operationId: same, responses: { "200": { description: ok } } }
  /b:
    get: { operationId: same, responses: { "200": { description: ok } } }
  /c/{id}:
    get: { operationId: other, responses: { "200": { description: ok } } }`),
    );
    expect(d.filter((x) => x.severity === 'error').map((x) => [x.code, x.pointer, x.message])).toEqual([
      ['model/duplicate-operation-id', '#/paths/~1b/get/operationId', 'operationId "same" is also used at #/paths/~1a/get/operationId'],
      ['model/missing-path-parameter', '#/paths/~1c~1{id}/get', 'path template variable {id} has no path parameter'],
    ]);
  });
});

describe('path keys with a query part (D57)', () => {
  const q = (...names: string[]) => names.map((n) => ({ name: n }) as Parameters<typeof withoutQueryTemplate>[1][number]);
  it.each([
    ['/search?query={query}', ['query'], '/search'],
    ['/search?query={query}&limit={limit}', ['limit'], '/search?query={query}'],
    ['/items?state=open&author={author}', ['author'], '/items?state=open'],
    ['/exports/{id}?filename={filename}', [], '/exports/{id}?filename={filename}'],
    ['/search?q={query}', ['query'], '/search?q={query}'],
    ['/plain/{id}', ['id'], '/plain/{id}'],
  ])('%s with query parameters %j → %s', (path, names, want) => {
    expect(withoutQueryTemplate(path, q(...names))).toBe(want);
  });

  it('a query-part variable that is no parameter is an error saying where it is and what to do', () => {
    const d = buildErrors(
      doc(`  /uploads?convert={convert}:
    post: { operationId: upload, responses: { "200": { description: ok } } }`),
    );
    expect(d.map((x) => [x.code, x.message])).toEqual([
      [
        'model/missing-path-parameter',
        "path template variable {convert} has no path parameter (it is in the path key's query part `?convert={convert}`: declare convert as a query parameter, or take the query part out of the path key)",
      ],
    ]);
  });

  it('the spec path stays the operation path; the request path is set only when it differs', () => {
    const { api } = build(
      doc(`  /search?query={query}:
    get:
      operationId: search
      parameters: [{ name: query, in: query, schema: { type: string } }]
      responses: { "200": { description: ok } }
  /plain:
    get: { operationId: plain, responses: { "200": { description: ok } } }`),
    );
    expect([op(api, 'search').path, op(api, 'search').requestPath, op(api, 'search').resource]).toEqual(['/search?query={query}', '/search', ['search']]);
    expect(Object.hasOwn(op(api, 'plain'), 'requestPath')).toBe(false);
  });
});

describe('parameters', () => {
  it('path-level parameters merge with operation-level ones (operation wins by name + in)', () => {
    const { api } = build(
      doc(
        `  /stores/{storeCode}/orders/{orderId}:
    parameters:
      - $ref: '#/components/parameters/StoreCode'
      - { name: orderId, in: path, required: true, schema: { type: string } }
      - { name: verbose, in: query, schema: { type: boolean }, description: path-level }
    get:
      operationId: getOrder
      parameters:
        - { name: verbose, in: query, schema: { type: integer }, description: operation-level }
        - { name: verbose, in: header, schema: { type: string } }
      responses: { "200": { description: ok } }`,
        `components:
  parameters:
    StoreCode: { name: storeCode, in: path, required: true, schema: { type: string, pattern: '^[0-9]{4}$' } }`,
      ),
    );
    const o = op(api, 'getOrder');
    expect(o.parameters.path.map((p) => p.name)).toEqual(['storeCode', 'orderId']);
    expect(o.parameters.path[0]).toMatchObject({
      pointer: '#/paths/~1stores~1{storeCode}~1orders~1{orderId}/parameters/0',
      schema: { pointer: '#/components/parameters/StoreCode/schema' },
    });
    expect(o.parameters.query).toHaveLength(1);
    expect(o.parameters.query[0]).toMatchObject({ description: 'operation-level', schema: { kind: 'integer' } });
    expect(o.parameters.header.map((p) => p.name)).toEqual(['verbose']);
  });

  it('two locations with one name: a warning at the later one (the params record takes the first; found by an adversarial fuzz)', () => {
    const { api, diagnostics } = build(
      doc(`  /items/{id}:
    get:
      operationId: listItems
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
        - { name: id, in: header, required: true, schema: { type: integer } }
        - { name: id, in: query, schema: { type: string } }
        - { name: page, in: query, schema: { type: integer } }
        - { name: page, in: cookie, schema: { type: integer } }
      responses: { "204": { description: ok } }`),
    );
    expect(op(api, 'listItems').parameters.header.map((p) => p.name)).toEqual(['id']);
    const shared = diagnostics.filter((d) => d.code === 'model/parameter-name-shared');
    expect(shared.map((d) => [d.severity, d.pointer])).toEqual([
      ['warning', '#/paths/~1items~1{id}/get/parameters/2'],
      ['warning', '#/paths/~1items~1{id}/get/parameters/1'],
      ['warning', '#/paths/~1items~1{id}/get/parameters/4'],
    ]);
    expect(shared[1]?.message).toBe(
      'the header parameter id has the name of the path parameter id: the client method, whose arguments are keyed by wire name, takes the path one only; the header one is sent through request(method, path, { params: { header: … } }), whose params are grouped by location',
    );
  });

  it('effective style/explode defaults per location, explicit values kept (case-29)', () => {
    const { api } = build(fixture('cases/query-parameter-styles'));
    const q = op(api, 'getRates').parameters.query;
    expect(q.map((p) => [p.name, p.style, p.explode, p.allowReserved])).toEqual([
      ['pairs', 'form', false, false],
      ['ids', 'form', true, false],
      ['window', 'form', true, false],
      ['filter', 'deepObject', true, false],
    ]);
    const { api: api2 } = build(
      doc(`  /x/{id}:
    get:
      operationId: x
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
        - { name: h, in: header, schema: { type: string } }
        - { name: c, in: cookie, schema: { type: string } }
        - { name: m, in: query, style: spaceDelimited, allowReserved: true, schema: { type: array, items: { type: string } } }
      responses: { "200": { description: ok } }`),
    );
    const o = op(api2, 'x');
    expect(
      [o.parameters.path[0], o.parameters.header[0], o.parameters.cookie[0], o.parameters.query[0]].map((p) => [p?.style, p?.explode, p?.allowReserved]),
    ).toEqual([
      ['simple', false, false],
      ['simple', false, false],
      ['form', true, false],
      ['spaceDelimited', false, true],
    ]);
  });

  it('parameters with content, optional path parameters, ignored headers', () => {
    const { api, diagnostics } = build(
      doc(`  /x/{id}:
    get:
      operationId: x
      parameters:
        - { name: id, in: path, schema: { type: string } }
        - name: filter
          in: query
          content: { application/json: { schema: { type: object, properties: { a: { type: string } } } } }
        - { name: Accept, in: header, schema: { type: string } }
      responses: { "200": { description: ok } }`),
    );
    const o = op(api, 'x');
    expect(o.parameters.path[0]?.required).toBe(true);
    expect(o.parameters.query[0]).toMatchObject({ name: 'filter', contentMediaType: 'application/json', schema: { kind: 'object' } });
    expect(o.parameters.header).toEqual([]);
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['warning', 'model/path-parameter-optional'],
      ['info', 'model/ignored-header-parameter'],
    ]);
  });

  it('case-18: path params with dots and dashes keep their wire names', () => {
    const { api } = build(fixture('cases/dotted-path-parameters'));
    const o = op(api, 'getProjectFile');
    expect(o.path).toBe('/v1/projects/{project.id}/files/{file-name}');
    expect(o.parameters.path.map((p) => [p.name, p.required])).toEqual([
      ['project.id', true],
      ['file-name', true],
    ]);
    expect(methodArguments(o).path.map((a) => [a.parameter.name, a.name])).toEqual([
      ['project.id', 'projectId'],
      ['file-name', 'fileName'],
    ]);
  });

  it('case-23: parameter default recorded, parameter stays optional', () => {
    const { api } = build(fixture('cases/defaults-stay-optional'));
    expect(op(api, 'putSettings').parameters.query[0]).toMatchObject({ name: 'page_size', required: false, default: 20 });
  });

  it('case-38: deprecated operation and parameter', () => {
    const { api } = build(fixture('cases/deprecated-flags'));
    const o = op(api, 'listMatches');
    expect(o.deprecated).toBe(true);
    expect(o.parameters.query[0]).toMatchObject({ name: 'league', deprecated: true });
  });

  it('examples of parameters: example and the examples map', () => {
    const { api } = build(
      doc(
        `  /x:
    get:
      operationId: x
      parameters:
        - name: q
          in: query
          schema: { type: string }
          examples: { one: { value: a }, two: { $ref: '#/components/examples/B' } }
      responses: { "200": { description: ok } }`,
        `components:
  examples:
    B: { value: b }`,
      ),
    );
    expect(op(api, 'x').parameters.query[0]?.examples).toEqual(['a', 'b']);
  });
});

describe('bodies', () => {
  it('body kinds by media type (given → want)', () => {
    const table: Array<[string, unknown, string]> = [
      ['application/json', { type: 'object' }, 'json'],
      ['application/json; charset=utf-8', undefined, 'json'],
      ['application/problem+json', undefined, 'json'],
      ['application/vnd.api+json', undefined, 'json'],
      ['text/plain', { type: 'string' }, 'text'],
      ['text/csv', undefined, 'text'],
      ['text/csv', { type: 'string', format: 'binary' }, 'binary'],
      ['application/xml', undefined, 'text'],
      ['application/atom+xml', undefined, 'text'],
      ['application/x-www-form-urlencoded', { type: 'object' }, 'form'],
      ['multipart/form-data', { type: 'object' }, 'multipart'],
      ['multipart/mixed', undefined, 'multipart'],
      ['application/octet-stream', undefined, 'binary'],
      ['application/zip', { type: 'string', format: 'binary' }, 'binary'],
      ['application/pdf', { type: 'string' }, 'binary'],
      ['image/png', { type: 'string', contentMediaType: 'image/png' }, 'binary'],
      ['*/*', undefined, 'binary'],
      ['*/*', { type: 'object' }, 'json'],
      ['*/*', { type: 'string' }, 'text'],
    ];
    for (const [mt, schema, want] of table) expect([mt, schema, bodyKindOf(mt, schema)]).toEqual([mt, schema, want]);
  });

  it('case-08: JSON body with additionalProperties, required body', () => {
    const { api } = build(fixture('cases/additional-properties-body'));
    const b = op(api, 'createReport').requestBody;
    expect(b).toMatchObject({ required: true, pointer: '#/paths/~1reports/post/requestBody' });
    expect(b?.contents[0]).toMatchObject({
      mediaType: 'application/json',
      bodyKind: 'json',
      schema: { kind: 'object', additionalProperties: { kind: 'object', properties: [] } },
    });
    expect(op(api, 'createReport').names.body).toBe('CreateReportBody');
  });

  it('case-25: multipart with binary fields', () => {
    const { api } = build(fixture('cases/multipart-binary'));
    const c = op(api, 'uploadAttachment').requestBody?.contents[0];
    expect(c?.bodyKind).toBe('multipart');
    expect(strip(c?.schema)).toMatchObject({
      kind: 'object',
      properties: [
        { name: 'caption', required: false, schema: { kind: 'string' } },
        { name: 'file', required: true, schema: { kind: 'string', binary: true } },
        { name: 'extras', required: false, schema: { kind: 'array', items: { kind: 'string', binary: true } } },
      ],
    });
  });

  it('case-28: form body keeps its encoding (deepObject)', () => {
    const { api } = build(fixture('cases/form-urlencoded-encoding'));
    const c = op(api, 'createCustomer').requestBody?.contents[0];
    expect(c).toMatchObject({ mediaType: 'application/x-www-form-urlencoded', bodyKind: 'form', encoding: { meta: { style: 'deepObject', explode: true } } });
  });

  it('binary fixture: bodies without schema, contentMediaType, multipart encoding content types', () => {
    const { api } = build(fixture('rules/binary'));
    const img = op(api, 'uploadImage');
    expect(strip(img.requestBody?.contents[0])).toEqual({
      mediaType: 'image/png',
      bodyKind: 'binary',
      schema: { kind: 'string', nullable: false, binary: true, contentMediaType: 'image/png' },
    });
    expect(strip(img.responses[0]?.contents[0])).toEqual({
      mediaType: 'application/octet-stream',
      bodyKind: 'binary',
      schema: { kind: 'string', binary: true, nullable: false },
    });
    const docBody = op(api, 'uploadDocument').requestBody?.contents[0];
    expect(docBody?.encoding).toEqual({ meta: { contentType: 'application/json' }, file: { contentType: 'application/pdf' } });
    expect(docBody?.schema).toMatchObject({
      properties: [
        { name: 'file', schema: { binary: true } },
        { name: 'thumb', schema: { binary: true, contentMediaType: 'image/jpeg' } },
        { name: 'inline', schema: { kind: 'string', contentMediaType: 'image/png' } },
        { name: 'meta', schema: { kind: 'object' } },
      ],
    });
    expect(docBody?.schema.kind === 'object' && docBody.schema.properties[2]?.schema).not.toHaveProperty('binary');
  });

  it('media examples (example and examples map) are collected', () => {
    const { api } = build(
      doc(`  /x:
    post:
      operationId: x
      requestBody:
        content:
          application/json:
            schema: { type: object }
            examples: { a: { value: { n: 1 } } }
      responses:
        "200":
          description: ok
          content: { application/json: { schema: { type: object }, example: { n: 2 } } }`),
    );
    expect(op(api, 'x').requestBody?.contents[0]?.examples).toEqual([{ n: 1 }]);
    expect(op(api, 'x').responses[0]?.contents[0]?.examples).toEqual([{ n: 2 }]);
  });
});

describe('responses', () => {
  it('categories', () => {
    expect(['200', '2XX', '201', '302', '101', '400', '4XX', '503', 'default', '600', 'ok'].map(categoryOf)).toEqual([
      'success',
      'success',
      'success',
      'success',
      'success',
      'error',
      'error',
      'error',
      'default',
      undefined,
      undefined,
    ]);
  });

  it('case-31: 204 has no contents; 200/204 and 201/202 keep spec order', () => {
    const { api } = build(fixture('cases/responses-without-body'));
    expect(op(api, 'deleteJob').responses.map((r) => [r.status, r.category, r.contents.length])).toEqual([['204', 'success', 0]]);
    expect(op(api, 'listJobs').responses.map((r) => [r.status, r.contents.length])).toEqual([
      ['200', 1],
      ['204', 0],
    ]);
    expect(op(api, 'createJob').responses.map((r) => [r.status, r.contents.length])).toEqual([
      ['201', 1],
      ['202', 0],
    ]);
  });

  it('case-32: text/plain responses and bodies are text, including the 429 error', () => {
    const { api } = build(fixture('cases/text-plain-bodies'));
    expect(op(api, 'ping').responses[0]?.contents[0]).toMatchObject({ mediaType: 'text/plain', bodyKind: 'text', schema: { kind: 'string' } });
    const add = op(api, 'addNote');
    expect(add.requestBody?.contents[0]).toMatchObject({ bodyKind: 'text' });
    expect(add.responses.map((r) => [r.status, r.category, r.contents[0]?.bodyKind])).toEqual([
      ['200', 'success', 'json'],
      ['429', 'error', 'text'],
    ]);
  });

  it('case-27: non-JSON downloads are binary', () => {
    const { api } = build(fixture('cases/binary-downloads'));
    for (const id of ['downloadExport', 'downloadZip']) {
      expect(op(api, id).responses[0]?.contents[0]).toMatchObject({ bodyKind: 'binary', schema: { kind: 'string', binary: true } });
    }
  });

  it('headers (refs followed, Content-Type dropped), refs to components.responses, body on a 204 dropped with a warning', () => {
    const { api, diagnostics } = build(
      doc(
        `  /x:
    get:
      operationId: x
      responses:
        "200":
          description: ok
          headers:
            X-Rate-Limit: { $ref: '#/components/headers/Rate' }
            Content-Type: { schema: { type: string } }
          content: { application/json: { schema: { type: object } } }
        "204":
          description: none
          content: { application/json: { schema: { type: object } } }
        "404": { $ref: '#/components/responses/NotFound' }
        default: { description: oops }`,
        `components:
  headers:
    Rate: { required: true, description: per hour, schema: { type: integer } }
  responses:
    NotFound:
      description: missing
      content: { application/json: { schema: { type: object, properties: { details: { type: string } } } } }`,
      ),
    );
    const rs = op(api, 'x').responses;
    expect(rs.map((r) => [r.status, r.category, r.description, r.contents.length, r.pointer])).toEqual([
      ['200', 'success', 'ok', 1, '#/paths/~1x/get/responses/200'],
      ['204', 'success', 'none', 0, '#/paths/~1x/get/responses/204'],
      ['404', 'error', 'missing', 1, '#/paths/~1x/get/responses/404'],
      ['default', 'default', 'oops', 0, '#/paths/~1x/get/responses/default'],
    ]);
    expect(strip(rs[0]?.headers)).toEqual([{ name: 'X-Rate-Limit', required: true, description: 'per hour', schema: { kind: 'integer', nullable: false } }]);
    expect(diagnostics.map((d) => d.code)).toEqual(['model/body-on-no-content']);
  });
});

describe('security, idempotency, extensions', () => {
  it('effective security: operation overrides document; [] means none; {} is an anonymous alternative', () => {
    const { api } = build(
      doc(
        `  /a:
    get: { operationId: a, responses: { "200": { description: ok } } }
  /b:
    get: { operationId: b, security: [], responses: { "200": { description: ok } } }
  /c:
    get: { operationId: c, security: [{ key: [] }, {}], responses: { "200": { description: ok } } }
  /d:
    get: { operationId: d, security: [{ oauth: [read, write], key: [] }], responses: { "200": { description: ok } } }`,
        `security: [{ bearer: [] }]
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
    key: { type: apiKey, in: header, name: X-Key }
    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://x/token', scopes: { read: r, write: w } } } }`,
      ),
    );
    expect(api.security).toEqual([[{ scheme: 'bearer', scopes: [] }]]);
    expect(api.operations.map((o) => o.security)).toEqual([
      [[{ scheme: 'bearer', scopes: [] }]],
      [],
      [[{ scheme: 'key', scopes: [] }], []],
      [
        [
          { scheme: 'oauth', scopes: ['read', 'write'] },
          { scheme: 'key', scopes: [] },
        ],
      ],
    ]);
  });

  it('unknown security scheme names are errors', () => {
    const d = buildErrors(doc(`  /a:\n    get: { operationId: a, security: [{ nope: [] }], responses: { "200": { description: ok } } }`));
    expect(d.map((x) => [x.code, x.pointer])).toEqual([['model/unknown-security-scheme', '#/paths/~1a/get/security/0/nope']]);
  });

  it('idempotency header detection (case-insensitive, prefixes allowed) and extensions kept verbatim', () => {
    const { api } = build(
      doc(`  /a:
    post:
      operationId: a
      x-sdk-method: make
      x-custom: { deep: [1, 2] }
      parameters: [{ name: x-idempotency-key, in: header, schema: { type: string } }]
      responses: { "200": { description: ok } }
  /b:
    post:
      operationId: b
      parameters: [{ name: Idempotency-Key, in: header, schema: { type: string } }]
      responses: { "200": { description: ok } }
  /c:
    post:
      operationId: c
      parameters: [{ name: idempotency, in: header, schema: { type: string } }]
      responses: { "200": { description: ok } }`),
    );
    expect(api.operations.map((o) => o.idempotencyHeader)).toEqual(['x-idempotency-key', 'Idempotency-Key', undefined]);
    expect(op(api, 'a').extensions).toEqual({ 'x-sdk-method': 'make', 'x-custom': { deep: [1, 2] } });
  });

  it('x-idempotent, x-idempotency-key and x-secret (fixture rules/idempotency-and-secrets)', () => {
    const { api, diagnostics } = build(fixture('rules/idempotency-and-secrets'));
    expect(diagnostics).toEqual([]);
    expect(api.operations.map((o) => [o.operationId, o.method, o.idempotent, o.idempotencyHeader])).toEqual([
      ['startJob', 'put', false, undefined],
      ['searchJobs', 'post', true, undefined],
      ['createPayment', 'post', undefined, 'Idempotency-Key'],
      ['createRefund', 'post', undefined, 'X-Request-Token'],
    ]);
    expect('idempotent' in op(api, 'createPayment')).toBe(false);
    expect(op(api, 'searchJobs').parameters.query.map((p) => [p.name, p.secret])).toEqual([
      ['api_token', true],
      ['password', true],
    ]);
    expect(op(api, 'createRefund').parameters.header.map((p) => [p.name, p.idempotencyKey, p.secret])).toEqual([['X-Request-Token', true, undefined]]);
    expect(op(api, 'createPayment').parameters.header[0]).not.toHaveProperty('idempotencyKey');
    expect(op(api, 'startJob').parameters.path[0]).not.toHaveProperty('secret');
  });

  it('x-idempotency-key: a marked header wins over a name match, false opts a name match out, several marked warn', () => {
    const { api, diagnostics } = build(
      doc(`  /a:
    post:
      operationId: a
      parameters:
        - { name: Idempotency-Key, in: header, schema: { type: string } }
        - { name: X-Dedupe, in: header, x-idempotency-key: true, schema: { type: string } }
      responses: { "200": { description: ok } }
  /b:
    post:
      operationId: b
      parameters: [{ name: Idempotency-Key, in: header, x-idempotency-key: false, schema: { type: string } }]
      responses: { "200": { description: ok } }
  /c:
    post:
      operationId: c
      parameters:
        - { name: X-One, in: header, x-idempotency-key: true, schema: { type: string } }
        - { name: X-Two, in: header, x-idempotency-key: true, schema: { type: string } }
        - { name: token, in: query, x-idempotency-key: true, schema: { type: string } }
      responses: { "200": { description: ok } }`),
    );
    expect(api.operations.map((o) => o.idempotencyHeader)).toEqual(['X-Dedupe', undefined, 'X-One']);
    expect(op(api, 'c').parameters.query[0]).not.toHaveProperty('idempotencyKey');
    expect(diagnostics.map((d) => [d.severity, d.code, d.pointer, d.message])).toEqual([
      [
        'warning',
        'model/idempotency-key',
        '#/paths/~1c/post/parameters/2/x-idempotency-key',
        'x-idempotency-key is ignored on a query parameter: only a header carries an idempotency key',
      ],
      [
        'warning',
        'model/idempotency-key',
        '#/paths/~1c/post/parameters/1',
        'several header parameters are marked x-idempotency-key: true (X-One, X-Two); using X-One',
      ],
    ]);
  });

  it('x-secret overrides format: password both ways; format: password is found through $ref and in content', () => {
    const { api } = build(
      doc(
        `  /a:
    get:
      operationId: a
      parameters:
        - { name: p1, in: query, x-secret: false, schema: { type: string, format: password } }
        - { name: p2, in: query, schema: { $ref: '#/components/schemas/Password' } }
        - { $ref: '#/components/parameters/Pin' }
        - { name: p4, in: query, content: { application/json: { schema: { type: string, format: password } } } }
        - { name: p5, in: cookie, x-secret: true, schema: { type: string } }
        - { name: p6, in: query, schema: { type: [string, "null"], format: password } }
        - { name: p7, in: query, schema: { type: string, format: email } }
      responses: { "200": { description: ok } }`,
        `components:
  schemas:
    Password: { $ref: '#/components/schemas/Secret' }
    Secret: { type: string, format: password }
  parameters:
    Pin: { name: p3, in: header, x-secret: true, schema: { type: string } }`,
      ),
    );
    const params = Object.values(op(api, 'a').parameters).flat();
    expect(params.map((p) => [p.name, p.secret ?? false])).toEqual([
      ['p1', false],
      ['p2', true],
      ['p4', true],
      ['p6', true],
      ['p7', false],
      ['p3', true],
      ['p5', true],
    ]);
  });

  it('non-boolean x-idempotent, x-idempotency-key and x-secret are located errors, reported together', () => {
    const d = buildErrors(
      doc(
        `  /a:
    put:
      operationId: a
      x-idempotent: "no"
      parameters:
        - { name: X-Key, in: header, x-idempotency-key: 1, schema: { type: string } }
        - { name: q, in: query, x-secret: yes please, schema: { type: string } }
        - { $ref: '#/components/parameters/Shared' }
      responses: { "200": { description: ok } }`,
        `components:
  parameters:
    Shared: { name: s, in: query, x-secret: null, schema: { type: string } }`,
      ),
    );
    expect(d.map((x) => [x.severity, x.code, x.pointer, x.message])).toEqual([
      ['error', 'model/idempotency-key', '#/paths/~1a/put/parameters/0/x-idempotency-key', 'x-idempotency-key must be true or false, not 1'],
      ['error', 'model/secret', '#/paths/~1a/put/parameters/1/x-secret', 'x-secret must be true or false, not "yes please"'],
      ['error', 'model/secret', '#/components/parameters/Shared/x-secret', 'x-secret must be true or false, not null'],
      ['error', 'model/idempotent', '#/paths/~1a/put/x-idempotent', 'x-idempotent must be true or false, not "no"'],
    ]);
  });

  it('operation docs: summary, description, deprecated, externalDocs, x-inferred (also on bodies and responses); tags', () => {
    const { api } = build(
      doc(`  /a:
    get:
      operationId: a
      tags: [One, Two]
      summary: Short
      description: Long
      deprecated: true
      x-inferred: true
      externalDocs: { url: 'https://docs' }
      requestBody: { x-inferred: true, content: { text/plain: {} } }
      responses: { "200": { description: ok, x-inferred: true } }`),
    );
    expect(op(api, 'a')).toMatchObject({
      tags: ['One', 'Two'],
      summary: 'Short',
      description: 'Long',
      deprecated: true,
      inferred: true,
      externalDocsUrl: 'https://docs',
    });
    expect(op(api, 'a').requestBody).toMatchObject({ inferred: true, contents: [{ bodyKind: 'text', schema: { kind: 'string' } }] });
    expect(op(api, 'a').responses[0]).toMatchObject({ inferred: true });
  });
});

describe('path parameters and the path template', () => {
  it('a path parameter absent from the template is an error at the parameter (it would be required and never sent)', () => {
    const errors = buildErrors(
      doc(`  /items:
    get:
      operationId: listItems
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }`),
    );
    expect(errors.map((d) => [d.severity, d.code, d.pointer])).toEqual([['error', 'model/unused-path-parameter', '#/paths/~1items/get/parameters/0']]);
    expect(errors[0]?.message).toBe(
      'path parameter id does not appear in the path template /items: add {id} to the path, or declare the parameter in another location (in: query, header or cookie)',
    );
  });

  it('a template variable without a parameter is an error at the operation', () => {
    const errors = buildErrors(
      doc(`  /items/{id}:
    get:
      operationId: getItem
      responses: { "200": { description: ok } }`),
    );
    expect(errors.map((d) => [d.severity, d.code])).toEqual([['error', 'model/missing-path-parameter']]);
  });

  it('a brace outside a {name} pair is an error at the operation (it was sent as it stood; found by an adversarial run)', () => {
    for (const key of ['/a/{id', '/a/id}', '/a/{}', '/a/{{id}}']) {
      const errors = buildErrors(
        doc(`  ${JSON.stringify(key)}:
    get:
      operationId: getA
      responses: { "200": { description: ok } }`),
      );
      expect(
        errors.map((d) => [d.code, d.pointer]),
        key,
      ).toContainEqual(['model/invalid-path-template', `#/paths/${key.replaceAll('/', '~1')}/get`]);
      expect(errors.find((d) => d.code === 'model/invalid-path-template')?.message).toBe(
        `path template ${key} has a brace outside a {name} variable: each variable is one name between { and }`,
      );
    }
  });
});

describe('path parameters through the loader', () => {
  it('one diagnostic for a path parameter absent from the template: the model error, no validator warning beside it', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadDocument } = await import('../../src/load/index.js');
    const { buildModel } = await import('../../src/model/build.js');
    const { GenerateError } = await import('../../src/diagnostics.js');
    const dir = mkdtempSync(join(tmpdir(), 'sdkgen-path-param-'));
    writeFileSync(
      join(dir, 'api.yaml'),
      doc(`  /items:
    get:
      operationId: listItems
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }`),
    );
    const loadedDoc = await loadDocument('api.yaml', { cwd: dir });
    let errors: readonly { severity: string; code: string; line?: number }[] = [];
    try {
      buildModel(loadedDoc);
    } catch (e) {
      if (!(e instanceof GenerateError)) throw e;
      errors = e.diagnostics;
    }
    expect([...loadedDoc.diagnostics, ...errors].map((d) => [d.severity, d.code, d.line])).toEqual([['error', 'model/unused-path-parameter', 9]]);
  });
});
