/**
 * The README's quick start and lean-core example run as written in Node: when the client's default base URL would
 * throw `UsageError` there (no server, a relative server URL, a variable without a default, another scheme), the quick
 * start passes a `baseUrl` the runtime accepts and says why; when the default works it passes none.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emitClientPackage } from '../../src/emit/client/index.js';
import type { EmitOptions } from '../../src/emit/types.js';
import { loadDocument } from '../../src/load/index.js';
import { buildModel } from '../../src/model/build.js';
import { resolveBaseUrl } from '../../runtime/wire.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sdkgen-base-url-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options: EmitOptions = {
  typesPackageName: '@t/types',
  clientPackageName: '@t/client',
  clientName: 'Shop',
  specPath: 'openapi.json',
  command: 'x',
  existingVersions: {},
};

/** The client README for a one-operation spec whose `servers` is `servers` (absent when undefined). */
async function readme(servers: Array<{ url: string; variables?: object }> | undefined): Promise<string> {
  const file = path.join(dir, `spec-${Math.random().toString(36).slice(2)}.json`);
  const spec = {
    openapi: '3.1.0',
    info: { title: 'Shop', version: '1' },
    ...(servers === undefined ? {} : { servers }),
    paths: {
      '/items/{id}': {
        get: {
          operationId: 'getItem',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok' } },
        },
      },
    },
  };
  writeFileSync(file, JSON.stringify(spec));
  const { api } = buildModel(await loadDocument(file));
  const text = emitClientPackage(api, options).find((f) => f.path === 'README.md')?.contents;
  expect(text).toBeDefined();
  return text ?? '';
}

/** The `baseUrl: '…'` values of the README's ```ts block under `heading`, and that block. */
function baseUrls(text: string, heading: RegExp): { block: string; urls: string[] } {
  const at = text.search(heading);
  expect(at, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const block = /```ts\n([\s\S]*?)```/.exec(text.slice(at))?.[1] ?? '';
  return { block, urls: [...block.matchAll(/baseUrl: '([^']*)'/g)].map((m) => m[1] ?? '') };
}

describe('the quick start passes a usable baseUrl exactly when the default is not', () => {
  const unusable: Array<[string, Array<{ url: string; variables?: object }> | undefined, string, RegExp]> = [
    ['no servers', undefined, 'https://api.example.com', /The spec declares no server: give the API's base URL\./],
    ['a relative server URL', [{ url: '/api/v3' }], 'https://api.example.com/api/v3', /The spec's server URL \/api\/v3 is relative/],
    ['a relative URL without a leading slash', [{ url: 'v1/' }], 'https://api.example.com/v1', /is relative/],
    ['a dot-relative URL', [{ url: './v2' }], 'https://api.example.com/v2', /is relative/],
    ['a protocol-relative URL', [{ url: '//shop.test/v1' }], 'https://shop.test/v1', /The spec's server URL \/\/shop\.test\/v1 has no scheme/],
    ['a parent-relative URL', [{ url: '../v2' }], 'https://api.example.com', /is relative/],
    ['a variable without a default', [{ url: 'https://{region}.shop.test' }], 'https://api.example.com', /has a variable without a default/],
    ['another scheme', [{ url: 'ws://shop.test' }], 'https://api.example.com', /is not an absolute http\(s\) URL/],
  ];
  for (const [what, servers, expected, note] of unusable) {
    it(`${what}: the quick start passes ${expected}, which the runtime accepts`, async () => {
      const text = await readme(servers);
      const quick = baseUrls(text, /^## Quick start$/m);
      expect(quick.urls).toEqual([expected]);
      expect(quick.block).toMatch(note);
      expect(resolveBaseUrl(expected).problem).toBeUndefined();
      // The lean core has no default: its example passes the same URL.
      const lean = [...text.matchAll(/new LeanClient\(\{ baseUrl: '([^']*)'/g)].map((m) => m[1]);
      expect(lean.length).toBeGreaterThan(0);
      expect(new Set(lean)).toEqual(new Set([expected]));
    });
  }

  it('an absolute http(s) server (variables filled from their defaults): no baseUrl in the quick start', async () => {
    const text = await readme([{ url: 'https://{region}.shop.test/v1', variables: { region: { default: 'eu' } } }]);
    expect(baseUrls(text, /^## Quick start$/m).urls).toEqual([]);
    expect(resolveBaseUrl('https://eu.shop.test/v1').problem).toBeUndefined();
    expect(text).toContain("new LeanClient({ baseUrl: 'https://eu.shop.test/v1'");
  });

  it('the runtime refuses what the quick start replaces (so the line is needed)', () => {
    for (const raw of ['', '/api/v3', '//shop.test/v1', 'ws://shop.test']) expect(resolveBaseUrl(raw).problem).toBeDefined();
  });
});
