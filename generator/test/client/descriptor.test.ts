/**
 * given/want tables for the pieces of the client emitter that no fixture spec exercises fully:
 * descriptor literals, signatures, scheme specs, base URLs, names. Hand-built IR (test/emit/ir.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaultBaseUrl, schemeSpec } from '../../src/emit/client/client.js';
import { descriptor, type DescriptorInputs, pageItemType, returnText, signatureText } from '../../src/emit/client/operation.js';
import type { ImportScope } from '../../src/emit/imports.js';
import { name, typeText } from '../../src/emit/ts/nodes.js';
import { errorClassFor } from '../../src/model/error-classes.js';
import { clientNames, methodAccess, methodArguments } from '../../src/model/client-names.js';
import { kebabCase, pascalCase } from '../../src/model/naming.js';
import type { Expression } from '../../src/emit/ts/code.js';
import { printStatement } from '../../src/emit/ts/printer.js';
import { relativeSpecifier } from '../../src/emit/imports.js';
import type { Operation, SecurityScheme } from '../../src/model/types.js';
import { api, json, operation, param, response, s } from '../emit/ir.js';

const known = new Set(['bearerAuth', 'basicAuth']);
/** An expression as printed without a width limit (only forced line breaks), on one line, quotes as `"`. */
const flat = (e: Expression): string =>
  compact(printStatement({ kind: 'const', name: 'x', exported: false, init: e }, Number.POSITIVE_INFINITY).replace(/^const x = |;$/g, ''));
