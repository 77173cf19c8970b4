import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PaginationError, SdkError } from '../../runtime/errors.js';
import { LeanClient } from '../../runtime/lean.js';
import { Page, PagePromise, requestPage } from '../../runtime/pagination.js';
import type { Operation, PaginationSpec } from '../../runtime/types.js';
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
    await expect(last.getNextPage()).rejects.toThrow(SdkError);

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
      new Response(JSON.stringify([1, 2]), {
        headers: { 'content-type': 'application/json', link: '<https://api.example.com/l?p=2>; rel="next", <https://api.example.com/l?p=9>; rel="last"' },
      }),
      json([3]),
    );
    const out: number[] = [];
    for await (const n of requestPage<number>(new TestClient({ fetch }), { method: 'get', path: '/l', pagination: { style: 'next-link', itemsField: '' } }))
      out.push(n);
    expect(out).toEqual([1, 2, 3]);
  });

  it('a Link relation type is compared whole and without case (RFC 8288): next-archive and nextpage are not next', async () => {
    const cases: Array<[string, string[]]> = [
      ['<https://api.example.com/l?p=2>; rel="next-archive"', ['/l']],
      ['<https://api.example.com/l?p=2>; rel="nextpage"', ['/l']],
      ['<https://api.example.com/l?p=3>; rel="next-archive", <https://api.example.com/l?p=2>; rel="next"', ['/l', '/l?p=2']],
      ['<https://api.example.com/l?p=2>; rel="prev NEXT"', ['/l', '/l?p=2']],
      ['<https://api.example.com/l?p=2>; rel=next', ['/l', '/l?p=2']],
    ];
    for (const [link, want] of cases) {
      const { fetch, seen } = mockFetch(new Response(JSON.stringify([1]), { headers: { 'content-type': 'application/json', link } }), json([2]));
      for await (const _ of requestPage<number>(new TestClient({ fetch }), { method: 'get', path: '/l', pagination: { style: 'next-link', itemsField: '' } })) {
        // walk every page
      }
      expect(
        seen.map((r) => new URL(r.url).pathname + new URL(r.url).search),
        link,
      ).toEqual(want);
    }
  });

  it("a relative link is resolved against the page's request URL (RFC 8288 §3.2), not the base URL", async () => {
    const cases: Array<[string, string]> = [
      ['?p=2', 'https://api.example.com/users/5/repos?p=2'],
      ['repos?p=2', 'https://api.example.com/users/5/repos?p=2'],
      ['/users/5/repos?p=2', 'https://api.example.com/users/5/repos?p=2'],
    ];
    for (const [target, want] of cases) {
      const { fetch, seen } = mockFetch(
        new Response(JSON.stringify([1]), { headers: { 'content-type': 'application/json', link: `<${target}>; rel="next"` } }),
        json({ results: [2], next: null }),
      );
      const page = await requestPage<number>(new TestClient({ fetch }), {
        method: 'get',
        path: '/users/{id}/repos',
        params: { id: 5 },
        parameters: { id: { in: 'path' } },
        pagination: { style: 'next-link', itemsField: '' },
      });
      await page.getNextPage();
      expect(
        seen.map((r) => r.url),
        target,
      ).toEqual(['https://api.example.com/users/5/repos', want]);
    }
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
      pagination: {
        style: 'page',
        in: 'body',
        pageParam: 'page',
        groupsField: '/results',
        itemsField: '/results',
        nextField: '/next',
        pageNumbersAsStrings: true,
      },
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

// ---------------------------------------------------------------------------------------------------------------
// Every iteration ends: repeats, maxPages, counts, empty pages (docs/decisions.md D26).

/** Runs a `for await` to its end; returns the items and the error it ended with (if any). */
async function drain<T>(iterable: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterable) items.push(item);
    return { items, error: undefined };
  } catch (error) {
    return { items, error };
  }
}

const pageOp = (pagination: { [K in keyof PaginationSpec]?: PaginationSpec[K] | undefined } = {}, params: Record<string, unknown> = {}): Operation => ({
  method: 'get',
  path: '/things',
  operationId: 'listThings',
  params,
  pagination: JSON.parse(
    JSON.stringify({ style: 'page', pageParam: 'page', sizeParam: 'page_size', itemsField: '/results', nextField: '/next', ...pagination }),
  ) as PaginationSpec,
});

