/**
 * fast-check arbitraries of valid OpenAPI 3.0 and 3.1 documents: component schemas with nesting,
 * unions (oneOf/anyOf/allOf, discriminated unions), enums with odd strings, odd property names,
 * self- and mutual recursion, and every type keyword of both versions; operations with path, query
 * and header parameters, request bodies and responses. Plus mutations that make a document invalid.
 *
 * Validity rules the arbitraries keep (so that a refusal is a generator bug, not a bad document):
 * - component names match `^[A-Za-z0-9._-]+$`;
 * - a `$ref` that is the schema itself (or its `not`, or a nullable wrapper of it) only points to
 *   components defined before it, so there is no pure `$ref` cycle (the loader's load/ref-cycle
 *   error); references in allOf/oneOf/anyOf members may point anywhere (alias cycles such as
 *   `A = oneOf[A, …]`, which add no values and the model leaves out), as may references under
 *   `properties`, `items`, `additionalProperties` (recursion);
 * - `required` lists only declared properties; discriminated unions have object members declaring
 *   the discriminator property as a required single-value enum;
 * - operationIds are unique; every `{param}` of a path is declared as a path parameter.
 */
import fc from 'fast-check';

export type Version = '3.0' | '3.1';
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Component names: valid per the spec, but clashing with TS keywords, globals and generated names. */
const COMPONENT_NAMES = [
  'Pet',
  'pet',
  'Pet_2',
  'pet-item',
  'Item.v2',
  '123abc',
  '_private',
  'class',
  'default',
  'Object',
  'Promise',
  'Error',
  'String',
  'Array',
  'Map',
  'Record',
  'unknown',
  'never',
  'paths',
  'components',
  'operations',
  'webhooks',
  'index',
  'shared',
  'Client',
  'APIPromise',
  'A',
  'a',
  'A-B',
  'a.b.c',
  'x1',
  'ListPetsResponse',
  'ListPetsParams',
  'Date',
  'Blob',
  'File',
  'Response',
  'Request',
];
/** Property names a generator must quote, escape, or keep from clashing. */
const ODD_PROPERTY_NAMES = [
  'id',
  'name',
  'kebab-case',
  'with space',
  '123start',
  'class',
  'default',
  'delete',
  'constructor',
  'toString',
  'hasOwnProperty',
  '@type',
  'a.b',
  'x-ext',
  'ÜNICODE',
  'enum',
  'new',
  'typeof',
  'null',
  "it's",
  'back\\slash',
  '"quoted"',
  '*/',
  '/*',
  '${template}',
  '',
  ' ',
  '\n',
  '$ref',
  'type',
  '😀',
];
const ODD_STRINGS = [
  '',
  ' ',
  'a b',
  'a-b',
  '1abc',
  'true',
  'null',
  'class',
  "it's",
  'back\\slash',
  'new\nline',
  '*/',
  '/*',
  '${x}',
  '`tick`',
  'ümlaut',
  '😀',
  'A',
  'a',
  'x-y_z',
  'constructor',
  '__proto__',
  '"',
  "'",
];
const FORMATS = ['date-time', 'date', 'uuid', 'email', 'uri', 'int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];
const TAGS = ['pets', 'Pets', 'store', 'my tag', 'a-b', 'Object', 'class', 'default', 'users.admin', 'ÜBER'];

const oddString = fc.oneof(fc.constantFrom(...ODD_STRINGS), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 }));
const propertyName = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ODD_PROPERTY_NAMES) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
const text = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('A thing.', 'Ends a comment */ here', 'Line one\nline two', '@deprecated no', '<b>html</b>', '`code`'),
);

/** Adds documentation keywords (title, description, default, example(s), deprecated) sometimes. */
function withDocs(v: Version, schema: fc.Arbitrary<JsonObject>): fc.Arbitrary<JsonObject> {
  return fc.tuple(schema, text, fc.boolean(), fc.boolean()).map(([s, description, deprecated, titled]) => {
    const out: JsonObject = { ...s };
    if (description !== undefined) out.description = description;
    if (deprecated) out.deprecated = true;
    if (titled) out.title = 'Title */ x';
    if (v === '3.0' && description !== undefined) out.example = 'example';
    if (v === '3.1' && description !== undefined) out.examples = ['example'];
    return out;
  });
}

