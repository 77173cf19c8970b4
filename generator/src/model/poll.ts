/**
 * `x-poll` on an operation that starts work (spec/README.md, "x-poll"; docs/decisions.md D36, D41): the status read
 * the client's `…AndPoll` method repeats, the values its parameters take, the status field and the values that end
 * the wait. Every problem is an error (`model/poll`) at the pointer of the key that is wrong, so the client never
 * holds a method that does not compile or cannot end:
 *
 * - `operationId` names an operation of the document that is a GET, takes no request body and is not paginated
 *   (each read returns the status, not a page), and has a JSON success body;
 * - `field` is a JSON pointer into that body through object properties (`allOf` members and `$ref`s followed; not
 *   through `oneOf`/`anyOf` or array items, which a property access cannot read for every variant);
 * - `terminal` is a non-empty list of scalars of the field's type: when the field is an `enum`/`const`, values of
 *   it (a comparison with anything else never holds, and TypeScript refuses it);
 * - `parameters` maps parameters of the status read (by wire name) to `$request.path|query|header|cookie.<name>`,
 *   `$request.body#/<pointer>`, `$response.body#/<pointer>` (the starting operation's parameters, JSON request body
 *   or success body) or a constant; every other runtime expression (`$response.header.*`, `$url`, …) is refused;
 * - a path parameter of the status read that `parameters` leaves out takes the starting operation's path parameter of
 *   the same name; a required parameter of the read without a value is an error;
 * - a value must fit its parameter: one that may be absent (an optional parameter, an optional or nullable step)
 *   only for an optional parameter, `null` only for a nullable one, and of the same scalar type (a string for a
 *   string, a value of an enum for that enum);
 * - `intervalMs` and `timeoutMs`, when given, are numbers ≥ 0.
 */
import type { ModelContext } from './context.js';
import { isObject } from '../json.js';
import { child, parseJsonPointer } from '../pointer.js';
import { followRefs } from './graph.js';
import { orderedParameters, parameterOptional, requestJsonBody, successJsonBody } from './queries.js';
import type { AccessStep, Operation, Parameter, ParameterLocation, Poll, PollArgument, PollValue, Pointer, Schema } from './types.js';

const CODE = 'model/poll';
const PARAMETER_EXPRESSION = /^\$request\.(path|query|header|cookie)\.(.+)$/;
const BODY_EXPRESSION = /^\$(request|response)\.body(?:#(.*))?$/;

/** A scalar type as far as a comparison or an argument cares. */
type ScalarKind = 'string' | 'number' | 'boolean';

/** Where a pointer into a schema leads: the access steps, the schema reached, and whether the value may be absent. */
interface Reached {
  steps: AccessStep[];
  schema: Schema;
  /** A step is optional, or a value before the last is nullable: the access may give `undefined`. */
  mayBeUndefined: boolean;
  /** The value reached is nullable. */
  mayBeNull: boolean;
}

/** {@link followRefs} over the model's component schemas. */
function resolve(schema: Schema, schemas: ReadonlyMap<string, Schema>): { schema: Schema | undefined; nullable: boolean } {
  return followRefs(schema, (key) => schemas.get(key));
}

/** The property `name` of an object or of an intersection's members (required when a member requires it). */
function propertyOf(
  schema: Schema,
  name: string,
  schemas: ReadonlyMap<string, Schema>,
  seen = new Set<Schema>(),
): { schema: Schema; required: boolean } | string {
  const { schema: s } = resolve(schema, schemas);
  if (s === undefined || seen.has(s)) return `no property ${name}`;
  seen.add(s);
  if (s.kind === 'object') {
    const p = s.properties.find((x) => x.name === name);
    return p === undefined ? `no property ${name}` : { schema: p.schema, required: p.required };
  }
  if (s.kind === 'intersection') {
    let found: { schema: Schema; required: boolean } | undefined;
    for (const m of s.members) {
      const r = propertyOf(m, name, schemas, seen);
      if (typeof r === 'string') continue;
      found = found === undefined ? r : { schema: found.schema, required: found.required || r.required };
    }
    return found ?? `no property ${name}`;
  }
  if (s.kind === 'union') return `${name} is read through a ${s.keyword === 'type-array' ? 'multi-type schema' : s.keyword}, which not every variant may have`;
  return `the value before ${name} is no object (${s.kind})`;
}

/**
 * The steps of a JSON pointer (`/a/b`) into `root`, or why it does not resolve. The empty pointer is the root itself.
 */
export function propertyPath(root: Schema, pointer: string, schemas: ReadonlyMap<string, Schema>): Reached | string {
  const tokens = parseJsonPointer(pointer);
  if (tokens === undefined) return `${JSON.stringify(pointer)} is not a JSON pointer (it starts with /)`;
  const steps: AccessStep[] = [];
  let current = root;
  let mayBeUndefined = false;
  for (const token of tokens) {
    const before = resolve(current, schemas);
    const found = propertyOf(current, token, schemas);
    if (typeof found === 'string') return found;
    steps.push({ name: token, optional: mayBeUndefined || before.nullable });
    mayBeUndefined ||= before.nullable || !found.required;
    current = found.schema;
  }
  return { steps, schema: current, mayBeUndefined, mayBeNull: resolve(current, schemas).nullable };
}

/** The scalar type of a schema, or undefined when it is none or not one type (an object, a union of kinds, `unknown`). */
function scalarKind(schema: Schema, schemas: ReadonlyMap<string, Schema>): ScalarKind | undefined {
  const { schema: s } = resolve(schema, schemas);
  if (s === undefined) return undefined;
  switch (s.kind) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'enum': {
      const kinds = new Set(s.values.map((v) => typeof v));
      if (kinds.size !== 1) return undefined;
      const [kind] = [...kinds];
      return kind === 'string' || kind === 'number' || kind === 'boolean' ? kind : undefined;
    }
    default:
      return undefined;
  }
}

