import { describe, expect, it } from 'vitest';
import { SdkError } from '../../runtime/errors.js';
import { Page, PagePromise, requestPage } from '../../runtime/pagination.js';
import type { Operation } from '../../runtime/types.js';
import { json, mockFetch, TestClient } from './helpers.js';

interface Connection {
  id: number;
}

/** A DRF-style server: `count/next/previous/results`, page numbers from 1. */
function drf(total: number, pageSize: number) {
  return mockFetch((req) => {
    const url = new URL(req.url);
    const page = Number(url.searchParams.get('page') ?? '1');
    const size = Number(url.searchParams.get('page_size') ?? pageSize);
    const start = (page - 1) * size;
    const results = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => ({ id: start + i + 1 }));
    const next = start + size < total ? `${url.origin}${url.pathname}?page=${page + 1}&page_size=${size}` : null;
    return json({ count: total, next, previous: page > 1 ? 'prev' : null, results });
  });
}

const listOp = (params: Record<string, unknown>): Operation => ({
  method: 'get',
  path: '/api/v3/datasources/{datasource_name}/connections',
  params,
  parameters: { datasource_name: { in: 'path' }, page: { in: 'query' }, page_size: { in: 'query' } },
  responses: { '200': 'json' },
  pagination: { style: 'page', in: 'query', pageParam: 'page', sizeParam: 'page_size', itemsField: '/results', nextField: '/next', countField: '/count' },
});

describe('page style (DRF envelope)', () => {
  it('await gives the first page; for await walks every item across pages', async () => {
    const { fetch, seen } = drf(7, 3);
    const client = new TestClient({ fetch });
    const promise = requestPage<Connection>(client, listOp({ datasource_name: 'google_ads', page_size: 3 }));
    expect(promise).toBeInstanceOf(PagePromise);
    const first = await promise;
    expect(first).toBeInstanceOf(Page);
    expect(first.data).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(first.items).toBe(first.data);
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    expect(second.data.map((c) => c.id)).toEqual([4, 5, 6]);

    const ids: number[] = [];
    for await (const c of requestPage<Connection>(client, listOp({ datasource_name: 'google_ads', page_size: 3 }))) ids.push(c.id);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(seen.slice(-3).map((s) => new URL(s.url).search)).toEqual(['?page_size=3', '?page_size=3&page=2', '?page_size=3&page=3']);
  });

  it('iterPages and for await over a page; stops on next=null and on an empty page', async () => {
    const { fetch } = drf(4, 2);
    const client = new TestClient({ fetch });
    const page = await requestPage<Connection>(client, listOp({ datasource_name: 'x', page_size: 2 }));
    const sizes: number[] = [];
    for await (const p of page.iterPages()) sizes.push(p.data.length);
    expect(sizes).toEqual([2, 2]);
    const items: Connection[] = [];
    for await (const c of page) items.push(c);
    expect(items).toHaveLength(4);
    const last = await page.getNextPage();
    expect(last.hasNextPage()).toBe(false);
    expect(() => last.getNextPage()).toThrow(SdkError);

    const empty = mockFetch(json({ count: 0, next: 'http://whatever', results: [] }));
    const p = await requestPage(new TestClient({ fetch: empty.fetch }), listOp({ datasource_name: 'x' }));
    expect(p.hasNextPage()).toBe(false);
  });

  it('without nextField, uses count and page size', async () => {
    const { fetch, seen } = drf(5, 2);
    const op = listOp({ datasource_name: 'x', page_size: 2 });
    const { nextField: _n, ...pagination } = op.pagination!;
    const all: Connection[] = [];
    for await (const c of requestPage<Connection>(new TestClient({ fetch }), { ...op, pagination })) all.push(c);
    expect(all).toHaveLength(5);
    expect(seen).toHaveLength(3);
  });
});

