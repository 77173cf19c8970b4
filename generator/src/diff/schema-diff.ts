/**
 * The rules for types: walks an old and a new schema side by side, in one direction, and records
 * each difference with its class. A request type may widen (minor) but not narrow (major); a
 * response type may narrow (minor) but not widen (major); a removed property or enum value is major
 * either way, and so is a name, kind or structure that changed incompatibly.
 *
 * Named schemas are walked once per direction and context, however many operations use them.
 */
import type { Change, ChangeClass, Visibility } from './change.js';
import { describeSchema, describeValue } from './describe.js';
import { docsChange } from './docs-diff.js';
import { assignable } from './relation.js';
import { type Direction, namedSchema } from '../model/queries.js';
import { indexSchema, mergedObject, resolve, type ShapeProperty, shapeProperties } from './shape.js';
import type { ByDirection, ChangeSink } from './sink.js';
import type { Api, ArraySchema, EnumSchema, IntersectionSchema, ObjectSchema, Schema, UnionSchema } from '../model/types.js';

/** Where a walk is, and what the proof's usage file does with that place. */
export interface WalkContext {
  old: Api;
  new: Api;
  direction: Direction;
  sink: ChangeSink;
  /** The usage file passes or reads a value of this type (assignability sees changes here). */
  seen: boolean;
  /**
   * Reached through objects, arrays, maps, references and all-object intersections only: the usage
   * file's expanded literals and property reads reach every member here (removed properties and
   * enum values show).
   */
  plain: boolean;
  /** The generated symbol of this place, e.g. `UpdateRoleBody.title`. */
  symbol: string;
  operation?: string | undefined;
  /** Scalar kinds a surrounding union admits whole (an enum inside such a union is open). */
  openKinds?: ReadonlySet<string>;
  /**
   * Inside a union member: TypeScript relates a value to a union leniently (a member whose
   * discriminant became optional may still be accepted), so the proof may not see what changed here.
   */
  inUnion?: boolean;
  /** Named schemas (key, direction, context) already walked: shared by every walk of one diff. */
  walked: Set<string>;
}

/** Where the proof sees a change: at every place it exercises, at plain places only, or nowhere. */
type Exposure = 'seen' | 'plain' | 'never';

/** Records one change whose class depends on the direction. */
function record(
  ctx: WalkContext,
  pointer: string,
  kind: string,
  message: string,
  classes: ByDirection | ChangeClass,
  visibility: Exposure,
  symbol = ctx.symbol,
): void {
  const cls = typeof classes === 'string' ? classes : classes[ctx.direction];
  const exercised = visibility === 'seen' ? ctx.seen : visibility === 'plain' ? ctx.seen && ctx.plain : false;
  const visible: Visibility = !exercised ? 'no' : ctx.inUnion === true ? 'maybe' : 'yes';
  const change: Change = { class: cls, kind, message, pointer, symbol, directions: [ctx.direction], visible };
  if (ctx.operation !== undefined) change.operation = ctx.operation;
  ctx.sink.add(change);
}

/** Compares two schemas in one direction (see the module comment). */
export function compareSchemas(o: Schema, n: Schema, ctx: WalkContext): void {
  const docs = docsChange(o, n);
  if (docs !== undefined) record(ctx, n.pointer, 'docs-changed', docs, 'patch', 'never');
  if (o.kind === 'ref' && n.kind === 'ref' && o.target === n.target && ctx.new.schemas.has(o.target)) {
    compareNullable(o.nullable, n.nullable, n.pointer, ctx);
    compareNamed(o.target, ctx);
    return;
  }
  const ro = resolve(ctx.old, o);
  const rn = resolve(ctx.new, n);
  if (ro.key !== rn.key) {
    const from = ro.key === undefined ? describeSchema(ctx.old, o) : namedSchema(ctx.old, ro.key).identifier;
    const to = rn.key === undefined ? describeSchema(ctx.new, n) : namedSchema(ctx.new, rn.key).identifier;
    record(ctx, n.pointer, 'reference-changed', `now \`${to}\` (was \`${from}\`)`, 'patch', 'never');
    // Two different named schemas compared in place: once per pair, or a recursive pair never ends.
    const pair = `pair\u0000${ro.key ?? ''}\u0000${rn.key ?? ''}\u0000${ctx.direction}\u0000${ctx.symbol}`;
    if (ctx.walked.has(pair)) return;
    ctx.walked.add(pair);
  }
  compareNullable(ro.nullable, rn.nullable, n.pointer, ctx);
  compareResolved(ro.schema, rn.schema, ctx);
}

