/**
 * fast-check arbitraries of valid OpenAPI 3.1 documents whose names collide after every conversion the generator
 * makes (D33): schema keys, operationIds, tags (resources), `x-sdk-resource` paths, enum names and webhook names
 * drawn from a small pool of case variants (`Status`, `status`, `STATUS`), names a collision suffix would give
 * (`Status2`, `status_2`, `Pet2`, D55), words with digits and acronyms
 * (`getHTTP2Thing`, `get_http2_thing`, `projectsV2`, `Plan A B` / `Plan AB`), names the generator derives
 * (`…Values`, `…Base`, `…Options`, `…Auth`, `…Params`, `…Input`, `…Resource`, `WebhookPayload`), the client
 * name of the fuzz packages (`Fuzz`, driver.ts), reserved words and members (`class`, `default`, `constructor`,
 * `config`, `request`, `then`), the types package's own names (`index`, `shared`, `openapi`, `paths`) and the names the
 * client runtime exports (`ApiError`, `ClientCore`, `Page`, `Logger`, `RawBody`, …), globals the client's files use
 * (`Promise`, `NonNullable`, `Extract`, D62) and stems Windows reserves (`con`, `aux`, D64). An item path has up to three
 * path parameters (D40: the method's leading arguments) named from {@link PATH_PARAMETER_NAMES} or the pool, typed as a
 * string, an integer or a component.
 *
 * Validity rules kept (so that a refusal is a generator bug): component keys match `^[A-Za-z0-9._-]+$` and are
 * unique; operationIds are unique; every `{param}` of a path is declared; no `x-sdk-method` (two equal explicit
 * method names are an error by design).
 */
import fc from 'fast-check';
import type { JsonObject } from './arbitraries.js';

/** Stems that collide after casing (case variants, digits, acronyms, single-letter words). */
const STEMS = [
  'Status',
  'status',
  'STATUS',
  'Level',
  'level',
  'Priority',
  'Pet',
  'pet',
  'Pets',
  'Pet2',
  'Status2',
  'status_2',
  'Plan A B',
  'Plan AB',
  'planAB',
  'plan-ab',
  't px',
  'T P X',
  'tPx',
  'getHTTP2Thing',
  'get_http2_thing',
  'get-http-2-thing',
  'GetHttp2Thing',
  'projectsV2',
  'projects V2',
  'projects-v-2',
  'HTTP2',
  'http2',
  'v2',
  'V2',
  'Api',
  'API',
  'a',
  'A',
  'b',
  'x1',
  '2fa',
  '404',
  'Fuzz',
  'fuzz',
  'Values',
  'Base',
  'Options',
  'Auth',
  'Input',
  'Params',
  'Body',
  'Response',
  'Error',
];
/** Suffixes the generator itself appends (`<Enum>Values`, `<Client>Base`, `<Op>Params`, …). */
const SUFFIXES = [
  '',
  '',
  '',
  'Values',
  ' values',
  '_values',
  'Base',
  'Options',
  'Auth',
  'Params',
  'Body',
  'Response',
  'Error',
  'Input',
  'Resource',
  'Model',
  '2',
  'Payload',
];
/** Names the output already holds: the client's own, the runtime's exports, reserved words and members, package files. */
const TAKEN = [
  'Fuzz',
  'FuzzBase',
  'FuzzOptions',
  'FuzzAuth',
  'ApiError',
  'ClientCore',
  'LeanClient',
  'APIPromise',
  'Page',
  'PagePromise',
  'SdkError',
  'TimeoutError',
  'ValidationError',
  'WebhookVerificationError',
  'Logger',
  'LogLevel',
  'RawBody',
  'HeadersLike',
  'RequestOptions',
  'ClientOptions',
  'ResponseData',
  'OperationAt',
  'PathsWith',
  'WebhookPayload',
  'WebhookPayload2',
  'class',
  'default',
  'delete',
  'constructor',
  'config',
  'request',
  'withOptions',
  'toJSON',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'baseUrl',
  'options',
  'client',
  'then',
  'index',
  'shared',
  'openapi',
  'webhooks',
  'paths',
  'components',
  'operations',
  'unwrap',
  'webhookSignature',
  'Record',
  'Promise',
  'Response',
  'NonNullable',
  'Extract',
  'NoInfer',
  'Event',
  'con',
  'aux',
  'nul',
  'Values',
  'enums',
];

