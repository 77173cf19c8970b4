/**
 * The client's resource tree, built from {@link Operation.resource} and {@link Operation.methodName}:
 * one node per resource path, each with its operations (spec order), its child resources (code-unit
 * order), the file it is emitted to and its class name.
 *
 * - File: `src/resources/<segments in kebab-case joined by '/'>.ts` (`datasources/connections.ts`).
 * - Class: the last segment in PascalCase (`Connections`) when no other node has that name, else
 *   the whole path in PascalCase (`DatasourcesConnections`); a name the package already uses (the
 *   client class, runtime exports) gets a `Resource` suffix.
 * - Operations with an empty resource path become methods of the root client.
 */
import type { Api, Operation } from '../../model/types.js';
import { compareCodeUnits } from '../text.js';

export interface ResourceNode {
  /** camelCase segments, e.g. `['datasources', 'connections']`; `[]` for the root client. */
  path: string[];
  /** Getter name on the parent (the last segment). */
  name: string;
  className: string;
  /** `src/resources/datasources/connections.ts`. */
  file: string;
  operations: Operation[];
  /** Member name of each operation's method, index-aligned with `operations` (the model's `methodName`, renamed on the root when the core uses it). */
  methodNames: string[];
  children: ResourceNode[];
  /** `client.datasources.connections`. */
  access: string;
}

/**
 * Members of the runtime's `ClientCore` (public and protected; its private state is in `#` fields,
 * which cannot collide): the root client cannot declare a getter or method with one of these names,
 * so such a resource or operation gets a `_` suffix (`client.config_`). A test keeps this list in
 * step with generator/runtime/client.ts.
 */
export const CORE_MEMBERS = new Set(['baseUrl', 'config', 'constructor', 'options', 'request', 'toJSON', 'withOptions']);

/** Names the client package exports besides resource classes (a resource class never takes one). */
export const PACKAGE_NAMES = new Set([
  'APIPromise',
  'AbortError',
  'ApiError',
  'AuthenticationError',
  'BadRequestError',
  'ClientCore',
  'ConflictError',
  'ConnectionError',
  'InternalServerError',
  'NotFoundError',
  'Page',
  'PagePromise',
  'PaginationError',
  'PermissionDeniedError',
  'RateLimitError',
  'ResponseParseError',
  'SdkError',
  'TimeoutError',
  'UnprocessableEntityError',
  'UsageError',
  'ValidationError',
  'WebhookVerificationError',
]);

/** `webhookEndpoints` → `webhook-endpoints`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** `webhookEndpoints` → `WebhookEndpoints`. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

/** The root node (the client itself) with the whole tree below it. */
export function resourceTree(api: Api, clientName: string): ResourceNode {
  const root: ResourceNode = {
    path: [],
    name: '',
    className: clientName,
    file: 'src/client.ts',
    operations: [],
    methodNames: [],
    children: [],
    access: 'client',
  };
  const rootSafe = (name: string): string => {
    let out = name;
    while (CORE_MEMBERS.has(out)) out = `${out}_`;
    return out;
  };
  const byKey = new Map<string, ResourceNode>([['', root]]);
  const nodeFor = (path: string[]): ResourceNode => {
    const key = path.join('.');
    const found = byKey.get(key);
    if (found !== undefined) return found;
    const parent = nodeFor(path.slice(0, -1));
    const last = path[path.length - 1] as string;
    const name = path.length === 1 ? rootSafe(last) : last;
    const node: ResourceNode = {
      path,
      name,
      className: '',
      file: `src/resources/${path.map(kebabCase).join('/')}.ts`,
      operations: [],
      methodNames: [],
      children: [],
      access: `${parent.access}.${name}`,
    };
    parent.children.push(node);
    byKey.set(key, node);
    return node;
  };
  for (const op of api.operations) {
    const node = nodeFor(op.resource);
    node.operations.push(op);
    node.methodNames.push(node === root ? rootSafe(op.methodName) : op.methodName);
  }

  const all = [...byKey.values()].filter((n) => n.path.length > 0);
  const lastNames = new Map<string, number>();
  for (const n of all) {
    const c = pascalCase(n.name);
    lastNames.set(c, (lastNames.get(c) ?? 0) + 1);
  }
  const taken = new Set([clientName, `${clientName}Base`, `${clientName}Auth`, `${clientName}Options`, ...PACKAGE_NAMES]);
  for (const n of all.sort((a, b) => compareCodeUnits(a.path.join('.'), b.path.join('.')))) {
    const short = pascalCase(n.name);
    let name = lastNames.get(short) === 1 ? short : n.path.map(pascalCase).join('');
    if (name === '' || /^[0-9]/.test(name)) name = `R${name}`;
    if (taken.has(name)) name = `${name}Resource`;
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    n.className = name;
  }
  const sortChildren = (n: ResourceNode): void => {
    n.children.sort((a, b) => compareCodeUnits(a.name, b.name));
    n.children.forEach(sortChildren);
  };
  sortChildren(root);
  return root;
}

/** Every node below the root, depth-first in tree order. */
export function allResources(root: ResourceNode): ResourceNode[] {
  const out: ResourceNode[] = [];
  const walk = (n: ResourceNode): void => {
    for (const c of n.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** `client.a.b.method` of every operation. */
export function methodAccess(root: ResourceNode): Map<Operation, string> {
  const out = new Map<Operation, string>();
  for (const node of [root, ...allResources(root)]) {
    node.operations.forEach((op, i) => {
      out.set(op, `${node.access}.${node.methodNames[i] ?? op.methodName}`);
    });
  }
  return out;
}
