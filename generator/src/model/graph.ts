/**
 * Walking IR schemas: the named schemas a schema references, a schema through its references, and the
 * transitive readOnly/writeOnly flags of named schemas (cycle-safe fixpoint over the reference graph).
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

/**
 * `schema` through `$ref`s to a schema that is not a reference (cycle-safe). `schema` is undefined at a cycle or a
 * missing target; `nullable` is true when the reference or any target on the way is nullable.
 *
 * @param target the component schema of a key (`schemas.get`, or `api.schemas.get(key)?.schema` after the model)
 */
export function followRefs(schema: Schema, target: (key: string) => Schema | undefined): { schema: Schema | undefined; nullable: boolean } {
  let s: Schema | undefined = schema;
  let nullable = schema.nullable === true;
  const seen = new Set<string>();
  while (s?.kind === 'ref') {
    if (seen.has(s.target)) return { schema: undefined, nullable };
    seen.add(s.target);
    s = target(s.target);
    nullable ||= s?.nullable === true;
  }
  return { schema: s, nullable };
}

/** {@link followRefs} over the model's component schemas: a schema that is not a reference, or undefined. */
export function resolveRefs(schema: Schema | undefined, schemas: ReadonlyMap<string, Schema>): Schema | undefined {
  return schema === undefined ? undefined : followRefs(schema, (key) => schemas.get(key)).schema;
}

/** Per-schema flags that make its request shape differ from its response shape. */
export interface AccessFlags {
  hasReadOnly: boolean;
  hasWriteOnly: boolean;
  /** A required property with a `default`: the caller may omit it (case-23). */
  hasRequiredDefault: boolean;
}

/** The flags of the schema itself (not following refs): does it contain a readOnly / writeOnly / required-with-default property? */
function directAccess(schema: Schema): AccessFlags {
  const flags = { hasReadOnly: false, hasWriteOnly: false, hasRequiredDefault: false };
  walkSchema(schema, (s) => {
    if (s.kind !== 'object') return;
    for (const p of s.properties) {
      if (p.readOnly || p.schema.readOnly) flags.hasReadOnly = true;
      if (p.writeOnly || p.schema.writeOnly) flags.hasWriteOnly = true;
      if (p.required && (p.default !== undefined || p.schema.default !== undefined)) flags.hasRequiredDefault = true;
    }
  });
  return flags;
}

/**
 * Transitive closure over the reference graph: a named schema has a flag when it, or any schema it
 * references (at any depth, cycles included), has it directly.
 */
export function transitiveFlags(schemas: ReadonlyMap<string, Schema>, graph: ReadonlyMap<string, readonly string[]>): Map<string, AccessFlags> {
  const out = new Map<string, AccessFlags>();
  const users = new Map<string, string[]>();
  for (const [key, schema] of schemas) {
    out.set(key, directAccess(schema));
    for (const t of graph.get(key) ?? []) {
      const list = users.get(t) ?? [];
      list.push(key);
      users.set(t, list);
    }
  }
  // Propagate each flag backwards along the reference edges from the schemas that have it
  // directly (a BFS per flag: linear in the graph, cycle-safe).
  for (const flag of ['hasReadOnly', 'hasWriteOnly', 'hasRequiredDefault'] as const) {
    const queue = [...out].filter(([, f]) => f[flag]).map(([k]) => k);
    for (let i = 0; i < queue.length; i++) {
      for (const user of users.get(queue[i] as string) ?? []) {
        const f = out.get(user);
        if (f && !f[flag]) {
          f[flag] = true;
          queue.push(user);
        }
      }
    }
  }
  return out;
}

/** Direct refs of every named schema (computed once; reused by flags and modules). */
export function refGraph(schemas: ReadonlyMap<string, Schema>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, schema] of schemas) out.set(key, directRefs(schema));
  return out;
}

/** Every named schema reachable from `roots` through refs (roots included), in BFS order. */
export function reachable(roots: readonly string[], graph: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  const queue = [...roots];
  for (let i = 0; i < queue.length; i++) {
    const key = queue[i] as string;
    if (seen.has(key)) continue;
    seen.add(key);
    order.push(key);
    for (const t of graph.get(key) ?? []) if (!seen.has(t)) queue.push(t);
  }
  return order;
}
