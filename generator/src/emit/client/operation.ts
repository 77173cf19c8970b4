/**
 * One operation → the pieces of its client method: the parameter list (the signature convention of
 * docs/decisions.md D5), the return type, the runtime descriptor (an object literal of the
 * core's `Operation`) and the TSDoc.
 *
 * Signature convention (D40, revising D5): `(...pathArguments, params, body, options)`. Each path parameter is a
 * leading argument in path-template order, named by the registry (model/client-names.ts `methodArguments`) and typed
 * by its schema; `params` holds the query, header and cookie parameters under their wire names (the types package's
 * `<Op>Query` when there are path parameters, else `<Op>Params`), left out when there are none; `body` is `<Op>Body`,
 * left out when there is no request body. An argument is optional when each of its parts may be left out (not required,
 * or with a default) and no required argument follows (model/client-names.ts `clientArguments`). The method builds the runtime's params record by wire name (`{ ...params, load_id: loadId }`).
 */
import { clientArguments, methodArguments, type PathArgument, paramsOptional, paramsTypeName } from '../../model/client-names.js';
import type { Api, MediaContent, Operation, Parameter, Response, Schema } from '../../model/types.js';
import { errorClassFor } from '../../model/error-classes.js';
import {
  clientContent,
  clientValueSchema,
  errorResponses,
  methodAndPath,
  negotiatedAccept,
  orderedParameters,
  otherParameters,
  pickDocs,
  successResponses,
} from '../../model/queries.js';
import { paginationTokens } from '../../model/pagination.js';
import { array, type BodyStatement, call, type Expression, id, lit, member, object, type ObjectProperty, prop, recordProperty, ret, str } from '../ts/code.js';
import { commentFromDocs, generic, literal, name, type TypeNode, typeText, unionOf } from '../ts/nodes.js';
import { bodyFieldLines } from './body-fields.js';
import type { Parameter as ParameterNode } from '../ts/code.js';
import { docModel, docsWithFallback, escapeCommentText, tagLine } from '../tsdoc.js';
import { isIdentifier } from '../../model/naming.js';
import { firstParagraph, literalType, propertyKey, stringLiteral } from '../text.js';
import type { ImportScope } from '../imports.js';

const CORE = {
  client: 'src/core/client.ts',
  serialize: 'src/core/serialize.ts',
  apiPromise: 'src/core/api-promise.ts',
  pagination: 'src/core/pagination.ts',
  types: 'src/core/types.ts',
  body: 'src/core/body.ts',
  requestTypes: 'src/core/request-types.ts',
} as const;

export { CORE };

/** What one method needs besides its name. */
export interface MethodParts {
  params: ParameterNode[];
  returns: TypeNode;
  /** The method body (one return statement). */
  body: BodyStatement[];
  /** The JSDoc comment. */
  docs: string;
}

/** Default style of a location. */
function defaultStyle(p: Parameter): Parameter['style'] {
  return p.in === 'path' || p.in === 'header' ? 'simple' : 'form';
}

/** What the spec says of how a parameter is sent beyond its location: style, explode and flags that are not its location's default. */
function specParts(p: Parameter): ObjectProperty[] {
  const parts: ObjectProperty[] = [];
  if (p.style !== defaultStyle(p)) parts.push(prop('style', str(p.style)));
  if (p.explode !== (p.style === 'form')) parts.push(prop('explode', lit(`${p.explode}`)));
  if (p.allowReserved) parts.push(prop('allowReserved', lit('true')));
  if (p.contentMediaType !== undefined && /json/i.test(p.contentMediaType)) parts.push(prop('content', lit("'json'")));
  if (p.secret) parts.push(prop('secret', lit('true')));
  return parts;
}

/**
 * The parameter's entry of the descriptor's `parameters`, or undefined when the runtime's default says it all: a plain
 * (default style and explode, no flags) parameter whose location is the one the runtime assumes for an unlisted name
 * (runtime/serialize.ts: `path` when `{name}` is in the path template, else `query`).
 */
