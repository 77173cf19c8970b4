/**
 * The generated Improvado packages build on their own with their emitted tsconfig.json (TypeScript
 * 5.9), the client resolving the types package through node_modules and its package.json
 * `exports`, and the built client runs under plain Node: imported from `dist/`, it sends a request
 * through an injected fetch, and each `exports` subpath resolves to a built file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { improvadoFixture, outRoot, repoRoot, writeGenerated } from './pipeline.js';

const tsc = path.join(repoRoot, 'generator/node_modules/typescript/bin/tsc');
let dir = '';

function run(args: string[], cwd: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('the Improvado packages build and run standalone', () => {
  beforeAll(async () => {
    dir = await writeGenerated(improvadoFixture(), path.join(outRoot, 'build'));
    const link = path.join(dir, 'client/node_modules/@improvado-sdk');
    mkdirSync(link, { recursive: true });
    symlinkSync(path.join(dir, 'types'), path.join(link, 'types'), 'dir');
  }, 120_000);

  it('types, then client: tsc -p tsconfig.json with zero errors', () => {
    const types = run([tsc, '-p', 'tsconfig.json', '--pretty', 'false'], path.join(dir, 'types'));
    expect(types.output.trim()).toBe('');
    const client = run([tsc, '-p', 'tsconfig.json', '--pretty', 'false'], path.join(dir, 'client'));
    expect(client.output.trim()).toBe('');
    expect(client.status).toBe(0);
  }, 180_000);

  it('every exports entry of the client points at a built file', () => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'client/package.json'), 'utf8')) as {
      exports: Record<string, string | { types: string; default: string }>;
      dependencies: Record<string, string>;
      sideEffects: boolean;
    };
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.dependencies).toEqual({ '@improvado-sdk/types': '0.0.0' });
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue;
      const sub = key.includes('*') ? key.replace('*', 'extracts') : key;
      for (const file of [target.types, target.default]) {
        const resolved = path.join(dir, 'client', file.replace('*', sub.split('/').pop() ?? ''));
        expect(existsSync(resolved), `${key} → ${resolved}`).toBe(true);
      }
    }
  });

  it('the built client sends a request under plain Node', () => {
    const script = [
      "import { Improvado, NotFoundError } from './dist/index.js';",
      "import { Extracts } from './dist/resources/extracts.js';",
      'const seen = [];',
      'const fetch = async (input, init) => {',
      '  const request = new Request(input, init); // (url, init) without middleware',
      '  seen.push(`${request.method} ${request.url} ${request.headers.get("authorization")}`);',
      "  if (request.url.endsWith('/404')) return new Response('{\"detail\":\"gone\"}', { status: 404, headers: { 'content-type': 'application/json' } });",
      "  return new Response(JSON.stringify({ id: 5 }), { headers: { 'content-type': 'application/json' } });",
      '};',
      "const client = new Improvado({ baseUrl: 'http://api.test', fetch, auth: { bearerAuth: 'tok' } });",
      'const data = await client.extracts.retrieve({ extract_id: 5 });',
      'const err = await client.extracts.retrieve({ extract_id: 404 }).catch((e) => e);',
      'console.log(JSON.stringify({ data, seen, notFound: err instanceof NotFoundError, lazy: client.extracts === client.extracts, standalone: typeof new Extracts(client).retrieve }));',
    ].join('\n');
    writeFileSync(path.join(dir, 'client/smoke.mjs'), script);
    const r = run(['smoke.mjs'], path.join(dir, 'client'));
    expect(r.status, r.output).toBe(0);
    expect(JSON.parse(r.output)).toEqual({
      data: { id: 5 },
      seen: ['GET http://api.test/api/v3/extracts/5 Bearer tok', 'GET http://api.test/api/v3/extracts/404 Bearer tok'],
      notFound: true,
      lazy: true,
      standalone: 'function',
    });
  }, 60_000);
});
