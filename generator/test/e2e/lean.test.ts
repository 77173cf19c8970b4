/**
 * End to end over real HTTP: generated resources of the Improvado client (packages/client/src) over the lean core
 * (`LeanClient`, src/core/lean.ts), with Node's own fetch, against a server on 127.0.0.1. Covers a GET with a path
 * parameter, a POST with a JSON body, a paginated list walked page by page (page numbers in the query), a typed 404,
 * and an abort while the server has not answered.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type APIPromiseLike, type ApiErrorLike, json, type PagePromiseLike, repoRoot, startServer, type TestServer } from './harness.js';

interface LeanModule {
  LeanClient: new (options: { baseUrl: string; headers?: Record<string, string> }) => object;
}
interface ExtractsLike {
  retrieve(extractId: number, options?: { signal?: AbortSignal }): APIPromiseLike<{ id: number; title: string }>;
  create(body: { title: string }): APIPromiseLike<{ id: number; title: string }>;
}
interface ConnectionsLike {
  list(datasourceName: string, params?: { page?: number; page_size?: number }): PagePromiseLike<{ id: number }>;
}
type ErrorClass = abstract new (...args: never[]) => Error;

const src = path.join(repoRoot, 'packages/client/src');
const load = async <T>(file: string): Promise<T> => (await import(/* @vite-ignore */ pathToFileURL(path.join(src, file)).href)) as T;

let server: TestServer;
let extracts: ExtractsLike;
let connections: ConnectionsLike;
let NotFoundError: ErrorClass;
let AbortError: ErrorClass;

const TOKEN = 'Bearer lean-token';

beforeAll(async () => {
  const [{ LeanClient }, ext, con, errors] = await Promise.all([
    load<LeanModule>('core/lean.ts'),
    load<{ Extracts: new (client: object) => ExtractsLike }>('resources/extracts.ts'),
    load<{ DatasourcesConnections: new (client: object) => ConnectionsLike }>('resources/datasources/connections.ts'),
    load<{ NotFoundError: ErrorClass; AbortError: ErrorClass }>('core/errors.ts'),
  ]);
  NotFoundError = errors.NotFoundError;
  AbortError = errors.AbortError;
  server = await startServer((req, res) => {
    if (req.headers.authorization !== TOKEN) return json(res, 401, { detail: 'no token' });
    if (req.method === 'GET' && req.pathname === '/api/v3/extracts/7') return json(res, 200, { id: 7, title: 'Ads' }, { 'x-request-id': 'rid-7' });
    if (req.method === 'GET' && req.pathname === '/api/v3/extracts/8') return; // never answers (the abort test)
    if (req.method === 'POST' && req.pathname === '/api/v3.1/extracts/') return json(res, 201, { id: 9, ...(JSON.parse(req.body) as object) });
    if (req.method === 'GET' && req.pathname === '/api/v3/datasources/google_ads/connections') {
      const page = Number(req.query.get('page') ?? '1');
      const next = page < 3 ? `${server.url}/api/v3/datasources/google_ads/connections?page=${page + 1}&page_size=2` : null;
      return json(res, 200, { count: 5, next, previous: null, results: [{ id: page * 10 + 1 }, { id: page * 10 + 2 }].slice(0, page < 3 ? 2 : 1) });
    }
    return json(res, 404, { detail: 'Not found.' }, { 'x-request-id': 'rid-404' });
  });
  const lean = new LeanClient({ baseUrl: `${server.url}/`, headers: { Authorization: TOKEN } });
  extracts = new ext.Extracts(lean);
  connections = new con.DatasourcesConnections(lean);
}, 30_000);

afterAll(async () => {
  await server?.close();
});

describe('resources over the lean core, against 127.0.0.1', () => {
  it('GET with a path parameter: data, request id, the headers sent', async () => {
    server.requests.length = 0;
    const r = await extracts.retrieve(7).withResponse();
    expect(r.data).toEqual({ id: 7, title: 'Ads' });
    expect(r.requestId).toBe('rid-7');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.accept).toBe('application/json');
  });

  it('POST with a JSON body', async () => {
    server.requests.length = 0;
    expect(await extracts.create({ title: 'New' })).toEqual({ id: 9, title: 'New' });
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(server.requests[0]?.body).toBe('{"title":"New"}');
  });

  it('a paginated list walks every page', async () => {
    server.requests.length = 0;
    const ids: number[] = [];
    for await (const c of connections.list('google_ads', { page: 1, page_size: 2 })) ids.push(c.id);
    expect(ids).toEqual([11, 12, 21, 22, 31]);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v3/datasources/google_ads/connections?page=1&page_size=2',
      '/api/v3/datasources/google_ads/connections?page=2&page_size=2',
      '/api/v3/datasources/google_ads/connections?page=3&page_size=2',
    ]);
  });

  it('a 404 rejects with NotFoundError: status, body, request id', async () => {
    const err = (await extracts.retrieve(404).then(
      () => undefined,
      (e: unknown) => e,
    )) as ApiErrorLike;
    expect(err).toBeInstanceOf(NotFoundError);
    expect([err.status, err.body, err.requestId]).toEqual([404, { detail: 'Not found.' }, 'rid-404']);
  });

  it('an abort while the server has not answered rejects with AbortError', async () => {
    const controller = new AbortController();
    const call = extracts.retrieve(8, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const err = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AbortError);
  });
});
