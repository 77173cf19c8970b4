/**
 * The rules for operations: added and removed operations, and for each pair the path, method,
 * parameters, body, responses, auth, pagination and retry behaviour. Types inside them go to the
 * schema rules (`schema-diff.ts`) with their direction.
 */
import type { ChangeClass } from './change.js';
import { docsChange } from './docs-diff.js';
import { clientPath, type OperationMatch } from './match.js';
import { assignable } from './relation.js';
import { compareSchemas, type WalkContext } from './schema-diff.js';
import { anyOf } from './shape.js';
import type { ChangeSink } from './sink.js';
import { clientArguments } from '../model/client-names.js';
import { errorResponses, methodAndPath, PARAMETER_LOCATIONS, successResponses } from '../model/queries.js';
import type { Api, MediaContent, Operation, Parameter, Response, SecurityRequirement } from '../model/types.js';

/** What every operation rule needs. */
export interface OperationRulesInput {
  old: Api;
  new: Api;
  match: OperationMatch;
  sink: ChangeSink;
  /** Named schemas already walked (shared with the other rules of the same diff). */
  walked: Set<string>;
}

/** Records the changes of every operation: added, removed, and inside each pair. */
export function compareOperations(input: OperationRulesInput): void {
  const { sink } = input;
  for (const op of input.match.removed) {
    sink.add({
      class: 'major',
      kind: 'operation-removed',
      message: `operation removed (${methodAndPath(op)}, ${clientPath(op)})`,
      operation: op.operationId,
      pointer: op.pointer,
      symbol: clientPath(op),
      visible: 'yes',
    });
  }
  for (const op of input.match.added) {
    sink.add({
      class: 'minor',
      kind: 'operation-added',
      message: `operation added (${methodAndPath(op)}, ${clientPath(op)})`,
      operation: op.operationId,
      pointer: op.pointer,
      symbol: clientPath(op),
      visible: 'no',
    });
  }
  for (const pair of input.match.pairs) comparePair(pair.old, pair.new, input);
}

function comparePair(o: Operation, n: Operation, input: OperationRulesInput): void {
  const add = (cls: ChangeClass, kind: string, message: string, visible: boolean, pointer = n.pointer, symbol = clientPath(n)): void => {
    input.sink.add({ class: cls, kind, message, operation: o.operationId, pointer, symbol, visible: visible ? 'yes' : 'no' });
  };
  if (o.operationId !== n.operationId) add('major', 'operation-id-changed', `operationId renamed to ${n.operationId}`, true);
  if (o.path !== n.path) add('major', 'path-changed', `path changed: ${o.path} → ${n.path}`, true);
  if (o.method !== n.method) add('major', 'method-changed', `HTTP method changed: ${o.method.toUpperCase()} → ${n.method.toUpperCase()}`, true);
  const docs = docsChange(o, n);
  if (docs !== undefined) add('patch', 'docs-changed', docs, false);
  if (JSON.stringify(o.tags) !== JSON.stringify(n.tags)) add('patch', 'docs-changed', `tags changed: ${o.tags.join(', ')} → ${n.tags.join(', ')}`, false);

  const context = (direction: WalkContext['direction'], symbol: string, seen: boolean, plain: boolean): WalkContext => ({
    old: input.old,
    new: input.new,
    direction,
    sink: input.sink,
    seen,
    plain,
    symbol,
    operation: o.operationId,
    walked: input.walked,
  });

  compareArguments(o, n, add);
  compareParameters(o, n, add, (symbol) => context('request', symbol, true, true));
  compareBodies(o, n, add, (symbol, plain) => context('request', symbol, true, plain));
  compareResponses(o, n, input, add, (symbol, seen, plain) => context('response', symbol, seen, plain));
  compareSecurity(o.security, n.security, add);
  comparePagination(o, n, add);
  if (o.idempotent !== n.idempotent || o.idempotencyHeader !== n.idempotencyHeader) {
    add(
      'minor',
      'retry-behaviour-changed',
      `retries change: x-idempotent ${String(o.idempotent)} → ${String(n.idempotent)}, idempotency header ${o.idempotencyHeader ?? 'none'} → ${n.idempotencyHeader ?? 'none'}`,
      false,
    );
  }
}

