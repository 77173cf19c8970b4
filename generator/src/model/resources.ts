/**
 * Resource tree and method names of the client.
 *
 * `x-sdk-resource` (dotted, `datasources.connections`) and `x-sdk-method` on an operation state them
 * directly. Otherwise they are derived (resources follow the tags, nested by path where one tag holds
 * sub-resources; spec/README.md, Naming):
 *
 * Segments. The path is read after dropping its leading API prefix (`api`, and version segments
 * `v3`, `v3.1`, `v2_1`). A path is a *collection* when some operation GETs it or some path is it plus
 * `/{param}`; trailing slashes do not matter.
 *
 * Resource rule. Start from the first tag, camelCased. If a static segment names the same thing as
 * the tag (compared lower-case without separators, singular/plural-insensitive: `extract-templates` ~
 * `Extract templates` ~ `extract_template`), the resource is named by that segment when it spells the
 * tag exactly up to case and separators (`datasources` for tag "Data sources"), else by the tag; the
 * static segments before it that are followed by a
 * parameter become parents (`/datasources/{name}/extract-templates`, tag Extract templates →
 * `datasources.extractTemplates`), and only the segments after it are read further; otherwise every
 * segment is. Of the segments read, each static segment becomes a sub-resource, except a last static
 * segment whose path is not a collection and that follows a resource: that is an action. So under tag "Data sources",
 * `/datasources/{name}/connections/{id}` → `datasources.connections`, and
 * `/datasources/{name}/external-auth-links/{id}/revoke` → `datasources.externalAuthLinks` + action
 * `revoke`. Without a tag the same walk starts from nothing (`/v1/projects/{id}/files/{name}` →
 * `projects.files`); a path with no resource segment at all belongs to `root`.
 *
 * Method rule. An action is named by its segment (`/extracts/{id}/run` → `run`, `regenerate_secret` →
 * `regenerateSecret`). Otherwise the path ends in a parameter (item) or is a collection: GET item →
 * `retrieve`, GET collection → `list` (but a read, D56, when it is not paginated, no item path extends it, its body is
 * one object, a dictionary or a scalar, and its operationId does not start with "list": GitHub's `GET /app/hook/config`
 * is `retrieve`), POST collection → `create`, PATCH → `update`, PUT → `update`
 * (or `replace` when a PATCH shares the path), DELETE → `delete`, HEAD/OPTIONS/TRACE → the method;
 * POST on an item takes its operationId without the words of the resource names (`publishArticle` on
 * `articles` → `publish`).
 *
 * Collisions. Two operations of one resource with the same derived method name: the first in spec
 * order keeps it; the later one falls back to its camelCased operationId, with a warning
 * (`model/method-name-collision`) and a rename record. A method named like a sub-resource of the same
 * resource falls back the same way. When the fallback is taken too (it may equal the derived name,
 * `x-headers` → `xHeaders`), the first of `<fallback>2`, `<fallback>3`, … that is free is used. Explicit
 * `x-sdk-method` names claim first, so a derived name colliding with one is the one that falls back.
 * Only an explicit `x-sdk-method` that collides (with another explicit name or a sub-resource) is an
 * error naming both; a derived name never makes a valid document fail.
 *
 * Module: the file stem of the top-level resource in kebab-case (`extractTemplates` →
 * `extract-templates`); `shared`, `index` and `openapi` are the types package's own stems, so such a
 * resource gets `<name>-resource`.
 */
import type { ModelContext } from './context.js';
import { child } from '../pointer.js';
import { type NameRegistry, kebabCase, RESERVED_MEMBER_NAMES, splitWords, toMemberName, WINDOWS_DEVICE_STEMS } from './naming.js';
import { withoutQueryPart } from './operations.js';
import { resolveRefs } from './graph.js';
import { successJsonBody } from './queries.js';
import type { Operation, Schema } from './types.js';

type Segment = { static: string } | { param: string };

const PREFIX_RE = /^(api|v\d+([._-]\d+)*)$/i;
/** Stems the types package uses for its own files (`src/shared.ts`, `src/index.ts`, `src/openapi.ts`). */
const RESERVED_STEMS = new Set(['shared', 'index', 'openapi']);