function paramSpec(p: Parameter, path: string): Expression | undefined {
  const parts = specParts(p);
  const assumed = path.includes(`{${p.name}}`) ? 'path' : 'query';
  return parts.length === 0 && p.in === assumed ? undefined : object([prop('in', str(p.in)), ...parts]);
}

/**
 * The parameter's entry of the base class's table for `request(method, path)`, which knows each value's location from
 * its group: undefined when the location's defaults say it all.
 */
export function requestParamSpec(p: Parameter): Expression | undefined {
  const parts = specParts(p);
  return parts.length === 0 ? undefined : object([prop('in', str(p.in)), ...parts]);
}

const KIND_DEFAULT_TYPE: Record<MediaContent['bodyKind'], string | undefined> = {
  json: 'application/json',
  text: 'text/plain',
  form: 'application/x-www-form-urlencoded',
  multipart: undefined,
  binary: 'application/octet-stream',
};

function responseKind(r: Response): 'json' | 'text' | 'binary' | 'none' {
  const first = clientContent(r.contents);
  if (first === undefined) return 'none';
  switch (first.bodyKind) {
    case 'json':
      return 'json';
    case 'text':
    case 'form':
      return 'text';
    default:
      return 'binary';
  }
}

function encodingObject(encoding: MediaContent['encoding']): Expression | undefined {
  if (encoding === undefined) return undefined;
  const entries: ObjectProperty[] = [];
  for (const [key, e] of Object.entries(encoding)) {
    const parts: ObjectProperty[] = [];
    if (e.contentType !== undefined) parts.push(prop('contentType', str(e.contentType)));
    if (e.style !== undefined) parts.push(prop('style', str(e.style)));
    if (e.explode !== undefined) parts.push(prop('explode', lit(`${e.explode}`)));
    if (e.allowReserved !== undefined) parts.push(prop('allowReserved', lit(`${e.allowReserved}`)));
    if (parts.length > 0) entries.push(recordProperty(key, object(parts)));
  }
  return entries.length === 0 ? undefined : object(entries);
}

/** Security alternatives as scheme-key lists, keeping only alternatives whose schemes the client knows. */
export function securityAlternatives(security: Operation['security'], known: ReadonlySet<string>): string[][] {
  return security.map((alt) => alt.map((r) => r.scheme)).filter((alt) => alt.every((k) => known.has(k)));
}

/** The alternatives as an array literal of arrays of scheme keys. */
export function securityArray(alternatives: readonly string[][]): Expression {
  return array(alternatives.map((alt) => array(alt.map(str))));
}

/**
 * A pagination pointer as the runtime reads it: with groups, relative to one group (runtime/types.ts `PaginationSpec`),
 * so the spec's way of writing it from the response's root through `{i}` (`/results/{i}/next`) loses that prefix
 * (`/next`); a pointer that does not go through the groups stays as written.
 */
function runtimePointer(pointer: string, groupsField: string | undefined): string {
  if (groupsField === undefined) return pointer;
  const prefix = `${groupsField}/{i}`;
  if (pointer === prefix) return '';
  return pointer.startsWith(`${prefix}/`) ? pointer.slice(prefix.length) : pointer;
}

function paginationObject(op: Operation): Expression | undefined {
  const p = op.pagination;
  if (p === undefined) return undefined;
  const parts = [prop('style', str(p.style))];
  if (p.in !== 'query') parts.push(prop('in', str(p.in)));
  for (const key of ['pageParam', 'sizeParam', 'cursorParam', 'itemsField', 'nextField', 'countField', 'groupsField'] as const) {
    const v = p[key];
    if (v !== undefined) parts.push(prop(key, str(key === 'groupsField' ? v : runtimePointer(v, p.groupsField))));
  }
  if (p.pageNumbersAsStrings) parts.push(prop('pageNumbersAsStrings', lit('true')));
  const extra = p as { groupKeyField?: unknown; groupFilterParam?: unknown };
  if (typeof extra.groupKeyField === 'string') parts.push(prop('groupKeyField', str(runtimePointer(extra.groupKeyField, p.groupsField))));
  if (typeof extra.groupFilterParam === 'string') parts.push(prop('groupFilterParam', str(extra.groupFilterParam)));
  return object(parts);
}

