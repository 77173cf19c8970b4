import type { Diagnostic } from '../diagnostics.js';
import { type Locate, placed } from './locate.js';
import { isObject } from '../json.js';
import { getAt, parsePointer, toPointer } from '../pointer.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * operationIds must be unique across the bundled document (paths and webhooks, path items from
 * other files included). Each repeat is reported where it is, naming the first use.
 */
export function checkOperationIds(document: Record<string, unknown>, locate: Locate): Diagnostic[] {
  const first = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const section of ['paths', 'webhooks'] as const) {
    const items = document[section];
    if (!isObject(items)) continue;
    for (const [key, rawItem] of Object.entries(items)) {
      const item = followLocalRef(document, rawItem);
      if (!isObject(item)) continue;
      for (const method of METHODS) {
        const op = item[method];
        if (!isObject(op) || typeof op['operationId'] !== 'string') continue;
        const id = op['operationId'];
        const label = `${method.toUpperCase()} ${key}`;
        const pointer = toPointer([section, key, method, 'operationId']);
        const previous = first.get(id);
        if (previous === undefined) {
          first.set(id, label);
          continue;
        }
        const where = locate(pointer);
        const d: Diagnostic = {
          severity: 'error',
          code: 'load/duplicate-operation-id',
          message: `operationId '${id}' of ${label} is already used by ${previous}: operationIds must be unique`,
          // The pointer inside the file that holds it (the bundled one differs for an operation from another file).
          pointer: where?.pointer ?? pointer,
        };
        diagnostics.push(placed(d, where));
      }
    }
  }
  return diagnostics;
}

function followLocalRef(document: unknown, node: unknown): unknown {
  for (let hops = 0; hops < 16 && isObject(node) && typeof node['$ref'] === 'string'; hops++) {
    const ref = node['$ref'];
    if (!ref.startsWith('#')) return node;
    node = getAt(document, parsePointer(ref));
  }
  return node;
}