/** A named schema present on both sides: walked once per direction and context. */
function compareNamed(key: string, ctx: WalkContext): void {
  const memo = `named\u0000${key}\u0000${ctx.direction}\u0000${ctx.seen}\u0000${ctx.plain}\u0000${ctx.inUnion === true}`;
  if (ctx.walked.has(memo)) return;
  ctx.walked.add(memo);
  const before = namedSchema(ctx.old, key);
  const after = namedSchema(ctx.new, key);
  const symbol = ctx.direction === 'request' ? (after.requestIdentifier ?? after.identifier) : after.identifier;
  const { openKinds: _open, ...rest } = ctx;
  compareSchemas(before.schema, after.schema, { ...rest, symbol, operation: undefined });
}

function compareNullable(o: boolean, n: boolean, pointer: string, ctx: WalkContext): void {
  if (o === n) return;
  if (n) record(ctx, pointer, 'nullable-added', 'now nullable', { request: 'minor', response: 'major' }, 'seen');
  else record(ctx, pointer, 'nullable-removed', 'no longer nullable', { request: 'major', response: 'minor' }, 'seen');
}

function compareResolved(a: Schema, b: Schema, ctx: WalkContext): void {
  if (a.kind !== b.kind) {
    if ((a.kind === 'number' || a.kind === 'integer') && (b.kind === 'number' || b.kind === 'integer')) {
      record(ctx, b.pointer, 'number-kind-changed', `${a.kind} → ${b.kind} (the TypeScript type stays number)`, 'patch', 'never');
      return;
    }
    judge(a, b, ctx);
    return;
  }
  switch (a.kind) {
    case 'string':
      if (b.kind === 'string' && (a.binary === true) !== (b.binary === true)) judge(a, b, ctx);
      return;
    case 'enum':
      compareEnums(a, b as EnumSchema, ctx);
      return;
    case 'array':
      compareArrays(a, b as ArraySchema, ctx);
      return;
    case 'object':
      compareObjects(a, b as ObjectSchema, ctx);
      return;
    case 'union':
      compareUnions(a, b as UnionSchema, ctx);
      return;
    case 'intersection':
      compareIntersections(a, b as IntersectionSchema, ctx);
      return;
  }
}

/**
 * The fallback where shapes do not line up: the class from assignability. A request type that still
 * accepts every old value widened (minor); a response type whose every value the old type admits
 * narrowed (minor); anything else is major. The message says the type changed, from what to what,
 * unless given.
 */
function judge(a: Schema, b: Schema, ctx: WalkContext, message?: string, kind = 'type-changed'): void {
  const widened = assignable({ api: ctx.old, schema: a }, { api: ctx.new, schema: b }, ctx.direction);
  const narrowed = assignable({ api: ctx.new, schema: b }, { api: ctx.old, schema: a }, ctx.direction);
  const compatible = ctx.direction === 'request' ? widened : narrowed;
  const cls: ChangeClass = widened && narrowed ? 'patch' : compatible ? 'minor' : 'major';
  const what = widened && narrowed ? 'same-type' : widened ? 'widened' : narrowed ? 'narrowed' : 'changed';
  const text = message ?? `type changed: ${describeSchema(ctx.old, a)} → ${describeSchema(ctx.new, b)}`;
  record(ctx, b.pointer, kind === 'type-changed' ? `type-${what}` : kind, text, cls, 'seen');
}