/** Path segments without the leading API prefix (`/api/v3.1/extracts/{id}` → `extracts`, `{id}`). */
export function pathSegments(path: string): Segment[] {
  const raw = withoutQueryPart(path).split('/').filter(Boolean);
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

/**
 * The module (file stem) of a top-level resource: `<stem>-resource` for a stem the types package uses for its own files
 * or one Windows reserves (`con`, `nul`, `com1`, …).
 */
export function moduleOf(topResource: string): string {
  const stem = kebabCase(topResource) || 'root';
  return RESERVED_STEMS.has(stem) || WINDOWS_DEVICE_STEMS.has(stem) ? `${stem}-resource` : stem;
}

interface Derived {
  resource: string[];
  /** What the path ends in: an item (`/{id}`), a collection, or an action segment. */
  shape: 'item' | 'collection' | 'action';
  /** The action segment's name, for `shape: 'action'`. */
  action?: string;
}

/** Normalised path for comparisons: no trailing slash, parameters as `{}`. */
function normPath(path: string): string {
  return withoutQueryPart(path)
    .replace(/\/+$/, '')
    .replace(/\{[^}]*\}/g, '{}');
}

/** Paths some path extends by `/{param}`: collections of items. */
function itemParents(ops: readonly Operation[]): Set<string> {
  const out = new Set<string>();
  for (const op of ops) {
    const m = /^(.*)\/\{\}$/.exec(normPath(op.path));
    if (m) out.add(m[1] ?? '');
  }
  return out;
}

/** Paths that are collections: they have a GET, or some path is them plus `/{param}` (the root path aside). */
function collectionPaths(ops: readonly Operation[], parents: ReadonlySet<string>): Set<string> {
  const out = new Set([...parents].filter((p) => p !== ''));
  for (const op of ops) if (op.method === 'get') out.add(normPath(op.path));
  return out;
}

/**
 * Whether `op`'s success body reads as a list. A JSON body does when it is an array, an object with a property that is
 * an array of records (a page envelope: `{ total_count, workflow_runs: [...] }`), a union or allOf with such a member,
 * `unknown` or a reference cycle; a single object (its tags or scopes, arrays of strings, aside), a dictionary or a
 * scalar does not. Without a JSON body, another body (text, a file) does only when its schema is an array; no body at
 * all does (a spec that leaves a list's body out says as little as one whose GET answers nothing).
 */
function answersList(op: Operation, schemas: ReadonlyMap<string, Schema>): boolean {
  const json = successJsonBody(op);
  if (json !== undefined) return listLike(json, schemas, new Set(), true);
  const other = op.responses.find((r) => /^2/.test(r.status) && r.contents.length > 0)?.contents[0];
  return other === undefined || resolveRefs(other.schema, schemas)?.kind === 'array';
}

/**
 * @param top whether `schema` is the body itself (else a property of it: only an array of records counts there)
 * @param within the schemas being looked at on the way here (a cycle guard: a schema seen on another branch counts again)
 */
function listLike(schema: Schema, schemas: ReadonlyMap<string, Schema>, within: Set<Schema>, top: boolean): boolean {
  const s = resolveRefs(schema, schemas);
  if (s === undefined || within.has(s)) return top;
  within.add(s);
  const result = (() => {
    switch (s.kind) {
      case 'array':
        return top || (s.items !== undefined && !isScalar(s.items, schemas));
      case 'unknown':
        return top;
      case 'object':
        return top && s.properties.some((p) => listLike(p.schema, schemas, within, false));
      case 'union':
        return s.variants.some((v) => listLike(v, schemas, within, top));
      case 'intersection': {
        // A member that says nothing of the shape (only a description or an example: `unknown`) decides nothing.
        const shaped = s.members.filter((m) => resolveRefs(m, schemas)?.kind !== 'unknown');
        return shaped.length === 0 ? top : shaped.some((m) => listLike(m, schemas, within, top));
      }
      default:
        return false;
    }
  })();
  within.delete(s);
  return result;
}

/** A string, number, boolean, enum or null (through references): what tags and scopes are lists of, not pages. */
function isScalar(schema: Schema, schemas: ReadonlyMap<string, Schema>): boolean {
  const kind = resolveRefs(schema, schemas)?.kind;
  return kind === 'string' || kind === 'number' || kind === 'integer' || kind === 'boolean' || kind === 'enum' || kind === 'null';
}

/**
 * Whether an operationId's first word, the resource's words aside, is "list" (`listPets`, `List_things`,
 * `list2Things`, GitHub's `repos/list-languages` on `repos.languages`; not `listing`).
 */
