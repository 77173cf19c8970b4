import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { GenerateError } from '../src/diagnostics.js';
import { type GenerateOptions, generate } from '../src/generate.js';
import { snapshotDir } from './write/fs-helpers.js';

const fixtures = path.resolve(import.meta.dirname, 'fixtures');
const good = path.join(fixtures, 'multifile/nested/api.json');
const base: Partial<GenerateOptions> = { config: false };

function tempOut(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-gen-'));
}

/** A temp output root holding a previous generation of the good fixture, plus a hand-written file. */
async function previousOutput(): Promise<string> {
  const out = tempOut();
  await generate({ ...base, spec: good, out });
  fs.mkdirSync(path.join(out, 'client/src/lib'), { recursive: true });
  fs.writeFileSync(path.join(out, 'client/src/lib/mine.ts'), 'export const mine = 1;\n');
  return out;
}

let reference: Record<string, string>;
beforeAll(async () => {
  const out = tempOut();
  await generate({ ...base, spec: good, out });
  reference = snapshotDir(out);
});

describe('generate()', () => {
  test('writes both packages with manifests, names derived from info.title', async () => {
    const out = tempOut();
    const result = await generate({ ...base, spec: good, out });
    expect(result.emitOptions).toMatchObject({
      clientName: 'Case',
      typesPackageName: '@case/types',
      clientPackageName: '@case/client',
      specPath: 'generator/test/fixtures/multifile/nested/api.json',
      // No config names a command: the run's own line, from the spec's repository root; the output folder,
      // outside the repository, is a placeholder (its temporary path would reach the bytes; without --out the line
      // would not run).
      command: 'sdkgen generate generator/test/fixtures/multifile/nested/api.json --out <output-folder>',
    });
    expect(result.operations).toBe(1);
    expect(result.packages.map((p) => p.target)).toEqual(['types', 'client']);
    const files = snapshotDir(out);
    expect(files['types/.sdkgen-manifest.json']).toBeDefined();
    expect(files['client/.sdkgen-manifest.json']).toBeDefined();
    expect(JSON.parse(files['types/package.json']!).name).toBe('@case/types');
    for (const [file, text] of Object.entries(files)) {
      expect(text, file).not.toContain(os.tmpdir());
      expect(text, file).not.toContain('\r');
    }
  });

  test('a title whose word is a standard global: the class is <Word>Client, the scope keeps the word (D61)', async () => {
    const dir = tempOut();
    const spec = path.join(dir, 'openapi.yaml');
    fs.writeFileSync(
      spec,
      `openapi: 3.1.0
info: { title: Promise Tracker API, version: "1" }
paths:
  /promises:
    get:
      operationId: listPromises
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } }
`,
    );
    const result = await generate({ ...base, spec, out: path.join(dir, 'out') });
    expect(result.emitOptions).toMatchObject({ clientName: 'PromiseClient', typesPackageName: '@promise/types', clientPackageName: '@promise/client' });
    const files = snapshotDir(path.join(dir, 'out'));
    expect(files['client/src/index.ts']).toContain("export { PromiseClient, PromiseClient as default } from './client.js';");
    expect(files['client/src/index.ts']).not.toMatch(/\bPromise\b(?!Client)/);
    expect(files['client/README.md']).toContain('new PromiseClient(');
  });

  test('same bytes from another working directory (spec and out given relative to each)', async () => {
    const cwdA = fixtures;
    const cwdB = os.tmpdir();
    const outA = tempOut();
    const outB = tempOut();
    await generate({ ...base, cwd: cwdA, spec: path.relative(cwdA, good), out: path.relative(cwdA, outA) });
    await generate({ ...base, cwd: cwdB, spec: path.relative(cwdB, good), out: path.relative(cwdB, outB) });
    expect(snapshotDir(outB)).toEqual(snapshotDir(outA));
    expect(snapshotDir(outA)).toEqual(reference);
  });

  test('--only types writes only <out>/types', async () => {
    const out = tempOut();
    await generate({ ...base, spec: good, out, targets: ['types'] });
    expect(fs.readdirSync(out)).toEqual(['types']);
  });

  test('names from sdkgen.config.json, options win over it', async () => {
    const root = tempOut();
    fs.writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
    fs.writeFileSync(
      path.join(root, 'sdkgen.config.json'),
      JSON.stringify({ spec: good, out: 'packages', name: 'Shop', scope: '@shop-sdk', specPath: 'spec/api.json' }),
    );
    const cwd = path.join(root, 'packages', 'types');
    fs.mkdirSync(cwd, { recursive: true });
    const { config: _omit, ...rest } = base;
    const result = await generate({ ...rest, cwd, targets: ['types'] });
    expect(result.emitOptions).toMatchObject({ clientName: 'Shop', typesPackageName: '@shop-sdk/types', specPath: 'spec/api.json' });
    expect(result.packages[0]!.dir).toBe('.');
    const over = await generate({ ...rest, cwd, targets: ['types'], name: 'Store', check: true });
    expect(over.emitOptions.clientName).toBe('Store');
  });

  test('keeps the version package.json already has', async () => {
    const out = await previousOutput();
    const file = path.join(out, 'types/package.json');
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string };
    pkg.version = '4.5.6';
    fs.writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
    const result = await generate({ ...base, spec: good, out });
    expect(result.emitOptions.existingVersions.types).toBe('4.5.6');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).version).toBe('4.5.6');
  });

  test('check mode: up to date after a run; a change is reported and nothing is written', async () => {
    const out = await previousOutput();
    expect((await generate({ ...base, spec: good, out, check: true })).upToDate).toBe(true);
    fs.appendFileSync(path.join(out, 'types/src/index.ts'), '// edited\n');
    const before = snapshotDir(out);
    const result = await generate({ ...base, spec: good, out, check: true });
    expect(result.upToDate).toBe(false);
    expect(result.packages[0]!.result.changed).toEqual([{ path: 'src/index.ts', change: 'modified' }]);
    expect(snapshotDir(out)).toEqual(before);
  });

  test("TypeScript is the printer's (prettier's layout, width 100, single quotes) whatever prettier config the output has; --format prettier applies that config", async () => {
    // A temp folder has no prettier config: prettier's defaults (double quotes, width 80) apply to
    // Markdown and JSON, and to TypeScript only in prettier's mode.
    const printed = tempOut();
    await generate({ ...base, spec: good, out: printed, targets: ['types'] });
    const viaPrettier = tempOut();
    const result = await generate({ ...base, spec: good, out: viaPrettier, targets: ['types'], format: 'prettier' });
    expect(result.packages[0]!.result.changed.length).toBeGreaterThan(0);
    const a = snapshotDir(printed);
    const b = snapshotDir(viaPrettier);
    expect(a['types/src/index.ts']).toContain("export type * from './openapi.js';");
    expect(b['types/src/index.ts']).toContain('export type * from "./openapi.js";');
    expect(a['types/README.md']).toBe(b['types/README.md']);
    expect(a['types/package.json']).toBe(b['types/package.json']);
  });

  test('the config key "format" picks the mode; another value is a config error', async () => {
    const dir = tempOut();
    const config = path.join(dir, 'sdkgen.config.json');
    fs.writeFileSync(config, JSON.stringify({ spec: good, out: 'gen', format: 'prettier' }));
    await generate({ ...base, config, cwd: dir, targets: ['types'] });
    expect(fs.readFileSync(path.join(dir, 'gen/types/src/index.ts'), 'utf8')).toContain('export type * from "./openapi.js";');
    fs.writeFileSync(config, JSON.stringify({ spec: good, out: 'gen', format: 'biome' }));
    await expect(generate({ ...base, config, cwd: dir, targets: ['types'] })).rejects.toThrow(/'format' must be one of: printer, prettier/);
  });

  test('a failure while swapping in the second package rolls back the first', async () => {
    const out = await previousOutput();
    const before = snapshotDir(out);
    // A new scope changes both packages (package names, imports).
    const swapped: string[] = [];
    const hooks = {
      beforeSwap: (rel: string, dir: string) => {
        if (path.basename(dir) === 'client') throw new Error('simulated crash');
        swapped.push(rel);
      },
    };
    await expect(generate({ ...base, spec: good, out, scope: '@renamed', hooks })).rejects.toThrow('simulated crash');
    // The types package had been swapped in completely (its manifest goes last) before the crash.
    expect(swapped).toContain('.sdkgen-manifest.json');
    expect(swapped).toContain('package.json');
    expect(snapshotDir(out)).toEqual(before);
    expect(fs.readdirSync(out).sort()).toEqual(['client', 'types']);
  });
});

