/**
 * Valid documents the loader used to refuse (boolean schemas in 3.1, discriminator mappings by
 * schema name), the errors kept for 3.0, and the fast paths (self-contained documents are not
 * walked by Redocly's bundler; JSON is located without a YAML AST) checked against Redocly.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BaseResolver, bundle, getLineColLocation, Source } from '@redocly/openapi-core';
import { describe, expect, test } from 'vitest';
import { type Diagnostic, GenerateError } from '../../src/diagnostics.js';
import { loadDocument } from '../../src/load/index.js';
import { JsonLocator } from '../../src/load/json-locate.js';
import { redoclyConfig } from '../../src/load/redocly-config.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-accepted-'));
const write = (name: string, text: string): string => {
  fs.writeFileSync(path.join(dir, name), text);
  return name;
};

async function failure(input: string, cwd: string): Promise<Diagnostic[]> {
  const error = await loadDocument(input, { cwd }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GenerateError);
  return [...(error as GenerateError).diagnostics];
}

describe('OpenAPI 3.1 boolean schemas', () => {
  test('the corpus-found repro and the any-of rule fixture load without diagnostics', async () => {
    const repro = await loadDocument('corpus-found/boolean-schemas-31/openapi.yaml', { cwd: fixtures });
    expect(repro.diagnostics).toEqual([]);
    const schemas = (repro.document['components'] as { schemas: Record<string, unknown> }).schemas;
    expect(schemas['Anything']).toBe(true);
    expect(schemas['Nothing']).toBe(false);
    expect(schemas['Pair']).toMatchObject({ prefixItems: [true, { type: 'string' }], items: false });
    const anyOf = await loadDocument('rules/any-of/openapi.yaml', { cwd: fixtures });
    expect(anyOf.diagnostics).toEqual([]);
  });

  test('everywhere a schema may stand, and through a $ref', async () => {
    const name = write(
      'bool31.yaml',
      `openapi: 3.1.0
info: { title: b, version: "1" }
paths:
  /x:
    post:
      parameters:
        - { name: q, in: query, schema: true }
      requestBody:
        content:
          application/json: { schema: false }
      responses:
        "200":
          description: ok
          headers:
            X-Any: { schema: true }
          content:
            application/json:
              schema:
                type: array
                items: { $ref: '#/components/schemas/Nothing' }
components:
  schemas:
    Nothing: false
    All:
      allOf: [true, { type: object }]
      anyOf: [false, true]
      oneOf: [true]
      not: false
      if: true
      then: false
      else: true
      contains: true
      propertyNames: true
      additionalProperties: false
      patternProperties: { "^x": false }
      dependentSchemas: { a: true }
      $defs: { T: true, F: false }
      unevaluatedProperties: false
    Ref:
      properties:
        n: { $ref: '#/components/schemas/Nothing' }
`,
    );
    const loaded = await loadDocument(name, { cwd: dir });
    expect(loaded.diagnostics).toEqual([]);
  });

  test('a boolean where an object that is not a schema belongs is still an error', async () => {
    const name = write(
      'bool-param.yaml',
      'openapi: 3.1.0\ninfo: { title: b, version: "1" }\npaths:\n  /x:\n    get:\n      parameters: [true]\n      responses:\n        "200": { description: ok }\n',
    );
    const [d, ...rest] = await failure(name, dir);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'load/invalid-structure', pointer: '#/paths/~1x/get/parameters/0', line: 6 });
  });

  test('OpenAPI 3.0: a boolean schema is an error that says why; additionalProperties: true is fine', async () => {
    const name = write(
      'bool30.yaml',
      `openapi: 3.0.3
info: { title: b, version: "1" }
paths: {}
components:
  schemas:
    Open:
      type: object
      additionalProperties: true
    Nothing: false
    List:
      type: array
      items: true
`,
    );
    const diagnostics = await failure(name, dir);
    expect(diagnostics.map((d) => [d.code, d.file, d.pointer, d.line, d.column])).toEqual([
      ['load/invalid-structure', 'bool30.yaml', '#/components/schemas/Nothing', 9, 14],
      ['load/invalid-structure', 'bool30.yaml', '#/components/schemas/List/items', 12, 14],
    ]);
    expect(diagnostics[0]!.message).toContain('boolean schema (`true`/`false`) is OpenAPI 3.1');
    expect(diagnostics[0]!.message).toContain('in OpenAPI 3.0 a schema must be an object');
  });
});

describe('discriminator mapping values that are schema names', () => {
  test('the corpus-found repro and the polymorphism rule fixture load; the names stay as written', async () => {
    const repro = await loadDocument('corpus-found/discriminator-mapping-schema-names/openapi.yaml', { cwd: fixtures });
    expect(repro.diagnostics).toEqual([]);
    expect(JSON.stringify(repro.document)).toContain('"mapping":{"Option One":"OptionOne","Option Two":"OptionTwo"}');
    const poly = await loadDocument('rules/polymorphism/openapi.yaml', { cwd: fixtures });
    expect(poly.diagnostics).toEqual([]);
  });

  test('a name that is no component schema, and a broken reference after a good one, are errors at their entry', async () => {
    const name = write(
      'mapping.yaml',
      `openapi: 3.0.3
info: { title: m, version: "1" }
paths: {}
components:
  schemas:
    Shape:
      oneOf: [{ $ref: '#/components/schemas/Circle' }]
      discriminator:
        propertyName: kind
        mapping:
          circle: Circle
          square: Square
          round: '#/components/schemas/Circle'
          oval: '#/components/schemas/Oval'
    Circle:
      type: object
      properties: { kind: { type: string } }
`,
    );
    const diagnostics = await failure(name, dir);
    expect(diagnostics.map((d) => [d.code, d.pointer, d.line])).toEqual([
      ['load/no-unresolved-refs', '#/components/schemas/Shape/discriminator/mapping/square', 12],
      ['load/no-unresolved-refs', '#/components/schemas/Shape/discriminator/mapping/oval', 14],
    ]);
    expect(diagnostics[0]!.message).toBe(
      "discriminator mapping 'square' names schema 'Square', which is not in components/schemas (and no file of that name exists)",
    );
    expect(diagnostics[1]!.message).toBe("Can't resolve $ref");
  });
});

/** The corpus-found fixture whose $ref chain exhausts the stack of Redocly's walks. */
const TOO_DEEP = 'deep-ref-chain-stack-overflow';