function compareEnums(a: EnumSchema, b: EnumSchema, ctx: WalkContext): void {
  const open = a.values.every((v) => ctx.openKinds?.has(scalarKind(v)) === true);
  const openNote = open ? ' (the enum is open: its union admits any value of its type)' : '';
  for (const v of b.values) {
    if (a.values.includes(v)) continue;
    const classes: ByDirection = { request: 'minor', response: open ? 'minor' : 'major' };
    record(ctx, b.pointer, 'enum-value-added', `value ${describeValue(v)} added${openNote}`, classes, open ? 'never' : 'seen');
  }
  for (const v of a.values) {
    if (b.values.includes(v)) continue;
    const visibility: Exposure = open ? 'never' : ctx.direction === 'request' ? 'seen' : 'plain';
    record(ctx, b.pointer, 'enum-value-removed', `value ${describeValue(v)} removed${openNote}`, 'major', visibility);
  }
}

function scalarKind(v: string | number | boolean): string {
  return typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : 'boolean';
}

function compareArrays(a: ArraySchema, b: ArraySchema, ctx: WalkContext): void {
  const pa = a.prefixItems ?? [];
  const pb = b.prefixItems ?? [];
  const tuple = pa.length > 0 || pb.length > 0;
  if (pa.length !== pb.length || (tuple && a.minItems !== b.minItems) || (a.items === undefined) !== (b.items === undefined)) {
    judge(a, b, ctx);
    return;
  }
  pa.forEach((item, i) => {
    compareSchemas(item, pb[i] as Schema, { ...ctx, plain: false, symbol: `${ctx.symbol}[${i}]` });
  });
  if (a.items !== undefined && b.items !== undefined) {
    compareSchemas(a.items, b.items, { ...ctx, plain: ctx.plain && !tuple, symbol: `${ctx.symbol}[]` });
  }
}

function compareObjects(a: ObjectSchema, b: ObjectSchema, ctx: WalkContext): void {
  const dir = ctx.direction;
  const before = new Map(shapeProperties(a, dir).map((p) => [p.name, p]));
  const after = new Map(shapeProperties(b, dir).map((p) => [p.name, p]));
  const oldIndex = indexSchema(a);
  const newIndex = indexSchema(b);
  for (const [name, p] of before) {
    const symbol = `${ctx.symbol}.${name}`;
    const q = after.get(name);
    if (q === undefined) {
      const still = b.properties.find((x) => x.name === name);
      const why = still === undefined ? '' : dir === 'request' ? ' (now read-only)' : ' (now write-only)';
      if (dir === 'request' && newIndex !== undefined && assignable({ api: ctx.old, schema: p.schema }, { api: ctx.new, schema: newIndex }, dir)) {
        record(ctx, p.schema.pointer, 'property-removed', `property \`${name}\` removed${why}; the index signature still accepts it`, 'minor', 'never', symbol);
      } else {
        // A response value without a property the old type requires is no longer assignable to it, wherever it is;
        // an optional one shows only where the usage file reads it (and a request's only in an expanded literal).
        const visibility: Exposure = dir === 'response' && !p.optional ? 'seen' : 'plain';
        record(ctx, p.schema.pointer, 'property-removed', `property \`${name}\` removed${why}`, 'major', visibility, symbol);
      }
      continue;
    }
    comparePropertyPair(p, q, { ...ctx, symbol });
  }
  for (const [name, q] of after) {
    if (before.has(name)) continue;
    const symbol = `${ctx.symbol}.${name}`;
    const pointer = q.property?.schema.pointer ?? b.pointer;
    if (dir === 'request' && !q.optional) {
      record(ctx, pointer, 'required-property-added', `required property \`${name}\` added`, 'major', 'seen', symbol);
    } else if (dir === 'response' && oldIndex !== undefined && !assignable({ api: ctx.new, schema: q.schema }, { api: ctx.old, schema: oldIndex }, dir)) {
      record(ctx, pointer, 'property-added', `property \`${name}\` added, outside the old index signature's type`, 'major', 'seen', symbol);
    } else {
      record(ctx, pointer, 'property-added', `${q.optional ? 'optional ' : ''}property \`${name}\` added`, 'minor', 'never', symbol);
    }
  }
  if (oldIndex === undefined && newIndex !== undefined) {
    // TypeScript gives an interface no implicit index signature: a value of an interface type without one (the
    // old type, or the caller's own) no longer fits a request type that has one.
    const message =
      dir === 'request' ? 'now admits other keys (an index signature: values of interface types without one no longer fit)' : 'now admits other keys';
    record(ctx, newIndex.pointer, 'index-signature-added', message, { request: 'major', response: 'minor' }, 'seen');
  } else if (oldIndex !== undefined && newIndex === undefined) {
    record(ctx, b.pointer, 'index-signature-removed', 'no longer admits other keys', 'major', 'plain');
  } else if (oldIndex !== undefined && newIndex !== undefined) {
    compareSchemas(oldIndex, newIndex, { ...ctx, symbol: `${ctx.symbol}[string]` });
  }
}

