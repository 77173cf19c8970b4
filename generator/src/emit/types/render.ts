/**
 * Schema (IR) → TypeScript type text.
 *
 * Every named schema is referred to by name (never inlined), so recursion needs no special case.
 * Two directions exist: `response` (the main shape: `writeOnly` properties left out) and `request`
 * (`readOnly` properties left out, properties with a `default` optional, references to schemas
 * with a request variant point at that variant).
 */
import type {
  Api,
  ArraySchema,
  Docs,
  EnumSchema,
  NamedSchema,
  ObjectSchema,
  Property,
  Schema,
  UnionSchema,
} from '../../model/types.js';
import { literalType, propertyKey } from '../text.js';
import { docsWithFallback, jsDocText } from '../tsdoc.js';
import type { FileScope } from './scope.js';

export type Direction = 'request' | 'response';

/** Binding strength of a type text: what it may stand in without parentheses. */
export const Prec = {
  Union: 0,
  Intersection: 1,
  /** Postfix-safe: keywords, names, literals, `T[]`, tuples, object literals. */
  Atom: 2,
} as const;
export type Prec = (typeof Prec)[keyof typeof Prec];

export interface TypeText {
  text: string;
  prec: Prec;
}

export interface RenderContext {
  api: Api;
  scope: FileScope;
  direction: Direction;
}

/** One member of an object type, before it becomes a property signature or text. */
export interface ObjectMember {
  /** Wire name. */
  name: string;
  type: string;
  optional: boolean;
  docs: Docs;
}

/** Members and index signature of an object schema in one direction. */
export interface ObjectShape {
  members: ObjectMember[];
  /** Value type of `[key: string]: …`, when extra keys are allowed. */
  indexValue?: string;
  /** The object has no members and allows no extra keys (`additionalProperties: false`). */
  closedEmpty: boolean;
}

const atom = (text: string): TypeText => ({ text, prec: Prec.Atom });

/** Parenthesises `t` when it binds looser than `min`. */
export function wrap(t: TypeText, min: Prec): string {
  return t.prec < min ? `(${t.text})` : t.text;
}

/** A union of type texts: flattened, de-duplicated (first occurrence wins), `unknown` absorbs all. */
export function unionOf(parts: TypeText[]): TypeText {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    if (part.text === 'never') continue;
    if (part.text === 'unknown') return atom('unknown');
    const text = part.prec === Prec.Union ? part.text : wrap(part, Prec.Intersection);
    for (const piece of part.prec === Prec.Union ? splitTopLevelUnion(text) : [text]) {
      if (!seen.has(piece)) {
        seen.add(piece);
        out.push(piece);
      }
    }
  }
  if (out.length === 0) return atom('never');
  if (out.length === 1) {
    const only = out[0] as string;
    const source = parts.find((p) => p.text === only);
    return source ?? { text: only, prec: precOfPiece(only) };
  }
  return { text: out.join(' | '), prec: Prec.Union };
}

/** Binding of one piece of a split union: an intersection when it has a top-level `&`. */
function precOfPiece(text: string): Prec {
  return splitTopLevel(text, '&').length > 1 ? Prec.Intersection : Prec.Atom;
}

function splitTopLevelUnion(text: string): string[] {
  return splitTopLevel(text, '|');
}

/** Splits `A | B | (C | D)` at a top-level separator only (outside brackets, braces, parens and strings). */
function splitTopLevel(text: string, separator: '|' | '&'): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{' || c === '<') depth++;
    else if (c === ')' || c === ']' || c === '}' || c === '>') depth--;
    else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === separator && depth === 0) {
      pieces.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  pieces.push(text.slice(start).trim());
  return pieces.filter((p) => p !== '');
}

function withNull(t: TypeText, nullable: boolean): TypeText {
  if (!nullable || t.text === 'unknown') return t;
  if (t.text === 'never') return atom('null');
  return unionOf([t, atom('null')]);
}

/** The named schema a key refers to; throws when the model left a dangling reference. */
export function namedSchema(api: Api, key: string): NamedSchema {
  const named = api.schemas.get(key);
  if (named === undefined) throw new Error(`Reference to unknown schema "${key}"`);
  return named;
}

/** The identifier to use for a named schema in a direction (its request variant when it has one). */
export function identifierFor(named: NamedSchema, direction: Direction): string {
  return direction === 'request' && named.requestIdentifier !== undefined ? named.requestIdentifier : named.identifier;
}

