/**
 * The shapes the client emitter generates (see generator/runtime/README.md), compiled and run against the runtime.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { APIPromise } from '../../runtime/api-promise.js';
import { multipartBody } from '../../runtime/body.js';
import { ClientCore } from '../../runtime/client.js';
import { NotFoundError } from '../../runtime/errors.js';
import { type PagePromise, requestPage } from '../../runtime/pagination.js';
import { createTokenProvider } from '../../runtime/token-provider.js';
import { LeanClient } from '../../runtime/lean.js';
import type { BasicCredentials, ClientConfig, ClientOptions, Credential, RequestClient, RequestOptions } from '../../runtime/types.js';
import type { Pagination, Parameter, TokenEndpoint, WebhookSignature } from '../../src/model/types.js';
import type { PaginationSpec, ParamSpec, TokenEndpointSpec } from '../../runtime/types.js';
import type { WebhookSignatureScheme } from '../../runtime/webhooks.js';
import { json, mockFetch } from './helpers.js';

const CONFIG = {
  baseUrl: 'https://embedded.improvado.io',
  securitySchemes: {
    basicAuth: { type: 'http', scheme: 'basic' },
    bearerAuth: {
      type: 'http',
      scheme: 'bearer',
      tokenEndpoint: {
        operationId: 'createToken',
        method: 'post',
        path: '/api/v3/token',
        credentialsScheme: 'basicAuth',
        tokenField: '/token',
        requestFields: ['workspace_id'],
        lifetimeSeconds: 1800,
        slidingExpiry: true,
      },
    },
    sessionCookie: { type: 'apiKey', in: 'cookie', name: 'dts_session_id' },
    workspaceHeader: { type: 'apiKey', in: 'header', name: 'X-IM-WORKSPACE-ID' },
  },
  tokenProvider: createTokenProvider,
} as const satisfies ClientConfig;

interface ImprovadoAuth {
  basicAuth?: BasicCredentials | undefined;
  bearerAuth?: Credential | { workspace_id: number } | undefined;
  sessionCookie?: Credential | undefined;
  workspaceHeader?: Credential | undefined;
}
type ImprovadoOptions = ClientOptions<ImprovadoAuth>;

interface Connection {
  id: number;
  title: string;
}
interface ListConnectionsResponse {
  count: number;
  next: string | null;
  previous: string | null;
  results: Connection[];
}
interface ListConnectionsParams {
  datasource_name: string;
  page?: number | undefined;
  page_size?: number | undefined;
}

class Connections {
  constructor(private readonly client: RequestClient) {}
  list(params: ListConnectionsParams, options?: RequestOptions): PagePromise<Connection, ListConnectionsResponse> {
    return requestPage(
      this.client,
      {
        method: 'get',
        path: '/api/v3/datasources/{datasource_name}/connections',
        operationId: 'listConnections',
        params,
        parameters: { datasource_name: { in: 'path' }, page: { in: 'query' }, page_size: { in: 'query' } },
        security: [['bearerAuth'], ['sessionCookie', 'workspaceHeader']],
        responses: { '200': 'json', default: 'json' },
        pagination: { style: 'page', in: 'query', pageParam: 'page', sizeParam: 'page_size', itemsField: '/results', nextField: '/next', countField: '/count' },
      },
      options,
    );
  }
  delete(params: { datasource_name: string; id: number }, options?: RequestOptions): APIPromise<void> {
    return this.client.request(
      {
        method: 'delete',
        path: '/api/v3/datasources/{datasource_name}/connections/{id}',
        params,
        security: [['bearerAuth'], ['sessionCookie', 'workspaceHeader']],
        responses: { '204': 'none' },
      },
      options,
    );
  }
  upload(body: { file: Blob; caption?: string | undefined }, options?: RequestOptions): APIPromise<{ id: string }> {
    return this.client.request({ method: 'post', path: '/attachments', bodyKind: 'multipart', body: multipartBody(body), responses: { '201': 'json' } }, options);
  }
}

class Improvado extends ClientCore {
  constructor(options: ImprovadoOptions = {}) {
    super(options, CONFIG);
  }
  readonly connections = new Connections(this);
}

describe('generated client shape', () => {
  it('compiles and runs: token flow, paging, delete, upload, withOptions', async () => {
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
    expectTypeOf(first.body).toEqualTypeOf<ListConnectionsResponse>();
    expect(first.body.count).toBe(3);
    expect(await client.connections.delete({ datasource_name: 'google_ads', id: 1 })).toBeUndefined();
    await expect(client.connections.delete({ datasource_name: 'google_ads', id: 9 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await client.connections.upload({ file: new Blob(['x']) })).toEqual({ id: 'a1' });
    // @ts-expect-error a typed auth key that is not a scheme
    new Improvado({ auth: { nope: 'x' } });
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

describe('IR types fit the runtime descriptors (checked by tsc)', () => {
  it('TokenEndpoint and WebhookSignature are accepted as they are', () => {
    expectTypeOf<TokenEndpoint>().toExtend<TokenEndpointSpec>();
    expectTypeOf<WebhookSignature>().toExtend<WebhookSignatureScheme>();
    expectTypeOf<Omit<Pagination, 'itemSchema' | 'source' | 'reason'>>().toExtend<PaginationSpec>();
    expectTypeOf<Pick<Parameter, 'in' | 'style' | 'explode' | 'allowReserved'>>().toExtend<ParamSpec>();
    expect(true).toBe(true);
  });
});