type Add = (cls: ChangeClass, kind: string, message: string, visible: boolean, pointer?: string, symbol?: string) => void;

/**
 * The method's positional arguments: a call written for the old ones still lines up when the old
 * arguments are the first new ones, kind by kind (a path argument's name does not matter to a call). A
 * `params` argument appearing before the body (an optional parameter added to an operation that had
 * none) moves the body: `create(body)` no longer compiles; so does a path parameter added or removed.
 */
function compareArguments(o: Operation, n: Operation, add: Add): void {
  const before = clientArguments(o);
  const after = clientArguments(n);
  if (before.every((a, i) => after[i]?.kind === a.kind)) return;
  const list = (args: Array<{ name: string }>): string => `(${[...args.map((a) => a.name), 'options'].join(', ')})`;
  add('major', 'arguments-changed', `the method's arguments are now ${list(after)} (were ${list(before)})`, true);
}

function compareParameters(o: Operation, n: Operation, add: Add, ctx: (symbol: string) => WalkContext): void {
  const all = (op: Operation): Parameter[] => PARAMETER_LOCATIONS.flatMap((l) => op.parameters[l]);
  const before = all(o);
  const after = all(n);
  const find = (list: Parameter[], p: Parameter): Parameter | undefined => list.find((q) => q.in === p.in && q.name === p.name);
  for (const p of before) {
    const symbol = `${n.names.params}.${p.name}`;
    const q = find(after, p);
    if (q === undefined) {
      const moved = after.find((x) => x.name === p.name);
      if (moved !== undefined) {
        add('major', 'parameter-moved', `parameter \`${p.name}\` moved from ${p.in} to ${moved.in}`, false, moved.pointer, symbol);
        compareParameterPair(p, moved, add, ctx(symbol));
      } else {
        add('major', 'parameter-removed', `${p.in} parameter \`${p.name}\` removed`, true, p.pointer, symbol);
      }
      continue;
    }
    compareParameterPair(p, q, add, ctx(symbol));
  }
  for (const q of after) {
    if (find(before, q) !== undefined || before.some((p) => p.name === q.name)) continue;
    const symbol = `${n.names.params}.${q.name}`;
    if (q.required) add('major', 'required-parameter-added', `required ${q.in} parameter \`${q.name}\` added`, true, q.pointer, symbol);
    else add('minor', 'parameter-added', `optional ${q.in} parameter \`${q.name}\` added`, false, q.pointer, symbol);
  }
}

function compareParameterPair(p: Parameter, q: Parameter, add: Add, ctx: WalkContext): void {
  if (!p.required && q.required) add('major', 'parameter-now-required', `parameter \`${q.name}\` now required`, true, q.pointer, ctx.symbol);
  if (p.required && !q.required) add('minor', 'parameter-now-optional', `parameter \`${q.name}\` now optional`, false, q.pointer, ctx.symbol);
  const wire = (x: Parameter): string => JSON.stringify([x.style, x.explode, x.allowReserved, x.contentMediaType ?? null]);
  if (wire(p) !== wire(q)) {
    add(
      'major',
      'parameter-serialization-changed',
      `parameter \`${q.name}\` is serialised differently (style ${p.style} → ${q.style}, explode ${p.explode} → ${q.explode})`,
      false,
      q.pointer,
      ctx.symbol,
    );
  }
  if ((p.secret === true) !== (q.secret === true) || (p.idempotencyKey === true) !== (q.idempotencyKey === true)) {
    add('minor', 'parameter-behaviour-changed', `parameter \`${q.name}\`: x-secret or x-idempotency-key changed`, false, q.pointer, ctx.symbol);
  }
  const docs = docsChange(p, q);
  if (docs !== undefined) add('patch', 'docs-changed', `parameter \`${q.name}\`: ${docs}`, false, q.pointer, ctx.symbol);
  compareSchemas(p.schema, q.schema, ctx);
}