function comparePropertyPair(p: ShapeProperty, q: ShapeProperty, ctx: WalkContext): void {
  const pointer = q.property?.schema.pointer ?? q.schema.pointer;
  if (p.property !== undefined && q.property !== undefined) {
    const docs = docsChange(p.property, q.property);
    if (docs !== undefined) record(ctx, pointer, 'docs-changed', docs, 'patch', 'never');
  }
  if (p.optional && !q.optional) {
    record(ctx, pointer, 'property-now-required', 'now required', { request: 'major', response: 'minor' }, 'seen');
  } else if (!p.optional && q.optional) {
    record(ctx, pointer, 'property-now-optional', 'now optional', { request: 'minor', response: 'major' }, 'seen');
  }
  compareSchemas(p.schema, q.schema, ctx);
}

function compareUnions(a: UnionSchema, b: UnionSchema, ctx: WalkContext): void {
  const scalarKinds = (api: Api, u: UnionSchema): Set<string> =>
    new Set(
      u.variants
        .map((v) => resolve(api, v).schema.kind)
        .filter((k) => k === 'string' || k === 'number' || k === 'integer' || k === 'boolean')
        .map((k) => (k === 'integer' ? 'number' : k)),
    );
  const openOld = scalarKinds(ctx.old, a);
  const openNew = scalarKinds(ctx.new, b);
  const openKinds = new Set([...openOld].filter((k) => openNew.has(k)));
  const pairs = matchVariants(a, b, ctx);
  for (const [i, j] of pairs.matched) {
    compareSchemas(a.variants[i] as Schema, b.variants[j] as Schema, { ...ctx, plain: false, openKinds, inUnion: true });
  }
  for (const i of pairs.removed) {
    const v = a.variants[i] as Schema;
    const covered = assignable({ api: ctx.old, schema: v }, { api: ctx.new, schema: b }, ctx.direction);
    const message = `union member \`${describeSchema(ctx.old, v)}\` removed${covered ? ' (another member still admits its values)' : ''}`;
    record(ctx, v.pointer, 'union-member-removed', message, { request: covered ? 'patch' : 'major', response: 'minor' }, 'seen');
  }
  for (const j of pairs.added) {
    const v = b.variants[j] as Schema;
    const covered = assignable({ api: ctx.new, schema: v }, { api: ctx.old, schema: a }, ctx.direction);
    const message = `union member \`${describeSchema(ctx.new, v)}\` added${covered ? ' (the old members already admit its values)' : ''}`;
    record(ctx, v.pointer, 'union-member-added', message, { request: 'minor', response: covered ? 'patch' : 'major' }, 'seen');
  }
  compareMapping(a, b, ctx);
}

