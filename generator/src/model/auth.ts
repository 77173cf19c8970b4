/**
 * `components.securitySchemes` → {@link SecurityScheme}s (spec order), with `x-token-endpoint`.
 *
 * - `http`: `scheme` lower-cased (`Basic` → `basic`), `bearerFormat` kept.
 * - `apiKey`: `in` (header, query, cookie) and the parameter name (`paramName`).
 * - `oauth2`, `openIdConnect`, `mutualTLS`: the type only; flows and discovery URLs are not modelled
 *   (the caller supplies the token).
 * - `x-token-endpoint` `{ operationId, method?, path?, credentialsScheme, tokenField, lifetimeSeconds?,
 *   slidingExpiry?, requestFields? }`: the operation must exist (method and path come from it; a
 *   stated `method`/`path` that differs is a warning),
 *   `credentialsScheme` must be a declared scheme, and `tokenField` must exist in the operation's
 *   2XX JSON response; each failure is an error with the pointer of the offending field.
 */
import type { ModelContext } from './context.js';
import { isObject, type JsonObject } from '../json.js';
import { child } from '../pointer.js';
import { extensionsOf } from './context.js';
import { schemaAt } from './pagination.js';
import { successJsonBody } from './queries.js';
import { applyDocs, docsOf } from './schemas.js';
import type { Operation, Schema, SecurityScheme, TokenEndpoint } from './types.js';

const TYPES = new Set(['http', 'apiKey', 'oauth2', 'openIdConnect', 'mutualTLS']);

/**
 * Whether the client runtime can apply `scheme`: http basic or bearer, oauth2 and openIdConnect (a bearer token the
 * caller supplies), an apiKey with its place and name. Not: another http scheme (`digest`, `negotiate`, …) or
 * `mutualTLS`, whose requirements the client leaves out (a warning says so: generate.ts).
 */
export function clientAppliesScheme(scheme: SecurityScheme): boolean {
  if (scheme.type === 'http') return scheme.scheme === 'basic' || scheme.scheme === 'bearer';
  if (scheme.type === 'apiKey') return scheme.in !== undefined && scheme.paramName !== undefined;
  return scheme.type === 'oauth2' || scheme.type === 'openIdConnect';
}

/** Reads every security scheme; `ops` and `schemas` are for validating `x-token-endpoint`. */
export function readSecuritySchemes(ctx: ModelContext, ops: readonly Operation[], schemas: ReadonlyMap<string, Schema>): SecurityScheme[] {
  const raw = isObject(ctx.doc.components) ? ctx.doc.components.securitySchemes : undefined;
  if (!isObject(raw)) return [];
  const out: SecurityScheme[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const pointer = child('#/components/securitySchemes', key);
    const r = ctx.deref(value, pointer);
    if (!r) continue;
    const s = r.value;
    if (typeof s.type !== 'string' || !TYPES.has(s.type)) {
      ctx.report('error', 'model/security-scheme', `security scheme ${key} has an unknown type ${JSON.stringify(s.type)}`, child(pointer, 'type'));
      continue;
    }
    const scheme: SecurityScheme = { key, type: s.type as SecurityScheme['type'], extensions: extensionsOf(s) };
    applyDocs(scheme, docsOf({ description: s.description, 'x-inferred': s['x-inferred'] }));
    if (s.type === 'http') {
      if (typeof s.scheme === 'string') scheme.scheme = s.scheme.toLowerCase();
      else ctx.report('error', 'model/security-scheme', `http security scheme ${key} needs a scheme (basic, bearer, …)`, pointer);
      if (typeof s.bearerFormat === 'string') scheme.bearerFormat = s.bearerFormat;
    }
    if (s.type === 'apiKey') {
      if (s.in === 'header' || s.in === 'query' || s.in === 'cookie') scheme.in = s.in;
      else ctx.report('error', 'model/security-scheme', `apiKey security scheme ${key} needs in: header, query or cookie`, child(pointer, 'in'));
      if (typeof s.name === 'string') scheme.paramName = s.name;
      else ctx.report('error', 'model/security-scheme', `apiKey security scheme ${key} needs a name`, pointer);
    }
    const te = s['x-token-endpoint'];
    if (te !== undefined) {
      const endpoint = tokenEndpoint(ctx, te, child(pointer, 'x-token-endpoint'), raw, ops, schemas);
      if (endpoint) scheme.tokenEndpoint = endpoint;
    }
    out.push(scheme);
  }
  return out;
}

function tokenEndpoint(
  ctx: ModelContext,
  te: unknown,
  pointer: string,
  schemes: JsonObject,
  ops: readonly Operation[],
  schemas: ReadonlyMap<string, Schema>,
): TokenEndpoint | undefined {
  if (!isObject(te)) {
    ctx.report('error', 'model/token-endpoint', 'x-token-endpoint must be an object', pointer);
    return undefined;
  }
  let ok = true;
  const bad = (message: string, field?: string): void => {
    ctx.report('error', 'model/token-endpoint', message, field === undefined ? pointer : child(pointer, field));
    ok = false;
  };
  const op = typeof te.operationId === 'string' ? ops.find((o) => o.operationId === te.operationId) : undefined;
  // A key that is missing is reported at the object (its pointer would name nothing), one that is wrong at the key.
  if (te.operationId === undefined) bad('x-token-endpoint.operationId (the operation that issues the token) is required');
  else if (!op) bad(`x-token-endpoint.operationId ${JSON.stringify(te.operationId)} is not an operation of this document`, 'operationId');
  if (te.credentialsScheme === undefined) {
    bad('x-token-endpoint.credentialsScheme (the security scheme whose credentials the token operation takes) is required');
  } else if (typeof te.credentialsScheme !== 'string' || !Object.hasOwn(schemes, te.credentialsScheme)) {
    bad(`x-token-endpoint.credentialsScheme ${JSON.stringify(te.credentialsScheme)} is not a declared security scheme`, 'credentialsScheme');
  }
  if (typeof te.tokenField !== 'string') {
    bad('x-token-endpoint.tokenField (a JSON pointer into the response) is required');
  } else if (op) {
    const body = successJsonBody(op);
    if (!body || !schemaAt(body, te.tokenField, schemas)) {
      bad(`x-token-endpoint.tokenField ${te.tokenField} does not exist in the 2XX JSON response of ${op.operationId}`, 'tokenField');
    }
  }
  if (op && te.method !== undefined && String(te.method).toLowerCase() !== op.method) {
    ctx.report(
      'warning',
      'model/token-endpoint',
      `x-token-endpoint.method ${JSON.stringify(te.method)} differs from ${op.operationId}'s method ${op.method}; using ${op.method}`,
      child(pointer, 'method'),
    );
  }
  if (op && te.path !== undefined && te.path !== op.path) {
    ctx.report(
      'warning',
      'model/token-endpoint',
      `x-token-endpoint.path ${JSON.stringify(te.path)} differs from ${op.operationId}'s path ${op.path}; using ${op.path}`,
      child(pointer, 'path'),
    );
  }
  if (!ok || !op) return undefined;
  const out: TokenEndpoint = {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    credentialsScheme: te.credentialsScheme as string,
    tokenField: te.tokenField as string,
  };
  if (typeof te.lifetimeSeconds === 'number') out.lifetimeSeconds = te.lifetimeSeconds;
  if (typeof te.slidingExpiry === 'boolean') out.slidingExpiry = te.slidingExpiry;
  if (Array.isArray(te.requestFields)) out.requestFields = te.requestFields.filter((f): f is string => typeof f === 'string');
  return out;
}