/**
 * Path parameter names that collide as method arguments (D40): the method's other arguments and the values its body
 * calls, reserved words and globals, wire names that camelCase alike, a leading digit, prototype members.
 */
const PATH_PARAMETER_NAMES = [
  'id',
  'params',
  'body',
  'options',
  'requestPage',
  'formBody',
  'multipartBody',
  'default',
  'class',
  'this',
  'undefined',
  'user_id',
  'userId',
  'user-id',
  'UserID',
  'user.id',
  '2fa',
  '_2fa',
  'constructor',
  'toString',
  '__proto__',
];

/** A name from the pools: a taken name, or a stem with a generated suffix. */
export const collidingName: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...TAKEN) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...STEMS), fc.constantFrom(...SUFFIXES)).map(([stem, suffix]) => `${stem}${suffix}`) },
);

/** A component key (`^[A-Za-z0-9._-]+$`) made of a colliding name. */
const keyOf = (name: string): string => name.replace(/[^A-Za-z0-9._-]+/g, '_') || 'x';
/** A path segment (URL-safe, not empty) made of a colliding name. */
const segmentOf = (name: string): string => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.]+/, '') || 'x';

type SchemaKind = 'string-enum' | 'integer-enum' | 'object' | 'array';

interface Plan {
  schemas: Array<{ name: string; kind: SchemaKind; readOnlyId: boolean }>;
  operations: Array<{
    id: string;
    tag: string | undefined;
    segment: string;
    item: boolean;
    /** Path parameters of an item path (`id` when empty), each with a schema: string, integer or a component. */
    pathParameters: Array<{ name: string; schema: number | 'string' | 'integer' }>;
    sub: string | undefined;
    method: 'get' | 'post' | 'put' | 'patch' | 'delete';
    sdkResource: string | undefined;
    query: number | undefined;
    body: number | undefined;
    response: number | undefined;
  }>;
  webhooks: Array<{ name: string; payload: number | undefined }>;
}

const planArb: fc.Arbitrary<Plan> = fc.record({
  schemas: fc.uniqueArray(
    fc.record({
      name: collidingName,
      kind: fc.constantFrom<SchemaKind>('string-enum', 'string-enum', 'integer-enum', 'object', 'array'),
      readOnlyId: fc.boolean(),
    }),
    { minLength: 1, maxLength: 8, selector: (s) => keyOf(s.name) },
  ),
  operations: fc.uniqueArray(
    fc.record({
      id: collidingName,
      tag: fc.option(collidingName, { nil: undefined }),
      segment: collidingName.map(segmentOf),
      item: fc.boolean(),
      pathParameters: fc.uniqueArray(
        fc.record({
          name: fc.oneof(fc.constantFrom(...PATH_PARAMETER_NAMES), collidingName.map(segmentOf)),
          schema: fc.oneof(fc.constantFrom<'string' | 'integer'>('string', 'integer'), fc.nat(7)),
        }),
        { maxLength: 3, selector: (p) => p.name },
      ),
      sub: fc.option(collidingName.map(segmentOf), { nil: undefined }),
      method: fc.constantFrom('get', 'get', 'post', 'put', 'patch', 'delete'),
      sdkResource: fc.option(
        fc.array(collidingName, { minLength: 1, maxLength: 2 }).map((parts) => parts.join('.')),
        { nil: undefined, freq: 4 },
      ),
      query: fc.option(fc.nat(7), { nil: undefined }),
      body: fc.option(fc.nat(7), { nil: undefined }),
      response: fc.option(fc.nat(7), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 8, selector: (o) => o.id },
  ),
  webhooks: fc.uniqueArray(fc.record({ name: collidingName, payload: fc.option(fc.nat(7), { nil: undefined }) }), {
    maxLength: 3,
    selector: (w) => w.name,
  }),
});

function schemaOf(kind: SchemaKind, readOnlyId: boolean, refs: string[]): JsonObject {
  switch (kind) {
    case 'string-enum':
      return { type: 'string', enum: ['on', 'off'] };
    case 'integer-enum':
      return { type: 'integer', enum: [1, 2] };
    case 'array':
      return { type: 'array', items: refs[0] !== undefined ? { $ref: refs[0] } : { type: 'string' } };
    case 'object':
      return {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: 'string', ...(readOnlyId ? { readOnly: true } : {}) },
          ...(refs[0] !== undefined ? { other: { $ref: refs[0] } } : {}),
        },
      };
  }
}

