import { describe, expect, it } from 'vitest';
import { obj, readSpec } from './helpers.js';

/**
 * `x-poll` on an operation that starts work (spec/README.md, "Extensions"): the status read to repeat, where its
 * status is, and the documented values that end the wait. The generator emits a `…AndPoll` method from it. The check
 * here refuses an `x-poll` that names no GET of the spec, a field its 200 body does not have, a terminal value the
 * spec does not document for that field (enum, const or examples: no terminal status is invented), or leaves a path
 * parameter of the status read without a value.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Found {
  where: string;
  pathItem: Record<string, unknown>;
  op: Record<string, unknown>;
}

function operations(spec: Record<string, unknown>): Array<Found & { method: string }> {
  const out: Array<Found & { method: string }> = [];
  for (const [p, item] of Object.entries(obj(spec.paths ?? {}, 'paths'))) {
    const pathItem = obj(item, p);
    for (const m of METHODS)
      if (pathItem[m] !== undefined)
        out.push({
          where: `${m.toUpperCase()} ${p}`,
          method: m,
          pathItem,
          op: obj(pathItem[m], p),
        });
  }
  return out;
}

/** Follows `$ref`s to components (`#/components/<kind>/<name>`). */
function deref(spec: Record<string, unknown>, value: unknown): Record<string, unknown> {
  let v = obj(value, 'value');
  for (let guard = 0; typeof v.$ref === 'string' && guard < 20; guard++) {
    const [, , kind, name] = v.$ref.split('/');
    v = obj(obj(obj(spec.components, 'components')[kind ?? ''], kind ?? '')[name ?? ''], v.$ref);
  }
  return v;
}

/** The schema a JSON pointer reaches through `properties` (and `allOf` members), or undefined. */
function schemaAt(spec: Record<string, unknown>, root: unknown, pointer: string) {
  let cur: Record<string, unknown> | undefined = deref(spec, root);
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const members: unknown[] = cur && Array.isArray(cur.allOf) ? cur.allOf : cur ? [cur] : [];
    let found: Record<string, unknown> | undefined;
    for (const m of members) {
      const props = deref(spec, m).properties;
      if (props !== undefined && token in obj(props, 'properties')) found = deref(spec, obj(props, 'properties')[token]);
    }
    cur = found;
  }
  return cur;
}

/** The values a schema documents: `enum`, `const` and `examples`, also inside `anyOf`/`oneOf` members. */
function documentedValues(spec: Record<string, unknown>, schema: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  if (Array.isArray(schema.enum)) out.push(...schema.enum);
  if (schema.const !== undefined) out.push(schema.const);
  if (Array.isArray(schema.examples)) out.push(...schema.examples);
  for (const k of ['anyOf', 'oneOf']) if (Array.isArray(schema[k])) for (const m of schema[k] as unknown[]) out.push(...documentedValues(spec, deref(spec, m)));
  return out;
}

/** The required path parameters of an operation (path-item and operation parameters), by name. */
function pathParams(spec: Record<string, unknown>, found: Found): string[] {
  const all = [...((found.pathItem.parameters as unknown[]) ?? []), ...((found.op.parameters as unknown[]) ?? [])].map((p) => deref(spec, p));
  return all.filter((p) => p.in === 'path').map((p) => String(p.name));
}

/** A value `x-poll.parameters` may give: a supported runtime expression, or a constant. */
const EXPRESSION = /^\$(request\.(path|query|header)\.[A-Za-z0-9_.-]+|request\.body#(\/.*)?|response\.body#(\/.*)?)$/;

/** What is wrong with every `x-poll` of `spec`, as messages (empty when nothing is). */
function pollProblems(spec: Record<string, unknown>): string[] {
  const ops = operations(spec);
  const problems: string[] = [];
  for (const start of ops) {
    const raw = start.op['x-poll'];
    if (raw === undefined) continue;
    const at = `${start.where} x-poll`;
    const x = obj(raw, at);
    const read = ops.find((o) => o.op.operationId === x.operationId);
    if (read === undefined) {
      problems.push(`${at}: operationId ${String(x.operationId)} is no operation of the spec`);
      continue;
    }
    if (read.method !== 'get') problems.push(`${at}: the status read ${read.where} is not a GET`);
    const ok = obj(read.op.responses, 'responses')['200'];
    const body = ok === undefined ? undefined : obj(obj(deref(spec, ok).content ?? {}, 'content')['application/json'] ?? {}, 'json').schema;
    const field = typeof x.field === 'string' ? x.field : '';
    const status = body === undefined ? undefined : schemaAt(spec, body, field);
    if (!field.startsWith('/') || status === undefined) {
      problems.push(`${at}: field ${JSON.stringify(x.field)} is not in the 200 JSON body of ${read.where}`);
    }
    const terminal = Array.isArray(x.terminal) ? x.terminal : [];
    if (terminal.length === 0) problems.push(`${at}: terminal lists no value`);
    if (status !== undefined) {
      const known = documentedValues(spec, status);
      for (const t of terminal) if (!known.includes(t)) problems.push(`${at}: terminal value ${JSON.stringify(t)} is not documented for ${field}`);
    }
    const given = obj(x.parameters ?? {}, `${at} parameters`);
    const startParams = pathParams(spec, start);
    for (const name of pathParams(spec, read)) {
      const value = given[name];
      if (value === undefined && !startParams.includes(name)) problems.push(`${at}: path parameter ${name} of ${read.where} has no value`);
    }
    for (const [name, value] of Object.entries(given))
      if (typeof value === 'string' && value.startsWith('$') && !EXPRESSION.test(value))
        problems.push(`${at}: parameter ${name}: unsupported expression ${value}`);
    for (const key of ['intervalMs', 'timeoutMs'])
      if (x[key] !== undefined && !(typeof x[key] === 'number' && x[key] >= 0)) problems.push(`${at}: ${key} must be a number ≥ 0`);
  }
  return problems;
}

/** A small document with a load that starts by PUT and is read by GET, its status documented as an enum. */
function fixture(poll: Record<string, unknown>, status: Record<string, unknown> = {}) {
  return {
    paths: {
      '/loads/{load_id}': {
        parameters: [{ name: 'load_id', in: 'path', required: true, schema: { type: 'integer' } }],
        get: {
          operationId: 'retrieveLoad',
          responses: {
            '200': {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Load' } } },
            },
          },
        },
      },
      '/loads/{load_id}/run': {
        parameters: [{ name: 'load_id', in: 'path', required: true, schema: { type: 'integer' } }],
        put: { operationId: 'runLoad', 'x-poll': poll, responses: { '200': {} } },
      },
    },
    components: {
      schemas: {
        Load: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['queued', 'running', 'done', 'failed'], ...status },
          },
        },
      },
    },
  };
}

