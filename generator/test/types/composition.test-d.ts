/**
 * Unions, discriminators (case-04), allOf + required (case-07), additionalProperties (case-08 and
 * the additional-properties rule fixture), tuples and recursion.
 */
import { expectTypeOf, test } from 'vitest';
import type { Closed, Dictionary, OpenEmpty, OpenTrue, Patterned, RequiredOnly, Typed } from '../emit/__snapshots__/additional-properties/src/index.js';
import type { Board, NoteCard, TaskCard } from '../emit/__snapshots__/discriminator-implicit-mapping/src/index.js';
import type { ContactForSignup, ContactParentRequired } from '../emit/__snapshots__/allof-required/src/index.js';
import type { CreateReportBody } from '../emit/__snapshots__/additional-properties-body/src/index.js';
import type { Cat, Dog, Shape, Vehicle } from '../emit/__snapshots__/discriminators/src/index.js';
import type { Company, CompanyInput, CreatePersonBody, Expr, PersonInput, TreeNode } from '../emit/__snapshots__/recursion/src/index.js';
import type { LongRow, Point, Row } from '../emit/__snapshots__/tuples/src/index.js';
import type { Animal } from '../emit/__snapshots__/polymorphism/src/shared.js';

type IsAny<T> = 0 extends 1 & T ? true : false;
type Card = NonNullable<Board['cards']>[number];

test('case-04: the implicit discriminator uses the enum the member pins, and narrows', () => {
  expectTypeOf({ cardType: 'task' as const }).toExtend<Card>();
  expectTypeOf({ cardType: 'note' as const, text: 'hi' }).toExtend<Card>();
  expectTypeOf<Card['cardType']>().toEqualTypeOf<'task' | 'note'>();
  const narrow = (card: Card): string | undefined => {
    if (card.cardType === 'task') {
      expectTypeOf(card).toEqualTypeOf<TaskCard>();
      return card.due;
    }
    expectTypeOf(card).toEqualTypeOf<NoteCard>();
    return card.text;
  };
  void narrow;
  // @ts-expect-error the schema name is not the discriminator value
  const wrong: Card = { cardType: 'TaskCard' };
  void wrong;
});

test('case-07: an allOf member that only adds required makes those properties required', () => {
  expectTypeOf<IsAny<ContactForSignup>>().toEqualTypeOf<false>();
  expectTypeOf<IsAny<ContactParentRequired>>().toEqualTypeOf<false>();
  expectTypeOf({ email: 'a@b.c', phone: '1' }).toExtend<ContactForSignup>();
  expectTypeOf({ email: 'a@b.c' }).toExtend<ContactParentRequired>();
  expectTypeOf<Record<never, never>>().not.toExtend<ContactForSignup>();
  expectTypeOf<{ email: string }>().not.toExtend<ContactForSignup>();
  expectTypeOf<ContactForSignup['email']>().toEqualTypeOf<string>();
});

test('case-08: a typed additionalProperties beside named properties compiles and admits both', () => {
  const body: CreateReportBody = { title: 't', pages: 2, appendix: { any: 'thing' } };
  expectTypeOf(body.title).toEqualTypeOf<string>();
  expectTypeOf(body.pages).toEqualTypeOf<number>();
  // @ts-expect-error title is required
  const noTitle: CreateReportBody = { pages: 1 };
  void noTitle;
});

test('additionalProperties: true / {} / typed / false / unsaid, patternProperties, required-only names', () => {
  expectTypeOf({ name: 'n', extra: 1 }).toExtend<OpenTrue>();
  // The named property keeps its type (an `any` or `unknown` OpenTrue would take this too).
  expectTypeOf<{ name: number }>().not.toExtend<OpenTrue>();
  expectTypeOf({ anything: [1] }).toExtend<OpenEmpty>();
  expectTypeOf<OpenEmpty>().toEqualTypeOf<Record<string, unknown>>();
  expectTypeOf({ count: 1, other: 2 }).toExtend<Typed>();
  expectTypeOf<{ other: string }>().not.toExtend<Typed>();
  expectTypeOf({ id: 'x', 'x-trace': 'y', n_1: 2 }).toExtend<Patterned>();
  // The pattern's schemas bound every other key; `id` keeps its own type.
  expectTypeOf<{ n_1: boolean }>().not.toExtend<Patterned>();
  expectTypeOf<{ id: number }>().not.toExtend<Patterned>();
  expectTypeOf<Dictionary['key']>().toEqualTypeOf<Typed>();
  // @ts-expect-error additionalProperties: false — an unknown key in a literal is rejected
  const closed: Closed = { id: 'x', extra: 1 };
  void closed;
  // @ts-expect-error `extra` is required even though it has no schema
  const partial: RequiredOnly = { id: 'x' };
  void partial;
});

