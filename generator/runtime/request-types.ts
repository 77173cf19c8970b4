// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * The types of the generated client's `request(method, path, init?, options?)`, over any openapi-typescript `paths`
 * (the types package's): which paths declare a method, the operation at a path and method, the `init` it takes, and the
 * data it resolves with. Types only: nothing is bundled.
 */

import type { HttpMethod, RequestOptions } from './types.js';

/** The paths that declare method `M` (absent methods are `?: never` in openapi-typescript’s shape). */
export type PathsWith<Paths, M extends HttpMethod> = {
  [P in keyof Paths]-?: Paths[P] extends { [K in M]?: infer Op } ? ([NonNullable<Op>] extends [never] ? never : P) : never;
}[keyof Paths];

/**
 * The operation object at `Paths[P][M]`. An indexed access, not a conditional type: while `request('get', '/x', { … })`
 * infers P, TypeScript gives the object literal a contextual type built from P's constraint, and a conditional type
 * there is resolved over every path of the spec (5.4 s of tsc for one call on GitHub's; docs/decisions.md D22).
 */
export type OperationAt<Paths, P extends keyof Paths, M extends keyof Paths[P]> = NonNullable<Paths[P][M]>;

/** The third argument of `request(method, path, init)`: `params` grouped by location (`path`, `query`, `header`, `cookie`, wire names) and the `body`, typed from the operation. `bodyKind`/`contentType` choose how the body is written (default JSON); pass form and multipart bodies as a `URLSearchParams` or `FormData`. */
// Distributive over `Op`: a union of operations gives a union of inputs, never the cross product of their parts (which
// is "too complex to represent", TS2590, on a spec as large as GitHub's).
export type RequestInput<Op> = Op extends unknown
  ? (Op extends { parameters: infer Pa }
      ? // biome-ignore lint/complexity/noBannedTypes: `{} extends T` asks whether every property of T is optional
        {} extends Pa
        ? { params?: Pa }
        : { params: Pa }
      : { params?: never }) &
      (Op extends { requestBody: { content: infer C } }
        ? { body: C[keyof C] }
        : Op extends { requestBody?: infer B }
          ? [NonNullable<B>] extends [never]
            ? { body?: never }
            : NonNullable<B> extends { content: infer C }
              ? { body?: C[keyof C] }
              : { body?: unknown }
          : { body?: never }) & { bodyKind?: 'json' | 'text' | 'binary'; contentType?: string }
  : never;

/** The arguments after `path`: `init` is required when the operation has required parameters or a required body. */
export type RequestArgs<Op> = Op extends unknown
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
type ContentOf<R> = R extends { content: infer C } ? ([C] extends [never] ? undefined : C[keyof C]) : undefined;
