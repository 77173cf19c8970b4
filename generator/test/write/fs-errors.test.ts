/**
 * File-system errors (EACCES, ENOSPC, EEXIST, an --out that is a file or under one) are diagnostics
 * naming the path and what to do, exit code 1, no stack trace, and the previous output stays intact.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli.js';
import { GenerateError } from '../../src/diagnostics.js';
import { type GenerateOptions, generate } from '../../src/generate.js';
import { snapshotDir } from './fs-helpers.js';

const spec = path.resolve(import.meta.dirname, '../fixtures/multifile/nested/api.json');
const base: Partial<GenerateOptions> = { spec, config: false, targets: ['types'] };
/** Root ignores file modes: chmod cannot make a folder unwritable for it (as in CI's containers). */
const isRoot = process.getuid?.() === 0;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-fserr-'));
}

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main([...args, '--no-config'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

function expectCleanFailure(r: { code: number; stdout: string; stderr: string }, code: string, place: string): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(`error [${code}]`);
  expect(r.stderr).toContain(place);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/^\s+at /m); // no stack trace
}

describe('file-system errors through the CLI', () => {
  test('--out that is a file: a diagnostic naming it, exit 1, the file untouched', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'out'), 'not a folder\n');
    const r = await cli(['generate', spec, '--out', 'out'], dir);
    expectCleanFailure(r, 'write/not-a-folder', 'cannot create the folder out: a file is in the way (EEXIST)');
    expect(r.stderr).toContain('move the file or choose another --out');
    expect(fs.readFileSync(path.join(dir, 'out'), 'utf8')).toBe('not a folder\n');
    expect(fs.readdirSync(dir)).toEqual(['out']);
  });

  test('--out under a file: a diagnostic naming the path, exit 1', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    const r = await cli(['generate', spec, '--out', 'file/sdk'], dir);
    expectCleanFailure(r, 'write/not-a-folder', 'cannot create the folder file/sdk: a part of the path is a file, not a folder (ENOTDIR)');
    expect(fs.readdirSync(dir)).toEqual(['file']);
  });

  test.skipIf(isRoot)('a read-only output folder (EACCES): a diagnostic naming it, exit 1, the previous output intact', async () => {
    const dir = tempDir();
    expect((await cli(['generate', spec, '--out', 'sdk', '--only', 'types'], dir)).code).toBe(0);
    const before = snapshotDir(path.join(dir, 'sdk'));
    fs.chmodSync(path.join(dir, 'sdk'), 0o555);
    try {
      const r = await cli(['generate', spec, '--out', 'sdk', '--only', 'types', '--scope', '@renamed'], dir);
      expectCleanFailure(r, 'write/permission-denied', 'cannot create a folder in sdk: permission denied (EACCES)');
      expect(r.stderr).toContain('make the folder writable');
    } finally {
      fs.chmodSync(path.join(dir, 'sdk'), 0o755);
    }
    expect(snapshotDir(path.join(dir, 'sdk'))).toEqual(before);
  });
});

describe('file-system errors in the middle of a write', () => {
  /** An error as Node's fs throws it. */
  const systemError = (code: string, syscall: string, file: string): Error =>
    Object.assign(new Error(`${code}: simulated, ${syscall} '${file}'`), { code, syscall, path: file, errno: -1 });

  test.each([
    ['ENOSPC', 'write', 'write/no-space', 'no space left on the device (ENOSPC); free some space'],
    ['EACCES', 'rename', 'write/permission-denied', 'permission denied (EACCES); make the folder writable'],
    ['EEXIST', 'mkdir', 'write/not-a-folder', 'a file is in the way (EEXIST)'],
    ['EIO', 'link', 'write/fs-error', 'input/output error (EIO)'],
  ])('%s while swapping in: rolled back, a %s diagnostic', async (errno, syscall, code, text) => {
    const out = tempDir();
    await generate({ ...base, out });
    const before = snapshotDir(out);
    let thrown = false;
    const hooks = {
      step: (name: string, _index: number, dir: string) => {
        if (!thrown && name.startsWith('rename:')) {
          thrown = true;
          throw systemError(errno, syscall, path.join(dir, name.slice('rename:'.length)));
        }
      },
    };
    const error = await generate({ ...base, out, scope: '@renamed', hooks }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenerateError);
    const [d] = (error as GenerateError).diagnostics;
    expect(d).toMatchObject({ severity: 'error', code });
    expect(d!.message).toContain(text);
    expect(d!.file).toMatch(/types\//);
    expect(snapshotDir(out)).toEqual(before);
    expect(fs.readdirSync(out)).toEqual(['types']);
  });

  test('our own bugs stay internal errors (not dressed up as file-system errors)', async () => {
    const out = tempDir();
    const hooks = {
      step: () => {
        throw new TypeError('a bug');
      },
    };
    await expect(generate({ ...base, out, hooks })).rejects.toThrow(TypeError);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
