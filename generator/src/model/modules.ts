/**
 * Output module (file stem) of every named schema.
 *
 * A schema belongs to the module of the operations that use it, directly or through refs at any
 * depth (parameters, request bodies, response bodies and headers). Used by operations of several
 * modules → `shared`. Used only by webhooks → `webhooks`; by webhooks and one resource module →
 * `shared` (unless that resource module is itself `webhooks`). Used by nothing → `shared`.
 * Deterministic: modules are visited in first-use (spec) order and the result depends only on the
 * set of users.
 */
import { directRefs, reachable } from './graph.js';
import { PARAMETER_LOCATIONS } from './queries.js';
import type { Operation, Schema, Webhook } from './types.js';

/** Module for schemas used by several modules, or by none. */
export const SHARED_MODULE = 'shared';
/** Module for schemas used only by webhooks. */
export const WEBHOOKS_MODULE = 'webhooks';

/** The schemas of what the caller sends in an operation or webhook: parameters and request bodies (with encoding headers). */
export function requestSchemasOf(parts: Pick<Operation, 'parameters' | 'requestBody'>): Schema[] {
  const out: Schema[] = [];
  for (const loc of PARAMETER_LOCATIONS) for (const p of parts.parameters[loc]) out.push(p.schema);
  for (const c of parts.requestBody?.contents ?? []) {
    out.push(c.schema);
    for (const e of Object.values(c.encoding ?? {})) for (const h of e.headers ?? []) out.push(h.schema);
  }
  return out;
}

/** Every schema an operation or webhook carries (parameters, bodies, responses, headers). */
export function schemasOfExchange(parts: Pick<Operation, 'parameters' | 'requestBody' | 'responses'>): Schema[] {
  const out = requestSchemasOf(parts);
  for (const r of parts.responses) {
    for (const c of r.contents) out.push(c.schema);
    for (const h of r.headers) out.push(h.schema);
  }
  return out;
}

/**
 * Key → module of every named schema an operation or webhook uses: the one module that uses it, or
 * {@link SHARED_MODULE} when several do. A schema nothing uses is not listed (its module is {@link SHARED_MODULE}).
 */
export function assignModules(ops: readonly Operation[], webhooks: readonly Webhook[], graph: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const roots = new Map<string, string[]>();
  const addRoots = (module: string, list: Schema[]): void => {
    const r = roots.get(module) ?? [];
    for (const s of list) for (const t of directRefs(s)) if (!r.includes(t)) r.push(t);
    roots.set(module, r);
  };
  for (const op of ops) addRoots(op.module, schemasOfExchange(op));
  for (const w of webhooks) addRoots(WEBHOOKS_MODULE, schemasOfExchange(w));
  const out = new Map<string, string>();
  // Each module once: a key reached again is reached by another module.
  for (const [module, list] of roots) for (const key of reachable(list, graph)) out.set(key, out.has(key) ? SHARED_MODULE : module);
  return out;
}
