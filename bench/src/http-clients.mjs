/**
 * The three clients of the per-request benchmark, each making the same call: `GET /items/{id}` with
 * a path parameter and the query `limit=10&tags=a&tags=b`, reading the JSON body.
 *
 * - raw: `fetch` with the URL built by hand (`encodeURIComponent` on the path parameter);
 * - openapi-fetch 0.17.0: `client.GET('/items/{id}', { params: { path, query } })`;
 * - sdkgen: the generated client for bench/fixtures/loopback.yaml, bundled by esbuild, called the
 *   documented way (`client.items.retrieve({ id, limit, tags })`).
 *
 * Each factory takes `{ baseUrl, fetch }` and returns `call(i)`, a function making call number `i`.
 */
import { pathToFileURL } from 'node:url';
import createOpenapiFetch from 'openapi-fetch';

export const CLIENTS = ['raw', 'openapiFetch', 'sdkgen'];
export const LABELS = {
  raw: 'raw fetch',
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
    return (i) => client.items.retrieve({ id: i, limit: 10, tags: ['a', 'b'] });
  }
  throw new Error(`unknown client ${name}`);
}

export const BODY = JSON.stringify({ id: 1, name: 'item', tags: ['a', 'b'] });

/** A stubbed fetch: answers every request at once with {@link BODY}, no network. */
export function stubFetch() {
  return async () => new Response(BODY, { status: 200, headers: { 'content-type': 'application/json' } });
}
