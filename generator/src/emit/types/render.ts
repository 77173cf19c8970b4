/**
 * Schema (IR) → TypeScript type text.
 *
 * Every named schema is referred to by name (never inlined), so recursion needs no special case.
 * Two directions exist: `response` (the main shape: `writeOnly` properties left out) and `request`
 * (`readOnly` properties left out, properties with a `default` optional, references to schemas
 * with a request variant point at that variant).
 */
import { declaresNoneIn, type Direction, directedMembers, namedSchema } from '../../model/queries.js';
import type { Api, ArraySchema, Docs, EnumSchema, NamedSchema, ObjectSchema, Schema, UnionSchema } from '../../model/types.js';
import {
  commentFromText,
  type Member,
  NEVER,
  type TupleElement,
  NULL,
  UNKNOWN,
  type TypeNode,
  intersectionOf,
  isName,
  literal,
  name,
  typeText,
  unionOf,
} from '../ts/nodes.js';
import { literalType, propertyKey } from '../text.js';
import { docsWithFallback, jsDocComment, jsDocText } from '../tsdoc.js';
import type { ImportScope } from '../imports.js';

export type { Direction } from '../../model/queries.js';

export interface RenderContext {
  api: Api;
  scope: ImportScope;
  direction: Direction;
}

/** One member of an object type, before it becomes a property signature. */
export interface ObjectMember {
  /** Wire name. */
  name: string;
  type: TypeNode;
  optional: boolean;
  docs: Docs;
}

/** Members and index signature of an object schema in one direction. */
export interface ObjectShape {
  members: ObjectMember[];
  /** Value type of `[key: string]: …`, when extra keys are allowed. */
  indexValue?: TypeNode;
}

function withNull(t: TypeNode, nullable: boolean): TypeNode {
  if (!nullable || isName(t, 'unknown')) return t;
  if (isName(t, 'never')) return NULL;
  return unionOf([t, NULL]);
}

/** Path of the types package's module file `stem` (`src/<stem>.ts`, see {@link NamedSchema.module}). */
export function moduleFile(stem: string): string {
  return `src/${stem}.ts`;
}

/** The identifier to use for a named schema in a direction (its request variant when it has one). */
export function identifierFor(named: NamedSchema, direction: Direction): string {
  return direction === 'request' && named.requestIdentifier !== undefined ? named.requestIdentifier : named.identifier;
}

/** Type text of a schema in the given context. */
export function renderSchema(schema: Schema, ctx: RenderContext): TypeNode {
  return withNull(renderBase(schema, ctx), schema.nullable);
}

function renderBase(schema: Schema, ctx: RenderContext): TypeNode {
  switch (schema.kind) {
    case 'ref': {
      const named = namedSchema(ctx.api, schema.target);
      return name(ctx.scope.type(moduleFile(named.module), identifierFor(named, ctx.direction)));
    }
    case 'unknown':
      return UNKNOWN;
    case 'never':
      return NEVER;
    case 'string':
      return name(schema.binary ? 'Blob' : 'string');
    case 'number':
    case 'integer':
      return name('number');
    case 'boolean':
      return name('boolean');
    case 'null':
      return NULL;
    case 'enum':
      return renderEnum(schema);
    case 'array':
      return renderArray(schema, ctx);
    case 'object':
      return objectType(objectShape(schema, ctx));
    case 'union':
      return renderUnion(schema, ctx);
    case 'intersection': {
      // A member of only readOnly properties adds nothing to a request (nor one of writeOnly properties to a response).
      // (An object of such members alone stays what each is: any object.)
      const declaring = schema.members.filter((m) => !declaresNoneIn(ctx.api, m, ctx.direction));
      const kept = declaring.length > 0 ? declaring : schema.members;
      const members = kept.map((m) => renderSchema(m, ctx)).filter((m) => !isName(m, 'unknown'));
      if (schema.unevaluatedProperties !== undefined) members.push(unevaluatedIndex(schema, schema.unevaluatedProperties, ctx));
      if (members.length === 0) return UNKNOWN;
      return intersectionOf(members);
    }
  }
}

/**
 * The index signature of `unevaluatedProperties: <schema>` beside a composition: its type, joined
 * with the type of every property the members declare (through references, intersections and unions),
 * and `undefined` when one is optional, so that no declared property is made `never` (TS2411's rule,
 * as {@link objectShape} does for `additionalProperties`).
 */
function unevaluatedIndex(schema: Schema, up: Schema, ctx: RenderContext): TypeNode {
  const types: TypeNode[] = [renderSchema(up, ctx)];
  let optional = false;
  const seen = new Set<string>();
  const collect = (s: Schema): void => {
    switch (s.kind) {
      case 'ref':
        if (seen.has(s.target)) return;
        seen.add(s.target);
        collect(namedSchema(ctx.api, s.target).schema);
        return;
      case 'object': {
        const shape = objectShape(s, ctx);
        for (const m of shape.members) {
          types.push(m.type);
          if (m.optional) optional = true;
        }
        if (shape.indexValue !== undefined) types.push(shape.indexValue);
        return;
      }
      case 'intersection':
        for (const m of s.members) collect(m);
        return;
      case 'union':
        for (const v of s.variants) collect(v);
        return;
      default:
        return;
    }
  };
  if (schema.kind === 'intersection') for (const m of schema.members) collect(m);
  if (optional) types.push(name('undefined'));
  return { kind: 'object', members: [{ kind: 'index', keyName: 'key', keyType: 'string', type: unionOf(types) }], multiline: false };
}

