/**
 * JSON Schema (OpenAPI 3.0 / 3.1 dialects) → IR {@link Schema}.
 *
 * Policies (each pinned by generator/test/model/schemas.test.ts):
 *
 * - Nullability: 3.0 `nullable: true`, a 3.1 `type` list containing `"null"` and `type: "null"` all
 *   set `nullable`. A `type` list with several non-null types becomes a union (keyword `type-array`)
 *   whose variants carry no docs (the docs stay on the union). `oneOf`/`anyOf` members that are
 *   exactly the null type are dropped and make the union nullable; a union left with one member
 *   collapses to that member.
 * - enum/const and null (case-03): the `enum` (or `const`) list is authoritative, as strict JSON
 *   Schema (and OpenAPI 3.0.3 for `nullable` + `enum`) reads it: the schema is nullable exactly when
 *   the list contains `null`. `type: [string, "null"]` (or `nullable: true`) with `enum: [a, b]` is
 *   therefore NOT nullable; the model reports an `info` diagnostic `model/enum-null-not-listed` so
 *   the spec author sees the discrepancy. `enum: [null]` and `const: null` become the `null` kind.
 *   Enums of objects/arrays cannot be literal unions: the enum is dropped with a warning.
 *   `x-enum-varnames`/`x-enumNames` and `x-enum-descriptions`/`x-enumDescriptions` are kept only
 *   when their length matches the enum (with or without its `null` member); otherwise a warning. The descriptions may
 *   also be a map from value to description (Redocly's and Scalar's form).
 * - allOf and `required` (case-07): every `required` name stated anywhere in an `allOf` (the
 *   wrapper, inline members, referenced members) applies to the whole intersection. An inline member
 *   that declares the property gets it as required; a name only declared (optionally) in a
 *   referenced member is re-declared, required, with the original property schema (its pointer
 *   points at the original declaration) in the inline member that required it, or in a member built
 *   from the wrapper's own keywords, which is appended after the `allOf` members. So
 *   `allOf: [Contact, {required: [email]}]` → `Contact & { email: string }`. A `required` name
 *   declared nowhere stays in `requiredOnly` (typed `unknown`).
 * - An `allOf` with one member and no structural keywords besides (only docs and `nullable`, case-02)
 *   collapses to that member; the wrapper's `nullable` and docs apply to it.
 * - Discriminators (case-04): explicit `mapping` entries first (values resolve `#/components/schemas/X`
 *   refs and bare names), then implicit entries for referenced members not mapped explicitly: the
 *   values the member pins for the property with `enum`/`const`, else the schema name. When the
 *   schema name (the OpenAPI implicit value) or an explicit mapping value disagrees with the pinned
 *   values, the pinned values win and a warning `model/discriminator-mismatch` is reported.
 * - Polymorphism: a schema with a `discriminator` and no `oneOf`/`anyOf` is a base; its ObjectSchema
 *   carries `discriminator` with the subtypes (explicit mapping, then every component whose `allOf`
 *   references the base, in spec order). A subtype whose `allOf` references such a base gets an extra
 *   object member pinning the property to its value(s) (`Dog = Pet & { petType: "doggo" } & {...}`),
 *   unless the subtype pins the property itself.
 * - `not`: `not: {}` / `not: true` → `never`; any other `not` is ignored (TypeScript cannot express
 *   negation), so `{ not: { type: string } }` alone is `unknown`.
 * - Binary: `format: binary`, or 3.1 `contentMediaType` without `contentEncoding` → binary string.
 *   With `contentEncoding` (e.g. base64) the value is text: a plain string with `contentMediaType` kept.
 * - Tuples: 3.1 `prefixItems`, or 3.0-style array-form `items` (rest from `additionalItems`). The
 *   rest is closed (`items` undefined) when `items: false` / `additionalItems: false`, or when
 *   `maxItems` ≤ the prefix length; otherwise the rest is `unknown`, as JSON Schema says. Only
 *   `minItems` makes prefix elements required (the emitter writes the others optional, D31).
 * - No `type`: `properties`/`additionalProperties`/`patternProperties`/`required` → object;
 *   `items`/`prefixItems` → array; `format: binary`/`contentMediaType`/`pattern`/`minLength`/
 *   `maxLength` → string; `minimum`/`maximum`/`multipleOf` → number; otherwise `unknown`.
 * - Unions and `required` (D31): a oneOf/anyOf member listing `required` names it does not declare
 *   re-declares each (required, original schema and pointer) from the union's siblings or the other
 *   members of the allOf around it: `({ id: number } | { owner: string })`, never `{ id: unknown }`.
 * - Sibling type (D31): a oneOf/anyOf/allOf member with no type, `$ref`, enum/const or implied type
 *   gets the wrapper's scalar type(s): `type: string, oneOf: [{description: a}]` is a string.
 * - Parameters and response headers are text (D31): every binary string in their schema (and a
 *   `$ref` to a named binary string) is a plain string (`asWireText`).
 * - Discriminator members that can never be objects (arrays, scalars) are left out of the mapping
 *   with an info `model/discriminator-non-object`: they are never pinned (D31).
 * - allOf polymorphism at any depth (D31): a subtype's nearest discriminated base is searched through
 *   allOf `$ref`s transitively; its pin lists its own values and its descendants' values.
 * - allOf members that declare nothing (`{}`, `type: object`, `additionalProperties: false` alone) are
 *   left out of the intersection (D31).
 * - `unevaluatedProperties` (3.1, D31): on a plain object, like `additionalProperties` (which wins);
 *   beside a composition, `false` adds nothing and a schema is `IntersectionSchema.unevaluatedProperties`.
 * - `$ref` to `#/components/schemas/X` → a ref (never inlined: recursion stays named). `$defs` (and
 *   draft-4 `definitions`) of components are lifted into named schemas with key `X/$defs/Y`
 *   (identifier from `X` + `Y`), listed right after their owner; never properties. A `$ref` to any
 *   other place (`#/components/schemas/X/properties/y`, `#/paths/...`) is inlined, and lifted into a
 *   named schema keyed by its pointer only when inlining would recurse.
 * - A `$ref` with structural siblings (3.1) is `allOf: [{$ref}]` plus the siblings.
 * - Docs: 3.0 `example` is folded into `examples`; 3.0 boolean `exclusiveMinimum`/`exclusiveMaximum`
 *   become the 3.1 numeric form in `constraints`.
 */
import type { ModelContext } from './context.js';
import { isObject, type JsonObject } from '../json.js';
import { child, parsePointer, refToPointer } from '../pointer.js';
import type {
  ArraySchema,
  Discriminator,
  Docs,
  EnumSchema,
  IntersectionSchema,
  ObjectSchema,
  Pointer,
  Property,
  Schema,
  StringSchema,
  UnionSchema,
} from './types.js';

/** A schema that becomes a named declaration: a component, a lifted `$defs` entry, or a lifted ref target. */
export interface NamedSource {
  key: string;
  pointer: Pointer;
  raw: unknown;
  /** Text the identifier is derived from (`Invoice Money` for `Invoice/$defs/Money`). */
  nameHint: string;
  origin: 'component' | 'defs' | 'lifted';
}

const CONSTRAINT_KEYS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'contentEncoding',
] as const;

