/**
 * Writes survive a kill (docs/decisions.md D30). A small spec is generated (the previous generation),
 * then a changed one (a resource added, one modified, one removed) is written in a child process that
 * stops itself with SIGKILL (or SIGINT) at step k of the write, for every k: the step hook of
 * `ApplyHooks`, not timing. After each kill every file of the output is byte-identical to its previous
 * or its new version; the next run finishes the write (or, killed before the journal, cleans up and
 * writes) and its summary says so. Exceptions at each step roll back to the previous generation.
 *
 * The child runs the generator's sources transpiled by esbuild into a temporary folder laid out like
 * the package (node_modules and templates linked, runtime copied and transpiled), so it is a plain, fast `node`
 * process.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Diagnostic, GenerateError } from '../../src/diagnostics.js';
import { type GenerateOptions, generate, type Target } from '../../src/generate.js';
import { snapshotDir } from './fs-helpers.js';

const generatorDir = path.resolve(import.meta.dirname, '../..');
const child = path.join(import.meta.dirname, 'kill-child.mjs');

const spec = (second: { path: string; id: string; tag: string; schema: string; prop: string }, petName: boolean): string => `openapi: 3.1.0
info: { title: Kill API, version: '1' }
paths:
  /pets:
    get:
      operationId: listPets
      tags: [Pets]
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
  ${second.path}:
    get:
      operationId: ${second.id}
      tags: [${second.tag}]
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/${second.schema}' } } } }
components:
  schemas:
    Pet: { type: object, properties: { id: { type: string }${petName ? ', name: { type: string }' : ''} } }
    ${second.schema}: { type: object, properties: { ${second.prop}: { type: string } } }
`;

let tmp: string;
let generateJs: string;
let v1: string;
let v2: string;
const previous: Partial<Record<'types' | 'both', string>> = {};
const expected: Partial<Record<'types' | 'both', Record<string, string>>> = {};
const before: Partial<Record<'types' | 'both', Record<string, string>>> = {};

function options(out: string, targets: readonly Target[], specFile = v2): GenerateOptions {
  return { spec: specFile, out, config: false, targets };
}

const targetsOf = (which: 'types' | 'both'): Target[] => (which === 'types' ? ['types'] : ['types', 'client']);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-kill-'));
  // The generator's sources as JavaScript, where their relative paths (../runtime, templates) hold.
  const mirror = path.join(tmp, 'build', 'generator');
  const src = path.join(generatorDir, 'src');
  const entries = fs
    .readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(src, f));
  await esbuild.build({
    entryPoints: entries,
    outdir: path.join(mirror, 'src'),
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  fs.symlinkSync(path.join(generatorDir, 'node_modules'), path.join(mirror, 'node_modules'));
  // runtime/: its .ts files, which the generator copies into each client, and the same transpiled, which the
  // generator's own code imports (emit/client/files.ts uses wire.ts's resolveBaseUrl).
  const runtime = path.join(generatorDir, 'runtime');
  const runtimeFiles = fs.readdirSync(runtime).filter((f) => f.endsWith('.ts'));
  fs.mkdirSync(path.join(mirror, 'runtime'));
  for (const f of runtimeFiles) fs.copyFileSync(path.join(runtime, f), path.join(mirror, 'runtime', f));
  await esbuild.build({
    entryPoints: runtimeFiles.filter((f) => !f.endsWith('.d.ts')).map((f) => path.join(runtime, f)),
    outdir: path.join(mirror, 'runtime'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  fs.copyFileSync(path.join(generatorDir, 'package.json'), path.join(mirror, 'package.json'));
  fs.symlinkSync(path.resolve(generatorDir, '../templates'), path.join(tmp, 'build', 'templates'));
  generateJs = path.join(mirror, 'src', 'generate.js');

  v1 = path.join(tmp, 'v1.yaml');
  v2 = path.join(tmp, 'v2.yaml');
  fs.writeFileSync(v1, spec({ path: '/owners', id: 'listOwners', tag: 'Owners', schema: 'Owner', prop: 'name' }, false));
  fs.writeFileSync(v2, spec({ path: '/stores', id: 'listStores', tag: 'Stores', schema: 'Store', prop: 'city' }, true));
  for (const which of ['types', 'both'] as const) {
    const prev = path.join(tmp, `previous-${which}`);
    await generate(options(prev, targetsOf(which), v1));
    // A hand-written file: never touched.
    fs.mkdirSync(path.join(prev, 'types/src/lib'), { recursive: true });
    fs.writeFileSync(path.join(prev, 'types/src/lib/mine.ts'), 'export const mine = 1;\n');
    previous[which] = prev;
    before[which] = snapshotDir(prev);
    const next = path.join(tmp, `next-${which}`);
    fs.cpSync(prev, next, { recursive: true });
    await generate(options(next, targetsOf(which)));
    expected[which] = snapshotDir(next);
  }
  // The change has an added, a modified and a removed file in each package.
  const b = before.both!;
  const e = expected.both!;
  expect(Object.keys(e).filter((f) => !(f in b))).toEqual(expect.arrayContaining(['types/src/stores.ts', 'client/src/resources/stores.ts']));
  expect(Object.keys(b).filter((f) => !(f in e))).toEqual(expect.arrayContaining(['types/src/owners.ts', 'client/src/resources/owners.ts']));
  expect(b['types/src/pets.ts']).not.toBe(e['types/src/pets.ts']);
}, 120_000);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The step names of the write from the previous to the new generation (the same in every run). */
async function stepsOf(which: 'types' | 'both'): Promise<string[]> {
  const out = copyOfPrevious(which, 'steps');
  const names: string[] = [];
  await generate({ ...options(out, targetsOf(which)), hooks: { step: (name, _i, dir) => void names.push(`${path.basename(dir)} ${name}`) } });
  return names;
}

