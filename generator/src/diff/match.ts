/**
 * Which old operation is which new one: the same operationId, else (an operationId renamed) the
 * same method and path.
 */
import type { Api, Operation } from '../model/types.js';

/** Operations of the two documents, paired. */
export interface OperationMatch {
  pairs: Array<{ old: Operation; new: Operation }>;
  removed: Operation[];
  added: Operation[];
}

/** Pairs `old`'s operations with `new`'s (see the module comment), each list in spec order. */
export function matchOperations(oldApi: Api, newApi: Api): OperationMatch {
  const byId = new Map(newApi.operations.map((op) => [op.operationId, op]));
  const taken = new Set<Operation>();
  const pairs: OperationMatch['pairs'] = [];
  const unmatched: Operation[] = [];
  for (const op of oldApi.operations) {
    const same = byId.get(op.operationId);
    if (same === undefined) unmatched.push(op);
    else {
      pairs.push({ old: op, new: same });
      taken.add(same);
    }
  }
  const removed: Operation[] = [];
  for (const op of unmatched) {
    const same = newApi.operations.find((n) => !taken.has(n) && n.method === op.method && n.path === op.path);
    if (same === undefined) removed.push(op);
    else {
      pairs.push({ old: op, new: same });
      taken.add(same);
    }
  }
  const order = new Map(oldApi.operations.map((op, i) => [op, i]));
  pairs.sort((a, b) => (order.get(a.old) ?? 0) - (order.get(b.old) ?? 0));
  return { pairs, removed, added: newApi.operations.filter((op) => !taken.has(op)) };
}

/** `client.roles.update`: how user code reaches an operation's method. */
export function clientPath(op: Operation): string {
  return ['client', ...op.resource, op.methodName].join('.');
}