describe('bad input: a clear error, and the previous output stays byte-identical', () => {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['bad/invalid-yaml.yaml', 'load/invalid-yaml', { line: 12, column: 10 }],
    ['bad/empty.yaml', 'load/empty-file', {}],
    ['bad/does-not-exist.yaml', 'load/file-not-found', {}],
    ['bad/dangling-ref.yaml', 'load/unresolved-ref', { pointer: '#/paths/~1pets/get/responses/200/content/application~1json/schema' }],
    ['bad/missing-file-ref.yaml', 'load/ref-file-not-found', { line: 13 }],
    ['bad/alias-cycle.yaml', 'load/ref-cycle', { pointer: '#/components/schemas/A' }],
    ['bad/swagger2.yaml', 'load/unsupported-version', { pointer: '#/swagger' }],
    ['bad/duplicate-operation-id.yaml', 'load/duplicate-operation-id', { pointer: '#/paths/~1animals/get/operationId' }],
    ['bad/not-openapi.yaml', 'load/not-openapi', {}],
  ];
  let out: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    out = await previousOutput();
    before = snapshotDir(out);
  });
  test.each(cases)('%s → %s', async (spec, code, place) => {
    const error = await generate({ ...base, cwd: fixtures, spec, out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenerateError);
    const [first] = (error as GenerateError).diagnostics;
    expect(first).toMatchObject({ severity: 'error', code, file: spec, ...place });
    expect(snapshotDir(out)).toEqual(before);
  });
});

