// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Auto-pagination: `requestPage()` returns a `PagePromise`; awaiting it gives the first `Page`, and both are
 * async-iterable over every item across pages. Styles: `page`, `offset`, `cursor`, `next-link`; paging parameters in
 * the query or in the JSON body; per-group paging (`groupsField`) where one response holds several lists.
 */

import { APIPromise } from './api-promise.js';
import { SdkError } from './errors.js';
import { getPointer, ownValue } from './serialize.js';
import type { Operation, PaginationSpec, RequestClient, RequestOptions, WithResponse } from './types.js';

function absent(v: unknown): boolean {
  return v === undefined || v === null || v === '' || v === false;
}

function asNumber(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The `rel="next"` URL of a `Link` header. */
function linkNext(headers: Headers): string | undefined {
  const link = headers.get('link');
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(m[2] ?? '')) return m[1];
  }
  return undefined;
}

/**
 * One page. `data` holds the page's items (with `groupsField`: the page's groups, e.g. one
 * `{ account_id, count, next, previous, results }` per account). Iterating a page walks every item of it and of all
 * following pages.
 */
export class Page<Item, Body = unknown> implements AsyncIterable<Item> {
  /** Items of this page. */
  readonly data: Item[];
  /** The whole response body of this page. */
  readonly body: Body;
  readonly response: Response;
  readonly requestId: string | undefined;

  constructor(
    private readonly client: RequestClient,
    /** The operation that fetched this page. */
    readonly operation: Operation,
    private readonly options: RequestOptions | undefined,
    result: WithResponse<Body>,
  ) {
    this.body = result.data;
    this.response = result.response;
    this.requestId = result.requestId;
    const spec = this.spec();
    const list = getPointer(result.data, spec.groupsField ?? spec.itemsField);
    this.data = Array.isArray(list) ? (list as Item[]) : [];
  }

  /** Alias of `data`. */
  get items(): Item[] {
    return this.data;
  }

  private spec(): PaginationSpec {
    const spec = this.operation.pagination;
    if (!spec) throw new SdkError('The operation has no pagination');
    return spec;
  }

  hasNextPage(): boolean {
    return this.nextPageOperation() !== null;
  }

  /** The operation that fetches the next page, or `null` on the last page. */
  nextPageOperation(): Operation | null {
    const spec = this.spec();
    const op = this.operation;
    const inBody = spec.in === 'body';
    const source = (inBody ? op.body : op.params) as Readonly<Record<string, unknown>> | undefined;
    const current = (name: string | undefined): unknown => (name === undefined ? undefined : source?.[name]);
    const withValues = (values: Record<string, unknown>): Operation => {
      const merged = { ...(source ?? {}), ...values };
      return inBody ? { ...op, body: merged } : { ...op, params: merged };
    };
    const pageValue = (n: number): number | string => {
      const original = current(spec.pageParam);
      return spec.pageNumbersAsStrings || typeof original === 'string' ? String(n) : n;
    };
    const next = spec.nextField !== undefined ? getPointer(this.body, spec.nextField) : undefined;

    if (spec.groupsField !== undefined) {
      if (!spec.pageParam) return null;
      const groups = this.data as unknown[];
      const more = groups.filter((g) => !absent(spec.nextField !== undefined ? getPointer(g, spec.nextField) : undefined));
      if (more.length === 0) return null;
      const page = asNumber(current(spec.pageParam)) ?? 1;
      const nexts = more.map((g) => asNumber(getPointer(g, spec.nextField ?? ''))).filter((n): n is number => n !== undefined);
      const values: Record<string, unknown> = { [spec.pageParam]: pageValue(nexts.length ? Math.min(...nexts) : page + 1) };
      if (spec.groupFilterParam && spec.groupKeyField) values[spec.groupFilterParam] = more.map((g) => getPointer(g, spec.groupKeyField ?? ''));
      return withValues(values);
    }

    switch (spec.style) {
      case 'page': {
        if (!spec.pageParam || this.data.length === 0) return null;
        const page = asNumber(current(spec.pageParam)) ?? 1;
        if (spec.nextField !== undefined) {
          if (absent(next)) return null;
          return withValues({ [spec.pageParam]: pageValue(asNumber(next) ?? page + 1) });
        }
        const count = spec.countField !== undefined ? asNumber(getPointer(this.body, spec.countField)) : undefined;
        const size = asNumber(current(spec.sizeParam));
        if (count !== undefined && size !== undefined && page * size >= count) return null;
        return withValues({ [spec.pageParam]: pageValue(page + 1) });
      }
      case 'offset': {
        if (!spec.pageParam || this.data.length === 0) return null;
        if (spec.nextField !== undefined && absent(next)) return null;
        const offset = (asNumber(current(spec.pageParam)) ?? 0) + this.data.length;
        const count = spec.countField !== undefined ? asNumber(getPointer(this.body, spec.countField)) : undefined;
        if (count !== undefined && offset >= count) return null;
        return withValues({ [spec.pageParam]: offset });
      }
      case 'cursor': {
        const param = spec.cursorParam ?? spec.pageParam;
        if (!param || absent(next) || next === current(param)) return null;
        return withValues({ [param]: next });
      }
      case 'next-link': {
        const link = spec.nextField !== undefined ? next : linkNext(this.response.headers);
        if (typeof link !== 'string' || link === '') return null;
        const url = new URL(link, `${this.client.baseUrl}/`).toString();
        // The next URL carries the query; keep only header and cookie parameters.
        const params: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(op.params ?? {})) {
          const where = ownValue(op.parameters, k)?.in;
          if (where === 'header' || where === 'cookie') params[k] = v;
        }
        return { ...op, url, params };
      }
    }
  }

  /** Fetches the next page. Throws an `SdkError` on the last page (check `hasNextPage()`). */
  getNextPage(): PagePromise<Item, Body> {
    const next = this.nextPageOperation();
    if (!next) throw new SdkError('No next page');
    return requestPage<Item, Body>(this.client, next, this.options);
  }

  /** This page and every following page. */
  async *iterPages(): AsyncGenerator<Page<Item, Body>, void, undefined> {
    let page: Page<Item, Body> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.iterPages()) yield* page.data;
  }
}

/** A promise of the first page that is also async-iterable over every item of every page. */
export class PagePromise<Item, Body = unknown> extends APIPromise<Page<Item, Body>> implements AsyncIterable<Item> {
  constructor(client: RequestClient, op: Operation, options?: RequestOptions) {
    const first = client.request<Body>(op, options).withResponse();
    super(
      first.then((r) => ({ response: r.response, requestId: r.requestId })),
      () => first.then((r) => new Page<Item, Body>(client, op, options, r)),
    );
  }

  /** Every page, starting with the first. */
  async *iterPages(): AsyncGenerator<Page<Item, Body>, void, undefined> {
    yield* (await this).iterPages();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    yield* await this;
  }
}

/**
 * Sends a paginated operation (`op.pagination` is required). `await` gives the first page; `for await` gives every item.
 * The response body of `.asResponse()` has been read already.
 */
export function requestPage<Item, Body = unknown>(client: RequestClient, op: Operation, options?: RequestOptions): PagePromise<Item, Body> {
  return new PagePromise<Item, Body>(client, op, options);
}
