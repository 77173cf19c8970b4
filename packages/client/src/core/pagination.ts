// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Auto-pagination: `requestPage()` returns a `PagePromise`; awaiting it gives the first `Page`, and both are
 * async-iterable over every item across pages. Styles: `page`, `offset`, `cursor`, `next-link`; paging parameters in
 * the query or in the JSON body; per-group paging (`groupsField`) where one response holds several lists.
 *
 * Every iteration ends: pages are followed from one `Page` to the next with the iteration's record (the paging marker
 * of every request sent, pages and items so far), and the next page is refused with a `PaginationError` when its
 * marker (page number, offset, cursor or URL) was already requested in this iteration, or when `maxPages` pages were
 * received. A total count (`countField`) ends the iteration once that many items were received.
 */

import { APIPromise } from './api-promise.js';
import { PaginationError, SdkError } from './errors.js';
import { getPointer, paramSpecOf, serializeParams, withQuery } from './serialize.js';
import type {
  Operation,
  PaginationSpec,
  RequestClient,
  RequestOptions,
  WithResponse,
} from './types.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** Pages one iteration fetches at most unless `maxPages` says otherwise (client option or per call). */
const DEFAULT_MAX_PAGES = 1000;

/** What an iteration has done so far, handed from each page to the next. */
interface Walk {
  /** Paging markers (page number, offset, cursor or URL) of every request of the iteration, this page's included. */
  readonly seen: ReadonlySet<string>;
  /** Pages received, this one included. */
  readonly pages: number;
  /** Items (with `groupsField`: groups) received, this page's included. */
  readonly items: number;
  readonly maxPages: number;
}

function absent(v: unknown): boolean {
  return v === undefined || v === null || v === '' || v === false;
}

function asNumber(v: unknown): number | undefined {
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The page number in the query of a next URL (DRF: `https://…/connections?page=3&page_size=20`). */
function pageInUrl(next: unknown, param: string): number | undefined {
  if (typeof next !== 'string' || !next.includes('?')) return undefined;
  try {
    return asNumber(new URL(next, 'http://localhost/').searchParams.get(param));
  } catch {
    return undefined;
  }
}

/** The `rel="next"` URL of a `Link` header. */
function linkNext(headers: Headers): string | undefined {
  const link = headers.get('link');
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!m) continue;
    // `rel` holds relation types separated by spaces, each compared whole and without case (RFC 8288): `next`, not
    // `next-archive` or `nextpage`.
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))/i.exec(m[2] ?? '');
    if ((rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/).includes('next')) return m[1];
  }
  return undefined;
}

/**
 * What identifies the page `op` asks for within one iteration: the URL (`next-link`), the cursor (`''` for none), the
 * page number (1 when not given) or the offset (0 when not given).
 */
function markerOf(op: Operation, spec: PaginationSpec, baseUrl: string): string {
  if (spec.style === 'next-link') {
    // The first page's URL as the client built it (serializeParams succeeded for the request already).
    const p = op.url === undefined ? serializeParams(op) : undefined;
    const url = p ? withQuery(baseUrl + p.path, p.query) : op.url;
    return new URL(url ?? '', `${baseUrl}/`).toString();
  }
  const source = (spec.in === 'body' ? op.body : op.params) as
    Readonly<Record<string, unknown>> | undefined;
  const cursor = spec.style === 'cursor' && spec.groupsField === undefined;
  const name = cursor ? (spec.cursorParam ?? spec.pageParam) : spec.pageParam;
  const v = name === undefined ? undefined : source?.[name];
  if (cursor) return absent(v) ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return String(asNumber(v) ?? (absent(v) ? (spec.style === 'offset' ? 0 : 1) : JSON.stringify(v)));
}

/** A URL marker for messages: no user info; query values whose names suggest a secret (`api_key`, `token`, `sig`…) redacted. */
function safeMarker(marker: string, style: PaginationSpec['style']): string {
  if (style !== 'next-link') return marker;
  const url = new URL(marker); // made by markerOf with new URL()
  url.username = url.password = '';
  const keys: string[] = [];
  url.searchParams.forEach((_, key) => {
    keys.push(key);
  }); // (no keys(): plain `dom` lib has no iterators)
  for (const key of keys)
    if (/key|token|secret|sig|pass|auth|session|credential/i.test(key))
      url.searchParams.set(key, 'redacted');
  return url.toString();
}

/**
 * One page. `data` holds the page's items (with `groupsField`: the page's groups, e.g. one
 * `{ account_id, count, next, previous, results }` per account). Iterating a page walks every item of it and of all
 * following pages. The client and the request options are private: `JSON.stringify(page)` and `console.log(page)` show
 * `data`, `body` and `requestId` only.
 */
