// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * The types of the generated client's `request(method, path, init?, options?)`, over any openapi-typescript `paths`
 * (the types package's): which paths declare a method, the operation at a path and method, the `init` it takes, and the
 * data it resolves with. Types only: nothing is bundled.
 */

import type { HttpMethod, RequestOptions } from './types.js';

/**
 * The paths that declare method `M` (absent methods are `?: never` in openapi-typescript’s shape, present ones are
 * required). One plain conditional per path: this type is the constraint of `request`'s path, evaluated at every call.
 */
export type PathsWith<Paths, M extends HttpMethod> = {
  [P in keyof Paths]-?: Paths[P] extends Record<M, object> ? P : never;
}[keyof Paths];

/**
 * The operation object at `Paths[P][M]`. An indexed access, not a conditional type: while `request('get', '/x', { … })`
 * infers P, TypeScript gives the object literal a contextual type built from P's constraint, and a conditional type
 * there is resolved over every path of the spec (5.4 s of tsc for one call on GitHub's; docs/decisions.md D22).
 * No constraints on P and M (the intersections do their job): checking `request`'s declaration against them related
 * its type parameters to `keyof` every path item (D53).
 */
export type OperationAt<Paths, P, M> = NonNullable<
  Paths[P & keyof Paths][M & keyof Paths[P & keyof Paths]]
>;

/** The third argument of `request(method, path, init)`: `params` grouped by location (`path`, `query`, `header`, `cookie`, wire names) and the `body`, typed from the operation. `bodyKind`/`contentType` choose how the body is written (default JSON); pass form and multipart bodies as `formBody()`'s text (or a `URLSearchParams`) or a `FormData`. */
// No conditional type here distributes over `Op` (each checks `[Op]`): while TypeScript infers `request`'s type
// arguments it reads the object literal's contextual type through the constraint of these types, and a distributive
// one is then resolved over every operation of the spec (72 k of the 116 k type instantiations one call made on
// GitHub's spec; docs/decisions.md D48). For a union of operations (a path given as a union) the parts are unions.
export type RequestInput<Op> = RequestParams<Op> &
  RequestBody<Op> & { bodyKind?: 'json' | 'text' | 'binary'; contentType?: string };

/** `params` of {@link RequestInput}: required when the operation has a required parameter. */
type RequestParams<Op> = [Op] extends [{ parameters: infer Pa }]
  ? // biome-ignore lint/complexity/noBannedTypes: `{} extends T` asks whether every property of T is optional
    {} extends Pa
    ? { params?: Pa }
    : { params: Pa }
  : { params?: never };

/** `body` of {@link RequestInput}: required when the operation's requestBody is. */
type RequestBody<Op> = [Op] extends [{ requestBody: { content: infer C } }]
  ? { body: C[keyof C] }
  : [Op] extends [{ requestBody?: infer B }]
    ? [NonNullable<B>] extends [never]
      ? { body?: never }
      : [NonNullable<B>] extends [{ content: infer C }]
        ? { body?: C[keyof C] }
        : { body?: unknown }
    : { body?: never };

/** The arguments after `path`: `init` is required when the operation has required parameters or a required body. */
export type RequestArgs<Op> = [Op] extends [unknown]
  ? // biome-ignore lint/complexity/noBannedTypes: `{} extends T` asks whether every property of T is optional
    {} extends RequestInput<Op>
    ? [init?: RequestInput<Op>, options?: RequestOptions]
    : [init: RequestInput<Op>, options?: RequestOptions]
  : never;

/** Success statuses in openapi-typescript’s `responses` keys. */
export type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 226 | '2XX';

/** What `await client.request(method, path, …)` gives: the union of the success bodies (`undefined` for a response without one). */
export type ResponseData<Op> = Op extends { responses: infer R }
  ? [ContentOf<R[keyof R & SuccessStatus]>] extends [never]
    ? unknown
    : ContentOf<R[keyof R & SuccessStatus]>
  : unknown;

/** The body type of one response entry. */
type ContentOf<R> = R extends { content: infer C }
  ? [C] extends [never]
    ? undefined
    : C[keyof C]
  : undefined;
