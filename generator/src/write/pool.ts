import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FormatFailure, FormatOptions } from './format.js';
import { formatInProcess, toFormatFailure } from './format.js';

/** One formatting job: text in, formatted text or a failure out. */
export interface FormatJob {
  text: string;
  options: FormatOptions;
}
export type FormatOutcome = { ok: true; formatted: string } | { ok: false; failure: FormatFailure };

/**
 * The worker's code, evaluated as a CommonJS script (so the same code runs from `dist/` and from the
 * TypeScript sources under vitest). It imports prettier from the URL it is given, at once (so loading
 * prettier overlaps whatever the main thread does meanwhile).
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
 * Default worker count: one fewer than the available CPUs (the main thread formats too), at most 7;
 * 0 (format in this thread only) on a single CPU. Measured on a 2-CPU machine (GitHub's API, 9 MB of
 * TypeScript): one worker beside the main thread formats in ~0.6× the serial wall time.
 */
export function defaultWorkerCount(): number {
  const cpus = os.availableParallelism();
  return Math.max(0, Math.min(7, cpus - 1));
}

interface Pending {
  job: FormatJob;
  resolve: (outcome: FormatOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Old-generation heap limit of a worker, MiB: pieces are at most ~100 KB, so a worker's live heap
 * stays small; without a limit V8 let it grow to ~250 MB before collecting (measured on GitHub's API).
 */
const WORKER_OLD_SPACE_MB = 128;

/** Jobs a worker holds at once: one running, one queued, so it never waits for the main thread. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * Formatting on `workers` worker threads plus this thread: jobs go to a shared queue; each worker
 * takes the next one (keeping {@link IN_FLIGHT_PER_WORKER} in flight), and this thread formats from
 * the same queue between its other work. Workers start (and load prettier) when the pool is created:
 * create it early so that overlaps loading and modelling. Call {@link close} when done.
 */
export class FormatPool {
  /** Worker threads (this thread formats too). */
  readonly workers: number;
  private readonly threads: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly inFlight: Array<Map<number, Pending>> = [];
  private nextId = 0;
  private mainBusy = false;
  private closed = false;
  private failed: unknown;

  constructor(workers: number) {
    this.workers = Math.max(0, workers);
    const url = this.workers > 0 ? prettierUrl() : '';
    for (let i = 0; i < this.workers; i++) {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { prettierUrl: url },
        // A low limit makes V8 collect before the heap grows (measured: ~80 MB less peak RSS).
        resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB },
      });
      const flights = new Map<number, Pending>();
      worker.on('message', (message: { id: number; ok: boolean; formatted?: string; error?: unknown }) => {
        const pending = flights.get(message.id);
        if (pending === undefined) return;
        flights.delete(message.id);
        if (flights.size === 0) worker.unref();
        pending.resolve(
          message.ok ? { ok: true, formatted: message.formatted ?? '' } : { ok: false, failure: toFormatFailure(message.error) },
        );
        this.dispatch();
      });
      // A worker that dies (out of memory under its heap limit, say) hands its jobs back: the other
      // threads, this one at least, format them.
      const retire = (): void => {
        const index = this.threads.indexOf(worker);
        if (index < 0) return;
        this.threads.splice(index, 1);
        this.inFlight.splice(index, 1);
        this.queue.unshift(...flights.values());
        flights.clear();
        this.dispatch();
      };
      worker.on('error', retire);
      worker.on('exit', retire);
      // An idle worker must not keep the process alive (one with jobs in flight must).
      worker.unref();
      this.threads.push(worker);
      this.inFlight.push(flights);
    }
  }

  /** Formats one text (never throws for a syntax error: that is a `{ ok: false }` outcome). */
  format(job: FormatJob): Promise<FormatOutcome> {
    if (this.closed) return Promise.reject(new Error('format pool is closed'));
    if (this.failed !== undefined) return Promise.reject(this.failed);
    return new Promise<FormatOutcome>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** Terminates the workers; pending jobs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    this.fail(new Error('format pool is closed'));
    await Promise.all(this.threads.splice(0).map((t) => t.terminate()));
    this.inFlight.splice(0);
  }

  private dispatch(): void {
    for (let i = 0; i < this.threads.length && this.queue.length > 0; i++) {
      const flights = this.inFlight[i]!;
      while (flights.size < IN_FLIGHT_PER_WORKER && this.queue.length > 0) {
        const pending = this.queue.shift()!;
        const id = this.nextId++;
        flights.set(id, pending);
        this.threads[i]!.ref();
        this.threads[i]!.postMessage({ id, text: pending.job.text, options: pending.job.options });
      }
    }
    if (!this.mainBusy && this.queue.length > 0) void this.runMain();
  }

  /** This thread's share: format queued jobs, yielding to the event loop between them (worker replies). */
  private async runMain(): Promise<void> {
    this.mainBusy = true;
    try {
      while (this.queue.length > 0) {
        const pending = this.queue.shift()!;
        pending.resolve(await formatHere(pending.job));
        // Let worker replies in (they hand the worker its next job) before formatting the next one.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.workers > 0) this.dispatch();
      }
    } finally {
      this.mainBusy = false;
    }
  }

  private fail(error: unknown): void {
    this.failed ??= error;
    for (const pending of this.queue.splice(0)) pending.reject(error);
    for (const flights of this.inFlight) {
      for (const pending of flights.values()) pending.reject(error);
      flights.clear();
    }
  }
}

/** Formats in this thread; a syntax error becomes a `{ ok: false }` outcome. */
export async function formatHere(job: FormatJob): Promise<FormatOutcome> {
  try {
    return { ok: true, formatted: await formatInProcess(job.text, job.options) };
  } catch (error) {
    return { ok: false, failure: toFormatFailure(error) };
  }
}