/** A valid OpenAPI 3.1 document built from colliding names (see the top of the file). */
export const collidingDocumentArb: fc.Arbitrary<JsonObject> = planArb.map((plan) => {
  const keys = plan.schemas.map((s) => keyOf(s.name));
  const ref = (i: number | undefined): JsonObject | undefined => {
    if (i === undefined || keys.length === 0) return undefined;
    return { $ref: `#/components/schemas/${keys[i % keys.length]}` };
  };
  const schemas: JsonObject = {};
  plan.schemas.forEach((s, i) => {
    // Each schema may refer to an earlier one only (no pure $ref cycles).
    schemas[keys[i] as string] = schemaOf(s.kind, s.readOnlyId, i > 0 ? [`#/components/schemas/${keys[i - 1]}`] : []);
  });
  const paths: Record<string, JsonObject> = {};
  const shapes = new Map<string, string>();
  for (const op of plan.operations) {
    const pathParameters = !op.item ? [] : op.pathParameters.length > 0 ? op.pathParameters : [{ name: 'id', schema: 'string' as const }];
    let path = `/${op.segment}${pathParameters.map((p) => `/{${p.name}}`).join('')}${op.sub !== undefined ? `/${op.sub}` : ''}`;
    // Two templates that differ only in their parameters' names are the same path (invalid): the later one moves on.
    const shape = (template: string): string => template.replace(/\{[^}]*\}/g, '{}');
    while ((shapes.get(shape(path)) ?? path) !== path || paths[path]?.[op.method] !== undefined) path = `${path}/more`;
    shapes.set(shape(path), path);
    const parameters: JsonObject[] = [];
    for (const p of pathParameters) {
      const schema = typeof p.schema === 'number' ? (ref(p.schema) ?? { type: 'string' }) : { type: p.schema };
      parameters.push({ name: p.name, in: 'path', required: true, schema });
    }
    const query = ref(op.query);
    if (query !== undefined) parameters.push({ name: 'filter', in: 'query', schema: query });
    const body = ref(op.body);
    const response = ref(op.response);
    const operation: JsonObject = {
      operationId: op.id,
      ...(op.tag !== undefined ? { tags: [op.tag] } : {}),
      ...(op.sdkResource !== undefined ? { 'x-sdk-resource': op.sdkResource } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(body !== undefined && op.method !== 'get' && op.method !== 'delete'
        ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } }
        : {}),
      responses: {
        '200': { description: 'ok', ...(response !== undefined ? { content: { 'application/json': { schema: response } } } : {}) },
        '404': { description: 'missing', content: { 'application/json': { schema: { type: 'object', properties: { message: { type: 'string' } } } } } },
      },
    };
    paths[path] = { ...(paths[path] ?? {}), [op.method]: operation };
  }
  const doc: JsonObject = { openapi: '3.1.0', info: { title: 'Colliding names', version: '1' }, paths, components: { schemas } };
  if (plan.webhooks.length > 0) {
    doc['x-webhook-signature'] = { algorithm: 'hmac-sha256', header: 'X-Signature' };
    const webhooks: JsonObject = {};
    for (const w of plan.webhooks) {
      const payload = ref(w.payload);
      webhooks[w.name] = {
        post: {
          ...(payload !== undefined ? { requestBody: { content: { 'application/json': { schema: payload } } } } : {}),
          responses: { '200': { description: 'received' } },
        },
      };
    }
    doc.webhooks = webhooks;
  }
  return doc;
});
