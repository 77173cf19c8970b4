import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Diagnostic, GenerateError } from '../../src/diagnostics.js';
import { loadDocument } from '../../src/load/index.js';

const bad = path.resolve(import.meta.dirname, '../fixtures/bad');
const multifile = path.resolve(import.meta.dirname, '../fixtures/multifile');

async function failure(input: string, cwd: string): Promise<Diagnostic[]> {
  const error = await loadDocument(input, { cwd }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GenerateError);
  return [...(error as GenerateError).diagnostics];
}

/** Place and wording of each error: the file, the JSON pointer and/or the line. */
describe('bad input gives one clear error naming the place', () => {
  test('invalid YAML: line and column', async () => {
    const [d, ...rest] = await failure('invalid-yaml.yaml', bad);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'load/invalid-yaml', file: 'invalid-yaml.yaml', line: 12, column: 10 });
    expect(d!.message).toBe('invalid YAML: bad indentation of a mapping entry');
  });

  test('a .json document is JSON: a trailing comma is an error at its line and column (YAML would accept it)', async () => {
    const [d, ...rest] = await failure('trailing-comma.json', bad);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'load/invalid-json', file: 'trailing-comma.json', line: 5, column: 1 });
    expect(d!.message).toBe('invalid JSON: Expected double-quoted property name');
  });

  test('a $ref to a .json file that is not JSON names that file, line and column', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-json-'));
    fs.writeFileSync(
      path.join(dir, 'api.yaml'),
      'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n    Pet: { $ref: "./pet.json" }\n',
    );
    fs.writeFileSync(path.join(dir, 'pet.json'), '{\n  "type": "object",\n  "properties": { "a": { "type": "string" }, },\n}\n');
    const [d, ...rest] = await failure('api.yaml', dir);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'load/ref-file-unreadable', file: 'api.yaml', line: 6 });
    expect(d!.message).toBe(
      "$ref './pet.json' points into pet.json, which cannot be read: invalid JSON at line 3, column 46: Expected double-quoted property name",
    );
  });

  test('empty file', async () => {
    expect(await failure('empty.yaml', bad)).toEqual([
      {
        severity: 'error',
        code: 'load/empty-file',
        file: 'empty.yaml',
        message: 'empty.yaml is empty: expected an OpenAPI 3.0 or 3.1 document',
      },
    ]);
  });

  test('missing file, named relative to cwd', async () => {
    const [d] = await failure('bad/nope.yaml', path.dirname(bad));
    expect(d).toMatchObject({ code: 'load/file-not-found', file: 'bad/nope.yaml', message: 'file not found: bad/nope.yaml' });
  });

  test('a URL is refused as one, not looked up as a path with one slash (D68)', async () => {
    const [d] = await failure('https://example.com/specs/petstore.yaml', bad);
    expect(d).toMatchObject({
      code: 'load/url-spec',
      file: 'https://example.com/specs/petstore.yaml',
      message:
        'https://example.com/specs/petstore.yaml is a URL: sdkgen reads the document from a file; download it first (e.g. curl -o openapi.yaml https://example.com/specs/petstore.yaml)',
    });
  });

  test('a directory instead of a file', async () => {
    const [d] = await failure('.', bad);
    expect(d!.code).toBe('load/not-a-file');
  });

  test('dangling local $ref', async () => {
    const [d, ...rest] = await failure('dangling-ref.yaml', bad);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'load/unresolved-ref',
      file: 'dangling-ref.yaml',
      pointer: '#/paths/~1pets/get/responses/200/content/application~1json/schema',
      line: 13,
    });
    expect(d!.message).toContain("'#/components/schemas/Missing'");
    expect(d!.message).toContain('does not exist');
  });

  test('$ref into a missing file', async () => {
    const [d, ...rest] = await failure('missing-file-ref.yaml', bad);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'load/ref-file-not-found',
      file: 'missing-file-ref.yaml',
      pointer: '#/paths/~1pets/get/responses/200/content/application~1json/schema',
      line: 13,
    });
    expect(d!.message).toBe("$ref './models/does-not-exist.yaml' points into a file that does not exist: models/does-not-exist.yaml");
    expect(d!.message).not.toContain(bad); // no absolute paths
  });

  test('a cycle of bare $ref aliases', async () => {
    const [d, ...rest] = await failure('alias-cycle.yaml', bad);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'load/ref-cycle', file: 'alias-cycle.yaml', pointer: '#/components/schemas/A', line: 16 });
    expect(d!.message).toContain('#/components/schemas/A → #/components/schemas/B → #/components/schemas/A');
  });

  test('a $ref cycle across files', async () => {
    const [d] = await failure('cross-cycle/a.yaml', multifile);
    expect(d).toMatchObject({ code: 'load/ref-cycle', file: 'cross-cycle/a.yaml', pointer: '#/components/schemas/Pet' });
    expect(d!.message).toContain('cross-cycle/b.yaml#/Animal');
  });

  test('Swagger 2.0 is refused, saying only OpenAPI 3.0/3.1 are supported', async () => {
    const [d] = await failure('swagger2.yaml', bad);
    expect(d).toMatchObject({ code: 'load/unsupported-version', file: 'swagger2.yaml', pointer: '#/swagger', line: 1, column: 1 });
    expect(d!.message).toMatch(/^Swagger 2\.0 is not supported: only OpenAPI 3\.0 and 3\.1 are/);
  });

  test('duplicate operationIds: the repeat is reported where it is, naming the first use', async () => {
    const [d, ...rest] = await failure('duplicate-operation-id.yaml', bad);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'load/duplicate-operation-id',
      file: 'duplicate-operation-id.yaml',
      pointer: '#/paths/~1animals/get/operationId',
      line: 12,
    });
    expect(d!.message).toBe("operationId 'listPets' of GET /animals is already used by GET /pets: operationIds must be unique");
  });

  test('not OpenAPI at all', async () => {
    const [d] = await failure('not-openapi.yaml', bad);
    expect(d).toMatchObject({ code: 'load/not-openapi', file: 'not-openapi.yaml', pointer: '#' });
    expect(d!.message).toContain('no `openapi` field');
  });

  test('invalid YAML in a referenced file names that file and its line', async () => {
    const diagnostics = await failure('broken-child/main.yaml', multifile);
    expect(diagnostics[0]).toMatchObject({ code: 'load/invalid-yaml', file: 'broken-child/pet.yaml', line: 4, column: 3 });
    expect(diagnostics[1]).toMatchObject({ code: 'load/ref-file-unreadable', file: 'broken-child/main.yaml', line: 13 });
  });
});

