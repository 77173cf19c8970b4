/**
 * The proof's usage file: code a user of the OLD document's SDK could have written, generated from
 * the old model and the old client's declared methods. It
 * - imports every export of the old packages by name;
 * - for each operation: names its path, method, operation, content types and statuses in the
 *   `paths`/`operations` types; calls the client method four times (required members only, every
 *   member with whole values, every member with object literals expanded so removed members show as
 *   excess properties, each argument a value of its old type); assigns the result to the old response
 *   type; reads every response property (and compares every enum value) through the new value;
 *   assigns the new error type to the old one;
 * - for each webhook: assigns the new payload type to the old one and reads it.
 *
 * Request values are `value<T>()` of the OLD type (`Old.UpdateRoleBody['title']`), so the compiler
 * judges each old value against the new type. Compiled against the old output it must have no error
 * (the baseline); against the new output, every error is a break.
 */
import type { Api, Operation, Schema } from '../../model/types.js';
import { methodAndPath, otherParameters, successResponses } from '../../model/queries.js';
import { indexSchema, mergedObject, resolve, shapeProperties } from '../shape.js';
import { clientArguments, methodArguments, paramsTypeName } from '../../model/client-names.js';
import { isIdentifier } from '../../model/naming.js';
import type { Side } from '../side.js';
import { publicSurface } from '../surface.js';
import { type ClientMethod, clientMethods } from './client-methods.js';

/** A stretch of the usage file and what it exercises (1-based, inclusive lines). */
export interface UsageRegion {
  /** `exports`, `operation listRoles`, `webhook newEvent`. */
  label: string;
  operation?: string;
  start: number;
  end: number;
}

/** The usage file and where each part of it is. */
export interface Usage {
  text: string;
  regions: UsageRegion[];
}

/**
 * The members of TypeScript's `Object` interface: an object literal without them does not fit an
 * optional property of that name with another type (TypeScript compares the inherited member), so
 * the `required` call passes them too, as a user must.
 */
const OBJECT_MEMBERS = new Set(['constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable']);

/** A key no generated property takes: the extra member of an object literal with an index signature. */
export const EXTRA_KEY = 'sdkgen:extra';

/**
 * Writes the usage file for the old side.
 *
 * @param oldTypesImport module specifier of the old types package's entry, relative to the usage file
 */
export function usageFile(old: Side, oldTypesImport: string): Usage {
  const w = new LineWriter();
  const { typesPackageName: typesPackage, clientPackageName: clientPackage, clientName } = old.options;
  w.line('// sdkgen diff: code written against the SDK of the old document, type-checked against the new output.');
  w.line(`import type * as Old from '${oldTypesImport}';`);
  w.line(`import type * as New from '${typesPackage}';`);
  w.line(`import type * as Client from '${clientPackage}';`);
  w.line('');
  w.line('declare function value<T>(): T;');
  w.line('type Present<T extends object> = T;');
  w.line('');

  w.begin('exports');
  let n = 0;
  for (const e of publicSurface(old.types, old.client).values()) {
    const from = e.entry === 'types' ? typesPackage : e.entry === 'client' ? clientPackage : `${clientPackage}/${e.entry.slice('client/'.length)}`;
    w.line(`import type { ${e.name} as Export${++n} } from '${from}';`);
  }
  w.line(`declare const client: Client.${clientName};`);
  w.end();

  const methods = clientMethods(old.client, clientName);
  old.api.operations.forEach((op, i) => {
    w.line('');
    w.begin(`operation ${op.operationId}`, op.operationId);
    operationBlock(w, old.api, op, methods.get(op.operationId), i + 1);
    w.end();
  });
  old.api.webhooks.forEach((hook, i) => {
    w.line('');
    w.begin(`webhook ${hook.name}`);
    w.line(`export function webhook${i + 1}(): void {`);
    w.line(`  const payload = value<New.${hook.identifier}>();`);
    w.line(`  const typed: Old.${hook.identifier} = payload;`);
    w.line('  void typed;');
    const contents = hook.requestBody?.contents ?? [];
    if (contents.length === 1 && contents[0] !== undefined) {
      for (const line of reads(old.api, contents[0].schema, 'payload')) w.line(`  ${line}`);
    }
    w.line('}');
    w.end();
  });
  w.line('');
  return { text: w.text(), regions: w.regions };
}

