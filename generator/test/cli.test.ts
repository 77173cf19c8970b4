import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../src/cli.js';

const fixtures = path.resolve(import.meta.dirname, 'fixtures');
const good = path.join(fixtures, 'multifile/nested/api.json');

/**
 * Runs the CLI in-process. `generate` runs get `--no-config` unless they name a config: the
 * repository's own sdkgen.config.json must never steer a test into writing `packages/`.
 */
async function run(args: string[], cwd = fixtures): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const argv = args[0] === 'generate' && !args.some((a) => a.startsWith('--config')) ? [...args, '--no-config'] : args;
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

describe('sdkgen --help', () => {
  test('documents every option of generate, and the exit codes', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const flag of [
      'generate <spec>',
      '--out <dir>',
      '--name <ClientName>',
      '--scope <@npm-scope>',
      '--config <file>',
      '--no-config',
      '--only <target>',
      '--check',
      '--quiet',
      '--format <how>',
      '--help',
      '--version',
    ]) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toMatch(/types or client/);
    expect(stdout).toMatch(/Exit codes: 0 .*1 .*2 usage error/);
    expect((await run(['generate', '--help'])).stdout).toBe(stdout);
  });

  test('--version prints the package version', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('exit codes', () => {
  test.each([
    [[], /no command given/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['generate', good, '--out', 'x', '--bogus'], /Unknown option `--bogus`/],
    [['generate', good, '--out'], /value is missing/],
    [['generate', good, '--out', 'x', '--only', 'docs'], /--only must be one of: types, client/],
    [['generate', good, '--out', 'x', '--workers', '2'], /Unknown option `--workers`/],
    [['generate', good, '--out', 'x', '--format', 'biome'], /--format must be one of: printer, prettier/],
    [['generate', '--out', 'x', '--config', 'nope.json'], /config file not found|no spec given/],
    [['generate', good], /no output folder given/],
    [['generate', good, '--out', 'x', '--scope', 'NoAt'], /scope 'NoAt' must look like @my-scope/],
    // A client class named like a runtime export would take it (found by an adversarial test: `ApiError` vanished).
    [
      ['generate', good, '--out', 'x', '--name', 'ApiError'],
      /name 'ApiError' is a name the client package exports from its runtime \(src\/core\/errors\.ts\): choose another/,
    ],
    [['generate', good, '--out', 'x', '--name', 'Page'], /name 'Page' is a name the client package exports from its runtime \(src\/core\/pagination\.ts\)/],
    // Found by an adversarial run (D68): cac gives a repeated option as an array, which read as "needs a value".
    [['generate', good, '--out', 'x', '--out', 'y'], /--out is given more than once: give it once/],
    [['generate', good, '--out', 'x', '--only', 'types', '--only', 'client'], /--only is given more than once/],
  ])('usage error %j → 2', async (args, message) => {
    const { code, stderr, stdout } = await run(args as string[]);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message as RegExp);
    expect(code).toBe(args.includes('nope.json') ? 1 : 2);
  });

  test('the config file is found from cwd up to the repository root; --no-config ignores it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-cli-repo-'));
    fs.writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
    fs.writeFileSync(path.join(root, 'sdkgen.config.json'), JSON.stringify({ spec: good, out: 'gen', name: 'Conf' }));
    const cwd = path.join(root, 'sub');
    fs.mkdirSync(cwd);
    const args = ['generate', '--only', 'types', '--check'];
    const withConfig = await run([...args, '--config', path.join(root, 'sdkgen.config.json')], cwd);
    expect(withConfig.stdout).toMatch(/@conf\/types → \.\.\/gen\/types/);
    let stdout = '';
    const found = await main(args, { stdout: (t) => (stdout += t), stderr: () => {}, cwd });
    expect(found).toBe(1); // --check: nothing generated yet
    expect(stdout).toMatch(/@conf\/types → \.\.\/gen\/types/);
    const ignored = await run(args, cwd);
    expect(ignored.code).toBe(2);
    expect(ignored.stderr).toMatch(/no spec given/);
    expect(fs.existsSync(path.join(root, 'gen'))).toBe(false);
  });

  test('a config set aside for another spec is named in the usage error it causes (no output folder)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-cli-repo-'));
    fs.writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
    fs.writeFileSync(path.join(root, 'sdkgen.config.json'), JSON.stringify({ spec: 'other.yaml', out: 'gen' }));
    let stderr = '';
    // main itself, not run(): run() adds --no-config.
    const code = await main(['generate', path.resolve(fixtures, good)], { stdout: () => {}, stderr: (t) => (stderr += t), cwd: root });
    expect(code).toBe(2);
    expect(stderr).toMatch(/no output folder given: .*; sdkgen\.config\.json is for other\.yaml, not .*pass --config sdkgen\.config\.json to use it/);
    expect(fs.existsSync(path.join(root, 'gen'))).toBe(false);
  });

  test('errors in the spec → 1, every error printed with file:line:column pointer', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-cli-'));
    const { code, stdout, stderr } = await run(['generate', 'bad/duplicate-operation-id.yaml', '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      "bad/duplicate-operation-id.yaml:12:7 #/paths/~1animals/get/operationId: error [load/duplicate-operation-id] operationId 'listPets'",
    );
    expect(stderr).toContain('sdkgen: 1 error; nothing was written');
    expect(fs.readdirSync(out)).toEqual([]);
  });

  test('success → 0 with a summary; again → unchanged; --quiet prints nothing; --check → 0, then 1 on drift', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-cli-'));
    const args = ['generate', good, '--out', out, '--scope', '@acme', '--name', 'Acme'];
    const first = await run(args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^sdkgen: case-15 nested \(OpenAPI 3\.1\.0\) from generator\/test\/fixtures\/multifile\/nested\/api\.json\n/);
    expect(first.stdout).toContain('  config: none\n');
    expect(first.stdout).toContain('1 operation, 2 schemas, 0 webhooks');
    expect(first.stdout).toMatch(/@acme\/types → .*types: \d+ written, 0 unchanged, 0 removed/);
    expect(first.stdout).toMatch(/@acme\/client → .*client: \d+ written, 0 unchanged, 0 removed/);
    // Markdown and JSON go through prettier (TypeScript is printed in its final shape).
    expect(first.stdout).toMatch(/formatting: \d+\.\d\d s \(\d+ files through prettier\)/);
    expect(first.stdout).toMatch(/done in \d+\.\d\d s/);

    const second = await run(args);
    expect(second.stdout).toMatch(/types: 0 written, \d+ unchanged, 0 removed/);

    expect(await run([...args, '--quiet'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await run([...args, '--check', '--quiet'])).code).toBe(0);

    fs.writeFileSync(path.join(out, 'types/src/stale.ts'), 'x');
    const manifestFile = path.join(out, 'types/.sdkgen-manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: Record<string, string> };
    manifest.files['src/stale.ts'] = '0';
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    const check = await run([...args, '--check', '--quiet']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('sdkgen --check: 2 files would change');
    expect(check.stderr).toMatch(/removed +.*types\/src\/stale\.ts/);
    expect(fs.existsSync(path.join(out, 'types/src/stale.ts'))).toBe(true);

    const fix = await run([...args, '--quiet']);
    expect(fix.code).toBe(0);
    expect(fs.existsSync(path.join(out, 'types/src/stale.ts'))).toBe(false);
  });
});