let copies = 0;
function copyOfPrevious(which: 'types' | 'both', label: string): string {
  const out = path.join(tmp, `${label}-${which}-${copies++}`);
  fs.cpSync(previous[which]!, out, { recursive: true });
  return out;
}

/** Runs the write in a child that sends itself `signal` at step `k`; resolves with how it ended. */
function killedAt(out: string, which: 'types' | 'both', k: number, signal: 'SIGKILL' | 'SIGINT'): Promise<{ signal: string | null; output: string }> {
  const env = { ...process.env };
  delete env['SDKGEN_CHECK_PRINT'];
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, generateJs, signal, String(k), JSON.stringify(options(out, targetsOf(which)))], { env });
    let output = '';
    p.stdout.on('data', (d: Buffer) => (output += d.toString()));
    p.stderr.on('data', (d: Buffer) => (output += d.toString()));
    p.on('error', reject);
    p.on('close', (_code, sig) => resolve({ signal: sig, output }));
  });
}

/** Every file is its previous or its new version, whole; none that both generations have is missing. */
function expectWholeFiles(out: string, which: 'types' | 'both', label: string): void {
  const now = snapshotDir(out);
  const old = before[which]!;
  const neu = expected[which]!;
  for (const [file, text] of Object.entries(now)) {
    if (file.startsWith('.')) {
      // Beside the package folders: only a stage, a backup or a journal.
      expect(file.split('/')[0], `${label}: ${file}`).toMatch(/^\.(types|client)\.sdkgen-(stage-|backup-|journal\.json)/);
      continue;
    }
    expect([old[file], neu[file]], `${label}: ${file} is neither its previous nor its new version`).toContain(text);
  }
  for (const file of Object.keys(old)) if (file in neu) expect(now[file], `${label}: ${file} is missing`).toBeDefined();
}

/** Runs the generator again: the output is exactly the new generation, nothing is left beside it, and the summary said what was done. */
async function expectRecovery(out: string, which: 'types' | 'both', label: string): Promise<Diagnostic[]> {
  const leftBehind = fs.readdirSync(out).filter((n) => n.startsWith('.'));
  const result = await generate(options(out, targetsOf(which)));
  expect(snapshotDir(out), label).toEqual(expected[which]);
  expect(fs.readdirSync(out).sort(), label).toEqual(targetsOf(which).sort());
  const recovered = result.diagnostics.filter((d) => d.code === 'write/recovered');
  if (leftBehind.length > 0) expect(recovered.length, `${label}: the summary says what recovery did`).toBeGreaterThan(0);
  return recovered;
}

