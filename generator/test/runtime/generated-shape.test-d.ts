/**
 * Type checks (vitest typecheck, tsconfig.test.json) of the hand-written client in the generated shape
 * (generated-shape.ts; generated-shape.test.ts runs it), and of the model's IR types against the runtime descriptors
 * the client emitter prints them into.
 */
import { describe, expectTypeOf, test } from 'vitest';
import type { PaginationSpec, ParamSpec, TokenEndpointSpec } from '../../runtime/types.js';
import type { WebhookSignatureScheme } from '../../runtime/webhooks.js';
import type { Pagination, Parameter, TokenEndpoint, WebhookSignature } from '../../src/model/types.js';
import {
  type Connection,
  type ErrorModel,
  Improvado,
  type ImprovadoErrorBody,
  type ListConnectionsResponse,
  type Load,
  NotFoundError,
} from './generated-shape.js';

describe('generated client shape', () => {
  test('a page carries the typed response body; iterating gives the items', async () => {
    const client = new Improvado();
    const first = await client.connections.list({ datasource_name: 'google_ads', page_size: 2 });
    expectTypeOf(first.body).toEqualTypeOf<ListConnectionsResponse>();
    for await (const connection of client.connections.list({ datasource_name: 'google_ads' })) {
      expectTypeOf(connection).toEqualTypeOf<Connection>();
    }
  });

  test('an …AndPoll method returns the status read’s type and takes the poll options beside the request options', () => {
    const client = new Improvado();
    expectTypeOf(client.loads.runAndPoll({ load_id: 1 }, { timeoutMs: 5_000, poll: { intervalMs: 100, backoff: 2 } })).toEqualTypeOf<Promise<Load>>();
    // @ts-expect-error the wait's signal is the request's (`options.signal`), not a poll option
    void client.loads.runAndPoll({ load_id: 1 }, { poll: { signal: AbortSignal.abort() } });
  });

  test('instanceof the client’s error class narrows body to the client’s error bodies', () => {
    const caught: unknown = undefined;
    if (caught instanceof NotFoundError) {
      expectTypeOf(caught.body).toEqualTypeOf<ImprovadoErrorBody>();
      if (typeof caught.body === 'object') expectTypeOf(caught.body).toEqualTypeOf<ErrorModel>();
    }
  });

  test('auth takes only the declared security schemes', () => {
    new Improvado({ auth: { basicAuth: { username: 'u', password: 'p' }, bearerAuth: { workspace_id: 7 } } });
    // @ts-expect-error a typed auth key that is not a scheme
    new Improvado({ auth: { nope: 'x' } });
  });
});

describe('IR types fit the runtime descriptors', () => {
  test('TokenEndpoint, WebhookSignature, Pagination and Parameter are accepted as they are', () => {
    expectTypeOf<TokenEndpoint>().toExtend<TokenEndpointSpec>();
    expectTypeOf<WebhookSignature>().toExtend<WebhookSignatureScheme>();
    expectTypeOf<Omit<Pagination, 'itemSchema' | 'source' | 'reason'>>().toExtend<PaginationSpec>();
    expectTypeOf<Pick<Parameter, 'in' | 'style' | 'explode' | 'allowReserved'>>().toExtend<ParamSpec>();
  });
});
