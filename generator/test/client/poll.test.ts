/**
 * The `…AndPoll` methods of the poll fixture (fixtures/rules/poll, `x-poll`; D41) against a small HTTP server on
 * 127.0.0.1: the generated TypeScript is imported and sends real requests. A load's status goes queued → running →
 * done one read at a time; a load that never ends runs into the time limit; a wait the caller aborts stops reading.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientFixtures, outRoot, writeGenerated } from './pipeline.js';

/** What the tests use of the generated client (its types are checked by consumers/poll.ts.txt). */
interface Load {
  id: number;
  status: string;
}
interface Job {
  id: string;
  progress?: { phase?: string } | null;
}
type PollOptions = { poll?: { intervalMs?: number; timeoutMs?: number; backoff?: number }; signal?: AbortSignal };
interface PollClient {
  loads: {
    createAndPoll(body: { name: string }, options?: PollOptions): Promise<Load>;
    runAndPoll_(loadId: number, options?: PollOptions): Promise<Load>;
  };
  exports: {
    createAndPoll(params: { workspace_id: number }, body: { format: string; options?: { label?: string } }, options?: PollOptions): Promise<Job>;
  };
  imports: {
    createAndPoll(params: { trace?: string }, body: { note?: string }, options?: PollOptions): Promise<{ status?: string }>;
  };
}
interface ClientModule {
  Client: new (options: { baseUrl: string; maxRetries?: number }) => PollClient;
  PollTimeoutError: new (...args: never[]) => Error & { attempts: number; lastValue: unknown };
  AbortError: new (...args: never[]) => Error;
}

/** Requests the server received (`METHOD /path?query`, and the body of writes). */
const received: string[] = [];
/** The statuses a load answers with, one per read (the last repeats). */
const statuses = new Map<number, string[]>();
const reads = new Map<string, number>();

function answer(res: import('node:http').ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

let server: Server;
let mod: ClientModule;
let client: PollClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      received.push(`${req.method} ${url.pathname}${url.search}${text === '' ? '' : ` ${text}`}`);
      const load = /^\/loads\/(\d+)$/.exec(url.pathname);
      if (req.method === 'POST' && url.pathname === '/loads') return answer(res, 201, { id: 7, status: 'queued' });
      if (req.method === 'PUT' && /^\/loads\/\d+\/run$/.test(url.pathname)) return answer(res, 202);
      if (req.method === 'GET' && load !== null) {
        const id = Number(load[1]);
        const n = reads.get(url.pathname) ?? 0;
        reads.set(url.pathname, n + 1);
        const list = statuses.get(id) ?? ['running'];
        return answer(res, 200, { id, status: list[Math.min(n, list.length - 1)] });
      }
      if (req.method === 'POST' && url.pathname === '/exports') return answer(res, 202, { job_id: 'j1' });
      if (req.method === 'GET' && url.pathname === '/jobs/j1') {
        const n = reads.get(url.pathname) ?? 0;
        reads.set(url.pathname, n + 1);
        return answer(res, 200, n === 0 ? { id: 'j1', progress: null } : { id: 'j1', progress: { phase: n === 1 ? 'running' : 'done', percent: 100 } });
      }
      if (req.method === 'POST' && url.pathname === '/imports') return answer(res, 202, { id: 'i1' });
      if (req.method === 'GET' && url.pathname === '/imports/i1') return answer(res, 200, { status: 'done' });
      answer(res, 404, { detail: 'no such thing' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fixture = clientFixtures().find((f) => f.name === 'poll');
  if (fixture === undefined) throw new Error('no poll fixture');
  const dir = await writeGenerated(fixture, path.join(outRoot, 'poll-runtime'));
  mod = (await import(pathToFileURL(path.join(dir, 'client/src/index.ts')).href)) as ClientModule;
  client = new mod.Client({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, maxRetries: 0 });
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  reads.clear();
  statuses.clear();
});

describe('…AndPoll against a server', () => {
  it('runs the load, then reads it until its status is terminal, and returns that read', async () => {
    statuses.set(1, ['queued', 'running', 'done']);
    const load = await client.loads.runAndPoll_(1, { poll: { intervalMs: 1 } });
    expect(load).toEqual({ id: 1, status: 'done' });
    expect(received).toEqual(['PUT /loads/1/run', 'GET /loads/1', 'GET /loads/1', 'GET /loads/1']);
  });

  it('a failed status ends the wait too', async () => {
    statuses.set(2, ['running', 'failed', 'done']);
    await expect(client.loads.runAndPoll_(2, { poll: { intervalMs: 1 } })).resolves.toEqual({ id: 2, status: 'failed' });
    expect(received).toHaveLength(3);
  });

  it('reads the load the creation returns ($response.body#/id)', async () => {
    statuses.set(7, ['queued', 'done']);
    const load = await client.loads.createAndPoll({ name: 'daily' }, { poll: { intervalMs: 1 } });
    expect(load.status).toBe('done');
    expect(received).toEqual(['POST /loads {"name":"daily"}', 'GET /loads/7', 'GET /loads/7']);
  });

  it('passes a query parameter, a body property and a constant to a read on another resource', async () => {
    const job = await client.exports.createAndPoll({ workspace_id: 3 }, { format: 'csv', options: { label: 'q3' } }, { poll: { intervalMs: 1 } });
    expect(job.progress?.phase).toBe('done');
    const read = 'GET /jobs/j1?workspace_id=3&include=progress&label=q3';
    expect(received).toEqual(['POST /exports?workspace_id=3 {"format":"csv","options":{"label":"q3"}}', read, read, read]);
  });

  it('an optional query parameter or body field reaches the read when given, and is left out when absent', async () => {
    await client.imports.createAndPoll({ trace: 't1' }, { note: 'n' }, { poll: { intervalMs: 1 } });
    await client.imports.createAndPoll({}, {}, { poll: { intervalMs: 1 } });
    expect(received).toEqual(['POST /imports?trace=t1 {"note":"n"}', 'GET /imports/i1?trace=t1&note=n', 'POST /imports {}', 'GET /imports/i1']);
  });

  it('a status that never ends rejects with PollTimeoutError carrying the last read', async () => {
    statuses.set(3, ['running']);
    const error = await client.loads.runAndPoll_(3, { poll: { intervalMs: 5, timeoutMs: 60 } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(mod.PollTimeoutError);
    const timeout = error as InstanceType<ClientModule['PollTimeoutError']>;
    expect(timeout.attempts).toBeGreaterThan(1);
    expect(timeout.lastValue).toEqual({ id: 3, status: 'running' });
  });

  it("the caller's signal aborts the wait: AbortError, and no read after it", async () => {
    statuses.set(4, ['running']);
    const controller = new AbortController();
    const waiting = client.loads.runAndPoll_(4, { poll: { intervalMs: 10_000 }, signal: controller.signal });
    // Abort during the pause after the first read.
    while ((reads.get('/loads/4') ?? 0) < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('user left'));
    await expect(waiting).rejects.toBeInstanceOf(mod.AbortError);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // (A read of the timed-out load 3 may still arrive: its request was aborted in flight.)
    expect(received.filter((r) => r.includes('/loads/4'))).toEqual(['PUT /loads/4/run', 'GET /loads/4']);
  });
});