/** Keywords of an `allOf` wrapper that stay on the wrapper (docs, constraints, bookkeeping), not in the member built from its own keywords. */
const DOC_KEYS = new Set([
  ...CONSTRAINT_KEYS.filter((k) => !['minProperties', 'maxProperties', 'minItems', 'maxItems', 'uniqueItems'].includes(k)),
  'title',
  'description',
  'deprecated',
  'default',
  'example',
  'examples',
  'format',
  'externalDocs',
  'readOnly',
  'writeOnly',
  'nullable',
  'x-inferred',
  'x-note',
  '$comment',
  'xml',
  'discriminator',
  '$schema',
  '$id',
  '$anchor',
  '$defs',
  'definitions',
  'contentMediaType',
]);

const STRUCTURAL_KEYS = [
  'properties',
  'additionalProperties',
  'patternProperties',
  'items',
  'prefixItems',
  'oneOf',
  'anyOf',
  'allOf',
  'enum',
  'const',
  'unevaluatedProperties',
] as const;

/** Documentation keywords of a schema (or parameter/property) as IR {@link Docs}. */
export function docsOf(raw: JsonObject): Docs {
  const d: Docs = {};
  if (typeof raw.title === 'string') d.title = raw.title;
  if (typeof raw.summary === 'string') d.summary = raw.summary;
  if (typeof raw.description === 'string') d.description = raw.description;
  if (raw.deprecated === true) d.deprecated = true;
  if (raw['x-inferred'] === true) d.inferred = true;
  else if (Array.isArray(raw['x-inferred'])) {
    const keywords = raw['x-inferred'].filter((k): k is string => typeof k === 'string');
    if (keywords.length > 0) d.inferredKeywords = keywords;
  }
  if (typeof raw['x-note'] === 'string' && raw['x-note'].trim() !== '') d.note = raw['x-note'];
  if (Object.hasOwn(raw, 'default')) d.default = raw.default;
  const examples: unknown[] = [];
  if (Array.isArray(raw.examples)) examples.push(...raw.examples);
  if (Object.hasOwn(raw, 'example')) examples.push(raw.example);
  if (examples.length > 0) d.examples = examples;
  if (typeof raw.format === 'string') d.format = raw.format;
  // 3.0 boolean form: `minimum: 0, exclusiveMinimum: true` → `exclusiveMinimum: 0`; any other boolean flag states nothing.
  const values: JsonObject = { ...raw };
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof raw[flag] === 'boolean') values[flag] = undefined;
    if (raw[flag] === true && typeof raw[bound] === 'number') {
      values[flag] = raw[bound];
      values[bound] = undefined;
    }
  }
  // In the order of CONSTRAINT_KEYS, whatever the normalisation did.
  const constraints: Record<string, unknown> = {};
  for (const k of CONSTRAINT_KEYS) if (values[k] !== undefined) constraints[k] = values[k];
  if (Object.keys(constraints).length > 0) d.constraints = constraints;
  if (isObject(raw.externalDocs) && typeof raw.externalDocs.url === 'string') d.externalDocsUrl = raw.externalDocs.url;
  return d;
}

/** Copies the defined fields of `docs` onto `target` (later docs override earlier ones). */
export function applyDocs<T extends Docs>(target: T, docs: Docs): T {
  for (const [k, v] of Object.entries(docs)) {
    if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  }
  return target;
}

function hasStructure(raw: JsonObject): boolean {
  return STRUCTURAL_KEYS.some((k) => raw[k] !== undefined) || (Array.isArray(raw.required) && raw.required.length > 0);
}

function isPrimitive(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

type BaseType = NonNullable<EnumSchema['baseType']>;

/** A raw (sub)schema and where it is. */
export interface RawAt {
  raw: unknown;
  pointer: Pointer;
}

/** Options of {@link walkRawSchemas}. */
export interface RawWalkOptions {
  /**
   * Keywords whose subschemas are walked too, in this order: each member of an array value
   * (`allOf`), or an object value (`items`). Default: none (the walk follows `$ref`s only).
   */
  through?: readonly string[];
  /** Whether to follow a `$ref` to `target` (a pointer in our spelling). Default: every `$ref`. */
  follow?: (target: Pointer) => boolean;
  /**
   * A node whose `$ref` target the walk reached before: `'visit'` (default) visits it without
   * following the `$ref` again; `'skip'` leaves it out, with everything under it.
   */
  repeated?: 'visit' | 'skip';
}

/**
 * The one walk over raw schemas, from each of `roots` in order. A `$ref` leads to its target (the
 * value at that pointer, `undefined` when nothing is there), once per target in the walk. Order: a
 * node's `$ref` target first, with everything under it (as if it were the first `allOf` member), then
 * the node, then the members of its `through` keywords; so along a chain of `$ref`s the first node
 * visited is the chain's end. Non-objects (boolean schemas, missing targets) are visited too but lead
 * nowhere. Iterative: a long chain cannot exhaust the stack.
 *
 * @param visit gets each subschema with its pointer (a `$ref` target's is the target pointer);
 *   returning `true` stops the walk
 * @returns whether `visit` stopped the walk
 */
export function walkRawSchemas(
  ctx: ModelContext,
  roots: readonly RawAt[],
  visit: (raw: unknown, pointer: Pointer) => boolean | undefined,
  options: RawWalkOptions = {},
): boolean {
  const { through = [], follow, repeated = 'visit' } = options;
  const reached = new Set<Pointer>();
  // Tasks, last first: `enter` a node (follow its `$ref`, queue its members) or `visit` it.
  const tasks: Array<{ raw: unknown; pointer: Pointer; enter: boolean }> = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    const root = roots[i] as RawAt;
    tasks.push({ raw: root.raw, pointer: root.pointer, enter: true });
  }
  for (let task = tasks.pop(); task !== undefined; task = tasks.pop()) {
    const { raw, pointer } = task;
    if (!task.enter || !isObject(raw)) {
      if (visit(raw, pointer) === true) return true;
      continue;
    }
    let target: Pointer | undefined;
    if (typeof raw.$ref === 'string') {
      const to = refToPointer(raw.$ref);
      if (reached.has(to)) {
        if (repeated === 'skip') continue;
      } else if (follow === undefined || follow(to)) {
        reached.add(to);
        target = to;
      }
    }
    for (let k = through.length - 1; k >= 0; k--) {
      const keyword = through[k] as string;
      const value = raw[keyword];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) tasks.push({ raw: value[i], pointer: child(pointer, keyword, i), enter: true });
      } else if (isObject(value)) {
        tasks.push({ raw: value, pointer: child(pointer, keyword), enter: true });
      }
    }
    tasks.push({ raw, pointer, enter: false });
    if (target !== undefined) tasks.push({ raw: ctx.get(target), pointer: target, enter: true });
  }
  return false;
}

/** Walks `allOf` searches use: through `allOf` members; a repeated `$ref` is left out with its siblings. */
const ALL_OF: RawWalkOptions = { through: ['allOf'], repeated: 'skip' };

/** The end of the `$ref` chain from `start` (itself when it is no `$ref`), stopping where the chain comes back. */
function chainEnd(ctx: ModelContext, start: RawAt, follow?: (target: Pointer) => boolean): unknown {
  let end: unknown;
  const stop = (raw: unknown): boolean => {
    end = raw;
    return true;
  };
  walkRawSchemas(ctx, [start], stop, follow ? { follow } : {});
  return end;
}