const compact = (text: string): string => text.replace(/\s+/g, ' ').replace(/'/g, '"');

describe('descriptor', () => {
  /** `path`: the method takes the operation's path parameters as arguments (D40), named by the registry. */
  const cases: Array<{ name: string; op: Operation; has: Omit<DescriptorInputs, 'path'>; path?: true; encoder?: string; want: string[]; not?: string[] }> = [
    {
      name: 'default styles are left out; non-defaults, allowReserved and JSON content are kept',
      op: operation('getRates', 'get', '/rates/{id}', {
        parameters: {
          path: [param('id', 'path', s.string(), true), param('m', 'path', s.string(), true, { style: 'matrix', explode: true })],
          query: [
            param('pairs', 'query', s.array(s.string()), false, { explode: false }),
            param('q', 'query', s.string(), false, { allowReserved: true }),
            param('filter', 'query', s.object([]), false, { style: 'deepObject', explode: true }),
            param('where', 'query', s.object([]), false, { contentMediaType: 'application/json' }),
          ],
          header: [param('X-Trace', 'header', s.string())],
          cookie: [],
        },
      }),
      has: { params: true, body: false },
      path: true,
      want: [
        'params: { ...params, id, m }',
        'm: { in: "path", style: "matrix", explode: true }',
        'pairs: { in: "query", explode: false }',
        'q: { in: "query", allowReserved: true }',
        'filter: { in: "query", style: "deepObject", explode: true }',
        `where: { in: "query", content: 'json' }`,
        '"X-Trace": { in: "header" }',
      ],
      not: ['body', 'id: {'],
    },
    {
      name: 'a JSON body with a non-default media type keeps its content type; idempotency header and security',
      op: operation('patchThing', 'patch', '/things/{id}', {
        requestBody: { required: true, contents: [{ ...json(s.object([])), mediaType: 'application/merge-patch+json' }], pointer: '#/b' },
        security: [[{ scheme: 'bearerAuth', scopes: [] }], [{ scheme: 'mtls', scopes: [] }], [{ scheme: 'basicAuth', scopes: [] }]],
        idempotencyHeader: 'Idempotency-Key',
        responses: [response('200', s.object([])), response('404', s.object([])), { ...response('204'), category: 'success' }],
      }),
      has: { params: false, body: true },
      want: [
        'body,',
        'contentType: "application/merge-patch+json"',
        'security: [["bearerAuth"], ["basicAuth"]]',
        'responses: { "200": "json", "404": "json", "204": "none" }',
        'idempotencyHeader: "Idempotency-Key"',
      ],
      not: ['bodyKind', 'params'],
    },
    {
      name: 'form bodies go through the encoder with the spec encoding; an optional body may be undefined',
      op: operation('createCustomer', 'post', '/customers', {
        requestBody: {
          required: false,
          contents: [
            {
              mediaType: 'application/x-www-form-urlencoded',
              bodyKind: 'form',
              schema: s.object([]),
              encoding: { meta: { style: 'deepObject', explode: true }, tags: { contentType: 'text/plain' } },
            },
          ],
          pointer: '#/b',
        },
      }),
      has: { params: false, body: true },
      encoder: 'formBody',
      want: [
        'body: body === undefined ? undefined : formBody(body, { meta: { style: "deepObject", explode: true }, tags: { contentType: "text/plain" } })',
        'bodyKind: "form"',
      ],
      not: ['contentType: "application/x-www-form-urlencoded"'],
    },
    {
      name: 'text and binary bodies: kind, and the media type unless it is the default',
      op: operation('putCsv', 'put', '/csv', {
        requestBody: { required: true, contents: [{ mediaType: 'text/csv', bodyKind: 'text', schema: s.string() }], pointer: '#/b' },
        responses: [{ ...response('200'), contents: [{ mediaType: 'image/png', bodyKind: 'binary', schema: s.string({ binary: true }) }] }],
      }),
      has: { params: false, body: true },
      want: ['bodyKind: "text"', 'contentType: "text/csv"', 'responses: { "200": "binary" }'],
    },
    {
      name: 'x-idempotent false / true is emitted as stated; secret parameters are marked',
      op: operation('startJob', 'put', '/jobs/{id}/start', {
        idempotent: false,
        parameters: {
          path: [param('id', 'path', s.string(), true)],
          query: [param('token', 'query', s.string(), false, { secret: true })],
          header: [param('X-Pin', 'header', s.string(), false, { secret: true, style: 'simple' })],
          cookie: [],
        },
      }),
      has: { params: true, body: false },
      path: true,
      want: ['params: { ...params, id }', 'token: { in: "query", secret: true }', '"X-Pin": { in: "header", secret: true }', 'idempotent: false'],
      not: ['idempotencyHeader', 'id: {'],
    },
    {
      name: 'path arguments alone make the params record, by wire name; a name the registry changed is written out',
      op: operation('moveItem', 'post', '/lists/{list_id}/items/{default}/{id}', {
        parameters: {
          path: [param('id', 'path', s.string(), true), param('list_id', 'path', s.integer(), true), param('default', 'path', s.string(), true)],
          query: [],
          header: [],
          cookie: [],
        },
      }),
      has: { params: false, body: false },
      path: true,
      want: ['params: { list_id: listId, default: _default, id }'],
      not: ['...params', 'parameters'],
    },
    {
      name: 'D50: an entry the runtime assumes is left out (plain path parameter in the template, plain query parameter); one it would not assume is kept',
      op: operation('readPart', 'get', '/parts/{part}/{q}', {
        parameters: {
          path: [param('part', 'path', s.string(), true)],
          // `q` is a query parameter although the template has `{q}`: the runtime would put an unlisted `q` into the path.
          query: [param('q', 'query', s.string()), param('page', 'query', s.integer())],
          header: [],
          cookie: [param('sid', 'cookie', s.string())],
        },
      }),
      has: { params: true, body: false },
      path: true,
      want: ['parameters: { q: { in: "query" }, sid: { in: "cookie" } }'],
      not: ['part: {', 'page: {', 'security'],
    },
    {
      name: 'D50: no security alternative the client knows (none, or only unknown schemes) leaves `security` out',
      op: operation('getOpen', 'get', '/open', { security: [[{ scheme: 'mtls', scopes: [] }]] }),
      has: { params: false, body: false },
      want: ['path: "/open"'],
      not: ['security', 'parameters'],
    },
    {
      name: 'path arguments named like Object.prototype members: shorthand, a computed __proto__, no `as const` on a variable',
      op: operation('getProto', 'get', '/p/{constructor}/{__proto__}', {
        parameters: { path: [param('constructor', 'path', s.string(), true), param('__proto__', 'path', s.string(), true)], query: [], header: [], cookie: [] },
      }),
      has: { params: false, body: false },
      path: true,
      want: ['params: { constructor, ["__proto__"]: proto }'],
      not: ['constructor as const', 'proto as const'],
    },
    {
      name: 'x-idempotent: true',
      op: operation('searchJobs', 'post', '/jobs/search', { idempotent: true }),
      has: { params: false, body: false },
      want: ['idempotent: true'],
    },
    {
      name: 'idempotent is left out when the spec does not state it',
      op: operation('createJob', 'post', '/jobs', { idempotencyHeader: 'X-Request-Token' }),
      has: { params: false, body: false },
      want: ['idempotencyHeader: "X-Request-Token"'],
      not: ['idempotent:', 'secret'],
    },
    {
      name: 'pagination in the body, with groups and string page numbers',
      op: operation('listOptions', 'post', '/options', {
        pagination: {
          style: 'page',
          in: 'body',
          pageParam: 'page',
          itemsField: '/results/{i}/results',
          nextField: '/results/{i}/next',
          groupsField: '/results',
          pageNumbersAsStrings: true,
          itemSchema: s.unknown(),
          source: 'extension',
          reason: 'x-pagination',
        },
      }),
      has: { params: false, body: false },
      want: [
        // The runtime reads the fields relative to one group: `/results/{i}/results` → `/results`.
        'pagination: { style: "page", in: "body", pageParam: "page", itemsField: "/results", nextField: "/next", groupsField: "/results", pageNumbersAsStrings: true }',
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const has: DescriptorInputs = c.path === true ? { ...c.has, path: methodArguments(c.op).path } : c.has;
      const text = flat(descriptor(c.op, known, has, c.encoder));
      for (const want of c.want) expect(text).toContain(compact(want));
      for (const not of c.not ?? []) expect(text).not.toContain(not);
      expect(text).toContain(`operationId: "${c.op.operationId}"`);
    });
  }
});

describe('a pagination pointer reads the same in the item type and in api.md (RFC 6901 `~1`, `~0`)', () => {
  it('`/data~1items/{i}/v~0x` is ["data/items"][number]["v~x"] in both', () => {
    const op = operation('listRows', 'get', '/rows', {
      names: { params: 'ListRowsParams', response: 'ListRowsResponse', error: 'ListRowsError' },
      pagination: { style: 'page', in: 'query', itemsField: '/data~1items/{i}/v~0x', itemSchema: s.unknown(), source: 'extension', reason: 'x-pagination' },
    });
    const scope = { packageType: (_: string, n: string) => n } as unknown as ImportScope;
    const typed = typeText(pageItemType(api([]), op, scope, '@x/types', name('ListRowsResponse')));
    expect(compact(typed)).toContain('NonNullable<ListRowsResponse>["data/items"]');
    expect(compact(typed)).toContain('["v~x"]');
    expect(compact(returnText(api([]), op))).toBe('PagePromise<ListRowsResponse["data/items"][number]["v~x"][number], ListRowsResponse>');
  });
});

describe('signatureText: (...path arguments, params, body, options), each left out when empty (D40)', () => {
  const body = { required: true, contents: [json(s.object([]))], pointer: '#/b' };
  const table: Array<[string, Operation, string]> = [
    ['no params, no body', operation('list', 'get', '/x'), 'list(options?)'],
    [
      'required path param',
      operation('get', 'get', '/x/{id}', { parameters: { path: [param('id', 'path', s.string(), true)], query: [], header: [], cookie: [] } }),
      'get(id: string, options?)',
    ],
    [
      'path params in template order, then the other params (the Query type when the model names one), then the body',
      operation('put', 'put', '/x/{x_id}/y/{y_id}', {
        requestBody: body,
        names: { params: 'PutParams', query: 'PutQuery', body: 'PutBody', response: 'PutResponse', error: 'PutError' },
        parameters: {
          path: [param('y_id', 'path', s.integer(), true), param('x_id', 'path', s.string(), true)],
          query: [param('dry', 'query', s.boolean())],
          header: [],
          cookie: [],
        },
      }),
      'put(xId: string, yId: number, params: PutQuery, body: PutBody, options?)',
    ],
    [
      'optional query only',
      operation('find', 'get', '/x', { parameters: { path: [], query: [param('q', 'query', s.string())], header: [], cookie: [] } }),
      'find(params?: FindParams, options?)',
    ],
    ['body only', operation('create', 'post', '/x', { requestBody: body }), 'create(body: CreateBody, options?)'],
    [
      'optional params before a required body',
      operation('make', 'post', '/x', { requestBody: body, parameters: { path: [], query: [param('dry', 'query', s.boolean())], header: [], cookie: [] } }),
      'make(params: MakeParams, body: MakeBody, options?)',
    ],
    ['optional body', operation('touch', 'post', '/x', { requestBody: { ...body, required: false } }), 'touch(body?: TouchBody, options?)'],
  ];
  for (const [name, op, want] of table) it(name, () => expect(signatureText(api([]), op)).toBe(want));
});

describe('small helpers', () => {
  it('scheme specs: basic, bearer with token endpoint, apiKey; unsupported schemes are left out', () => {
    const base: Omit<SecurityScheme, 'type'> = { key: 'k', extensions: {} };
    const spec = (scheme: SecurityScheme): string | undefined => {
      const e = schemeSpec(scheme);
      return e === undefined ? undefined : flat(e);
    };
    expect(spec({ ...base, type: 'http', scheme: 'basic' })).toBe('{ type: "http", scheme: "basic" }');
    expect(spec({ ...base, type: 'oauth2' })).toBe('{ type: "http", scheme: "bearer" }');
    expect(spec({ ...base, type: 'apiKey', in: 'query', paramName: 'api_key' })).toBe('{ type: "apiKey", in: "query", name: "api_key" }');
    expect(spec({ ...base, type: 'http', scheme: 'digest' })).toBeUndefined();
    expect(spec({ ...base, type: 'mutualTLS' })).toBeUndefined();
    expect(
      spec({
        ...base,
        type: 'http',
        scheme: 'bearer',
        tokenEndpoint: {
          operationId: 'createToken',
          method: 'post',
          path: '/token',
          credentialsScheme: 'basicAuth',
          tokenField: '/token',
          lifetimeSeconds: 1800,
        },
      }),
    ).toBe(
      '{ type: "http", scheme: "bearer", tokenEndpoint: { method: "post", path: "/token", credentialsScheme: "basicAuth", tokenField: "/token", lifetimeSeconds: 1800 } }',
    );
  });

  it('base URL: first server, variables at their defaults, no trailing slash', () => {
    expect(defaultBaseUrl([])).toBe('');
    expect(defaultBaseUrl([{ url: 'https://{region}.api.test/v{v}/', variables: { region: { default: 'eu' }, v: { default: '2' } } }])).toBe(
      'https://eu.api.test/v2',
    );
  });

  it('names and paths', () => {
    expect(kebabCase('webhookEndpoints')).toBe('webhook-endpoints');
    expect(kebabCase('HTTPRequests')).toBe('http-requests');
    expect(pascalCase('webhookEndpoints')).toBe('WebhookEndpoints');
    expect(relativeSpecifier('src/resources/datasources/connections.ts', 'src/core/client.ts')).toBe('../../core/client.js');
    expect(relativeSpecifier('src/client.ts', 'src/resources/extracts.ts')).toBe('./resources/extracts.js');
    expect(errorClassFor('404')).toBe('NotFoundError');
    expect(errorClassFor('503')).toBe('InternalServerError');
    expect(errorClassFor('4XX')).toBe('ApiError');
    expect(errorClassFor('default')).toBe('ApiError');
  });

  it('resource tree: unique class names, nested files, root names the core uses get a suffix', () => {
    const model = api(
      [],
      [
        operation('listA', 'get', '/a', { resource: ['datasources', 'connections'], methodName: 'list' }),
        operation('listB', 'get', '/b', { resource: ['destinations', 'connections'], methodName: 'list' }),
        operation('listC', 'get', '/c', { resource: ['extracts'], methodName: 'list' }),
        operation('getConfig', 'get', '/config', { resource: ['config'], methodName: 'retrieve' }),
        operation('ping', 'get', '/ping', { resource: [], methodName: 'request' }),
      ],
    );
    const root = clientNames(model, 'Test').root;
    const access = [...methodAccess(root).values()].sort();
    expect(access).toEqual([
      'client.config_.retrieve',
      'client.datasources.connections.list',
      'client.destinations.connections.list',
      'client.extracts.list',
      'client.request_',
    ]);
    const files = root.children
      .flatMap((c) => [c, ...c.children])
      .map((n) => `${n.file} ${n.className}`)
      .sort();
    expect(files).toEqual([
      'src/resources/config.ts Config',
      'src/resources/datasources.ts Datasources',
      'src/resources/datasources/connections.ts DatasourcesConnections',
      'src/resources/destinations.ts Destinations',
      'src/resources/destinations/connections.ts DestinationsConnections',
      'src/resources/extracts.ts Extracts',
    ]);
  });
});
