/**
 * Behaviour of generated fixture clients with an injected `fetch` (the generated TypeScript is
 * imported directly): the client-level shared cases 06, 24, 25, 27, 28, 29, 31 and 32, plus the
 * Improvado client's pagination, auth and typed `request()` on the wire.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientNames, methodAccess } from '../../src/model/client-names.js';
import { asRequest } from '../runtime/helpers.js';
import { clientFixtures, type Fixture, generate, outRoot, writeGenerated } from './pipeline.js';

const root = path.join(outRoot, 'runtime');

/** Any generated client: resources and methods are looked up by name at run time. */
type Dyn = Record<string, unknown>;
interface ClientModule {
  /** operationId → `a.b.method` on the client (from the model, so renames in the model follow). */
  access: Map<string, string>;
  Client: new (options?: Record<string, unknown>) => Dyn;
  Improvado: new (options?: Record<string, unknown>) => Dyn;
  ApiError: new (...args: never[]) => Error;
  RateLimitError: new (...args: never[]) => Error;
  verifyWebhook?: (input: { rawBody: string; headers: Record<string, string>; secret: string }) => Promise<unknown>;
  webhookIdempotencyKey?: (headers: Record<string, string>) => string | undefined;
  handleVerificationChallenge?: (request: { method?: string; headers: Record<string, string> }, options?: { secret?: string }) => unknown;
}

const modules = new Map<string, ClientModule>();

async function load(name: string): Promise<ClientModule> {
  const found = modules.get(name);
  if (found) {
    current = found;
    return found;
  }
  const fixture = clientFixtures().find((f) => f.name === name) as Fixture;
  const dir = await writeGenerated(fixture, root);
  const mod = (await import(pathToFileURL(path.join(dir, 'client/src/index.ts')).href)) as Omit<ClientModule, 'access'>;
  const { api } = await generate(fixture);
  const access = new Map<string, string>();
  for (const [op, a] of methodAccess(clientNames(api, fixture.options.clientName).root)) access.set(op.operationId, a.slice('client.'.length));
  const loaded: ClientModule = { ...mod, access };
  modules.set(name, loaded);
  current = loaded;
  return loaded;
}

/** A fetch that records each request and answers with `respond(request, n)`. */
function recorder(respond: (request: Request, n: number) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const bodies: string[] = [];
  const fetch = async (input: string | Request, init?: RequestInit): Promise<Response> => {
    const request = asRequest(input, init);
    requests.push(request);
    bodies.push(await request.clone().text());
    return respond(request, requests.length - 1);
  };
  return { fetch, requests, bodies };
}

let current: ClientModule | undefined;

/** `client.a.b.m(...args)` by operationId (or by path when no operation has that id). */
function call(client: Dyn, access: string, ...args: unknown[]): Promise<unknown> & { withResponse(): Promise<{ data: unknown; response: Response }> } {
  const parts = (current?.access.get(access) ?? access).split('.');
  const method = parts.pop() as string;
  let target: unknown = client;
  for (const p of parts) target = (target as Dyn)[p];
  const fn = (target as Record<string, (...a: unknown[]) => unknown>)[method];
  if (typeof fn !== 'function') throw new Error(`${access} is not a method`);
  return fn.apply(target, args) as Promise<unknown> & { withResponse(): Promise<{ data: unknown; response: Response }> };
}

const json = (body: unknown, init: ResponseInit = {}): Response =>
  new Response(JSON.stringify(body), { status: 200, ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });

beforeAll(async () => {
  for (const name of [
    'oneof-allof-without-discriminator',
    'date-formats',
    'multipart-binary',
    'binary-downloads',
    'form-urlencoded-encoding',
    'query-parameter-styles',
    'responses-without-body',
    'text-plain-bodies',
    'query-in-path-key',
    'pagination',
    'improvado',
  ])
    await load(name);
}, 300_000);