describe('page style: repeats and limits', () => {
  /** A DRF-like server whose `next` is given per requested page number. */
  function pages(next: Record<number, unknown>, size = 2) {
    return mockFetch((req) => {
      const page = Number(new URL(req.url).searchParams.get('page') ?? '1');
      return json({ next: next[page] ?? null, results: Array.from({ length: size }, (_, i) => `p${page}-${i}`) });
    });
  }

  it('a next URL that cycles (1 → 2 → 1) throws PaginationError after yielding both pages; 2 requests', async () => {
    const { fetch, seen } = pages({ 1: 'https://api.example.com/things?page=2', 2: 'https://api.example.com/things?page=1' });
    const { items, error } = await drain(requestPage<string>(new TestClient({ fetch }), pageOp()));
    expect(items).toEqual(['p1-0', 'p1-1', 'p2-0', 'p2-1']);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toBeInstanceOf(SdkError);
    expect(error).toMatchObject({ name: 'PaginationError', reason: 'repeat', style: 'page', marker: '1', pages: 2, items: 4, operation: 'listThings' });
    expect((error as Error).message).toBe('listThings: the next page (page 1) was already requested in this iteration; stopped after 2 page(s), 4 item(s)');
    expect(seen.map((s) => new URL(s.url).search)).toEqual(['', '?page=2']);
  });

  it('a next pointing at the current page throws after that page; 1 request', async () => {
    const { fetch, seen } = pages({ 1: '/things?page=1&page_size=2' });
    const { items, error } = await drain(requestPage<string>(new TestClient({ fetch }), pageOp()));
    expect(items).toEqual(['p1-0', 'p1-1']);
    expect(error).toMatchObject({ reason: 'repeat', marker: '1', pages: 1 });
    expect(seen).toHaveLength(1);
  });

  it('a numeric next that stays the same, and a page number given as a string by the caller', async () => {
    const { fetch, seen } = pages({ 3: 4, 4: '4' });
    const { items, error } = await drain(requestPage<string>(new TestClient({ fetch }), pageOp({}, { page: '3' })));
    expect(items).toHaveLength(4);
    expect(error).toMatchObject({ reason: 'repeat', marker: '4', pages: 2 });
    expect(seen.map((s) => new URL(s.url).search)).toEqual(['?page=3', '?page=4']);
  });

  it('reads the page number from a next URL (DRF) instead of adding one', async () => {
    const { fetch, seen } = pages({ 1: 'https://api.example.com/things?page=3', 3: null });
    const { items, error } = await drain(requestPage<string>(new TestClient({ fetch }), pageOp()));
    expect(error).toBeUndefined();
    expect(items).toHaveLength(4);
    expect(seen.map((s) => new URL(s.url).search)).toEqual(['', '?page=3']);
  });

  it('hasNextPage() stays true on a repeat; getNextPage() throws PaginationError and sends nothing', async () => {
    const { fetch, seen } = pages({ 1: 'https://api.example.com/things?page=1' });
    const page = await requestPage<string>(new TestClient({ fetch }), pageOp());
    expect(page.hasNextPage()).toBe(true);
    expect(page.nextPageOperation()?.params).toEqual({ page: 1 });
    await expect(page.getNextPage()).rejects.toThrow(PaginationError);
    const pagesSeen: number[] = [];
    await expect(
      (async () => {
        for await (const p of page.iterPages()) pagesSeen.push(p.data.length);
      })(),
    ).rejects.toThrow(PaginationError);
    expect(pagesSeen).toEqual([2]);
    expect(seen).toHaveLength(1);
  });

  it('an empty page that names a new next page is not the end (with nextField); without nextField it is', async () => {
    const { fetch, seen } = mockFetch(json({ next: 'https://api.example.com/things?page=2', results: [] }), json({ next: null, results: ['x'] }));
    const { items, error } = await drain(requestPage<string>(new TestClient({ fetch }), pageOp()));
    expect(error).toBeUndefined();
    expect(items).toEqual(['x']);
    expect(seen).toHaveLength(2);

    const blind = mockFetch(json({ results: [] }));
    const none = await drain(requestPage<string>(new TestClient({ fetch: blind.fetch }), pageOp({ nextField: undefined })));
    expect(none).toEqual({ items: [], error: undefined });
    expect(blind.seen).toHaveLength(1);
  });

  it('stops normally once count items were received, even when the server still gives a next page', async () => {
    const { fetch, seen } = mockFetch((req) => {
      const page = Number(new URL(req.url).searchParams.get('page') ?? '1');
      return json({ count: 5, next: `https://api.example.com/things?page=${page + 1}`, results: [page * 10, page * 10 + 1] });
    });
    const { items, error } = await drain(requestPage<number>(new TestClient({ fetch }), pageOp({ countField: '/count' })));
    expect(error).toBeUndefined();
    expect(items).toEqual([10, 11, 20, 21, 30, 31]);
    expect(seen).toHaveLength(3);
    const zero = mockFetch(json({ count: 0, next: 'https://api.example.com/things?page=2', results: [] }));
    expect(await drain(requestPage(new TestClient({ fetch: zero.fetch }), pageOp({ countField: '/count' })))).toEqual({ items: [], error: undefined });
    expect(zero.seen).toHaveLength(1);
  });

  /** A server with no end: every page names the next one. */
  const endless = () =>
    mockFetch((req) => {
      const page = Number(new URL(req.url).searchParams.get('page') ?? '1');
      return json({ next: page + 1, results: [page] });
    });

  it('maxPages: 1,000 by default, the client option, and the per-call option (which wins)', async () => {
    const a = endless();
    const byDefault = await drain(requestPage<number>(new TestClient({ fetch: a.fetch }), pageOp()));
    expect(byDefault.items).toHaveLength(1000);
    expect(byDefault.error).toMatchObject({ reason: 'maxPages', maxPages: 1000, pages: 1000, items: 1000, marker: '1001' });
    expect(a.seen).toHaveLength(1000);

    const b = endless();
    const client = new TestClient({ fetch: b.fetch, maxPages: 3 });
    const byClient = await drain(requestPage<number>(client, pageOp()));
    expect(byClient.items).toEqual([1, 2, 3]);
    expect(byClient.error).toMatchObject({ reason: 'maxPages', maxPages: 3, pages: 3 });
    expect((byClient.error as Error).message).toBe('listThings: more than maxPages (3) pages; stopped after 3 page(s), 3 item(s)');
    expect(b.seen).toHaveLength(3);

    const perCall = await drain(requestPage<number>(client, pageOp(), { maxPages: 5 }));
    expect(perCall.items).toEqual([1, 2, 3, 4, 5]);
    expect(b.seen).toHaveLength(8);
    // withOptions carries it; Infinity lifts it; below 1 counts as 1.
    expect(await drain(requestPage<number>(client.withOptions({ maxPages: 2 }), pageOp()))).toMatchObject({ items: [1, 2] });
    expect(await drain(requestPage<number>(client, pageOp(), { maxPages: 0 }))).toMatchObject({ items: [1] });
    const c = mockFetch((req) => {
      const page = Number(new URL(req.url).searchParams.get('page') ?? '1');
      return json({ next: page < 1500 ? page + 1 : null, results: [page] });
    });
    const unlimited = await drain(requestPage<number>(new TestClient({ fetch: c.fetch }), pageOp(), { maxPages: Infinity }));
    expect(unlimited).toMatchObject({ error: undefined });
    expect(unlimited.items).toHaveLength(1500);
  });

  it('a list that ends exactly at maxPages ends normally', async () => {
    const { fetch } = mockFetch(json({ next: 2, results: [1] }), json({ next: null, results: [2] }));
    expect(await drain(requestPage<number>(new TestClient({ fetch, maxPages: 2 }), pageOp()))).toEqual({ items: [1, 2], error: undefined });
  });

  it('maxPages counts pages from the first page of the iteration, also through getNextPage()', async () => {
    const { fetch, seen } = endless();
    const first = await requestPage<number>(new TestClient({ fetch }), pageOp(), { maxPages: 2 });
    const second = await first.getNextPage();
    expect(second.hasNextPage()).toBe(true);
    await expect(second.getNextPage()).rejects.toThrow(/more than maxPages \(2\)/);
    // A page can be followed again: each branch keeps its own record.
    expect((await first.getNextPage()).data).toEqual([2]);
    expect(seen).toHaveLength(3);
  });
});

