import { describe, expect, it } from 'vitest';
import { build, buildErrors, fixture, op } from './helpers.js';

describe('x-poll (rules/poll fixture)', () => {
  const { api, diagnostics } = build(fixture('rules/poll'));

  it('builds without diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('a path parameter of the start, the terminal values and the default pause', () => {
    expect(op(api, 'runLoad').poll).toEqual({
      operationId: 'retrieveLoad',
      arguments: [{ name: 'load_id', value: { source: 'parameter', name: 'load_id', in: 'path' }, expression: '$request.path.load_id', mayBeUndefined: false }],
      field: '/status',
      fieldSteps: [{ name: 'status', optional: false }],
      terminal: ['done', 'failed'],
      intervalMs: 2000,
      pointer: '#/paths/~1loads~1{load_id}~1run/put/x-poll',
    });
  });

  it('$response.body, a query parameter, a constant and an optional request-body property; a field through a nullable object', () => {
    const poll = op(api, 'createExport').poll;
    expect(poll?.arguments.map((a) => [a.name, a.value])).toEqual([
      ['job_id', { source: 'response-body', steps: [{ name: 'job_id', optional: false }] }],
      ['workspace_id', { source: 'parameter', name: 'workspace_id', in: 'query' }],
      ['include', { source: 'constant', value: 'progress' }],
      [
        'label',
        {
          source: 'request-body',
          steps: [
            { name: 'options', optional: false },
            { name: 'label', optional: true },
          ],
        },
      ],
    ]);
    // The label may be absent (an optional property): the read leaves it out then; the others are always there.
    expect(poll?.arguments.map((a) => [a.name, a.mayBeUndefined])).toEqual([
      ['job_id', false],
      ['workspace_id', false],
      ['include', false],
      ['label', true],
    ]);
    expect(op(api, 'createImport').poll?.arguments.map((a) => [a.name, a.mayBeUndefined])).toEqual([
      ['import_id', false],
      ['trace', true],
      ['note', true],
    ]);
    expect(poll?.fieldSteps).toEqual([
      { name: 'progress', optional: false },
      { name: 'phase', optional: true },
    ]);
    expect(poll).toMatchObject({ timeoutMs: 60000, intervalMs: 500 });
    expect(op(api, 'retrieveJob').poll).toBeUndefined();
  });
});

/** A start (`POST /loads/{load_id}/run`) and a status read (`GET /loads/{load_id}`); `extra` adds paths. */
const doc = (poll: string, extra = '') => `openapi: 3.1.0
info: { title: t, version: "1" }
paths:
  /loads/{load_id}/run:
    post:
      operationId: runLoad
      x-poll: ${poll}
      parameters:
        - { name: load_id, in: path, required: true, schema: { type: integer } }
        - { name: note, in: query, schema: { type: string } }
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { ref: { type: string } } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { id: { type: [integer, "null"] } } }
  /loads/{load_id}:
    get:
      operationId: retrieveLoad
      parameters:
        - { name: load_id, in: path, required: true, schema: { type: integer } }
        - { name: view, in: query, schema: { type: string, enum: [short, full] } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  status: { type: string, enum: [queued, done, failed] }
                  count: { type: integer }
                  result: { oneOf: [{ type: object, properties: { state: { type: string } } }, { type: string }] }
${extra}`;

const errors = (poll: string, extra = '') =>
  buildErrors(doc(poll, extra))
    .filter((d) => d.severity === 'error')
    .map((d) => [d.code, d.pointer, d.message]);

const AT = '#/paths/~1loads~1{load_id}~1run/post/x-poll';