describe('shared cases through the generated clients', () => {
  it('case-06: a union without discriminator resolves and keeps every field', async () => {
    const { Client } = await load('oneof-allof-without-discriminator');
    const r = recorder(() => json({ weight: 1, variety: 'x' }));
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch });
    expect(await call(client, 'getProduce')).toEqual({ weight: 1, variety: 'x' });
    expect(r.requests[0]?.method).toBe('GET');
    expect(r.requests[0]?.url).toBe('http://api.test/produce');
    expect(r.requests[0]?.headers.get('accept')).toBe('application/json');
  });

  it('case-24: date-time and date values stay strings, every field kept', async () => {
    const { Client } = await load('date-formats');
    const body = {
      items: [
        { id: 'm1', joinedAt: '2024-05-01T10:00:00Z', birthday: '1990-02-03' },
        { id: 'm2', joinedAt: '2024-05-02T00:00:00+02:00' },
      ],
    };
    const r = recorder(() => json(body));
    const data = (await call(new Client({ baseUrl: 'http://api.test', fetch: r.fetch }), 'listMembers')) as typeof body;
    expect(data).toEqual(body);
    expect(typeof data.items[0]?.joinedAt).toBe('string');
  });

  it('case-25: multipart body is FormData with the boundary set by fetch, arrays repeated, bytes intact', async () => {
    const { Client } = await load('multipart-binary');
    const r = recorder(() => new Response(null, { status: 201 }));
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch });
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    const data = await call(client, 'uploadAttachment', {
      caption: 'hi',
      file: new Blob([bytes], { type: 'application/octet-stream' }),
      extras: [new Blob(['a']), new Blob(['b'])],
    });
    expect(data).toBeUndefined();
    const request = r.requests[0] as Request;
    expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request.clone().formData();
    expect(form.get('caption')).toBe('hi');
    expect(form.getAll('extras')).toHaveLength(2);
    const file = form.get('file') as Blob;
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });

  it('case-27: binary responses resolve to a Blob with every byte intact (octet-stream and zip)', async () => {
    const { Client } = await load('binary-downloads');
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const r = recorder(
      (req) => new Response(all.slice(), { headers: { 'content-type': req.url.endsWith('/zip') ? 'application/zip' : 'application/octet-stream' } }),
    );
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch });
    for (const access of ['downloadExport', 'downloadZip']) {
      const blob = await call(client, access, 'e/1');
      expect(blob).toBeInstanceOf(Blob);
      expect(new Uint8Array(await (blob as Blob).arrayBuffer())).toEqual(all);
    }
    expect(r.requests.map((q) => q.url)).toEqual(['http://api.test/exports/e%2F1', 'http://api.test/exports/e%2F1/zip']);
  });

  it('case-28: form body pairs (arrays exploded, deepObject encoding) with the form content type', async () => {
    const { Client } = await load('form-urlencoded-encoding');
    const r = recorder(() => new Response(null, { status: 200 }));
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch });
    await call(client, 'createCustomer', { email: 'a@b.c', labels: ['x', 'y'], meta: { ref: '42', source: 'web' } });
    expect(r.requests[0]?.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect([...new URLSearchParams(r.bodies[0])]).toEqual([
      ['email', 'a@b.c'],
      ['labels', 'x'],
      ['labels', 'y'],
      ['meta[ref]', '42'],
      ['meta[source]', 'web'],
    ]);
  });

  it('case-29: exact query strings per parameter style/explode, separately and combined', async () => {
    const { Client } = await load('query-parameter-styles');
    const r = recorder(() => new Response(null, { status: 200 }));
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch });
    const query = async (params: Record<string, unknown>): Promise<string> => {
      await call(client, 'getRates', params);
      return decodeURIComponent(new URL(r.requests[r.requests.length - 1]?.url ?? '').search.slice(1));
    };
    expect(await query({ pairs: ['A_B', 'C_D'] })).toBe('pairs=A_B,C_D');
    expect(await query({ ids: [1, 2] })).toBe('ids=1&ids=2');
    expect(await query({ window: { from: 'x', to: 'y' } })).toBe('from=x&to=y');
    expect(await query({ filter: { status: 'open' } })).toBe('filter[status]=open');
    expect(await query({ pairs: ['A_B', 'C_D'], ids: [1, 2], window: { from: 'x', to: 'y' }, filter: { status: 'open' } })).toBe(
      'pairs=A_B,C_D&ids=1&ids=2&from=x&to=y&filter[status]=open',
    );
    expect(await query({})).toBe('');
  });

  it('case-31: 204 and 202 without a body resolve to undefined; 200 and 201 are parsed', async () => {
    const { Client } = await load('responses-without-body');
    let next: Response = new Response(null, { status: 204 });
    const client = new Client({ baseUrl: 'http://api.test', fetch: async () => next });
    expect(await call(client, 'deleteJob', 'j1')).toBeUndefined();
    next = new Response(null, { status: 204 });
    expect(await call(client, 'listJobs')).toBeUndefined();
    next = json(['a', 'b']);
    expect(await call(client, 'listJobs')).toEqual(['a', 'b']);
    next = new Response(null, { status: 202 });
    expect(await call(client, 'createJob')).toBeUndefined();
    next = json({ id: 'j2' }, { status: 201 });
    const { data, response } = await call(client, 'createJob').withResponse();
    expect(data).toEqual({ id: 'j2' });
    expect(response.status).toBe(201);
  });

  it('case-32: text request and response; a 429 text error body is read as text', async () => {
    const { Client, RateLimitError } = await load('text-plain-bodies');
    const r = recorder((req, n) => {
      if (req.url.endsWith('/ping')) return new Response('pong', { headers: { 'content-type': 'text/plain' } });
      if (n === 1) return json({ id: 'n1' });
      return new Response('slow down', { status: 429, headers: { 'content-type': 'text/plain', 'retry-after': '120' } });
    });
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch, maxRetries: 0 });
    expect(await call(client, 'ping')).toBe('pong');
    expect(await call(client, 'addNote', 'hello')).toEqual({ id: 'n1' });
    expect(r.bodies[1]).toBe('hello');
    expect(r.requests[1]?.headers.get('content-type')).toMatch(/^text\/plain/);
    const err = await call(client, 'addNote', 'again').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as { body: unknown }).body).toBe('slow down');
    expect((err as { status: number }).status).toBe(429);
  });
});

