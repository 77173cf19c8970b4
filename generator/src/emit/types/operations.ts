/**
 * Per-operation helper types, named by the model ({@link Operation.names}):
 *
 * - `<Op>Params`: one object with every path, query, header and cookie parameter under its wire
 *   name (path parameters always required; others as the spec says, optional when defaulted).
 * - `<Op>Body`: the request body (union over its media types' schemas), request direction.
 * - `<Op>Response`: union of the success bodies; `void` when no success response has a body, and
 *   `| undefined` when only some do.
 * - `<Op>Error`: union of the error (4XX/5XX, and `default` when successes are declared) bodies;
 *   `unknown` when none is declared.
 */
import type { Api, Docs, MediaContent, Operation, Parameter, ParameterLocation, Response } from '../../model/types.js';
import { commentFromDocs, type Member, name, objectOf, type TypeNode, unionOf } from '../ts/nodes.js';
import { propertyKey } from '../text.js';
import { docsWithFallback, jsDocStructures, operationDocs } from '../tsdoc.js';
import { type Declaration, withDocs } from './declarations.js';
import { type Direction, hasDefault, type RenderContext, renderSchema } from './render.js';
import type { FileScope } from './scope.js';

export const PARAMETER_LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

const LOCATION_LABEL: Record<ParameterLocation, string> = {
  path: 'Path parameter.',
  query: 'Query parameter.',
  header: 'Header parameter.',
  cookie: 'Cookie parameter.',
};

/** A parameter's docs with gaps filled from its schema. */
export function parameterDocs(p: Parameter): Docs {
  return docsWithFallback(p, p.schema);
}

/** Whether a parameter may be left out by the caller. */
export function parameterOptional(p: Parameter): boolean {
  if (p.in === 'path') return false;
  return !p.required || hasDefault(parameterDocs(p));
}

/** The parameters of an operation in location order (path, query, header, cookie), first of a wire name wins. */
export function orderedParameters(op: Pick<Operation, 'parameters'>): Parameter[] {
  const seen = new Set<string>();
  const out: Parameter[] = [];
  for (const location of PARAMETER_LOCATIONS) {
    for (const p of op.parameters[location]) {
      if (seen.has(p.name)) continue;
      seen.add(p.name);
      out.push(p);
    }
  }
  return out;
}

/** Type of a parameter's value (request direction). */
export function parameterType(p: Parameter, ctx: RenderContext): TypeNode {
  return renderSchema(p.schema, ctx);
}

/** Union of the schemas of several media contents. */
export function contentsUnion(contents: MediaContent[], ctx: RenderContext): TypeNode {
  return unionOf(contents.map((c) => renderSchema(c.schema, ctx)));
}

const isSuccess = (r: Response): boolean => r.category === 'success';

/** Responses that make up `<Op>Response`: the successes, or `default` when there is none. */
export function successResponses(op: Pick<Operation, 'responses'>): Response[] {
  const successes = op.responses.filter(isSuccess);
  return successes.length > 0 ? successes : op.responses.filter((r) => r.category === 'default');
}

/** Responses that make up `<Op>Error`: the errors, and `default` when successes are declared. */
export function errorResponses(op: Pick<Operation, 'responses'>): Response[] {
  const hasSuccess = op.responses.some(isSuccess);
  return op.responses.filter((r) => r.category === 'error' || (hasSuccess && r.category === 'default'));
}

/** `<Op>Response` type. */
export function responseType(op: Pick<Operation, 'responses'>, ctx: RenderContext): TypeNode {
  const responses = successResponses(op);
  const withBody = responses.filter((r) => r.contents.length > 0);
  if (withBody.length === 0) return name('void');
  const parts = withBody.map((r) => contentsUnion(r.contents, ctx));
  if (withBody.length < responses.length) parts.push(name('undefined'));
  return unionOf(parts);
}

/** `<Op>Error` type. */
export function errorType(op: Pick<Operation, 'responses'>, ctx: RenderContext): TypeNode {
  const parts = errorResponses(op)
    .filter((r) => r.contents.length > 0)
    .map((r) => contentsUnion(r.contents, ctx));
  return parts.length === 0 ? name('unknown') : unionOf(parts);
}

/** `GET /pets/{id}`. */
export function methodAndPath(op: Pick<Operation, 'method' | 'path'>): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}


/** Helper type declarations of one operation, in the order Params, Body, Response, Error. */
export function operationDeclarations(
  api: Api,
  scope: FileScope,
  op: Operation,
): Declaration[] {
  const request: RenderContext = { api, scope, direction: 'request' satisfies Direction };
  const response: RenderContext = { api, scope, direction: 'response' satisfies Direction };
  const where = `\`${methodAndPath(op)}\` (operation \`${op.operationId}\`)`;
  const briefDocs: Docs = op.deprecated ? { deprecated: true } : {};
  const out: Declaration[] = [];

  const params = orderedParameters(op);
  const paramsDocs = withDocs(commentFromDocs(jsDocStructures(operationDocs(op), { lines: [`Parameters of ${where}.`], source: op.pointer })));
  if (params.length === 0) {
    out.push({ kind: 'alias', name: op.names.params, exported: true, ...paramsDocs, type: objectOf([]) });
  } else {
    const members: Member[] = params.map((p) => ({
      kind: 'property',
      key: propertyKey(p.name),
      type: parameterType(p, request),
      optional: parameterOptional(p),
      ...withDocs(commentFromDocs(jsDocStructures(parameterDocs(p), { lines: [LOCATION_LABEL[p.in]] }))),
    }));
    out.push({ kind: 'interface', name: op.names.params, exported: true, ...paramsDocs, members });
  }

  if (op.requestBody !== undefined && op.names.body !== undefined) {
    const body = op.requestBody;
    const media = body.contents.map((c) => `\`${c.mediaType}\``).join(', ');
    const bodyDocs: Docs = { ...briefDocs };
    if (body.description !== undefined) bodyDocs.description = body.description;
    out.push({
      kind: 'alias',
      name: op.names.body,
      exported: true,
      ...withDocs(
        commentFromDocs(
          jsDocStructures(bodyDocs, {
            source: op.pointer,
            lines: [
              `Request body of ${where}.`,
              `Media type${body.contents.length === 1 ? '' : 's'}: ${media}${body.required ? '' : ' (optional body)'}.`,
            ],
          }),
        ),
      ),
      type: contentsUnion(body.contents, request),
    });
  }

  out.push({
    kind: 'alias',
    name: op.names.response,
    exported: true,
    ...withDocs(commentFromDocs(jsDocStructures(briefDocs, { source: op.pointer, lines: [`Success response body of ${where}.`, statusLine(successResponses(op))] }))),
    type: responseType(op, response),
  });
  out.push({
    kind: 'alias',
    name: op.names.error,
    exported: true,
    ...withDocs(commentFromDocs(jsDocStructures(briefDocs, { source: op.pointer, lines: [`Error response body of ${where}.`, statusLine(errorResponses(op))] }))),
    type: errorType(op, response),
  });
  return out;
}

function statusLine(responses: Response[]): string {
  if (responses.length === 0) return 'Statuses: none declared.';
  return `Status${responses.length === 1 ? '' : 'es'}: ${responses
    .map((r) => `${r.status}${r.contents.length === 0 ? ' (no body)' : ''}`)
    .join(', ')}.`;
}