function saysList(operationId: string, resource: string[]): boolean {
  return (
    ownWords(operationId, resource)[0]
      ?.toLowerCase()
      .replace(/[0-9]+$/, '') === 'list'
  );
}

function deriveResource(op: Operation, segs: Segment[], collections: ReadonlySet<string>): Derived {
  const tag = op.tags[0];
  const resource: string[] = [];
  let anchor = -1;
  if (tag !== undefined && toMemberName(tag, '') !== '') {
    anchor = segs.findIndex((s) => 'static' in s && sameName(s.static, tag));
    // Parents before the segment that names the tag: static segments followed by a parameter.
    for (let i = 0; i < anchor; i++) {
      const s = segs[i];
      const next = segs[i + 1];
      if (s && 'static' in s && next && 'param' in next) resource.push(toMemberName(s.static));
    }
    // The API's own word when it spells the tag (`datasources` for tag "Data sources"); the tag's
    // when they only match up to plural (`extract-template` vs tag "Extract templates").
    const named = segs[anchor];
    resource.push(named && 'static' in named && norm(named.static) === norm(tag) ? toMemberName(named.static) : toMemberName(tag));
  }
  const lastIndex = segs.length - 1;
  let shape: Derived['shape'] = 'collection';
  let action: string | undefined;
  for (let i = anchor + 1; i <= lastIndex; i++) {
    const s = segs[i] as Segment;
    if ('param' in s) {
      if (i === lastIndex) shape = 'item';
      continue;
    }
    if (i < lastIndex) {
      resource.push(toMemberName(s.static));
      continue;
    }
    // The last segment, static: a sub-collection when the whole path (without empty segments) is a collection
    // path (or when nothing names a resource yet: `/avatars` POST is a create), else an action.
    if (collections.has(normPath(`/${op.path.split('/').filter(Boolean).join('/')}`)) || resource.length === 0) {
      resource.push(toMemberName(s.static));
    } else {
      shape = 'action';
      action = toMemberName(s.static);
    }
  }
  if (resource.length === 0) resource.push('root');
  const d: Derived = { resource, shape };
  if (action !== undefined) d.action = action;
  return d;
}

/** The operationId's words without those of the resource names, as a member name (`''` when none is left). */
function withoutResourceWords(operationId: string, resource: string[]): string {
  return toMemberName(ownWords(operationId, resource).join(' '), '');
}

/** The words of an operationId that do not name (up to plural) a segment of its resource, in order. */
function ownWords(operationId: string, resource: string[]): string[] {
  const resWords = resource.flatMap((r) => splitWords(r, true)).map((w) => singular(w.toLowerCase()));
  return splitWords(operationId, true).filter((w) => !resWords.includes(singular(w.toLowerCase())));
}

