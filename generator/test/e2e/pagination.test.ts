/**
 * Pagination always ends (docs/decisions.md D26), through the generated Improvado client (packages/client/src, its
 * own copy of the runtime) against a real `node:http` server on 127.0.0.1: servers whose `next` cycles, points at the
 * current page, repeats a cursor, is empty; more pages than `maxPages`; empty pages with a new cursor; a total count.
 * Each test asserts the exact number of requests the server received and the items yielded before the error. The
 * loops end by themselves: as a backstop the server answers 500 (which the client, without retries, throws) from its
 * 1,101st request on, so a regression fails fast instead of looping.
 *
 * Improvado lists are all `page` style (DRF `count/next/previous/results`); cursor and next-link paging go through the
 * generated client's `core/pagination.ts` with a hand-made operation, sent by the Improvado client.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClientModule,
  type ClientOptionsLike,
  type ConnectionLike,
  json,
  loadClient,
  type PageLike,
  type PagePromiseLike,
  type Received,
  repoRoot,
  type RequestOptionsLike,
  startServer,
  type TestServer,
} from './harness.js';

/** The parts of the generated client these tests use beyond harness.ts's view. */
interface PagingOptions extends RequestOptionsLike {
  maxPages?: number;
}
interface PagingClient {
  datasources: {
    connections: {
      list(datasourceName: string, params?: { page?: number; page_size?: number }, options?: PagingOptions): PagePromiseLike<ConnectionLike>;
    };
  };
  workspaces: { list(params?: { page?: number; page_size?: number }, options?: PagingOptions): PagePromiseLike<{ id: number }> };
}
interface PaginationErrorLike extends Error {
  reason: 'repeat' | 'maxPages';
  style: string;
  marker: string;
  pages: number;
  items: number;
  maxPages: number;
  operation: string;
}
interface CoreOperation {
  method: 'get';
  path: string;
  operationId?: string;
  params?: object;
  pagination: { style: 'cursor' | 'next-link'; cursorParam?: string; itemsField: string; nextField?: string; countField?: string };
}
interface PaginationModule {
  requestPage<T>(client: unknown, op: CoreOperation, options?: PagingOptions): PagePromiseLike<T>;
}

const BACKSTOP = 1100;
let mod: ClientModule;
let PaginationError: abstract new (...args: never[]) => Error;
let core: PaginationModule;
let server: TestServer;