describe('offset style: ends', () => {
  it('an empty page is the end (the offset would not move); maxPages stops an endless one', async () => {
    const { fetch, seen } = mockFetch(json({ items: [1, 2] }), json({ items: [] }));
    const op: Operation = { method: 'get', path: '/items', pagination: { style: 'offset', pageParam: 'offset', itemsField: '/items' } };
    expect(await drain(requestPage<number>(new TestClient({ fetch }), op))).toEqual({ items: [1, 2], error: undefined });
    expect(seen.map((s) => new URL(s.url).search)).toEqual(['', '?offset=2']);

    const endless = mockFetch(json({ items: [1] }));
    const r = await drain(requestPage<number>(new TestClient({ fetch: endless.fetch }), op, { maxPages: 4 }));
    expect(r.items).toEqual([1, 1, 1, 1]);
    expect(r.error).toMatchObject({ reason: 'maxPages', style: 'offset', marker: '4' });
    expect(endless.seen).toHaveLength(4);
  });
});

describe('cursor style: repeats and empty pages', () => {
  const cursorOp: Operation = {
    method: 'get',
    path: '/feed',
    params: { limit: 2 },
    pagination: { style: 'cursor', cursorParam: 'after', sizeParam: 'limit', itemsField: '/data', nextField: '/next', countField: '/total' },
  };
  /** Answers per requested cursor (`''` = none). */
  function feed(by: Record<string, { data: unknown[]; next?: unknown; total?: number }>) {
    return mockFetch((req) => json(by[new URL(req.url).searchParams.get('after') ?? ''] ?? { data: [], next: null }));
  }

  it('a cursor that comes back (c1 → c2 → c1) throws after yielding every page; 3 requests', async () => {
    const { fetch, seen } = feed({ '': { data: [1], next: 'c1' }, c1: { data: [2], next: 'c2' }, c2: { data: [3], next: 'c1' } });
    const { items, error } = await drain(requestPage<number>(new TestClient({ fetch }), cursorOp));
    expect(items).toEqual([1, 2, 3]);
    expect(error).toMatchObject({ reason: 'repeat', style: 'cursor', marker: 'c1', pages: 3, items: 3, operation: 'GET /feed' });
    expect(seen).toHaveLength(3);
  });

  it('a cursor equal to the one just sent throws; the caller-given first cursor counts', async () => {
    const same = feed({ '': { data: [1], next: 'c1' }, c1: { data: [2], next: 'c1' } });
    expect(await drain(requestPage<number>(new TestClient({ fetch: same.fetch }), cursorOp))).toMatchObject({
      items: [1, 2],
      error: { marker: 'c1', pages: 2 },
    });
    expect(same.seen).toHaveLength(2);
    const start = feed({ c7: { data: [7], next: 'c7' } });
    const r = await drain(requestPage<number>(new TestClient({ fetch: start.fetch }), { ...cursorOp, params: { limit: 2, after: 'c7' } }));
    expect(r).toMatchObject({ items: [7], error: { reason: 'repeat', marker: 'c7', pages: 1 } });
    expect(start.seen).toHaveLength(1);
  });

  it('an empty cursor ("", null, absent) is the normal end', async () => {
    for (const last of [{ data: [2], next: '' }, { data: [2], next: null }, { data: [2] }]) {
      const { fetch, seen } = feed({ '': { data: [1], next: 'c1' }, c1: last });
      expect(await drain(requestPage<number>(new TestClient({ fetch }), cursorOp))).toEqual({ items: [1, 2], error: undefined });
      expect(seen).toHaveLength(2);
    }
  });

  it('an empty page with a new cursor is not the end', async () => {
    const { fetch, seen } = feed({ '': { data: [], next: 'c1' }, c1: { data: [], next: 'c2' }, c2: { data: [1], next: null } });
    expect(await drain(requestPage<number>(new TestClient({ fetch }), cursorOp))).toEqual({ items: [1], error: undefined });
    expect(seen).toHaveLength(3);
  });

  it('stops once the total count was received', async () => {
    const { fetch, seen } = feed({ '': { data: [1, 2], next: 'c1', total: 3 }, c1: { data: [3], next: 'c2', total: 3 }, c2: { data: [4], next: 'c3' } });
    expect(await drain(requestPage<number>(new TestClient({ fetch }), cursorOp))).toEqual({ items: [1, 2, 3], error: undefined });
    expect(seen).toHaveLength(2);
  });

  it('in the body: a repeated cursor is detected as well', async () => {
    const { fetch, seen } = mockFetch(json({ data: ['a'], next: 'x' }), json({ data: ['b'], next: 'x' }));
    const op: Operation = {
      method: 'post',
      path: '/search',
      body: { q: 'x' },
      pagination: { style: 'cursor', in: 'body', cursorParam: 'after', itemsField: '/data', nextField: '/next' },
    };
    expect(await drain(requestPage<string>(new TestClient({ fetch }), op))).toMatchObject({ items: ['a', 'b'], error: { reason: 'repeat', marker: 'x' } });
    expect(seen.map((s) => s.body)).toEqual(['{"q":"x"}', '{"q":"x","after":"x"}']);
  });
});

