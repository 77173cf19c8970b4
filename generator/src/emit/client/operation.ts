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
import { type JSDocStructure, type JSDocTagStructure, type ParameterDeclarationStructure, StructureKind } from 'ts-morph';
import type { Api, MediaContent, Operation, Parameter, Response, Schema } from '../../model/types.js';
import { docModel, escapeCommentText, operationDocs } from '../tsdoc.js';
import { recordEntry, stringLiteral } from '../text.js';
import { errorResponses, methodAndPath, orderedParameters, parameterOptional } from '../../model/queries.js';
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
  parameters: ParameterDeclarationStructure[];
  returnType: string;
  /** The method body (one return statement). */
  body: string;
  docs: JSDocStructure[];
}

/** Default style of a location. */
function defaultStyle(p: Parameter): Parameter['style'] {
  return p.in === 'path' || p.in === 'header' ? 'simple' : 'form';
}

function paramSpec(p: Parameter): string {
  const parts = [`in: ${stringLiteral(p.in)}`];
  const style = defaultStyle(p);
  if (p.style !== style) parts.push(`style: ${stringLiteral(p.style)}`);
  const explode = p.style === 'form';
  if (p.explode !== explode) parts.push(`explode: ${p.explode}`);
  if (p.allowReserved) parts.push('allowReserved: true');
  if (p.contentMediaType !== undefined && /json/i.test(p.contentMediaType)) parts.push("content: 'json'");
  if (p.secret) parts.push('secret: true');
  return `{ ${parts.join(', ')} }`;
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

function encodingText(encoding: MediaContent['encoding']): string | undefined {
  if (encoding === undefined) return undefined;
  const entries: string[] = [];
  for (const [name, e] of Object.entries(encoding)) {
    const parts: string[] = [];
    if (e.contentType !== undefined) parts.push(`contentType: ${stringLiteral(e.contentType)}`);
    if (e.style !== undefined) parts.push(`style: ${stringLiteral(e.style)}`);
    if (e.explode !== undefined) parts.push(`explode: ${e.explode}`);
    if (e.allowReserved !== undefined) parts.push(`allowReserved: ${e.allowReserved}`);
    if (parts.length > 0) entries.push(recordEntry(name, `{ ${parts.join(', ')} }`));
  }
  return entries.length === 0 ? undefined : `{ ${entries.join(', ')} }`;
}

/** Security alternatives as scheme-key lists, keeping only schemes the client knows. */
export function securityText(security: Operation['security'], known: ReadonlySet<string>): string {
  const alternatives = security
    .map((alt) => alt.map((r) => r.scheme))
    .filter((alt) => alt.every((k) => known.has(k)))
    .map((alt) => `[${alt.map((k) => stringLiteral(k)).join(', ')}]`);
  return `[${alternatives.join(', ')}]`;
}

function paginationText(op: Operation): string | undefined {
  const p = op.pagination;
  if (p === undefined) return undefined;
  const parts = [`style: ${stringLiteral(p.style)}`];
  if (p.in !== 'query') parts.push(`in: ${stringLiteral(p.in)}`);
  for (const key of ['pageParam', 'sizeParam', 'cursorParam', 'itemsField', 'nextField', 'countField', 'groupsField'] as const) {
    const v = p[key];
    if (v !== undefined) parts.push(`${key}: ${stringLiteral(v)}`);
  }
  if (p.pageNumbersAsStrings) parts.push('pageNumbersAsStrings: true');
  const extra = p as { groupKeyField?: unknown; groupFilterParam?: unknown };
  if (typeof extra.groupKeyField === 'string') parts.push(`groupKeyField: ${stringLiteral(extra.groupKeyField)}`);
  if (typeof extra.groupFilterParam === 'string') parts.push(`groupFilterParam: ${stringLiteral(extra.groupFilterParam)}`);
  return `{ ${parts.join(', ')} }`;
}

/** The descriptor object literal (the core's `Operation`) for a call with `params`/`body` in scope. */
export function descriptorText(
  op: Operation,
  knownSchemes: ReadonlySet<string>,
  has: { params: boolean; body: boolean },
  /** Local name of the core's `formBody`/`multipartBody` when the first media type is a form or multipart body. */
  encoder?: string,
): string {
  const lines: string[] = [
    `method: ${stringLiteral(op.method)}`,
    `path: ${stringLiteral(op.path)}`,
    `operationId: ${stringLiteral(op.operationId)}`,
  ];
  const params = orderedParameters(op);
  if (has.params) {
    lines.push('params: { ...params }');
    lines.push(`parameters: { ${params.map((p) => recordEntry(p.name, paramSpec(p))).join(', ')} }`);
  }
  const media = op.requestBody?.contents[0];
  if (has.body && media !== undefined) {
    const enc = encodingText(media.encoding);
    if (encoder !== undefined) {
      // Form and multipart bodies are encoded here (core/body.ts), so other clients do not bundle the encoders.
      const encoded = `${encoder}(body${enc !== undefined ? `, ${enc}` : ''})`;
      lines.push(`body: ${op.requestBody?.required ? encoded : `body === undefined ? undefined : ${encoded}`}`);
    } else lines.push('body');
    if (media.bodyKind !== 'json') lines.push(`bodyKind: ${stringLiteral(media.bodyKind)}`);
    const def = KIND_DEFAULT_TYPE[media.bodyKind];
    if (def !== undefined && media.mediaType.toLowerCase() !== def && !media.mediaType.includes('*')) {
      lines.push(`contentType: ${stringLiteral(media.mediaType)}`);
    }
  }
  lines.push(`security: ${securityText(op.security, knownSchemes)}`);
  if (op.responses.length > 0) {
    lines.push(`responses: { ${op.responses.map((r) => `${stringLiteral(r.status)}: ${stringLiteral(responseKind(r))}`).join(', ')} }`);
  }
  if (op.idempotencyHeader !== undefined) lines.push(`idempotencyHeader: ${stringLiteral(op.idempotencyHeader)}`);
  if (op.idempotent !== undefined) lines.push(`idempotent: ${op.idempotent}`);
  const pagination = paginationText(op);
  if (pagination !== undefined) lines.push(`pagination: ${pagination}`);
  return `{\n${lines.join(',\n')},\n}`;
}

/**
 * The item type of a paginated operation: the item schema's identifier when it is a reference
 * (and no groups), else an indexed access into the response type along the items pointer.
 */
export function pageItemType(api: Api, op: Operation, scope: ImportScope, typesPackage: string, responseType: string): string {
  const p = op.pagination;
  if (p === undefined) return 'unknown';
  if (p.groupsField === undefined && p.itemSchema.kind === 'ref') {
    const named = api.schemas.get(p.itemSchema.target);
    if (named !== undefined) return scope.packageType(typesPackage, named.identifier);
  }
  return indexedAccess(responseType, p.groupsField ?? p.itemsField);
}

function indexedAccess(base: string, pointer: string): string {
  const segments = pointer
    .replace(/^#?\//, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let t = base;
  for (const s of segments) {
    t = /^\{.*\}$|^[0-9]+$/.test(s) ? `NonNullable<${t}>[number]` : `NonNullable<${t}>[${stringLiteral(s)}]`;
  }
  return `NonNullable<${t}>[number]`;
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


/** The first line of `text` (any line ending: CRLF, CR, LF, U+2028, U+2029), trimmed. */
function firstLine(text: string | undefined): string {
  return (text ?? '').split(/\r\n?|[\n\u2028\u2029]/)[0]?.trim() ?? '';
}

/** The parts of the method for `op`. */
export function methodParts(
  api: Api,
  op: Operation,
  scope: ImportScope,
  typesPackage: string,
  knownSchemes: ReadonlySet<string>,
  clientExpr = 'this.client',
): MethodParts {
  const params = orderedParameters(op);
  const hasParams = params.length > 0;
  const hasBody = op.requestBody !== undefined && op.names.body !== undefined;
  const bodyRequired = hasBody && op.requestBody?.required === true;
  const paramsRequired = params.some((p) => !parameterOptional(p));

  const parameters: ParameterDeclarationStructure[] = [];
  if (hasParams) {
    parameters.push({
      kind: StructureKind.Parameter,
      name: 'params',
      type: scope.packageType(typesPackage, op.names.params),
      hasQuestionToken: !paramsRequired && !bodyRequired,
    });
  }
  if (hasBody && op.names.body !== undefined) {
    parameters.push({
      kind: StructureKind.Parameter,
      name: 'body',
      type: scope.packageType(typesPackage, op.names.body),
      hasQuestionToken: !bodyRequired,
    });
  }
  const requestOptions = scope.type(CORE.types, 'RequestOptions');
  parameters.push({ kind: StructureKind.Parameter, name: 'options', type: requestOptions, hasQuestionToken: true });

  const response = scope.packageType(typesPackage, op.names.response);
  const kind = op.requestBody?.contents[0]?.bodyKind;
  const encoder =
    hasBody && kind === 'form' ? scope.value(CORE.body, 'formBody') : hasBody && kind === 'multipart' ? scope.value(CORE.body, 'multipartBody') : undefined;
  const descriptor = descriptorText(op, knownSchemes, { params: hasParams, body: hasBody }, encoder);
  let returnType: string;
  let body: string;
  if (op.pagination !== undefined) {
    const item = pageItemType(api, op, scope, typesPackage, response);
    returnType = `${scope.type(CORE.pagination, 'PagePromise')}<${item}, ${response}>`;
    body = `return ${scope.value(CORE.pagination, 'requestPage')}<${item}, ${response}>(${clientExpr}, ${descriptor}, options);`;
  } else {
    returnType = `${scope.type(CORE.apiPromise, 'APIPromise')}<${response}>`;
    body = `return ${clientExpr}.request<${response}>(${descriptor}, options);`;
  }

  // TSDoc: the operation's own text, then method + path, the parameter and body types, what it throws.
  const lines = [`\`${methodAndPath(op)}\` (operation \`${op.operationId}\`).`];
  if (errorResponses(op).some((r) => r.contents.length > 0)) {
    lines.push(`Error responses reject with an \`ApiError\` subclass whose \`body\` is a {@link ${op.names.error}}.`);
  }
  if (op.pagination !== undefined) {
    lines.push('', 'Paginated: `await` gives the first page (`.hasNextPage()`, `.getNextPage()`, `.iterPages()`); `for await` walks every item of every page.');
  }
  const model = docModel(operationDocs(op), { lines });
  const tags: JSDocTagStructure[] = [];
  if (hasParams) tags.push({ kind: StructureKind.JSDocTag, tagName: 'param', text: `params path, query, header and cookie parameters by wire name ({@link ${op.names.params}})` });
  if (hasBody) {
    const media = op.requestBody?.contents.map((c) => c.mediaType).join(', ') ?? '';
    tags.push({ kind: StructureKind.JSDocTag, tagName: 'param', text: `body the request body, sent as ${escapeCommentText(media)} ({@link ${op.names.body}})` });
  }
  tags.push({ kind: StructureKind.JSDocTag, tagName: 'param', text: 'options per-request overrides (timeout, retries, headers, signal, …)' });
  const errors = errorResponses(op);
  const seen = new Set<string>();
  for (const r of errors) {
    const cls = errorClassFor(r.status);
    const note = escapeCommentText(firstLine(r.description ?? r.summary));
    if (seen.has(`${cls} ${r.status}`)) continue;
    seen.add(`${cls} ${r.status}`);
    const when = r.status === 'default' ? 'any other error status' : r.status;
    tags.push({ kind: StructureKind.JSDocTag, tagName: 'throws', text: `{@link ${cls}} ${when}${note !== '' ? `: ${note}` : ''}` });
  }
  if (!errors.some((r) => r.category === 'default')) {
    tags.push({ kind: StructureKind.JSDocTag, tagName: 'throws', text: '{@link ApiError} any other non-2xx status' });
  }
  tags.push({
    kind: StructureKind.JSDocTag,
    tagName: 'throws',
    text: '{@link ConnectionError} when no response arrives ({@link TimeoutError} after `timeoutMs`), {@link AbortError} when `options.signal` aborts',
  });
  for (const t of model?.tags ?? []) {
    tags.push(t.text === undefined ? { kind: StructureKind.JSDocTag, tagName: t.tagName } : { kind: StructureKind.JSDocTag, tagName: t.tagName, text: t.text });
  }
  const docs: JSDocStructure = { kind: StructureKind.JSDoc, tags };
  if (model !== undefined && model.description !== '') docs.description = model.description;
  return { parameters, returnType, body, docs: [docs] };
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
