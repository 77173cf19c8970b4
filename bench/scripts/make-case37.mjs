#!/usr/bin/env node
/**
 * Builds the very large synthetic spec of case 37 ("case 37 synthetic" in bench/RESULTS.md), deterministically
 * from a seed: about 5,000 component schemas with random cross-references, about 2,000 operations,
 * allOf chains 10 deep, a few hundred self- and mutually-recursive schemas, large enums, and
 * discriminated unions.
 *
 * Usage: node bench/scripts/make-case37.mjs [--seed 37] [--scale 1] [--graph layered|random]
 *   [--out bench/.cache/case37.json]
 * Prints one JSON line: { file, bytes, schemas, operations, sha256 }.
 *
 * The same seed and scale give the same bytes (checked by bench/test/case37.test.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** mulberry32: a small, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'account',
  'action',
  'address',
  'agent',
  'alert',
  'amount',
  'app',
  'archive',
  'asset',
  'audit',
  'balance',
  'batch',
  'billing',
  'branch',
  'bucket',
  'build',
  'cache',
  'campaign',
  'card',
  'channel',
  'check',
  'cluster',
  'comment',
  'config',
  'contact',
  'container',
  'cost',
  'credit',
  'customer',
  'dataset',
  'deploy',
  'device',
  'domain',
  'event',
  'export',
  'feature',
  'file',
  'filter',
  'flow',
  'folder',
  'gateway',
  'group',
  'hook',
  'image',
  'import',
  'incident',
  'invoice',
  'issue',
  'job',
  'key',
  'label',
  'ledger',
  'license',
  'link',
  'log',
  'member',
  'metric',
  'monitor',
  'network',
  'node',
  'note',
  'order',
  'org',
  'package',
  'page',
  'payment',
  'pipeline',
  'plan',
  'policy',
  'pool',
  'price',
  'project',
  'queue',
  'quota',
  'record',
  'region',
  'release',
  'report',
  'repo',
  'role',
  'route',
  'rule',
  'run',
  'schedule',
  'secret',
  'segment',
  'server',
  'session',
  'site',
  'snapshot',
  'source',
  'stage',
  'subscription',
  'tag',
  'task',
  'team',
  'template',
  'tenant',
  'ticket',
  'token',
  'topic',
  'trigger',
  'usage',
  'user',
  'vault',
  'version',
  'volume',
  'webhook',
  'worker',
  'zone',
];
/** Property names a generator must quote or escape. */
const ODD_NAMES = [
  'kebab-case',
  'with space',
  '123start',
  'class',
  'default',
  'delete',
  'constructor',
  '__proto__',
  '@type',
  'a.b',
  'x-ext',
  'ÜNICODE',
  'enum',
  'new',
  'typeof',
  'null',
  'in',
  "it's",
  'back\\slash',
  '"quoted"',
  '*/ comment',
  '${template}',
];
/** Enum strings that are hard to turn into identifiers or literals. */
const ODD_ENUM = [
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
  '${x}',
  'ümlaut',
  '😀',
  'A',
  'a',
  'x-y_z',
  '__proto__',
  'constructor',
];
const FORMATS = ['date-time', 'date', 'uuid', 'email', 'uri', 'int64', 'int32', 'double', 'byte', 'password'];

