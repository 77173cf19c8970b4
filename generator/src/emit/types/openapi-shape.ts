/**
 * `src/openapi.ts`: the `paths`, `webhooks`, `components`, `$defs` and `operations` interfaces in
 * openapi-typescript's shape, so that `openapi-fetch` (`createClient<paths>()`) and the rest of its
 * ecosystem accept the package as is.
 *
 * The shape, as openapi-typescript 7 writes it:
 * - `paths['/x']` has `parameters` (path-level ones) and all eight methods; a declared method is
 *   `operations['opId']`, an absent one `?: never`.
 * - an operation is `{ parameters: { query?; header?; path?; cookie? }; requestBody?; responses }`;
 *   an absent location or body is `?: never`, a location is optional when none of its members is
 *   required.
 * - `responses[status]` is `{ headers: { …; [name: string]: unknown }; content: { 'media/type': T } }`
 *   or `content?: never` without a body; statuses are numeric keys (`200`) or strings (`'2XX'`,
 *   `default`).
 * - `components.schemas` maps each spec key to the named export (main, response-direction shape);
 *   other component maps are `never` (the model resolves them into operations).
 *
 * Named types are imported from the module files; inline schemas that equal an operation's helper
 * type are written as that helper (`CreateAvatarBody`) to keep the file compact.
 */
import { METHODS } from '../../model/operations.js';
import { methodAndPath, parameterOptional, pathLevelParameters, pickDocs } from '../../model/queries.js';
import type { Api, MediaContent, Operation, RequestBody, Response } from '../../model/types.js';
import { commentFromText, type Member, name, objectOf, type Statement, type TypeNode, typeText } from '../ts/nodes.js';
import { propertyKey, stringLiteral } from '../text.js';
import { docsWithFallback, jsDocComment, jsDocText, operationDocs } from '../tsdoc.js';
import { withDocs } from './declarations.js';
import { clientBodyType, errorType, responseType } from './operations.js';
import { identifierFor, moduleFile, type RenderContext, renderSchema } from './render.js';
import type { ImportScope } from '../imports.js';

/** Parameter locations in openapi-typescript's order. */
const OPENAPI_PARAMETER_ORDER = ['query', 'header', 'path', 'cookie'] as const;

type Declaration = Extract<Statement, { kind: 'interface' | 'alias' }>;

/** Type text → the helper type that has exactly that text (per operation). */
type Substitutions = Map<string, string>;

const NEVER_TYPE = name('never');

function property(key: string, type: TypeNode, optional = false, docs?: string): Member {
  return { kind: 'property', key, optional, type, ...withDocs(docs) };
}

function isPlainName(text: string): boolean {
  return /^[A-Za-z_$][\w$]*(\[\])*$/.test(text);
}

function substitute(type: TypeNode, subs: Substitutions): TypeNode {
  const text = typeText(type);
  if (isPlainName(text)) return type;
  const helper = subs.get(text);
  return helper === undefined ? type : name(helper);
}

function mediaMembers(contents: MediaContent[], ctx: RenderContext, subs: Substitutions): Member[] {
  return contents.map((c) => property(stringLiteral(c.mediaType), substitute(renderSchema(c.schema, ctx), subs)));
}

function parametersType(parameters: Operation['parameters'], ctx: RenderContext): TypeNode {
  const members = OPENAPI_PARAMETER_ORDER.map((location) => {
    const list = parameters[location];
    if (list.length === 0) return property(location, NEVER_TYPE, true);
    const inner = list.map((p) =>
      property(propertyKey(p.name), renderSchema(p.schema, ctx), parameterOptional(p), commentFromText(jsDocText(docsWithFallback(p, p.schema)))),
    );
    return property(location, objectOf(inner), list.every(parameterOptional));
  });
  return objectOf(members);
}

function requestBodyMember(body: RequestBody | undefined, ctx: RenderContext, subs: Substitutions): Member {
  if (body === undefined) return property('requestBody', NEVER_TYPE, true);
  const docs = commentFromText(jsDocText(pickDocs(body, ['description'])));
  return property('requestBody', objectOf([property('content', objectOf(mediaMembers(body.contents, ctx, subs)))]), !body.required, docs);
}

function statusKey(status: string): string {
  return /^[1-5]\d\d$/.test(status) ? status : propertyKey(status);
}

function responseObject(r: Response, ctx: RenderContext, subs: Substitutions): TypeNode {
  const headers: Member[] = r.headers.map((h) => property(propertyKey(h.name), renderSchema(h.schema, ctx), !h.required, commentFromText(jsDocText(h))));
  headers.push({ kind: 'index', keyName: 'name', keyType: 'string', type: name('unknown') });
  const members = [property('headers', objectOf(headers))];
  members.push(r.contents.length === 0 ? property('content', NEVER_TYPE, true) : property('content', objectOf(mediaMembers(r.contents, ctx, subs))));
  return objectOf(members);
}

function responsesType(responses: Response[], ctx: RenderContext, subs: Substitutions): TypeNode {
  if (responses.length === 0) return NEVER_TYPE;
  return objectOf(
    responses.map((r) => property(statusKey(r.status), responseObject(r, ctx, subs), false, commentFromText(jsDocText(pickDocs(r, ['description']))))),
  );
}