describe('the Improvado client on the wire', () => {
  it('walks every item of every page with for await, sending page numbers', async () => {
    const { Improvado } = await load('improvado');
    const pages = [
      { count: 3, next: 'http://api.test/api/v3/datasources/google_ads/connections?page=2', previous: null, results: [{ id: 1 }, { id: 2 }] },
      { count: 3, next: null, previous: 'x', results: [{ id: 3 }] },
    ];
    const r = recorder((_req, n) => json(pages[n % 2]));
    const client = new Improvado({ baseUrl: 'http://api.test', fetch: r.fetch, auth: { bearerAuth: 'tok' } });
    const ids: unknown[] = [];
    for await (const c of call(client, 'listDatasourceConnections', 'google_ads') as unknown as AsyncIterable<{ id: number }>) ids.push(c.id);
    expect(ids).toEqual([1, 2, 3]);
    expect(r.requests.map((q) => q.url)).toEqual([
      'http://api.test/api/v3/datasources/google_ads/connections',
      'http://api.test/api/v3/datasources/google_ads/connections?page=2',
    ]);
    expect(r.requests[0]?.headers.get('authorization')).toBe('Bearer tok');
    const first = (await call(client, 'listDatasourceConnections', 'google_ads')) as { data: unknown[]; hasNextPage(): boolean };
    expect(first.data).toHaveLength(2);
    expect(first.hasNextPage()).toBe(true);
  });

  it('pages per account (groups): the next request asks for the accounts with more, by page number', async () => {
    const { Improvado } = await load('improvado');
    const group = (account: string, page: number, next: string | null) => ({
      account_id: account,
      count: 3,
      next,
      previous: null,
      results: [{ value: `${account}-p${page}`, label: '' }],
      search_applied: false,
    });
    const r = recorder((_request, n) =>
      json({ custom_setting_name: 'c', results: n === 0 ? [group('A', 1, '2'), group('B', 1, null)] : [group('A', 2, null)] }),
    );
    const client = new Improvado({ baseUrl: 'http://api.test', fetch: r.fetch, auth: { bearerAuth: 'tok' } });
    const args = { template_id: 1, connection_id: 2, account_ids: ['A', 'B'], custom_setting_name: 'c' };
    const values: string[] = [];
    for await (const g of call(client, 'listCustomSettingOptions', 'google_ads', args) as unknown as AsyncIterable<{ results: Array<{ value: string }> }>)
      values.push(...g.results.map((o) => o.value));
    expect(values).toEqual(['A-p1', 'B-p1', 'A-p2']);
    // The request's `page` is an integer (the response's `next` is a string, which is read as a number).
    expect(r.bodies.map((b) => JSON.parse(b) as { page?: unknown; account_ids: string[] }).map((b) => [b.page, b.account_ids])).toEqual([
      [undefined, ['A', 'B']],
      [2, ['A']],
    ]);
  });

  it('obtains the workspace token with Basic auth from the token endpoint, then sends it as Bearer', async () => {
    const { Improvado } = await load('improvado');
    const r = recorder((req) => (req.url.endsWith('/api/v3/token') ? json({ token: 'ws-token' }) : json({ id: 7 })));
    const client = new Improvado({
      baseUrl: 'http://api.test',
      fetch: r.fetch,
      auth: { basicAuth: { username: 'agency', password: 'secret' }, bearerAuth: { workspace_id: 42 } },
    });
    expect(await call(client, 'retrieveExtract', 7)).toEqual({ id: 7 });
    expect(r.requests.map((q) => `${q.method} ${new URL(q.url).pathname}`)).toEqual(['POST /api/v3/token', 'GET /api/v3/extracts/7']);
    expect(r.requests[0]?.headers.get('authorization')).toBe(`Basic ${btoa('agency:secret')}`);
    expect(JSON.parse(r.bodies[0] ?? '')).toEqual({ workspace_id: 42 });
    expect(r.requests[1]?.headers.get('authorization')).toBe('Bearer ws-token');
  });

  it('Basic-only operations use Basic even when a token is configured', async () => {
    const { Improvado } = await load('improvado');
    const r = recorder(() => json([]));
    const client = new Improvado({ baseUrl: 'http://api.test', fetch: r.fetch, auth: { basicAuth: { username: 'a', password: 'b' }, bearerAuth: 'tok' } });
    await call(client, 'listRoles');
    expect(r.requests[0]?.headers.get('authorization')).toBe(`Basic ${btoa('a:b')}`);
  });

  it('request(method, path, { params, body }) sends params by location with the operation security', async () => {
    const { Improvado } = await load('improvado');
    const r = recorder(() => json({ id: 5 }));
    const client = new Improvado({ baseUrl: 'http://api.test', fetch: r.fetch, auth: { basicAuth: { username: 'a', password: 'b' }, bearerAuth: 'tok' } });
    const request = client.request as (m: string, p: string, init?: unknown) => Promise<unknown>;
    expect(await request.call(client, 'get', '/api/v3/extracts/{extract_id}', { params: { path: { extract_id: 5 }, query: { expand: 'x y' } } })).toEqual({
      id: 5,
    });
    expect(r.requests[0]?.url).toBe('http://api.test/api/v3/extracts/5?expand=x%20y');
    expect(r.requests[0]?.headers.get('authorization')).toBe('Bearer tok');
    await request.call(client, 'get', '/api/v3/roles/');
    expect(r.requests[1]?.headers.get('authorization')).toBe(`Basic ${btoa('a:b')}`);
    await request.call(client, 'post', '/api/v3/loads', { body: { name: 'n' } });
    expect(r.bodies[2]).toBe('{"name":"n"}');
    expect(r.requests[2]?.headers.get('content-type')).toBe('application/json');
  });

  it('verifies webhook signatures, exposes the idempotency key and answers the challenge', async () => {
    const { verifyWebhook, webhookIdempotencyKey, handleVerificationChallenge } = await load('improvado');
    const rawBody = '{"event":"extract.completed","data":{"id":1}}';
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('whsec'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const sig = Buffer.from(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(rawBody))).toString('hex');
    const headers = { 'x-improvado-signature': sig, 'x-improvado-idempotency-key': 'd-1' };
    expect(await verifyWebhook?.({ rawBody, headers, secret: 'whsec' })).toEqual(JSON.parse(rawBody));
    await expect(verifyWebhook?.({ rawBody, headers, secret: 'other' })).rejects.toThrow(/signature/);
    expect(webhookIdempotencyKey?.(headers)).toBe('d-1');
    expect(
      handleVerificationChallenge?.({ method: 'GET', headers: { 'X-Improvado-Challenge': 'abc', 'X-Improvado-Verify-Token': 'whsec' } }, { secret: 'whsec' }),
    ).toMatchObject({
      status: 200,
      body: 'abc',
    });
  });
});

