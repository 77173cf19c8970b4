/**
 * The shapes the client emitter generates (generated-shape.ts), run against the runtime. Their types are checked in
 * generated-shape.test-d.ts.
 */
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../runtime/errors.js';
import { LeanClient } from '../../runtime/lean.js';
import { Connections, Improvado } from './generated-shape.js';
import { json, mockFetch } from './helpers.js';

describe('generated client shape', () => {
  it('runs: token flow, paging, delete, upload, withOptions', async () => {
    const { fetch, seen } = mockFetch(async (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v3/token') return json({ token: 'T' });
      if (req.method === 'DELETE') return url.pathname.endsWith('/9') ? json({ details: 'Not found.' }, 404) : new Response(null, { status: 204 });
      if (url.pathname === '/attachments') return json({ id: 'a1' }, 201);
      const page = Number(url.searchParams.get('page') ?? 1);
      return json({ count: 3, next: page < 2 ? `${url.origin}${url.pathname}?page=2` : null, previous: null, results: page === 1 ? [{ id: 1, title: 'a' }, { id: 2, title: 'b' }] : [{ id: 3, title: 'c' }] });
    });
    const client = new Improvado({ fetch, auth: { basicAuth: { username: 'u', password: 'p' }, bearerAuth: { workspace_id: 7 } } });
    const titles: string[] = [];
    for await (const c of client.connections.list({ datasource_name: 'google_ads' })) titles.push(c.title);
    expect(titles).toEqual(['a', 'b', 'c']);
    const first = await client.connections.list({ datasource_name: 'google_ads', page_size: 2 });
    expect(first.body.count).toBe(3);
    expect(await client.connections.delete({ datasource_name: 'google_ads', id: 1 })).toBeUndefined();
    await expect(client.connections.delete({ datasource_name: 'google_ads', id: 9 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await client.connections.upload({ file: new Blob(['x']) })).toEqual({ id: 'a1' });
    const other = client.withOptions({ headers: { 'X-Extra': '1' } });
    expect(other).toBeInstanceOf(Improvado);
    await other.connections.delete({ datasource_name: 'g', id: 2 });
    expect(seen.filter((s) => s.url.endsWith('/api/v3/token'))).toHaveLength(1);
    expect(seen.at(-1)?.headers.get('authorization')).toBe('Bearer T');
    expect(seen.at(-1)?.headers.get('x-extra')).toBe('1');
  });

  it('the same resource class runs over the lean core (credentials in headers)', async () => {
    const { fetch, seen } = mockFetch(async (req) => {
      const url = new URL(req.url);
      if (req.method === 'DELETE') return new Response(null, { status: 204 });
      const page = Number(url.searchParams.get('page') ?? 1);
      return json({ count: 3, next: page < 2 ? 'more' : null, previous: null, results: page === 1 ? [{ id: 1, title: 'a' }, { id: 2, title: 'b' }] : [{ id: 3, title: 'c' }] });
    });
    const connections = new Connections(new LeanClient({ baseUrl: 'https://embedded.improvado.io', fetch, headers: { Authorization: 'Bearer T' } }));
    const titles: string[] = [];
    for await (const c of connections.list({ datasource_name: 'google_ads' })) titles.push(c.title);
    expect(titles).toEqual(['a', 'b', 'c']);
    expect(await connections.delete({ datasource_name: 'google_ads', id: 1 })).toBeUndefined();
    expect(seen.map((s) => [s.method, s.url, s.headers.get('authorization')])).toEqual([
      ['GET', 'https://embedded.improvado.io/api/v3/datasources/google_ads/connections', 'Bearer T'],
      ['GET', 'https://embedded.improvado.io/api/v3/datasources/google_ads/connections?page=2', 'Bearer T'],
      ['DELETE', 'https://embedded.improvado.io/api/v3/datasources/google_ads/connections/1', 'Bearer T'],
    ]);
  });
});