/** Old and new variants paired: the same `$ref` target first, then the same kind, in order. */
function matchVariants(a: UnionSchema, b: UnionSchema, ctx: WalkContext): { matched: Array<[number, number]>; removed: number[]; added: number[] } {
  const matched: Array<[number, number]> = [];
  const freeNew = new Set(b.variants.map((_, j) => j));
  const unmatchedOld: number[] = [];
  a.variants.forEach((v, i) => {
    const j = v.kind !== 'ref' ? -1 : b.variants.findIndex((w, k) => freeNew.has(k) && w.kind === 'ref' && w.target === v.target);
    if (j === -1) {
      unmatchedOld.push(i);
      return;
    }
    freeNew.delete(j);
    matched.push([i, j]);
  });
  const removed: number[] = [];
  for (const i of unmatchedOld) {
    const signature = variantSignature(ctx.old, a.variants[i] as Schema);
    const j = [...freeNew].find((k) => variantSignature(ctx.new, b.variants[k] as Schema) === signature);
    if (j === undefined) {
      removed.push(i);
      continue;
    }
    freeNew.delete(j);
    matched.push([i, j]);
  }
  return { matched: matched.sort((x, y) => x[0] - y[0]), removed, added: [...freeNew] };
}

function variantSignature(api: Api, v: Schema): string {
  if (v.kind === 'ref') return `ref:${v.target}`;
  const r = resolve(api, v).schema;
  if (r.kind === 'enum') return `enum:${r.baseType ?? typeof r.values[0]}`;
  return r.kind === 'integer' ? 'number' : r.kind;
}

function compareMapping(a: UnionSchema, b: UnionSchema, ctx: WalkContext): void {
  const before = a.discriminator;
  const after = b.discriminator;
  if (before === undefined && after === undefined) return;
  if (before === undefined || after === undefined || before.propertyName !== after.propertyName) {
    const what = after === undefined ? 'discriminator removed' : before === undefined ? 'discriminator added' : `discriminator now \`${after.propertyName}\``;
    judge(a, b, ctx, what, 'discriminator-changed');
    return;
  }
  const oldValues = new Map(before.mapping.map((m) => [m.value, m.target]));
  const newValues = new Map(after.mapping.map((m) => [m.value, m.target]));
  for (const [value, target] of newValues) {
    if (!oldValues.has(value)) {
      record(ctx, b.pointer, 'discriminator-value-added', `discriminator value ${describeValue(value)} added`, { request: 'minor', response: 'major' }, 'seen');
    } else if (oldValues.get(value) !== target) {
      record(ctx, b.pointer, 'discriminator-value-moved', `discriminator value ${describeValue(value)} now maps to ${target}`, 'major', 'seen');
    }
  }
  for (const value of oldValues.keys()) {
    if (newValues.has(value)) continue;
    record(
      ctx,
      b.pointer,
      'discriminator-value-removed',
      `discriminator value ${describeValue(value)} removed`,
      'major',
      ctx.direction === 'request' ? 'seen' : 'never',
    );
  }
}

function compareIntersections(a: IntersectionSchema, b: IntersectionSchema, ctx: WalkContext): void {
  if (a.members.length !== b.members.length || (a.unevaluatedProperties === undefined) !== (b.unevaluatedProperties === undefined)) {
    judge(a, b, ctx);
    return;
  }
  const plain = ctx.plain && mergedObject(ctx.old, a.members) !== undefined;
  a.members.forEach((m, i) => {
    compareSchemas(m, b.members[i] as Schema, { ...ctx, plain });
  });
  if (a.unevaluatedProperties !== undefined && b.unevaluatedProperties !== undefined) {
    compareSchemas(a.unevaluatedProperties, b.unevaluatedProperties, { ...ctx, plain: false, symbol: `${ctx.symbol}[string]` });
  }
}
