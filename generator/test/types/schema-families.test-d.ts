/**
 * D31 (issue 15): type-level families where openapi-typescript and hey-api are wrong too, each on its
 * rule fixture: unevaluatedProperties (unevaluated-properties), a discriminator on an allOf parent at
 * any depth (discriminator-descendants), allOf members that declare nothing (allof-empty-members),
 * and prefixItems without minItems (tuple-optional-elements). Each test fails on the output before.
 */
import { expectTypeOf, test } from 'vitest';
import type { Closed, CreateNoteBody, Extended, Note, Open } from '../emit/__snapshots__/allof-empty-members/src/index.js';
import type { Cat, Dog, GuidePuppy, Kitten, Pet, Puppy } from '../emit/__snapshots__/discriminator-descendants/src/index.js';
import type { BothRequired, FirstRequired, OpenRest, Pair } from '../emit/__snapshots__/tuple-optional-elements/src/index.js';
import type { Base, ClosedAlone, Flags, Labels, RefClosed, Settings, TypedAlone } from '../emit/__snapshots__/unevaluated-properties/src/index.js';

test('unevaluatedProperties: false closes, a schema is an index signature that keeps the declared properties', () => {
  // @ts-expect-error no key but the declared ones
  const closed: ClosedAlone = { name: 'n', other: 1 };
  void closed;
  expectTypeOf<TypedAlone>().toEqualTypeOf<{ [key: string]: number | string | undefined; name?: string }>();
  expectTypeOf({ name: 'n', count: 1 }).toExtend<TypedAlone>();
  // Across an allOf: `id` keeps its type, every other key is a string list.
  expectTypeOf<Labels>().toEqualTypeOf<Base & { [key: string]: string[] | string }>();
  expectTypeOf<Labels['id']>().toEqualTypeOf<string>();
  expectTypeOf({ id: 'a', tags: ['x'] }).toExtend<Labels>();
  expectTypeOf<{ id: 'a'; tags: 1 }>().not.toExtend<Labels>();
  // @ts-expect-error no key but those declared across the allOf members
  const settings: Settings = { id: 'a', theme: 'dark', other: true };
  void settings;
  expectTypeOf({ id: 'a', theme: 'dark' as const }).toExtend<Settings>();
  // Beside a oneOf: the index admits the members' properties.
  expectTypeOf({ on: true, level: 2, extra: false }).toExtend<Flags>();
  // …and no more: a declared property keeps its type, another key takes only the members' types.
  expectTypeOf<{ on: 'yes' }>().not.toExtend<Flags>();
  expectTypeOf<{ extra: string[] }>().not.toExtend<Flags>();
  expectTypeOf<RefClosed>().toEqualTypeOf<Base>();
});

test('a discriminator on an allOf parent pins every descendant to its own mapping key, at any depth', () => {
  expectTypeOf<Dog['petType']>().toEqualTypeOf<'dog' | 'puppy' | 'guide'>();
  expectTypeOf<Puppy['petType']>().toEqualTypeOf<'puppy' | 'guide'>();
  expectTypeOf<GuidePuppy['petType']>().toEqualTypeOf<'guide'>();
  expectTypeOf<Cat['petType']>().toEqualTypeOf<'Cat' | 'Kitten'>();
  expectTypeOf<Kitten['petType']>().toEqualTypeOf<'Kitten'>();
  expectTypeOf<Pet['petType']>().toEqualTypeOf<string>();
  expectTypeOf({ petType: 'puppy' as const, bark: true, ageWeeks: 8 }).toExtend<Puppy>();
  expectTypeOf<{ petType: 'dog'; ageWeeks: 8 }>().not.toExtend<Puppy>();
  // A puppy is a dog.
  expectTypeOf<Puppy>().toExtend<Dog>();
});

test('an allOf member that declares nothing erases nothing', () => {
  expectTypeOf<Closed>().toEqualTypeOf<Note>();
  expectTypeOf<Open>().toEqualTypeOf<Note>();
  expectTypeOf<CreateNoteBody>().toEqualTypeOf<Note>();
  expectTypeOf<Closed['id']>().toEqualTypeOf<string>();
  expectTypeOf({ id: 'a', text: 't', pinned: true }).toExtend<Extended>();
  expectTypeOf<Extended>().toEqualTypeOf<Note & { pinned?: boolean }>();
});

test('prefixItems elements are optional unless minItems requires them', () => {
  expectTypeOf<Pair>().toEqualTypeOf<[string?, number?]>();
  expectTypeOf<[]>().toExtend<Pair>();
  expectTypeOf<['a']>().toExtend<Pair>();
  expectTypeOf<FirstRequired>().toEqualTypeOf<[string, number?, boolean?]>();
  expectTypeOf<[]>().not.toExtend<FirstRequired>();
  expectTypeOf<BothRequired>().toEqualTypeOf<[string, number]>();
  expectTypeOf<OpenRest>().toEqualTypeOf<[string?, ...number[]]>();
});

test('an optional tuple element TypeScript would resolve eagerly (fuzz seed 1431467069) is written as the union of the allowed lengths', () => {
  type Branch = import('../emit/__snapshots__/tuple-optional-recursive/src/shared.js').Branch;
  expectTypeOf<['a']>().toExtend<Branch>();
  expectTypeOf<['a', [['b']]]>().toExtend<Branch>();
  expectTypeOf<['a', [], 1, true, false]>().toExtend<Branch>();
  // minItems 1: the first element is required.
  expectTypeOf<[]>().not.toExtend<Branch>();
  // The rest comes only after every prefix element.
  expectTypeOf<['a', [], true]>().not.toExtend<Branch>();
});