interface OperationLike {
  parameters: Operation['parameters'];
  requestBody?: RequestBody;
  responses: Response[];
}

/** The operation object type (`{ parameters; requestBody; responses }`). */
function operationType(api: Api, scope: ImportScope, op: OperationLike, subs: Substitutions): TypeNode {
  const request: RenderContext = { api, scope, direction: 'request' };
  const response: RenderContext = { api, scope, direction: 'response' };
  return objectOf([
    property('parameters', parametersType(op.parameters, request)),
    requestBodyMember(op.requestBody, request, subs),
    property('responses', responsesType(op.responses, response, subs)),
  ]);
}

function helperSubstitutions(api: Api, scope: ImportScope, op: Operation): Substitutions {
  const subs: Substitutions = new Map();
  const request: RenderContext = { api, scope, direction: 'request' };
  const response: RenderContext = { api, scope, direction: 'response' };
  const add = (type: TypeNode, name: string): void => {
    const text = typeText(type);
    if (!isPlainName(text) && !subs.has(text)) subs.set(text, scope.type(moduleFile(op.module), name));
  };
  if (op.requestBody !== undefined && op.names.body !== undefined) {
    add(clientBodyType(op.requestBody.contents, request), op.names.body);
  }
  add(responseType(op, response), op.names.response);
  add(errorType(op, response), op.names.error);
  return subs;
}

/** `items` grouped by `keyOf`, groups in order of first appearance. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

const emptyAlias = (aliasName: string): Declaration => ({ kind: 'alias', name: aliasName, exported: true, type: objectOf([]) });

function pathsDeclaration(api: Api, scope: ImportScope): Declaration {
  const byPath = groupBy(api.operations, (op) => op.path);
  if (byPath.size === 0) return emptyAlias('paths');
  const request: RenderContext = { api, scope, direction: 'request' };
  const members: Member[] = [...byPath.entries()].map(([path, ops]) => {
    const inner = [property('parameters', parametersType(pathLevelParameters(path, ops), request))];
    for (const method of METHODS) {
      const op = ops.find((o) => o.method === method);
      inner.push(
        op === undefined
          ? property(method, NEVER_TYPE, true)
          : property(
              method,
              { kind: 'indexed', object: name('operations'), index: { kind: 'literal', text: stringLiteral(op.operationId) } },
              false,
              commentFromText(jsDocText(pickDocs(op, ['summary', 'deprecated']))),
            ),
      );
    }
    return property(stringLiteral(path), objectOf(inner));
  });
  return { kind: 'interface', name: 'paths', exported: true, members };
}

function webhooksDeclaration(api: Api, scope: ImportScope): Declaration {
  if (api.webhooks.length === 0) return emptyAlias('webhooks');
  const byName = groupBy(api.webhooks, (hook) => hook.name);
  const members: Member[] = [...byName.entries()].map(([hookName, hooks]) => {
    const inner = [property('parameters', parametersType({ path: [], query: [], header: [], cookie: [] }, { api, scope, direction: 'request' }))];
    for (const method of METHODS) {
      const hook = hooks.find((h) => h.method === method);
      inner.push(
        hook === undefined
          ? property(method, NEVER_TYPE, true)
          : property(method, operationType(api, scope, hook, new Map()), false, commentFromText(jsDocText(operationDocs(hook)))),
      );
    }
    return property(propertyKey(hookName), objectOf(inner));
  });
  return { kind: 'interface', name: 'webhooks', exported: true, members };
}

function componentsDeclaration(api: Api, scope: ImportScope): Declaration {
  const schemaMembers = [...api.schemas.values()].map((named) =>
    property(propertyKey(named.key), name(scope.type(moduleFile(named.module), identifierFor(named, 'response')))),
  );
  return {
    kind: 'interface',
    name: 'components',
    exported: true,
    members: [
      property('schemas', schemaMembers.length === 0 ? NEVER_TYPE : objectOf(schemaMembers)),
      property('responses', NEVER_TYPE),
      property('parameters', NEVER_TYPE),
      property('requestBodies', NEVER_TYPE),
      property('headers', NEVER_TYPE),
      property('pathItems', NEVER_TYPE),
    ],
  };
}

function operationsDeclaration(api: Api, scope: ImportScope): Declaration {
  if (api.operations.length === 0) return emptyAlias('operations');
  const members: Member[] = api.operations.map((op) =>
    property(
      propertyKey(op.operationId),
      operationType(api, scope, op, helperSubstitutions(api, scope, op)),
      false,
      jsDocComment(operationDocs(op), { lines: [`\`${methodAndPath(op)}\``], source: op.pointer }),
    ),
  );
  return { kind: 'interface', name: 'operations', exported: true, members };
}

/** The declarations of `src/openapi.ts`, in openapi-typescript's order. */
export function openapiDeclarations(api: Api, scope: ImportScope): Declaration[] {
  return [
    pathsDeclaration(api, scope),
    webhooksDeclaration(api, scope),
    componentsDeclaration(api, scope),
    emptyAlias('$defs'),
    operationsDeclaration(api, scope),
  ];
}