/**
 * Converts schemas of one document. Holds the named-schema table (components, lifted `$defs` and
 * lifted recursive ref targets) in spec order.
 */
export class SchemaConverter {
  /** Named schemas by key, in spec order (components, each followed by its `$defs`), then lifted ones. */
  readonly named = new Map<string, NamedSource>();
  private readonly byPointer = new Map<Pointer, string>();
  private readonly inlining = new Set<Pointer>();
  private subtypeIndex: Map<string, string[]> | undefined;

  constructor(private readonly ctx: ModelContext) {
    const schemas = isObject(ctx.doc.components) ? ctx.doc.components.schemas : undefined;
    if (isObject(schemas)) {
      for (const [key, raw] of Object.entries(schemas)) {
        this.addNamed({ key, pointer: child('#/components/schemas', key), raw, nameHint: key, origin: 'component' });
        this.liftDefs(key, key, child('#/components/schemas', key), raw);
      }
    }
  }

  private addNamed(src: NamedSource): void {
    this.named.set(src.key, src);
    this.byPointer.set(src.pointer, src.key);
  }

  private liftDefs(ownerKey: string, ownerHint: string, ownerPointer: Pointer, raw: unknown): void {
    if (!isObject(raw)) return;
    for (const kw of ['$defs', 'definitions']) {
      const defs = raw[kw];
      if (!isObject(defs)) continue;
      for (const [name, def] of Object.entries(defs)) {
        const key = `${ownerKey}/${kw}/${name}`;
        const pointer = child(ownerPointer, kw, name);
        const hint = `${ownerHint} ${name}`;
        this.addNamed({ key, pointer, raw: def, nameHint: hint, origin: 'defs' });
        this.liftDefs(key, hint, pointer, def);
      }
    }
  }

  /** Converts every named schema (including ones lifted on the way), in table order. */
  convertAll(): Array<{ source: NamedSource; schema: Schema }> {
    const out: Array<{ source: NamedSource; schema: Schema }> = [];
    // Map iteration visits entries added during the loop, so lifted schemas are converted too.
    for (const source of this.named.values()) {
      out.push({ source, schema: this.convert(source.raw, source.pointer, source.key) });
    }
    return out;
  }

  /** Raw schema of a named key, following `$ref` aliases to other named schemas (`A: {$ref: B}`). */
  rawOf(key: string): JsonObject | undefined {
    const src = this.named.get(key);
    if (!src) return undefined;
    const end = chainEnd(this.ctx, { raw: src.raw, pointer: src.pointer }, (target) => this.byPointer.has(target));
    return isObject(end) ? end : undefined;
  }

  /**
   * Converts one schema at `pointer`. `topKey` is the named key when `raw` is a named schema's root
   * (used for allOf-polymorphism).
   */
  convert(raw: unknown, pointer: Pointer, topKey?: string): Schema {
    if (raw === true || raw === undefined) return { kind: 'unknown', nullable: false, pointer };
    if (raw === false) return { kind: 'never', nullable: false, pointer };
    if (!isObject(raw)) {
      this.ctx.report('warning', 'model/invalid-schema', 'schema is not an object or boolean; treated as unknown', pointer);
      return { kind: 'unknown', nullable: false, pointer };
    }
    const schema = this.core(raw, pointer, topKey);
    applyDocs(schema, docsOf(raw));
    if (raw.readOnly === true) schema.readOnly = true;
    if (raw.writeOnly === true) schema.writeOnly = true;
    return schema;
  }

  private nullableOf(raw: JsonObject): boolean {
    if (raw.nullable === true) return true;
    if (raw.type === 'null') return true;
    return Array.isArray(raw.type) && raw.type.includes('null');
  }

  private core(raw: JsonObject, pointer: Pointer, topKey?: string): Schema {
    if (typeof raw.$ref === 'string') {
      if (hasStructure(raw)) {
        const { $ref, ...rest } = raw;
        const members = Array.isArray(rest.allOf) ? [{ $ref }, ...rest.allOf] : [{ $ref }];
        return this.core({ ...rest, allOf: members }, pointer, topKey);
      }
      return this.ref(raw.$ref, pointer, this.nullableOf(raw));
    }
    if (raw.enum !== undefined || raw.const !== undefined) {
      const e = this.enumOf(raw, pointer);
      if (e) return e;
    }
    if (Array.isArray(raw.allOf)) return this.allOfOf(raw, pointer, topKey);
    if (Array.isArray(raw.oneOf) || Array.isArray(raw.anyOf)) return this.unionOf(raw, pointer);
    if (raw.not !== undefined && raw.type === undefined && !hasStructure(raw)) {
      const n = raw.not;
      const never = n === true || (isObject(n) && Object.keys(n).length === 0);
      return { kind: never ? 'never' : 'unknown', nullable: this.nullableOf(raw) && !never, pointer };
    }
    if (isObject(raw.discriminator) && topKey !== undefined) {
      // A polymorphic base (discriminator without oneOf/anyOf): an object with the subtype map.
      const s = this.typed(raw, pointer);
      if (s.kind === 'object') {
        const subtypes = this.descendantsOf(topKey).map((k) => this.refTo(k));
        const d = this.discriminatorOf(raw.discriminator, subtypes, child(pointer, 'discriminator'));
        if (d) s.discriminator = d;
      }
      return s;
    }
    return this.typed(raw, pointer);
  }

  /** Schema from `type` (single, list, or inferred), nullable applied. */
  private typed(raw: JsonObject, pointer: Pointer): Schema {
    const nullable = this.nullableOf(raw);
    let types: string[];
    if (typeof raw.type === 'string') types = [raw.type];
    else if (Array.isArray(raw.type)) types = raw.type.filter((t): t is string => typeof t === 'string');
    else types = this.inferTypes(raw);
    const nonNull = types.filter((t) => t !== 'null');
    if (nonNull.length === 0) {
      if (types.includes('null')) return { kind: 'null', nullable: false, pointer };
      return { kind: 'unknown', nullable, pointer };
    }
    if (nonNull.length === 1) {
      const s = this.single(raw, nonNull[0] as string, pointer);
      s.nullable = nullable;
      return s;
    }
    return { kind: 'union', keyword: 'type-array', variants: nonNull.map((t) => this.single(raw, t, pointer)), nullable, pointer };
  }

  private inferTypes(raw: JsonObject): string[] {
    if (
      raw.properties !== undefined ||
      raw.additionalProperties !== undefined ||
      raw.patternProperties !== undefined ||
      raw.unevaluatedProperties !== undefined ||
      (Array.isArray(raw.required) && raw.required.length > 0)
    ) {
      return ['object'];
    }
    if (raw.items !== undefined || raw.prefixItems !== undefined) return ['array'];
    if (
      raw.format === 'binary' ||
      raw.contentMediaType !== undefined ||
      raw.pattern !== undefined ||
      raw.minLength !== undefined ||
      raw.maxLength !== undefined
    ) {
      return ['string'];
    }
    if (raw.minimum !== undefined || raw.maximum !== undefined || raw.multipleOf !== undefined) return ['number'];
    return [];
  }