function deriveMethod(op: Operation, d: Derived, hasPatchSibling: boolean): string {
  if (d.shape === 'action' && d.action !== undefined) return d.action;
  const item = d.shape === 'item';
  switch (op.method) {
    case 'get':
      return item ? 'retrieve' : 'list';
    case 'post':
      return item ? withoutResourceWords(op.operationId, d.resource) || 'create' : 'create';
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

/** A segment of `op`'s `x-sdk-resource`, or its `x-sdk-method`, as a member name; a warning when that changes it. */
function extensionName(ctx: ModelContext, op: Operation, extension: 'x-sdk-resource' | 'x-sdk-method', text: string): string {
  const name = toMemberName(text);
  if (name !== text) {
    const what = extension === 'x-sdk-resource' ? 'x-sdk-resource segment' : extension;
    const why = RESERVED_MEMBER_NAMES.has(text) ? 'is a reserved member name' : 'is not a camelCase identifier';
    ctx.report('warning', `model/${extension.slice(2)}-name`, `${what} "${text}" ${why}; using "${name}"`, child(op.pointer, extension));
  }
  return name;
}

/**
 * Sets `resource`, `methodName` and `module` on every operation, resolving or reporting collisions
 * (see the rules at the top). Renames go to `registry.renames`.
 */
export function assignResources(ctx: ModelContext, ops: Operation[], registry: NameRegistry, schemas: ReadonlyMap<string, Schema>): void {
  const patchPaths = new Set(ops.filter((o) => o.method === 'patch').map((o) => o.path));
  const parents = itemParents(ops);
  const collections = collectionPaths(ops, parents);
  const explicitMethod = new Set<Operation>();
  const singles = new Set<Operation>();
  for (const op of ops) {
    const extResource = op.extensions['x-sdk-resource'];
    const extMethod = op.extensions['x-sdk-method'];
    for (const [extension, value] of [
      ['x-sdk-resource', extResource],
      ['x-sdk-method', extMethod],
    ] as const) {
      // An empty or non-string value names nothing: the derived name stands, and the spec's author is told.
      if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
        ctx.report(
          'warning',
          `model/${extension.slice(2)}-name`,
          `${extension} ${JSON.stringify(value)} is not a name; the derived one is used`,
          child(op.pointer, extension),
        );
      }
    }
    let derived = deriveResource(op, pathSegments(op.path), collections);
    if (typeof extResource === 'string' && extResource.trim() !== '') {
      derived = { ...derived, resource: extResource.split('.').map((p) => extensionName(ctx, op, 'x-sdk-resource', p)) };
    }
    op.resource = derived.resource;
    if (typeof extMethod === 'string' && extMethod.trim() !== '') {
      op.methodName = extensionName(ctx, op, 'x-sdk-method', extMethod);
      explicitMethod.add(op);
    } else {
      op.methodName = deriveMethod(op, derived, op.method === 'put' && patchPaths.has(op.path));
      // A GET on a path no item path extends that answers one object or value reads it (GitHub's `GET /app/hook/config`),
      // unless its operationId says it lists; decided below, once every other method's name is known.
      if (
        op.method === 'get' &&
        derived.shape === 'collection' &&
        op.pagination === undefined &&
        !parents.has(normPath(op.path)) &&
        !saysList(op.operationId, op.resource) &&
        !answersList(op, schemas)
      ) {
        singles.add(op);
      }
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
  // A single read takes a name only where it is free: never a collision the `list` it was did not have (`GET /user`
  // beside `GET /users/{id}` under one tag is `getAuthenticated` by its operationId, and stays `list` when the document
  // gives none).
  const named = new Set(ops.filter((o) => !singles.has(o)).map((o) => `${o.resource.join('.')}#${o.methodName}`));
  for (const op of singles) {
    const res = op.resource.join('.');
    const free = (name: string): boolean => name !== '' && !named.has(`${res}#${name}`) && !children.get(res)?.has(name);
    // `retrieve`, else the operationId without the resource's words (`users/get-authenticated` → `getAuthenticated`) when
    // that says more than `get`, else, when it says just that, the whole operationId (`meta/get` → `metaGet`, as a
    // collision would give it).
    const rest = op.derivedId ? '' : withoutResourceWords(op.operationId, op.resource);
    const name = ['retrieve', rest === 'get' ? '' : rest, rest === 'get' ? toMemberName(op.operationId) : ''].find(free);
    if (name === undefined) continue;
    op.methodName = name;
    named.add(`${res}#${name}`);
  }
  // Explicit names claim first, then derived ones in spec order.
  const taken = new Map<string, Operation>();
  const ordered = [...ops.filter((o) => explicitMethod.has(o)), ...ops.filter((o) => !explicitMethod.has(o))];
  for (const op of ordered) {
    const res = op.resource.join('.');
    const clash = (name: string): Operation | 'child' | undefined => taken.get(`${res}#${name}`) ?? (children.get(res)?.has(name) ? 'child' : undefined);
    const other = clash(op.methodName);
    if (other !== undefined) {
      const what = other === 'child' ? `the sub-resource ${res}.${op.methodName}` : `${other.operationId} (${other.pointer})`;
      if (explicitMethod.has(op)) {
        ctx.report('error', 'model/method-name-collision', `method ${res}.${op.methodName} of ${op.operationId} collides with ${what}`, op.pointer);
      } else {
        // A derived name never refuses the document: the camelCased operationId (derived from method
        // and path when the document has none), else that name with the first free `2`, `3`, … suffix.
        const base = toMemberName(op.operationId);
        let fallback = base;
        for (let n = 2; clash(fallback) !== undefined; n++) fallback = `${base}${n}`;
        ctx.report(
          'warning',
          'model/method-name-collision',
          `method ${res}.${op.methodName} of ${op.operationId} collides with ${what}; using ${fallback}`,
          op.pointer,
        );
        registry.renames.push({ pointer: op.pointer, from: op.methodName, to: fallback, reason: `method name collides with ${what}` });
        op.methodName = fallback;
      }
    }
    taken.set(`${res}#${op.methodName}`, op);
  }
}