function renderEnum(schema: EnumSchema): TypeNode {
  return unionOf(schema.values.map(literalNode));
}

function renderArray(schema: ArraySchema, ctx: RenderContext): TypeNode {
  const prefix = schema.prefixItems;
  if (prefix === undefined || prefix.length === 0) {
    const item = schema.items === undefined ? NEVER : renderSchema(schema.items, ctx);
    return { kind: 'array', element: item };
  }
  // JSON Schema: `prefixItems` constrains the elements that are there; only `minItems` requires them.
  const requiredCount = Math.min(schema.minItems ?? 0, prefix.length);
  const types = prefix.map((item) => renderSchema(item, ctx));
  const elements: TupleElement[] = types.map((type, i) => ({ type, optional: i >= requiredCount }));
  const rest = restElement(schema, ctx);
  // TypeScript resolves an optional element eagerly when its type is an array or tuple holding a reference
  // (`[A[]?]`: "circularly references itself" when A leads back, fuzz seed 1431467069); a required one is
  // deferred. Such a tuple is written as the union of its allowed lengths, every element required:
  // `[] | [A[]] | [A[], B]`, the same values.
  if (prefix.slice(requiredCount).some(eagerWhenOptional)) {
    const lengths: TypeNode[] = [];
    for (let n = requiredCount; n <= types.length; n++) {
      const head: TupleElement[] = types.slice(0, n).map((type) => ({ type, optional: false }));
      lengths.push({ kind: 'tuple', elements: n === types.length && rest ? [...head, rest] : head });
    }
    return unionOf(lengths);
  }
  if (rest) elements.push(rest);
  return { kind: 'tuple', elements };
}

/** An optional tuple element of this schema that TypeScript resolves eagerly: an array or tuple holding a reference. */
function eagerWhenOptional(schema: Schema): boolean {
  switch (schema.kind) {
    case 'array':
      return holdsEagerRef(schema);
    case 'union':
      return schema.variants.some(eagerWhenOptional);
    case 'intersection':
      return schema.members.some(eagerWhenOptional);
    default:
      return false;
  }
}

/** The rest element `...T[]` of a tuple with `items` beside `prefixItems`, if any. */
function restElement(schema: ArraySchema, ctx: RenderContext): TupleElement | undefined {
  if (schema.items !== undefined) {
    // TypeScript defers a rest element `...T[]` only when T is a reference or an object type: a rest of
    // arrays, tuples or unions that hold a reference (`...A[][]`, `...(A | null)[]`) is resolved eagerly,
    // and "circularly references itself" when the reference leads back (fuzz seed 1265867096). Such a rest
    // is widened to `...unknown[]`: every valid value is still accepted.
    const eager = schema.items.kind !== 'ref' && holdsEagerRef(schema.items);
    return { type: { kind: 'array', element: eager ? UNKNOWN : renderSchema(schema.items, ctx) }, optional: false, rest: true };
  }
  return undefined;
}

/** Whether a reference sits in `schema` outside any object type (through arrays, tuples, unions, intersections). */
function holdsEagerRef(schema: Schema): boolean {
  switch (schema.kind) {
    case 'ref':
      return true;
    case 'array':
      return (schema.items !== undefined && holdsEagerRef(schema.items)) || (schema.prefixItems ?? []).some(holdsEagerRef);
    case 'union':
      return schema.variants.some(holdsEagerRef);
    case 'intersection':
      return schema.members.some(holdsEagerRef);
    default:
      return false;
  }
}

function renderUnion(schema: UnionSchema, ctx: RenderContext): TypeNode {
  const discriminator = schema.discriminator;
  const variants = schema.variants.map((variant) => {
    const t = renderSchema(variant, ctx);
    if (discriminator === undefined || variant.kind !== 'ref') return t;
    const values = discriminator.mapping.filter((m) => m.target === variant.target).map((m) => m.value);
    // A member that pins the property to its mapping values, or only to others (its pins win: model/schemas.ts reports
    // the mismatch), needs nothing; one whose enum also allows other members' values (`kind: 'bird' | 'fish'` in both
    // `Bird` and `Fish`) is narrowed to its mapping values, or the union could not be told apart.
    const own = pinnedValues(ctx.api, variant, discriminator.propertyName, new Set())?.map(String);
    const narrowed = own === undefined ? values : values.filter((v) => own.includes(v));
    if (narrowed.length === 0 || own?.every((v) => narrowed.includes(v)) === true) return t;
    const pinned: Member = { kind: 'property', key: propertyKey(discriminator.propertyName), optional: false, type: unionOf(narrowed.map(literalNode)) };
    return intersectionOf([t, { kind: 'object', members: [pinned], multiline: false }]);
  });
  return unionOf(variants);
}