describe('wire names equal to Object.prototype members (fixture rules/prototype-names)', () => {
  it('query, path and header parameters, body properties, form encoding and an auth scheme named like prototype members', async () => {
    const { Client } = await load('prototype-names');
    const thing = JSON.parse('{"toString":"t","constructor":"c","__proto__":"p","valueOf":1}') as unknown;
    const r = recorder(() => json(thing));
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch, auth: { toString: 'key-1' } });
    const params = JSON.parse('{"toString":"a","constructor":"b","__proto__":"c","valueOf":"v"}') as unknown;
    const data = await call(client, 'updateThing', 'h', params, thing);
    const request = r.requests[0] as Request;
    expect(request.url).toBe('http://api.test/things/h?toString=a&constructor=b&__proto__=c');
    expect(request.headers.get('valueOf')).toBe('v');
    expect(request.headers.get('x-api-key')).toBe('key-1');
    expect(JSON.parse(r.bodies[0] as string)).toEqual(thing);
    expect(Object.hasOwn(data as object, '__proto__')).toBe(true);

    // Only `constructor` and `toString`: they are sent with their values, not dropped or replaced by prototype members.
    const r2 = recorder(() => json(thing));
    const client2 = new Client({ baseUrl: 'http://api.test', fetch: r2.fetch, auth: { toString: 'key-1' } });
    await call(client2, 'updateThing', 'h', { constructor: 'ctor', toString: 'str' }, thing);
    expect(new URL((r2.requests[0] as Request).url).searchParams.get('constructor')).toBe('ctor');
    expect(new URL((r2.requests[0] as Request).url).searchParams.get('toString')).toBe('str');
  });

  it('a missing path argument named like a prototype member is an error, not Object.prototype.hasOwnProperty', async () => {
    const { Client } = await load('prototype-names');
    const r = recorder(() => json({}));
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch, auth: { toString: 'k' } });
    await expect(call(client, 'updateThing', undefined, {}, { toString: 't' })).rejects.toThrow(/Missing required path parameter "hasOwnProperty"/);
    expect(r.requests).toHaveLength(0);
  });

  it('a form body keeps the encoding of a property named toString (pipeDelimited)', async () => {
    const { Client } = await load('prototype-names');
    const r = recorder(() => new Response(null, { status: 204 }));
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch });
    await call(client, 'submitForm', { toString: ['a', 'b|x'], constructor: 'c' });
    // The delimiter is literal and a `|` inside a value encoded, so the server can split before decoding.
    expect(r.bodies[0]).toBe('toString=a|b%7Cx&constructor=c');
  });
});

