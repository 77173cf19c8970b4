/**
 * Shared pieces of the end-to-end tests: paths, a loader for the generated Improvado client (its TypeScript sources,
 * imported at run time so that the generator's `tsc -p generator/tsconfig.json` does not pull packages/client into its
 * program: `rootDir` is generator/), the test-local view of the client's surface these tests use, an HTTP test server on
 * 127.0.0.1 (port 0) that records what it receives, Prism serving spec/openapi.yaml as a validating mock, and
 * child-process helpers with hard time limits.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const clientSrc = path.join(repoRoot, 'packages/client/src/index.ts');
/** Scratch output of the e2e tests (git-ignored through `.sdkgen-cache/`). */
export const e2eOut = path.join(repoRoot, 'generator/.sdkgen-cache/e2e');
export const bin = (name: string): string => path.join(repoRoot, 'node_modules/.bin', name);
/**
 * A URL whose connections are refused (ECONNREFUSED): port 2 of 127.0.0.1, where nothing listens (port 1 is
 * on fetch's list of bad ports: refused before connecting), outside the ephemeral range. Not a port closed
 * after use: test files run in parallel, and another file's server may be given that port again.
 */
export const REFUSED_URL = 'http://127.0.0.1:2';

// ---------------------------------------------------------------------------------------------------------------
// The client surface used by the tests (checked against the real client by generator/test/client/tsc.test.ts and the
// README type checks; here it only has to describe what the tests touch).

export interface WithResponseLike<T> {
  data: T;
  response: Response;
  headers: Headers;
  requestId: string | undefined;
}
export interface APIPromiseLike<T> extends PromiseLike<T> {
  withResponse(): Promise<WithResponseLike<T>>;
  asResponse(): Promise<Response>;
}
export interface PageLike<T> extends AsyncIterable<T> {
  data: T[];
  body: unknown;
  requestId: string | undefined;
  hasNextPage(): boolean;
  getNextPage(): Promise<PageLike<T>>;
  iterPages(): AsyncIterable<PageLike<T>>;
}
export interface PagePromiseLike<T> extends APIPromiseLike<PageLike<T>>, AsyncIterable<T> {}

export interface RequestOptionsLike {
  timeoutMs?: number;
  maxRetries?: number;
  headers?: Record<string, string | null>;
  signal?: AbortSignal;
  retryNonIdempotent?: boolean;
}
export interface MiddlewareContextLike {
  operation: { method: string; path: string; operationId?: string };
  attempt: number;
}
export type MiddlewareLike = (request: Request, next: (request: Request) => Promise<Response>, context: MiddlewareContextLike) => Promise<Response>;

export interface ClientOptionsLike {
  baseUrl?: string;
  auth?: {
    basicAuth?: { username: string; password: string };
    bearerAuth?: string | (() => string | Promise<string>) | { workspace_id: number };
    sessionCookie?: string;
    workspaceHeader?: string;
  };
  timeoutMs?: number;
  maxRetries?: number;
  headers?: Record<string, string | null>;
  middleware?: MiddlewareLike[];
  hooks?: {
    now?: () => number;
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
    random?: () => number;
  };
}

export interface ConnectionLike {
  id: number;
  title: string;
  datasource_name: string;
}
export interface WorkspaceLike {
  id: number;
  title: string;
}

/** A resource or method reached by name (the Prism test walks `x-sdk-resource` / `x-sdk-method`). */
export type Dyn = { [key: string]: unknown };

export interface ImprovadoLike {
  readonly baseUrl: string;
  withOptions(overrides: ClientOptionsLike): ImprovadoLike;
  datasources: {
    list(params?: { page?: number; page_size?: number }, options?: RequestOptionsLike): PagePromiseLike<{ name: string }>;
    externalAuthLinks: {
      create(datasourceName: string, body: { send_email?: boolean }, options?: RequestOptionsLike): APIPromiseLike<unknown>;
    };
    connections: {
      list(datasourceName: string, params?: { page?: number; page_size?: number }, options?: RequestOptionsLike): PagePromiseLike<ConnectionLike>;
      delete(datasourceName: string, connectionId: number, options?: RequestOptionsLike): APIPromiseLike<undefined>;
    };
  };
  workspaces: {
    retrieve(id: number, options?: RequestOptionsLike): APIPromiseLike<WorkspaceLike>;
    create(body: { title: string }, options?: RequestOptionsLike): APIPromiseLike<WorkspaceLike>;
  };
  token: { create(body: { workspace_id: number }, options?: RequestOptionsLike): APIPromiseLike<{ token: string }> };
}

type ErrorClass = abstract new (...args: never[]) => Error;
export interface ApiErrorLike extends Error {
  status: number;
  body: unknown;
  headers: Headers;
  requestId: string | undefined;
}

