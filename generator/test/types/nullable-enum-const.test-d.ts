/**
 * What the generated types accept and reject: nullability (case-01, case-02, case-03), enums
 * (case-10, case-12) and const (case-34). Imports the committed snapshot output directly.
 */
import { expectTypeOf, test } from 'vitest';
import type { Meter } from '../emit/__snapshots__/nullable-type-arrays/src/index.js';
import type { Shipment } from '../emit/__snapshots__/nullable-object-and-allof/src/index.js';
import type { Priority, Ticket } from '../emit/__snapshots__/null-in-enum/src/index.js';
import type { ClassName, Operator, Rating, SortKey } from '../emit/__snapshots__/enum-special-characters/src/index.js';
import type { JobState } from '../emit/__snapshots__/integer-enum-varnames/src/index.js';
import type { Heartbeat } from '../emit/__snapshots__/const-values/src/index.js';

test('case-01: a 3.1 type array with "null" is the base type or null, never any', () => {
  expectTypeOf<Meter['reading']>().not.toBeAny();
  expectTypeOf<Meter['reading']>().toEqualTypeOf<number | null>();
  expectTypeOf<Meter['tags']>().toEqualTypeOf<string[] | null | undefined>();
  expectTypeOf({ reading: null }).toExtend<Meter>();
  expectTypeOf({ reading: 1.5, unit: null, tags: null }).toExtend<Meter>();
  // @ts-expect-error a string is not a reading
  const bad: Meter = { reading: '12' };
  void bad;
});

test('case-02: nullable inline object and nullable allOf wrapper; required is independent of nullable', () => {
  expectTypeOf({ carrier: null }).toExtend<Shipment>();
  expectTypeOf({ carrier: { code: 'ups', label: 'UPS' }, parent: null }).toExtend<Shipment>();
  expectTypeOf({ carrier: null, parent: { id: 'p1' } }).toExtend<Shipment>();
  // @ts-expect-error carrier is required (it may be null, not absent)
  const missing: Shipment = {};
  void missing;
});

test('case-03: null as an enum member; enum plus type-array null follows the enum (strict JSON Schema)', () => {
  expectTypeOf<null>().toExtend<Priority>();
  expectTypeOf<Priority>().toEqualTypeOf<'low' | 'medium' | 'high' | null>();
  expectTypeOf<Ticket['channel']>().toEqualTypeOf<'email' | 'phone' | undefined>();
  // @ts-expect-error channel's enum does not list null
  const t: Ticket = { priority: 'low', channel: null };
  void t;
});

test('case-10: enum strings with symbols and backslashes are exact literals', () => {
  expectTypeOf<Rating>().toEqualTypeOf<'B+' | 'B' | 'B-'>();
  expectTypeOf<SortKey>().toEqualTypeOf<'name' | '-name'>();
  expectTypeOf<Operator>().toEqualTypeOf<'=' | '!=' | '<' | '>'>();
  expectTypeOf<ClassName>().toEqualTypeOf<'Acme\\Billing\\Invoice' | 'C:\\logs\\'>();
  // @ts-expect-error a single backslash is a different string
  const c: ClassName = 'C:\\logs';
  void c;
});

test('case-12: an integer enum stays numbers', () => {
  const running: JobState = 1;
  expectTypeOf(running).toEqualTypeOf<1>();
  expectTypeOf<JobState>().toEqualTypeOf<0 | 1 | 2 | 3>();
  // @ts-expect-error the value is a number, not a string
  const quoted: JobState = '1';
  // @ts-expect-error 4 is not a member
  const four: JobState = 4;
  void quoted;
  void four;
});

test('case-34: const becomes a literal, with or without type', () => {
  expectTypeOf<Heartbeat>().toEqualTypeOf<{ alive: true; revision: 3; kind: 'heartbeat'; label?: 'v3'; nothing: null }>();
  // @ts-expect-error alive is const true
  const dead: Heartbeat = { alive: false, revision: 3, kind: 'heartbeat', nothing: null };
  void dead;
});