function compareBodies(o: Operation, n: Operation, add: Add, ctx: (symbol: string, plain: boolean) => WalkContext): void {
  const a = o.requestBody;
  const b = n.requestBody;
  const symbol = n.names.body ?? o.names.body ?? `${n.identifier}Body`;
  if (a === undefined) {
    if (b?.required === true) add('major', 'required-body-added', 'required request body added', true, b.pointer, symbol);
    else if (b !== undefined) add('minor', 'body-added', 'optional request body added', false, b.pointer, symbol);
    return;
  }
  if (b === undefined) {
    add('major', 'body-removed', 'request body removed', true, a.pointer, symbol);
    return;
  }
  if (!a.required && b.required) add('major', 'body-now-required', 'request body now required', true, b.pointer, symbol);
  if (a.required && !b.required) add('minor', 'body-now-optional', 'request body now optional', false, b.pointer, symbol);
  const docs = docsChange(a, b);
  if (docs !== undefined) add('patch', 'docs-changed', `request body: ${docs}`, false, b.pointer, symbol);
  const plain = a.contents.length === 1;
  compareContents(a.contents, b.contents, 'request', add, b.pointer, symbol, (before, after) =>
    compareSchemas(before.schema, after.schema, ctx(symbol, plain)),
  );
  for (const d of b.contents) {
    if (!a.contents.some((c) => c.mediaType === d.mediaType))
      add('minor', 'content-type-added', `request content type ${d.mediaType} added`, false, b.pointer, symbol);
  }
}

/**
 * Media types of one body (a request's, a response's): removed ones, the schemas of those on both sides, and the
 * default (first) one changed to another the old body had. Added ones are the caller's.
 */
function compareContents(
  before: readonly MediaContent[],
  after: readonly MediaContent[],
  where: string,
  add: Add,
  pointer: string,
  symbol: string,
  schemas: (a: MediaContent, b: MediaContent) => void,
): void {
  for (const a of before) {
    const b = after.find((c) => c.mediaType === a.mediaType);
    if (b === undefined) add('major', 'content-type-removed', `${where} content type ${a.mediaType} removed`, true, pointer, symbol);
    else schemas(a, b);
  }
  const first = (list: readonly MediaContent[]): string | undefined => list[0]?.mediaType;
  if (first(before) !== first(after) && after.some((b) => b.mediaType === first(before))) {
    add('major', 'content-type-changed', `${where} default content type changed: ${first(before)} → ${first(after)}`, false, pointer, symbol);
  }
}

function compareResponses(
  o: Operation,
  n: Operation,
  input: OperationRulesInput,
  add: Add,
  ctx: (symbol: string, seen: boolean, plain: boolean) => WalkContext,
): void {
  const before = { success: successResponses(o), error: errorResponses(o) };
  const after = { success: successResponses(n), error: errorResponses(n) };
  const oldSuccessBodies = before.success.flatMap((r) => r.contents);
  // Reads reach a success body when it is the only one (the response type is that body's type).
  const plain = oldSuccessBodies.length === 1;
  for (const r of o.responses) {
    const ok = before.success.includes(r);
    const symbol = ok ? n.names.response : n.names.error;
    const s = n.responses.find((x) => x.status === r.status);
    if (s === undefined) {
      add('major', 'response-removed', `response ${r.status} removed`, true, r.pointer, symbol);
      continue;
    }
    const docs = docsChange(r, s);
    if (docs !== undefined) add('patch', 'docs-changed', `response ${r.status}: ${docs}`, false, s.pointer, symbol);
    compareContents(r.contents, s.contents, `response ${r.status}`, add, s.pointer, symbol, (a, b) =>
      compareSchemas(a.schema, b.schema, ctx(symbol, true, ok && plain)),
    );
    compareHeaders(r, s, add, symbol, (headerSymbol) => ctx(headerSymbol, false, false));
  }
  for (const set of ['success', 'error'] as const) {
    const symbol = set === 'success' ? n.names.response : n.names.error;
    const what = set === 'success' ? 'response' : 'error';
    const oldBodies = before[set].flatMap((r) => r.contents.map((c) => ({ status: r.status, content: c })));
    const union = anyOf(
      oldBodies.map((b) => b.content.schema),
      o.pointer,
    );
    for (const r of after[set]) {
      for (const c of r.contents) {
        if (oldBodies.some((b) => b.status === r.status && b.content.mediaType === c.mediaType)) continue;
        const where = o.responses.some((x) => x.status === r.status) ? `response ${r.status} content type ${c.mediaType}` : `response ${r.status}`;
        // No body before: the response type was `void` (the usage file does not keep it) and the error type `unknown`.
        if (union === undefined) add('minor', 'response-body-added', `${where} added (there was no ${what} body)`, false, r.pointer, symbol);
        else if (assignable({ api: input.new, schema: c.schema }, { api: input.old, schema: union }, 'response')) {
          add('minor', 'response-added', `${where} added (its body type is already in the ${what} type)`, false, r.pointer, symbol);
        } else add('major', 'response-added', `${where} added: the ${what} type widens`, true, r.pointer, symbol);
      }
      if (r.contents.length === 0 && !o.responses.some((x) => x.status === r.status)) {
        add('minor', 'response-added', `response ${r.status} (no body) added`, false, r.pointer, symbol);
      }
    }
  }
  // A success without a body beside ones with a body makes the response type admit `undefined`.
  const mayBeEmpty = (sets: { success: Response[] }): boolean =>
    sets.success.some((r) => r.contents.length === 0) && sets.success.some((r) => r.contents.length > 0);
  if (oldSuccessBodies.length > 0 && !mayBeEmpty(before) && mayBeEmpty(after)) {
    add('major', 'response-may-be-empty', 'a success response without a body: the response type now admits undefined', true, n.pointer, n.names.response);
  }
}