describe('other documents the loader refuses', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-load-'));
  const write = (name: string, text: string): string => {
    fs.writeFileSync(path.join(dir, name), text);
    return name;
  };

  test('OpenAPI 3.2 and an unquoted version number', async () => {
    const [v32] = await failure(write('v32.yaml', '# a comment\nopenapi: 3.2.0\ninfo: {title: t, version: "1"}\npaths: {}\n'), dir);
    expect(v32).toMatchObject({ code: 'load/unsupported-version', pointer: '#/openapi', line: 2, column: 1 });
    const [num] = await failure(write('num.yaml', 'info: {title: t, version: "1"}\nopenapi: 3.1\npaths: {}\n'), dir);
    expect(num).toMatchObject({ code: 'load/invalid-version', pointer: '#/openapi', line: 2, column: 1 });
    expect(num!.message).toContain('must be a string');
  });

  test('a YAML list, a JSON scalar', async () => {
    expect((await failure(write('list.yaml', '- a\n- b\n'), dir))[0]!.message).toContain('holds a list');
    expect((await failure(write('scalar.json', '42\n'), dir))[0]!.code).toBe('load/not-openapi');
  });

  test('every problem is reported at once, each with file, pointer and line', async () => {
    const name = write(
      'many.yaml',
      [
        'openapi: 3.1.0',
        'info: { title: many }',
        'paths:',
        '  /a:',
        '    get:',
        '      operationId: a',
        '      responses:',
        '        "200": { $ref: "#/components/responses/Nope" }',
        '  /b:',
        '    get:',
        '      operationId: a',
        '      responses:',
        '        "200": { description: ok }',
        '',
      ].join('\n'),
    );
    const diagnostics = await failure(name, dir);
    expect(diagnostics.map((d) => [d.code, d.pointer, d.line])).toEqual([
      ['load/invalid-structure', '#/info', 2],
      ['load/unresolved-ref', '#/paths/~1a/get/responses/200', 8],
      ['load/duplicate-operation-id', '#/paths/~1b/get/operationId', 11],
    ]);
    expect(diagnostics[0]!.message).toContain('version');
  });
});
