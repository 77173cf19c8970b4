/**
 * The format pool's way of sharing a package between threads, and emission overlapping formatting:
 * - `hold()`: while the caller emits, this thread formats nothing and the workers take the jobs;
 * - claiming back: after the release, this thread takes back the jobs a worker has not started;
 * - `preparePackage` over an async iterable of files gives the bytes of the array form.
 */
import * as path from 'node:path';
import * as prettier from 'prettier';
import { beforeEach, describe, expect, test } from 'vitest';
import type { EmittedFile } from '../../src/emit/types.js';
import { FormatPool, preparePackage } from '../../src/write/index.js';
import { formatHere } from '../../src/write/pool.js';
import { tempRoot } from './fs-helpers.js';

let out: string;
beforeEach(() => {
  out = path.join(tempRoot(), 'packages', 'types');
});

const options = { parser: 'babel-ts', printWidth: 100, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

/** Unformatted statements: interfaces, consts and aliases. */
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
    const pool = new FormatPool(1);
    try {
      const release = pool.hold();
      const results: unknown[] = [];
      const jobs = Array.from({ length: 4 }, (_, i) =>
        pool.format({ text: statements(10, i * 10), options }).then((r) => {
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
    const pool = new FormatPool(1);
    let streamed: Awaited<ReturnType<typeof preparePackage>>;
    try {
      const release = pool.hold();
      streamed = await preparePackage(out, emitted(), { cacheDir: false, pool });
      release();
    } finally {
      await pool.close();
    }
    const whole = await preparePackage(out, files, { cacheDir: false, workers: 0 });
    expect(streamed.files).toEqual(whole.files);
    expect(streamed.workers).toBe(1);
    expect(whole.files.find((f) => f.path === 'src/a.ts')?.contents).toBe(await prettier.format(files[0]!.contents, options));
  });

  test('an invalid path fails the package even when formatting had started', async () => {
    const pool = new FormatPool(1);
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
    const pool = new FormatPool(1);
    try {
      const release = pool.hold();
      const jobs = Array.from({ length: 40 }, (_, i) => ({ text: statements(15, i * 15), options }));
      const results = jobs.map((job) => pool.format(job));
      release(); // at once: the worker has every job, most not started; this thread claims from the newest
      const formatted = await Promise.all(results);
      for (const [i, job] of jobs.entries()) expect(formatted[i]).toEqual(await formatHere(job));
      expect(pool.busyMs).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });
});