describe('summary', () => {
  test('lists at most 20 warnings, then counts the rest per code', async () => {
    const { summary } = await import('../src/cli.js');
    const warning = (i: number) => ({ severity: 'warning' as const, code: i % 2 ? 'load/a' : 'load/b', message: `w${i}`, file: 'x.yaml', line: i });
    const text = summary({
      title: 'T',
      openapi: '3.1.0',
      specPath: 'spec.yaml',
      emitOptions: { typesPackageName: '@t/types', clientPackageName: '@t/client', clientName: 'T', specPath: 'spec.yaml', command: 'c', existingVersions: {} },
      operations: 0,
      schemas: 0,
      webhooks: 0,
      pagination: [],
      packages: [],
      diagnostics: Array.from({ length: 25 }, (_, i) => warning(i)),
      check: false,
      upToDate: true,
      timings: { loadMs: 1, modelMs: 1, emitMs: 1, formatMs: 1234, writeMs: 1, totalMs: 2000 },
    });
    expect(text).toContain('25 warnings:');
    expect(text).toContain('x.yaml:19: warning [load/a] w19');
    expect(text).not.toContain('w20');
    expect(text).toContain('… and 5 more (3 load/b, 2 load/a)');
    expect(text).toContain('formatting: 1.23 s');
  });
});

describe('--strict', () => {
  test('a warning about the document fails the run and writes nothing; without --strict it generates with the warning', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-cli-strict-'));
    fs.writeFileSync(
      path.join(dir, 'api.yaml'),
      'openapi: 3.1.0\ninfo: { title: Strict, version: "1" }\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                examples: { one: { name: rex } }\n                properties:\n                  name: { type: string }\n',
    );
    const strict = await run(['generate', 'api.yaml', '--out', 'gen', '--only', 'types', '--strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/error \[load\/invalid-structure\].*examples.*\[--strict\]/);
    expect(fs.existsSync(path.join(dir, 'gen'))).toBe(false);
    const lenient = await run(['generate', 'api.yaml', '--out', 'gen', '--only', 'types'], dir);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr + lenient.stdout).toMatch(/warning \[load\/invalid-structure\]/);
    expect(fs.existsSync(path.join(dir, 'gen/types/src/index.ts'))).toBe(true);
  });
});

