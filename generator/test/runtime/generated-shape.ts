/**
 * A hand-written client in the shape the client emitter generates (see generator/runtime/README.md): a config with
 * security schemes and a token endpoint, typed auth options, a resource class with a paged list, a delete and a
 * multipart upload; a resource with an action and its `…AndPoll` method (from an `x-poll`); the client's error classes
 * with its error body type. generated-shape.test.ts runs it against the runtime; generated-shape.test-d.ts checks its
 * types.
 */
import type { APIPromise } from '../../runtime/api-promise.js';
import { multipartBody } from '../../runtime/body.js';
import { ClientCore } from '../../runtime/client.js';
import * as core from '../../runtime/errors.js';
import type { ApiErrorClass } from '../../runtime/errors.js';
import { type PagePromise, requestPage } from '../../runtime/pagination.js';
import { poll, type PollRequestOptions } from '../../runtime/poll.js';
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
  delete(params: { datasource_name: string; connection_id: number }, options?: RequestOptions): APIPromise<void> {
    return this.client.request(
      {
        method: 'delete',
        path: '/api/v3/datasources/{datasource_name}/connections/{connection_id}',
        params,
        security: [['bearerAuth'], ['sessionCookie', 'workspaceHeader']],
        responses: { '204': 'none' },
      },
      options,
    );
  }
  upload(body: { file: Blob; caption?: string | undefined }, options?: RequestOptions): APIPromise<{ id: string }> {
    return this.client.request(
      { method: 'post', path: '/attachments', bodyKind: 'multipart', body: multipartBody(body), responses: { '201': 'json' } },
      options,
    );
  }
}

export interface Load {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
}
export interface RunLoadParams {
  load_id: number;
}

/**
 * A resource whose action has an `x-poll` in its spec:
 * `{ operationId: retrieveLoad, field: /status, terminal: [done, failed], intervalMs: 2000 }`.
 */
export class Loads {
  constructor(private readonly client: RequestClient) {}

  retrieve(params: RunLoadParams, options?: RequestOptions): APIPromise<Load> {
    return this.client.request(
      { method: 'get', path: '/api/v3/loads/{load_id}', operationId: 'retrieveLoad', params, responses: { '200': 'json' }, errorMessage: '/details' },
      options,
    );
  }

  run(params: RunLoadParams, options?: RequestOptions): APIPromise<Load> {
    return this.client.request(
      {
        method: 'put',
        path: '/api/v3/loads/{load_id}/run',
        operationId: 'runLoad',
        params,
        responses: { '200': 'json' },
        idempotent: false,
        errorMessage: '/details',
      },
      options,
    );
  }

  /**
   * Runs the load, then reads it (`retrieve`) every 2 s until its `status` is `done` or `failed`, and returns that
   * last read.
   * @throws PollTimeoutError when `options.poll.timeoutMs` (default 10 minutes) passes first
   * @throws AbortError when `options.signal` aborts
   */
  async runAndPoll(params: RunLoadParams, options: PollRequestOptions = {}): Promise<Load> {
    const { poll: wait, ...request } = options;
    await this.run(params, request);
    return poll(
      ({ signal }) => this.retrieve({ load_id: params.load_id }, { ...request, signal }),
      (load) => load.status === 'done' || load.status === 'failed',
      { intervalMs: 2000, ...wait, signal: request.signal },
    );
  }
}

/** Every error body the spec declares (here one schema), the text of a body that is not JSON, or nothing. */
export interface ErrorModel {
  [key: string]: unknown;
  details?: string;
  detail?: string;
}
export type ImprovadoErrorBody = ErrorModel | string | undefined;
export type ApiError = core.ApiError<ImprovadoErrorBody>;
export const ApiError: ApiErrorClass<ImprovadoErrorBody, ApiError> = core.ApiError;
export type NotFoundError = core.NotFoundError<ImprovadoErrorBody>;
export const NotFoundError: ApiErrorClass<ImprovadoErrorBody, NotFoundError> = core.NotFoundError;

export class Improvado extends ClientCore {
  constructor(options: ImprovadoOptions = {}) {
    super(options, CONFIG);
  }
  readonly connections = new Connections(this);
  readonly loads = new Loads(this);
}