/** The index of the last step that starts with `prefix`. */
function lastIndex(steps: readonly string[], prefix: string): number {
  return steps.reduce((last, s, i) => (s.startsWith(prefix) ? i : last), -1);
}

/** Runs `jobs` two at a time. */
async function twoAtATime<T>(jobs: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all([lane(), lane()]);
  return results;
}

describe('a write killed at any step', () => {
  test('the steps: stage, journal, keep each old file, rename each new one, remove, commit, clean', async () => {
    const steps = await stepsOf('both');
    expect(steps.slice(0, 2)).toEqual(['types staged', 'types journal']);
    expect(steps).toContain('types backup:src/pets.ts');
    expect(steps).toContain('types backup:src/owners.ts');
    expect(steps).toContain('types rename:src/stores.ts');
    expect(steps.filter((s) => s.startsWith('types rename:')).at(-1)).toBe('types rename:.sdkgen-manifest.json');
    expect(steps).toContain('types remove:src/owners.ts');
    expect(steps.slice(-4)).toEqual(['types committed', 'client committed', 'types cleaned', 'client cleaned']);
    // Every old file is kept before the first new one goes in.
    const firstRename = steps.findIndex((s) => s.startsWith('types rename:'));
    expect(lastIndex(steps, 'types backup:')).toBeLessThan(firstRename);
  });

  test('SIGKILL at every step of a package: whole files; the next run finishes the write and says so', async () => {
    const steps = await stepsOf('types');
    const journalAt = steps.indexOf('types journal');
    const outcomes = await twoAtATime(
      steps.map((name, k) => async () => {
        const label = `SIGKILL at step ${k} (${name})`;
        const out = copyOfPrevious('types', `kill${k}`);
        const ended = await killedAt(out, 'types', k, 'SIGKILL');
        expect(ended.signal, `${label}: ${ended.output}`).toBe('SIGKILL');
        expectWholeFiles(out, 'types', label);
        if (k < journalAt) {
          // Killed before the journal: the output was never touched.
          const files = Object.fromEntries(Object.entries(snapshotDir(out)).filter(([f]) => !f.startsWith('.')));
          expect(files, label).toEqual(before.types);
        }
        const recovered = await expectRecovery(out, 'types', label);
        return { k, name, recovered: recovered.map((d) => d.message) };
      }),
    );
    // What the summary said: the folder, and what was done.
    expect(outcomes[0]!.recovered).toEqual([
      expect.stringMatching(/^deleted 2 leftover folder\(s\) of an interrupted write beside .*types \(it had not touched the output, or had finished\)$/),
    ]);
    // tsdown.config.ts is among them: its banner names the spec file, another one in v1 and v2.
    expect(outcomes[journalAt]!.recovered).toEqual([
      expect.stringMatching(/^finished the interrupted write of .*types .*: 7 file\(s\) moved into place, 1 removed$/),
    ]);
    const lastRename = lastIndex(steps, 'types rename:');
    expect(outcomes[lastRename]!.recovered).toEqual([expect.stringMatching(/: 0 file\(s\) moved into place, 1 removed$/)]);
    expect(outcomes.at(-1)!.recovered).toEqual([]);
  }, 300_000);

  test('SIGKILL at the steps between two packages, and SIGINT mid-rename', async () => {
    const steps = await stepsOf('both');
    const picks: Array<[string, 'SIGKILL' | 'SIGINT']> = [
      ['types remove:src/owners.ts', 'SIGKILL'], // types swapped, client not started
      ['client staged', 'SIGKILL'], // types swapped, client staged (no journal yet)
      ['client rename:src/resources/stores.ts', 'SIGKILL'],
      ['types committed', 'SIGKILL'], // types committed, client not
      ['types rename:src/pets.ts', 'SIGINT'],
    ];
    await twoAtATime(
      picks.map(([name, signal]) => async () => {
        const k = steps.indexOf(name);
        expect(k, name).toBeGreaterThanOrEqual(0);
        const label = `${signal} at step ${k} (${name})`;
        const out = copyOfPrevious('both', `cross${k}`);
        const ended = await killedAt(out, 'both', k, signal);
        expect(ended.signal, `${label}: ${ended.output}`).toBe(signal);
        expectWholeFiles(out, 'both', label);
        await expectRecovery(out, 'both', label);
      }),
    );
  }, 300_000);

  test('--check after a kill reports the pending write and changes nothing; the next run finishes it', async () => {
    const steps = await stepsOf('types');
    const k = steps.indexOf('types rename:src/pets.ts');
    const out = copyOfPrevious('types', 'check');
    expect((await killedAt(out, 'types', k, 'SIGKILL')).signal).toBe('SIGKILL');
    const killed = snapshotDir(out);
    const checked = await generate({ ...options(out, ['types']), check: true });
    expect(checked.upToDate).toBe(false);
    expect(checked.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'write/interrupted', severity: 'warning', message: expect.stringMatching(/an interrupted write of .*types is pending/) }),
    );
    expect(snapshotDir(out)).toEqual(killed);
    await expectRecovery(out, 'types', 'after --check');
    // And once finished, --check is clean.
    expect((await generate({ ...options(out, ['types']), check: true })).upToDate).toBe(true);
  }, 120_000);
});