/** The values of an enum (or `const`) schema, or undefined when it is none. */
function enumValues(schema: Schema, schemas: ReadonlyMap<string, Schema>): ReadonlyArray<string | number | boolean> | undefined {
  const { schema: s } = resolve(schema, schemas);
  return s?.kind === 'enum' ? s.values : undefined;
}

/** Why a value of schema `value` (or the constant) cannot be passed where `target` is declared, or undefined. */
function misfit(value: { schema?: Schema; constant?: string | number | boolean }, target: Schema, schemas: ReadonlyMap<string, Schema>): string | undefined {
  const { schema: t } = resolve(target, schemas);
  if (t === undefined || t.kind === 'unknown') return undefined;
  const allowed = enumValues(target, schemas);
  if (allowed !== undefined) {
    if (value.constant !== undefined) return allowed.includes(value.constant) ? undefined : `${JSON.stringify(value.constant)} is not one of its values`;
    const given = value.schema === undefined ? undefined : enumValues(value.schema, schemas);
    return given?.every((v) => allowed.includes(v)) ? undefined : 'it is an enum, and the value is not one of its values';
  }
  if (value.schema?.kind === 'ref' && target.kind === 'ref' && value.schema.target === target.target) return undefined;
  // A union takes a value of any scalar type of its variants; its enum variants only their own values.
  const variants = t.kind === 'union' ? t.variants : [t];
  if (value.constant !== undefined && variants.some((v) => enumValues(v, schemas)?.includes(value.constant as string | number | boolean))) return undefined;
  const wanted = variants.filter((v) => enumValues(v, schemas) === undefined).map((v) => scalarKind(v, schemas));
  if (!wanted.some((k) => k !== undefined)) return 'its type is not a scalar the value can be checked against';
  const kind =
    value.constant !== undefined ? (typeof value.constant as ScalarKind) : value.schema === undefined ? undefined : scalarKind(value.schema, schemas);
  if (kind === undefined) return 'the value is not a scalar';
  return wanted.includes(kind) ? undefined : `it is a ${wanted.filter((k) => k !== undefined).join(' or ')}, the value a ${kind}`;
}

/** Checks and reads the `x-poll` of every operation that has one; sets {@link Operation.poll}. */
export function assignPolls(ctx: ModelContext, ops: readonly Operation[], schemas: ReadonlyMap<string, Schema>): void {
  for (const op of ops) {
    const ext = op.extensions['x-poll'];
    if (ext === undefined) continue;
    const poll = readPoll(ctx, op, ext, ops, schemas);
    if (poll !== undefined) op.poll = poll;
  }
}