/**
 * The values `schema` (through refs and allOf members) fixes `property` to with an enum or const (the first member
 * that fixes it), or undefined when none does.
 */
function pinnedValues(api: Api, schema: Schema, property: string, seen: Set<string>): Array<string | number | boolean> | undefined {
  switch (schema.kind) {
    case 'ref': {
      if (seen.has(schema.target)) return undefined;
      seen.add(schema.target);
      return pinnedValues(api, namedSchema(api, schema.target).schema, property, seen);
    }
    case 'intersection': {
      for (const m of schema.members) {
        const found = pinnedValues(api, m, property, seen);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    case 'object': {
      const prop = schema.properties.find((p) => p.name === property);
      return prop === undefined ? undefined : enumValues(api, prop.schema, new Set());
    }
    default:
      return undefined;
  }
}

function enumValues(api: Api, schema: Schema, seen: Set<string>): Array<string | number | boolean> | undefined {
  if (schema.kind === 'enum') return schema.values;
  if (schema.kind === 'ref' && !seen.has(schema.target)) {
    seen.add(schema.target);
    return enumValues(api, namedSchema(api, schema.target).schema, seen);
  }
  return undefined;
}

/**
 * The members of an object schema in one direction ({@link directedMembers}), each property's docs with the gaps filled
 * from its schema's docs (a ref's sibling keywords included), with its index signature if any.
 */
export function objectShape(schema: ObjectSchema, ctx: RenderContext): ObjectShape {
  const members: ObjectMember[] = directedMembers(schema, ctx.direction).map(({ name, optional, property }) =>
    property === undefined
      ? { name, type: UNKNOWN, optional, docs: { description: 'Listed in `required` without a schema.' } }
      : { name, type: renderSchema(property.schema, ctx), optional, docs: docsWithFallback(property, property.schema) },
  );

  const extra: TypeNode[] = [];
  const ap = schema.additionalProperties;
  if (ap !== undefined && ap !== false) extra.push(renderSchema(ap, ctx));
  for (const pattern of schema.patternProperties ?? []) extra.push(renderSchema(pattern.schema, ctx));
  let indexValue: TypeNode | undefined;
  if (extra.length > 0) {
    // The index signature must admit every declared property's type (TS2411), optional ones
    // included (`undefined` under exactOptionalPropertyTypes).
    const parts = [...extra];
    for (const m of members) parts.push(m.type);
    if (members.some((m) => m.optional)) parts.push(name('undefined'));
    const value = unionOf(extra);
    indexValue = isName(value, 'unknown') ? UNKNOWN : unionOf(parts);
  } else if (members.length === 0 && ap === undefined) {
    // `type: object` and nothing else: any object.
    indexValue = UNKNOWN;
  }
  return { members, ...(indexValue !== undefined ? { indexValue } : {}) };
}

/** True when a type text is built from keywords only (`string`, `number | null`, `string[]`): no name that could refer back to the declaration. */
function keywordsOnly(text: string): boolean {
  return text.replace(/\b(?:string|number|boolean|null|undefined|unknown|never|Blob)\b/g, '').replace(/[\s|()[\]]/g, '') === '';
}

/** A literal type for a JSON scalar ({@link literalType}): `number` for a non-finite number. */
function literalNode(value: string | number | boolean | null): TypeNode {
  const text = literalType(value);
  return text === 'null' ? NULL : text === 'number' ? name('number') : literal(text);
}

/**
 * The members of an object type, comments included. `comments`: how the comments were written
 * before the printer (`text` for type literals, `structure` for interfaces: ts-morph's JSDoc printer,
 * which differs in white space at the edges).
 */
export function objectMembers(shape: ObjectShape, comments: 'text' | 'structure' = 'text'): Member[] {
  const members: Member[] = shape.members.map((m) => {
    const docs = comments === 'text' ? commentFromText(jsDocText(m.docs)) : jsDocComment(m.docs);
    return { kind: 'property', key: propertyKey(m.name), optional: m.optional, type: m.type, ...(docs === undefined ? {} : { docs }) };
  });
  if (shape.indexValue !== undefined) members.push({ kind: 'index', keyName: 'key', keyType: 'string', type: shape.indexValue });
  return members;
}

/**
 * Inline object type of a shape, member comments included. A map of keywords is
 * `Record<string, V>`; a map whose values name a type is `{ [key: string]: V }`, because TypeScript
 * resolves a generic alias's arguments eagerly (`type A = Record<string, A> | …` "circularly
 * references itself") but defers the members of an object literal type.
 */
export function objectType(shape: ObjectShape): TypeNode {
  if (shape.members.length === 0) {
    if (shape.indexValue === undefined) return { kind: 'generic', name: 'Record', args: [name('string'), NEVER] };
    if (keywordsOnly(typeText(shape.indexValue))) return { kind: 'generic', name: 'Record', args: [name('string'), shape.indexValue] };
    return { kind: 'object', members: objectMembers(shape), multiline: false };
  }
  return { kind: 'object', members: objectMembers(shape), multiline: true };
}
