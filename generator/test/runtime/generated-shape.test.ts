/**
 * The shapes the client emitter generates (generated-shape.ts), run against the runtime. Their types are checked in
 * generated-shape.test-d.ts.
 */
import { describe, expect, it } from 'vitest';
import { AbortError, NotFoundError } from '../../runtime/errors.js';
import { LeanClient } from '../../runtime/lean.js';
import { PollTimeoutError } from '../../runtime/poll.js';
import { Connections, Improvado, Loads, NotFoundError as ImprovadoNotFoundError } from './generated-shape.js';
import { json, mockFetch } from './helpers.js';

describe('generated client shape', () => {
  it('runs: token flow, paging, delete, upload, withOptions', async () => {
    const { fetch, seen } = mockFetch(async (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v3/token') return json({ token: 'T' });
      if (req.method === 'DELETE') return url.pathname.endsWith('/9') ? json({ details: 'Not found.' }, 404) : new Response(null, { status: 204 });
      if (url.pathname === '/attachments') return json({ id: 'a1' }, 201);
      const page = Number(url.searchParams.get('page') ?? 1);
      return json({
        count: 3,
        next: page < 2 ? `${url.origin}${url.pathname}?page=2` : null,
        previous: null,
        results:
          page === 1
            ? [
                { id: 1, title: 'a' },
                { id: 2, title: 'b' },
              ]
            : [{ id: 3, title: 'c' }],
      });
    });
    const client = new Improvado({ fetch, auth: { basicAuth: { username: 'u', password: 'p' }, bearerAuth: { workspace_id: 7 } } });
    const titles: string[] = [];
    for await (const c of client.connections.list({ datasource_name: 'google_ads' })) titles.push(c.title);
    expect(titles).toEqual(['a', 'b', 'c']);
    const first = await client.connections.list({ datasource_name: 'google_ads', page_size: 2 });
    expect(first.body.count).toBe(3);
    expect(await client.connections.delete({ datasource_name: 'google_ads', connection_id: 1 })).toBeUndefined();
    await expect(client.connections.delete({ datasource_name: 'google_ads', connection_id: 9 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await client.connections.upload({ file: new Blob(['x']) })).toEqual({ id: 'a1' });
    const other = client.withOptions({ headers: { 'X-Extra': '1' } });
    expect(other).toBeInstanceOf(Improvado);
    await other.connections.delete({ datasource_name: 'g', connection_id: 2 });
    expect(seen.filter((s) => s.url.endsWith('/api/v3/token'))).toHaveLength(1);
    expect(seen.at(-1)?.headers.get('authorization')).toBe('Bearer T');
    expect(seen.at(-1)?.headers.get('x-extra')).toBe('1');
  });

  it('the same resource class runs over the lean core (credentials in headers)', async () => {
    const { fetch, seen } = mockFetch(async (req) => {
      const url = new URL(req.url);
      if (req.method === 'DELETE') return new Response(null, { status: 204 });
      const page = Number(url.searchParams.get('page') ?? 1);
      return json({
        count: 3,
        next: page < 2 ? 'more' : null,
        previous: null,
        results:
          page === 1
            ? [
                { id: 1, title: 'a' },
                { id: 2, title: 'b' },
              ]
            : [{ id: 3, title: 'c' }],
      });
    });
    const connections = new Connections(new LeanClient({ baseUrl: 'https://embedded.improvado.io', fetch, headers: { Authorization: 'Bearer T' } }));
    const titles: string[] = [];
    for await (const c of connections.list({ datasource_name: 'google_ads' })) titles.push(c.title);
    expect(titles).toEqual(['a', 'b', 'c']);
    expect(await connections.delete({ datasource_name: 'google_ads', connection_id: 1 })).toBeUndefined();
    expect(seen.map((s) => [s.method, s.url, s.headers.get('authorization')])).toEqual([
      ['GET', 'https://embedded.improvado.io/api/v3/datasources/google_ads/connections', 'Bearer T'],
      ['GET', 'https://embedded.improvado.io/api/v3/datasources/google_ads/connections?page=2', 'Bearer T'],
      ['DELETE', 'https://embedded.improvado.io/api/v3/datasources/google_ads/connections/1', 'Bearer T'],
    ]);
  });

  it('an …AndPoll method starts the work, then reads the status until it is terminal', async () => {
    const statuses = ['queued', 'running', 'done'];
    const { fetch, seen } = mockFetch(async (req) => {
      if (req.method === 'PUT') return json({ id: 7, status: 'queued' });
      return json({ id: 7, status: statuses.shift() ?? 'done' });
    });
    const client = new Improvado({ fetch, auth: { bearerAuth: 'T' } });
    const load = await client.loads.runAndPoll({ load_id: 7 }, { poll: { intervalMs: 1 } });
    expect(load).toEqual({ id: 7, status: 'done' });
    expect(seen.map((s) => `${s.method} ${new URL(s.url).pathname}`)).toEqual([
      'PUT /api/v3/loads/7/run',
      'GET /api/v3/loads/7',
      'GET /api/v3/loads/7',
      'GET /api/v3/loads/7',
    ]);
  });

  it('an …AndPoll method over the lean core: the time limit and the caller’s signal end the wait', async () => {
    const { fetch } = mockFetch(async () => json({ id: 7, status: 'running' }));
    const loads = new Loads(new LeanClient({ baseUrl: 'https://embedded.improvado.io', fetch }));
    const timedOut = await loads.runAndPoll({ load_id: 7 }, { poll: { intervalMs: 1, timeoutMs: 30 } }).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(PollTimeoutError);
    expect((timedOut as PollTimeoutError).lastValue).toEqual({ id: 7, status: 'running' });
    const aborted = await loads.runAndPoll({ load_id: 7 }, { signal: AbortSignal.timeout(30), poll: { intervalMs: 1 } }).catch((e: unknown) => e);
    expect(aborted).toBeInstanceOf(AbortError);
  });

  it('the client’s error classes are the runtime’s; the error message follows the descriptor’s errorMessage', async () => {
    const { fetch } = mockFetch(json({ detail: 'generic', details: 'No load 9.' }, 404));
    const err = await new Improvado({ fetch }).loads.retrieve({ load_id: 9 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImprovadoNotFoundError);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toBe('404 No load 9. (GET https://embedded.improvado.io/api/v3/loads/9)');
  });
});