/** What a method has in scope for its descriptor: the `params` and `body` arguments, and its path arguments. */
export interface DescriptorInputs {
  /** The method has a `params` argument (query, header and cookie parameters by wire name). */
  params: boolean;
  body: boolean;
  /** The path arguments, each put into the params record under its wire name. */
  path?: readonly PathArgument[];
}

/**
 * `wire: local` of a path argument in the params record; `{ id }` when the two are spelled alike; `__proto__` as the
 * computed key `["__proto__"]` (a plain `__proto__:` sets the prototype). Unlike {@link recordProperty}, no `as const`
 * for a key named like an `Object.prototype` member: the value is a variable, never a literal to keep narrow.
 */
function pathEntry(a: PathArgument): ObjectProperty {
  const wire = a.parameter.name;
  if (wire === '__proto__') return { kind: 'property', key: stringLiteral(wire), computed: true, value: id(a.name) };
  if (propertyKey(wire) === a.name) return { kind: 'shorthand', name: a.name };
  return { kind: 'property', key: propertyKey(wire), value: id(a.name) };
}

/** The descriptor object literal (the core's `Operation`) for a call with `params`/`body` and the path arguments in scope. */
export function descriptor(
  op: Operation,
  knownSchemes: ReadonlySet<string>,
  has: DescriptorInputs,
  /** Local name of the core's `formBody`/`multipartBody` when the first media type is a form or multipart body. */
  encoder?: string,
  /** The `params` record by wire name, when it is not the method's own `params` (`{ ...params }`). */
  paramsValue?: Expression,
): Expression {
  const path = op.requestPath ?? op.path;
  const parts: ObjectProperty[] = [prop('method', str(op.method)), prop('path', str(path)), prop('operationId', str(op.operationId))];
  const params = orderedParameters(op);
  const pathArguments = has.path ?? [];
  if (paramsValue !== undefined || has.params || pathArguments.length > 0) {
    const record: ObjectProperty[] = has.params ? [{ kind: 'spread', argument: id('params') }] : [];
    record.push(...pathArguments.map(pathEntry));
    parts.push(prop('params', paramsValue ?? object(record)));
    const specs = params.flatMap((p) => {
      const spec = paramSpec(p, path);
      return spec === undefined ? [] : [recordProperty(p.name, spec)];
    });
    if (specs.length > 0) parts.push(prop('parameters', object(specs)));
  }
  const media = clientContent(op.requestBody?.contents ?? []);
  if (has.body && media !== undefined) {
    const enc = encodingObject(media.encoding);
    if (encoder !== undefined) {
      // Form and multipart bodies are encoded here (core/body.ts), so other clients do not bundle the encoders.
      const encoded = call(id(encoder), enc !== undefined ? [id('body'), enc] : [id('body')]);
      const undefinedId = id('undefined');
      const value: Expression = op.requestBody?.required
        ? encoded
        : { kind: 'conditional', test: { kind: 'binary', operator: '===', left: id('body'), right: undefinedId }, consequent: undefinedId, alternate: encoded };
      parts.push(prop('body', value));
    } else parts.push({ kind: 'shorthand', name: 'body' });
    if (media.bodyKind !== 'json') parts.push(prop('bodyKind', str(media.bodyKind)));
    const def = KIND_DEFAULT_TYPE[media.bodyKind];
    if (def !== undefined && media.mediaType.toLowerCase() !== def && !media.mediaType.includes('*')) {
      parts.push(prop('contentType', str(media.mediaType)));
    }
  }
  // No alternative (no auth) is the runtime's default: left out.
  const security = securityAlternatives(op.security, knownSchemes);
  if (security.length > 0) parts.push(prop('security', securityArray(security)));
  if (op.responses.length > 0) {
    parts.push(prop('responses', object(op.responses.map((r) => prop(stringLiteral(r.status), str(responseKind(r)))))));
  }
  const accept = negotiatedAccept(op);
  if (accept !== undefined) parts.push(prop('accept', str(accept)));
  if (op.idempotencyHeader !== undefined) parts.push(prop('idempotencyHeader', str(op.idempotencyHeader)));
  if (op.idempotent !== undefined) parts.push(prop('idempotent', lit(`${op.idempotent}`)));
  const pagination = paginationObject(op);
  if (pagination !== undefined) parts.push(prop('pagination', pagination));
  return object(parts, true);
}