function operationBlock(w: LineWriter, api: Api, op: Operation, declared: ClientMethod | undefined, index: number): void {
  const method = declared ?? conventionalMethod(op);
  const operation = `New.operations[${str(op.operationId)}]`;
  w.line(`// ${methodAndPath(op)}`);
  w.line(`export async function operation${index}(): Promise<void> {`);
  w.line(`  type Path = Present<New.paths[${str(op.path)}][${str(op.method)}]>;`);
  w.line(`  type Operation = Present<${operation}>;`);
  let t = 0;
  for (const c of op.requestBody?.contents ?? []) {
    w.line(`  type Request${++t} = NonNullable<${operation}['requestBody']>['content'][${str(c.mediaType)}];`);
  }
  for (const r of op.responses) {
    w.line(`  type Response${++t} = ${operation}['responses'][${str(r.status)}];`);
    for (const c of r.contents) w.line(`  type Response${++t} = ${operation}['responses'][${str(r.status)}]['content'][${str(c.mediaType)}];`);
  }
  w.line('  void (0 as unknown as [Path, Operation]);');
  const call = `client.${[...(method.access ?? op.resource), method.name].join('.')}`;
  const args = (mode: Mode): string => callArguments(api, op, method, mode).join(', ');
  w.line(`  const response = await ${call}(${args('required')});`);
  w.line(`  await ${call}(${args('whole')});`);
  w.line(`  await ${call}(${args('expanded')});`);
  w.line(`  await ${call}(${args('value')});`);
  // A paginated method resolves to a page; its `body` is the response body.
  const data = op.pagination !== undefined ? 'response.body' : 'response';
  const bodies = successResponses(op).flatMap((r) => r.contents);
  // A response type without a body is `void`: code keeps no value of it.
  if (bodies.length > 0) {
    w.line(`  const data: Old.${op.names.response} = ${data};`);
    w.line('  void data;');
  } else w.line('  void response;');
  if (bodies.length === 1 && bodies[0] !== undefined) {
    for (const line of reads(api, bodies[0].schema, data)) w.line(`  ${line}`);
  }
  w.line(`  const error: Old.${op.names.error} = value<New.${op.names.error}>();`);
  w.line('  void error;');
  w.line('}');
}

/**
 * The method as the client emitter declares it (model/client-names.ts `clientArguments`, D40), for an operation
 * whose method the old client's text does not show (a printer that writes it differently).
 */
function conventionalMethod(op: Operation): ClientMethod {
  return { className: '', name: op.methodName, parameters: clientArguments(op), access: op.resource };
}

/**
 * `required`: object literals of the required members, whole values; `whole`: every member, whole
 * values; `expanded`: every member, object literals all the way down; `value`: each argument a
 * value of its old type (as code holding a variable of that type passes it).
 */
type Mode = 'required' | 'whole' | 'expanded' | 'value';

/**
 * The arguments of one call, in the old method's declared order (`options` is never passed): each path argument
 * (D40: named as the registry names it for the old operation) a value of its old type, then `params` and `body`.
 */
function callArguments(api: Api, op: Operation, method: ClientMethod, mode: Mode): string[] {
  const args: string[] = [];
  const path = new Map(methodArguments(op).path.map((a) => [a.name, a.parameter]));
  const declared = method.parameters.filter((p) => path.has(p.name) || p.name === 'params' || p.name === 'body');
  declared.forEach((p, i) => {
    // An optional argument with nothing required after it is left out of the `required` call.
    if (mode === 'required' && p.optional && declared.slice(i).every((q) => q.optional)) return;
    const parameter = path.get(p.name);
    if (parameter !== undefined) {
      const member = `Exclude<Old.${op.names.params}[${str(parameter.name)}], undefined>`;
      args.push(mode === 'expanded' ? literal(api, parameter.schema, member, new Set()) : whole(member));
    } else if (mode === 'value') args.push(whole(`Old.${(p.name === 'params' ? paramsTypeName(op) : op.names.body) ?? 'never'}`));
    else if (p.name === 'params') args.push(paramsValue(api, op, mode));
    else args.push(bodyValue(api, op, mode));
  });
  return args;
}

/** The `params` argument: the query, header and cookie parameters (D40), typed by `<Op>Query` when there are path parameters. */
function paramsValue(api: Api, op: Operation, mode: Mode): string {
  const type = `Old.${paramsTypeName(op)}`;
  const params = otherParameters(op);
  const entries = params
    .filter((p) => mode !== 'required' || p.required || OBJECT_MEMBERS.has(p.name))
    .map((p) => {
      const member = `Exclude<${type}[${str(p.name)}], undefined>`;
      return `${key(p.name)}: ${mode === 'expanded' ? literal(api, p.schema, member, new Set()) : whole(member)}`;
    });
  return `{ ${entries.join(', ')} }`.replace('{  }', '{}');
}

function bodyValue(api: Api, op: Operation, mode: Mode): string {
  const type = `Old.${op.names.body ?? 'never'}`;
  const contents = op.requestBody?.contents ?? [];
  const content = contents.length === 1 ? contents[0] : undefined;
  if (content === undefined) return whole(type);
  if (mode === 'expanded') return literal(api, content.schema, type, new Set());
  const r = resolve(api, content.schema);
  const object = objectOf(api, r.schema);
  if (object === undefined || r.nullable) return whole(type);
  const entries = shapeProperties(object, 'request')
    .filter((p) => mode !== 'required' || !p.optional || OBJECT_MEMBERS.has(p.name))
    .map((p) => `${key(p.name)}: ${whole(`Exclude<${type}[${str(p.name)}], undefined>`)}`);
  const index = indexSchema(object);
  if (mode === 'whole' && index !== undefined && !object.properties.some((p) => p.name === EXTRA_KEY)) {
    entries.push(`${str(EXTRA_KEY)}: ${whole(`Exclude<${type}[string], undefined>`)}`);
  }
  return `{ ${entries.join(', ')} }`.replace('{  }', '{}');
}