function compareHeaders(r: Response, s: Response, add: Add, symbol: string, ctx: (symbol: string) => WalkContext): void {
  for (const h of r.headers) {
    const g = s.headers.find((x) => x.name.toLowerCase() === h.name.toLowerCase());
    if (g === undefined) add('major', 'response-header-removed', `response ${r.status}: header ${h.name} removed`, false, s.pointer, symbol);
    else compareSchemas(h.schema, g.schema, ctx(`${symbol} header ${h.name}`));
  }
  for (const g of s.headers) {
    if (!r.headers.some((h) => h.name.toLowerCase() === g.name.toLowerCase()))
      add('minor', 'response-header-added', `response ${s.status}: header ${g.name} added`, false, s.pointer, symbol);
  }
}

/**
 * Auth is tightened when some way of calling that worked before no longer does: an old alternative
 * (a set of schemes and scopes) that no new alternative is a subset of.
 */
function compareSecurity(before: SecurityRequirement[], after: SecurityRequirement[], add: Add): void {
  const sets = (reqs: SecurityRequirement[]): Array<Set<string>> =>
    reqs.map((alt) => new Set(alt.flatMap((s) => [s.scheme, ...s.scopes.map((scope) => `${s.scheme}:${scope}`)])));
  const describe = (reqs: SecurityRequirement[]): string =>
    reqs.length === 0 ? 'none' : reqs.map((alt) => alt.map((s) => s.scheme).join(' + ') || 'anonymous').join(' or ');
  const a = sets(before);
  const b = sets(after);
  const subset = (x: Set<string>, y: Set<string>): boolean => [...x].every((v) => y.has(v));
  // No requirement at all accepts every call, as an empty alternative does.
  const accepts = (alts: Array<Set<string>>, call: Set<string>): boolean => alts.length === 0 || alts.some((alt) => subset(alt, call));
  const oldCalls = a.length === 0 ? [new Set<string>()] : a;
  const newCalls = b.length === 0 ? [new Set<string>()] : b;
  const tightened = oldCalls.some((call) => !accepts(b, call));
  const loosened = newCalls.some((call) => !accepts(a, call));
  if (tightened) add('major', 'auth-tightened', `auth tightened: ${describe(before)} → ${describe(after)}`, false);
  else if (loosened) add('minor', 'auth-loosened', `auth loosened: ${describe(before)} → ${describe(after)}`, false);
}

function comparePagination(o: Operation, n: Operation, add: Add): void {
  const a = o.pagination;
  const b = n.pagination;
  if (a === undefined && b === undefined) return;
  if (a === undefined) {
    add('major', 'pagination-added', 'now paginated: the method returns pages', true);
    return;
  }
  if (b === undefined) {
    add('major', 'pagination-removed', 'no longer paginated: the method returns the body', true);
    return;
  }
  const settings = (p: NonNullable<Operation['pagination']>): string => {
    const { itemSchema: _item, reason: _reason, source: _source, ...rest } = p;
    return JSON.stringify(rest, Object.keys(rest).sort());
  };
  if (settings(a) !== settings(b)) add('major', 'pagination-changed', `pagination changed (${a.style} → ${b.style})`, false);
}