/**
 * The item type of a paginated operation: the item schema's identifier when it is a reference
 * (and no groups), else an indexed access into the response type along the items pointer.
 */
export function pageItemType(api: Api, op: Operation, scope: ImportScope, typesPackage: string, responseType: TypeNode): TypeNode {
  const p = op.pagination;
  if (p === undefined) return name('unknown');
  const named = namedPageItem(api, op);
  if (named !== undefined) return name(scope.packageType(typesPackage, named));
  return indexedAccess(responseType, p.groupsField ?? p.itemsField, pageItemUsesExtract(api, op));
}

/** The item schema's identifier when a paginated operation's items are a reference to it (and not in groups). */
function namedPageItem(api: Api, op: Operation): string | undefined {
  const p = op.pagination;
  if (p === undefined || p.groupsField !== undefined || p.itemSchema.kind !== 'ref') return undefined;
  return api.schemas.get(p.itemSchema.target)?.identifier;
}

/**
 * Whether {@link pageItemType} narrows the response with the global `Extract`: the items are no named schema and
 * `<Op>Response` is the union of several success bodies (a 3XX body, a second media type), so the page's own shape is
 * taken out of it. The resource file then imports a schema named `Extract` under an alias.
 */
export function pageItemUsesExtract(api: Api, op: Operation): boolean {
  if (op.pagination === undefined || namedPageItem(api, op) !== undefined) return false;
  return successResponses(op).reduce((n, r) => n + r.contents.length, 0) > 1;
}

/** A pointer token that stands for an array element: `{i}` or an index. */
const ELEMENT_TOKEN = /^\{.*\}$|^[0-9]+$/;

/**
 * `NonNullable<NonNullable<T>["a"]>[number]`: the elements at a JSON pointer into `base`. `narrow`: `base` is a union
 * of bodies, so the first step first takes the members that have the shape it indexes
 * (`Extract<NonNullable<T>, { a?: unknown }>`, `Extract<NonNullable<T>, readonly unknown[]>`): indexing the union
 * itself fails to compile (TS2537) when a member is, say, a 301's error body.
 */
function indexedAccess(base: TypeNode, pointer: string, narrow = false): TypeNode {
  const tokens = paginationTokens(pointer) ?? [];
  const elementAt = (s: string | undefined): boolean => s === undefined || ELEMENT_TOKEN.test(s);
  const first = tokens[0];
  // The object the first step indexes: the body without null, narrowed to the shape it indexes when asked.
  let object: TypeNode = generic('NonNullable', [base]);
  if (narrow) {
    const shape: TypeNode = elementAt(first)
      ? name('readonly unknown[]')
      : { kind: 'object', members: [{ kind: 'property', key: propertyKey(first as string), optional: true, type: name('unknown') }], multiline: false };
    object = generic('Extract', [object, shape]);
  }
  for (const s of tokens) {
    const t: TypeNode = { kind: 'indexed', object, index: elementAt(s) ? name('number') : literal(stringLiteral(s)) };
    object = generic('NonNullable', [t]);
  }
  return { kind: 'indexed', object, index: name('number') };
}

/**
 * The `@throws` lines of an operation's error responses (of several operations': their lists one after the other):
 * one per error class, in the order the responses declare them, each with its statuses and their descriptions' first
 * paragraphs (`` `NotFoundError` 404: No such object ``, an entry said once; names in backticks, D60); `ApiError`
 * also names every undeclared non-2xx status, unless a `default` response covers them.
 */
