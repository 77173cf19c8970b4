/**
 * Walking IR schemas: the named schemas a schema references, and the transitive readOnly/writeOnly
 * flags of named schemas (cycle-safe fixpoint over the reference graph).
 */
import type { Schema } from './types.js';

/** Calls `visit` on `schema` and every schema nested in it (not following refs). */
export function walkSchema(schema: Schema, visit: (s: Schema) => void): void {
  visit(schema);
  switch (schema.kind) {
    case 'array':
      for (const p of schema.prefixItems ?? []) walkSchema(p, visit);
      if (schema.items) walkSchema(schema.items, visit);
      break;
    case 'object':
      for (const p of schema.properties) walkSchema(p.schema, visit);
      if (schema.additionalProperties) walkSchema(schema.additionalProperties, visit);
      for (const p of schema.patternProperties ?? []) walkSchema(p.schema, visit);
      break;
    case 'union':
      for (const v of schema.variants) walkSchema(v, visit);
      break;
    case 'intersection':
      for (const m of schema.members) walkSchema(m, visit);
      break;
    default:
      break;
  }
}

/** Keys of the named schemas `schema` references directly, in first-seen order. */
export function directRefs(schema: Schema): string[] {
  const out: string[] = [];
  walkSchema(schema, (s) => {
    if (s.kind === 'ref' && !out.includes(s.target)) out.push(s.target);
  });
  return out;
}

/** Does the schema itself (not following refs) contain a readOnly / writeOnly property? */
export function directAccess(schema: Schema): { readOnly: boolean; writeOnly: boolean } {
  let readOnly = false;
  let writeOnly = false;
  walkSchema(schema, (s) => {
    if (s.kind !== 'object') return;
    for (const p of s.properties) {
      if (p.readOnly || p.schema.readOnly) readOnly = true;
      if (p.writeOnly || p.schema.writeOnly) writeOnly = true;
    }
  });
  return { readOnly, writeOnly };
}

/**
 * Transitive closure over the reference graph: a named schema has a flag when it, or any schema it
 * references (at any depth, cycles included), has it directly.
 */
export function transitiveFlags(
  schemas: ReadonlyMap<string, Schema>,
): Map<string, { hasReadOnly: boolean; hasWriteOnly: boolean }> {
  const refs = new Map<string, string[]>();
  const out = new Map<string, { hasReadOnly: boolean; hasWriteOnly: boolean }>();
  for (const [key, schema] of schemas) {
    refs.set(key, directRefs(schema));
    const d = directAccess(schema);
    out.set(key, { hasReadOnly: d.readOnly, hasWriteOnly: d.writeOnly });
  }
  // Fixpoint: each pass propagates flags one edge further; at most |schemas| passes.
  let changed = true;
  while (changed) {
    changed = false;
    for (const [key, targets] of refs) {
      const me = out.get(key);
      if (!me) continue;
      for (const t of targets) {
        const other = out.get(t);
        if (!other) continue;
        if (other.hasReadOnly && !me.hasReadOnly) {
          me.hasReadOnly = true;
          changed = true;
        }
        if (other.hasWriteOnly && !me.hasWriteOnly) {
          me.hasWriteOnly = true;
          changed = true;
        }
      }
    }
  }
  return out;
}

/** Every named schema reachable from `roots` through refs (roots included), in BFS order. */
export function reachable(roots: readonly string[], schemas: ReadonlyMap<string, Schema>): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  const queue = [...roots];
  for (let i = 0; i < queue.length; i++) {
    const key = queue[i] as string;
    if (seen.has(key)) continue;
    seen.add(key);
    order.push(key);
    const s = schemas.get(key);
    if (s) for (const t of directRefs(s)) if (!seen.has(t)) queue.push(t);
  }
  return order;
}
