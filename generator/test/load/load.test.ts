import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadDocument } from '../../src/load/index.js';
import { GenerateError } from '../../src/diagnostics.js';
import { buildModel } from '../../src/model/build.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const multifile = path.join(fixtures, 'multifile');

describe('multi-file documents are bundled into one', () => {
  test('case-14 shape: $refs to a schema, a response and a whole path item in another document', async () => {
    const loaded = await loadDocument('remote-path-item/main.yaml', { cwd: multifile });
    expect(loaded.openapi).toBe('3.0.3');
    expect(loaded.sourceFile).toBe('remote-path-item/main.yaml');
    expect(loaded.diagnostics).toEqual([]);
    const doc = loaded.document as {
      paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
      components: Record<string, Record<string, unknown>>;
    };
    // Every $ref is local now.
    expect(JSON.stringify(doc)).not.toMatch(/"\$ref":"(?!#)/);
    // The path item was copied in, with its operation.
    expect(doc.paths['/things']!['get']!.operationId).toBe('listThings');
    // Fragments deep inside the other document, used once, are inline (no component named
    // `schema` or `200`): the model names them after their use.
    const upstreamSchema = { type: 'object', properties: { count: { type: 'integer' } } };
    expect(doc.paths['/mirror']!['get']!.responses!['200']).toEqual({
      description: 'ok',
      content: { 'application/json': { schema: upstreamSchema } },
    });
    expect(doc.paths['/echo']!['get']!.responses!['200']).toEqual({
      description: 'ok',
      content: { 'application/json': { schema: upstreamSchema } },
    });
    expect(Object.keys(doc.components)).toEqual(['schemas']);
    // The numeric component key is kept as spelled.
    expect(Object.keys(doc.components['schemas']!)).toEqual(['404']);
    // locate() still leads to the other file.
    expect(loaded.locate('#/paths/~1mirror/get/responses/200/content/application~1json/schema/properties/count')).toMatchObject({
      file: 'remote-path-item/upstream.yaml',
      line: 15,
    });
  });

  test("a webhook named with braces (`on{}`) loads: path rules do not judge a webhook's name (fuzz seed 1485457482)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-webhook-name-'));
    const hook = `    post:\n      requestBody:\n        content:\n          application/json:\n            schema: { type: object }\n      responses:\n        "200": { description: ok }\n`;
    fs.writeFileSync(path.join(dir, 'main.yaml'), `openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths: {}\nwebhooks:\n  "on{}":\n${hook}`);
    const loaded = await loadDocument('main.yaml', { cwd: dir });
    expect(Object.keys((loaded.document as { webhooks: Record<string, unknown> }).webhooks)).toEqual(['on{}']);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('a fragment of another document used twice stays one component (named by Redocly)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-frag-'));
    fs.copyFileSync(path.join(multifile, 'remote-path-item/upstream.yaml'), path.join(dir, 'upstream.yaml'));
    const ref = "'upstream.yaml#/paths/~1things/get/responses/200/content/application~1json/schema'";
    const op = (id: string) =>
      `    get:\n      operationId: ${id}\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: ${ref} }\n`;
    fs.writeFileSync(path.join(dir, 'main.yaml'), `openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n${op('a')}  /b:\n${op('b')}`);
    const loaded = await loadDocument('main.yaml', { cwd: dir });
    const doc = loaded.document as { components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.components.schemas)).toEqual(['schema']);
  });

  test('a component that is only a $ref to a file keeps its name for every reference to that file', async () => {
    // Redocly adds the file as a second component (`pet`) and points `Pet` at it: one schema with two names.
    const loaded = await loadDocument('component-file-ref/main.yaml', { cwd: multifile });
    expect(loaded.diagnostics).toEqual([]);
    const doc = loaded.document as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.components.schemas)).toEqual(['Pet']);
    expect(doc.components.schemas['Pet']).toEqual({
      type: 'object',
      properties: { id: { type: 'integer' }, parent: { $ref: '#/components/schemas/Pet' } },
    });
    expect(JSON.stringify(doc.paths)).toContain('"items":{"$ref":"#/components/schemas/Pet"}');
    expect(loaded.locate('#/components/schemas/Pet/properties/parent')).toMatchObject({ file: 'component-file-ref/schemas/pet.yaml', line: 4 });
    const { api } = buildModel(loaded);
    expect([...api.schemas.values()].map((s) => s.identifier)).toEqual(['Pet']);
  });

  test('a $ref pointer with ~0 or ~1 into another file gives a component under the unescaped key, which the $ref names', async () => {
    // Redocly named them `a~0b` and `c~1d` and wrote `#/components/schemas/a~0b`, which per RFC 6901 is the key `a~b`.
    const loaded = await loadDocument('escaped-pointer-keys/main.yaml', { cwd: multifile });
    expect(loaded.diagnostics).toEqual([]);
    const doc = loaded.document as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.components.schemas)).toEqual(['a~b', 'c/d']);
    expect(JSON.stringify(doc.paths)).toContain('{"$ref":"#/components/schemas/a~0b"}');
    expect(JSON.stringify(doc.paths)).toContain('{"$ref":"#/components/schemas/c~1d"}');
    const { api, diagnostics } = buildModel(loaded);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([...api.schemas.values()].map((s) => s.identifier)).toEqual(['AB', 'CD']);
  });

  test('case-15 shape: relative refs resolve against the file holding them (JSON entry, YAML parts)', async () => {
    const loaded = await loadDocument('nested/api.json', { cwd: multifile });
    const doc = loaded.document as {
      paths: Record<string, { parameters: unknown[] }>;
      components: { parameters: Record<string, unknown>; schemas: Record<string, unknown> };
    };
    expect(doc.paths['/stores/{storeCode}/orders/{orderId}']!.parameters[0]).toEqual({ $ref: '#/components/parameters/StoreCode' });
    expect(doc.components.parameters['StoreCode']).toMatchObject({ name: 'storeCode', in: 'path', required: true });
    expect(doc.components.schemas['order']).toEqual({
      type: 'object',
      properties: { id: { type: 'string' }, lines: { type: 'array', items: { $ref: '#/components/schemas/line' } } },
    });
    expect(doc.components.schemas['line']).toEqual({ type: 'object', properties: { qty: { type: 'integer' } } });
  });

  test('locate() maps bundled pointers back to the file and line they came from', async () => {
    const loaded = await loadDocument('nested/api.json', { cwd: multifile });
    expect(loaded.locate('#/components/schemas/order/properties/lines')).toEqual({
      file: 'nested/shared/models/order.yaml',
      line: 5,
      column: 3,
      pointer: '#/properties/lines', // the pointer inside that file
    });
    expect(loaded.locate('#/components/schemas/line/properties/qty/type')).toMatchObject({
      file: 'nested/shared/models/line.yaml',
      line: 3,
    });
    expect(loaded.locate('#/components/parameters/StoreCode/schema')).toMatchObject({
      file: 'nested/shared/params.yaml',
      line: 10,
    });
    expect(loaded.locate('#/paths/~1stores~1{storeCode}~1orders~1{orderId}/get/operationId')).toEqual({
      file: 'nested/api.json',
      line: 11,
      column: 9,
      pointer: '#/paths/~1stores~1{storeCode}~1orders~1{orderId}/get/operationId',
    });
    const remote = await loadDocument('remote-path-item/main.yaml', { cwd: multifile });
    expect(remote.locate('#/paths/~1things/get/responses')).toMatchObject({ file: 'remote-path-item/upstream.yaml', line: 7 });
    expect(remote.locate('#/components/schemas/404')).toMatchObject({ file: 'remote-path-item/main.yaml', line: 25 });
  });

  test('the same document loads to the same data from another working directory', async () => {
    const a = await loadDocument('nested/api.json', { cwd: multifile });
    const b = await loadDocument(path.join(multifile, 'nested/api.json'), { cwd: os.tmpdir() });
    expect(JSON.stringify(b.document)).toBe(JSON.stringify(a.document));
  });
});

