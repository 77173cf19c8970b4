/** The client package's names (model/client-names.ts, D33): what takes a name first, and what gives way. */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allResources, clientNames, publicRuntimeExports, type ResourceNode } from '../../src/model/client-names.js';
import { exportedTypeNames } from '../../src/model/queries.js';
import { runtimeSourceDir } from '../../src/model/runtime-exports.js';
import { build, fixture } from './helpers.js';

/** `file className access` of every resource, in tree order. */
const resources = (root: ResourceNode): string[] => allResources(root).map((n) => `${n.file} ${n.className} ${n.access}`);
const classNames = (root: ResourceNode): string[] => allResources(root).map((n) => n.className);

/** A document with one GET operation per `[tag, path]`, the given component schemas, and `extra` top-level YAML. */
function doc(ops: Array<[string, string]>, extra = ''): string {
  const paths = ops.map(
    ([tag, p], i) => `  ${p}:\n    get:\n      operationId: op${i}\n      tags: ['${tag}']\n      responses: { "200": { description: ok } }`,
  );
  return `openapi: 3.1.0\ninfo: { title: Names, version: "1" }\npaths:\n${paths.join('\n')}\n${extra}`;
}

const WEBHOOKS = `x-webhook-signature: { algorithm: hmac-sha256, header: X-Signature }
webhooks:
  ping:
    post:
      responses: { "200": { description: ok } }`;

describe('enum value arrays (fixture rules/enum-values-names)', () => {
  const { api } = build(fixture('rules/enum-values-names'));
  const names = clientNames(api, 'Client');

  it('never take a name the package root exports: a type, another array, a resource class', () => {
    expect(Object.fromEntries(names.enumValues)).toEqual({
      Status: 'StatusValues2',
      Level: 'LevelValues2',
      Priority: 'PriorityValues2',
      PriorityValues: 'PriorityValuesValues',
    });
    expect(classNames(names.root)).toContain('LevelValues');
    expect(exportedTypeNames(api)).toEqual(expect.arrayContaining(['StatusValues', 'PriorityValues']));
  });

  it('records why each array was renamed', () => {
    expect(names.renames.map((r) => `${r.from} → ${r.to}`)).toEqual([
      'StatusValues → StatusValues2',
      'LevelValues → LevelValues2',
      'PriorityValues → PriorityValues2',
    ]);
    expect(names.renames[1]?.reason).toContain('collides with LevelValues');
  });
});

describe('resource files (fixture rules/resource-file-names)', () => {
  const { api } = build(fixture('rules/resource-file-names'));

  it('one kebab-case for both packages; names that differ only in case get 2, 3, …; children follow their parent; Windows device stems get -resource', () => {
    expect(resources(clientNames(api, 'Client').root)).toEqual([
      'src/resources/con-resource.ts Con client.con',
      'src/resources/con-resource/aux-resource.ts Aux client.con.aux',
      'src/resources/plan-ab.ts PlanAB client.planAB',
      'src/resources/plan-ab2.ts PlanAb client.planAb',
      'src/resources/plan-ab2/items.ts Items client.planAb.items',
      'src/resources/projects-v2.ts ProjectsV2 client.projectsV2',
    ]);
    expect(api.operations.find((o) => o.operationId === 'listProjectsV2')?.module).toBe('projects-v2');
    expect(api.operations.find((o) => o.operationId === 'listConAux')?.module).toBe('con-resource');
  });
});

