/**
 * Type tests of the generated Improvado client, compiled by tsc.test.ts (never run). Every
 * `@ts-expect-error` must be an error and everything else must compile, under TypeScript 5.4, 5.9
 * and 7 with strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess.
 */
import {
  APIPromise,
  ApiError,
  Improvado,
  ImprovadoBase,
  NotFoundError,
  Page,
  PagePromise,
  verifyWebhook,
  type Connection,
  type CreateTokenBody,
  type ImprovadoAuth,
  type ListDatasourceConnectionsParams,
  type ListDatasourceConnectionsResponse,
  type RetrieveExtractResponse,
  type WebhookPayload,
  type WithResponse,
} from '@improvado-sdk/client';
import { Extracts } from '@improvado-sdk/client/resources/extracts';
import { expectTypeOf } from 'vitest';

export async function typeTests(): Promise<void> {
  const client = new Improvado({
    auth: { basicAuth: { username: 'agency', password: 'secret' }, bearerAuth: { workspace_id: 42 } },
    timeoutMs: 10_000,
    maxRetries: 1,
  });

  // Auth is typed per scheme key.
  expectTypeOf<ImprovadoAuth['bearerAuth']>().toEqualTypeOf<string | (() => string | Promise<string>) | CreateTokenBody | undefined>();
  // @ts-expect-error Basic credentials need a password.
  new Improvado({ auth: { basicAuth: { username: 'agency' } } });
  // @ts-expect-error No such security scheme.
  new Improvado({ auth: { apiKey: 'x' } });
  new Improvado({ auth: { bearerAuth: async () => 'token' } });

  // Resources and methods; params under wire names.
  expectTypeOf(client.datasources.connections.list).parameter(0).toEqualTypeOf<ListDatasourceConnectionsParams>();
  expectTypeOf<ListDatasourceConnectionsParams['datasource_name']>().toEqualTypeOf<string>();
  // @ts-expect-error datasource_name is required.
  client.datasources.connections.list({});
  // @ts-expect-error params are required.
  client.datasources.connections.list();

  // Pagination: a PagePromise whose items are Connection.
  const pages = client.datasources.connections.list({ datasource_name: 'google_ads' });
  expectTypeOf(pages).toEqualTypeOf<PagePromise<Connection, ListDatasourceConnectionsResponse>>();
  for await (const connection of pages) expectTypeOf(connection).toEqualTypeOf<Connection>();
  const first = await pages;
  expectTypeOf(first).toEqualTypeOf<Page<Connection, ListDatasourceConnectionsResponse>>();
  expectTypeOf(first.hasNextPage()).toEqualTypeOf<boolean>();
  expectTypeOf(first.data).toEqualTypeOf<Connection[]>();
  expectTypeOf(first.getNextPage()).toEqualTypeOf<PagePromise<Connection, ListDatasourceConnectionsResponse>>();
  for await (const page of first.iterPages()) expectTypeOf(page.data).toEqualTypeOf<Connection[]>();

  // Plain calls: APIPromise of the response type, with .withResponse().
  const extract = client.extracts.retrieve({ id: 1 });
  expectTypeOf(extract).toEqualTypeOf<APIPromise<RetrieveExtractResponse>>();
  expectTypeOf(await extract).toEqualTypeOf<RetrieveExtractResponse>();
  expectTypeOf(await extract.withResponse()).toEqualTypeOf<WithResponse<RetrieveExtractResponse>>();
  // @ts-expect-error id is a number.
  client.extracts.retrieve({ id: 'x' });
  client.loads.pause({ id: 1 }, { timeoutMs: 1_000, signal: new AbortController().signal });
  client.webhookEndpoints.regenerateSecret({ id: 1 });
  client.roles.delete({ role_id: 1 });
  // Per-request options are typed.
  // @ts-expect-error unknown request option.
  client.roles.delete({ role_id: 1 }, { retries: 3 });

  // request(method, path, …) typed from `paths`.
  const viaPath = await client.request('get', '/api/v3/extracts/{id}', { params: { path: { id: 1 } } });
  expectTypeOf(viaPath).toEqualTypeOf<RetrieveExtractResponse>();
  // @ts-expect-error the path parameter is required.
  client.request('get', '/api/v3/extracts/{id}', { params: {} });
  // @ts-expect-error no such path.
  client.request('get', '/api/v3/nope');
  // @ts-expect-error the path has no POST.
  client.request('post', '/api/v3/extracts/{id}', { params: { path: { id: 1 } } });

  // Errors.
  try {
    await client.extracts.retrieve({ id: 1 });
  } catch (err) {
    if (err instanceof NotFoundError) expectTypeOf(err.status).toEqualTypeOf<number>();
    if (err instanceof ApiError) expectTypeOf(err.requestId).toEqualTypeOf<string | undefined>();
  }

  // A resource on its own over the resource-less base.
  const extracts = new Extracts(new ImprovadoBase({ auth: { bearerAuth: 'token' } }));
  expectTypeOf(extracts.retrieve({ id: 1 })).toEqualTypeOf<APIPromise<RetrieveExtractResponse>>();
  expectTypeOf(client.withOptions({ timeoutMs: 1 })).toEqualTypeOf<Improvado>();

  // Webhooks: verification returns the typed event.
  const event = verifyWebhook({ rawBody: '{}', headers: {}, secret: 's' });
  expectTypeOf(event).toEqualTypeOf<Promise<WebhookPayload>>();
}
