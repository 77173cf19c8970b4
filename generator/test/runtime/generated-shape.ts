/**
 * A hand-written client in the shape the client emitter generates (see generator/runtime/README.md): a config with
 * security schemes and a token endpoint, typed auth options, a resource class with a paged list, a delete and a
 * multipart upload. generated-shape.test.ts runs it against the runtime; generated-shape.test-d.ts checks its types.
 */
import type { APIPromise } from '../../runtime/api-promise.js';
import { multipartBody } from '../../runtime/body.js';
import { ClientCore } from '../../runtime/client.js';
import { type PagePromise, requestPage } from '../../runtime/pagination.js';
import { createTokenProvider } from '../../runtime/token-provider.js';
import type { BasicCredentials, ClientConfig, ClientOptions, Credential, RequestClient, RequestOptions } from '../../runtime/types.js';

export const CONFIG = {
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

export interface ImprovadoAuth {
  basicAuth?: BasicCredentials | undefined;
  bearerAuth?: Credential | { workspace_id: number } | undefined;
  sessionCookie?: Credential | undefined;
  workspaceHeader?: Credential | undefined;
}
export type ImprovadoOptions = ClientOptions<ImprovadoAuth>;

export interface Connection {
  id: number;
  title: string;
}
export interface ListConnectionsResponse {
  count: number;
  next: string | null;
  previous: string | null;
  results: Connection[];
}
export interface ListConnectionsParams {
  datasource_name: string;
  page?: number | undefined;
  page_size?: number | undefined;
}

export class Connections {
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

export class Improvado extends ClientCore {
  constructor(options: ImprovadoOptions = {}) {
    super(options, CONFIG);
  }
  readonly connections = new Connections(this);
}