describe('the root client', () => {
  it('its own names and the runtime names win: a resource class named like one gets `Resource`, then `_`', () => {
    const { api } = build(
      doc([
        ['Shop', '/shop'],
        ['Shop base', '/shop-base'],
        ['Page', '/page'],
      ]),
    );
    const names = clientNames(api, 'ShopBase');
    expect([names.client, names.base, names.auth, names.options]).toEqual(['ShopBase', 'ShopBaseBase', 'ShopBaseAuth', 'ShopBaseOptions']);
    expect(classNames(names.root)).toEqual(['PageResource', 'Shop', 'ShopBaseResource']);
    expect(classNames(clientNames(api, 'PageResource').root)).toEqual(['PageResource_', 'Shop', 'ShopBase']);
  });

  it('getters never take a member of the runtime ClientCore (read from runtime/client.ts)', () => {
    const { api } = build(
      doc([
        ['Config', '/config'],
        ['Request', '/request'],
        ['With options', '/with-options'],
      ]),
    );
    expect(clientNames(api, 'Client').root.children.map((c) => `${c.name} ${c.file}`)).toEqual([
      'config_ src/resources/config.ts',
      'request_ src/resources/request.ts',
      'withOptions_ src/resources/with-options.ts',
    ]);
  });

  it('is computed once per model and client name', () => {
    const { api } = build(doc([['Shop', '/shop']]));
    expect(clientNames(api, 'A')).toBe(clientNames(api, 'A'));
    expect(clientNames(api, 'B').client).toBe('B');
  });
});

describe('runtime names the package re-exports', () => {
  it('with webhooks: the webhook class and the types a receiver writes; without: none of webhooks.ts', () => {
    expect(publicRuntimeExports({ webhooks: true, polling: false }).find((r) => r.file === 'src/core/webhooks.ts')).toEqual({
      file: 'src/core/webhooks.ts',
      values: ['WebhookVerificationError'],
      types: ['HeadersLike', 'RawBody', 'WebhookAnswer', 'WebhookSignatureScheme'],
    });
    expect(publicRuntimeExports({ webhooks: false, polling: false }).map((r) => r.file)).not.toContain('src/core/webhooks.ts');
  });

  /** A copy of generator/runtime (inside the repository's ignored cache) with `file` edited. */
  function runtimeCopy(name: string, file: string, edit: (text: string) => string): string {
    const dir = fileURLToPath(new URL(`../../.sdkgen-cache/model/${name}/`, import.meta.url));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(runtimeSourceDir(), dir, { recursive: true });
    writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), 'utf8')));
    return dir;
  }

  it('follow the runtime: a class its index adds is re-exported, a public type it drops is an error', () => {
    const added = runtimeCopy('runtime-added-class', 'index.ts', (text) => `${text}export class GoneError extends Error {}\n`);
    expect(publicRuntimeExports({ webhooks: false, polling: false }, added).find((r) => r.file === 'src/core/index.ts')?.values).toEqual(['GoneError']);
    const dropped = runtimeCopy('runtime-dropped-type', 'request-types.ts', (text) => text.replace(/\bResponseData\b/g, 'ResponseBody'));
    expect(() => publicRuntimeExports({ webhooks: false, polling: false }, dropped)).toThrow(/no longer exports ResponseData/);
  });

  it('are reserved: a resource class named like one gets `Resource`; one the client name takes is not re-exported', () => {
    const { api } = build(
      doc(
        [
          ['Raw body', '/raw-body'],
          ['Response data', '/response-data'],
          ['Logger', '/logger'],
          ['Client core', '/client-core'],
        ],
        WEBHOOKS,
      ),
    );
    const names = clientNames(api, 'ApiError');
    expect(classNames(names.root)).toEqual(['ClientCore', 'LoggerResource', 'RawBodyResource', 'ResponseDataResource']);
    const reexported = names.runtimeReexports.flatMap((r) => [...r.values, ...r.types]);
    expect(reexported).not.toContain('ApiError');
    expect(reexported).toEqual(expect.arrayContaining(['RawBody', 'ResponseData', 'Logger']));
    // The HTTP error classes come typed from src/errors.ts (D36), never also from the core; the client's name wins.
    expect(reexported).not.toContain('NotFoundError');
    expect(names.errorClasses).toContain('NotFoundError');
    expect(names.errorClasses).not.toContain('ApiError');
    expect(names.errorBody).toBe('ApiErrorErrorBody');
  });
});
