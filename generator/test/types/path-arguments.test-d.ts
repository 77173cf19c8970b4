/**
 * D40: the types package keeps `<Op>Params` whole (every path, query, header and cookie parameter, for openapi-fetch)
 * and adds `<Op>Query`, the same without the path parameters, only where an operation has both kinds: the client
 * method's `params` argument (fixture rules/path-arguments). The method's argument order is tested on the client
 * (generator/test/client/consumers/path-arguments.ts.txt, compiled by generator/test/client/tsc.test.ts).
 */
import { expectTypeOf, test } from 'vitest';
import type * as Types from '../emit/__snapshots__/path-arguments/src/index.js';
import type {
  GetTeamMemberParams,
  GetThingQuery,
  TeamSlug,
  UpdateTeamMemberParams,
  UpdateTeamMemberQuery,
} from '../emit/__snapshots__/path-arguments/src/index.js';

test('<Op>Params keeps every parameter under its wire name, path ones required', () => {
  expectTypeOf<UpdateTeamMemberParams>().toEqualTypeOf<{
    user_id: number;
    org_id: string;
    team_slug: TeamSlug;
    notify: boolean;
    dry_run?: boolean;
    'X-Request-Reason'?: string;
  }>();
});

test('<Op>Query is <Op>Params without the path parameters', () => {
  expectTypeOf<UpdateTeamMemberQuery>().toEqualTypeOf<{ notify: boolean; dry_run?: boolean; 'X-Request-Reason'?: string }>();
  expectTypeOf<GetThingQuery>().toEqualTypeOf<{ page?: number }>();
});

test('no <Op>Query where the operation has only path parameters (or none)', () => {
  expectTypeOf<GetTeamMemberParams>().toEqualTypeOf<{ user_id: number; org_id: string; team_slug: TeamSlug }>();
  // @ts-expect-error only path parameters: the client takes no params argument
  type OnlyPath = Types.GetTeamMemberQuery;
  // @ts-expect-error only path parameters
  type OnlyPathToo = Types.DeleteUserQuery;
  // @ts-expect-error path parameters and a body, no query
  type WithBody = Types.CreateThingQuery;
  expectTypeOf<[OnlyPath, OnlyPathToo, WithBody]>().not.toBeNever();
});