describe('next-link style: repeats', () => {
  const linkOp: Operation = {
    method: 'get',
    path: '/events',
    params: { kind: 'a' },
    parameters: { kind: { in: 'query' } },
    pagination: { style: 'next-link', itemsField: '/results', nextField: '/next' },
  };

  it('a next URL equal to the first request (relative, same query) throws after 2 pages', async () => {
    const { fetch, seen } = mockFetch(
      json({ results: [1], next: '/events?kind=a&cursor=2' }),
      json({ results: [2], next: 'https://api.example.com/events?kind=a' }),
    );
    const r = await drain(requestPage<number>(new TestClient({ fetch }), linkOp));
    expect(r).toMatchObject({ items: [1, 2], error: { reason: 'repeat', style: 'next-link', marker: 'https://api.example.com/events?kind=a', pages: 2 } });
    expect(seen).toHaveLength(2);
  });

  it("an operation with a path parameter follows its next URLs past page 1 (the path argument is kept; the query is the URL's)", async () => {
    // No spec for `org`: its place is inferred from the path, as generated descriptors leave default places out.
    const op: Operation = {
      ...linkOp,
      path: '/orgs/{org}/events',
      params: { org: 'acme', kind: 'a', 'X-Trace': 't' },
      parameters: { kind: { in: 'query' }, 'X-Trace': { in: 'header' } },
    };
    const { fetch, seen } = mockFetch(
      json({ results: [1], next: '/orgs/acme/events?cursor=2' }),
      json({ results: [2], next: 'https://api.example.com/orgs/acme/events?cursor=3' }),
      json({ results: [3], next: null }),
    );
    const r = await drain(requestPage<number>(new TestClient({ fetch }), op));
    expect(r).toEqual({ items: [1, 2, 3], error: undefined });
    expect(seen.map((q) => q.url)).toEqual([
      'https://api.example.com/orgs/acme/events?kind=a',
      'https://api.example.com/orgs/acme/events?cursor=2',
      'https://api.example.com/orgs/acme/events?cursor=3',
    ]);
    expect(seen.map((q) => q.headers.get('X-Trace'))).toEqual(['t', 't', 't']);
  });

  it('a path key with a query part of its own (D57): the first page is `…?type=x&kind=a`, so a next URL back to it is a repeat', async () => {
    const op: Operation = { ...linkOp, path: '/events?type={type}', params: { type: 'x', kind: 'a' }, parameters: { type: { in: 'path' } } };
    const { fetch, seen } = mockFetch(
      json({ results: [1], next: '/events?type=x&kind=a&cursor=2' }),
      json({ results: [2], next: 'https://api.example.com/events?type=x&kind=a' }),
    );
    const r = await drain(requestPage<number>(new TestClient({ fetch }), op));
    expect(seen.map((q) => q.url)).toEqual(['https://api.example.com/events?type=x&kind=a', 'https://api.example.com/events?type=x&kind=a&cursor=2']);
    expect(r).toMatchObject({ items: [1, 2], error: { reason: 'repeat', marker: 'https://api.example.com/events?type=x&kind=a', pages: 2 } });
  });

  it('a next URL pointing at the page just fetched throws; secret-looking query values are redacted in the error', async () => {
    const url = 'https://api.example.com/events?kind=a&cursor=2&api_key=SENTINEL-KEY';
    const { fetch, seen } = mockFetch(json({ results: [1], next: url }), json({ results: [2], next: url }));
    const r = await drain(requestPage<number>(new TestClient({ fetch }), linkOp));
    expect(r.items).toEqual([1, 2]);
    const error = r.error as InstanceType<typeof PaginationError>;
    expect(error.marker).toBe('https://api.example.com/events?kind=a&cursor=2&api_key=redacted');
    expect(`${error.message} ${JSON.stringify(error)} ${inspect(error)}`).not.toContain('SENTINEL');
    expect(seen).toHaveLength(2);
  });

  it('a Link header that cycles is detected too', async () => {
    const link = (n: number) => ({ link: `<https://api.example.com/l?p=${n}>; rel="next"` });
    const { fetch, seen } = mockFetch(
      new Response('[1]', { headers: { 'content-type': 'application/json', ...link(2) } }),
      new Response('[2]', { headers: { 'content-type': 'application/json', ...link(3) } }),
      new Response('[3]', { headers: { 'content-type': 'application/json', ...link(2) } }),
    );
    const r = await drain(requestPage<number>(new TestClient({ fetch }), { method: 'get', path: '/l', pagination: { style: 'next-link', itemsField: '' } }));
    expect(r).toMatchObject({ items: [1, 2, 3], error: { reason: 'repeat', marker: 'https://api.example.com/l?p=2', pages: 3 } });
    expect(seen).toHaveLength(3);
  });

  it('an empty page with a new next URL is not the end; maxPages stops endless links', async () => {
    let n = 0;
    const { fetch, seen } = mockFetch(() => json({ results: n < 2 ? [] : [n], next: `/events?cursor=${++n}` }));
    const r = await drain(requestPage<number>(new TestClient({ fetch }), linkOp, { maxPages: 5 }));
    expect(r).toMatchObject({ items: [2, 3, 4], error: { reason: 'maxPages', pages: 5, items: 3 } });
    expect(seen).toHaveLength(5);
  });
});

