/**
 * Generated packages build on their own with what the generator emits (package.json, tsconfig.json,
 * tsdown.config.ts; D34): the Improvado packages and fixture clients with and without the optional
 * `./webhooks`, `./enums` and `./resources/*` subpaths, the client resolving its types package
 * through node_modules. Packing before the build fails (the prepack guard). Each build holds an ES
 * module and a CommonJS file, with declarations, for every `exports` and `typesVersions` target;
 * publint (strict) finds nothing in either package; and the built client sends a request from
 * `import` and from `require()` alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { publint } from 'publint';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientFixtures, type Fixture, improvadoFixture, outRoot, repoRoot, writeGenerated } from './pipeline.js';

const tsdown = path.join(repoRoot, 'generator/node_modules/tsdown/dist/run.mjs');

/** The Improvado packages, a fixture with neither optional subpath (nullable-type-arrays), one with both (hostile-text). */
const fixtures: Fixture[] = [improvadoFixture(), ...clientFixtures().filter((f) => f.name === 'nullable-type-arrays' || f.name === 'hostile-text')];

function run(args: string[], cwd: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

interface PackageJson {
  name: string;
  exports: Record<string, string | Record<'import' | 'require', { types: string; default: string }>>;
  typesVersions?: Record<string, Record<string, string[]>>;
  main: string;
  types: string;
  dependencies?: Record<string, string>;
  sideEffects: boolean;
}

function readPackage(dir: string): PackageJson {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** The first module of `src/resources/` (as an `exports` subpath: `extracts`), for the `*` targets; none without resources. */
function firstResource(client: string): string | undefined {
  const dir = path.join(client, 'src/resources');
  const file = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
        .sort()[0]
    : undefined;
  return file?.slice(0, -'.ts'.length);
}

describe.each(fixtures.map((f) => [f.name, f] as const))('%s: the generated packages build and run standalone', (name, fixture) => {
  let dir = '';
  const types = (): string => path.join(dir, 'types');
  const client = (): string => path.join(dir, 'client');

  beforeAll(async () => {
    dir = await writeGenerated(fixture, path.join(outRoot, 'build'));
    const link = path.join(client(), 'node_modules', fixture.options.typesPackageName);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(types(), link, 'dir');
  }, 120_000);

  it('packing before the build fails: the prepack guard names the missing file', () => {
    for (const pkg of [types(), client()]) {
      const r = spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts=false'], { cwd: pkg, encoding: 'utf8' });
      expect(r.status, pkg).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`).toContain('dist/index.js is missing: run the build before packing');
    }
  }, 60_000);

  // Type errors are tsc.test.ts's part (every fixture, three compilers); this is the build.
  it('types, then client: tsdown with zero errors', () => {
    for (const pkg of [types(), client()]) {
      const build = run([tsdown, '--logLevel', 'error'], pkg);
      expect(build.status, build.output).toBe(0);
    }
  }, 180_000);

  it('every exports and typesVersions target of both packages is a built file', () => {
    for (const pkg of [types(), client()]) {
      const json = readPackage(pkg);
      expect(json.sideEffects).toBe(false);
      const star = firstResource(client());
      // A client without resources (no operations) has no `./resources/*` subpath to point at nothing.
      if (star === undefined) expect(Object.keys(json.exports)).not.toContain('./resources/*');
      const targets = [json.main, json.types];
      for (const [key, target] of Object.entries(json.exports)) {
        if (typeof target === 'string') continue;
        expect(Object.keys(target), key).toEqual(['import', 'require']);
        targets.push(target.import.types, target.import.default, target.require.types, target.require.default);
        expect([target.import.types, target.import.default, target.require.types, target.require.default].map((t) => path.extname(t))).toEqual([
          '.ts',
          '.js',
          '.cts',
          '.cjs',
        ]);
      }
      for (const map of Object.values(json.typesVersions ?? {})) for (const list of Object.values(map)) targets.push(...list);
      for (const target of targets) {
        const file = path.join(pkg, target.replace('*', star ?? '*'));
        expect(existsSync(file), `${json.name}: ${target} → ${file}`).toBe(true);
      }
    }
    if (name === 'improvado') expect(readPackage(client()).dependencies).toEqual({ '@improvado-sdk/types': '0.0.0' });
  });

  it('publint --strict finds nothing in either package', async () => {
    for (const pkg of [types(), client()]) {
      const { messages } = await publint({ pkgDir: pkg, strict: true, pack: 'npm' });
      expect(messages.map((m) => `${m.type} ${m.code} ${m.path.join('.')}`)).toEqual([]);
    }
  }, 60_000);

  it('the built client sends a request, imported as ESM and required as CommonJS', () => {
    const clientName = fixture.options.clientName;
    const body = [
      'const seen = [];',
      'const fetch = async (input, init) => {',
      '  const request = new Request(input, init);',
      '  seen.push(request.method);',
      "  return new Response('{\"detail\":\"gone\"}', { status: 404, headers: { 'content-type': 'application/json' } });",
      '};',
      `const client = new ${clientName}({ baseUrl: 'http://api.test', fetch });`,
      "const err = await client.request('GET', '/nowhere', {}).catch((e) => e);",
      `console.log(JSON.stringify({ seen, notFound: err instanceof NotFoundError, api: err instanceof ApiError, status: err.status }));`,
    ];
    const expected = { seen: ['GET'], notFound: true, api: true, status: 404 };
    writeFileSync(path.join(client(), 'smoke.mjs'), [`import { ${clientName}, ApiError, NotFoundError } from './dist/index.js';`, ...body].join('\n'));
    writeFileSync(
      path.join(client(), 'smoke.cjs'),
      [`const { ${clientName}, ApiError, NotFoundError } = require('./dist/index.cjs');`, '(async () => {', ...body, '})();'].join('\n'),
    );
    for (const script of ['smoke.mjs', 'smoke.cjs']) {
      const r = run(['--no-experimental-require-module', script], client());
      expect(r.status, `${script}: ${r.output}`).toBe(0);
      expect(JSON.parse(r.output), script).toEqual(expected);
    }
  }, 60_000);
});
