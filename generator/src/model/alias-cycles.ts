/**
 * Self-references with no structure in between: a named schema that reaches itself through union
 * variants (`oneOf`/`anyOf`/type arrays), intersection members (`allOf`), nullable wrappers or plain
 * `$ref` aliases only, never through an object property, an array item or a map value.
 *
 * TypeScript resolves such a reference eagerly: `type A = A | string` (or `type A = B; type B = A | string`)
 * is "Type alias 'A' circularly references itself". It adds no values either: the least solution of
 * `A = A ∪ string` is `string`, and `A = A ∩ {…}` constrains nothing beyond `{…}`. So the model drops
 * those members:
 *
 * - a member that refers (directly or through other members of the same cycle) back to a schema
 *   already on the path is left out: `A = oneOf[A, string]` is `string`, `A = allOf[A, {x}]` is `{x}`;
 * - a reference to another schema of the same cycle is replaced by a copy of that schema with the
 *   same rule applied, so `A = oneOf[B, string]`, `B = oneOf[A, number]` give `A = number | string`
 *   and `B = string | number` (every value either admits);
 * - a union or intersection left with no member, or a schema that is nothing but the cycle
 *   (`A: {$ref: A}`, `A = oneOf[A]`), becomes `unknown` (no constraint), keeping its docs.
 *
 * References through structure (`A = { next?: A }`, `A = A[]`, `Record<string, A>` maps) are real
 * recursion and stay references. Both directions (the `…Input` request variants) render from the
 * rewritten schema, so neither can be circular.
 */
import type { Docs, Schema } from './types.js';

/** Above this many schemas in one cycle, in-cycle references are dropped instead of copied (no blow-up). */
const MAX_COPY_COMPONENT = 16;

/** A schema rewritten because it referred to itself without structure in between. */
export interface BrokenCycle {
  key: string;
  /** The other schemas of the cycle (empty for a direct self-reference), in the order given. */
  through: string[];
}

/** Targets of references reached through unions and intersections only (the eager positions). */
function eagerTargets(schema: Schema, out: Set<string>): Set<string> {
  if (schema.kind === 'ref') out.add(schema.target);
  else if (schema.kind === 'union') for (const v of schema.variants) eagerTargets(v, out);
  else if (schema.kind === 'intersection') for (const m of schema.members) eagerTargets(m, out);
  return out;
}

/** Strongly connected components of the eager-reference graph (Tarjan), in key order. */
function components(schemas: ReadonlyMap<string, Schema>): string[][] {
  const edges = new Map<string, string[]>();
  for (const [key, schema] of schemas)
    edges.set(
      key,
      [...eagerTargets(schema, new Set())].filter((t) => schemas.has(t)),
    );
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const self = edges.get(v)?.includes(v) ?? false;
      if (component.length > 1 || self) out.push(component);
    }
  };
  for (const key of schemas.keys()) if (!index.has(key)) visit(key);
  return out;
}

const DOC_KEYS = [
  'title',
  'summary',
  'description',
  'deprecated',
  'inferred',
  'inferredKeywords',
  'note',
  'default',
  'examples',
  'format',
  'constraints',
  'externalDocsUrl',
] as const satisfies ReadonlyArray<keyof Docs>;

function docsOf(schema: Schema): Docs {
  const docs: Docs = {};
  for (const key of DOC_KEYS) if (schema[key] !== undefined) (docs as Record<string, unknown>)[key] = schema[key];
  return docs;
}

/**
 * Rewrites, in place in `schemas`, every named schema that reaches itself through unions,
 * intersections and aliases only (see the file comment).
 *
 * @param schemas named schemas by key (the IR of each component), in spec order
 * @returns the rewritten schemas, in spec order, with the rest of their cycle
 */
export function breakAliasCycles(schemas: Map<string, Schema>): BrokenCycle[] {
  const broken: BrokenCycle[] = [];
  const rewritten = new Map<string, Schema>();
  const order = [...schemas.keys()];
  for (const component of components(schemas)) {
    const members = new Set(component);
    const copy = component.length <= MAX_COPY_COMPONENT;
    /** `schema` without its in-cycle eager references; undefined when nothing is left. */
    const expand = (schema: Schema, path: ReadonlySet<string>): Schema | undefined => {
      switch (schema.kind) {
        case 'ref': {
          if (!members.has(schema.target)) return schema;
          if (path.has(schema.target) || !copy) return undefined;
          const inner = expand(schemas.get(schema.target) as Schema, new Set([...path, schema.target]));
          if (inner === undefined) return undefined;
          return {
            ...inner,
            ...docsOf(schema),
            ...(schema.readOnly ? { readOnly: true } : {}),
            ...(schema.writeOnly ? { writeOnly: true } : {}),
            nullable: inner.nullable || schema.nullable,
          };
        }
        case 'union': {
          const variants = schema.variants.map((v) => expand(v, path)).filter((v): v is Schema => v !== undefined);
          if (variants.length === 0) return undefined;
          const kept = new Set(variants.flatMap((v) => (v.kind === 'ref' ? [v.target] : [])));
          const union = { ...schema, variants };
          if (schema.discriminator !== undefined) {
            union.discriminator = { ...schema.discriminator, mapping: schema.discriminator.mapping.filter((m) => kept.has(m.target)) };
          }
          return union;
        }
        case 'intersection': {
          const members = schema.members.map((m) => expand(m, path)).filter((m): m is Schema => m !== undefined);
          return members.length === 0 ? undefined : { ...schema, members };
        }
        default:
          return schema;
      }
    };
    for (const key of component) {
      const original = schemas.get(key) as Schema;
      const result = expand(original, new Set([key])) ?? {
        ...docsOf(original),
        kind: 'unknown',
        nullable: false,
        pointer: original.pointer,
      };
      // Copies of other schemas must not share objects with them (later passes may annotate in place).
      rewritten.set(key, structuredClone(result));
      broken.push({ key, through: component.filter((k) => k !== key).sort((a, b) => order.indexOf(a) - order.indexOf(b)) });
    }
  }
  for (const [key, schema] of rewritten) schemas.set(key, schema);
  return broken.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}