export class Page<Item, Body = unknown> implements AsyncIterable<Item> {
  /** Items of this page. */
  readonly data: Item[];
  /** The whole response body of this page. */
  readonly body: Body;
  readonly requestId: string | undefined;
  readonly #client: RequestClient;
  readonly #operation: Operation;
  readonly #options: RequestOptions | undefined;
  readonly #response: Response;
  readonly #walk: Walk;

  /** `previous`: the page this one follows, in the same iteration (absent for the first page). */
  constructor(
    client: RequestClient,
    operation: Operation,
    options: RequestOptions | undefined,
    result: WithResponse<Body>,
    previous?: Page<Item, Body>,
  ) {
    this.#client = client;
    this.#operation = operation;
    this.#options = options;
    this.#response = result.response;
    this.body = result.data;
    this.requestId = result.requestId;
    const spec = this.spec();
    const list = getPointer(result.data, spec.groupsField ?? spec.itemsField);
    this.data = Array.isArray(list) ? (list as Item[]) : [];
    const before = previous === undefined ? undefined : previous.#walk;
    const max =
      before?.maxPages ?? options?.maxPages ?? client.options?.maxPages ?? DEFAULT_MAX_PAGES;
    this.#walk = {
      seen: new Set(before?.seen).add(markerOf(operation, spec, client.baseUrl)),
      pages: (before?.pages ?? 0) + 1,
      items: (before?.items ?? 0) + this.data.length,
      maxPages: Math.max(max || 1, 1), // NaN, 0 and below count as 1
    };
  }

  /** Alias of `data`. */
  get items(): Item[] {
    return this.data;
  }

  /** The raw response of this page (its body already read). */
  get response(): Response {
    return this.#response;
  }

  /** The operation that fetched this page. */
  get operation(): Operation {
    return this.#operation;
  }

  private spec(): PaginationSpec {
    const spec = this.#operation.pagination;
    if (!spec) throw new SdkError('The operation has no pagination');
    return spec;
  }

  /**
   * Whether the server announces a next page (and the total count, when there is one, is not reached yet). It can be
   * `true` while `getNextPage()` refuses to follow it (a repeated page, or `maxPages`): see there.
   */
  hasNextPage(): boolean {
    return this.nextPageOperation() !== null;
  }

  /** The operation that fetches the next page as the server describes it, or `null` on the last page. */
  nextPageOperation(): Operation | null {
    const spec = this.spec();
    const op = this.#operation;
    const inBody = spec.in === 'body';
    const source = (inBody ? op.body : op.params) as Readonly<Record<string, unknown>> | undefined;
    const current = (name: string | undefined): unknown =>
      name === undefined ? undefined : source?.[name];
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
      const more = groups.filter(
        (g) => !absent(spec.nextField !== undefined ? getPointer(g, spec.nextField) : undefined),
      );
      if (more.length === 0) return null;
      const page = asNumber(current(spec.pageParam)) ?? 1;
      const nexts = more
        .map((g) => asNumber(getPointer(g, spec.nextField ?? '')))
        .filter((n): n is number => n !== undefined);
      const values: Record<string, unknown> = {
        [spec.pageParam]: pageValue(nexts.length ? Math.min(...nexts) : page + 1),
      };
      if (spec.groupFilterParam && spec.groupKeyField)
        values[spec.groupFilterParam] = more.map((g) => getPointer(g, spec.groupKeyField ?? ''));
      return withValues(values);
    }

    // A total count ends the list once that many items were received in this iteration.
    const count =
      spec.countField !== undefined ? asNumber(getPointer(this.body, spec.countField)) : undefined;
    if (count !== undefined && this.#walk.items >= count) return null;

    switch (spec.style) {
      case 'page': {
        if (!spec.pageParam) return null;
        const page = asNumber(current(spec.pageParam)) ?? 1;
        if (spec.nextField !== undefined) {
          // The server names the next page: followed even from an empty page (repeats are refused by getNextPage).
          if (absent(next)) return null;
          return withValues({
            [spec.pageParam]: pageValue(
              asNumber(next) ?? pageInUrl(next, spec.pageParam) ?? page + 1,
            ),
          });
        }
        // No marker from the server: an empty page is the end.
        if (this.data.length === 0) return null;
        const size = asNumber(current(spec.sizeParam));
        if (count !== undefined && size !== undefined && page * size >= count) return null;
        return withValues({ [spec.pageParam]: pageValue(page + 1) });
      }
      case 'offset': {
        // An empty page would ask for the same offset again: it is the end.
        if (!spec.pageParam || this.data.length === 0) return null;
        if (spec.nextField !== undefined && absent(next)) return null;
        const offset = (asNumber(current(spec.pageParam)) ?? 0) + this.data.length;
        if (count !== undefined && offset >= count) return null;
        return withValues({ [spec.pageParam]: offset });
      }
      case 'cursor': {
        // An empty cursor is the end; a new cursor is followed even from an empty page.
        const param = spec.cursorParam ?? spec.pageParam;
        if (!param || absent(next)) return null;
        return withValues({ [param]: next });
      }
      case 'next-link': {
        const link = spec.nextField !== undefined ? next : linkNext(this.#response.headers);
        if (typeof link !== 'string' || link === '') return null;
        // A relative link is resolved against the URL of this page's request, its context (RFC 8288 §3.2): `?page=2`
        // stays on the operation's path.
        const url = new URL(link, markerOf(op, spec, this.#client.baseUrl)).toString();
        // The next URL carries the query: drop the query parameters. Path parameters stay (the URL replaces the path,
        // but the request is still checked for them), header and cookie parameters are still sent.
        const params: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(op.params ?? {})) {
          if (paramSpecOf(op, k).in !== 'query') params[k] = v;
        }
        return { ...op, url, params };
      }
    }
  }

  /**
   * Fetches the next page. The promise rejects (it never throws synchronously):
   * @throws SdkError on the last page (check `hasNextPage()`)
   * @throws PaginationError when the next page repeats a request of this iteration (the same page number, offset,
   *   cursor or URL as this page or an earlier one) or `maxPages` pages were received: nothing is sent
   */
  getNextPage(): PagePromise<Item, Body> {
    const next = this.nextPageOperation();
    if (!next)
      return new PagePromise<Item, Body>(
        this.#client,
        this.#operation,
        this.#options,
        this,
        new SdkError('No next page'),
      );
    const spec = this.spec();
    const walk = this.#walk;
    const marker = markerOf(next, spec, this.#client.baseUrl);
    const reason = walk.seen.has(marker)
      ? 'repeat'
      : walk.pages >= walk.maxPages
        ? 'maxPages'
        : undefined;
    if (reason)
      return new PagePromise<Item, Body>(
        this.#client,
        next,
        this.#options,
        this,
        new PaginationError({
          reason,
          operation:
            this.#operation.operationId ??
            `${this.#operation.method.toUpperCase()} ${this.#operation.path}`,
          style: spec.style,
          marker: safeMarker(marker, spec.style),
          pages: walk.pages,
          items: walk.items,
          maxPages: walk.maxPages,
        }),
      );
    return new PagePromise<Item, Body>(this.#client, next, this.#options, this);
  }

  /** This page and every following page; throws `PaginationError` (see `getNextPage()`) after the last page it got. */
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

  /** What `JSON.stringify(page)` gives: the page's data, body and request id (no client, options or headers). */
  toJSON(): { data: Item[]; body: Body; requestId: string | undefined } {
    return { data: this.data, body: this.body, requestId: this.requestId };
  }

  /** Node's `util.inspect` (console.log): the `toJSON()` view. */
  [INSPECT](): { data: Item[]; body: Body; requestId: string | undefined } {
    return this.toJSON();
  }
}

/** A promise of the first page that is also async-iterable over every item of every page. */
export class PagePromise<Item, Body = unknown>
  extends APIPromise<Page<Item, Body>>
  implements AsyncIterable<Item>
{
  /**
   * `previous`: the page this one follows (`Page.getNextPage()`); absent for the first page of an iteration.
   * `failure`: the promise rejects with it and nothing is sent (`getNextPage()` on the last page, on a repeated page or
   * after `maxPages`).
   */
  constructor(
    client: RequestClient,
    op: Operation,
    options?: RequestOptions,
    previous?: Page<Item, Body>,
    failure?: Error,
  ) {
    const first =
      failure === undefined
        ? client.request<Body>(op, options).withResponse()
        : Promise.reject(failure);
    super(
      first.then((r) => ({ response: r.response, requestId: r.requestId })),
      () => first.then((r) => new Page<Item, Body>(client, op, options, r, previous)),
    );
  }

  /** Every page, starting with the first. */
  async *iterPages(): AsyncGenerator<Page<Item, Body>, void, undefined> {
    yield* (await this).iterPages();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    yield* await this;
  }

  /** Node's `util.inspect` (console.log): only the class name (the request is the client's business). */
  [INSPECT](): string {
    return 'PagePromise {}';
  }
}

/**
 * Sends a paginated operation (`op.pagination` is required). `await` gives the first page; `for await` gives every item
 * and ends at the last page, or throws `PaginationError` after the items received when the server repeats a page or
 * `maxPages` (per call, else the client's, else 1,000) pages were received.
 * The response body of `.asResponse()` has been read already.
 */
export function requestPage<Item, Body = unknown>(
  client: RequestClient,
  op: Operation,
  options?: RequestOptions,
): PagePromise<Item, Body> {
  return new PagePromise<Item, Body>(client, op, options);
}
