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
import type { InterfaceDeclarationStructure, PropertySignatureStructure, TypeAliasDeclarationStructure } from 'ts-morph';
import { StructureKind } from '../structure-kind.js';
import type { Api, HttpMethod, MediaContent, Operation, Parameter, RequestBody, Response, Webhook } from '../../model/types.js';
import { child } from '../../pointer.js';
import { isIdentifierName, propertyKey, stringLiteral } from '../text.js';
import { type DocExtras, jsDocStructures, jsDocText } from '../tsdoc.js';
import {
  contentsUnion,
  errorType,
  methodAndPath,
  PARAMETER_LOCATIONS,
  parameterDocs,
  parameterOptional,
  parameterType,
  responseType,
} from './operations.js';
import { identifierFor, type RenderContext, renderSchema } from './render.js';
import type { FileScope } from './scope.js';

/** The eight methods of a path item, in openapi-typescript's order. */
export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Names `src/openapi.ts` declares; imports of these names are aliased. */
export const OPENAPI_DECLARED = new Set(['paths', 'webhooks', 'components', '$defs', 'operations']);

/** Parameter locations in openapi-typescript's order. */
const OPENAPI_PARAMETER_ORDER = ['query', 'header', 'path', 'cookie'] as const;

/** Type text → the helper type that has exactly that text (per operation). */
type Substitutions = Map<string, string>;

function objectLiteral(lines: string[]): string {
  return lines.length === 0 ? 'Record<string, never>' : `{\n${lines.join('\n')}\n}`;
}

function isPlainName(text: string): boolean {
  return /^[A-Za-z_$][\w$]*(\[\])*$/.test(text);
}

function substitute(text: string, subs: Substitutions): string {
  if (isPlainName(text)) return text;
  return subs.get(text) ?? text;
}

function mediaLines(contents: MediaContent[], ctx: RenderContext, subs: Substitutions): string[] {
  return contents.map((c) => `${stringLiteral(c.mediaType)}: ${substitute(renderSchema(c.schema, ctx).text, subs)};`);
}

function parametersText(
  parameters: Record<(typeof PARAMETER_LOCATIONS)[number], Parameter[]>,
  ctx: RenderContext,
): string {
  const lines = OPENAPI_PARAMETER_ORDER.map((location) => {
    const list = parameters[location];
    if (list.length === 0) return `${location}?: never;`;
    const members = list.map(
      (p) =>
        `${jsDocText(parameterDocs(p))}${propertyKey(p.name)}${parameterOptional(p) ? '?' : ''}: ${parameterType(p, ctx)};`,
    );
    const optional = list.every(parameterOptional);
    return `${location}${optional ? '?' : ''}: ${objectLiteral(members)};`;
  });
  return objectLiteral(lines);
}

function requestBodyLine(body: RequestBody | undefined, ctx: RenderContext, subs: Substitutions): string {
  if (body === undefined) return 'requestBody?: never;';
  const docs = jsDocText(body.description === undefined ? undefined : { description: body.description });
  return `${docs}requestBody${body.required ? '' : '?'}: ${objectLiteral([
    `content: ${objectLiteral(mediaLines(body.contents, ctx, subs))};`,
  ])};`;
}

function statusKey(status: string): string {
  return /^[1-5]\d\d$/.test(status) ? status : propertyKey(status);
}

function responseText(r: Response, ctx: RenderContext, subs: Substitutions): string {
  const headerLines = r.headers.map(
    (h) =>
      `${jsDocText(h)}${propertyKey(h.name)}${h.required ? '' : '?'}: ${renderSchema(h.schema, ctx).text};`,
  );
  headerLines.push('[name: string]: unknown;');
  const lines = [`headers: ${objectLiteral(headerLines)};`];
  lines.push(r.contents.length === 0 ? 'content?: never;' : `content: ${objectLiteral(mediaLines(r.contents, ctx, subs))};`);
  return objectLiteral(lines);
}

function responsesText(responses: Response[], ctx: RenderContext, subs: Substitutions): string {
  if (responses.length === 0) return 'never';
  return objectLiteral(
    responses.map(
      (r) =>
        `${jsDocText(r.description === undefined ? undefined : { description: r.description })}${statusKey(r.status)}: ${responseText(r, ctx, subs)};`,
    ),
  );
}

interface OperationLike {
  parameters: Operation['parameters'];
  requestBody?: RequestBody;
  responses: Response[];
}

/** The operation object text (`{ parameters; requestBody; responses }`). */
function operationText(api: Api, scope: FileScope, op: OperationLike, subs: Substitutions): string {
  const request: RenderContext = { api, scope, direction: 'request' };
  const response: RenderContext = { api, scope, direction: 'response' };
  return objectLiteral([
    `parameters: ${parametersText(op.parameters, request)};`,
    requestBodyLine(op.requestBody, request, subs),
    `responses: ${responsesText(op.responses, response, subs)};`,
  ]);
}

function helperSubstitutions(api: Api, scope: FileScope, op: Operation): Substitutions {
  const subs: Substitutions = new Map();
  const request: RenderContext = { api, scope, direction: 'request' };
  const response: RenderContext = { api, scope, direction: 'response' };
  const add = (text: string, name: string): void => {
    if (!isPlainName(text) && !subs.has(text)) subs.set(text, scope.use(op.module, name));
  };
  if (op.requestBody !== undefined && op.names.body !== undefined) {
    add(contentsUnion(op.requestBody.contents, request).text, op.names.body);
  }
  add(responseType(op, response).text, op.names.response);
  add(errorType(op, response).text, op.names.error);
  return subs;
}