describe('the config file', () => {
  test('every problem of its fields is reported at once, each at its key; a byte order mark is fine; invalid JSON names its line (D68)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-cli-config-'));
    const write = (name: string, text: string): string => {
      fs.writeFileSync(path.join(root, name), text);
      return name;
    };
    const bad = write('bad.json', JSON.stringify({ spec: good, out: 'gen', nmae: 'X', format: 'black', scope: 'acme' }));
    const many = await run(['generate', '--config', bad], root);
    expect(many.code).toBe(1);
    expect(many.stderr).toContain('bad.json #/nmae: error [config/unknown-field]');
    expect(many.stderr).toContain("bad.json #/format: error [config/invalid] 'format' must be one of");
    expect(many.stderr).toContain("bad.json #/scope: error [config/invalid] scope 'acme' must look like @my-scope");
    expect(many.stderr).toContain('sdkgen: 3 errors; nothing was written');

    const same = write('same.json', JSON.stringify({ spec: good, out: 'gen', typesPackageName: '@acme/same', clientPackageName: '@acme/same' }));
    const both = await run(['generate', '--config', same], root);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/same\.json #\/clientPackageName: error \[config\/invalid\] typesPackageName and clientPackageName are both '@acme\/same'/);
    // Derived from the scope: `@acme/types` for both.
    const derived = write('derived.json', JSON.stringify({ clientPackageName: '@acme/types' }));
    const clash = await run(['generate', good, '--out', 'gen', '--scope', '@acme', '--config', derived], root);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain("the types and client packages are both named '@acme/types'");
    expect(fs.existsSync(path.join(root, 'gen'))).toBe(false);

    const bom = write('bom.json', `\uFEFF${JSON.stringify({ spec: good, out: 'gen-bom', name: 'Bom' })}`);
    expect((await run(['generate', '--only', 'types', '--config', bom], root)).code).toBe(0);

    const broken = write('broken.json', '{\n  "spec": "a.yaml"\n  "out": "gen"\n}\n');
    const json = await run(['generate', '--config', broken], root);
    expect(json.code).toBe(1);
    expect(json.stderr).toMatch(/broken\.json:3:3: error \[config\/invalid-json\] invalid JSON/);
  });

  test('the summary names it; a spec on the command line that is not its spec is generated without it, with a note', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-cli-other-'));
    fs.writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
    const single = (title: string): string =>
      JSON.stringify({
        openapi: '3.1.0',
        info: { title, version: '1' },
        paths: { '/a': { get: { operationId: 'getA', responses: { '200': { description: 'ok' } } } } },
      });
    fs.writeFileSync(path.join(root, 'mine.json'), single('Mine'));
    fs.writeFileSync(path.join(root, 'other.json'), single('Other'));
    fs.writeFileSync(
      path.join(root, 'sdkgen.config.json'),
      JSON.stringify({ spec: 'mine.json', out: 'packages', name: 'Mine', scope: '@mine', command: 'pnpm generate' }),
    );
    const own = await run(['generate', '--only', 'types', '--config', 'sdkgen.config.json'], root);
    expect(own.stderr).toBe('');
    expect(own.code).toBe(0);
    expect(own.stdout).toContain('  config: sdkgen.config.json\n');
    expect(JSON.parse(fs.readFileSync(path.join(root, 'packages/types/package.json'), 'utf8')).name).toBe('@mine/types');

    // Found by the look-up (no --config), for another spec: none of it is used, not even its output folder.
    let stdout = '';
    let stderr = '';
    const code = await main(['generate', 'other.json', '--out', 'gen', '--only', 'types'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      cwd: root,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('  config: none\n');
    expect(stdout).toMatch(/warning \[config\/other-spec\] sdkgen\.config\.json is for mine\.json, not other\.json: none of it is used/);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'gen/types/package.json'), 'utf8')) as { name: string };
    expect(pkg.name).not.toContain('@mine');
    const banner = fs.readFileSync(path.join(root, 'gen/types/src/index.ts'), 'utf8').split('\n')[0];
    expect(banner).toBe('// Generated by sdkgen from other.json. Do not edit: run `sdkgen generate other.json --out gen --only types`.');
  });
});