describe('members named like Object.prototype members (fixture rules/prototype-members)', () => {
  it('String(), template literals and JSON.stringify of the client and a resource call no API; the renamed members do', async () => {
    const { Client } = await load('prototype-members');
    const r = recorder(() => new Response(null, { status: 204 }));
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch });
    expect(String(client)).toBe('[object Object]');
    expect(`${client.jobs as object}`).toBe('[object Object]');
    expect(() => JSON.stringify(client.jobs)).not.toThrow();
    const check = (client['tasks'] as Dyn)['check'] as Dyn;
    expect(check['hasOwnProperty']).toBe(Object.prototype.hasOwnProperty);
    expect((client['jobs'] as Dyn)['valueOf']).toBe(Object.prototype.valueOf);
    expect(r.requests).toHaveLength(0);
    await call(client, 'jobValueOf', 'job-1');
    await call(client, 'taskCheck', 'task-1');
    expect(r.requests.map((q) => `${q.method} ${new URL(q.url).pathname}`)).toEqual(['POST /jobs/job-1/valueOf', 'GET /tasks/task-1/check']);
  });
});

describe('Accept when a success response has several media types (fixture rules/text-media-types)', () => {
  it('names the media types the client reads, JSON first', async () => {
    const { Client } = await load('text-media-types');
    const r = recorder(() => json({ url: 'u' }));
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch });
    expect(await call(client, 'getReport')).toEqual({ url: 'u' });
    expect(r.requests[0]?.headers.get('accept')).toBe('application/json, text/plain');
  });
});

