/**
 * Per-operation helper types, named by the model ({@link Operation.names}):
 *
 * - `<Op>Params`: one object with every path, query, header and cookie parameter under its wire
 *   name (path parameters always required; others as the spec says, optional when defaulted).
 * - `<Op>Query`: `<Op>Params` without the path parameters (`Omit<…>`), the client method's `params` argument when the
 *   operation has path parameters and others (D40: the client takes path parameters as leading arguments).
 * - `<Op>Body`: the request body as the client sends it (its JSON media type, else its first: D67), request direction.
 * - `<Op>Response`: union of the success bodies, each as the client reads it (D67); `void` when no success response
 *   has a body, and `| undefined` when only some do.
 * - `<Op>Error`: union of the error (4XX/5XX, and `default` when successes are declared) bodies, every media type
 *   (an error body is read by its Content-Type); `unknown` when none is declared.
 *
 * A text body (XML, YAML, …) whose schema does not describe a string is a `string`: the client sends and reads it as
 * its text ({@link clientValueSchema}).
 */
import {
  clientContent,
  clientValueSchema,
  errorResponses,
  methodAndPath,
  orderedParameters,
  parameterOptional,
  pathParameters,
  pickDocs,
  successResponses,
} from '../../model/queries.js';
import type { Api, Docs, MediaContent, Operation, ParameterLocation, Response } from '../../model/types.js';
import { generic, literal, type Member, name, objectOf, type TypeNode, unionOf } from '../ts/nodes.js';
import { propertyKey, stringLiteral } from '../text.js';
import { docsWithFallback, jsDocComment } from '../tsdoc.js';
import { type Declaration, withDocs } from './declarations.js';
import { type Direction, type RenderContext, renderSchema } from './render.js';
import type { ImportScope } from '../imports.js';

const LOCATION_LABEL: Record<ParameterLocation, string> = {
  path: 'Path parameter.',
  query: 'Query parameter.',
  header: 'Header parameter.',
  cookie: 'Cookie parameter.',
};

/** Union of the schemas of several media contents. */
export function contentsUnion(contents: MediaContent[], ctx: RenderContext): TypeNode {
  return unionOf(contents.map((c) => renderSchema(c.schema, ctx)));
}

/** The value the client sends or reads for a body of several media types: that of the one it uses ({@link clientContent}). */
export function clientBodyType(contents: MediaContent[], ctx: RenderContext): TypeNode {
  const content = clientContent(contents);
  return content === undefined ? name('undefined') : renderSchema(clientValueSchema(ctx.api, content), ctx);
}

/** `<Op>Response` type. */
export function responseType(op: Pick<Operation, 'responses'>, ctx: RenderContext): TypeNode {
  const responses = successResponses(op);
  const withBody = responses.filter((r) => r.contents.length > 0);
  if (withBody.length === 0) return name('void');
  const parts = withBody.map((r) => clientBodyType(r.contents, ctx));
  if (withBody.length < responses.length) parts.push(name('undefined'));
  return unionOf(parts);
}

/** `<Op>Error` type. */
export function errorType(op: Pick<Operation, 'responses'>, ctx: RenderContext): TypeNode {
  const parts = errorResponses(op)
    .filter((r) => r.contents.length > 0)
    .map((r) => unionOf(r.contents.map((c) => renderSchema(clientValueSchema(ctx.api, c), ctx))));
  return parts.length === 0 ? name('unknown') : unionOf(parts);
}

/** Helper type declarations of one operation, in the order Params, Query, Body, Response, Error. */
export function operationDeclarations(api: Api, scope: ImportScope, op: Operation): Declaration[] {
  const request: RenderContext = { api, scope, direction: 'request' satisfies Direction };
  const response: RenderContext = { api, scope, direction: 'response' satisfies Direction };
  const where = `\`${methodAndPath(op)}\` (operation \`${op.operationId}\`)`;
  const briefDocs: Docs = op.deprecated ? { deprecated: true } : {};
  const out: Declaration[] = [];

  const params = orderedParameters(op);
  const paramsDocs = withDocs(jsDocComment(pickDocs(op), { lines: [`Parameters of ${where}.`], source: op.pointer }));
  if (params.length === 0) {
    out.push({ kind: 'alias', name: op.names.params, exported: true, ...paramsDocs, type: objectOf([]) });
  } else {
    const members: Member[] = params.map((p) => ({
      kind: 'property',
      key: propertyKey(p.name),
      type: renderSchema(p.schema, request),
      optional: parameterOptional(p),
      ...withDocs(jsDocComment(docsWithFallback(p, p.schema), { lines: [LOCATION_LABEL[p.in]] })),
    }));
    out.push({ kind: 'interface', name: op.names.params, exported: true, ...paramsDocs, members });
  }
  if (op.names.query !== undefined) {
    const lines = [
      `Query, header and cookie parameters of ${where}: \`${op.names.params}\` without the path parameters, which the client's method takes as arguments.`,
    ];
    const pathNames = pathParameters(op).map((p) => literal(stringLiteral(p.name)));
    out.push({
      kind: 'alias',
      name: op.names.query,
      exported: true,
      ...withDocs(jsDocComment(briefDocs, { source: op.pointer, lines })),
      type: generic('Omit', [name(op.names.params), unionOf(pathNames)]),
    });
  }

  if (op.requestBody !== undefined && op.names.body !== undefined) {
    const body = op.requestBody;
    // With several media types, the one the client sends is named (D67): the type is its.
    const sent = clientContent(body.contents);
    const others = body.contents.filter((c) => c !== sent).map((c) => `\`${c.mediaType}\``);
    const media = others.length === 0 ? `\`${sent?.mediaType ?? ''}\`` : `\`${sent?.mediaType ?? ''}\`, as the client sends it (also: ${others.join(', ')})`;
    const bodyDocs: Docs = { ...briefDocs, ...pickDocs(body, ['description']) };
    out.push({
      kind: 'alias',
      name: op.names.body,
      exported: true,
      ...withDocs(
        jsDocComment(bodyDocs, {
          source: op.pointer,
          lines: [`Request body of ${where}.`, `Media type${body.contents.length === 1 ? '' : 's'}: ${media}${body.required ? '' : ' (optional body)'}.`],
        }),
      ),
      type: clientBodyType(body.contents, request),
    });
  }

  out.push({
    kind: 'alias',
    name: op.names.response,
    exported: true,
    ...withDocs(jsDocComment(briefDocs, { source: op.pointer, lines: [`Success response body of ${where}.`, statusLine(successResponses(op))] })),
    type: responseType(op, response),
  });
  out.push({
    kind: 'alias',
    name: op.names.error,
    exported: true,
    ...withDocs(jsDocComment(briefDocs, { source: op.pointer, lines: [`Error response body of ${where}.`, statusLine(errorResponses(op))] })),
    type: errorType(op, response),
  });
  return out;
}

function statusLine(responses: Response[]): string {
  if (responses.length === 0) return 'Statuses: none declared.';
  return `Status${responses.length === 1 ? '' : 'es'}: ${responses.map((r) => `${r.status}${r.contents.length === 0 ? ' (no body)' : ''}`).join(', ')}.`;
}