export function throwsTexts(errors: readonly Response[]): string[] {
  const byClass = new Map<string, string[]>();
  for (const r of errors) {
    const cls = errorClassFor(r.status);
    const note = escapeCommentText(firstParagraph(r.description ?? r.summary));
    const when = r.status === 'default' ? 'any other error status' : r.status;
    const entry = `${when}${note !== '' ? `: ${note}` : ''}`;
    const entries = byClass.get(cls) ?? [];
    if (!entries.includes(entry)) entries.push(entry);
    byClass.set(cls, entries);
  }
  if (!errors.some((r) => r.category === 'default')) {
    const entries = byClass.get('ApiError') ?? [];
    entries.push('any other non-2xx status');
    byClass.set('ApiError', entries);
  }
  return [...byClass].map(([cls, entries]) => `\`${cls}\` ${entries.join('; ')}`);
}

/**
 * The parameters of `op`'s method before `options`, in the signature convention at the top: one per path parameter,
 * then `params` when it has other parameters, `body` when it has a request body. Its `…AndPoll` method takes the same
 * (poll-method.ts), and {@link parameterValue}, {@link callArguments} and {@link parameterTags} follow the same
 * convention: the four change together.
 */
export function methodParameters(api: Api, op: Operation, scope: ImportScope, typesPackage: string): ParameterNode[] {
  return signatureParameters(api, op, (identifier) => scope.packageType(typesPackage, identifier));
}

/** {@link methodParameters} with `typeName` giving each type's local name (the docs' signatures name them as declared). */
function signatureParameters(api: Api, op: Operation, typeName: (identifier: string) => string): ParameterNode[] {
  return clientArguments(op).map((a) =>
    a.kind === 'path'
      ? { name: a.name, type: pathArgumentType(api, op, a.parameter, typeName) }
      : { name: a.name, type: name(typeName(a.type)), optional: a.optional },
  );
}

/** `a.b` for a wire name that is an identifier, else `a["b-c"]`; `?.` when `optional`. */
export function propertyAccess(object: Expression, wireName: string, optional = false): Expression {
  return isIdentifier(wireName) ? member(object, wireName, optional) : { kind: 'index', object, index: str(wireName), ...(optional ? { optional } : {}) };
}

/**
 * How a method of `op` ({@link methodParameters}) reads its parameter `p`: a path parameter is its argument (`loadId`),
 * any other is read from `params` (`params.page`, `params?.['X-Id']` when `params` may be left out).
 */
export function parameterValue(op: Operation, p: Parameter): Expression {
  const argument = p.in === 'path' ? methodArguments(op).path.find((a) => a.parameter.name === p.name) : undefined;
  return argument !== undefined ? id(argument.name) : propertyAccess(id('params'), p.name, paramsOptional(op));
}

/** How a method of `op` reads its request body: `body`. */
export const BODY_VALUE: Expression = id('body');

/**
 * The params record by wire name of a call of `op` that gives its parameters `values` (a parameter without one is left
 * out): `{ load_id: …, page: … }`, or undefined when `op` has no parameters. What a descriptor's `params` holds.
 */
export function paramsRecord(op: Operation, values: ReadonlyMap<string, ArgumentValue>): Expression | undefined {
  const params = orderedParameters(op);
  return params.length === 0 ? undefined : recordOf(params, values);
}

/** A value a call gives one parameter, and whether it may be undefined at run time. */
export interface ArgumentValue {
  expression: Expression;
  mayBeUndefined: boolean;
}

/**
 * `{ wire: value }` of the `params` that have a value in `values` (by wire name), in their order. A value that may be
 * undefined is spread in only when it is not (`...(v === undefined ? {} : { wire: v })`): the parameter is optional, and
 * under `exactOptionalPropertyTypes` an optional property does not take `undefined`.
 */
function recordOf(params: readonly Parameter[], values: ReadonlyMap<string, ArgumentValue>): Expression {
  return object(
    params.flatMap((p): ObjectProperty[] => {
      const value = values.get(p.name);
      if (value === undefined) return [];
      const property = recordProperty(p.name, value.expression);
      if (!value.mayBeUndefined) return [property];
      const test: Expression = { kind: 'binary', operator: '===', left: value.expression, right: id('undefined') };
      return [
        {
          kind: 'spread',
          argument: { kind: 'parenthesized', expression: { kind: 'conditional', test, consequent: object([]), alternate: object([property]) } },
        },
      ];
    }),
  );
}