export interface ClientModule {
  Improvado: new (options?: ClientOptionsLike) => ImprovadoLike;
  SdkError: ErrorClass;
  ApiError: ErrorClass;
  NotFoundError: ErrorClass;
  AuthenticationError: ErrorClass;
  RateLimitError: ErrorClass;
  InternalServerError: ErrorClass;
  ConnectionError: ErrorClass;
  TimeoutError: ErrorClass;
  AbortError: ErrorClass;
  WebhookVerificationError: ErrorClass;
  verifyWebhook(input: { rawBody: string | Uint8Array; headers: Headers | Record<string, string>; secret: string }): Promise<unknown>;
  webhookIdempotencyKey(headers: Headers | Record<string, string>): string | undefined;
  challengeResponse(request: Request, options?: { secret?: string }): Response | undefined;
  handleVerificationChallenge(
    request: { method?: string; headers: Headers | Record<string, string> },
    options?: { secret?: string },
  ): { status: number; body: string; headers: Record<string, string> } | undefined;
}

/** The generated client, from its TypeScript sources (vitest transforms them). */
export async function loadClient(): Promise<ClientModule> {
  const href = pathToFileURL(clientSrc).href;
  return (await import(/* @vite-ignore */ href)) as ClientModule;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP test server.

export interface Received {
  method: string;
  /** Path and query as sent. */
  url: string;
  pathname: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: Received, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request received since the last `reset()`, in arrival order (recorded before the handler runs). */
  requests: Received[];
  /** Sockets opened since the last `reset()`. */
  connections: number;
  /** Replaces the handler and clears the records. */
  reset(handler?: Handler): void;
  close(): Promise<void>;
}

/** Sends `value` as JSON. */
export function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/**
 * Starts a server on 127.0.0.1, port 0. Unhandled requests get 500 `{ details: 'no handler' }`; a handler that throws
 * gets 500 with the message (so a failed server-side check shows up in the client's error).
 */
export async function startServer(handler?: Handler): Promise<TestServer> {
  let current: Handler | undefined = handler;
  const sockets = new Set<Socket>();
  const state = { requests: [] as Received[], connections: 0 };
  const server: Server = createServer(async (raw, res) => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of raw) chunks.push(chunk as Buffer);
    } catch {
      return;
    }
    const u = new URL(raw.url ?? '/', 'http://127.0.0.1');
    const rec: Received = {
      method: raw.method ?? 'GET',
      url: raw.url ?? '/',
      pathname: u.pathname,
      query: u.searchParams,
      headers: raw.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    state.requests.push(rec);
    try {
      if (!current) json(res, 500, { details: 'no handler' });
      else await current(rec, res, raw);
    } catch (err) {
      if (!res.headersSent && !res.destroyed) json(res, 500, { details: `server check failed: ${(err as Error).message}` });
    }
  });
  server.on('connection', (socket: Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get connections() {
      return state.connections;
    },
    reset(h?: Handler) {
      current = h;
      state.requests = [];
      state.connections = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Prism.

/** A running Prism mock. */
export interface PrismServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** What Prism printed so far (its request log, validation messages). */
  log(): string;
  /** Stops it (SIGTERM, SIGKILL after 5 s) and waits for its exit. */
  stop(): Promise<void>;
}

/** A port of 127.0.0.1 free at the time of the call. */
export async function freePort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const address = srv.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/**
 * Starts Prism (`@stoplight/prism-cli`, the repository's pinned copy) serving spec/openapi.yaml as a mock on 127.0.0.1
 * with `--errors` (an invalid request gets a 4xx and an `sl-violations` header) and a fixed `--seed`, and resolves once
 * it listens. A request's `Prefer: code=404` picks the response of that status; `Prefer: dynamic=true` random bodies.
 *
 * @throws Error with Prism's output when it exits or does not listen within `timeoutMs` (100 s by default)
 */
export async function startPrism(options: { seed?: string; timeoutMs?: number } = {}): Promise<PrismServer> {
  const port = await freePort();
  const entry = path.join(repoRoot, 'node_modules/@stoplight/prism-cli/dist/index.js');
  const args = [entry, 'mock', 'spec/openapi.yaml', '--errors', '--seed', options.seed ?? 'sdk-e2e', '-p', String(port), '-h', '127.0.0.1'];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 100_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Prism did not start within ${timeoutMs / 1000} s:\n${log}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      log += d.toString('utf8');
      if (log.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code}:\n${log}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes.

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs a command to completion with a hard limit (SIGKILL after `timeoutMs`). Asynchronous, so a server started by
 * the same test process keeps answering while the child runs.
 */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; input?: string } = {},
): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.end(options.input ?? '');
  });
}
