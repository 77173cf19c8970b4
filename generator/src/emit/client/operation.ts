/**
 * One operation → the pieces of its client method: the parameter list (the signature convention of
 * docs/decisions.md D5), the return type, the runtime descriptor (an object literal of the
 * core's `Operation`) and the TSDoc.
 *
 * Signature convention: `(params, body, options)`, leaving out `params` when the operation has no
 * parameters and `body` when it has no request body. `params` holds every path, query, header and
 * cookie parameter under its wire name (the types package's `<Op>Params`), `body` is `<Op>Body`.
 * An argument is optional when nothing in it is required and no required argument follows.
 */
import type { Api, MediaContent, Operation, Parameter, Response, Schema } from '../../model/types.js';
import { errorResponses, methodAndPath, orderedParameters, parameterOptional } from '../../model/queries.js';
import { array, type BodyStatement, call, type Expression, id, lit, member, object, type ObjectProperty, prop, recordProperty, ret, str } from '../ts/code.js';
import { commentFromDocs, generic, literal, name, type TypeNode } from '../ts/nodes.js';
import { bodyFieldLines } from './body-fields.js';
import type { Parameter as ParameterNode } from '../ts/code.js';
import { docModel, escapeCommentText, operationDocs, tagLine } from '../tsdoc.js';
import { isIdentifierName, stringLiteral } from '../text.js';
import type { ImportScope } from './scope.js';