/**
 * The arguments of a call of `op`'s method ({@link methodParameters}) that gives its parameters `values` (by wire
 * name; a parameter without one is left out) and no body: each path parameter's value, then `{ page: … }` when it has
 * other parameters, then `options`.
 *
 * @throws Error when a path parameter has no value (model/poll.ts gives every required parameter one)
 */
export function callArguments(op: Operation, values: ReadonlyMap<string, ArgumentValue>, options: Expression): Expression[] {
  const path = methodArguments(op).path.map((a) => {
    const value = values.get(a.parameter.name);
    if (value === undefined) throw new Error(`internal error: no value for path parameter '${a.parameter.name}' of ${op.operationId}`);
    return value.expression;
  });
  const others = otherParameters(op);
  return others.length === 0 ? [...path, options] : [...path, recordOf(others, values), options];
}

/** The `@param` texts of {@link methodParameters} (without `options`). */
export function parameterTags(op: Operation): string[] {
  const tags = methodArguments(op).path.map((a) => `${a.name} ${pathArgumentDocs(a.parameter)}`);
  if (otherParameters(op).length > 0) tags.push(`params query, header and cookie parameters by wire name (\`${paramsTypeName(op)}\`)`);
  if (op.requestBody !== undefined && op.names.body !== undefined) {
    const media = clientContent(op.requestBody.contents)?.mediaType ?? '';
    tags.push(`body the request body, sent as ${escapeCommentText(media)} (\`${op.names.body}\`)`);
  }
  return tags;
}

/** The `@throws` text of failures without a response (every method). */
export const CONNECTION_THROWS = '`ConnectionError` when no response arrives (`TimeoutError` after `timeoutMs`), `AbortError` when `options.signal` aborts';

/**
 * The parts of the method for `op`.
 * @param client the expression of the client that sends the request (`this.client` in a resource, `this` in the root client)
 */
export function methodParts(
  api: Api,
  op: Operation,
  scope: ImportScope,
  typesPackage: string,
  knownSchemes: ReadonlySet<string>,
  client: Expression,
): MethodParts {
  const path = methodArguments(op).path;
  const hasParams = otherParameters(op).length > 0;
  const hasBody = op.requestBody !== undefined && op.names.body !== undefined;
  const parameters: ParameterNode[] = [
    ...methodParameters(api, op, scope, typesPackage),
    { name: 'options', type: name(scope.type(CORE.types, 'RequestOptions')), optional: true },
  ];

  const response = name(scope.packageType(typesPackage, op.names.response));
  // The media type the client sends the body as: its encoder, its docs.
  const bodyContent = clientContent(op.requestBody?.contents ?? []);
  const kind = bodyContent?.bodyKind;
  const encoder =
    hasBody && kind === 'form' ? scope.value(CORE.body, 'formBody') : hasBody && kind === 'multipart' ? scope.value(CORE.body, 'multipartBody') : undefined;
  const literal = descriptor(op, knownSchemes, { params: hasParams, body: hasBody, path }, encoder);
  let returns: TypeNode;
  let body: BodyStatement;
  if (op.pagination !== undefined) {
    const item = pageItemType(api, op, scope, typesPackage, response);
    returns = generic(scope.type(CORE.pagination, 'PagePromise'), [item, response]);
    body = ret(call(id(scope.value(CORE.pagination, 'requestPage')), [client, literal, id('options')], [item, response]));
  } else {
    returns = generic(scope.type(CORE.apiPromise, 'APIPromise'), [response]);
    body = ret(call(member(client, 'request'), [literal, id('options')], [response]));
  }

  // TSDoc: the operation's own text, then method + path, the parameter and body types, what it throws.
  const lines = [`\`${methodAndPath(op)}\` (operation \`${op.operationId}\`).`];
  if (errorResponses(op).some((r) => r.contents.length > 0)) {
    lines.push(`Error responses reject with an \`ApiError\` subclass whose \`body\` is a \`${op.names.error}\`.`);
  }
  if (op.pagination !== undefined) {
    lines.push('', 'Paginated: `await` gives the first page (`.hasNextPage()`, `.getNextPage()`, `.iterPages()`); `for await` walks every item of every page.');
  }
  const bodySchema = bodyContent === undefined ? undefined : clientValueSchema(api, bodyContent);
  const fields = bodySchema !== undefined && op.names.body !== undefined ? bodyFieldLines(api, bodySchema, op.names.body) : [];
  if (fields.length > 0) lines.push('', ...fields);
  const model = docModel(pickDocs(op), { lines });
  const tags = [
    ...parameterTags(op).map((text) => `@param ${text}`),
    '@param options per-request overrides (timeout, retries, headers, signal, …)',
    ...throwsTexts(errorResponses(op)).map((text) => `@throws ${text}`),
    `@throws ${CONNECTION_THROWS}`,
    ...(model?.tags ?? []).map(tagLine),
  ];
  const description = model !== undefined && model.description !== '' ? [model.description] : [];
  return { params: parameters, returns, body: [body], docs: commentFromDocs([...description, ...tags].join('\n')) };
}