function readPoll(ctx: ModelContext, op: Operation, ext: unknown, ops: readonly Operation[], schemas: ReadonlyMap<string, Schema>): Poll | undefined {
  const at = child(op.pointer, 'x-poll');
  const fail = (message: string, pointer: Pointer = at): undefined => {
    ctx.report('error', CODE, message, pointer);
    return undefined;
  };
  if (!isObject(ext)) return fail('x-poll must be an object (operationId, parameters, field, terminal, intervalMs, timeoutMs)');
  const id = ext.operationId;
  const read = typeof id === 'string' ? ops.find((o) => o.operationId === id) : undefined;
  if (read === undefined) return fail(`x-poll.operationId ${JSON.stringify(id) ?? String(id)} names no operation of the document`, child(at, 'operationId'));
  const where = `the status read ${read.operationId} (${read.method.toUpperCase()} ${read.path})`;
  if (read.method !== 'get') return fail(`${where} must be a GET: it is repeated until the status ends the wait`, child(at, 'operationId'));
  if (read.requestBody !== undefined) return fail(`${where} takes a request body, which x-poll cannot give`, child(at, 'operationId'));
  if (read.pagination !== undefined) return fail(`${where} is paginated: each read must return the status, not a page`, child(at, 'operationId'));
  const body = successJsonBody(read);
  if (body === undefined) return fail(`${where} has no JSON success body to read the status from`, child(at, 'operationId'));

  let ok = true;
  const report = (message: string, pointer: Pointer): void => {
    ctx.report('error', CODE, message, pointer);
    ok = false;
  };
  // The field and the values that end the wait.
  const field = ext.field;
  const reached = typeof field === 'string' ? propertyPath(body, field, schemas) : undefined;
  if (reached === undefined) report(`x-poll.field (a JSON pointer into the success body of ${where}) is required`, child(at, 'field'));
  else if (typeof reached === 'string') report(`x-poll.field ${JSON.stringify(field)}: ${reached} in the success body of ${where}`, child(at, 'field'));
  else if (reached.steps.length === 0) report(`x-poll.field must name a property of the success body of ${where}, not the body itself`, child(at, 'field'));
  const terminal = Array.isArray(ext.terminal) ? ext.terminal : [];
  if (terminal.length === 0) report('x-poll.terminal must list at least one value that ends the wait', child(at, 'terminal'));
  terminal.forEach((value, i) => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      report(`x-poll.terminal values are strings, numbers or booleans, not ${JSON.stringify(value)}`, child(at, 'terminal', i));
      return;
    }
    if (reached === undefined || typeof reached === 'string') return;
    const why = misfit({ constant: value }, reached.schema, schemas);
    if (why !== undefined) report(`x-poll.terminal ${JSON.stringify(value)} can never be the value of ${String(field)}: ${why}`, child(at, 'terminal', i));
  });
  for (const key of ['intervalMs', 'timeoutMs'] as const) {
    const v = ext[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0))
      report(`x-poll.${key} must be a number of milliseconds ≥ 0`, child(at, key));
  }

  // The status read's parameters.
  const given = ext.parameters === undefined ? {} : ext.parameters;
  if (!isObject(given)) return fail('x-poll.parameters must map parameter names of the status read to values', child(at, 'parameters'));
  const readParams = orderedParameters(read);
  for (const name of Object.keys(given)) {
    if (!readParams.some((p) => p.name === name)) report(`x-poll.parameters.${name}: ${where} has no parameter ${name}`, child(at, 'parameters', name));
  }
  const args: PollArgument[] = [];
  for (const target of readParams) {
    const pointer = child(at, 'parameters', target.name);
    const raw = given[target.name];
    let expression: string;
    let value: ResolvedValue | string;
    if (raw !== undefined) {
      expression = typeof raw === 'string' ? raw : JSON.stringify(raw);
      value = resolveValue(op, raw, schemas);
    } else if (target.in === 'path') {
      expression = `$request.path.${target.name}`;
      value = op.parameters.path.some((p) => p.name === target.name)
        ? resolveValue(op, expression, schemas)
        : `path parameter ${target.name} of ${where} has no value: give it in x-poll.parameters (the starting operation has no path parameter of that name)`;
    } else {
      if (!parameterOptional(target)) report(`x-poll.parameters: the required ${target.in} parameter ${target.name} of ${where} has no value`, at);
      continue;
    }
    if (typeof value === 'string') {
      report(`x-poll.parameters.${target.name}: ${value}`, raw !== undefined ? pointer : at);
      continue;
    }
    const why = misfitOfValue(value, target, schemas);
    if (why !== undefined) {
      report(
        `x-poll.parameters.${target.name} (${expression}) cannot be passed to the ${target.in} parameter ${target.name} of ${where}: ${why}`,
        raw !== undefined ? pointer : at,
      );
      continue;
    }
    args.push({ name: target.name, value: value.value, expression, mayBeUndefined: value.mayBeUndefined });
  }
  if (!ok || reached === undefined || typeof reached === 'string') return undefined;
  const poll: Poll = { operationId: read.operationId, arguments: args, field: field as string, fieldSteps: reached.steps, terminal, pointer: at };
  if (typeof ext.intervalMs === 'number') poll.intervalMs = ext.intervalMs;
  if (typeof ext.timeoutMs === 'number') poll.timeoutMs = ext.timeoutMs;
  return poll;
}