/** Type text of a schema in the given context. */
export function renderSchema(schema: Schema, ctx: RenderContext): TypeText {
  return withNull(renderBase(schema, ctx), schema.nullable);
}

function renderBase(schema: Schema, ctx: RenderContext): TypeText {
  switch (schema.kind) {
    case 'ref': {
      const named = namedSchema(ctx.api, schema.target);
      return atom(ctx.scope.use(named.module, identifierFor(named, ctx.direction)));
    }
    case 'unknown':
      return atom('unknown');
    case 'never':
      return atom('never');
    case 'string':
      return atom(schema.binary ? 'Blob' : 'string');
    case 'number':
    case 'integer':
      return atom('number');
    case 'boolean':
      return atom('boolean');
    case 'null':
      return atom('null');
    case 'enum':
      return renderEnum(schema);
    case 'array':
      return renderArray(schema, ctx);
    case 'object':
      return atom(objectText(objectShape(schema, ctx)));
    case 'union':
      return renderUnion(schema, ctx);
    case 'intersection': {
      const members = schema.members.map((m) => renderSchema(m, ctx)).filter((m) => m.text !== 'unknown');
      if (members.length === 0) return atom('unknown');
      if (members.length === 1) return members[0] as TypeText;
      return { text: members.map((m) => wrap(m, Prec.Intersection)).join(' & '), prec: Prec.Intersection };
    }
  }
}

function renderEnum(schema: EnumSchema): TypeText {
  return unionOf(schema.values.map((v) => atom(literalType(v))));
}

