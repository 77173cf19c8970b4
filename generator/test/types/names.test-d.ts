/**
 * Identifiers that collide after casing keep each spec name's own type (fixture rules/suffix-spelled-names): a numeric
 * suffix skips names another schema or operation spells, so `Status2` is the schema `Status2`, and the schema `status`
 * is `Status3`. Imports the committed snapshot output directly.
 */
import { expectTypeOf, test } from 'vitest';
import type { components, operations } from '../emit/__snapshots__/suffix-spelled-names/src/openapi.js';
import type {
  ErrorModel,
  ErrorModel2,
  GetPet2Response,
  GetPet3Response,
  GetPetResponse,
  Status,
  Status2,
  Status3,
} from '../emit/__snapshots__/suffix-spelled-names/src/pets.js';

test('each schema keeps the name it spells; the one renamed takes a name no schema spells', () => {
  expectTypeOf<Status>().toEqualTypeOf<'available' | 'sold'>();
  // Before: Status2 was the schema `status` (an object) and the schema Status2 was Status22.
  expectTypeOf<Status2>().toEqualTypeOf<number>();
  expectTypeOf<Status3>().toEqualTypeOf<{ since: string }>();
  expectTypeOf<components['schemas']['Status2']>().toEqualTypeOf<Status2>();
  expectTypeOf<components['schemas']['status']>().toEqualTypeOf<Status3>();
});

test("each operation's helpers follow its identifier: getPet, get_pet → GetPet3, GetPet2 → GetPet2", () => {
  expectTypeOf<GetPetResponse>().toEqualTypeOf<Status>();
  expectTypeOf<GetPet2Response>().toEqualTypeOf<Status2>();
  expectTypeOf<GetPet3Response>().toEqualTypeOf<Status3>();
  expectTypeOf<operations['GetPet2']['responses'][200]['content']['application/json']>().toEqualTypeOf<GetPet2Response>();
});

test('a key that is its identifier keeps it: ErrorModel is the schema ErrorModel, the schema Error is ErrorModel2', () => {
  expectTypeOf<ErrorModel>().toEqualTypeOf<{ fields?: string[] }>();
  expectTypeOf<ErrorModel2>().toEqualTypeOf<{ message?: string }>();
  expectTypeOf<components['schemas']['Error']>().toEqualTypeOf<ErrorModel2>();
});