/** A value of `x-poll.parameters` with what the check of its fit needs. */
interface ResolvedValue {
  value: PollValue;
  schema?: Schema;
  mayBeUndefined: boolean;
  mayBeNull: boolean;
}

/** Why `value` does not fit the status read's parameter `target`, or undefined. */
function misfitOfValue(value: ResolvedValue, target: Parameter, schemas: ReadonlyMap<string, Schema>): string | undefined {
  if (value.mayBeUndefined && !parameterOptional(target)) return 'the value may be absent, and the parameter is required';
  if (value.mayBeNull && !resolve(target.schema, schemas).nullable) return 'the value may be null, and the parameter is not nullable';
  const constant = value.value.source === 'constant' ? value.value.value : undefined;
  return misfit(constant !== undefined ? { constant } : value.schema !== undefined ? { schema: value.schema } : {}, target.schema, schemas);
}

/** An `x-poll.parameters` value of the starting operation `op`, or why it cannot be one. */
function resolveValue(op: Operation, raw: unknown, schemas: ReadonlyMap<string, Schema>): ResolvedValue | string {
  if (typeof raw === 'number' || typeof raw === 'boolean' || (typeof raw === 'string' && !raw.startsWith('$'))) {
    return { value: { source: 'constant', value: raw }, mayBeUndefined: false, mayBeNull: false };
  }
  if (typeof raw !== 'string') return `a value is a runtime expression or a string, number or boolean, not ${JSON.stringify(raw)}`;
  const param = PARAMETER_EXPRESSION.exec(raw);
  if (param !== null) {
    const location = param[1] as ParameterLocation;
    const name = param[2] as string;
    const list = op.parameters[location];
    const p = list.find((x) => x.name === name) ?? (location === 'header' ? list.find((x) => x.name.toLowerCase() === name.toLowerCase()) : undefined);
    if (p === undefined) return `${raw}: the starting operation ${op.operationId} has no ${location} parameter ${name}`;
    return { value: { source: 'parameter', name: p.name, in: location }, schema: p.schema, mayBeUndefined: parameterOptional(p), mayBeNull: false };
  }
  const body = BODY_EXPRESSION.exec(raw);
  if (body !== null) {
    const side = body[1] as 'request' | 'response';
    const pointer = body[2] ?? '';
    const root = side === 'request' ? requestJsonBody(op) : successJsonBody(op);
    if (root === undefined) return `${raw}: the starting operation ${op.operationId} has no JSON ${side === 'request' ? 'request' : 'success'} body`;
    const reached = propertyPath(root, pointer, schemas);
    if (typeof reached === 'string') return `${raw}: ${reached}`;
    const bodyOptional = side === 'request' && op.requestBody?.required !== true;
    const steps = bodyOptional ? reached.steps.map((s, i) => (i === 0 ? { ...s, optional: true } : s)) : reached.steps;
    return {
      value: { source: side === 'request' ? 'request-body' : 'response-body', steps },
      schema: reached.schema,
      mayBeUndefined: reached.mayBeUndefined || bodyOptional,
      mayBeNull: reached.mayBeNull,
    };
  }
  return `${raw} is not an expression the client can evaluate ($request.path|query|header|cookie.<name>, $request.body#/…, $response.body#/…, or a constant)`;
}
