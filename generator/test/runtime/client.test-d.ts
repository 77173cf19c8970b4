/**
 * Type checks (vitest typecheck, tsconfig.test.json) of the client core's request surface; client.test.ts runs it.
 */
import { describe, expectTypeOf, test } from 'vitest';
import type { APIPromise } from '../../runtime/api-promise.js';
import type { WithResponse } from '../../runtime/types.js';
import { TestClient } from './helpers.js';

describe('APIPromise', () => {
  test('request<T> gives an APIPromise<T>, a Promise<T>; withResponse gives the data typed T', async () => {
    const client = new TestClient();
    const p = client.request<{ id: number }>({ method: 'get', path: '/x' });
    expectTypeOf(p).toEqualTypeOf<APIPromise<{ id: number }>>();
    expectTypeOf(p).toExtend<Promise<{ id: number }>>();
    expectTypeOf(await p).toEqualTypeOf<{ id: number }>();
    const r = await p.withResponse();
    expectTypeOf(r).toEqualTypeOf<WithResponse<{ id: number }>>();
    expectTypeOf(r.data).toEqualTypeOf<{ id: number }>();
    expectTypeOf(await p.asResponse()).toEqualTypeOf<Response>();
  });
});
