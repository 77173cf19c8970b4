/**
 * Fuzz-found fixtures (fixtures/corpus-found/fuzz-*): the emitted types are the ones the model
 * promises. Self-references with no structure in between add no values (`A = oneOf[A, Pet]` is
 * `Pet`), cycles through other aliases give every member the values of the whole cycle, nothing left
 * is `unknown`, and recursion through arrays and maps stays.
 */
import { expectTypeOf, test } from 'vitest';
import type { Uni7Params } from '../emit/__snapshots__/fuzz-invalid-method-name/src/index.js';
import type {
  Itself,
  Left,
  LeftInput,
  Pet,
  PetInput,
  PetItem,
  PetItemInput,
  Right,
  RightInput,
  Tagged,
  Tree,
} from '../emit/__snapshots__/fuzz-self-referencing-alias/src/index.js';
import type { Keywords, Nested, NullableRest, Plain, Through, Via } from '../emit/__snapshots__/fuzz-tuple-rest-cycle/src/index.js';

test('PetItem = oneOf[PetItem, Pet, PetItem[]] + nullable: the self-reference member adds nothing', () => {
  expectTypeOf<PetItem>().toEqualTypeOf<Pet | PetItem[] | null>();
  expectTypeOf<NonNullable<PetItem>>().toExtend<Pet | unknown[]>();
  expectTypeOf<PetItemInput>().toEqualTypeOf<PetInput | PetItemInput[] | null>();
  expectTypeOf<PetInput>().not.toHaveProperty('id');
  expectTypeOf([{ id: '1', name: 'a' }, [null, []]]).toExtend<PetItem>();
});

test('Tagged = allOf[Tagged, {tag}] constrains nothing beyond {tag}', () => {
  expectTypeOf<Tagged>().toEqualTypeOf<{ tag?: string }>();
});

test('Left → Right → Left: both admit every value of the cycle, in both directions', () => {
  expectTypeOf<Left>().toEqualTypeOf<string | number | Pet>();
  expectTypeOf<Right>().toEqualTypeOf<string | number | Pet>();
  expectTypeOf<LeftInput>().toEqualTypeOf<string | number | PetInput>();
  expectTypeOf<RightInput>().toEqualTypeOf<string | number | PetInput>();
});

test('nothing but itself is unknown; a map of itself is real recursion', () => {
  expectTypeOf<Itself>().toBeUnknown();
  expectTypeOf<Tree>().toEqualTypeOf<{ [key: string]: Tree } | string>();
  expectTypeOf({ a: { b: 'leaf' } }).toExtend<Tree>();
  expectTypeOf({ a: 1 }).not.toExtend<Tree>();
});

test('a wire name ending in a backslash keeps its value', () => {
  expectTypeOf<keyof Uni7Params>().toEqualTypeOf<'V\\' | '/*'>();
  expectTypeOf<Uni7Params['V\\']>().toEqualTypeOf<'C:\\logs\\' | '/*' | undefined>();
});

test('a tuple rest of arrays or unions holding a reference is widened (it would be circular); plain ones stay (no minItems: elements optional, D31)', () => {
  expectTypeOf<Nested>().toEqualTypeOf<[string?, ...unknown[]] | null>();
  expectTypeOf<Through>().toEqualTypeOf<[boolean?, ...unknown[]]>();
  expectTypeOf<Via>().toEqualTypeOf<Through | string>();
  expectTypeOf<NullableRest>().toEqualTypeOf<[number?, ...(NullableRest | null)[]]>();
  expectTypeOf<Plain>().toEqualTypeOf<[string?, ...Plain[]]>();
  expectTypeOf<Keywords>().toEqualTypeOf<[string?, ...number[][]]>();
});