function pathLevelParameters(path: string, ops: Operation[]): Operation['parameters'] {
  const prefix = `${child('#/paths', path)}/parameters/`; // the IR's pointers are built the same way
  const first = ops[0];
  const result: Operation['parameters'] = { path: [], query: [], header: [], cookie: [] };
  if (first === undefined) return result;
  for (const location of PARAMETER_LOCATIONS) {
    result[location] = first.parameters[location].filter((p) => p.pointer.startsWith(prefix));
  }
  return result;
}

function opDocs(op: { summary?: string; description?: string; deprecated?: boolean }, extras?: DocExtras): string {
  const docs: { summary?: string; description?: string; deprecated?: boolean } = {};
  if (op.summary !== undefined) docs.summary = op.summary;
  if (op.description !== undefined) docs.description = op.description;
  if (op.deprecated !== undefined) docs.deprecated = op.deprecated;
  return jsDocText(docs, extras);
}

function pathsDeclaration(api: Api, scope: FileScope): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  const byPath = new Map<string, Operation[]>();
  for (const op of api.operations) {
    const list = byPath.get(op.path);
    if (list === undefined) byPath.set(op.path, [op]);
    else list.push(op);
  }
  if (byPath.size === 0) {
    return { kind: StructureKind.TypeAlias, name: 'paths', isExported: true, type: 'Record<string, never>' };
  }
  const request: RenderContext = { api, scope, direction: 'request' };
  const properties: PropertySignatureStructure[] = [...byPath.entries()].map(([path, ops]) => {
    const lines = [`parameters: ${parametersText(pathLevelParameters(path, ops), request)};`];
    for (const method of HTTP_METHODS) {
      const op = ops.find((o) => o.method === method);
      lines.push(
        op === undefined
          ? `${method}?: never;`
          : `${opDocs({ ...(op.summary !== undefined ? { summary: op.summary } : {}), ...(op.deprecated ? { deprecated: true } : {}) })}${method}: operations[${stringLiteral(op.operationId)}];`,
      );
    }
    return { kind: StructureKind.PropertySignature, name: stringLiteral(path), type: objectLiteral(lines) };
  });
  return { kind: StructureKind.Interface, name: 'paths', isExported: true, properties };
}

function webhooksDeclaration(api: Api, scope: FileScope): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  if (api.webhooks.length === 0) {
    return { kind: StructureKind.TypeAlias, name: 'webhooks', isExported: true, type: 'Record<string, never>' };
  }
  const byName = new Map<string, Webhook[]>();
  for (const hook of api.webhooks) {
    const list = byName.get(hook.name);
    if (list === undefined) byName.set(hook.name, [hook]);
    else list.push(hook);
  }
  const properties: PropertySignatureStructure[] = [...byName.entries()].map(([name, hooks]) => {
    const lines = [`parameters: ${parametersText({ path: [], query: [], header: [], cookie: [] }, { api, scope, direction: 'request' })};`];
    for (const method of HTTP_METHODS) {
      const hook = hooks.find((h) => h.method === method);
      lines.push(
        hook === undefined
          ? `${method}?: never;`
          : `${opDocs(hook)}${method}: ${operationText(api, scope, hook, new Map())};`,
      );
    }
    return { kind: StructureKind.PropertySignature, name: propertyKey(name), type: objectLiteral(lines) };
  });
  return { kind: StructureKind.Interface, name: 'webhooks', isExported: true, properties };
}

function componentsDeclaration(api: Api, scope: FileScope): InterfaceDeclarationStructure {
  const schemaLines = [...api.schemas.values()].map(
    (named) => `${propertyKey(named.key)}: ${scope.use(named.module, identifierFor(named, 'response'))};`,
  );
  const property = (name: string, type: string): PropertySignatureStructure => ({
    kind: StructureKind.PropertySignature,
    name,
    type,
  });
  return {
    kind: StructureKind.Interface,
    name: 'components',
    isExported: true,
    properties: [
      property('schemas', schemaLines.length === 0 ? 'never' : objectLiteral(schemaLines)),
      property('responses', 'never'),
      property('parameters', 'never'),
      property('requestBodies', 'never'),
      property('headers', 'never'),
      property('pathItems', 'never'),
    ],
  };
}

function operationsDeclaration(api: Api, scope: FileScope): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  if (api.operations.length === 0) {
    return { kind: StructureKind.TypeAlias, name: 'operations', isExported: true, type: 'Record<string, never>' };
  }
  const properties: PropertySignatureStructure[] = api.operations.map((op) => ({
    kind: StructureKind.PropertySignature,
    name: isIdentifierName(op.operationId) ? op.operationId : stringLiteral(op.operationId),
    type: operationText(api, scope, op, helperSubstitutions(api, scope, op)),
    docs: jsDocStructures(
      {
        ...(op.summary !== undefined ? { summary: op.summary } : {}),
        ...(op.description !== undefined ? { description: op.description } : {}),
        ...(op.deprecated ? { deprecated: true } : {}),
      },
      { lines: [`\`${methodAndPath(op)}\``], source: op.pointer },
    ),
  }));
  return { kind: StructureKind.Interface, name: 'operations', isExported: true, properties };
}

/** The declarations of `src/openapi.ts`, in openapi-typescript's order. */
export function openapiDeclarations(
  api: Api,
  scope: FileScope,
): Array<InterfaceDeclarationStructure | TypeAliasDeclarationStructure> {
  return [
    pathsDeclaration(api, scope),
    webhooksDeclaration(api, scope),
    componentsDeclaration(api, scope),
    { kind: StructureKind.TypeAlias, name: '$defs', isExported: true, type: 'Record<string, never>' },
    operationsDeclaration(api, scope),
  ];
}