  /** One concrete type other than `null` ({@link typed} makes that), without docs (those are added by `convert`). */
  private single(raw: JsonObject, type: string, pointer: Pointer): Schema {
    switch (type) {
      case 'string': {
        const s: StringSchema = { kind: 'string', nullable: false, pointer };
        const cmt = typeof raw.contentMediaType === 'string' ? raw.contentMediaType : undefined;
        if (cmt !== undefined) s.contentMediaType = cmt;
        if (raw.format === 'binary' || (cmt !== undefined && raw.contentEncoding === undefined)) s.binary = true;
        return s;
      }
      case 'number':
      case 'integer':
      case 'boolean':
        return { kind: type, nullable: false, pointer };
      case 'object':
        return this.objectOf(raw, pointer);
      case 'array':
        return this.arrayOf(raw, pointer);
      default:
        this.ctx.report('warning', 'model/unknown-type', `unknown type "${type}"; treated as unknown`, pointer);
        return { kind: 'unknown', nullable: false, pointer };
    }
  }

  private objectOf(raw: JsonObject, pointer: Pointer): ObjectSchema {
    const required = new Set(Array.isArray(raw.required) ? raw.required.filter((r) => typeof r === 'string') : []);
    const properties: Property[] = [];
    if (isObject(raw.properties)) {
      for (const [name, propRaw] of Object.entries(raw.properties)) {
        properties.push(this.property(name, propRaw, child(pointer, 'properties', name), required.has(name)));
      }
    }
    const o: ObjectSchema = { kind: 'object', properties, nullable: false, pointer };
    const declared = new Set(properties.map((p) => p.name));
    const requiredOnly = [...required].filter((r) => !declared.has(r));
    if (requiredOnly.length > 0) o.requiredOnly = requiredOnly;
    // 3.1 `unevaluatedProperties` on a plain object (no composition) sees the same keys as
    // `additionalProperties`; the latter wins when both are given (it evaluates every other key).
    const ap = raw.additionalProperties !== undefined ? raw.additionalProperties : raw.unevaluatedProperties;
    if (ap === false) o.additionalProperties = false;
    else if (ap === true) o.additionalProperties = { kind: 'unknown', nullable: false, pointer: child(pointer, 'additionalProperties') };
    else if (ap !== undefined) o.additionalProperties = this.convert(ap, child(pointer, 'additionalProperties'));
    if (isObject(raw.patternProperties)) {
      o.patternProperties = Object.entries(raw.patternProperties).map(([pattern, s]) => ({
        pattern,
        schema: this.convert(s, child(pointer, 'patternProperties', pattern)),
      }));
    }
    if (typeof raw.minProperties === 'number') o.minProperties = raw.minProperties;
    if (typeof raw.maxProperties === 'number') o.maxProperties = raw.maxProperties;
    return o;
  }

  /** One property: schema, required flag, readOnly/writeOnly (also from a referenced schema's root), docs. */
  property(name: string, propRaw: unknown, pointer: Pointer, required: boolean): Property {
    const schema = this.convert(propRaw, pointer);
    const p: Property = { name, schema, required };
    if (isObject(propRaw)) applyDocs(p, docsOf(propRaw));
    const flags = this.accessFlags(propRaw, pointer);
    if (flags.readOnly) p.readOnly = true;
    if (flags.writeOnly) p.writeOnly = true;
    return p;
  }

  /**
   * readOnly/writeOnly of the first schema along the `$ref` chain from `raw` (itself first) that
   * states either.
   */
  private accessFlags(raw: unknown, pointer: Pointer): { readOnly: boolean; writeOnly: boolean } {
    let flags = { readOnly: false, writeOnly: false };
    // The chain is visited from its end back to `raw`: the last schema stating a flag is the first.
    walkRawSchemas(this.ctx, [{ raw, pointer }], (r) => {
      if (isObject(r) && (r.readOnly === true || r.writeOnly === true)) flags = { readOnly: r.readOnly === true, writeOnly: r.writeOnly === true };
      return undefined;
    });
    return flags;
  }

  private arrayOf(raw: JsonObject, pointer: Pointer): ArraySchema {
    const a: ArraySchema = { kind: 'array', nullable: false, pointer };
    let prefix: Schema[] | undefined;
    let rest: unknown;
    let restPointer: Pointer;
    if (Array.isArray(raw.prefixItems)) {
      prefix = raw.prefixItems.map((s, i) => this.convert(s, child(pointer, 'prefixItems', i)));
      rest = raw.items;
      restPointer = child(pointer, 'items');
    } else if (Array.isArray(raw.items)) {
      prefix = raw.items.map((s, i) => this.convert(s, child(pointer, 'items', i)));
      rest = raw.additionalItems;
      restPointer = child(pointer, 'additionalItems');
    } else {
      rest = raw.items;
      restPointer = child(pointer, 'items');
    }
    if (typeof raw.minItems === 'number') a.minItems = raw.minItems;
    if (typeof raw.maxItems === 'number') a.maxItems = raw.maxItems;
    if (raw.uniqueItems === true) a.uniqueItems = true;
    if (prefix) {
      a.prefixItems = prefix;
      const closedByMax = typeof raw.maxItems === 'number' && raw.maxItems <= prefix.length;
      if (rest === false || (rest === undefined && closedByMax)) return a;
      a.items = this.convert(rest, restPointer);
      return a;
    }
    a.items = rest === false ? { kind: 'never', nullable: false, pointer: restPointer } : this.convert(rest, restPointer);
    return a;
  }