describe('offset and cursor styles', () => {
  it('offset: advances by the number of items, stops at count', async () => {
    const { fetch, seen } = mockFetch((req) => {
      const offset = Number(new URL(req.url).searchParams.get('offset') ?? 0);
      const all = [1, 2, 3, 4, 5];
      return json({ total: 5, items: all.slice(offset, offset + 2) });
    });
    const op: Operation = {
      method: 'get',
      path: '/items',
      params: { limit: 2 },
      pagination: { style: 'offset', pageParam: 'offset', sizeParam: 'limit', itemsField: '/items', countField: '/total' },
    };
    const out: number[] = [];
    for await (const n of requestPage<number>(new TestClient({ fetch }), op)) out.push(n);
    expect(out).toEqual([1, 2, 3, 4, 5]);
    expect(seen.map((s) => new URL(s.url).search)).toEqual(['?limit=2', '?limit=2&offset=2', '?limit=2&offset=4']);
  });

  it('cursor: follows the cursor until it is null, and in the body when in: body', async () => {
    const cursors: Record<string, { data: string[]; next: string | null }> = {
      '': { data: ['a', 'b'], next: 'c1' },
      c1: { data: ['c'], next: 'c2' },
      c2: { data: ['d'], next: null },
    };
    const { fetch, seen } = mockFetch(async (req) => {
      const body = (await req.json()) as { after?: string };
      return json(cursors[body.after ?? '']);
    });
    const op: Operation = {
      method: 'post',
      path: '/search',
      body: { q: 'x' },
      pagination: { style: 'cursor', in: 'body', cursorParam: 'after', itemsField: '/data', nextField: '/next' },
    };
    const out: string[] = [];
    for await (const s of requestPage<string>(new TestClient({ fetch }), op)) out.push(s);
    expect(out).toEqual(['a', 'b', 'c', 'd']);
    expect(seen.map((s) => s.body)).toEqual(['{"q":"x"}', '{"q":"x","after":"c1"}', '{"q":"x","after":"c2"}']);
  });
});

describe('next-link style', () => {
  const op: Operation = {
    method: 'get',
    path: '/events',
    params: { kind: 'a', 'X-Trace': 't' },
    parameters: { kind: { in: 'query' }, 'X-Trace': { in: 'header' } },
    pagination: { style: 'next-link', itemsField: '/results', nextField: '/next' },
  };
  it('follows the URL on the same origin, keeping header params and not duplicating the query', async () => {
    const { fetch, seen } = mockFetch(
      json({ results: [1], next: 'https://api.example.com/events?kind=a&cursor=2' }),
      json({ results: [2], next: '/events?kind=a&cursor=3' }),
      json({ results: [3], next: null }),
    );
    const out: number[] = [];
    for await (const n of requestPage<number>(new TestClient({ fetch }), op)) out.push(n);
    expect(out).toEqual([1, 2, 3]);
    expect(seen.map((s) => s.url)).toEqual([
      'https://api.example.com/events?kind=a',
      'https://api.example.com/events?kind=a&cursor=2',
      'https://api.example.com/events?kind=a&cursor=3',
    ]);
    expect(seen.map((s) => s.headers.get('x-trace'))).toEqual(['t', 't', 't']);
  });

  it('refuses a next URL on another origin (no request is sent there, no credentials leak)', async () => {
    const { fetch, seen } = mockFetch(json({ results: [1], next: 'https://evil.example.net/steal' }));
    const client = new TestClient({ fetch, auth: { bearerAuth: 'tok' } });
    const page = await requestPage<number>(client, { ...op, security: [['bearerAuth']] });
    await expect(page.getNextPage()).rejects.toThrow('Refusing to follow a URL on another origin than the base URL');
    expect(seen).toHaveLength(1);
  });

  it('uses the Link header when there is no nextField', async () => {
    const { fetch } = mockFetch(
      new Response(JSON.stringify([1, 2]), { headers: { 'content-type': 'application/json', link: '<https://api.example.com/l?p=2>; rel="next", <https://api.example.com/l?p=9>; rel="last"' } }),
      json([3]),
    );
    const out: number[] = [];
    for await (const n of requestPage<number>(new TestClient({ fetch }), { method: 'get', path: '/l', pagination: { style: 'next-link', itemsField: '' } })) out.push(n);
    expect(out).toEqual([1, 2, 3]);
  });
});