/** Builds the document. Pure: same (seed, scale) → same object. */
export function makeCase37({ seed = 37, scale = 1, graph = 'layered' } = {}) {
  const rand = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  const n = (x) => Math.max(1, Math.round(x * scale));

  const counts = {
    enums: n(200),
    chains: n(100), // each chain is CHAIN_DEPTH schemas
    selfRecursive: n(100),
    mutualGroups: n(60), // groups of 2–5 schemas referring to each other in a cycle
    variants: n(300),
    unions: n(100),
    plain: n(3080),
    resources: n(400), // five operations each
  };
  const CHAIN_DEPTH = 10;
  const schemas = {};
  const names = { enums: [], chainTips: [], chainAll: [], recursive: [], variants: [], unions: [], plain: [] };

  const word = () => pick(WORDS);
  const pascal = (s) => s.replace(/(^|[-_ ])(\w)/g, (_, __, c) => c.toUpperCase());

  // Large enums: 20–600 values; a few odd strings in some; a few integer enums.
  for (let i = 0; i < counts.enums; i++) {
    const name = `${pascal(word())}Enum${i}`;
    if (i % 10 === 9) {
      const values = Array.from({ length: int(5, 60) }, (_, k) => k * 10 - 100);
      schemas[name] = { type: 'integer', enum: values, description: `Integer enum ${i}` };
    } else {
      const size = i % 20 === 0 ? int(400, 600) : int(20, 120);
      const values = new Set();
      for (let k = 0; k < size; k++) values.add(`${word()}_${word()}_${k}`);
      if (i % 7 === 0) for (const odd of ODD_ENUM) values.add(odd);
      schemas[name] = { type: 'string', enum: [...values], ...(chance(0.2) ? { nullable: true } : {}) };
    }
    names.enums.push(name);
  }

  // Every schema after this point may reference any other by name; refs are drawn after all names
  // are known, so forward references are common (as in real specs).
  for (let c = 0; c < counts.chains; c++) {
    const base = `${pascal(word())}Chain${c}`;
    for (let d = 0; d < CHAIN_DEPTH; d++) names.chainAll.push(`${base}L${d}`);
    names.chainTips.push(`${base}L${CHAIN_DEPTH - 1}`);
  }
  for (let i = 0; i < counts.selfRecursive; i++) names.recursive.push(`${pascal(word())}Tree${i}`);
  const mutual = [];
  for (let g = 0; g < counts.mutualGroups; g++) {
    const size = int(2, 5);
    const group = Array.from({ length: size }, (_, k) => `${pascal(word())}Cycle${g}M${k}`);
    mutual.push(group);
    names.recursive.push(...group);
  }
  for (let i = 0; i < counts.variants; i++) names.variants.push(`${pascal(word())}Variant${i}`);
  for (let i = 0; i < counts.unions; i++) names.unions.push(`${pascal(word())}Union${i}`);
  for (let i = 0; i < counts.plain; i++) names.plain.push(`${pascal(word())}${pascal(word())}${i}`);

  const allTargets = [...names.plain, ...names.enums, ...names.chainTips, ...names.recursive, ...names.unions];
  const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
  /**
   * What a schema may refer to. `layered` (the default): plain schema i refers only to enums and to
   * plain schemas before it, so the reference graph outside the recursive groups is a DAG whose longest
   * path stays short (~100), as in real specs. `random`: anything refers to anything; the longest
   * reference path then runs through thousands of schemas, and @redocly/openapi-core's recursive walker
   * (openapi-typescript 7.13.0's and ours) overflows the stack on it: a robustness case, not a bench.
   */
  const poolFor = (plainIndex) => {
    if (graph === 'random') return allTargets;
    if (plainIndex <= 0) return names.enums;
    return { length: plainIndex + names.enums.length, at: (k) => (k < plainIndex ? names.plain[k] : names.enums[k - plainIndex]) };
  };
  const pickFrom = (pool) => (Array.isArray(pool) ? pick(pool) : pool.at(Math.floor(rand() * pool.length)));
  let pool = poolFor(0);
  const refTo = () => ref(pickFrom(pool));

  /** A random property schema: primitive, format, array, map, or a reference. */
  const propSchema = (depth = 0) => {
    const r = rand();
    if (r < 0.3) return refTo();
    if (r < 0.45) return { type: 'string', ...(chance(0.5) ? { format: pick(FORMATS.slice(0, 5)) } : {}) };
    if (r < 0.55) return { type: 'integer', ...(chance(0.5) ? { format: pick(['int32', 'int64']) } : {}), ...(chance(0.3) ? { minimum: 0 } : {}) };
    if (r < 0.6) return { type: 'number', format: 'double' };
    if (r < 0.67) return { type: 'boolean', ...(chance(0.3) ? { default: false } : {}) };
    if (r < 0.77) return { type: 'array', items: chance(0.6) ? refTo() : { type: 'string' } };
    if (r < 0.82) return { type: 'object', additionalProperties: chance(0.5) ? refTo() : { type: 'string' } };
    if (r < 0.86) return { type: 'string', nullable: true, description: 'Nullable string.' };
    if (r < 0.9 && depth < 2) return inlineObject(depth + 1);
    if (r < 0.94) return { oneOf: [refTo(), refTo()] };
    return { type: 'string', enum: [word(), word(), `${word()}-${word()}`].filter((v, i, a) => a.indexOf(v) === i) };
  };
  const inlineObject = (depth) => {
    const properties = {};
    const count = int(1, 4);
    for (let k = 0; k < count; k++) properties[`${word()}_${k}`] = propSchema(depth);
    return { type: 'object', properties, required: Object.keys(properties).slice(0, 1) };
  };
  const objectSchema = (min, max, extra = {}) => {
    const properties = {};
    const count = int(min, max);
    for (let k = 0; k < count; k++) {
      const key = chance(0.04) ? pick(ODD_NAMES) : `${word()}_${word()}`;
      // defineProperty: `__proto__` must become an own key, not the prototype.
      Object.defineProperty(properties, key, { value: propSchema(), enumerable: true, writable: true, configurable: true });
    }
    const keys = Object.keys(properties);
    const required = keys.filter(() => chance(0.4));
    return {
      type: 'object',
      ...(chance(0.5) ? { description: `The ${word()} of a ${word()}.` } : {}),
      properties,
      ...(required.length > 0 ? { required } : {}),
      ...extra,
    };
  };

  // Plain objects first (in the layered graph they are the DAG everything else hangs from).
  names.plain.forEach((name, i) => {
    pool = poolFor(i);
    const r = rand();
    if (r < 0.05 && i > 0) schemas[name] = { allOf: [refTo(), objectSchema(1, 3)] };
    else if (r < 0.08 && i > 0) schemas[name] = { anyOf: [refTo(), { type: 'string' }] };
    else if (r < 0.1 && i > 0) schemas[name] = { type: 'array', items: refTo() };
    else schemas[name] = objectSchema(3, 15, chance(0.1) ? { additionalProperties: true } : {});
  });
  pool = poolFor(names.plain.length);

  // allOf chains 10 deep: L0 is an object; Lk = allOf [Lk-1, own properties].
  for (let c = 0; c < counts.chains; c++) {
    const base = names.chainAll[c * CHAIN_DEPTH].replace(/L0$/, '');
    schemas[`${base}L0`] = objectSchema(2, 6);
    for (let d = 1; d < CHAIN_DEPTH; d++) {
      schemas[`${base}L${d}`] = { allOf: [ref(`${base}L${d - 1}`), objectSchema(1, 4)] };
    }
  }
  // Self-recursive: trees and linked lists.
  for (const name of names.recursive.slice(0, counts.selfRecursive)) {
    schemas[name] = objectSchema(1, 4);
    schemas[name].properties.children = { type: 'array', items: ref(name) };
    schemas[name].properties.parent = { ...ref(name) };
    if (chance(0.5)) schemas[name].properties.next = { type: 'object', allOf: [ref(name)], nullable: true };
  }
  // Mutual recursion: each member refers to the next; the last to the first.
  for (const group of mutual) {
    group.forEach((name, k) => {
      schemas[name] = objectSchema(1, 4);
      schemas[name].properties.link = ref(group[(k + 1) % group.length]);
      if (chance(0.5)) schemas[name].properties.links = { type: 'array', items: ref(group[(k + 1) % group.length]) };
    });
  }
  // Variants carry a `kind` discriminator with one value each; unions pick 2–5 of them.
  names.variants.forEach((name) => {
    const schema = objectSchema(1, 5);
    schema.properties = { kind: { type: 'string', enum: [name] }, ...schema.properties };
    schema.required = ['kind', ...(schema.required ?? []).filter((k) => k !== 'kind')];
    schemas[name] = schema;
  });
  names.unions.forEach((name) => {
    const members = new Set();
    const size = int(2, 5);
    while (members.size < size) members.add(pick(names.variants));
    const list = [...members];
    schemas[name] = {
      oneOf: list.map(ref),
      discriminator: {
        propertyName: 'kind',
        mapping: Object.fromEntries(list.map((m) => [m, `#/components/schemas/${m}`])),
      },
    };
  });
  // Responses and parameters shared by all operations.
  schemas.Error = {
    type: 'object',
    required: ['code', 'message'],
    properties: { code: { type: 'integer' }, message: { type: 'string' }, details: { type: 'array', items: { type: 'string' } } },
  };
  const components = {
    schemas,
    parameters: {
      Limit: { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
      Cursor: { name: 'cursor', in: 'query', schema: { type: 'string' } },
    },
    responses: {
      Error: { description: 'Error', content: { 'application/json': { schema: ref('Error') } } },
    },
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
  };

  // ~2,000 operations: 400 resources × (list, create, retrieve, update, delete); ~60 tags.
  const tags = Array.from({ length: Math.min(60, counts.resources) }, (_, i) => `${word()}${i}`);
  const paths = {};
  const bodyTargets = [...names.plain, ...names.chainTips, ...names.unions, ...names.recursive];
  for (let i = 0; i < counts.resources; i++) {
    const res = `${word()}s${i}`;
    const tag = tags[i % tags.length];
    const itemSchema = pick(bodyTargets);
    const bodySchema = pick(bodyTargets);
    const json = (schema) => ({ 'application/json': { schema } });
    const ok = (schema, description = 'OK') => ({ description, content: json(schema) });
    const errors = { 400: { $ref: '#/components/responses/Error' }, default: { $ref: '#/components/responses/Error' } };
    const idParam = { name: `${res}_id`, in: 'path', required: true, schema: { type: 'string' } };
    const filter = chance(0.5)
      ? [{ name: 'status', in: 'query', schema: ref(pick(names.enums)) }]
      : [{ name: 'tags', in: 'query', style: 'form', explode: true, schema: { type: 'array', items: { type: 'string' } } }];
    paths[`/v1/${res}`] = {
      get: {
        operationId: `list_${res}`,
        tags: [tag],
        summary: `List ${res}`,
        parameters: [{ $ref: '#/components/parameters/Limit' }, { $ref: '#/components/parameters/Cursor' }, ...filter],
        responses: {
          200: ok({
            type: 'object',
            required: ['data'],
            properties: { data: { type: 'array', items: ref(itemSchema) }, next_cursor: { type: 'string', nullable: true } },
          }),
          ...errors,
        },
      },
      post: {
        operationId: `create_${res}`,
        tags: [tag],
        summary: `Create a ${res} item`,
        requestBody: { required: true, content: json(ref(bodySchema)) },
        responses: { 201: ok(ref(itemSchema), 'Created'), ...errors },
      },
    };
    paths[`/v1/${res}/{${res}_id}`] = {
      parameters: [idParam],
      get: {
        operationId: `get_${res}`,
        tags: [tag],
        summary: `Retrieve a ${res} item`,
        responses: { 200: ok(ref(itemSchema)), 404: { $ref: '#/components/responses/Error' } },
      },
      patch: {
        operationId: `update_${res}`,
        tags: [tag],
        summary: `Update a ${res} item`,
        requestBody: { content: json(ref(bodySchema)) },
        responses: { 200: ok(ref(itemSchema)), ...errors },
      },
      delete: { operationId: `delete_${res}`, tags: [tag], summary: `Delete a ${res} item`, responses: { 204: { description: 'Deleted' }, ...errors } },
    };
  }

  return {
    openapi: '3.0.3',
    info: { title: 'Case 37 synthetic API', version: '1.0.0', description: `Synthetic very large spec, seed ${seed}, scale ${scale}.` },
    servers: [{ url: 'https://api.example.com' }],
    security: [{ bearer: [] }],
    tags: tags.map((name) => ({ name, description: `Operations on ${name}.` })),
    paths,
    components,
  };
}

export function countOperations(doc) {
  let count = 0;
  for (const item of Object.values(doc.paths)) {
    for (const key of Object.keys(item)) if (['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'].includes(key)) count++;
  }
  return count;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '37' },
      scale: { type: 'string', default: '1' },
      graph: { type: 'string', default: 'layered' },
      out: { type: 'string', default: path.join(here, '../.cache/case37.json') },
    },
  });
  const doc = makeCase37({ seed: Number(values.seed), scale: Number(values.scale), graph: values.graph });
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  mkdirSync(path.dirname(values.out), { recursive: true });
  writeFileSync(values.out, text);
  console.log(
    JSON.stringify({
      file: values.out,
      bytes: Buffer.byteLength(text),
      schemas: Object.keys(doc.components.schemas).length,
      operations: countOperations(doc),
      sha256: createHash('sha256').update(text).digest('hex'),
    }),
  );
}