  /**
   * A parameter's (or header's) schema as it travels: text. `format: binary` (or a `contentMediaType`)
   * has no meaning in a query string, a path, a header or a cookie, so every binary string in the
   * schema (inline, through arrays, objects, unions and intersections, and a reference to a named
   * binary string) is a plain string. Mutates the freshly converted `schema` and returns it (a
   * reference is returned replaced).
   */
  asWireText(schema: Schema): Schema {
    switch (schema.kind) {
      case 'string':
        delete schema.binary;
        return schema;
      case 'ref': {
        const raw = this.rawOf(schema.target);
        if (raw === undefined || !this.isBinaryString(raw)) return schema;
        const s: StringSchema = { kind: 'string', nullable: schema.nullable, pointer: schema.pointer };
        return applyDocs(s, docsOf(raw));
      }
      case 'array':
        if (schema.items !== undefined) schema.items = this.asWireText(schema.items);
        if (schema.prefixItems !== undefined) schema.prefixItems = schema.prefixItems.map((s) => this.asWireText(s));
        return schema;
      case 'object':
        for (const p of schema.properties) p.schema = this.asWireText(p.schema);
        if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
          schema.additionalProperties = this.asWireText(schema.additionalProperties);
        }
        for (const p of schema.patternProperties ?? []) p.schema = this.asWireText(p.schema);
        return schema;
      case 'union':
        schema.variants = schema.variants.map((v) => this.asWireText(v));
        return schema;
      case 'intersection':
        schema.members = schema.members.map((m) => this.asWireText(m));
        return schema;
      default:
        return schema;
    }
  }

  /** A raw schema that {@link single} makes a binary string. */
  private isBinaryString(raw: JsonObject): boolean {
    if (raw.enum !== undefined || raw.const !== undefined || hasStructure(raw)) return false;
    const types = typeof raw.type === 'string' ? [raw.type] : Array.isArray(raw.type) ? raw.type : this.inferTypes(raw);
    const nonNull = types.filter((t) => t !== 'null');
    if (nonNull.length !== 1 || nonNull[0] !== 'string') return false;
    return raw.format === 'binary' || (typeof raw.contentMediaType === 'string' && raw.contentEncoding === undefined);
  }

  // ---------------------------------------------------------------- refs

  /** Named key a `$ref` targets, lifting `$defs`; undefined when it is not a named schema. */
  namedTarget(ref: string): string | undefined {
    const pointer = refToPointer(ref);
    return this.byPointer.get(pointer);
  }

  private ref(ref: string, pointer: Pointer, nullable: boolean): Schema {
    const target = this.namedTarget(ref);
    if (target !== undefined) return { kind: 'ref', target, nullable, pointer };
    const raw = this.ctx.refTarget(ref, pointer);
    if (raw === undefined) return { kind: 'unknown', nullable, pointer };
    const at = refToPointer(ref);
    if (this.inlining.has(at)) {
      // Inlining would recurse: lift the target into a named schema keyed by its pointer.
      const key = at.slice(1);
      this.addNamed({ key, pointer: at, raw, nameHint: liftedHint(at), origin: 'lifted' });
      return { kind: 'ref', target: key, nullable, pointer };
    }
    this.inlining.add(at);
    try {
      const s = this.convert(raw, at);
      if (nullable) s.nullable = true;
      return s;
    } finally {
      this.inlining.delete(at);
    }
  }

  // ---------------------------------------------------------------- enum / const

  private enumOf(raw: JsonObject, pointer: Pointer): Schema | undefined {
    const isConst = raw.enum === undefined;
    const list: unknown[] = isConst ? [raw.const] : Array.isArray(raw.enum) ? raw.enum : [];
    if (!isConst && !Array.isArray(raw.enum)) {
      this.ctx.report('warning', 'model/invalid-enum', '`enum` is not an array; ignored', child(pointer, 'enum'));
      return undefined;
    }
    if (list.some((v) => v !== null && !isPrimitive(v))) {
      this.ctx.report(
        'warning',
        'model/enum-non-primitive',
        'enum/const with object or array values cannot be a literal union; the enum is ignored',
        child(pointer, isConst ? 'const' : 'enum'),
      );
      const { enum: _e, const: _c, ...rest } = raw;
      return this.core(rest, pointer);
    }
    const hasNull = list.includes(null);
    const typeAllowsNull = this.nullableOf(raw);
    if (typeAllowsNull && !hasNull) {
      this.ctx.report(
        'info',
        'model/enum-null-not-listed',
        'the type allows null but the enum does not list it: null is not accepted (the enum is authoritative)',
        pointer,
      );
    }
    const nonNull = list.filter((v) => v !== null) as Array<string | number | boolean>;
    if (nonNull.length === 0) return { kind: hasNull ? 'null' : 'never', nullable: false, pointer };
    // De-duplicate (first wins) while tracking source indexes for the x-enum-* alignment.
    const values: Array<string | number | boolean> = [];
    const indexes: number[] = [];
    list.forEach((v, i) => {
      if (v === null) return;
      if (values.some((w) => sameValue(w, v))) {
        this.ctx.report('warning', 'model/enum-duplicate', `enum value ${JSON.stringify(v)} is listed twice`, child(pointer, 'enum', i));
        return;
      }
      values.push(v as string | number | boolean);
      indexes.push(i);
    });
    const e: EnumSchema = { kind: 'enum', values, nullable: hasNull, pointer };
    const base = this.baseTypeOf(raw);
    if (base) e.baseType = base;
    const names = this.alignedExtension(raw, ['x-enum-varnames', 'x-enumNames'], list, nonNull.length, indexes, pointer);
    if (names) e.varNames = names;
    const descs =
      this.descriptionsByValue(raw, list, indexes, pointer) ??
      this.alignedExtension(raw, ['x-enum-descriptions', 'x-enumDescriptions'], list, nonNull.length, indexes, pointer);
    if (descs) e.valueDescriptions = descs;
    return e;
  }

  private baseTypeOf(raw: JsonObject): BaseType | undefined {
    const types = typeof raw.type === 'string' ? [raw.type] : Array.isArray(raw.type) ? raw.type : [];
    const nonNull = types.filter((t) => t !== 'null');
    const t = nonNull.length === 1 ? nonNull[0] : undefined;
    return t === 'string' || t === 'number' || t === 'integer' || t === 'boolean' ? t : undefined;
  }

  /**
   * `x-enum-descriptions`/`x-enumDescriptions` given as a map from value to description (Redocly's and Scalar's form:
   * `{ gas_giant: Large planets … }`), index-aligned with the de-duplicated values (`''` for a value the map leaves
   * out). Keys that are no value of the enum are reported and ignored. `undefined` when neither key holds a map.
   */
  private descriptionsByValue(raw: JsonObject, list: unknown[], indexes: number[], pointer: Pointer): string[] | undefined {
    const key = ['x-enum-descriptions', 'x-enumDescriptions'].find((k) => raw[k] !== undefined);
    const map = key === undefined ? undefined : raw[key];
    if (key === undefined || !isObject(map) || Object.values(map).some((d) => typeof d !== 'string')) return undefined;
    const texts = new Set(list.filter((v) => v !== null).map(String));
    const unknown = Object.keys(map).filter((k) => !texts.has(k));
    if (unknown.length > 0) {
      const names = unknown.map((k) => JSON.stringify(k)).join(', ');
      this.ctx.report('warning', 'model/enum-extension', `${key} describes ${names}, which the enum does not list; ignored`, child(pointer, key));
    }
    return indexes.map((i) => {
      const description = map[String(list[i])];
      return typeof description === 'string' ? description : '';
    });
  }

  private alignedExtension(raw: JsonObject, keys: string[], list: unknown[], nonNullCount: number, indexes: number[], pointer: Pointer): string[] | undefined {
    for (const key of keys) {
      const ext = raw[key];
      if (ext === undefined) continue;
      if (!Array.isArray(ext) || ext.some((n) => typeof n !== 'string')) {
        const map = /descriptions/i.test(key) ? ' or a map from value to string' : '';
        this.ctx.report('warning', 'model/enum-extension', `${key} must be an array of strings${map}; ignored`, child(pointer, key));
        return undefined;
      }
      let byIndex: string[];
      if (ext.length === list.length) {
        byIndex = ext as string[];
      } else if (ext.length === nonNullCount) {
        // Aligned with the non-null members: re-index onto the full list.
        byIndex = [];
        let j = 0;
        list.forEach((v, i) => {
          byIndex[i] = v === null ? '' : (ext[j++] as string);
        });
      } else {
        this.ctx.report(
          'warning',
          'model/enum-extension-length',
          `${key} has ${ext.length} entries but the enum has ${list.length}; ignored`,
          child(pointer, key),
        );
        return undefined;
      }
      return indexes.map((i) => byIndex[i] ?? '');
    }
    return undefined;
  }

  // ---------------------------------------------------------------- allOf

  private allOfOf(raw: JsonObject, pointer: Pointer, topKey?: string): Schema {
    const memberRaws = (raw.allOf as unknown[]).map((m, i) => ({ raw: m, pointer: child(pointer, 'allOf', i) }));
    const nullable = this.nullableOf(raw);
    const { allOf: _a, ...wrapper } = raw;
    const wrapperHasStructure = hasStructure(wrapper);
    const pin = topKey !== undefined ? this.subtypePin(topKey, memberRaws, pointer) : undefined;

    const only = memberRaws[0];
    if (memberRaws.length === 1 && only && !wrapperHasStructure && !pin) {
      const s = this.convert(this.typedBySibling(raw, only.raw), only.pointer);
      if (nullable) s.nullable = true;
      return s;
    }

    const members: Schema[] = memberRaws.map((m) => this.convert(this.typedBySibling(raw, m.raw), m.pointer));
    if (wrapperHasStructure) {
      const own: JsonObject = {};
      for (const [k, v] of Object.entries(wrapper)) if (!DOC_KEYS.has(k) && k !== 'unevaluatedProperties') own[k] = v;
      if ((own.oneOf !== undefined || own.anyOf !== undefined) && wrapper.discriminator !== undefined) own.discriminator = wrapper.discriminator;
      delete own.type;
      if (hasStructure(own)) members.push(this.convert({ ...own, type: this.inferTypes(own)[0] }, pointer));
    }
    if (pin) members.push(pin);

    this.honourRequired(raw, memberRaws, members, pointer);
    // Required-only members of a union among the allOf members re-declare names the others declare.
    for (const m of members) if (m.kind !== 'object') this.redeclareRequired(m, [...memberRaws, { raw: wrapper, pointer }]);
    const flat: Schema[] = [];
    for (const m of members) {
      if (m.kind === 'intersection' && !m.nullable && Object.keys(m).every((k) => ['kind', 'members', 'nullable', 'pointer'].includes(k))) {
        flat.push(...m.members);
      } else {
        flat.push(m);
      }
    }
    // A member that declares nothing (`{}`, `type: object`, `additionalProperties: false` alone) adds no
    // constraint a type can state: left out, so that `Record<string, never>` never erases the others' properties.
    const kept = flat.filter((m) => !vacuousObject(m));
    const s: IntersectionSchema = { kind: 'intersection', members: kept.length > 0 ? kept : flat, nullable, pointer };
    const up = this.unevaluated(raw, pointer);
    if (up !== undefined) s.unevaluatedProperties = up;
    return s;
  }

  /** `unevaluatedProperties` beside a composition, when it is a schema that constrains something. */
  private unevaluated(raw: JsonObject, pointer: Pointer): Schema | undefined {
    const up = raw.unevaluatedProperties;
    if (up === undefined || up === false || up === true) return undefined;
    const s = this.convert(up, child(pointer, 'unevaluatedProperties'));
    return s.kind === 'unknown' && !s.nullable ? undefined : s;
  }

  /**
   * A member of a composition (`oneOf`/`anyOf`/`allOf`) with the wrapper's scalar `type` when it
   * states no type of its own and none can be inferred: `type: string, oneOf: [{description: a}, …]`
   * is a string whatever the member, since the sibling `type` constrains every member. Members with a
   * `$ref`, an `enum`/`const` or a type are left as they are; object and array types are not copied
   * (a member without structure adds nothing to them, and is left out of the intersection as `unknown`).
   */
  private typedBySibling(parent: JsonObject, member: unknown): unknown {
    if (!isObject(member) || member.type !== undefined || member.$ref !== undefined) return member;
    if (member.enum !== undefined || member.const !== undefined || this.inferTypes(member).length > 0) return member;
    const parentTypes = typeof parent.type === 'string' ? [parent.type] : Array.isArray(parent.type) ? parent.type : [];
    const scalar = parentTypes.filter((t): t is string => typeof t === 'string' && t !== 'null');
    if (scalar.length === 0 || !scalar.every((t) => t === 'string' || t === 'number' || t === 'integer' || t === 'boolean')) return member;
    return { ...member, type: scalar.length === 1 ? scalar[0] : scalar };
  }

  /**
   * A member of a union that lists `required` names without declaring them (`oneOf: [{required: [id]},
   * {required: [owner]}]` beside `properties`) re-declares each name found in `scope` (the union's
   * sibling keywords, or the other members of the allOf the union is in: properties, `$ref`s and
   * nested allOf, as for case-07) as a required property with the original schema and pointer:
   * `({ id: number } | { owner: string })`, never `{ id: unknown }`. Walks inline objects through
   * unions and intersections, never through references.
   */
  private redeclareRequired(schema: Schema, scope: readonly RawAt[]): void {
    if (schema.kind === 'union') {
      for (const v of schema.variants) this.redeclareRequired(v, scope);
    } else if (schema.kind === 'intersection') {
      for (const m of schema.members) this.redeclareRequired(m, scope);
    } else if (schema.kind === 'object' && schema.requiredOnly !== undefined) {
      const still: string[] = [];
      for (const name of schema.requiredOnly) {
        const found = this.findProperty(name, scope);
        if (found === undefined) still.push(name);
        else schema.properties.push(this.property(name, found.raw, found.pointer, true));
      }
      if (still.length > 0) schema.requiredOnly = still;
      else delete schema.requiredOnly;
    }
  }

  /** Every name required anywhere in an allOf (wrapper, inline and referenced members, transitively). */
  private requiredNames(raw: unknown, pointer: Pointer): string[] {
    const out: string[] = [];
    walkRawSchemas(
      this.ctx,
      [{ raw, pointer }],
      (r) => {
        if (isObject(r) && Array.isArray(r.required)) for (const n of r.required) if (typeof n === 'string' && !out.includes(n)) out.push(n);
        return undefined;
      },
      ALL_OF,
    );
    return out;
  }

  /**
   * Finds where `name` is declared as a property among allOf members (inline ones first by
   * position, following refs and nested allOf). Returns its raw schema, pointer and whether that
   * declaration already makes it required.
   */
  private findProperty(name: string, memberRaws: readonly RawAt[]): { raw: unknown; pointer: Pointer; required: boolean } | undefined {
    let found: { raw: unknown; pointer: Pointer; required: boolean } | undefined;
    walkRawSchemas(
      this.ctx,
      memberRaws,
      (r, at) => {
        if (!isObject(r) || !isObject(r.properties) || !Object.hasOwn(r.properties, name)) return false;
        found = { raw: r.properties[name], pointer: child(at, 'properties', name), required: Array.isArray(r.required) && r.required.includes(name) };
        return true;
      },
      ALL_OF,
    );
    return found;
  }

  /** Case-07: applies every `required` of the allOf to the members (see the policy at the top). */
  private honourRequired(raw: JsonObject, memberRaws: Array<{ raw: unknown; pointer: Pointer }>, members: Schema[], pointer: Pointer): void {
    const required = this.requiredNames(raw, pointer);
    if (required.length === 0) return;
    const inlineObjects = members.filter((m): m is ObjectSchema => m.kind === 'object');
    // 1. Inline declarations become required.
    for (const o of inlineObjects) for (const p of o.properties) if (required.includes(p.name)) p.required = true;
    const declaredInline = new Set(inlineObjects.flatMap((o) => o.properties.map((p) => p.name)));
    // 2. requiredOnly names: drop when declared inline or required where declared; else re-declare.
    let hostForWrapper: ObjectSchema | undefined;
    const handled = new Set<string>();
    for (const o of inlineObjects) {
      if (!o.requiredOnly) continue;
      const still: string[] = [];
      for (const name of o.requiredOnly) {
        handled.add(name);
        if (declaredInline.has(name)) continue;
        const found = this.findProperty(name, memberRaws);
        if (!found) {
          still.push(name);
          continue;
        }
        if (found.required) continue;
        o.properties.push(this.property(name, found.raw, found.pointer, true));
        declaredInline.add(name);
      }
      if (still.length > 0) o.requiredOnly = still;
      else delete o.requiredOnly;
      hostForWrapper ??= o;
    }
    // 3. Names required by a referenced member but declared optional in another referenced member.
    for (const name of required) {
      if (handled.has(name) || declaredInline.has(name)) continue;
      const found = this.findProperty(name, memberRaws);
      if (!found || found.required) continue;
      if (!hostForWrapper) {
        hostForWrapper = { kind: 'object', properties: [], nullable: false, pointer };
        members.push(hostForWrapper);
      }
      hostForWrapper.properties.push(this.property(name, found.raw, found.pointer, true));
      declaredInline.add(name);
    }
  }

  /** Raw subtypes of each base: components whose allOf directly references the base, in spec order. */
  private subtypesOf(baseKey: string): string[] {
    if (!this.subtypeIndex) {
      this.subtypeIndex = new Map();
      for (const src of this.named.values()) {
        if (!isObject(src.raw) || !Array.isArray(src.raw.allOf)) continue;
        for (const m of src.raw.allOf) {
          if (!isObject(m) || typeof m.$ref !== 'string') continue;
          const base = this.namedTarget(m.$ref);
          if (base === undefined || base === src.key) continue;
          const list = this.subtypeIndex.get(base) ?? [];
          if (!list.includes(src.key)) list.push(src.key);
          this.subtypeIndex.set(base, list);
        }
      }
    }
    return this.subtypeIndex.get(baseKey) ?? [];
  }

  /** Every descendant of `key` through allOf references (children first, then theirs), in spec order. */
  private descendantsOf(key: string): string[] {
    const out: string[] = [];
    const queue = [key];
    for (let k = queue.shift(); k !== undefined; k = queue.shift()) {
      for (const sub of this.subtypesOf(k)) {
        if (sub === key || out.includes(sub)) continue;
        out.push(sub);
        queue.push(sub);
      }
    }
    return out;
  }

  /**
   * The nearest polymorphic base above a schema: the first schema with a discriminator and no
   * oneOf/anyOf reached through the allOf `$ref` members (depth first, in order), the schema's own
   * members first; with its discriminator and the member of the schema it is reached through.
   */
  private polymorphicBase(key: string, memberRaws: readonly RawAt[]): { baseKey: string; discriminator: JsonObject; member: RawAt } | undefined {
    const seen = new Set<string>([key]);
    const search = (raw: unknown): { baseKey: string; discriminator: JsonObject } | undefined => {
      if (!isObject(raw) || typeof raw.$ref !== 'string') return undefined;
      const parentKey = this.namedTarget(raw.$ref);
      if (parentKey === undefined || seen.has(parentKey)) return undefined;
      seen.add(parentKey);
      const parent = this.rawOf(parentKey);
      if (!parent) return undefined;
      const discriminator = parent.discriminator;
      if (isObject(discriminator) && parent.oneOf === undefined && parent.anyOf === undefined) return { baseKey: parentKey, discriminator };
      for (const m of Array.isArray(parent.allOf) ? parent.allOf : []) {
        const found = search(m);
        if (found) return found;
      }
      return undefined;
    };
    for (const member of memberRaws) {
      const found = search(member.raw);
      if (found) return { ...found, member };
    }
    return undefined;
  }

  /** The discriminator values of one schema under a base: its explicit mapping keys, else its name. */
  private mappingValuesOf(discriminator: JsonObject, key: string): string[] {
    const values: string[] = [];
    if (isObject(discriminator.mapping)) {
      for (const [value, target] of Object.entries(discriminator.mapping)) {
        if (typeof target === 'string' && this.mappingTarget(target) === key) values.push(value);
      }
    }
    if (values.length === 0) values.push(key);
    return values;
  }

  /**
   * For a subtype of a polymorphic base, at any depth (a child, a grandchild, …): an object member
   * pinning the discriminator property to its own values and those of its own descendants, since a
   * value of the subtype's type may be any of them (`Dog = Pet & … & { petType: 'dog' | 'puppy' }`,
   * `Puppy = Dog & … & { petType: 'puppy' }`: a grandchild's value is its own mapping key, never its
   * parent's).
   */
  private subtypePin(key: string, memberRaws: readonly RawAt[], pointer: Pointer): ObjectSchema | undefined {
    const found = this.polymorphicBase(key, memberRaws);
    if (!found) return undefined;
    const { baseKey, discriminator, member } = found;
    const prop = discriminator.propertyName;
    if (typeof prop !== 'string') return undefined;
    // The subtype pins the property itself (enum/const): nothing to add.
    const ownPins = this.pinnedIn(
      memberRaws.filter((r) => r.raw !== member.raw),
      prop,
    );
    if (ownPins.length > 0) return undefined;
    const discPointer = child(this.named.get(baseKey)?.pointer ?? '#', 'discriminator');
    const values: string[] = [];
    for (const k of [key, ...this.descendantsOf(key)]) {
      for (const v of this.mappingValuesOf(discriminator, k)) if (!values.includes(v)) values.push(v);
    }
    const e: EnumSchema = { kind: 'enum', values, baseType: 'string', nullable: false, pointer: discPointer };
    return {
      kind: 'object',
      properties: [{ name: prop, schema: e, required: true }],
      nullable: false,
      pointer,
    };
  }

  // ---------------------------------------------------------------- oneOf / anyOf

  private unionOf(raw: JsonObject, pointer: Pointer): Schema {
    const keyword = Array.isArray(raw.oneOf) ? 'oneOf' : 'anyOf';
    const list = raw[keyword] as unknown[];
    let nullable = this.nullableOf(raw);
    const variants: Schema[] = [];
    list.forEach((m, i) => {
      const s = this.convert(this.typedBySibling(raw, m), child(pointer, keyword, i));
      if (s.kind === 'null') nullable = true;
      else variants.push(s);
    });
    // Members that only list `required` names re-declare them with the siblings' schemas.
    const { oneOf: _o, anyOf: _n, discriminator: _d, ...siblings } = raw;
    for (const v of variants) this.redeclareRequired(v, [{ raw: siblings, pointer }]);
    let union: Schema;
    const d = isObject(raw.discriminator) ? raw.discriminator : undefined;
    const first = variants[0];
    if (variants.length === 1 && first && !d) {
      union = first;
      if (nullable) union.nullable = true;
    } else if (variants.length === 0) {
      union = nullable ? { kind: 'null', nullable: false, pointer } : { kind: 'never', nullable: false, pointer };
    } else {
      const u: UnionSchema = { kind: 'union', keyword, variants, nullable, pointer };
      if (d) {
        const members = list.map((raw, i) => ({ raw, pointer: child(pointer, keyword, i) }));
        const disc = this.discriminatorOf(d, members, child(pointer, 'discriminator'));
        if (disc) u.discriminator = disc;
      }
      union = u;
    }
    // Sibling structure (`properties` next to `oneOf`, or the other of oneOf/anyOf): intersect.
    if (keyword === 'oneOf' && Array.isArray(raw.anyOf)) {
      const other = this.convert({ anyOf: raw.anyOf }, pointer);
      return { kind: 'intersection', members: [union, other], nullable: false, pointer };
    }
    const up = this.unevaluated(raw, pointer);
    const { unevaluatedProperties: _up, ...restOwn } = siblings;
    if (hasStructure(restOwn)) {
      const { nullable: _nl, ...own } = restOwn;
      const objectPart = this.typed(own, pointer);
      const i: IntersectionSchema = { kind: 'intersection', members: [objectPart, union], nullable: false, pointer };
      if (up !== undefined) i.unevaluatedProperties = up;
      return i;
    }
    if (up !== undefined) return { kind: 'intersection', members: [union], nullable: false, pointer, unevaluatedProperties: up };
    return union;
  }

  /** Named key of a discriminator mapping value: `#/components/schemas/X`, another local ref, or a bare name. */
  private mappingTarget(value: string): string | undefined {
    if (value.startsWith('#')) return this.namedTarget(value);
    if (this.named.has(value)) return value;
    return undefined;
  }

  /**
   * Enum/const values a schema pins for `prop`, searching own properties, refs and allOf members
   * (a property that is a `$ref` pins what the end of its chain pins).
   */
  private pinnedIn(raws: readonly RawAt[], prop: string): string[] {
    let pinned: string[] = [];
    walkRawSchemas(
      this.ctx,
      raws,
      (r, at) => {
        if (!isObject(r) || !isObject(r.properties) || !Object.hasOwn(r.properties, prop)) return false;
        const p = chainEnd(this.ctx, { raw: r.properties[prop], pointer: child(at, 'properties', prop) });
        if (!isObject(p)) return false;
        const values = Array.isArray(p.enum) ? p.enum : p.const !== undefined ? [p.const] : [];
        pinned = values.filter(isPrimitive).map(String);
        return pinned.length > 0;
      },
      ALL_OF,
    );
    return pinned;
  }

  /** A `$ref` to a named schema, as a walk root: `{ $ref: <its pointer> }` at that pointer. */
  private refTo(key: string): RawAt {
    const pointer = this.named.get(key)?.pointer ?? '';
    return { raw: { $ref: pointer }, pointer };
  }

  /**
   * Whether a schema can never be an object (its `type`, or the type its keywords imply, is another
   * one; an `enum`/`const` of scalars; an `allOf` with such a member; a `oneOf`/`anyOf` of such members),
   * following `$ref`s. A schema that may be an object (no type at all included) is not.
   */
  private notAnObject(start: RawAt, seen: Set<unknown> = new Set()): boolean {
    const raw = chainEnd(this.ctx, start);
    if (!isObject(raw) || seen.has(raw)) return false;
    seen.add(raw);
    try {
      const types = typeof raw.type === 'string' ? [raw.type] : Array.isArray(raw.type) ? raw.type : [];
      if (types.length > 0) return !types.includes('object');
      const values = raw.enum !== undefined ? raw.enum : raw.const !== undefined ? [raw.const] : undefined;
      if (Array.isArray(values)) return values.every((v) => !isObject(v));
      const members = (keyword: string): RawAt[] =>
        Array.isArray(raw[keyword]) ? (raw[keyword] as unknown[]).map((m, i) => ({ raw: m, pointer: child(start.pointer, keyword, i) })) : [];
      if (members('allOf').some((m) => this.notAnObject(m, seen))) return true;
      for (const keyword of ['oneOf', 'anyOf']) {
        const list = members(keyword);
        if (list.length > 0) return list.every((m) => this.notAnObject(m, seen));
      }
      const inferred = this.inferTypes(raw);
      return inferred.length > 0 && !inferred.includes('object');
    } finally {
      seen.delete(raw);
    }
  }

  /** The note for a discriminator mapping entry whose target is not an object: it is left unpinned. */
  private notPinned(value: string, key: string, propertyName: string, pointer: Pointer): void {
    this.ctx.report(
      'info',
      'model/discriminator-non-object',
      `discriminator value "${value}" maps to ${key}, which is not an object type and cannot have the property ${propertyName}: the member is left unpinned`,
      pointer,
    );
  }

  private discriminatorOf(d: JsonObject, memberRaws: readonly RawAt[], pointer: Pointer): Discriminator | undefined {
    const propertyName = d.propertyName;
    if (typeof propertyName !== 'string') {
      this.ctx.report('warning', 'model/discriminator', 'discriminator without propertyName; ignored', pointer);
      return undefined;
    }
    const mapping: Discriminator['mapping'] = [];
    const explicitTargets = new Set<string>();
    if (isObject(d.mapping)) {
      for (const [value, target] of Object.entries(d.mapping)) {
        const at = child(pointer, 'mapping', value);
        const key = typeof target === 'string' ? this.mappingTarget(target) : undefined;
        if (key === undefined) {
          this.ctx.report('warning', 'model/discriminator-mapping', `mapping target ${JSON.stringify(target)} is not a named schema; entry ignored`, at);
          continue;
        }
        explicitTargets.add(key);
        if (this.notAnObject(this.refTo(key))) {
          this.notPinned(value, key, propertyName, at);
          continue;
        }
        const pinned = this.pinnedIn([this.refTo(key)], propertyName);
        if (pinned.length > 0 && !pinned.includes(value)) {
          this.ctx.report(
            'warning',
            'model/discriminator-mismatch',
            `mapping value "${value}" → ${key}, but ${key} pins ${propertyName} to ${pinned.map((p) => `"${p}"`).join(', ')}`,
            at,
          );
        }
        mapping.push({ value, target: key, implicit: false });
      }
    }
    for (const m of memberRaws) {
      if (!isObject(m.raw) || typeof m.raw.$ref !== 'string') continue;
      const key = this.namedTarget(m.raw.$ref);
      if (key === undefined || explicitTargets.has(key)) continue;
      if (mapping.some((e) => e.target === key)) continue;
      if (this.notAnObject(m)) {
        this.notPinned(key, key, propertyName, m.pointer);
        continue;
      }
      const pinned = this.pinnedIn([m], propertyName);
      if (pinned.length > 0) {
        if (!pinned.includes(key)) {
          this.ctx.report(
            'warning',
            'model/discriminator-mismatch',
            `implicit discriminator value would be the schema name "${key}", but ${key} pins ${propertyName} to ${pinned.map((p) => `"${p}"`).join(', ')}; using the pinned value`,
            pointer,
          );
        }
        for (const value of pinned) mapping.push({ value, target: key, implicit: true });
      } else {
        mapping.push({ value: key, target: key, implicit: true });
      }
    }
    return { propertyName, mapping };
  }
}

/** An inline object schema that states nothing a type can express: no property, no index, no name. */
function vacuousObject(s: Schema): boolean {
  if (s.kind !== 'object' || s.nullable || s.properties.length > 0 || s.requiredOnly !== undefined) return false;
  if (s.patternProperties !== undefined || s.discriminator !== undefined) return false;
  const ap = s.additionalProperties;
  return ap === undefined || ap === false || (ap.kind === 'unknown' && !ap.nullable);
}

/** Words for the identifier of a schema lifted from an arbitrary pointer (e.g. `#/paths/~1things/get/...`). */
function liftedHint(pointer: Pointer): string {
  const skip = new Set(['components', 'schemas', 'properties', 'content', 'schema', 'items', 'paths', 'allOf', 'oneOf', 'anyOf']);
  const words = parsePointer(pointer).filter((t) => !skip.has(t) && !t.includes('/'));
  const withPath = parsePointer(pointer)
    .filter((t) => t.startsWith('/'))
    .map((t) => t.replace(/[{}]/g, ''));
  return [...withPath, ...words].join(' ') || 'Lifted';
}
