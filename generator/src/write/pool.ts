import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type FormatFailure, type FormatOptions, formatInProcess, toFormatFailure } from './format.js';

/** One formatting job: text in, formatted text or a failure out. */
export interface FormatJob {
  text: string;
  options: FormatOptions;
}
export type FormatOutcome = { ok: true; formatted: string } | { ok: false; failure: FormatFailure };

/** Formats with prettier in this thread; a syntax error becomes a `{ ok: false }` outcome. */
export async function formatHere(job: FormatJob): Promise<FormatOutcome> {
  try {
    return { ok: true, formatted: await formatInProcess(job.text, job.options) };
  } catch (error) {
    return { ok: false, failure: toFormatFailure(error) };
  }
}

/**
 * The worker's code, evaluated as a CommonJS script (so the same code runs from `dist/` and from the
 * TypeScript sources under vitest). It imports prettier from the URL it is given, at once (so loading
 * prettier overlaps whatever the main thread does meanwhile). Before a job it claims the job's slot in
 * `claims` (shared memory): a job the main thread claimed first is answered `skipped`.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = import(workerData.prettierUrl);
// Jobs run one at a time, in the order they came (several at once would interleave at their awaits,
// each holding its parse trees); busy time is cumulated and sent with each reply.
let busy = 0;
const claims = new Int32Array(workerData.claims);
const queue = [];
let running = false;
parentPort.on('message', (message) => {
  queue.push(message);
  if (!running) void run();
});
async function run() {
  running = true;
  while (queue.length > 0) await handle(queue.shift());
  running = false;
}
async function handle(message) {
  // The main thread may have taken the job back meanwhile (it claims jobs a worker has not started).
  if (Atomics.compareExchange(claims, message.slot, 0, 1) !== 0) {
    parentPort.postMessage({ id: message.id, skipped: true, busy });
    return;
  }
  const prettier = await ready;
  const started = performance.now();
  let reply;
  try {
    reply = { id: message.id, ok: true, formatted: await prettier.format(message.job.text, message.job.options) };
  } catch (error) {
    const loc = error && error.loc && error.loc.start ? { start: { line: error.loc.start.line, column: error.loc.start.column } } : undefined;
    reply = { id: message.id, ok: false, error: { message: String(error && error.message || error), loc } };
  }
  busy += performance.now() - started;
  parentPort.postMessage({ ...reply, busy });
}
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

/** A queued or running job: prettier over a text. */
type Pending = { job: FormatJob; resolve: (outcome: FormatOutcome) => void; reject: (error: unknown) => void };

/**
 * Old-generation heap limit of a worker, MiB: a job is one file (the client's are at most ~100 KB),
 * so a worker's live heap stays small; without a limit V8 let it grow to ~250 MB before collecting (measured on GitHub's API).
 */
const WORKER_OLD_SPACE_MB = 128;

/** Jobs a worker holds at once: one running, one queued, so it never waits for the main thread. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * While the pool is held ({@link FormatPool.hold}) the main thread hands out jobs only between its own
 * steps (one emitted file to the next, hundreds of ms for a big file), so every queued job goes to the
 * workers at once; when it joins in, it claims back the jobs they have not started (see `claims`).
 */
const IN_FLIGHT_PER_WORKER_HELD = Number.POSITIVE_INFINITY;