describe('per-group paging: repeats', () => {
  it('groups that keep naming the same next page throw after yielding them; 2 requests', async () => {
    const { fetch, seen } = mockFetch(json({ results: [{ account_id: 'A', next: '2', results: [1] }] }));
    const op: Operation = {
      method: 'post',
      path: '/opts',
      body: { page: 1, account_ids: ['A'] },
      pagination: {
        style: 'page',
        in: 'body',
        pageParam: 'page',
        groupsField: '/results',
        itemsField: '/results',
        nextField: '/next',
        groupKeyField: '/account_id',
        groupFilterParam: 'account_ids',
      },
    };
    const r = await drain(requestPage<{ account_id: string }>(new TestClient({ fetch }), op));
    expect(r.items.map((g) => g.account_id)).toEqual(['A', 'A']);
    expect(r.error).toMatchObject({ reason: 'repeat', marker: '2', pages: 2, items: 2 });
    expect(seen).toHaveLength(2);
  });
});

describe('LeanClient: the same rules', () => {
  it('maxPages from the lean client options and per call', async () => {
    const { fetch, seen } = mockFetch((req) => json({ next: Number(new URL(req.url).searchParams.get('page') ?? '1') + 1, results: [0] }));
    const lean = new LeanClient({ baseUrl: 'https://api.example.com', fetch, maxPages: 2 });
    expect(await drain(requestPage<number>(lean, pageOp()))).toMatchObject({ items: [0, 0], error: { reason: 'maxPages', maxPages: 2 } });
    expect(await drain(requestPage<number>(lean, pageOp(), { maxPages: 3 }))).toMatchObject({ items: [0, 0, 0] });
    expect(seen).toHaveLength(5);
  });
});