describe('request(method, path) sends parameters as the spec says (fixture rules/request-by-path)', () => {
  it('style, explode, content and a name two locations share, as the generated method sends them', async () => {
    const { Client } = await load('request-by-path');
    const r = recorder(() => json({ id: '7' }));
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch });
    const request = client.request as (m: string, p: string, init?: unknown) => Promise<unknown>;
    const query = { tags: ['a', 'b'], filter: { status: 'open' }, where: { a: 1 } };
    await call(client, 'getItem', '7', query);
    await request.call(client, 'get', '/items/{id}', { params: { path: { id: '7' }, query } });
    expect(r.requests[1]?.url).toBe(r.requests[0]?.url);
    expect(r.requests[0]?.url).toBe('http://api.test/items/7?tags=a,b&filter[status]=open&where=%7B%22a%22%3A1%7D');
    await request.call(client, 'get', '/items/{id}', { params: { path: { id: '7' }, query: { id: 'q' } } });
    expect(r.requests[2]?.url).toBe('http://api.test/items/7?id=q');
    await request.call(client, 'get', '/matrix/{m}', { params: { path: { m: ['a', 'b'] } } });
    expect(r.requests[3]?.url).toBe('http://api.test/matrix/;m=a;m=b');
  });
  it('a secret query parameter is *** in the error of a call by path', async () => {
    const { Client } = await load('request-by-path');
    const r = recorder(() => json({ message: 'no' }, { status: 400 }));
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch, maxRetries: 0 });
    const request = client.request as (m: string, p: string, init?: unknown) => Promise<unknown>;
    const error = await request
      .call(client, 'get', '/items/{id}', { params: { path: { id: '7' }, query: { token: 's3cr3t-value' } } })
      .catch((e: unknown) => e);
    expect(r.requests[0]?.url).toBe('http://api.test/items/7?token=s3cr3t-value');
    expect(String((error as Error).message)).not.toContain('s3cr3t-value');
    expect(JSON.stringify(error)).not.toContain('s3cr3t-value');
    expect((error as { url?: string }).url).toBe('http://api.test/items/7?token=***');
  });
});

describe('path keys with a query part (fixture rules/query-in-path-key, D57)', () => {
  it('a query-parameter pair leaves the path; a path parameter there is filled in; a literal pair stays; query parameters follow with &', async () => {
    const { Client } = await load('query-in-path-key');
    const r = recorder((request) => (request.url.includes('/exports/') ? new Response('a,b\n', { headers: { 'content-type': 'text/csv' } }) : json([])));
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch });
    await call(client, 'searchArticles', { query: 'red fox', limit: 5 });
    await call(client, 'downloadExport', 'e 1', 'march.csv', { format: 'csv' });
    await call(client, 'downloadExport', 'e2', 'all.csv');
    await call(client, 'listOpenArticles', { author: 'ann' });
    await call(client, 'listOpenArticles');
    expect(r.requests.map((q) => q.url)).toEqual([
      'http://api.test/search/articles?query=red%20fox&limit=5',
      'http://api.test/exports/e%201?filename=march.csv&format=csv',
      'http://api.test/exports/e2?filename=all.csv',
      'http://api.test/articles?state=open&author=ann',
      'http://api.test/articles?state=open',
    ]);
  });
});

describe('next-link pagination on a path with a parameter (fixture rules/pagination)', () => {
  it('every page is fetched: the path argument is kept past page 1, the query comes from the Link header', async () => {
    const { Client } = await load('pagination');
    const pages = [
      { body: ['a'], link: '<http://api.test/api/v3/projects/p%201/events?cursor=2>; rel="next"' },
      { body: ['b'], link: '</api/v3/projects/p%201/events?cursor=3>; rel="next"' },
      { body: ['c'], link: undefined },
    ];
    const r = recorder((_request, n) => json(pages[n]?.body ?? [], { headers: pages[n]?.link ? { link: pages[n].link } : {} }));
    const client = new Client({ baseUrl: 'http://api.test', fetch: r.fetch });
    const items: unknown[] = [];
    for await (const item of call(client, 'listProjectEvents', 'p 1', { kind: 'push' }) as unknown as AsyncIterable<unknown>) items.push(item);
    expect(items).toEqual(['a', 'b', 'c']);
    expect(r.requests.map((q) => q.url)).toEqual([
      'http://api.test/api/v3/projects/p%201/events?kind=push',
      'http://api.test/api/v3/projects/p%201/events?cursor=2',
      'http://api.test/api/v3/projects/p%201/events?cursor=3',
    ]);
  });
});
