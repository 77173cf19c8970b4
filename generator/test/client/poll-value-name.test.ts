/**
 * The `…AndPoll` condition names the value it reads after the status read's body schema (`(load) => load.status …`):
 * the body the model checks `x-poll` against, the first 2XX JSON body, even when the response lists another media
 * type before it (the condition used the first media type's schema and fell back to `status`).
 */
import { describe, expect, it } from 'vitest';
import { emitClientPackage } from '../../src/emit/client/index.js';
import { pollLocals } from '../../src/model/client-names.js';
import { build } from '../model/helpers.js';

const doc = (readContent: string) => `openapi: 3.1.0
info: { title: t, version: "1" }
paths:
  /loads/{load_id}/run:
    post:
      operationId: runLoad
      x-poll: { operationId: retrieveLoad, field: /status, terminal: [done] }
      parameters:
        - { name: load_id, in: path, required: true, schema: { type: integer } }
      responses:
        "202": { description: started }
  /loads/{load_id}:
    get:
      operationId: retrieveLoad
      parameters:
        - { name: load_id, in: path, required: true, schema: { type: integer } }
      responses:
        "200":
          description: ok
          content:
${readContent}
components:
  schemas:
    Load:
      type: object
      required: [status]
      properties:
        status: { type: string, enum: [queued, done] }
`;

function condition(readContent: string): string | undefined {
  const { api, diagnostics } = build(doc(readContent));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const files = emitClientPackage(api, {
    typesPackageName: '@t/types',
    clientPackageName: '@t/client',
    clientName: 'Client',
    specPath: 'openapi.yaml',
    command: 'pnpm generate',
    existingVersions: {},
  });
  const loads = files.find((f) => f.path === 'src/resources/loads.ts')?.contents ?? '';
  return /\((\w+)\) => \1\.status === 'done'/.exec(loads)?.[0];
}

describe('the …AndPoll condition names the status read’s JSON body', () => {
  it('JSON alone', () => {
    expect(condition(`            application/json: { schema: { $ref: '#/components/schemas/Load' } }`)).toBe("(load) => load.status === 'done'");
  });

  it('JSON after another media type', () => {
    const content = [
      `            text/plain: { schema: { type: string } }`,
      `            application/json: { schema: { $ref: '#/components/schemas/Load' } }`,
    ].join('\n');
    expect(condition(content)).toBe("(load) => load.status === 'done'");
  });
});

describe('pollLocals: the …AndPoll locals are decided in the model (model/client-names.ts), after the method’s arguments', () => {
  it('a path argument named like a local pushes the local aside; the value name too', () => {
    const text = doc(`            application/json: { schema: { $ref: '#/components/schemas/Load' } }`)
      .replaceAll('/loads/{load_id}/run', '/loads/{wait}/{load}/run')
      .replace(
        '        - { name: load_id, in: path, required: true, schema: { type: integer } }\n      responses:\n        "202"',
        [
          '        - { name: wait, in: path, required: true, schema: { type: string } }',
          '        - { name: load, in: path, required: true, schema: { type: integer } }',
          '      responses:',
          '        "202"',
        ].join('\n'),
      )
      .replace('x-poll: { operationId: retrieveLoad,', 'x-poll: { operationId: retrieveLoad, parameters: { load_id: $request.path.load },');
    const { api, diagnostics } = build(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const run = api.operations.find((o) => o.operationId === 'runLoad')!;
    const read = api.operations.find((o) => o.operationId === 'retrieveLoad')!;
    expect(pollLocals(api, run, read)).toEqual({ options: 'options', wait: 'wait_', request: 'request', signal: 'signal', value: 'load_' });
  });
});
