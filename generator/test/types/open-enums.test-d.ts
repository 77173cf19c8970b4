/**
 * Open enums (D38, D45): a union of string literals beside any other string.
 *
 * The types package prints one as `'a' | 'b' | string` (the fixture webhook-open-events: `EventName`), which openapi-fetch
 * passes through as a string. The encodings that keep the literals apart from `string` (for completion) are
 * intersections of `string` with an object type, and openapi-fetch's `Readable`/`Writable` (openapi-typescript-helpers)
 * map every one of them into an object of `String`'s methods: the tests "… does not survive openapi-fetch" pin that, so
 * when they fail the reason for `| string` is gone (D45). The client keeps event names apart from `string` where
 * openapi-fetch does not reach: `unwrap`'s union, whose unlisted member's `type` is the runtime's `UnknownEventType`
 * (the generated union itself is type-tested by client/consumers/webhook-open-events.ts.txt under TS 5.4, 5.9 and 7).
 */
import type { FetchOptions, FetchResponse } from 'openapi-fetch';
import { expectTypeOf, test } from 'vitest';
import type { UnknownEventType } from '../../runtime/webhooks.js';
import type { AccountEvent, EventName } from '../emit/__snapshots__/webhook-open-events/src/index.js';

/** One operation whose JSON request and 200 response are `{ type: T }`, as openapi-typescript's `operations` hold it. */
interface Operation<T> {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  requestBody: { content: { 'application/json': { type: T } } };
  responses: { 200: { headers: { [name: string]: unknown }; content: { 'application/json': { type: T } } } };
}
/** The `type` property of an object type. */
type TypeOf<X> = [X] extends [{ type: infer U }] ? U : never;
/** `type` of the response `data` openapi-fetch gives (through `Readable`). */
type ReadType<T> = TypeOf<NonNullable<FetchResponse<Operation<T>, Record<string, never>, 'application/json'>['data']>>;
/** `type` of the request `body` openapi-fetch accepts (through `Writable`). */
type WriteType<T> = TypeOf<NonNullable<FetchOptions<Operation<T>>['body']>>;

type Known = 'user.created' | 'user.deleted';

test('the types package keeps | string: any string is accepted, and openapi-fetch reads and writes it as a string', () => {
  expectTypeOf<string>().toExtend<EventName>();
  expectTypeOf<AccountEvent['type']>().toEqualTypeOf<string>();
  expectTypeOf<ReadType<EventName>>().toEqualTypeOf<string>();
  expectTypeOf<WriteType<EventName>>().toEqualTypeOf<string>();
});

test('string & {} keeps the literals and accepts any string, but does not survive openapi-fetch', () => {
  type Open = Known | (string & {});
  expectTypeOf<Extract<Open, 'user.created'>>().toEqualTypeOf<'user.created'>();
  expectTypeOf<string>().toExtend<Open>();
  expectTypeOf<ReadType<Open>>().not.toExtend<string>();
  expectTypeOf<WriteType<Open>>().not.toExtend<string>();
});

test('string & Record<never, never> and a branded string do not survive openapi-fetch either', () => {
  type Empty = Known | (string & Record<never, never>);
  type Branded = Known | (string & { readonly __open?: never });
  expectTypeOf<Extract<Empty, 'user.created'>>().toEqualTypeOf<'user.created'>();
  expectTypeOf<Extract<Branded, 'user.created'>>().toEqualTypeOf<'user.created'>();
  expectTypeOf<string>().toExtend<Branded>();
  expectTypeOf<ReadType<Empty>>().not.toExtend<string>();
  expectTypeOf<ReadType<Branded>>().not.toExtend<string>();
});

test('string-like encodings that survive openapi-fetch absorb the literals', () => {
  // A template literal or string mapping matching every name reduces the union to itself: no literal is left.
  expectTypeOf<Extract<Known | `${string}${string}`, 'user.created'>>().toBeNever();
  expectTypeOf<Extract<Known | Lowercase<string>, 'user.created'>>().toBeNever();
});

test('UnknownEventType (the unlisted member of unwrap): no string literal is comparable to it; String() gives the name', () => {
  const type = null as unknown as UnknownEventType;
  // @ts-expect-error TS2367: a documented (or misspelt) name never equals an unlisted event type
  void (type === 'user.created');
  switch (type) {
    // @ts-expect-error TS2678: not comparable
    case 'user.craeted':
      break;
    default:
  }
  expectTypeOf(String(type)).toBeString();
  expectTypeOf(type.valueOf()).toBeString();
  expectTypeOf(type.length).toBeNumber();
  expectTypeOf<string>().not.toExtend<UnknownEventType>();
});