const CORE = {
  client: 'src/core/client.ts',
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

function paramSpec(p: Parameter): Expression {
  const parts = [prop('in', str(p.in))];
  const style = defaultStyle(p);
  if (p.style !== style) parts.push(prop('style', str(p.style)));
  const explode = p.style === 'form';
  if (p.explode !== explode) parts.push(prop('explode', lit(`${p.explode}`)));
  if (p.allowReserved) parts.push(prop('allowReserved', lit('true')));
  if (p.contentMediaType !== undefined && /json/i.test(p.contentMediaType)) parts.push(prop('content', lit("'json'")));
  if (p.secret) parts.push(prop('secret', lit('true')));
  return object(parts);
}

const KIND_DEFAULT_TYPE: Record<MediaContent['bodyKind'], string | undefined> = {
  json: 'application/json',
  text: 'text/plain',
  form: 'application/x-www-form-urlencoded',
  multipart: undefined,
  binary: 'application/octet-stream',
};

function responseKind(r: Response): 'json' | 'text' | 'binary' | 'none' {
  const first = r.contents[0];
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

function paginationObject(op: Operation): Expression | undefined {
  const p = op.pagination;
  if (p === undefined) return undefined;
  const parts = [prop('style', str(p.style))];
  if (p.in !== 'query') parts.push(prop('in', str(p.in)));
  for (const key of ['pageParam', 'sizeParam', 'cursorParam', 'itemsField', 'nextField', 'countField', 'groupsField'] as const) {
    const v = p[key];
    if (v !== undefined) parts.push(prop(key, str(v)));
  }
  if (p.pageNumbersAsStrings) parts.push(prop('pageNumbersAsStrings', lit('true')));
  const extra = p as { groupKeyField?: unknown; groupFilterParam?: unknown };
  if (typeof extra.groupKeyField === 'string') parts.push(prop('groupKeyField', str(extra.groupKeyField)));
  if (typeof extra.groupFilterParam === 'string') parts.push(prop('groupFilterParam', str(extra.groupFilterParam)));
  return object(parts);
}

/** The descriptor object literal (the core's `Operation`) for a call with `params`/`body` in scope. */
export function descriptor(
  op: Operation,
  knownSchemes: ReadonlySet<string>,
  has: { params: boolean; body: boolean },
  /** Local name of the core's `formBody`/`multipartBody` when the first media type is a form or multipart body. */
  encoder?: string,
  /** The `params` record by wire name, when it is not the method's own `params` (`{ ...params }`). */
  paramsValue?: Expression,
): Expression {
  const parts: ObjectProperty[] = [prop('method', str(op.method)), prop('path', str(op.path)), prop('operationId', str(op.operationId))];
  const params = orderedParameters(op);
  if (has.params) {
    parts.push(prop('params', paramsValue ?? object([{ kind: 'spread', argument: id('params') }])));
    parts.push(prop('parameters', object(params.map((p) => recordProperty(p.name, paramSpec(p))))));
  }
  const media = op.requestBody?.contents[0];
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
  parts.push(prop('security', securityArray(securityAlternatives(op.security, knownSchemes))));
  if (op.responses.length > 0) {
    parts.push(prop('responses', object(op.responses.map((r) => prop(stringLiteral(r.status), str(responseKind(r)))))));
  }
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
  if (p.groupsField === undefined && p.itemSchema.kind === 'ref') {
    const named = api.schemas.get(p.itemSchema.target);
    if (named !== undefined) return name(scope.packageType(typesPackage, named.identifier));
  }
  return indexedAccess(responseType, p.groupsField ?? p.itemsField);
}

/** `NonNullable<NonNullable<T>["a"]>[number]`: the elements at a JSON pointer into `base`. */
function indexedAccess(base: TypeNode, pointer: string): TypeNode {
  const segments = pointer
    .replace(/^#?\//, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const element = (t: TypeNode, index: TypeNode): TypeNode => ({ kind: 'indexed', object: generic('NonNullable', [t]), index });
  let t = base;
  for (const s of segments) t = element(t, /^\{.*\}$|^[0-9]+$/.test(s) ? name('number') : literal(stringLiteral(s)));
  return element(t, name('number'));
}

const STATUS_ERROR: Record<string, string> = {
  '400': 'BadRequestError',
  '401': 'AuthenticationError',
  '403': 'PermissionDeniedError',
  '404': 'NotFoundError',
  '409': 'ConflictError',
  '422': 'UnprocessableEntityError',
  '429': 'RateLimitError',
};

/** The runtime error class a status is thrown as. */
export function errorClassFor(status: string): string {
  const known = STATUS_ERROR[status];
  if (known !== undefined) return known;
  if (/^5/.test(status)) return 'InternalServerError';
  return 'ApiError';
}

/**
 * The first paragraph of `text` on one line: its lines (any line ending: CRLF, CR, LF, U+2028, U+2029)
 * up to the first blank one, trimmed and joined with spaces, so a sentence wrapped in the spec is not
 * cut where it wraps.
 */
function firstParagraph(text: string | undefined): string {
  const lines = (text ?? '').split(/\r\n?|[\n\u2028\u2029]/).map((l) => l.trim());
  const end = lines.findIndex((l, i) => l === '' && i > 0);
  return lines
    .slice(0, end === -1 ? lines.length : end)
    .filter((l) => l !== '')
    .join(' ');
}

/**
 * The `@throws` lines of an operation's error responses (of several operations': their lists one after the other):
 * one per error class, in the order the responses declare them, each with its statuses and their descriptions' first
 * paragraphs (`{@link NotFoundError} 404: No such object`, an entry said once); `ApiError` also names every undeclared
 * non-2xx status, unless a `default` response covers them.
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
  return [...byClass].map(([cls, entries]) => `{@link ${cls}} ${entries.join('; ')}`);
}

/**
 * The parameters of `op`'s method before `options`, in the signature convention at the top: `params` when it has
 * parameters, `body` when it has a request body. Its `…AndPoll` method takes the same (poll-method.ts), and
 * {@link parameterValue} and {@link callArguments} follow the same convention: the three change together.
 */
export function methodParameters(op: Operation, scope: ImportScope, typesPackage: string): ParameterNode[] {
  const parameters: ParameterNode[] = [];
  if (orderedParameters(op).length > 0)
    parameters.push({ name: 'params', type: name(scope.packageType(typesPackage, op.names.params)), optional: paramsOptional(op) });
  if (op.requestBody !== undefined && op.names.body !== undefined)
    parameters.push({ name: 'body', type: name(scope.packageType(typesPackage, op.names.body)), optional: op.requestBody.required !== true });
  return parameters;
}

/** `params` may be left out: no parameter is required, nor the body that follows it. */
function paramsOptional(op: Operation): boolean {
  const bodyRequired = op.requestBody !== undefined && op.names.body !== undefined && op.requestBody.required === true;
  return !bodyRequired && !orderedParameters(op).some((p) => !parameterOptional(p));
}

/** `a.b` for a wire name that is an identifier, else `a["b-c"]`; `?.` when `optional`. */
export function propertyAccess(object: Expression, wireName: string, optional = false): Expression {
  return isIdentifierName(wireName) ? member(object, wireName, optional) : { kind: 'index', object, index: str(wireName), ...(optional ? { optional } : {}) };
}

/**
 * How a method of `op` ({@link methodParameters}) reads its parameter `p`: `params.load_id`, `params?.['X-Id']` when
 * `params` may be left out.
 */
export function parameterValue(op: Operation, p: Parameter): Expression {
  return propertyAccess(id('params'), p.name, paramsOptional(op));
}

/** How a method of `op` reads its request body: `body`. */
export const BODY_VALUE: Expression = id('body');

/**
 * The arguments of a call of `op`'s method ({@link methodParameters}) that gives its parameters `values` (by wire
 * name; a parameter without one is left out) and no body: `{ load_id: … }` when it has parameters, then `options`.
 */
export function callArguments(op: Operation, values: ReadonlyMap<string, Expression>, options: Expression): Expression[] {
  const params = orderedParameters(op);
  if (params.length === 0) return [options];
  return [object(params.flatMap((p) => (values.has(p.name) ? [recordProperty(p.name, values.get(p.name) as Expression)] : []))), options];
}

/** The `@param` texts of {@link methodParameters} (without `options`). */
export function parameterTags(op: Operation): string[] {
  const tags: string[] = [];
  if (orderedParameters(op).length > 0) tags.push(`params path, query, header and cookie parameters by wire name ({@link ${op.names.params}})`);
  if (op.requestBody !== undefined && op.names.body !== undefined) {
    const media = op.requestBody.contents.map((c) => c.mediaType).join(', ');
    tags.push(`body the request body, sent as ${escapeCommentText(media)} ({@link ${op.names.body}})`);
  }
  return tags;
}

/** The `@throws` text of failures without a response (every method). */
export const CONNECTION_THROWS =
  '{@link ConnectionError} when no response arrives ({@link TimeoutError} after `timeoutMs`), {@link AbortError} when `options.signal` aborts';

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
  client: Expression = member({ kind: 'this' }, 'client'),
): MethodParts {
  const hasParams = orderedParameters(op).length > 0;
  const hasBody = op.requestBody !== undefined && op.names.body !== undefined;
  const parameters: ParameterNode[] = [
    ...methodParameters(op, scope, typesPackage),
    { name: 'options', type: name(scope.type(CORE.types, 'RequestOptions')), optional: true },
  ];

  const response = name(scope.packageType(typesPackage, op.names.response));
  const kind = op.requestBody?.contents[0]?.bodyKind;
  const encoder =
    hasBody && kind === 'form' ? scope.value(CORE.body, 'formBody') : hasBody && kind === 'multipart' ? scope.value(CORE.body, 'multipartBody') : undefined;
  const literal = descriptor(op, knownSchemes, { params: hasParams, body: hasBody }, encoder);
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
    lines.push(`Error responses reject with an \`ApiError\` subclass whose \`body\` is a {@link ${op.names.error}}.`);
  }
  if (op.pagination !== undefined) {
    lines.push('', 'Paginated: `await` gives the first page (`.hasNextPage()`, `.getNextPage()`, `.iterPages()`); `for await` walks every item of every page.');
  }
  const bodySchema = op.requestBody?.contents[0]?.schema;
  const fields = bodySchema !== undefined && op.names.body !== undefined ? bodyFieldLines(api, bodySchema, op.names.body) : [];
  if (fields.length > 0) lines.push('', ...fields);
  const model = docModel(operationDocs(op), { lines });
  const tags: string[] = [];
  const tag = (tagName: string, text: string): string => tagLine({ tagName, text });
  for (const text of parameterTags(op)) tags.push(tag('param', text));
  tags.push(tag('param', 'options per-request overrides (timeout, retries, headers, signal, …)'));
  for (const text of throwsTexts(errorResponses(op))) tags.push(tag('throws', text));
  tags.push(tag('throws', CONNECTION_THROWS));
  for (const t of model?.tags ?? []) tags.push(tagLine(t));
  const description = model !== undefined && model.description !== '' ? [model.description] : [];
  return { params: parameters, returns, body: [body], docs: commentFromDocs([[...description, ...tags].join('\n')])! };
}

/** A one-line signature for api.md and the README: `list(params: ListConnectionsParams, options?)`. */
export function signatureText(op: Operation, member = op.methodName): string {
  const params = orderedParameters(op);
  const hasBody = op.requestBody !== undefined && op.names.body !== undefined;
  const bodyRequired = hasBody && op.requestBody?.required === true;
  const parts: string[] = [];
  if (params.length > 0) {
    const required = params.some((p) => !parameterOptional(p));
    parts.push(`params${!required && !bodyRequired ? '?' : ''}: ${op.names.params}`);
  }
  if (hasBody) parts.push(`body${bodyRequired ? '' : '?'}: ${op.names.body}`);
  parts.push('options?');
  return `${member}(${parts.join(', ')})`;
}

/** The return type for api.md: `PagePromise<Connection>` or `APIPromise<RetrieveExtractResponse>`. */
export function returnText(api: Api, op: Operation): string {
  if (op.pagination !== undefined) {
    const s: Schema = op.pagination.itemSchema;
    const pointer = op.pagination.groupsField ?? op.pagination.itemsField;
    const path = pointer
      .split('/')
      .filter((seg) => seg !== '')
      .map((seg) => (/^\{.*\}$|^[0-9]+$/.test(seg) ? '[number]' : `[${stringLiteral(seg)}]`))
      .join('');
    const named = s.kind === 'ref' && op.pagination.groupsField === undefined ? api.schemas.get(s.target)?.identifier : undefined;
    const item = named ?? `${op.names.response}${path}[number]`;
    return `PagePromise<${item}, ${op.names.response}>`;
  }
  return `APIPromise<${op.names.response}>`;
}