describe('security schemes the client cannot apply', () => {
  test('a model/security-scheme-unsupported warning each, at the scheme (was silent; found by an adversarial run); none in a types-only run', async () => {
    const dir = tempOut();
    const spec = path.join(dir, 'openapi.yaml');
    fs.writeFileSync(
      spec,
      `openapi: 3.1.0
info: { title: Vault, version: "1" }
paths:
  /a:
    get:
      operationId: getA
      security: [{ digest: [] }, { bearer: [] }]
      responses: { "204": { description: ok } }
components:
  securitySchemes:
    digest: { type: http, scheme: digest }
    mtls: { type: mutualTLS }
    bearer: { type: http, scheme: Bearer }
`,
    );
    const result = await generate({ ...base, spec, out: path.join(dir, 'out'), check: true });
    const unsupported = result.diagnostics.filter((d) => d.code === 'model/security-scheme-unsupported');
    expect(unsupported.map((d) => [d.pointer, d.severity, d.line])).toEqual([
      ['#/components/securitySchemes/digest', 'warning', 11],
      ['#/components/securitySchemes/mtls', 'warning', 12],
    ]);
    expect(unsupported[0]?.message).toBe(
      'the client cannot apply security scheme digest (http digest): an operation that accepts only it is sent without credentials; send them through a middleware or per-request headers',
    );
    const typesOnly = await generate({ ...base, spec, out: path.join(dir, 'out'), check: true, targets: ['types'] });
    expect(typesOnly.diagnostics.filter((d) => d.code === 'model/security-scheme-unsupported')).toEqual([]);
  });
});

