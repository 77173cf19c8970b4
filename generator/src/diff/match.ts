/**
 * Which old operation is which new one: the same operationId, else (an operationId renamed) the
 * same method and path.
 */
import { methodArguments } from '../model/client-names.js';
import { otherParameters } from '../model/queries.js';
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

/** One positional argument of a client method (before `options`). */
export interface ClientArgument {
  /** The argument's name in the method: a path argument's own (`loadId`), `params` or `body`. */
  name: string;
  /** A path parameter (D40), the other parameters, or the request body. */
  kind: 'path' | 'params' | 'body';
  optional: boolean;
}

/**
 * The arguments of an operation's client method, as D40 documents them (revising D5): one per path parameter in
 * path order, named by the registry; `params` (the query, header and cookie parameters) and `body`, each left out
 * when empty, optional when nothing in it is required and nothing required follows it (an operation with optional
 * query parameters and a required body takes `(…, {}, body)`).
 */
export function clientArguments(op: Operation): ClientArgument[] {
  const others = otherParameters(op);
  const bodyRequired = op.requestBody?.required === true;
  const out: ClientArgument[] = methodArguments(op).path.map((a) => ({ name: a.name, kind: 'path', optional: false }));
  if (others.length > 0) out.push({ name: 'params', kind: 'params', optional: !bodyRequired && others.every((p) => !p.required) });
  if (op.requestBody !== undefined) out.push({ name: 'body', kind: 'body', optional: !bodyRequired });
  return out;
}

/** `client.roles.update`: how user code reaches an operation's method. */
export function clientPath(op: Operation): string {
  return ['client', ...op.resource, op.methodName].join('.');
}