/** Makes a schema accept null the way the version does: 3.0 `nullable`, 3.1 a type array (or a oneOf with null). */
function nullable(v: Version, schema: JsonObject): JsonObject {
  if (v === '3.0') {
    return typeof schema.type === 'string' || schema.enum !== undefined ? { ...schema, nullable: true } : schema;
  }
  if (typeof schema.type === 'string') {
    const enumValues = Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {};
    return { ...schema, type: [schema.type, 'null'], ...enumValues };
  }
  return { anyOf: [schema, { type: 'null' }] };
}

function leaf(v: Version): fc.Arbitrary<JsonObject> {
  const options: fc.Arbitrary<JsonObject>[] = [
    fc.record(
      {
        type: fc.constant('string'),
        format: fc.constantFrom(...FORMATS.filter((f) => !f.startsWith('int') && f !== 'float' && f !== 'double')),
        minLength: fc.nat(5),
        maxLength: fc.integer({ min: 5, max: 50 }),
        pattern: fc.constantFrom('^[a-z]+$', '\\d+', '^/.*\\*/$'),
        default: fc.constantFrom('x', '*/', ''),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record(
      {
        type: fc.constantFrom('integer', 'number'),
        format: fc.constantFrom('int32', 'int64', 'float', 'double'),
        minimum: fc.integer({ min: -10, max: 0 }),
        maximum: fc.integer({ min: 1, max: 100 }),
        multipleOf: fc.constant(1),
        default: fc.constant(1),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record({ type: fc.constant('boolean'), default: fc.boolean() }, { requiredKeys: ['type'] }),
    // Enums: odd strings, numbers, mixed; duplicates removed.
    fc.uniqueArray(oddString, { minLength: 1, maxLength: 6 }).map((values) => ({ type: 'string', enum: values })),
    fc.uniqueArray(fc.integer({ min: -5, max: 500 }), { minLength: 1, maxLength: 5 }).map((values) => ({ type: 'integer', enum: values })),
    fc.uniqueArray(fc.oneof(oddString, fc.integer({ min: -3, max: 3 }), fc.boolean()), { minLength: 1, maxLength: 5 }).map((values) => ({ enum: values })),
    fc.constant({}),
    fc.constant({ description: 'anything' }),
  ];
  if (v === '3.0') {
    options.push(fc.constant({ type: 'string', format: 'binary' }));
    options.push(fc.record({ type: fc.constant('number'), minimum: fc.constant(0), exclusiveMinimum: fc.boolean() }));
  } else {
    options.push(
      fc.oneof(oddString, fc.integer(), fc.boolean(), fc.constant(null)).map((value) => ({ const: value })),
      fc.constant({ type: 'null' }),
      fc.constant({ type: ['string', 'integer'] }),
      fc.constant({ type: ['string', 'number', 'boolean', 'null'] }),
      fc.constant({ type: 'string', contentMediaType: 'application/octet-stream' }),
      fc.constant({ type: 'string', contentMediaType: 'image/png', contentEncoding: 'base64' }),
      fc.constant({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 10 }),
      fc.constant({ type: 'string', format: 'binary' }),
    );
  }
  return fc.oneof(...options);
}

interface Refs {
  /** Every component name: allowed under properties/items/additionalProperties (recursion). */
  all: readonly string[];
  /** Components defined before this one: allowed anywhere (no alias cycles). */
  lower: readonly string[];
}

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

/**
 * A schema arbitrary, `depth` levels of nesting at most; `guarded`: inside properties/items;
 * `composed`: inside oneOf/anyOf/allOf members, where a reference may point anywhere too (alias
 * cycles such as `A = oneOf[A, …]`, `A = allOf[B]` + `B = anyOf[A, …]`, which the model resolves).
 */
export function schemaArb(v: Version, refs: Refs, depth: number, guarded = false, composed = false): fc.Arbitrary<JsonObject> {
  const targets = guarded || composed ? refs.all : refs.lower;
  const refArb = targets.length > 0 ? [fc.constantFrom(...targets).map(ref)] : [];
  if (depth <= 0) return fc.oneof(leaf(v), ...refArb);
  const inner = (g: boolean, c = false) => schemaArb(v, refs, depth - 1, g || guarded, c || composed);
  const object = fc
    .tuple(
      fc.uniqueArray(fc.tuple(propertyName, inner(true), fc.boolean(), fc.constantFrom(undefined, 'readOnly', 'writeOnly')), {
        maxLength: 5,
        selector: (p) => p[0],
      }),
      fc.oneof(fc.constant(undefined), fc.boolean(), inner(true)),
      v === '3.1' ? fc.oneof(fc.constant(undefined), inner(true)) : fc.constant(undefined),
      fc.boolean(),
    )
    .map(([props, additional, pattern, extra]) => {
      const properties: JsonObject = {};
      const required: string[] = [];
      for (const [name, schema, isRequired, visibility] of props) {
        // defineProperty: a property named `__proto__` must stay an own key.
        const value: JsonObject = visibility ? { ...schema, [visibility]: true } : schema;
        Object.defineProperty(properties, name, { value, enumerable: true, writable: true, configurable: true });
        if (isRequired) required.push(name);
      }
      const out: JsonObject = { type: 'object', properties };
      if (required.length > 0) out.required = required;
      if (additional !== undefined) out.additionalProperties = additional;
      if (pattern !== undefined) out.patternProperties = { '^x-': pattern };
      if (extra && v === '3.1') out.unevaluatedProperties = false;
      if (extra && v === '3.0') out.minProperties = 0;
      return out;
    });
  const options: fc.Arbitrary<JsonObject>[] = [
    leaf(v),
    ...refArb,
    withDocs(v, object),
    fc.record({ type: fc.constant('array'), items: inner(true), minItems: fc.nat(2), uniqueItems: fc.boolean() }, { requiredKeys: ['type', 'items'] }),
    fc.record({ type: fc.constant('object'), additionalProperties: inner(true) }),
    fc
      .tuple(fc.constantFrom('oneOf', 'anyOf', 'allOf'), fc.array(inner(false, true), { minLength: 1, maxLength: 4 }))
      .map(([k, members]) => ({ [k]: members })),
    inner(false).map((s) => nullable(v, s)),
    inner(false).map((s) => ({ not: s })),
  ];
  if (v === '3.1') {
    options.push(
      fc.tuple(fc.array(inner(true), { minLength: 1, maxLength: 3 }), fc.oneof(fc.constant(false), inner(true))).map(([prefixItems, items]) => ({
        type: 'array',
        prefixItems,
        items,
      })),
      fc.constantFrom(true as unknown as JsonObject, false as unknown as JsonObject),
    );
  } else {
    options.push(fc.array(inner(false, true), { minLength: 1, maxLength: 2 }).map((members) => ({ type: 'object', allOf: members })));
  }
  return fc.oneof({ depthSize: 'small' }, ...options);
}

/** A discriminated union: `count` object variants and the union over them, as extra components. */
function discriminatedArb(v: Version, prefix: string): fc.Arbitrary<Record<string, JsonObject>> {
  return fc
    .tuple(fc.constantFrom('kind', 'type', 'petType', '@type', 'class'), fc.uniqueArray(oddString, { minLength: 2, maxLength: 4 }), fc.boolean(), fc.boolean())
    .map(([property, values, withMapping, nullableUnion]) => {
      const out: Record<string, JsonObject> = {};
      const names = values.map((_, i) => `${prefix}Variant${i}`);
      values.forEach((value, i) => {
        out[names[i]!] = {
          type: 'object',
          required: [property],
          properties: { [property]: { type: 'string', enum: [value] }, [`field${i}`]: { type: i % 2 ? 'integer' : 'string' } },
        };
      });
      const union: JsonObject = { oneOf: names.map(ref), discriminator: { propertyName: property } };
      if (withMapping) {
        (union.discriminator as JsonObject).mapping = Object.fromEntries(values.map((value, i) => [value, `#/components/schemas/${names[i]}`]));
      }
      out[`${prefix}Union`] = nullableUnion && v === '3.0' ? { ...union, nullable: true } : union;
      return out;
    });
}

/** Component schemas: unique names, each a schema that may refer to the others (see {@link Refs}). */
export function componentsArb(v: Version, maxDepth = 3): fc.Arbitrary<Record<string, JsonObject>> {
  return fc.uniqueArray(fc.constantFrom(...COMPONENT_NAMES), { minLength: 1, maxLength: 6 }).chain((names) =>
    fc
      .tuple(
        fc.tuple(...names.map((_, i) => schemaArb(v, { all: names, lower: names.slice(0, i) }, maxDepth))),
        fc.option(discriminatedArb(v, 'Disc'), { nil: undefined }),
      )
      .map(([schemas, disc]) => {
        const out: Record<string, JsonObject> = {};
        names.forEach((name, i) => {
          out[name] = schemas[i]!;
        });
        return { ...out, ...(disc ?? {}) };
      }),
  );
}

const SEGMENTS = ['pets', 'store', 'users', 'a-b', 'v1', 'items.json', 'ümlaut', 'class'];
const PARAM_NAMES = ['id', 'pet_id', 'petId', 'class', 'user-name', 'x.y', 'ID'];

/** Operations over 1–5 paths, referring to the given components. */
function pathsArb(v: Version, components: readonly string[]): fc.Arbitrary<JsonObject> {
  const schema = (guarded: boolean) => schemaArb(v, { all: components, lower: components }, 2, guarded);
  const paramSchema = fc.oneof(
    leaf(v).filter((s) => s.type !== 'null' && s.format !== 'binary' && s.contentMediaType === undefined),
    fc.constant({ type: 'array', items: { type: 'string' } }),
  );
  const operation = fc.record(
    {
      tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 2 }),
      summary: text,
      deprecated: fc.boolean(),
      query: fc.uniqueArray(
        fc.tuple(
          propertyName.filter((n) => n !== ''),
          paramSchema,
          fc.boolean(),
        ),
        { maxLength: 3, selector: (q) => q[0] },
      ),
      header: fc.option(fc.constantFrom('X-Request-Id', 'If-Match', 'x-odd_header'), { nil: undefined }),
      body: fc.option(
        fc.tuple(
          fc.constantFrom('application/json', 'multipart/form-data', 'application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream'),
          schema(false),
          fc.boolean(),
        ),
        { nil: undefined },
      ),
      responses: fc.uniqueArray(
        fc.tuple(
          fc.constantFrom('200', '201', '202', '204', '301', '400', '404', '422', '500', 'default', '2XX', '4XX'),
          fc.option(schema(false), { nil: undefined }),
          fc.constantFrom('application/json', 'text/plain', 'application/problem+json', '*/*'),
        ),
        { minLength: 1, maxLength: 4, selector: (r) => r[0] },
      ),
    },
    { requiredKeys: ['tags', 'query', 'responses', 'deprecated'] },
  );
  const pathArb = fc
    .tuple(fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 3 }), fc.uniqueArray(fc.constantFrom(...PARAM_NAMES), { maxLength: 2 }))
    .map(([segments, params]) => ({ path: `/${[...segments, ...params.map((p) => `{${p}}`)].join('/')}`, params }));
  return fc
    .uniqueArray(fc.tuple(pathArb, fc.uniqueArray(fc.constantFrom('get', 'post', 'put', 'patch', 'delete'), { minLength: 1, maxLength: 3 })), {
      minLength: 1,
      maxLength: 5,
      selector: ([p]) => p.path.replace(/\{[^}]+\}/g, '{}'),
    })
    .chain((entries) => {
      const count = entries.reduce((n, [, methods]) => n + methods.length, 0);
      return fc.tuple(
        fc.constant(entries),
        fc.array(operation, { minLength: count, maxLength: count }),
        // operationId prefixes; the index keeps them unique (`0`, `class1`, `get-thing2`, …).
        fc.array(fc.constantFrom('', 'op', 'get-thing_', 'class', 'delete', 'Ünï', 'a.b', 'list pets '), { minLength: count, maxLength: count }),
      );
    })
    .map(([es, ops, prefixes]) => {
      const paths: JsonObject = {};
      let k = 0;
      for (const [{ path, params }, methods] of es) {
        const item: JsonObject = {};
        for (const method of methods) {
          const op = ops[k]!;
          const operationId = `${prefixes[k]}${k}`;
          k++;
          const parameters: Json[] = [
            ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: name.toLowerCase().includes('id') ? 'integer' : 'string' } })),
            ...op.query.map(([name, s, required]) => ({ name, in: 'query', required, schema: s })),
            ...(op.header ? [{ name: op.header, in: 'header', schema: { type: 'string' } }] : []),
          ];
          const responses: JsonObject = {};
          for (const [status, s, media] of op.responses) {
            responses[status] =
              s === undefined || status === '204' || status === '301'
                ? { description: 'No body' }
                : { description: `Status ${status}`, content: { [media]: { schema: s } } };
          }
          const operation: JsonObject = { operationId, responses };
          if (op.tags.length > 0) operation.tags = op.tags;
          if (op.summary !== undefined) operation.summary = op.summary;
          if (op.deprecated) operation.deprecated = true;
          if (parameters.length > 0) operation.parameters = parameters;
          if (op.body !== undefined && method !== 'get' && method !== 'delete') {
            const [media, s, required] = op.body;
            operation.requestBody = {
              required,
              content: { [media]: { schema: media === 'application/octet-stream' ? { type: 'string', format: 'binary' } : s } },
            };
          }
          item[method] = operation;
        }
        paths[path] = item;
      }
      return paths;
    });
}

