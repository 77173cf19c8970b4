import { isObject } from '../json.js';
import { toPointer } from '../pointer.js';

/** Where a node came from (see `locate.ts`): the pointer segments inside its file. */
export type OriginOf = (node: object) => string[] | undefined;

/**
 * Redocly names a component it moves in from another file after the file (`order.yaml` → `order`)
 * or after the pointer's last segment. For a fragment deep inside another document
 * (`upstream.yaml#/paths/~1things/get/responses/200/content/application~1json/schema`) that gives
 * meaningless names (`schema`, `200`) that would become public type names. Such a component, when it
 * is used exactly once, by a bare `$ref`, and does not refer to itself, is put back inline at its one
 * use: the model then names it after that use (`GetMirrorResponse`), as it does for any inline schema.
 * Components that were components in their file, whole files, and anything used more than once keep
 * their component.
 *
 * @param before component keys per type in the entry document before bundling
 * @returns pointers of the components inlined, e.g. `#/components/schemas/schema`
 */
export function inlineFragments(document: Record<string, unknown>, before: ReadonlyMap<string, ReadonlySet<string>>, originOf: OriginOf): string[] {
  const components = document['components'];
  if (!isObject(components)) return [];
  const candidates = new Map<string, { type: string; name: string; node: object }>();
  for (const [type, group] of Object.entries(components)) {
    if (!isObject(group)) continue;
    for (const [name, node] of Object.entries(group)) {
      if (before.get(type)?.has(name) || !isObject(node)) continue;
      const segments = originOf(node);
      if (segments === undefined || segments.length === 0) continue; // a whole file: named after it
      if (segments.length === 3 && segments[0] === 'components') continue; // a component there too
      candidates.set(toPointer(['components', type, name]), { type, name, node });
    }
  }
  if (candidates.size === 0) return [];

  // Every use of each candidate: bare `$ref` objects (replaceable) and anything else (mapping refs,
  // refs with siblings), which pins the component.
  const uses = new Map<string, Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }>>();
  const pinned = new Set<string>();
  const walk = (node: unknown, parent: Record<string, unknown> | unknown[] | undefined, key: string | number): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) walk(node[i], node, i);
      return;
    }
    if (!isObject(node)) {
      if (typeof node === 'string' && candidates.has(node) && key !== '$ref') pinned.add(node); // discriminator mapping
      return;
    }
    const ref = node['$ref'];
    if (typeof ref === 'string' && candidates.has(ref)) {
      if (parent !== undefined && Object.keys(node).length === 1) {
        const list = uses.get(ref) ?? [];
        list.push({ parent, key });
        uses.set(ref, list);
      } else {
        pinned.add(ref);
      }
    }
    for (const k in node) walk(node[k], node, k);
  };
  walk(document, undefined, '');

  const inlined: string[] = [];
  for (const [pointer, { type, name, node }] of candidates) {
    const list = uses.get(pointer);
    if (pinned.has(pointer) || list?.length !== 1 || refersTo(node, pointer)) continue;
    const use = list[0]!;
    if (Array.isArray(use.parent)) use.parent[use.key as number] = node;
    else use.parent[use.key as string] = node;
    delete (components[type] as Record<string, unknown>)[name];
    inlined.push(pointer);
  }
  for (const [type, group] of Object.entries(components)) {
    if (isObject(group) && Object.keys(group).length === 0 && !before.has(type)) delete components[type];
  }
  return inlined;
}

/** Whether `node` contains a `$ref` to `pointer` (directly; nested components are separate). */
function refersTo(node: unknown, pointer: string): boolean {
  if (Array.isArray(node)) return node.some((n) => refersTo(n, pointer));
  if (!isObject(node)) return false;
  if (node['$ref'] === pointer) return true;
  for (const k in node) if (refersTo(node[k], pointer)) return true;
  return false;
}

/** Component keys per type of a document (before bundling adds to them). */
export function componentKeys(document: unknown): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const components = isObject(document) ? document['components'] : undefined;
  if (!isObject(components)) return out;
  for (const [type, group] of Object.entries(components)) {
    if (isObject(group)) out.set(type, new Set(Object.keys(group)));
  }
  return out;
}
