/**
 * D38: an open enum (string literals beside a plain `string`) keeps its literals: `Extract` finds them
 * (with `| string` they collapse into `string` and `Extract<…, 'load_started'>` is `never`), and any
 * other string is still accepted.
 */
import { expectTypeOf, test } from 'vitest';
import type { ClosedType, Event, EventType } from '../emit/__snapshots__/open-enums/src/index.js';

test('open enums keep their known values and accept any string', () => {
  expectTypeOf<Extract<EventType, 'load_started'>>().toEqualTypeOf<'load_started'>();
  expectTypeOf<Extract<Exclude<Event['inline'], undefined>, 'secondary'>>().toEqualTypeOf<'secondary'>();
  expectTypeOf('some_future_event').toExtend<EventType>();
  expectTypeOf<string>().toExtend<EventType>();
});

test('a closed enum stays closed', () => {
  expectTypeOf<ClosedType>().toEqualTypeOf<'a' | 'b'>();
  expectTypeOf<string>().not.toExtend<ClosedType>();
});