describe('schemas the client package cannot re-export under their names', () => {
  test('a model/client-export-shadowed warning each, naming what holds the name; none for a resource class (D33 rule 4) nor in a types-only run', async () => {
    const dir = tempOut();
    const spec = path.join(dir, 'openapi.yaml');
    fs.writeFileSync(
      spec,
      `openapi: 3.1.0
info: { title: Shop, version: "1" }
paths:
  /pets:
    get:
      operationId: listPets
      tags: [Pets]
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
components:
  schemas:
    Pet: { type: object }
    ApiError: { type: object }
    NotFoundError: { type: object }
    ShopOptions: { type: object }
    Pets: { type: object }
    RequestOptions: { type: object }
`,
    );
    const result = await generate({ ...base, spec, out: path.join(dir, 'out'), name: 'Shop', check: true });
    const shadowed = result.diagnostics.filter((d) => d.code === 'model/client-export-shadowed');
    expect(shadowed.map((d) => [d.pointer, d.severity, d.line])).toEqual([
      ['#/components/schemas/ApiError', 'warning', 13],
      ['#/components/schemas/NotFoundError', 'warning', 14],
      ['#/components/schemas/ShopOptions', 'warning', 15],
      ['#/components/schemas/RequestOptions', 'warning', 17],
    ]);
    expect(shadowed.map((d) => d.message)).toEqual([
      "the client package does not re-export the types package's ApiError: its own ApiError (src/errors.ts) holds the name; import ApiError from the types package",
      "the client package does not re-export the types package's NotFoundError: its own NotFoundError (src/errors.ts) holds the name; import NotFoundError from the types package",
      "the client package does not re-export the types package's ShopOptions: its own ShopOptions (a type of the client class) holds the name; import ShopOptions from the types package",
      "the client package does not re-export the types package's RequestOptions: its own RequestOptions (src/core/types.ts) holds the name; import RequestOptions from the types package",
    ]);
    const typesOnly = await generate({ ...base, spec, out: path.join(dir, 'out'), name: 'Shop', check: true, targets: ['types'] });
    expect(typesOnly.diagnostics.filter((d) => d.code === 'model/client-export-shadowed')).toEqual([]);
  });

  test("a model/client-name-collision warning for each of the client's own exports suffixed (fixture rules/enum-values-names)", async () => {
    const dir = tempOut();
    const spec = path.join(import.meta.dirname, 'fixtures/rules/enum-values-names/openapi.yaml');
    const result = await generate({ ...base, spec, out: path.join(dir, 'out'), name: 'Client', check: true });
    const collisions = result.diagnostics.filter((d) => d.code === 'model/client-name-collision');
    expect(collisions.map((d) => [d.pointer, d.severity, d.message])).toEqual([
      [
        '#/components/schemas/Status',
        'warning',
        'the value array of enum Status would be StatusValues, already used by a type of the types package; using StatusValues2',
      ],
      [
        '#/components/schemas/Level',
        'warning',
        'the value array of enum Level would be LevelValues, already used by #/paths/~1level-values/get; using LevelValues2',
      ],
      [
        '#/components/schemas/Priority',
        'warning',
        'the value array of enum Priority would be PriorityValues, already used by a type of the types package; using PriorityValues2',
      ],
    ]);
    expect(collisions.every((d) => typeof d.line === 'number')).toBe(true);
    const typesOnly = await generate({ ...base, spec, out: path.join(dir, 'out'), name: 'Client', check: true, targets: ['types'] });
    expect(typesOnly.diagnostics.filter((d) => d.code === 'model/client-name-collision')).toEqual([]);
  });

  test('and for a webhook event type (fixture rules/webhook-open-events: the schema UserDeletedEvent holds the name)', async () => {
    const dir = tempOut();
    const spec = path.join(import.meta.dirname, 'fixtures/rules/webhook-open-events/openapi.yaml');
    const result = await generate({ ...base, spec, out: path.join(dir, 'out'), name: 'Client', check: true });
    expect(result.diagnostics.filter((d) => d.code === 'model/client-name-collision').map((d) => [d.pointer, d.message])).toEqual([
      [
        '#/webhooks/account/post',
        'the event type user.deleted would be UserDeletedEvent, already used by a type of the types package; using UserDeletedEvent2',
      ],
    ]);
  });
});
