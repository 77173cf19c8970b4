/**
 * Assignability between two model schemas, as TypeScript would judge the emitted types (approximately,
 * and on the safe side: `false` when unsure). The rules use it where the two documents' shapes do not
 * line up member for member: a schema whose kind changed, a union member added or removed.
 */
import type { Direction } from '../model/queries.js';
import type { Api, Schema } from '../model/types.js';
import { indexSchema, mergedObject, resolve, shapeProperties } from './shape.js';

/** A schema and the model it belongs to. */
export interface Typed {
  api: Api;
  schema: Schema;
}

/**
 * True when every value of `source`'s type (seen from `direction`) is a value of `target`'s: a
 * value of the source type may be passed where the target type is expected.
 */
export function assignable(source: Typed, target: Typed, direction: Direction): boolean {
  return check(source, target, direction, new Set());
}

function check(s: Typed, t: Typed, dir: Direction, assumed: Set<string>): boolean {
  const rs = resolve(s.api, s.schema);
  const rt = resolve(t.api, t.schema);
  // A recursive pair already being compared is assumed to hold (coinduction, as TypeScript does).
  if (rs.key !== undefined && rt.key !== undefined) {
    const pair = `${rs.key}\u0000${rt.key}`;
    if (assumed.has(pair)) return true;
    assumed = new Set(assumed).add(pair);
  }
  const a = rs.schema;
  const b = rt.schema;
  if (b.kind === 'unknown') return true;
  if (a.kind === 'never') return true;
  if (rs.nullable && !rt.nullable && b.kind !== 'null' && !nullableVariant(t.api, b)) return false;
  const sub = (x: Schema, y: Schema): boolean => check({ api: s.api, schema: x }, { api: t.api, schema: y }, dir, assumed);
  if (a.kind === 'union') return a.variants.every((v) => sub(v, b) || (rt.nullable && resolve(s.api, v).schema.kind === 'null'));
  if (b.kind === 'union') return b.variants.some((v) => sub(a, v)) || (a.kind === 'null' && rt.nullable);
  if (a.kind === 'intersection' || b.kind === 'intersection') {
    const ma = a.kind === 'intersection' ? mergedObject(s.api, a.members) : a;
    const mb = b.kind === 'intersection' ? mergedObject(t.api, b.members) : b;
    if (ma === undefined || mb === undefined) return false;
    return sub(ma, mb);
  }
  switch (a.kind) {
    case 'null':
      return b.kind === 'null' || rt.nullable;
    case 'string':
      return b.kind === 'string' && (a.binary === true) === (b.binary === true);
    case 'number':
    case 'integer':
      return b.kind === 'number' || b.kind === 'integer';
    case 'boolean':
      return b.kind === 'boolean' || (b.kind === 'enum' && b.values.includes(true) && b.values.includes(false));
    case 'enum':
      if (b.kind === 'enum') return a.values.every((v) => b.values.includes(v));
      return a.values.every((v) => scalarAccepts(b, v));
    case 'array': {
      if (b.kind !== 'array') return false;
      const pa = a.prefixItems ?? [];
      const pb = b.prefixItems ?? [];
      if (pa.length !== pb.length || (a.minItems ?? 0) < (b.minItems ?? 0)) {
        if (pa.length > 0 || pb.length > 0) return false;
      }
      if (!pa.every((x, i) => sub(x, pb[i] as Schema))) return false;
      if (a.items === undefined) return true;
      return b.items !== undefined && sub(a.items, b.items);
    }
    case 'object': {
      if (b.kind !== 'object') return false;
      const pa = new Map(shapeProperties(a, dir).map((p) => [p.name, p]));
      const ia = indexSchema(a);
      for (const q of shapeProperties(b, dir)) {
        const p = pa.get(q.name);
        if (p === undefined) {
          if (!q.optional) return false;
          if (ia !== undefined && !sub(ia, q.schema)) return false;
          continue;
        }
        if (p.optional && !q.optional) return false;
        if (!sub(p.schema, q.schema)) return false;
      }
      const ib = indexSchema(b);
      if (ib === undefined) return true;
      // An interface has no implicit index signature: only an object with one is assignable.
      if (ia === undefined) return false;
      return sub(ia, ib) && [...pa.values()].every((p) => sub(p.schema, ib));
    }
    default:
      return false;
  }
}

function scalarAccepts(b: Schema, v: string | number | boolean): boolean {
  if (typeof v === 'string') return b.kind === 'string' && b.binary !== true;
  if (typeof v === 'number') return b.kind === 'number' || b.kind === 'integer';
  return b.kind === 'boolean';
}

function nullableVariant(api: Api, b: Schema): boolean {
  return (
    b.kind === 'union' &&
    b.variants.some((v) => {
      const r = resolve(api, v);
      return r.nullable || r.schema.kind === 'null';
    })
  );
}