describe('validation is structural, not stylistic', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-load-'));

  test('no license, no servers, no descriptions, no tags: no diagnostics', async () => {
    fs.writeFileSync(
      path.join(dir, 'bare.yaml'),
      'openapi: 3.1.0\ninfo: { title: bare, version: "1" }\npaths:\n  /x:\n    get:\n      responses:\n        "200": { description: ok }\n',
    );
    const loaded = await loadDocument('bare.yaml', { cwd: dir });
    expect(loaded.diagnostics).toEqual([]);
  });

  test('an undeclared path parameter is not reported by the loader: the model reports it, once, as an error', async () => {
    fs.writeFileSync(
      path.join(dir, 'param.yaml'),
      'openapi: 3.0.3\ninfo: { title: p, version: "1" }\npaths:\n  /x/{id}:\n    get:\n      responses:\n        "200": { description: ok }\n',
    );
    const loaded = await loadDocument('param.yaml', { cwd: dir });
    expect(loaded.diagnostics).toEqual([]);
    expect(() => buildModel(loaded)).toThrow(GenerateError);
    try {
      buildModel(loaded);
    } catch (e) {
      expect((e as GenerateError).diagnostics.map((d) => [d.severity, d.code, d.pointer])).toEqual([
        ['error', 'model/missing-path-parameter', '#/paths/~1x~1{id}/get'],
      ]);
    }
  });

  test("the repository's own spec loads without errors or warnings", async () => {
    const repo = path.resolve(fixtures, '../../..');
    const loaded = await loadDocument('spec/openapi.yaml', { cwd: repo });
    expect(loaded.openapi).toMatch(/^3\.1\./);
    expect(loaded.diagnostics).toEqual([]);
  });

  test('every case fixture loads', async () => {
    const cases = path.join(fixtures, 'cases');
    const names = fs
      .readdirSync(cases, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const loaded = await loadDocument(`cases/${name}/openapi.yaml`, { cwd: fixtures });
      expect(loaded.openapi).toMatch(/^3\.[01]\./);
    }
  });
});