/**
 * A value of type `type` (the old type of a place whose schema is `schema`): an object literal with
 * every request member when the schema is an object (or an all-object allOf), an array literal of one
 * such item for an array; else `value<type>()`. A named schema is expanded once per operation.
 */
function literal(api: Api, schema: Schema, type: string, expanded: Set<string>): string {
  const r = resolve(api, schema);
  if (r.key !== undefined && expanded.has(r.key)) return whole(type);
  const base = r.nullable ? `NonNullable<${type}>` : type;
  const object = objectOf(api, r.schema);
  if (object !== undefined) {
    if (r.key !== undefined) expanded.add(r.key);
    const entries = shapeProperties(object, 'request').map(
      (p) => `${key(p.name)}: ${literal(api, p.schema, `Exclude<${base}[${str(p.name)}], undefined>`, expanded)}`,
    );
    const index = indexSchema(object);
    if (index !== undefined && !object.properties.some((p) => p.name === EXTRA_KEY)) {
      entries.push(`${str(EXTRA_KEY)}: ${literal(api, index, `Exclude<${base}[string], undefined>`, expanded)}`);
    }
    return `{ ${entries.join(', ')} }`.replace('{  }', '{}');
  }
  if (r.schema.kind === 'array' && r.schema.prefixItems === undefined && r.schema.items !== undefined) {
    if (r.key !== undefined) expanded.add(r.key);
    return `[${literal(api, r.schema.items, `${base}[number]`, expanded)}]`;
  }
  return whole(type);
}

/**
 * Statements reading, through `expr` (a value of the NEW type), every response member the old
 * schema declares, and comparing every enum value it lists. Objects, all-object allOfs, arrays and
 * maps are followed; unions are not (reading a member needs narrowing). A named schema is read once.
 */
function reads(api: Api, schema: Schema, expr: string, seen = new Set<string>()): string[] {
  const out: string[] = [];
  const r = resolve(api, schema);
  if (r.key !== undefined) {
    if (seen.has(r.key)) return out;
    seen.add(r.key);
  }
  if (r.schema.kind === 'enum') {
    for (const v of r.schema.values) out.push(`void (${expr} === ${typeof v === 'string' ? str(v) : String(v)});`);
    return out;
  }
  const object = objectOf(api, r.schema);
  if (object !== undefined) {
    for (const p of shapeProperties(object, 'response')) {
      const access = `${expr}?.${isIdentifier(p.name) ? p.name : `[${str(p.name)}]`}`;
      out.push(`void ${access};`);
      out.push(...reads(api, p.schema, access, seen));
    }
    const index = indexSchema(object);
    if (index !== undefined && !object.properties.some((p) => p.name === EXTRA_KEY)) {
      const access = `${expr}?.[${str(EXTRA_KEY)}]`;
      out.push(`void ${access};`);
      out.push(...reads(api, index, access, seen));
    }
  } else if (r.schema.kind === 'array' && r.schema.prefixItems === undefined && r.schema.items !== undefined) {
    out.push(...reads(api, r.schema.items, `${expr}?.[0]`, seen));
  }
  return out;
}

/** The object a schema is: itself, or an allOf whose members are all objects, merged. */
function objectOf(api: Api, schema: Schema): ReturnType<typeof mergedObject> {
  if (schema.kind === 'object') return schema;
  if (schema.kind === 'intersection' && schema.unevaluatedProperties === undefined) return mergedObject(api, schema.members);
  return undefined;
}

function whole(type: string): string {
  return `value<${type}>()`;
}

/** A single-quoted TypeScript string literal. */
function str(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function key(name: string): string {
  return isIdentifier(name) ? name : str(name);
}

/** Lines with the regions they belong to. */
class LineWriter {
  readonly #lines: string[] = [];
  readonly regions: UsageRegion[] = [];

  line(text: string): void {
    this.#lines.push(text);
  }

  /** Opens a region at the next line (regions do not nest). */
  begin(label: string, operation?: string): void {
    this.regions.push({ label, start: this.#lines.length + 1, end: this.#lines.length + 1, ...(operation !== undefined ? { operation } : {}) });
  }

  /** Closes the region begun last at the last line written. */
  end(): void {
    (this.regions[this.regions.length - 1] as UsageRegion).end = this.#lines.length;
  }

  text(): string {
    return this.#lines.join('\n');
  }
}