beforeAll(async () => {
  mod = await loadClient();
  PaginationError = (mod as unknown as { PaginationError: typeof PaginationError }).PaginationError;
  core = (await import(/* @vite-ignore */ pathToFileURL(path.join(repoRoot, 'packages/client/src/core/pagination.ts')).href)) as PaginationModule;
  server = await startServer();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

function client(options: ClientOptionsLike & { maxPages?: number } = {}): PagingClient {
  return new mod.Improvado({ baseUrl: server.url, maxRetries: 0, timeoutMs: 10_000, ...options } as ClientOptionsLike) as unknown as PagingClient;
}

/** Serves `reply` (per request) with the backstop in front. */
function serve(reply: (req: Received) => { status?: number; body: unknown; headers?: Record<string, string> }): void {
  server.reset((req, res) => {
    if (server.requests.length > BACKSTOP) return json(res, 500, { details: 'backstop: too many requests' });
    const r = reply(req);
    json(res, r.status ?? 200, r.body, r.headers);
  });
}

const connectionsPath = '/api/v3/datasources/google_ads/connections';
const pageOf = (req: Received): number => Number(req.query.get('page') ?? '1');
/** A DRF page of connections: `size` items numbered from the page. */
function drfPage(page: number, next: string | null, size = 2, count?: number) {
  const results = Array.from({ length: size }, (_, i) => ({ id: page * 100 + i, title: `c${page}-${i}`, datasource_name: 'google_ads' }));
  return { body: { count: count ?? 1_000_000, next, previous: null, results } };
}
const urlOfPage = (page: number): string => `${server.url}${connectionsPath}?page=${page}&page_size=2`;

/** Runs a `for await` until it ends; the items and the error it ended with. */
async function drain<T>(iterable: AsyncIterable<T>): Promise<{ items: T[]; error: PaginationErrorLike | undefined }> {
  const items: T[] = [];
  try {
    for await (const item of iterable) items.push(item);
    return { items, error: undefined };
  } catch (error) {
    if (!(error instanceof PaginationError)) throw error;
    return { items, error: error as PaginationErrorLike };
  }
}

const ids = (items: ConnectionLike[]): number[] => items.map((c) => c.id);

describe('page style through client.datasources.connections.list', () => {
  it('next cycles (page 1 → 2 → 1): PaginationError after both pages; 2 requests', async () => {
    serve((req) => drfPage(pageOf(req), urlOfPage(pageOf(req) === 1 ? 2 : 1)));
    const { items, error } = await drain(client().datasources.connections.list('google_ads', { page_size: 2 }));
    expect(ids(items)).toEqual([100, 101, 200, 201]);
    expect(error).toBeInstanceOf(mod.SdkError);
    expect(error).toMatchObject({
      name: 'PaginationError',
      reason: 'repeat',
      style: 'page',
      marker: '1',
      pages: 2,
      items: 4,
      operation: 'listDatasourceConnections',
    });
    expect(server.requests.map((r) => r.url)).toEqual([`${connectionsPath}?page_size=2`, `${connectionsPath}?page_size=2&page=2`]);
  });

  it('next points at the current page: PaginationError after it; 1 request', async () => {
    serve((req) => drfPage(pageOf(req), urlOfPage(pageOf(req))));
    const { items, error } = await drain(client().datasources.connections.list('google_ads', { page: 1, page_size: 2 }));
    expect(ids(items)).toEqual([100, 101]);
    expect(error).toMatchObject({ reason: 'repeat', marker: '1', pages: 1, items: 2 });
    expect(server.requests).toHaveLength(1);
  });

  it('a later page pointing at itself (page 3 → 3): 3 requests, 6 items', async () => {
    serve((req) => drfPage(pageOf(req), urlOfPage(Math.min(pageOf(req) + 1, 3))));
    const { items, error } = await drain(client().datasources.connections.list('google_ads', { page_size: 2 }));
    expect(items).toHaveLength(6);
    expect(error).toMatchObject({ reason: 'repeat', marker: '3', pages: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it('more pages than maxPages: the client option, the per-call option, and the default 1,000', async () => {
    serve((req) => drfPage(pageOf(req), urlOfPage(pageOf(req) + 1), 1));
    const limited = client({ maxPages: 4 });
    const byClient = await drain(limited.datasources.connections.list('google_ads'));
    expect(ids(byClient.items)).toEqual([100, 200, 300, 400]);
    expect(byClient.error).toMatchObject({ reason: 'maxPages', maxPages: 4, pages: 4, items: 4, marker: '5' });
    expect(server.requests).toHaveLength(4);

    server.requests.length = 0;
    const perCall = await drain(limited.datasources.connections.list('google_ads', {}, { maxPages: 2 }));
    expect(ids(perCall.items)).toEqual([100, 200]);
    expect(perCall.error).toMatchObject({ reason: 'maxPages', maxPages: 2, pages: 2 });
    expect(server.requests).toHaveLength(2);

    server.requests.length = 0;
    const byDefault = await drain(client().datasources.connections.list('google_ads'));
    expect(byDefault.items).toHaveLength(1000);
    expect(byDefault.error).toMatchObject({ reason: 'maxPages', maxPages: 1000, pages: 1000 });
    expect(server.requests).toHaveLength(1000);
  }, 60_000);

  it('count: stops normally once count items were yielded, although next is still set; 3 requests', async () => {
    serve((req) => drfPage(pageOf(req), urlOfPage(pageOf(req) + 1), 2, 5));
    const { items, error } = await drain(client().datasources.connections.list('google_ads', { page_size: 2 }));
    expect(error).toBeUndefined();
    expect(ids(items)).toEqual([100, 101, 200, 201, 300, 301]);
    expect(server.requests).toHaveLength(3);
  });

  it('an empty page whose next names a new page is followed; next null ends normally', async () => {
    serve((req) => {
      const page = pageOf(req);
      return page < 3 ? drfPage(page, urlOfPage(page + 1), 0) : drfPage(page, null, 1);
    });
    const { items, error } = await drain(client().datasources.connections.list('google_ads'));
    expect(error).toBeUndefined();
    expect(ids(items)).toEqual([300]);
    expect(server.requests).toHaveLength(3);
  });

  it('getNextPage() on a repeat throws PaginationError and sends nothing; hasNextPage() is true', async () => {
    serve((req) => drfPage(pageOf(req), urlOfPage(pageOf(req))));
    const page = (await client().datasources.connections.list('google_ads')) as PageLike<ConnectionLike>;
    expect(page.hasNextPage()).toBe(true);
    await expect(page.getNextPage()).rejects.toThrow(PaginationError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('cursor and next-link paging (generated core/pagination.ts, sent by the Improvado client)', () => {
  const cursorOp: CoreOperation = {
    method: 'get',
    path: '/feed',
    operationId: 'listFeed',
    params: { limit: 2 },
    pagination: { style: 'cursor', cursorParam: 'after', itemsField: '/data', nextField: '/next', countField: '/total' },
  };
  /** Answers per cursor (`''` for none). */
  function feed(by: Record<string, { data: number[]; next?: string | null; total?: number }>): void {
    serve((req) => ({ body: by[req.query.get('after') ?? ''] ?? { data: [], next: null } }));
  }
  const list = (op: CoreOperation = cursorOp, options?: PagingOptions) => core.requestPage<number>(client(), op, options);

  it('a cursor that repeats (c1 → c2 → c1): PaginationError after every page; 3 requests', async () => {
    feed({ '': { data: [1, 2], next: 'c1' }, c1: { data: [3], next: 'c2' }, c2: { data: [4], next: 'c1' } });
    const { items, error } = await drain(list());
    expect(items).toEqual([1, 2, 3, 4]);
    expect(error).toMatchObject({ reason: 'repeat', style: 'cursor', marker: 'c1', pages: 3, items: 4, operation: 'listFeed' });
    expect(server.requests.map((r) => r.url)).toEqual(['/feed?limit=2', '/feed?limit=2&after=c1', '/feed?limit=2&after=c2']);
  });

  it('an empty cursor ends normally; 2 requests', async () => {
    feed({ '': { data: [1], next: 'c1' }, c1: { data: [2], next: '' } });
    expect(await drain(list())).toEqual({ items: [1, 2], error: undefined });
    expect(server.requests).toHaveLength(2);
  });

  it('empty pages with a new cursor are not the end; 3 requests', async () => {
    feed({ '': { data: [], next: 'c1' }, c1: { data: [], next: 'c2' }, c2: { data: [9], next: null } });
    expect(await drain(list())).toEqual({ items: [9], error: undefined });
    expect(server.requests).toHaveLength(3);
  });

  it('count: stops once total items were received; 2 requests', async () => {
    feed({ '': { data: [1, 2], next: 'c1', total: 3 }, c1: { data: [3], next: 'c2', total: 3 }, c2: { data: [4], next: 'c3', total: 3 } });
    expect(await drain(list())).toEqual({ items: [1, 2, 3], error: undefined });
    expect(server.requests).toHaveLength(2);
  });

  it('endless new cursors: maxPages per call; N requests', async () => {
    let n = 0;
    serve(() => ({ body: { data: [n], next: `c${++n}` } }));
    const { items, error } = await drain(list(cursorOp, { maxPages: 7 }));
    expect(items).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(error).toMatchObject({ reason: 'maxPages', maxPages: 7, marker: 'c7' });
    expect(server.requests).toHaveLength(7);
  });

  it('next-link: a Link header that cycles back to the first URL; 3 requests', async () => {
    serve((req) => {
      const p = Number(req.query.get('p') ?? '1');
      const next = p < 3 ? `${server.url}/events?p=${p + 1}` : `${server.url}/events`;
      return { body: [p], headers: { link: `<${next}>; rel="next"` } };
    });
    const op: CoreOperation = { method: 'get', path: '/events', pagination: { style: 'next-link', itemsField: '' } };
    const { items, error } = await drain(list(op));
    expect(items).toEqual([1, 2, 3]);
    expect(error).toMatchObject({ reason: 'repeat', style: 'next-link', marker: `${server.url}/events`, pages: 3 });
    expect(server.requests.map((r) => r.url)).toEqual(['/events', '/events?p=2', '/events?p=3']);
  });
});

describe('a page of a client with Basic and bearer credentials', () => {
  it('JSON.stringify(page) and util.inspect(page, { depth: 10 }) show no credential', async () => {
    serve((req) => ({ ...drfPage(pageOf(req), null, 1), headers: { 'x-request-id': 'req-7' } }));
    const password = 'SENTINEL-BASIC-PASSWORD';
    const c = client({
      auth: { basicAuth: { username: 'agency', password }, bearerAuth: 'SENTINEL-BEARER-TOKEN' },
      headers: { 'x-custom': 'SENTINEL-HEADER' },
    });
    const sentinels = ['SENTINEL', Buffer.from(`agency:${password}`).toString('base64')];
    for (const promise of [
      c.workspaces.list({ page_size: 1 }), // basicAuth
      c.datasources.connections.list('google_ads', {}, { headers: { 'x-call': 'SENTINEL-CALL' } }), // bearerAuth
    ]) {
      const page = (await promise) as PageLike<unknown>;
      expect(page.requestId).toBe('req-7');
      const shown = [
        JSON.stringify(page),
        inspect(page, { depth: 10 }),
        inspect(page, { depth: 10, showHidden: true, getters: true }),
        JSON.stringify(promise),
        inspect(promise, { depth: 10 }),
      ].join('\n');
      for (const s of sentinels) expect(shown).not.toContain(s);
      expect(JSON.parse(JSON.stringify(page))).toMatchObject({ requestId: 'req-7', data: [{ id: 100 }] });
    }
    // The credentials were in use.
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Basic ${sentinels[1]}`, 'Bearer SENTINEL-BEARER-TOKEN']);
  });
});