function renderArray(schema: ArraySchema, ctx: RenderContext): TypeText {
  const prefix = schema.prefixItems;
  if (prefix === undefined || prefix.length === 0) {
    const item = schema.items === undefined ? atom('never') : renderSchema(schema.items, ctx);
    return atom(`${wrap(item, Prec.Atom)}[]`);
  }
  const requiredCount = Math.min(schema.minItems ?? prefix.length, prefix.length);
  const elements = prefix.map((item, i) => {
    const t = renderSchema(item, ctx);
    // An optional element binds like a postfix operator.
    return i < requiredCount ? t.text : `${wrap(t, Prec.Atom)}?`;
  });
  if (schema.items !== undefined) {
    // TypeScript defers a rest element `...T[]` only when T is a reference or an object type: a rest of
    // arrays, tuples or unions that hold a reference (`...A[][]`, `...(A | null)[]`) is resolved eagerly,
    // and "circularly references itself" when the reference leads back (fuzz seed 1265867096). Such a rest
    // is widened to `...unknown[]`: every valid value is still accepted.
    const eager = schema.items.kind !== 'ref' && holdsEagerRef(schema.items);
    elements.push(eager ? '...unknown[]' : `...${wrap(renderSchema(schema.items, ctx), Prec.Atom)}[]`);
  }
  return atom(`[${elements.join(', ')}]`);
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

function renderUnion(schema: UnionSchema, ctx: RenderContext): TypeText {
  const discriminator = schema.discriminator;
  const variants = schema.variants.map((variant) => {
    const t = renderSchema(variant, ctx);
    if (discriminator === undefined || variant.kind !== 'ref') return t;
    const values = discriminator.mapping.filter((m) => m.target === variant.target).map((m) => m.value);
    if (values.length === 0 || pinsProperty(ctx.api, variant, discriminator.propertyName, new Set())) return t;
    const literal = unionOf(values.map((v) => atom(literalType(v)))).text;
    return {
      text: `${wrap(t, Prec.Intersection)} & { ${propertyKey(discriminator.propertyName)}: ${literal} }`,
      prec: Prec.Intersection,
    };
  });
  return unionOf(variants);
}

/** True when `schema` (through refs and allOf members) fixes `property` with an enum or const. */
export function pinsProperty(api: Api, schema: Schema, property: string, seen: Set<string>): boolean {
  switch (schema.kind) {
    case 'ref': {
      if (seen.has(schema.target)) return false;
      seen.add(schema.target);
      return pinsProperty(api, namedSchema(api, schema.target).schema, property, seen);
    }
    case 'intersection':
      return schema.members.some((m) => pinsProperty(api, m, property, seen));
    case 'object': {
      const prop = schema.properties.find((p) => p.name === property);
      return prop !== undefined && isEnumLike(api, prop.schema, new Set());
    }
    default:
      return false;
  }
}

function isEnumLike(api: Api, schema: Schema, seen: Set<string>): boolean {
  if (schema.kind === 'enum') return true;
  if (schema.kind === 'ref' && !seen.has(schema.target)) {
    seen.add(schema.target);
    return isEnumLike(api, namedSchema(api, schema.target).schema, seen);
  }
  return false;
}

/** Property docs with gaps filled from its schema's docs (a ref's sibling keywords included). */
export function propertyDocs(prop: Property): Docs {
  return docsWithFallback(prop, prop.schema);
}

/** True when a property (or its schema) declares a `default`. */
export function hasDefault(docs: Docs): boolean {
  return docs.default !== undefined;
}

function isReadOnly(prop: Property): boolean {
  return prop.readOnly === true || prop.schema.readOnly === true;
}

function isWriteOnly(prop: Property): boolean {
  return prop.writeOnly === true || prop.schema.writeOnly === true;
}

/** The members of an object schema in one direction, with its index signature if any. */
export function objectShape(schema: ObjectSchema, ctx: RenderContext): ObjectShape {
  const members: ObjectMember[] = [];
  for (const prop of schema.properties) {
    if (ctx.direction === 'request' ? isReadOnly(prop) : isWriteOnly(prop)) continue;
    const docs = propertyDocs(prop);
    const optional = !prop.required || (ctx.direction === 'request' && hasDefault(docs));
    members.push({ name: prop.name, type: renderSchema(prop.schema, ctx).text, optional, docs });
  }
  for (const name of schema.requiredOnly ?? []) {
    if (members.some((m) => m.name === name)) continue;
    members.push({
      name,
      type: 'unknown',
      optional: false,
      docs: { description: 'Listed in `required` without a schema.' },
    });
  }

  const extra: TypeText[] = [];
  const ap = schema.additionalProperties;
  if (ap !== undefined && ap !== false) extra.push(renderSchema(ap, ctx));
  for (const pattern of schema.patternProperties ?? []) extra.push(renderSchema(pattern.schema, ctx));
  let indexValue: string | undefined;
  if (extra.length > 0) {
    // The index signature must admit every declared property's type (TS2411), optional ones
    // included (`undefined` under exactOptionalPropertyTypes).
    const parts = [...extra];
    for (const m of members) parts.push({ text: m.type, prec: Prec.Union });
    if (members.some((m) => m.optional)) parts.push(atom('undefined'));
    const value = unionOf(extra);
    indexValue = value.text === 'unknown' ? 'unknown' : unionOf(parts).text;
  } else if (members.length === 0 && ap === undefined) {
    // `type: object` and nothing else: any object.
    indexValue = 'unknown';
  }
  return { members, ...(indexValue !== undefined ? { indexValue } : {}), closedEmpty: members.length === 0 && indexValue === undefined };
}

/** True when a type text is built from keywords only (`string`, `number | null`, `string[]`): no name that could refer back to the declaration. */
function keywordsOnly(text: string): boolean {
  return text.replace(/\b(?:string|number|boolean|null|undefined|unknown|never|Blob)\b/g, '').replace(/[\s|()[\]]/g, '') === '';
}

/**
 * Inline object type text of a shape, member comments included. A map of keywords is
 * `Record<string, V>`; a map whose values name a type is `{ [key: string]: V }`, because TypeScript
 * resolves a generic alias's arguments eagerly (`type A = Record<string, A> | …` "circularly
 * references itself") but defers the members of an object literal type.
 */
export function objectText(shape: ObjectShape): string {
  if (shape.members.length === 0) {
    if (shape.indexValue === undefined) return 'Record<string, never>';
    return keywordsOnly(shape.indexValue) ? `Record<string, ${shape.indexValue}>` : `{ [key: string]: ${shape.indexValue} }`;
  }
  const lines = shape.members.map(
    (m) => `${jsDocText(m.docs)}${propertyKey(m.name)}${m.optional ? '?' : ''}: ${m.type};`,
  );
  if (shape.indexValue !== undefined) lines.push(`[key: string]: ${shape.indexValue};`);
  return `{\n${lines.join('\n')}\n}`;
}