describe('in-body per-group paging (custom setting options)', () => {
  interface Group {
    account_id: string;
    count: number;
    next: string | null;
    previous: string | null;
    results: Array<{ value: string }>;
  }
  it('yields groups per page and asks the next page only for the groups that have one', async () => {
    const data: Record<string, string[]> = { A: ['a1', 'a2', 'a3'], B: ['b1'] };
    const { fetch, seen } = mockFetch(async (req) => {
      const body = (await req.json()) as { page: number; page_size: number; account_ids: string[] };
      const page = Number(body.page);
      const results = body.account_ids.map((id) => {
        const all = data[id] ?? [];
        const start = (page - 1) * body.page_size;
        const more = start + body.page_size < all.length;
        return {
          account_id: id,
          count: all.length,
          next: more ? String(page + 1) : null,
          previous: page > 1 ? String(page - 1) : null,
          results: all.slice(start, start + body.page_size).map((value) => ({ value })),
          search_applied: false,
        };
      });
      return json({ custom_setting_name: 'x', results });
    });
    const op: Operation = {
      method: 'post',
      path: '/api/v3/datasources/{datasource_name}/custom_setting_options/',
      params: { datasource_name: 'ga' },
      body: { template_id: 1, connection_id: 2, account_ids: ['A', 'B'], custom_setting_name: 'x', page: 1, page_size: 2 },
      pagination: {
        style: 'page',
        in: 'body',
        pageParam: 'page',
        sizeParam: 'page_size',
        groupsField: '/results',
        itemsField: '/results',
        nextField: '/next',
        groupKeyField: '/account_id',
        groupFilterParam: 'account_ids',
      },
    };
    const groups: Group[] = [];
    for await (const g of requestPage<Group>(new TestClient({ fetch }), op)) groups.push(g);
    expect(groups.map((g) => [g.account_id, g.results.map((r) => r.value)])).toEqual([
      ['A', ['a1', 'a2']],
      ['B', ['b1']],
      ['A', ['a3']],
    ]);
    const bodies = seen.map((s) => JSON.parse(s.body) as { page: unknown; account_ids: string[] });
    expect(bodies.map((b) => [b.page, b.account_ids])).toEqual([
      [1, ['A', 'B']],
      [2, ['A']],
    ]);
    expect(seen[0]?.url).toBe('https://api.example.com/api/v3/datasources/ga/custom_setting_options/');
  });

  it('sends page numbers as strings when declared', async () => {
    const { fetch, seen } = mockFetch(json({ results: [{ next: '2', results: [1] }] }), json({ results: [{ next: null, results: [2] }] }));
    const op: Operation = {
      method: 'post',
      path: '/opts',
      body: { page: '1' },
      pagination: { style: 'page', in: 'body', pageParam: 'page', groupsField: '/results', itemsField: '/results', nextField: '/next', pageNumbersAsStrings: true },
    };
    const pages = [];
    for await (const p of requestPage(new TestClient({ fetch }), op).iterPages()) pages.push(p);
    expect(pages).toHaveLength(2);
    expect(JSON.parse(seen[1]?.body ?? '')).toEqual({ page: '2' });
  });
});

describe('PagePromise', () => {
  it('withResponse gives the page and the response, and errors reject', async () => {
    const { fetch } = mockFetch(json({ results: [1], next: null }, 200, { 'x-request-id': 'p1' }), json({ details: 'no' }, 404));
    const client = new TestClient({ fetch, maxRetries: 0 });
    const r = await requestPage<number>(client, listOp({ datasource_name: 'x' })).withResponse();
    expect(r.data.data).toEqual([1]);
    expect(r.requestId).toBe('p1');
    await expect(requestPage(client, listOp({ datasource_name: 'x' }))).rejects.toMatchObject({ status: 404 });
  });
});