test('tuples and recursion', () => {
  expectTypeOf<Point>().toEqualTypeOf<[number, number]>();
  expectTypeOf<Row>().toEqualTypeOf<[string?, ...number[]]>(); // no minItems: the prefix element is optional (D31)
  type First = 'first_value_of_the_tuple_that_is_long' | 'second_value_of_the_tuple';
  type Second = 'third_value_of_the_tuple_that_is_long' | 'fourth_value_of_the_tuple';
  expectTypeOf<LongRow>().toEqualTypeOf<[First?, Second?, ...number[]]>();
  expectTypeOf({ id: 'a', children: [{ id: 'b', children: [] }] }).toExtend<TreeNode>();
  expectTypeOf<NonNullable<TreeNode['children']>[number]>().toEqualTypeOf<TreeNode>();
  expectTypeOf<{ children: [] }>().not.toExtend<TreeNode>(); // id is required
  expectTypeOf({ op: 'add', args: [1, { op: 'neg', args: [2] }] }).toExtend<Expr>();
  expectTypeOf<NonNullable<Exclude<Expr, number>['args']>[number]>().toEqualTypeOf<Expr>();
  expectTypeOf<{ op: 'add'; args: ['1'] }>().not.toExtend<Expr>();
});

test('mutually recursive request variants refer to each other (a request reaches both)', () => {
  expectTypeOf<CreatePersonBody>().toEqualTypeOf<PersonInput>();
  expectTypeOf<NonNullable<PersonInput['employer']>>().toEqualTypeOf<CompanyInput>();
  expectTypeOf<NonNullable<CompanyInput['staff']>[number]>().toEqualTypeOf<PersonInput>();
  expectTypeOf<CompanyInput>().toHaveProperty('secret');
  expectTypeOf<Company>().not.toHaveProperty('secret');
});

test('discriminator mapping: literals added only where the member leaves the property open; several values per schema', () => {
  const area = (shape: Shape): number => {
    if (shape.kind === 'circle') return shape.r * shape.r * Math.PI;
    expectTypeOf(shape.kind).toEqualTypeOf<string & 'square'>();
    return shape.side * shape.side;
  };
  void area;
  expectTypeOf({ kind: 'square' as const, side: 2 }).toExtend<Shape>();
  expectTypeOf({ type: 'auto' as const, seats: 4 }).toExtend<Vehicle>();
  expectTypeOf({ type: 'Truck' as const, load: 1 }).toExtend<Vehicle>();
  // @ts-expect-error `lorry` is not a mapped value
  const lorry: Vehicle = { type: 'lorry', load: 1 };
  void lorry;
  expectTypeOf<Dog['petType']>().toEqualTypeOf<'doggo'>();
  expectTypeOf<Cat['petType']>().toEqualTypeOf<'Cat'>();
});

test('a discriminator on members whose property is an enum of every value narrows the union (rules/polymorphism Animal)', () => {
  const wings = (a: Animal): number | undefined => (a.kind === 'bird' ? a.wings : a.fins);
  expectTypeOf(wings).returns.toEqualTypeOf<number | undefined>();
  expectTypeOf<Extract<Animal, { kind: 'fish' }>>().toHaveProperty('fins');
  // @ts-expect-error a fish has no wings
  const fish = (a: Extract<Animal, { kind: 'fish' }>) => a.wings;
  void fish;
});
