/**
 * Resource tree and method names of the client.
 *
 * `x-sdk-resource` (dotted, `datasources.connections`) and `x-sdk-method` on an operation state them
 * directly. Otherwise:
 *
 * Resource rule. The path's segments are read after dropping the leading API prefix (`api`, and
 * version segments `v3`, `v3.1`, `v2_1`). The resource is the first tag, camelCased. When a static segment names the same thing as the tag
 * (compared lower-case without separators, singular/plural-insensitive: `extract-templates` ~
 * `Extract Templates` ~ `extract_template`), the static segments before it that are followed by a
 * path parameter become parent resources: `/datasources/{datasource_name}/connections` under tag
 * Connections → `datasources.connections`, while `/connections/{id}` under the same tag →
 * `connections`. Without a tag, the collection segment (the last static segment, or the one before
 * a trailing action segment) is the resource, nested the same way: `/v1/projects/{id}/files/{name}`
 * → `projects.files`; no static segment at all → `root`.
 *
 * Method rule. If the path ends in a static segment that comes after a path parameter, or after the
 * segment that matched the tag, it is an action named by that segment (`/extracts/{id}/run` → `run`,
 * `regenerate_secret` → `regenerateSecret`). Otherwise a path ending in a parameter is an item and
 * any other path a collection: GET item → `retrieve`, GET collection → `list`, POST collection →
 * `create`, PATCH → `update`, PUT → `update` (or `replace` when a PATCH shares the path), DELETE →
 * `delete`, HEAD/OPTIONS/TRACE → the method; POST on an item takes its operationId without the words
 * of the resource name (`publishArticle` on `articles` → `publish`).
 *
 * Collisions. Two operations of one resource with the same derived method name: the first in spec
 * order keeps it; the later one falls back to its camelCased operationId, with a warning
 * (`model/method-name-collision`) and a rename record. A method named like a sub-resource of the same
 * resource falls back the same way. Collisions that remain, or that involve an explicit
 * `x-sdk-method`, are errors naming both operations.
 *
 * Module: the file stem of the top-level resource in kebab-case (`extractTemplates` →
 * `extract-templates`); `shared` and `index` are reserved stems, so such a resource gets
 * `<name>-resource`.
 */
import type { ModelContext } from './context.js';
import { child } from './context.js';
import { type NameRegistry, camelCase, kebabCase, splitWords, toMemberName } from './naming.js';
import type { Operation } from './types.js';

type Segment = { static: string } | { param: string };

const PREFIX_RE = /^(api|v\d+([._-]\d+)*)$/i;
const RESERVED_STEMS = new Set(['shared', 'index']);

/** Path segments without the leading API prefix (`/api/v3.1/extracts/{id}` → `extracts`, `{id}`). */
export function pathSegments(path: string): Segment[] {
  const raw = path.split('/').filter(Boolean);
  let i = 0;
  while (i < raw.length && PREFIX_RE.test(raw[i] as string)) i++;
  return raw.slice(i).map((s) => {
    const m = /^\{(.+)\}$/.exec(s);
    return m ? { param: m[1] as string } : { static: s };
  });
}

