/**
 * The `…AndPoll` methods' types (fixture rules/poll, D41). A generated method ends in
 * `return poll(({ signal }) => read(…, { ...request, signal }), (value) => value.<field> === <terminal> || …, { …defaults, ...wait, signal })`
 * (client snapshot generator/test/client/__snapshots__/poll/src/resources/loads.ts): these tests take the status reads'
 * types from the types snapshot and the runtime's `poll` and option types as the generated code uses them.
 * (client/consumers/poll.ts.txt checks the generated client itself, with TypeScript 5.4, 5.9 and 7.)
 */
import { expectTypeOf, test } from 'vitest';
import { poll, type PollContext, type PollRequestOptions } from '../../runtime/poll.js';
import type { RequestOptions } from '../../runtime/types.js';
import type { RetrieveJobResponse, RetrieveLoadResponse } from '../emit/__snapshots__/poll/src/index.js';

declare const readLoad: (options: RequestOptions) => Promise<RetrieveLoadResponse>;
declare const readJob: (options: RequestOptions) => Promise<RetrieveJobResponse>;

test('the wait resolves to the status read type', () => {
  const { poll: wait, ...request }: PollRequestOptions = {};
  const load = poll(
    ({ signal }) => readLoad({ ...request, signal }),
    (value) => value.status === 'done' || value.status === 'failed',
    { intervalMs: 2000, ...wait, signal: request.signal },
  );
  expectTypeOf(load).toEqualTypeOf<Promise<RetrieveLoadResponse>>();
  const job = poll(
    ({ signal }) => readJob({ ...request, signal }),
    (value) => value.progress?.phase === 'done' || value.progress?.phase === 'error',
  );
  expectTypeOf(job).toEqualTypeOf<Promise<RetrieveJobResponse>>();
});

test('the terminal comparisons are between the field type and its values', () => {
  expectTypeOf<RetrieveLoadResponse['status']>().toEqualTypeOf<'queued' | 'running' | 'done' | 'failed'>();
  // A field through a nullable, optional object is read with `?.`: the phase may be undefined.
  expectTypeOf<NonNullable<RetrieveJobResponse['progress']>['phase']>().toEqualTypeOf<'pending' | 'running' | 'done' | 'error' | undefined>();
  // A value the status never takes: TypeScript refuses the comparison (the model refuses such a terminal value).
  poll(
    ({ signal }: PollContext) => readLoad({ signal }),
    // @ts-expect-error 'finished' is not a LoadStatus
    (value) => value.status === 'finished',
  );
});

test("a caller's poll options never carry a signal: the wait ends with the request's", () => {
  expectTypeOf<NonNullable<PollRequestOptions['poll']>>().not.toHaveProperty('signal');
  expectTypeOf<PollRequestOptions>().toHaveProperty('signal');
});
