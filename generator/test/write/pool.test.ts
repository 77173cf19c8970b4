/**
 * The format pool's two ways of sharing a package between threads, and emission overlapping
 * formatting:
 * - piece jobs: a worker runs the whole statement-by-statement formatting of a piece (fast path and
 *   prettier). A worker cannot import TypeScript, so the compiled `piece.js` is what the published
 *   generator hands it; here the piece module is compiled with esbuild into a temporary ES module;
 * - `hold()`: while the caller emits, this thread formats nothing and the workers take the jobs;
 * - `preparePackage` over an async iterable of files gives the bytes of the array form.
 */
import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import * as prettier from 'prettier';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { EmittedFile } from '../../src/emit/types.js';
import { fastFormatStyle } from '../../src/write/fast-format.js';
import { formatPieceHere, type PieceJob } from '../../src/write/piece.js';
import { FormatPool, preparePackage } from '../../src/write/index.js';
import { tempRoot } from './fs-helpers.js';

const generatorDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Inside the generator package, so that the bundle's `import 'prettier'` resolves to the generator's prettier. */
const moduleDir = path.join(generatorDir, 'node_modules/.cache/sdkgen-test-piece');
let pieceModuleUrl: string;

beforeAll(async () => {
  mkdirSync(moduleDir, { recursive: true });
  const outfile = path.join(moduleDir, `piece-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(generatorDir, 'src/write/piece.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['prettier'],
    outfile,
    logLevel: 'silent',
  });
  pieceModuleUrl = pathToFileURL(outfile).href;
});
afterAll(() => rmSync(moduleDir, { recursive: true, force: true }));

let out: string;
beforeEach(() => {
  out = path.join(tempRoot(), 'packages', 'types');
});

const options = { parser: 'babel-ts', printWidth: 100, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;
const style = fastFormatStyle(options);

/** Statements of both kinds: ones the fast path takes (interfaces, aliases) and ones it leaves to prettier (consts). */
function statements(count: number, from = 0): string {
  const parts: string[] = [];
  for (let i = from; i < from + count; i++) {
    parts.push(
      `/** Schema ${i}. */\nexport interface Schema${i} {\n  id: string;\n  "wire-name"?: number | null;\n}`,
      `export const values${i} = {a:${i}, b:"${i}"} as const`,
      `export type Union${i} = "a" | "b" | Schema${i} | null;`,
    );
  }
  return `${parts.join('\n\n')}\n`;
}

describe('piece jobs in workers', () => {
  test('a worker formats whole pieces: the bytes of this thread’s fast path plus prettier', async () => {
    expect(style).toBeDefined();
    const pool = new FormatPool(1, { pieceModuleUrl });
    try {
      expect(pool.piecesInWorkers).toBe(true);
      const jobs: PieceJob[] = Array.from({ length: 6 }, (_, i) => ({ text: statements(20, i * 20), options, pieceBytes: 32 * 1024, style }));
      const release = pool.hold(); // every job to the worker
      const inWorker = await Promise.all(jobs.map((job) => pool.formatPiece(job)));
      release();
      const here = await Promise.all(jobs.map((job) => formatPieceHere(job)));
      expect(inWorker).toEqual(here);
      expect(pool.busyMs).toBeGreaterThan(0); // the worker reports the time its jobs took
      for (const [i, job] of jobs.entries()) expect(inWorker[i]).toBe(await prettier.format(job.text, options));
    } finally {
      await pool.close();
    }
  });

  test('a piece prettier rejects comes back undefined (the caller then formats the whole file)', async () => {
    const pool = new FormatPool(1, { pieceModuleUrl });
    try {
      const release = pool.hold();
      const result = await pool.formatPiece({ text: `${statements(2)}\nconst broken = ;\n`, options, pieceBytes: 32 * 1024, style });
      release();
      expect(result).toBeUndefined();
    } finally {
      await pool.close();
    }
  });

  test('without a loadable piece module the workers take prettier jobs only', async () => {
    const fromSources = new FormatPool(1); // this module runs from TypeScript under vitest
    const none = new FormatPool(1, { pieceModuleUrl: undefined });
    try {
      expect(fromSources.piecesInWorkers).toBe(false);
      expect(none.piecesInWorkers).toBe(false);
    } finally {
      await Promise.all([fromSources.close(), none.close()]);
    }
  });
});

describe('hold()', () => {
  test('with no worker, held jobs wait for the release, then this thread formats them', async () => {
    const pool = new FormatPool(0);
    try {
      const release = pool.hold();
      let done = false;
      const job = pool.format({ text: 'const a = {b:1}\n', options }).then((outcome) => {
        done = true;
        return outcome;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(done).toBe(false);
      release();
      release(); // a second call does nothing
      expect(await job).toEqual({ ok: true, formatted: 'const a = { b: 1 };\n' });
    } finally {
      await pool.close();
    }
  });

  test('held, the worker takes the jobs: they finish while this thread formats none', async () => {
    const pool = new FormatPool(1, { pieceModuleUrl });
    try {
      const release = pool.hold();
      const results: Array<string | undefined> = [];
      const jobs = Array.from({ length: 4 }, (_, i) =>
        pool.formatPiece({ text: statements(10, i * 10), options, pieceBytes: 32 * 1024, style }).then((r) => {
          results.push(r);
        }),
      );
      // This thread stays out (as while it emits the next file): only the worker can have done them.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(results).toHaveLength(4);
      release();
      await Promise.all(jobs);
    } finally {
      await pool.close();
    }
  });
});

describe('preparePackage over files as they are emitted', () => {
  test('an async iterable with a pool gives the bytes of the array form', async () => {
    const files: EmittedFile[] = [
      { path: 'src/a.ts', kind: 'ts', contents: statements(300) },
      { path: 'src/b.ts', kind: 'ts', contents: statements(50, 300) },
      { path: 'package.json', kind: 'json', contents: '{"name":"x","version":"1.0.0"}' },
      { path: 'README.md', kind: 'md', contents: '# X\n\n| a | b |\n|---|---|\n| 1 | 2 |\n' },
    ];
    async function* emitted(): AsyncGenerator<EmittedFile> {
      for (const file of files) {
        yield file;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const pool = new FormatPool(1, { pieceModuleUrl });
    let streamed: Awaited<ReturnType<typeof preparePackage>>;
    try {
      const release = pool.hold();
      streamed = await preparePackage(out, emitted(), { cacheDir: false, pool, pieceBytes: 4 * 1024 });
      release();
    } finally {
      await pool.close();
    }
    const whole = await preparePackage(out, files, { cacheDir: false, workers: 0, pieceBytes: 4 * 1024 });
    expect(streamed.files).toEqual(whole.files);
    expect(streamed.workers).toBe(1);
    expect(whole.files.find((f) => f.path === 'src/a.ts')?.contents).toBe(await prettier.format(files[0]!.contents, options));
  });

  test('an invalid path fails the package even when formatting had started', async () => {
    const pool = new FormatPool(1, { pieceModuleUrl });
    try {
      const files: EmittedFile[] = [
        { path: 'src/a.ts', kind: 'ts', contents: statements(20) },
        { path: '../escape.ts', kind: 'ts', contents: statements(1) },
      ];
      await expect(preparePackage(out, files, { cacheDir: false, pool })).rejects.toMatchObject({
        diagnostics: [expect.objectContaining({ code: 'write/invalid-path' })],
      });
    } finally {
      await pool.close();
    }
  });
});

describe('claiming back', () => {
  test('jobs sent to a busy worker while held are taken back by this thread after the release, each done once', async () => {
    const pool = new FormatPool(1, { pieceModuleUrl });
    try {
      const release = pool.hold();
      const jobs = Array.from({ length: 40 }, (_, i) => ({ text: statements(15, i * 15), options, pieceBytes: 32 * 1024, style }));
      const results = jobs.map((job) => pool.formatPiece(job));
      release(); // at once: the worker has every job, most not started; this thread claims from the newest
      const formatted = await Promise.all(results);
      for (const [i, job] of jobs.entries()) expect(formatted[i]).toBe(await formatPieceHere(job));
      expect(pool.busyMs).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });
});