/** Claim slots (job id modulo this): 0 free, 1 taken by a worker, 2 taken by the main thread. */
const CLAIM_SLOTS = 1 << 16;

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
  /** Busy ms of this thread's jobs, and the last cumulated busy ms each worker reported (by worker). */
  private mainBusyMs = 0;
  private readonly workerBusyMs = new Map<Worker, number>();
  /** One slot per job in flight (by id modulo {@link CLAIM_SLOTS}), claimed by whichever thread starts the job. */
  private readonly claims = new Int32Array(new SharedArrayBuffer(CLAIM_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  private mainBusy = false;
  private holds = 0;
  private closed = false;
  private failed: unknown;

  constructor(workers: number) {
    this.workers = Math.max(0, workers);
    const url = this.workers > 0 ? prettierUrl() : '';
    for (let i = 0; i < this.workers; i++) {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { prettierUrl: url, claims: this.claims.buffer },
        // A low limit makes V8 collect before the heap grows (measured: ~80 MB less peak RSS).
        resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB },
      });
      const flights = new Map<number, Pending>();
      worker.on('message', (message: WorkerReply) => {
        if (message.busy !== undefined) this.workerBusyMs.set(worker, message.busy);
        const pending = flights.get(message.id);
        if (pending === undefined || 'skipped' in message) return; // taken back by this thread
        flights.delete(message.id);
        if (flights.size === 0) worker.unref();
        if ('ok' in message)
          pending.resolve(message.ok ? { ok: true, formatted: message.formatted ?? '' } : { ok: false, failure: toFormatFailure(message.error) });
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

  /**
   * Milliseconds the threads have spent on jobs so far, summed over the threads (this one included).
   * Formatting overlaps emission, so this, not a stretch of wall-clock time, is its cost.
   */
  get busyMs(): number {
    let total = this.mainBusyMs;
    for (const ms of this.workerBusyMs.values()) total += ms;
    return total;
  }

  /** Formats one text with prettier (never throws for a syntax error: that is a `{ ok: false }` outcome). */
  format(job: FormatJob): Promise<FormatOutcome> {
    if (this.closed) return Promise.reject(new Error('format pool is closed'));
    if (this.failed !== undefined) return Promise.reject(this.failed);
    return new Promise<FormatOutcome>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Keeps this thread out of formatting until the returned release function is called (each hold is
   * released once; holds nest): for a caller that hands jobs in while it is busy with other work
   * (emitting the next file), so that the workers format meanwhile. Jobs queue until a worker takes
   * them; with no workers they wait for the release.
   * @returns the release function (calling it again does nothing)
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.dispatch();
    };
  }

  /** Terminates the workers; pending jobs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    this.fail(new Error('format pool is closed'));
    await Promise.all(this.threads.splice(0).map((t) => t.terminate()));
    this.inFlight.splice(0);
  }

  private dispatch(): void {
    const limit = this.holds > 0 ? IN_FLIGHT_PER_WORKER_HELD : IN_FLIGHT_PER_WORKER;
    for (let i = 0; i < this.threads.length && this.queue.length > 0; i++) {
      const flights = this.inFlight[i]!;
      while (flights.size < limit && this.queue.length > 0) {
        const pending = this.queue.shift()!;
        const id = this.nextId++;
        const slot = id % CLAIM_SLOTS;
        Atomics.store(this.claims, slot, 0); // the job that had this slot before is long done
        flights.set(id, pending);
        this.threads[i]!.ref();
        this.threads[i]!.postMessage({ id, slot, job: pending.job });
      }
    }
    // This thread joins in when it may: queued jobs, or jobs sent to a worker beyond the one it is on.
    if (!this.mainBusy && this.holds === 0 && (this.queue.length > 0 || this.inFlight.some((f) => f.size > 1))) void this.runMain();
  }

  /**
   * A job a worker has been sent but not started, taken back for this thread (newest first: the
   * furthest from being started), or undefined.
   */
  private claimBack(): Pending | undefined {
    for (const flights of this.inFlight) {
      for (const id of [...flights.keys()].reverse()) {
        if (Atomics.compareExchange(this.claims, id % CLAIM_SLOTS, 0, 2) !== 0) continue;
        const pending = flights.get(id)!;
        flights.delete(id);
        return pending;
      }
    }
    return undefined;
  }

  /**
   * This thread's share: format queued jobs, then jobs taken back from the workers, yielding to the
   * event loop between them (worker replies).
   */
  private async runMain(): Promise<void> {
    this.mainBusy = true;
    try {
      for (;;) {
        if (this.holds > 0) break;
        const pending = this.queue.shift() ?? this.claimBack();
        if (pending === undefined) break;
        const started = performance.now();
        const outcome = await formatHere(pending.job);
        this.mainBusyMs += performance.now() - started;
        pending.resolve(outcome);
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

/** A worker's answer to a job, or `skipped` (this thread had claimed it). */
type WorkerReply = { id: number; busy?: number } & ({ ok: boolean; formatted?: string; error?: unknown } | { skipped: true });