describe('x-poll', () => {
  it('accepts a status read by GET, a field of its body and documented terminal values', () => {
    expect(pollProblems(fixture({ operationId: 'retrieveLoad', field: '/status', terminal: ['done', 'failed'] }))).toEqual([]);
    expect(
      pollProblems(
        fixture({
          operationId: 'retrieveLoad',
          parameters: { load_id: '$request.path.load_id' },
          field: '/status',
          terminal: ['done'],
          intervalMs: 2000,
          timeoutMs: 0,
        }),
      ),
    ).toEqual([]);
  });

  it('refuses what it cannot emit a method for, and a terminal value the spec does not document', () => {
    expect(
      pollProblems(
        fixture({
          operationId: 'runLoad',
          field: '/state',
          terminal: ['finished'],
          intervalMs: -1,
        }),
      ),
    ).toEqual([
      'PUT /loads/{load_id}/run x-poll: the status read PUT /loads/{load_id}/run is not a GET',
      'PUT /loads/{load_id}/run x-poll: field "/state" is not in the 200 JSON body of PUT /loads/{load_id}/run',
      'PUT /loads/{load_id}/run x-poll: intervalMs must be a number ≥ 0',
    ]);
    expect(pollProblems(fixture({ operationId: 'retrieveLoad', field: '/status', terminal: ['finished'] }))).toEqual([
      'PUT /loads/{load_id}/run x-poll: terminal value "finished" is not documented for /status',
    ]);
    // A status without documented values (the Improvado case): any terminal value would be invented.
    expect(pollProblems(fixture({ operationId: 'retrieveLoad', field: '/status', terminal: ['done'] }, { enum: undefined }))).toEqual([
      'PUT /loads/{load_id}/run x-poll: terminal value "done" is not documented for /status',
    ]);
    expect(
      pollProblems(
        fixture({
          operationId: 'retrieveLoad',
          parameters: { load_id: '$response.header.Location' },
          field: '/status',
          terminal: [],
        }),
      ),
    ).toEqual([
      'PUT /loads/{load_id}/run x-poll: terminal lists no value',
      'PUT /loads/{load_id}/run x-poll: parameter load_id: unsupported expression $response.header.Location',
    ]);
    expect(pollProblems(fixture({ operationId: 'nope', field: '/status', terminal: ['done'] }))).toEqual([
      'PUT /loads/{load_id}/run x-poll: operationId nope is no operation of the spec',
    ]);
  });

  it('a status read needs a value for each of its path parameters', () => {
    const spec = fixture({ operationId: 'retrieveLoad', field: '/status', terminal: ['done'] });
    const run = spec.paths['/loads/{load_id}/run'];
    const moved = { '/loads/start': { put: run.put } };
    const started = {
      ...spec,
      paths: { '/loads/{load_id}': spec.paths['/loads/{load_id}'], ...moved },
    };
    expect(pollProblems(started)).toEqual(['PUT /loads/start x-poll: path parameter load_id of GET /loads/{load_id} has no value']);
    const withValue = structuredClone(started);
    (withValue.paths['/loads/start'].put['x-poll'] as Record<string, unknown>).parameters = {
      load_id: '$response.body#/id',
    };
    expect(pollProblems(withValue)).toEqual([]);
  });

  it('spec/openapi.yaml has none: the docs state no terminal status (load, extract, build, connection)', () => {
    const spec = readSpec();
    const polls = operations(spec).filter((o) => o.op['x-poll'] !== undefined);
    expect(polls.map((o) => o.where)).toEqual([]);
    expect(pollProblems(spec)).toEqual([]);
    // The statuses a wait would read have no documented values to end it on.
    const schemas = obj(obj(spec.components, 'components').schemas, 'schemas');
    for (const [schema, field] of [
      ['Load', 'status'],
      ['Extract', 'status'],
      ['DestinationConnection', 'status'],
      ['AutomatedRecipeBuildResponse', 'status'],
    ] as const) {
      const prop = deref(spec, obj(obj(schemas[schema], schema).properties, schema)[field]);
      expect(documentedValues(spec, prop), `${schema}.${field}`).toEqual([]);
    }
  });
});
