/**
 * How a model schema looks from one direction, as the types emitter writes it (see
 * `emit/types/render.ts`): `readOnly` properties are not in requests, `writeOnly` ones not in
 * responses, and a required property with a `default` is optional for callers. Shared by the rules
 * and the proof's usage file, so that both see the same properties.
 */
import { type Direction, directedMembers, namedSchema } from '../model/queries.js';
import type { Api, ObjectSchema, Property, Schema } from '../model/types.js';

/** A schema with its `$ref`s followed: the schema itself, nullable if any link was. */
export interface Resolved {
  schema: Schema;
  /** Key (in `Api.schemas`) of the last named schema followed, if any. */
  key?: string;
  nullable: boolean;
}

/**
 * Follows `$ref`s from `schema` to a schema that is not one (a cycle of aliases, which the model
 * never leaves, stops where it closes).
 *
 * @throws Error when a reference names no schema of `api` (a model the loader would have rejected)
 */
export function resolve(api: Api, schema: Schema): Resolved {
  let current = schema;
  let key: string | undefined;
  let nullable = schema.nullable;
  const seen = new Set<string>();
  while (current.kind === 'ref' && !seen.has(current.target)) {
    seen.add(current.target);
    key = current.target;
    current = namedSchema(api, current.target).schema;
    nullable ||= current.nullable;
  }
  return key === undefined ? { schema: current, nullable } : { schema: current, key, nullable };
}

/** One member of an object type in one direction. */
export interface ShapeProperty {
  /** Wire name. */
  name: string;
  schema: Schema;
  optional: boolean;
  /** The model's property (absent for a name listed in `required` without a schema). */
  property?: Property;
}

/** The members of `schema` seen from `direction` ({@link directedMembers}), a name required without a schema `unknown`. */
export function shapeProperties(schema: ObjectSchema, direction: Direction): ShapeProperty[] {
  return directedMembers(schema, direction).map(({ name, optional, property }) =>
    property === undefined
      ? { name, schema: { kind: 'unknown', nullable: false, pointer: schema.pointer }, optional }
      : { name, schema: property.schema, optional, property },
  );
}

/**
 * The type of keys an object does not declare: `additionalProperties` as a schema (`true` is an
 * `unknown` schema), else the union of `patternProperties`; `undefined` when the object is closed
 * (which is also how the emitter writes an object that says nothing).
 */
export function indexSchema(schema: ObjectSchema): Schema | undefined {
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return schema.additionalProperties;
  return anyOf(
    (schema.patternProperties ?? []).map((p) => p.schema),
    schema.pointer,
  );
}

/** The union of `schemas` (an `anyOf` at `pointer`): the schema itself when there is one, `undefined` when none. */
export function anyOf(schemas: Schema[], pointer: string): Schema | undefined {
  if (schemas.length <= 1) return schemas[0];
  return { kind: 'union', keyword: 'anyOf', variants: schemas, nullable: false, pointer };
}

/**
 * The members of an `allOf` whose every member resolves to an object, merged into one object type
 * (a name required by any member is required); `undefined` when some member is not an object.
 */
export function mergedObject(api: Api, members: readonly Schema[]): ObjectSchema | undefined {
  const objects: ObjectSchema[] = [];
  for (const m of members) {
    const r = resolve(api, m);
    if (r.schema.kind === 'object') objects.push(r.schema);
    else if (r.schema.kind === 'intersection') {
      const inner = mergedObject(api, r.schema.members);
      if (inner === undefined) return undefined;
      objects.push(inner);
    } else return undefined;
  }
  const first = objects[0];
  if (first === undefined) return undefined;
  const properties: Property[] = [];
  for (const o of objects) {
    for (const p of o.properties) {
      const at = properties.findIndex((q) => q.name === p.name);
      if (at === -1) properties.push(p);
      else {
        const before = properties[at] as Property;
        properties[at] = { ...before, required: before.required || p.required };
      }
    }
  }
  const requiredOnly = objects.flatMap((o) => o.requiredOnly ?? []);
  const open = objects.every((o) => indexSchema(o) !== undefined);
  const merged: ObjectSchema = { kind: 'object', properties, nullable: false, pointer: first.pointer };
  if (requiredOnly.length > 0) merged.requiredOnly = requiredOnly;
  const index = objects.map(indexSchema).find((s) => s !== undefined);
  if (open && index !== undefined) merged.additionalProperties = index;
  return merged;
}