describe('a journal left by an undo, or not ours', () => {
  test('a journal in phase rollback (killed while undoing a failed write) is undone by the next run', async () => {
    const steps = await stepsOf('types');
    const k = steps.indexOf('types rename:src/stores.ts');
    const out = copyOfPrevious('types', 'undo');
    expect((await killedAt(out, 'types', k, 'SIGKILL')).signal).toBe('SIGKILL');
    const journalFile = path.join(out, '.types.sdkgen-journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { phase: string };
    expect(journal.phase).toBe('swap');
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, phase: 'rollback' }));
    // The previous spec: once the undo is done, there is nothing to write.
    const result = await generate(options(out, ['types'], v1));
    expect(snapshotDir(out)).toEqual(before.types);
    expect(fs.readdirSync(out)).toEqual(['types']);
    expect(result.packages[0]!.result.written).toEqual([]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'write/recovered',
        message: expect.stringMatching(/^finished undoing the failed write of .*types: \d+ file\(s\) restored, 1 removed; the previous output is back$/),
      }),
    );
  }, 60_000);

  test('a journal that is not ours (or names paths outside the package) is an error, and nothing is touched', async () => {
    const out = copyOfPrevious('types', 'badjournal');
    const journalFile = path.join(out, '.types.sdkgen-journal.json');
    for (const bad of [
      'not json',
      JSON.stringify({
        sdkgenJournal: 1,
        phase: 'swap',
        stage: '.types.sdkgen-stage-x',
        backup: '.types.sdkgen-backup-x',
        write: ['../../etc/passwd'],
        remove: [],
      }),
      JSON.stringify({ sdkgenJournal: 1, phase: 'swap', stage: '../elsewhere', backup: '.types.sdkgen-backup-x', write: [], remove: [] }),
    ]) {
      fs.writeFileSync(journalFile, bad);
      const all = snapshotDir(out);
      const error = await generate(options(out, ['types'])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GenerateError);
      expect((error as GenerateError).diagnostics.map((d) => d.code)).toEqual(['write/bad-journal']);
      expect((error as GenerateError).message).toContain('delete the journal');
      expect(snapshotDir(out)).toEqual(all);
    }
  });
});

describe('an exception at any step', () => {
  test('rolls back to the previous generation, byte for byte, with nothing left beside it (until the last commit)', async () => {
    const steps = await stepsOf('both');
    const lastCommit = steps.lastIndexOf('client committed');
    for (let k = 0; k < steps.length; k++) {
      const label = `exception at step ${k} (${steps[k]})`;
      const out = copyOfPrevious('both', `throw${k}`);
      const hooks = {
        step: (_name: string, index: number) => {
          if (index === k) throw new Error(`simulated failure at ${k}`);
        },
      };
      await expect(generate({ ...options(out, ['types', 'client']), hooks }), label).rejects.toThrow(`simulated failure at ${k}`);
      if (k <= lastCommit) {
        expect(snapshotDir(out), label).toEqual(before.both);
        expect(fs.readdirSync(out).sort(), label).toEqual(['client', 'types']);
      } else {
        // Past the commit point the new generation stays; the next run deletes what is left.
        expectWholeFiles(out, 'both', label);
        await expectRecovery(out, 'both', label);
      }
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