describe('x-poll validation: one error per key that is wrong, at its pointer', () => {
  it('a minimal x-poll: the path parameter of the same name is taken', () => {
    const { api, diagnostics } = build(doc('{ operationId: retrieveLoad, field: /status, terminal: [done] }'));
    expect(diagnostics).toEqual([]);
    expect(op(api, 'runLoad').poll?.arguments).toEqual([
      { name: 'load_id', value: { source: 'parameter', name: 'load_id', in: 'path' }, expression: '$request.path.load_id', mayBeUndefined: false },
    ]);
  });

  it('not an object, an unknown operationId', () => {
    expect(errors('[retrieveLoad]')).toEqual([
      ['model/poll', AT, 'x-poll must be an object (operationId, parameters, field, terminal, intervalMs, timeoutMs)'],
    ]);
    expect(errors('{ operationId: readLoad, field: /status, terminal: [done] }')).toEqual([
      ['model/poll', `${AT}/operationId`, 'x-poll.operationId "readLoad" names no operation of the document'],
    ]);
  });

  it('the status read must be a GET with a JSON body, no request body, not paginated', () => {
    expect(errors('{ operationId: runLoad, field: /status, terminal: [done] }')[0]?.[2]).toBe(
      'the status read runLoad (POST /loads/{load_id}/run) must be a GET: it is repeated until the status ends the wait',
    );
    const paged = `  /loads:
    get:
      operationId: listLoads
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { count: { type: integer }, next: { type: string }, previous: { type: string }, results: { type: array, items: { type: string } } } }
  /ping:
    get:
      operationId: ping
      responses: { "204": { description: ok } }`;
    expect(errors('{ operationId: listLoads, field: /count, terminal: [1] }', paged)[0]?.[2]).toBe(
      'the status read listLoads (GET /loads) is paginated: each read must return the status, not a page',
    );
    expect(errors('{ operationId: ping, field: /status, terminal: [done] }', paged)[0]?.[2]).toBe(
      'the status read ping (GET /ping) has no JSON success body to read the status from',
    );
  });

  it('field: missing, not a pointer, not in the body, through a oneOf, or the body itself', () => {
    expect(errors('{ operationId: retrieveLoad, terminal: [done] }')).toEqual([
      ['model/poll', `${AT}/field`, 'x-poll.field (a JSON pointer into the success body of the status read retrieveLoad (GET /loads/{load_id})) is required'],
    ]);
    expect(errors('{ operationId: retrieveLoad, field: status, terminal: [done] }')[0]?.[2]).toContain('"status" is not a JSON pointer');
    expect(errors('{ operationId: retrieveLoad, field: /state, terminal: [done] }')[0]?.[2]).toBe(
      'x-poll.field "/state": no property state in the success body of the status read retrieveLoad (GET /loads/{load_id})',
    );
    expect(errors('{ operationId: retrieveLoad, field: /result/state, terminal: [done] }')[0]?.[2]).toContain(
      'state is read through a oneOf, which not every variant may have',
    );
    expect(errors("{ operationId: retrieveLoad, field: '', terminal: [done] }")[0]?.[2]).toContain('must name a property');
  });

  it('terminal: empty, not scalars, not a value of the enum, not of the field type', () => {
    expect(errors('{ operationId: retrieveLoad, field: /status, terminal: [] }')).toEqual([
      ['model/poll', `${AT}/terminal`, 'x-poll.terminal must list at least one value that ends the wait'],
    ]);
    expect(errors('{ operationId: retrieveLoad, field: /status, terminal: [done, finished, { a: 1 }] }')).toEqual([
      ['model/poll', `${AT}/terminal/1`, 'x-poll.terminal "finished" can never be the value of /status: "finished" is not one of its values'],
      ['model/poll', `${AT}/terminal/2`, 'x-poll.terminal values are strings, numbers or booleans, not {"a":1}'],
    ]);
    expect(errors('{ operationId: retrieveLoad, field: /count, terminal: ["10"] }')[0]?.[2]).toBe(
      'x-poll.terminal "10" can never be the value of /count: it is a number, the value a string',
    );
  });

  it('intervalMs and timeoutMs: numbers ≥ 0', () => {
    expect(errors('{ operationId: retrieveLoad, field: /status, terminal: [done], intervalMs: -1, timeoutMs: soon }').map((e) => e[1])).toEqual([
      `${AT}/intervalMs`,
      `${AT}/timeoutMs`,
    ]);
  });

  it('parameters: an unknown name, an unsupported expression, a missing parameter of the start', () => {
    expect(errors('{ operationId: retrieveLoad, field: /status, terminal: [done], parameters: { page: 1 } }')).toEqual([
      ['model/poll', `${AT}/parameters/page`, 'x-poll.parameters.page: the status read retrieveLoad (GET /loads/{load_id}) has no parameter page'],
    ]);
    expect(errors('{ operationId: retrieveLoad, field: /status, terminal: [done], parameters: { load_id: $response.header.Location } }')[0]?.[2]).toBe(
      'x-poll.parameters.load_id: $response.header.Location is not an expression the client can evaluate ($request.path|query|header|cookie.<name>, $request.body#/…, $response.body#/…, or a constant)',
    );
    expect(errors("{ operationId: retrieveLoad, field: /status, terminal: [done], parameters: { load_id: '$request.query.id' } }")[0]?.[2]).toBe(
      'x-poll.parameters.load_id: $request.query.id: the starting operation runLoad has no query parameter id',
    );
  });

  it('values must fit: absent for a required parameter, null for a non-nullable one, another type or enum', () => {
    // `note` is optional: it may be absent; the path parameter is required.
    expect(errors("{ operationId: retrieveLoad, field: /status, terminal: [done], parameters: { load_id: '$request.query.note' } }")[0]?.[2]).toBe(
      'x-poll.parameters.load_id ($request.query.note) cannot be passed to the path parameter load_id of the status read retrieveLoad (GET /loads/{load_id}): the value may be absent, and the parameter is required',
    );
    // The response's `id` is optional and nullable.
    expect(errors("{ operationId: retrieveLoad, field: /status, terminal: [done], parameters: { load_id: '$response.body#/id' } }")[0]?.[2]).toContain(
      'the value may be absent, and the parameter is required',
    );
    expect(errors('{ operationId: retrieveLoad, field: /status, terminal: [done], parameters: { load_id: abc } }')[0]?.[2]).toContain(
      'it is a number, the value a string',
    );
    expect(errors("{ operationId: retrieveLoad, field: /status, terminal: [done], parameters: { view: '$request.body#/ref' } }")[0]?.[2]).toContain(
      'it is an enum, and the value is not one of its values',
    );
    expect(errors('{ operationId: retrieveLoad, field: /status, terminal: [done], parameters: { view: wide } }')[0]?.[2]).toContain(
      '"wide" is not one of its values',
    );
    // An optional query parameter takes an optional value, a constant of its enum.
    const { api } = build(doc("{ operationId: retrieveLoad, field: /status, terminal: [done], parameters: { view: full, load_id: '$request.path.load_id' } }"));
    expect(op(api, 'runLoad').poll?.arguments.map((a) => a.expression)).toEqual(['$request.path.load_id', 'full']);
  });

  it('a path parameter of the read that the start does not have needs a value', () => {
    const extra = `  /jobs:
    post:
      operationId: startJob
      x-poll: { operationId: retrieveLoad, field: /status, terminal: [done] }
      responses: { "202": { description: ok } }`;
    expect(errors('{ operationId: retrieveLoad, field: /status, terminal: [done] }', extra)).toEqual([
      [
        'model/poll',
        '#/paths/~1jobs/post/x-poll',
        'x-poll.parameters.load_id: path parameter load_id of the status read retrieveLoad (GET /loads/{load_id}) has no value: give it in x-poll.parameters (the starting operation has no path parameter of that name)',
      ],
    ]);
  });
});