/** Every single-file fixture document (YAML): no other file beside it. */
function singleFileFixtures(): string[] {
  const out: string[] = [];
  for (const group of ['cases', 'rules', 'corpus-found', 'emit']) {
    const base = path.join(fixtures, group);
    for (const name of fs.readdirSync(base)) {
      const file = path.join(base, name, 'openapi.yaml');
      const others = fs.existsSync(file) ? fs.readdirSync(path.dirname(file)).filter((f) => f !== 'openapi.yaml' && !f.startsWith('README')) : [];
      if (fs.existsSync(file) && others.length === 0 && name !== TOO_DEEP) out.push(path.relative(fixtures, file));
    }
  }
  return out;
}

describe('fast paths agree with Redocly', () => {
  test("a self-contained document loads to exactly Redocly's bundle of it", async () => {
    const config = await redoclyConfig();
    // $refs where a plain value is expected: Redocly's bundler replaces them by their target.
    const scalars = write(
      'scalar-refs.yaml',
      `openapi: 3.1.0
info: { title: s, version: "1" }
paths:
  /x:
    get:
      x-ext: { direct: { $ref: '#/components/examples/E' }, nested: { a: { $ref: '#/components/examples/E/value' } } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                example: { $ref: '#/components/examples/E' }
                properties:
                  example: { $ref: '#/components/schemas/S' }
              example: { $ref: '#/components/examples/E/value/n' }
components:
  examples:
    E: { value: { n: 1 } }
  schemas:
    S: { type: string }
`,
    );
    const files = [...singleFileFixtures().map((f) => path.join(fixtures, f)), path.join(dir, scalars)];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const loaded = await loadDocument(file, { cwd: fixtures });
      const redocly = await bundle({ ref: file, config, externalRefResolver: new BaseResolver(), dereference: false });
      expect(loaded.document, file).toEqual(redocly.bundle.parsed);
    }
    const last = await loadDocument(path.join(dir, scalars));
    expect(JSON.stringify(last.document)).toContain('"example":{"value":{"n":1}}'); // replaced, as Redocly does
  });

  test('a JSON document: same data, diagnostics and locate() as the same document in YAML', async () => {
    for (const file of ['cases/nullable-type-arrays/openapi.yaml', 'rules/polymorphism/openapi.yaml']) {
      const yaml = await loadDocument(file, { cwd: fixtures });
      const json = write(`${path.basename(path.dirname(file))}.json`, JSON.stringify(yaml.document, null, 2));
      const loaded = await loadDocument(json, { cwd: dir });
      expect(loaded.document).toEqual(yaml.document);
      expect(loaded.locate('#/info/title')).toMatchObject({ file: json, line: 4, column: 5, pointer: '#/info/title' });
    }
  });

  test('JsonLocator gives the line and column of Redocly’s YAML-AST lookup for every node of a JSON text', () => {
    const value = {
      openapi: '3.1.0',
      'a/b~c': { 'k"q': [1, { x: null, y: [true, false, 'z\\"'] }, []], é: 'ü', empty: {} },
      paths: { '/x/{id}': { get: { responses: { '200': { description: 'ok\nline' } } } } },
      list: [[], [[1, 2], { '': 3 }], -1.5e3],
    };
    for (const text of [JSON.stringify(value, null, 2), JSON.stringify(value), JSON.stringify(value, null, '\t').replace(/\n/g, '\r\n')]) {
      const source = new Source('/x.json', text);
      const locator = new JsonLocator(text);
      const pointers: string[][] = [];
      const walk = (node: unknown, segments: string[]): void => {
        pointers.push(segments);
        if (node !== null && typeof node === 'object') {
          for (const [k, v] of Object.entries(node)) walk(v, [...segments, k]);
        }
      };
      walk(value, []);
      pointers.push(['paths', 'missing'], ['list', '7'], ['list', 'x']);
      // Redocly's pointer parser drops an empty last segment (key ''): there the locator is right
      // and Redocly names the parent.
      const lines = text.split(/\r?\n/);
      const at = locator.locate(['list', '1', '1', ''], true);
      expect(lines[at.line - 1]!.slice(at.col - 1)).toMatch(/^"":/);
      for (const segments of pointers.filter((p) => !p.includes(''))) {
        const pointer = `#/${segments.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
        for (const onKey of [true, false]) {
          const redocly = getLineColLocation({ source, pointer, reportOnKey: onKey }).start;
          expect(locator.locate(segments, onKey), `${pointer} ${onKey}`).toEqual({ line: redocly.line, col: redocly.col });
        }
      }
    }
  });

  test('invalid JSON in a .json file is reported as JSON, with its line and column', async () => {
    const name = write('broken.json', '{\n  "openapi": "3.1.0",\n  "info": { "title": "t" "version": "1" }\n}\n');
    const [d] = await failure(name, dir);
    expect(d).toMatchObject({ code: 'load/invalid-json', file: 'broken.json', line: 3, column: 26 });
  });
});

describe('a $ref chain too deep for the validator', () => {
  test('is a GenerateError naming the file, not an uncaught RangeError', async () => {
    const [d, ...rest] = await failure(`corpus-found/${TOO_DEEP}/openapi.yaml`, fixtures);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', code: 'load/too-deep', file: `corpus-found/${TOO_DEEP}/openapi.yaml` });
    expect(d!.message).toContain('--stack-size');
  });
});

describe('structural errors where the generator reads nothing are warnings', () => {
  const schemaDoc = (schema: string, components = '') =>
    `openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /x:\n    get:\n      operationId: x\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: "#/components/schemas/Pet" }\ncomponents:\n  schemas:\n    Pet:\n${schema}${components}`;

  test('a schema whose `examples` is an object (3.1 wants an array): a warning at its place, the document loads', async () => {
    const name = write(
      'examples-object.yaml',
      schemaDoc('      type: object\n      examples: { a: { name: rex } }\n      properties:\n        name: { type: string }\n'),
    );
    const loaded = await loadDocument(name, { cwd: dir });
    expect(loaded.diagnostics.map((d) => [d.severity, d.code, d.pointer])).toEqual([
      ['warning', 'load/invalid-structure', '#/components/schemas/Pet/examples'],
    ]);
    expect(loaded.diagnostics[0]?.message).toContain('inside `examples`, which the generator does not read: ignored');
  });

  test('a non-standard `definitions` block with invalid content: a warning', async () => {
    const name = write('definitions.yaml', schemaDoc('      type: object\n      definitions:\n        Bad: { type: 12 }\n'));
    const loaded = await loadDocument(name, { cwd: dir });
    expect(loaded.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(loaded.diagnostics.some((d) => d.pointer?.startsWith('#/components/schemas/Pet/definitions'))).toBe(true);
  });

  test('the same error where a $ref reads it stays an error', async () => {
    const name = write(
      'definitions-referenced.yaml',
      schemaDoc(
        '      type: object\n      properties:\n        tag: { $ref: "#/components/schemas/Pet/definitions/Bad" }\n      definitions:\n        Bad: { type: 12 }\n',
      ),
    );
    const [d] = await failure(name, dir);
    expect(d).toMatchObject({ severity: 'error', code: 'load/invalid-structure' });
  });

  test("other tools' extensions of the wrong shape (`x-logo` a string, a boolean in 3.0's `x-webhooks`, …): warnings, the document loads", async () => {
    const loaded = await loadDocument('corpus-found/other-tools-extensions/openapi.yaml', { cwd: fixtures });
    expect(loaded.diagnostics.map((d) => [d.severity, d.code, d.pointer])).toEqual([
      ['warning', 'load/invalid-structure', '#/info/x-logo'],
      ['warning', 'load/invalid-structure', '#/tags/0/x-displayName'],
      ['warning', 'load/invalid-structure', '#/paths/~1events/get/x-codeSamples'],
      ['warning', 'load/invalid-structure', '#/x-webhooks/x-sdk-exclude'],
      ['warning', 'load/invalid-structure', '#/x-tagGroups'],
    ]);
    expect(loaded.diagnostics[0]?.message).toContain('inside `x-logo`, which the generator does not read: ignored');
  });

  test('a security scheme named `x-api-key` is a name, not an extension: a malformed requirement of it stays an error', async () => {
    const name = write(
      'x-named-scheme.yaml',
      'openapi: 3.0.3\ninfo: { title: t, version: "1" }\nsecurity:\n  - x-api-key: read\npaths: {}\ncomponents:\n  securitySchemes:\n    x-api-key: { type: apiKey, in: header, name: X-Api-Key }\n',
    );
    const [d] = await failure(name, dir);
    expect(d).toMatchObject({ severity: 'error', code: 'load/invalid-structure', pointer: '#/security/0/x-api-key' });
  });

  test('a property named `examples` is a property, not the keyword: its errors stay errors', async () => {
    const name = write('examples-property.yaml', schemaDoc('      type: object\n      properties:\n        examples: { type: 12 }\n'));
    const [d] = await failure(name, dir);
    expect(d).toMatchObject({ severity: 'error', code: 'load/invalid-structure' });
  });
});