describe('Page and PagePromise hold no secrets when serialised or inspected', () => {
  it('JSON.stringify and util.inspect show data, body and request id only', async () => {
    const { fetch } = mockFetch(json({ count: 1, next: null, results: [{ id: 1 }] }, 200, { 'x-request-id': 'r-1', 'set-cookie': 'sid=SENTINEL-COOKIE' }));
    const client = new TestClient({
      fetch,
      auth: { basicAuth: { username: 'u', password: 'SENTINEL-PASSWORD' }, bearerAuth: 'SENTINEL-BEARER', sessionCookie: 'SENTINEL-SESSION' },
      headers: { 'x-extra': 'SENTINEL-HEADER' },
    });
    const promise = requestPage<Connection>(
      client,
      { ...listOp({ datasource_name: 'x' }), security: [['basicAuth'], ['bearerAuth']] },
      { headers: { 'x-call': 'SENTINEL-CALL' } },
    );
    const page = await promise;
    expect(JSON.parse(JSON.stringify(page))).toEqual({ data: [{ id: 1 }], body: { count: 1, next: null, results: [{ id: 1 }] }, requestId: 'r-1' });
    const shown = [
      JSON.stringify(page),
      inspect(page, { depth: 10 }),
      inspect(page, { depth: 10, showHidden: true }),
      JSON.stringify(promise),
      inspect(promise, { depth: 10 }),
    ].join('\n');
    expect(shown).not.toContain('SENTINEL');
    expect(inspect(page)).toContain("requestId: 'r-1'");
    expect(Object.keys(page).sort()).toEqual(['body', 'data', 'requestId']);
    // Still reachable for code: response, operation.
    expect(page.response.status).toBe(200);
    expect(page.operation.path).toBe('/api/v3/datasources/{datasource_name}/connections');
  });
});