function norm(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function singular(n: string): string {
  if (n.endsWith('ies')) return `${n.slice(0, -3)}y`;
  if (n.endsWith('s')) return n.slice(0, -1);
  return n;
}

function sameName(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  return x === y || singular(x) === singular(y);
}

/** The module (file stem) of a top-level resource. */
export function moduleOf(topResource: string): string {
  const stem = kebabCase(topResource) || 'root';
  return RESERVED_STEMS.has(stem) ? `${stem}-resource` : stem;
}

interface Derived {
  resource: string[];
  /** Index of the segment that named the resource, or -1. */
  anchor: number;
}

function deriveResource(op: Operation, segs: Segment[]): Derived {
  const tag = op.tags[0];
  if (tag !== undefined && toMemberName(tag, '') !== '') {
    const tagRes = toMemberName(tag);
    const anchor = segs.findIndex((s) => 'static' in s && sameName(s.static, tag));
    if (anchor > 0) {
      const parents: string[] = [];
      for (let i = 0; i < anchor; i++) {
        const s = segs[i];
        const next = segs[i + 1];
        if (s && 'static' in s && next && 'param' in next) parents.push(toMemberName(s.static));
      }
      return { resource: [...parents, tagRes], anchor };
    }
    return { resource: [tagRes], anchor };
  }
  // No tag: the collection segment (the last static one, or the one before a trailing action)
  // is the resource, nested under the static segments that are followed by a parameter.
  const statics = segs.flatMap((s, i) => ('static' in s ? [i] : []));
  const lastIndex = segs.length - 1;
  const prev = segs[lastIndex - 1];
  let anchor = statics[statics.length - 1] ?? -1;
  if (anchor === lastIndex && anchor > 0 && prev && 'param' in prev && statics.length > 1) {
    anchor = statics[statics.length - 2] ?? anchor;
  }
  if (anchor < 0) return { resource: ['root'], anchor: -1 };
  const parents: string[] = [];
  for (let i = 0; i < anchor; i++) {
    const s = segs[i];
    const next = segs[i + 1];
    if (s && 'static' in s && next && 'param' in next) parents.push(toMemberName(s.static));
  }
  const a = segs[anchor] as { static: string };
  return { resource: [...parents, toMemberName(a.static, 'root')], anchor };
}

function withoutResourceWords(operationId: string, resource: string[]): string {
  const resWords = resource.flatMap((r) => splitWords(r, true)).map((w) => singular(w.toLowerCase()));
  const words = splitWords(operationId, true).filter((w) => !resWords.includes(singular(w.toLowerCase())));
  return camelCase(words.join(' '));
}

function deriveMethod(op: Operation, segs: Segment[], anchor: number, resource: string[], hasPatchSibling: boolean): string {
  const lastIndex = segs.length - 1;
  const last = segs[lastIndex];
  const prev = segs[lastIndex - 1];
  const isAction = anchor >= 0 ? lastIndex > anchor : prev !== undefined && 'param' in prev;
  if (last && 'static' in last && lastIndex > 0 && isAction) {
    return toMemberName(last.static);
  }
  const item = last !== undefined && 'param' in last;
  switch (op.method) {
    case 'get':
      return item ? 'retrieve' : 'list';
    case 'post':
      return item ? withoutResourceWords(op.operationId, resource) || 'create' : 'create';
    case 'put':
      return hasPatchSibling ? 'replace' : 'update';
    case 'patch':
      return 'update';
    case 'delete':
      return 'delete';
    default:
      return op.method;
  }
}

/**
 * Sets `resource`, `methodName` and `module` on every operation, resolving or reporting collisions
 * (see the rules at the top). Renames go to `registry.renames`.
 */
export function assignResources(ctx: ModelContext, ops: Operation[], registry: NameRegistry): void {
  const patchPaths = new Set(ops.filter((o) => o.method === 'patch').map((o) => o.path));
  const explicitMethod = new Set<Operation>();
  for (const op of ops) {
    const segs = pathSegments(op.path);
    const extResource = op.extensions['x-sdk-resource'];
    const extMethod = op.extensions['x-sdk-method'];
    let derived = deriveResource(op, segs);
    if (typeof extResource === 'string' && extResource.trim() !== '') {
      const parts = extResource.split('.').map((p) => {
        const name = toMemberName(p);
        if (name !== p) {
          ctx.report('warning', 'model/sdk-resource-name', `x-sdk-resource segment "${p}" is not a camelCase identifier; using "${name}"`, child(op.pointer, 'x-sdk-resource'));
        }
        return name;
      });
      derived = { resource: parts, anchor: derived.anchor };
    }
    op.resource = derived.resource;
    if (typeof extMethod === 'string' && extMethod.trim() !== '') {
      const name = toMemberName(extMethod);
      if (name !== extMethod) {
        ctx.report('warning', 'model/sdk-method-name', `x-sdk-method "${extMethod}" is not a camelCase identifier; using "${name}"`, child(op.pointer, 'x-sdk-method'));
      }
      op.methodName = name;
      explicitMethod.add(op);
    } else {
      op.methodName = deriveMethod(op, segs, derived.anchor, derived.resource, op.method === 'put' && patchPaths.has(op.path));
    }
    op.module = moduleOf(op.resource[0] ?? 'root');
  }

  // Sub-resource names per resource path, to keep methods from shadowing them.
  const children = new Map<string, Set<string>>();
  for (const op of ops) {
    for (let i = 1; i < op.resource.length; i++) {
      const parent = op.resource.slice(0, i).join('.');
      const set = children.get(parent) ?? new Set<string>();
      set.add(op.resource[i] as string);
      children.set(parent, set);
    }
  }
  // Explicit names claim first, then derived ones in spec order.
  const taken = new Map<string, Operation>();
  const ordered = [...ops.filter((o) => explicitMethod.has(o)), ...ops.filter((o) => !explicitMethod.has(o))];
  for (const op of ordered) {
    const res = op.resource.join('.');
    const clash = (name: string): Operation | 'child' | undefined =>
      taken.get(`${res}#${name}`) ?? (children.get(res)?.has(name) ? 'child' : undefined);
    const other = clash(op.methodName);
    if (other !== undefined) {
      const what = other === 'child' ? `the sub-resource ${res}.${op.methodName}` : `${other.operationId} (${other.pointer})`;
      const fallback = toMemberName(op.operationId);
      if (explicitMethod.has(op) || clash(fallback) !== undefined) {
        ctx.report('error', 'model/method-name-collision', `method ${res}.${op.methodName} of ${op.operationId} collides with ${what}`, op.pointer);
      } else {
        ctx.report('warning', 'model/method-name-collision', `method ${res}.${op.methodName} of ${op.operationId} collides with ${what}; using ${fallback}`, op.pointer);
        registry.renames.push({ pointer: op.pointer, from: op.methodName, to: fallback, reason: `method name collides with ${what}` });
        op.methodName = fallback;
      }
    }
    taken.set(`${res}#${op.methodName}`, op);
  }
}
