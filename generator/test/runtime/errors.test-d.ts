/**
 * Type checks (vitest typecheck) of the error classes' body type: what a generated client declares with
 * `ApiErrorClass` so that `instanceof` narrows `body` to its spec's error bodies.
 */
import { describe, expectTypeOf, test } from 'vitest';
import { ApiError, type ApiErrorClass, type BadRequestError, isApiError, NotFoundError, type RateLimitError } from '../../runtime/errors.js';

/** An error body as a spec declares it (Improvado's `Error`). */
interface ErrorBody {
  [key: string]: unknown;
  details?: string;
  detail?: string;
}
/** What a generated client would name the union of its error bodies, with what the runtime may give besides. */
type ClientErrorBody = ErrorBody | string | undefined;

// What the emitter writes in the generated client (a type and a value of one name).
type TypedNotFoundError = NotFoundError<ClientErrorBody>;
const TypedNotFoundError: ApiErrorClass<ClientErrorBody, TypedNotFoundError> = NotFoundError;
type TypedApiError = ApiError<ClientErrorBody>;
const TypedApiError: ApiErrorClass<ClientErrorBody, TypedApiError> = ApiError;

declare const caught: unknown;

describe('ApiError<TBody>', () => {
  test('every status class takes the body type; the default is unknown', () => {
    expectTypeOf<ApiError['body']>().toEqualTypeOf<unknown>();
    expectTypeOf<BadRequestError<ErrorBody>['body']>().toEqualTypeOf<ErrorBody>();
    expectTypeOf<RateLimitError<ErrorBody>>().toExtend<ApiError<ErrorBody>>();
  });

  test('instanceof a class declared through ApiErrorClass narrows body to the declared union', () => {
    if (caught instanceof TypedNotFoundError) {
      expectTypeOf(caught).toEqualTypeOf<NotFoundError<ClientErrorBody>>();
      expectTypeOf(caught.body).toEqualTypeOf<ClientErrorBody>();
      expectTypeOf(caught.status).toEqualTypeOf<number>();
    }
    if (caught instanceof TypedApiError) expectTypeOf(caught.body).toEqualTypeOf<ClientErrorBody>();
  });

  test('instanceof the runtime class alone gives body any (why generated clients re-declare them)', () => {
    if (caught instanceof NotFoundError) expectTypeOf(caught.body).toBeAny();
  });

  test('isApiError<T> asserts the body type', () => {
    if (isApiError<ErrorBody>(caught, 404)) expectTypeOf(caught.body).toEqualTypeOf<ErrorBody>();
  });
});