/**
 * The type of a path argument: its schema's as the types package writes it for a scalar (`string`, `number`,
 * `boolean`, a literal union for an inline enum) or a named schema (`typeName` gives its local name); otherwise the
 * indexed access `<Op>Params['wire']`, which is the same type. `| null` for a nullable schema.
 */
export function pathArgumentType(api: Api, op: Operation, p: Parameter, typeName: (identifier: string) => string): TypeNode {
  const schema = p.schema;
  let base: TypeNode | undefined;
  switch (schema.kind) {
    case 'ref': {
      const named = api.schemas.get(schema.target);
      if (named !== undefined) base = name(typeName(named.requestIdentifier ?? named.identifier));
      break;
    }
    case 'string':
      if (schema.binary !== true) base = name('string');
      break;
    case 'number':
    case 'integer':
      base = name('number');
      break;
    case 'boolean':
      base = name('boolean');
      break;
    case 'enum':
      base = unionOf(schema.values.map((v) => literal(literalType(v))));
      break;
    default:
      break;
  }
  if (base === undefined) return { kind: 'indexed', object: name(typeName(op.names.params)), index: literal(stringLiteral(p.name)) };
  return schema.nullable ? unionOf([base, name('null')]) : base;
}

/** The `@param` text of a path argument: the parameter's description (its schema's when it has none), its wire name and where the spec declares it. */
function pathArgumentDocs(p: Parameter): string {
  const docs = docsWithFallback(p, p.schema);
  const text = firstParagraph(docs.description ?? docs.summary ?? docs.title);
  const sentence = text === '' ? '' : `${escapeCommentText(text)}${/[.!?]$/.test(text) ? '' : '.'} `;
  return `${sentence}Path parameter \`${escapeCommentText(p.name)}\`. Source: \`${escapeCommentText(p.pointer)}\``;
}

/** A one-line signature for api.md and the README: `list(datasourceName: string, params?: ListConnectionsQuery, options?)`. */
export function signatureText(api: Api, op: Operation, member = op.methodName): string {
  const parts = signatureParameters(api, op, (n) => n).map((p) => `${p.name}${p.optional === true ? '?' : ''}: ${typeText(p.type)}`);
  parts.push('options?');
  return `${member}(${parts.join(', ')})`;
}

/** The return type for api.md: `PagePromise<Connection>` or `APIPromise<RetrieveExtractResponse>`. */
export function returnText(api: Api, op: Operation): string {
  if (op.pagination !== undefined) {
    const s: Schema = op.pagination.itemSchema;
    const pointer = op.pagination.groupsField ?? op.pagination.itemsField;
    const path = (paginationTokens(pointer) ?? []).map((seg) => (ELEMENT_TOKEN.test(seg) ? '[number]' : `[${stringLiteral(seg)}]`)).join('');
    const named = s.kind === 'ref' && op.pagination.groupsField === undefined ? api.schemas.get(s.target)?.identifier : undefined;
    const item = named ?? `${op.names.response}${path}[number]`;
    return `PagePromise<${item}, ${op.names.response}>`;
  }
  return `APIPromise<${op.names.response}>`;
}
