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
  return { block, urls: [...block.matchAll(/baseUrl: (['"])(.*?)\1/g)].map((m) => m[2] ?? '') };
}

type Servers = Array<{ url: string; variables?: object }> | undefined;

describe('the quick start passes a usable baseUrl exactly when the default is not', () => {
  const unusable: Array<[string, Servers, string, RegExp]> = [
    ['no servers', undefined, 'https://api.example.com', /The spec declares no server: give the API's base URL\./],
    ['a relative server URL', [{ url: '/api/v3' }], 'https://api.example.com/api/v3', /The spec's server URL \/api\/v3 is relative/],
    ['a relative URL without a leading slash', [{ url: 'v1/' }], 'https://api.example.com/v1', /is relative/],
    ['a dot-relative URL', [{ url: './v2' }], 'https://api.example.com/v2', /is relative/],
    ['the server URL /', [{ url: '/' }], 'https://api.example.com', /The spec's server URL \/ is relative/],
    ['the server URL .', [{ url: '.' }], 'https://api.example.com', /is relative/],
    ['a parent-relative URL', [{ url: '../v2' }], 'https://api.example.com', /is relative/],
    ['a protocol-relative URL', [{ url: '//shop.test/v1' }], 'https://shop.test/v1', /The spec's server URL \/\/shop\.test\/v1 is relative/],
    ['a protocol-relative URL with a bad port', [{ url: '//shop.test:99999/v1' }], 'https://api.example.com', /is relative/],
    ['a relative first server and an absolute second', [{ url: '/v1' }, { url: 'https://shop.test/v1' }], 'https://shop.test/v1', /is relative/],
    ['a variable without a default', [{ url: 'https://{region}.shop.test' }], 'https://api.example.com', /has a variable without a default/],
    ['another scheme', [{ url: 'ws://shop.test' }], 'https://api.example.com', /is not an http\(s\) URL/],
    ['a host and port without a scheme', [{ url: ':8080/v1' }], 'https://api.example.com', /has no scheme/],
    ['an http URL that does not parse', [{ url: 'https://shop^test/v1' }], 'https://api.example.com', /is not a URL the client can use/],
    ['a port out of range', [{ url: 'https://shop.test:99999/v1' }], 'https://api.example.com', /is not a URL the client can use/],
    ['a query', [{ url: 'https://shop.test/v1?key=abc' }], 'https://shop.test/v1', /has a query or fragment/],
    ['a fragment', [{ url: 'https://shop.test/v1#top' }], 'https://shop.test/v1', /has a query or fragment/],
    ['credentials', [{ url: 'https://user:secret@shop.test/v1' }], 'https://shop.test/v1', /^(?![\s\S]*secret)[\s\S]*holds credentials, which fetch refuses/],
  ];
  for (const [what, servers, expected, note] of unusable) {
    it(`${what}: the quick start passes ${expected}, which the runtime accepts`, async () => {
      const text = await readme(servers);
      const quick = baseUrls(text, /^## Quick start$/m);
      expect(quick.urls).toEqual([expected]);
      expect(quick.block).toMatch(note);
      expect(resolveBaseUrl(expected).problem).toBeUndefined();
      // The runtime refuses the default the line replaces (so the line is needed).
      expect(resolveBaseUrl(servers?.[0]?.url ?? '').problem).toBeDefined();
      // The lean core has no default: its example passes the same URL.
      const lean = [...text.matchAll(/new LeanClient\(\{ baseUrl: '([^']*)'/g)].map((m) => m[1]);
      expect(lean.length).toBeGreaterThan(0);
      expect(new Set(lean)).toEqual(new Set([expected]));
    });
  }

  const usable: Array<[string, Servers, string]> = [
    ['variables filled from their defaults', [{ url: 'https://{region}.shop.test/v1', variables: { region: { default: 'eu' } } }], "'https://eu.shop.test/v1'"],
    ['an upper-case scheme', [{ url: 'HTTPS://SHOP.TEST/v1' }], "'HTTPS://SHOP.TEST/v1'"],
    ['a quote in the path', [{ url: "https://shop.test/it's" }], `"https://shop.test/it's"`],
    ['braces in the path', [{ url: 'https://shop.test/v1/{}' }], "'https://shop.test/v1/{}'"],
  ];
  for (const [what, servers, literal] of usable) {
    it(`${what}: the runtime takes the server as it is, so no baseUrl in the quick start`, async () => {
      const text = await readme(servers);
      expect(baseUrls(text, /^## Quick start$/m).urls).toEqual([]);
      expect(text).toContain(`new LeanClient({ baseUrl: ${literal}`);
    });
  }
});