/** A whole valid document of version `v`. */
export function documentArb(v: Version): fc.Arbitrary<JsonObject> {
  return componentsArb(v).chain((schemas) =>
    pathsArb(v, Object.keys(schemas)).map((paths) => ({
      openapi: v === '3.0' ? '3.0.3' : '3.1.0',
      info: { title: 'Fuzz API', version: '1.0.0' },
      paths,
      components: { schemas },
    })),
  );
}

/** Either version. */
export const anyDocumentArb = fc.constantFrom<Version>('3.0', '3.1').chain((v) => documentArb(v));

/**
 * An invalid (or at least suspicious) document: a valid one with one mutation — a value replaced by
 * random JSON, a key deleted, a dangling `$ref`, a wrong version, a `$ref` cycle — or random JSON.
 */
export const invalidDocumentArb: fc.Arbitrary<Json> = fc.oneof(
  fc.tuple(anyDocumentArb, fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>).map(([doc, a, b, value]) => mutate(doc, a, b, value)),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    { openapi: '2.0', info: { title: 'x', version: '1' }, paths: {} },
    { swagger: '2.0', info: { title: 'x', version: '1' }, paths: {} },
    { openapi: '3.2.0', info: { title: 'x', version: '1' }, paths: {} },
    { openapi: '3.0.3' },
    { openapi: 3.1, info: { title: 'x', version: '1' }, paths: {} },
    {
      openapi: '3.1.0',
      info: { title: 'x', version: '1' },
      components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } } },
    },
    { openapi: '3.1.0', info: { title: 'x', version: '1' }, components: { schemas: { A: { $ref: '#/components/schemas/Missing' } } } },
    { openapi: '3.0.3', info: { title: 'x', version: '1' }, paths: { '/a/{id}': { get: { responses: { 200: { description: 'ok' } } } } } },
    {
      openapi: '3.0.3',
      info: { title: 'x', version: '1' },
      paths: { '/a': { get: { operationId: 'x', responses: {} }, post: { operationId: 'x', responses: {} } } },
    },
  ),
);

function mutate(doc: JsonObject, a: number, b: number, value: Json): Json {
  const copy = structuredClone(doc) as Json;
  // Every container in the document, in a stable order.
  const containers: Array<JsonObject | Json[]> = [];
  const walk = (node: Json): void => {
    if (node === null || typeof node !== 'object') return;
    containers.push(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) walk(child);
  };
  walk(copy);
  const target = containers[a % containers.length]!;
  const keys = Array.isArray(target) ? target.map((_, i) => String(i)) : Object.keys(target);
  const kind = b % 4;
  if (kind === 0 && keys.length > 0) {
    const key = keys[b % keys.length]!;
    if (Array.isArray(target)) target[Number(key)] = value;
    else target[key] = value;
  } else if (kind === 1 && keys.length > 0 && !Array.isArray(target)) {
    delete target[keys[b % keys.length]!];
  } else if (kind === 2 && !Array.isArray(target)) {
    target.$ref = b % 2 ? '#/components/schemas/DoesNotExist' : './missing-file.yaml#/x';
  } else if (!Array.isArray(target)) {
    target.type = value as Json;
  }
  return copy;
}
