import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FormatFailure, FormatOptions } from './format.js';
import { toFormatFailure } from './format.js';

/** One formatting job: text in, formatted text or a failure out. */
export interface FormatJob {
  text: string;
  options: FormatOptions;
}
export type FormatOutcome = { ok: true; formatted: string } | { ok: false; failure: FormatFailure };

/**
 * The worker's code, evaluated as a CommonJS script (so the same code runs from `dist/` and from the
 * TypeScript sources under vitest). It imports prettier from the URL it is given.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = import(workerData.prettierUrl);
parentPort.on('message', async (job) => {
  const prettier = await ready;
  try {
    parentPort.postMessage({ id: job.id, ok: true, formatted: await prettier.format(job.text, job.options) });
  } catch (error) {
    const loc = error && error.loc && error.loc.start ? { start: { line: error.loc.start.line, column: error.loc.start.column } } : undefined;
    parentPort.postMessage({ id: job.id, ok: false, error: { message: String(error && error.message || error), loc } });
  }
});
`;

function prettierUrl(): string {
  const require = createRequire(import.meta.url);
  const cjs = require.resolve('prettier');
  return pathToFileURL(path.join(path.dirname(cjs), 'index.mjs')).href;
}

/**
 * Default worker count: one per available CPU (at most 8) on machines with 4 or more; 0 (format in
 * this thread) below that. Measured on a 2-CPU machine, two workers were no faster than one thread
 * once other processes compete for the CPUs, and slower for small inputs (each worker loads and
 * warms up prettier: ~0.3–1 s).
 */
export function defaultWorkerCount(): number {
  const cpus = os.availableParallelism();
  return cpus >= 4 ? Math.min(8, cpus) : 0;
}

/**
 * Formats `jobs` on `workers` worker threads, each taking the next job when done with one.
 * Outcomes are in job order. Workers are always terminated before this returns.
 */
export async function formatInWorkers(jobs: readonly FormatJob[], workers: number): Promise<FormatOutcome[]> {
  const outcomes: FormatOutcome[] = new Array(jobs.length);
  const url = prettierUrl();
  let next = 0;
  const count = Math.max(1, Math.min(workers, jobs.length));
  const threads: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: count }, async () => {
        const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { prettierUrl: url } });
        threads.push(worker);
        while (next < jobs.length) {
          const id = next++;
          const job = jobs[id]!;
          outcomes[id] = await runOne(worker, id, job);
        }
      }),
    );
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  return outcomes;
}

function runOne(worker: Worker, id: number, job: FormatJob): Promise<FormatOutcome> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { id: number; ok: boolean; formatted?: string; error?: unknown }): void => {
      if (message.id !== id) return;
      worker.off('message', onMessage);
      worker.off('error', onError);
      resolve(
        message.ok ? { ok: true, formatted: message.formatted ?? '' } : { ok: false, failure: toFormatFailure(message.error) },
      );
    };
    const onError = (error: Error): void => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.postMessage({ id, text: job.text, options: job.options });
  });
}
