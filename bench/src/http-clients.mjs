/**
 * The three clients of the per-request benchmark, each making the same call: `GET /items/{id}` with
 * a path parameter and the query `limit=10&tags=a&tags=b`, reading the JSON body.
 *
 * - raw: `fetch` with the URL built by hand (`encodeURIComponent` on the path parameter);
 * - rawTimeout: the same with a 60 s timeout (an `AbortController`, its signal, a timer), as sdkgen's default;
 * - openapi-fetch 0.17.0: `client.GET('/items/{id}', { params: { path, query } })`;
 * - sdkgen: the generated client for bench/fixtures/loopback.yaml, bundled by esbuild, called the
 *   documented way (`client.items.retrieve(id, { limit, tags })`: the path parameter first, D40).
 *
 * Each factory takes `{ baseUrl, fetch }` and returns `call(i)`, a function making call number `i`.
 */
import { pathToFileURL } from 'node:url';
import createOpenapiFetch from 'openapi-fetch';

export const CLIENTS = ['raw', 'rawTimeout', 'openapiFetch', 'sdkgen'];
export const LABELS = {
  raw: 'raw fetch',
  rawTimeout: 'raw fetch + 60 s timeout',
  openapiFetch: 'openapi-fetch 0.17.0',
  sdkgen: 'sdkgen client',
};

/** @returns {Promise<(i: number) => Promise<unknown>>} */
export async function makeClient(name, { baseUrl, fetch: fetchImpl = globalThis.fetch, sdkgenBundle }) {
  if (name === 'raw') {
    return async (i) => {
      const res = await fetchImpl(`${baseUrl}/items/${encodeURIComponent(String(i))}?limit=10&tags=a&tags=b`);
      if (!res.ok) throw new Error(`status ${res.status}`);
      return res.json();
    };
  }
  if (name === 'rawTimeout') {
    // What any client with a per-request timeout does (sdkgen's default is 60 s): a controller, its signal in
    // the init, a timer cleared once the body is read. Context for the loopback rows, not a target.
    return async (i) => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 60_000);
      try {
        const res = await fetchImpl(`${baseUrl}/items/${encodeURIComponent(String(i))}?limit=10&tags=a&tags=b`, { signal: controller.signal });
        if (!res.ok) throw new Error(`status ${res.status}`);
        return await res.json();
      } finally {
        clearTimeout(timer);
      }
    };
  }
  if (name === 'openapiFetch') {
    const client = createOpenapiFetch({ baseUrl, fetch: fetchImpl });
    return async (i) => {
      const { data, error } = await client.GET('/items/{id}', { params: { path: { id: i }, query: { limit: 10, tags: ['a', 'b'] } } });
      if (error !== undefined) throw new Error('error response');
      return data;
    };
  }
  if (name === 'sdkgen') {
    const { Bench } = await import(pathToFileURL(sdkgenBundle).href);
    const client = new Bench({ baseUrl, fetch: fetchImpl });
    return (i) => client.items.retrieve(i, { limit: 10, tags: ['a', 'b'] });
  }
  throw new Error(`unknown client ${name}`);
}

export const BODY = JSON.stringify({ id: 1, name: 'item', tags: ['a', 'b'] });

/** A stubbed fetch: answers every request at once with {@link BODY}, no network. */
export function stubFetch() {
  return async () => new Response(BODY, { status: 200, headers: { 'content-type': 'application/json' } });
}
