/**
 * The `sdkgen diff` command line with two files: help, usage errors (exit 2), a document that does not
 * load (exit 1), the readable report (grouped by class, one line a change, colours only on a terminal
 * without NO_COLOR) and `--json`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const pair = (name: string): [string, string] => [`diff/${name}/old.yaml`, `diff/${name}/new.yaml`];

async function run(args: string[], extra: { tty?: boolean; env?: Record<string, string> } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const { diffCommand } = await import('../../src/diff/command.js');
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), cwd: fixtures, ...extra };
  const code = args[0] === 'diff' ? await main(args, io) : await diffCommand(args, io);
  return { code, stdout, stderr };
}

/** An ANSI colour sequence (ESC [ n m). */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`);

describe('sdkgen diff: command line', () => {
  it('--help documents the forms, every option and the exit codes; sdkgen --help names the command', async () => {
    const { code, stdout } = await run(['diff', '--help']);
    expect(code).toBe(0);
    for (const text of [
      'sdkgen diff <old-spec> <new-spec>',
      '--base <ref>',
      '--json',
      '--check',
      '--write-changeset',
      '--no-proof',
      '--config <file>',
      'Exit codes: 0',
    ]) {
      expect(stdout).toContain(text);
    }
    let top = '';
    await main(['--help'], { stdout: (t) => (top += t), stderr: () => undefined });
    expect(top).toMatch(/^ {2}diff {13}Classify a spec change/m);
  });

  it.each([
    [['a.yaml', 'b.yaml', 'c.yaml'], 'at most two specs'],
    [['a.yaml', 'b.yaml', '--base', 'v1'], '--base reads the old spec from git'],
    [['--frobnicate'], 'Unknown option `--frobnicate`'],
    [['--base'], 'option `--base <ref>` value is missing'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('no spec and no config naming one is a usage error (exit 2), as for sdkgen generate', async () => {
    let stderr = '';
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-diff-nospec-'));
    const code = await main(['diff'], { stdout: () => undefined, stderr: (t) => (stderr += t), cwd });
    expect(code).toBe(2);
    expect(stderr).toContain('no spec given and no config names one');
  });

  it('a document that does not load: its errors, exit 1', async () => {
    const r = await run(['diff/operation-removed/old.yaml', 'bad/dangling-ref.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error \[load\//);
    expect(r.stderr).toContain('sdkgen diff: a document does not load');
  });

  it('prints the changes grouped by class, one line each, then the proof and the verdict', async () => {
    const r = await run(pair('content-type-changed'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('sdkgen diff: diff/content-type-changed/old.yaml → diff/content-type-changed/new.yaml');
    const major = lines.indexOf('major: 1 change');
    const minor = lines.indexOf('minor: 1 change');
    expect(major).toBeGreaterThan(0);
    expect(minor).toBeGreaterThan(major);
    expect(lines[major + 1]).toMatch(/^ {2}GetPetResponse: response 200 content type application\/json removed {2}\(getPet, #\/paths\//);
    expect(lines[minor + 1]).toMatch(/^ {2}GetPetResponse: response 200 content type application\/vnd\.pet\+json added/);
    expect(r.stdout).toContain('rules and proof agree');
    expect(r.stdout).toMatch(/\nverdict: major\n$/);
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('colours only on a terminal, and not with NO_COLOR', async () => {
    const args = [...pair('summary-changed'), '--no-proof'];
    expect((await run(args, { tty: true, env: {} })).stdout).toMatch(ANSI);
    expect((await run(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await run(args, { tty: true, env: { NO_COLOR: '' } })).stdout).toMatch(ANSI);
    expect((await run(args, { tty: false, env: {} })).stdout).not.toMatch(ANSI);
  });

  it('--json: the verdict, every change with its place, the proof without the usage text', async () => {
    const r = await run([...pair('response-property-removed'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      bump: string;
      rules: string;
      old: { title: string; source: string };
      changes: Array<{ class: string; kind: string; symbol: string; pointer: string; directions: string[]; visible: string }>;
      proof: { compiles: boolean; errors: Array<{ region: string; operation: string }>; baselineErrors: unknown[]; usageLines: number };
      disagreements: unknown[];
      changeset: unknown;
    };
    expect(report.bump).toBe('major');
    expect(report.rules).toBe('major');
    expect(report.old).toEqual({ title: 'Pets', version: '1', source: 'diff/response-property-removed/old.yaml' });
    expect(report.changes).toEqual([
      {
        class: 'major',
        kind: 'property-removed',
        message: 'property `tag` removed',
        pointer: '#/components/schemas/Pet/properties/tag',
        symbol: 'Pet.tag',
        directions: ['response'],
        visible: 'yes',
      },
    ]);
    expect(report.proof.compiles).toBe(false);
    expect(report.proof.errors.map((e) => e.operation)).toEqual(['listPets', 'createPet', 'getPet']);
    expect(report.proof.baselineErrors).toEqual([]);
    expect(report.proof.usageLines).toBeGreaterThan(50);
    expect(report.disagreements).toEqual([]);
    expect(report.changeset).toBeNull();
  });

  it('two identical documents: no change, no proof needed', async () => {
    const spec = path.posix.join('diff', 'summary-changed', 'old.yaml');
    const r = await run([spec, spec]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No change to the generated packages.');
    expect(r.stdout).toContain('proof: not needed (the generated packages are the same)');
    expect(r.stdout).toMatch(/\nverdict: no change\n$/);
  });
});
