/**
 * Read-only questions about the model that more than one emitter asks (the types package, the client, their
 * README and api.md): parameters in call order, which a caller may leave out, which responses are successes and
 * which errors, the path-level parameters of a path, the API's enums and its webhook signature scheme. Pure
 * functions of the {@link Api}; no names are made here (naming.ts, client-names.ts).
 */
import { child } from '../pointer.js';
import { OPENAPI_SHAPE_NAMES } from './naming.js';
import type {
  Api,
  Docs,
  EnumSchema,
  MediaContent,
  NamedSchema,
  ObjectSchema,
  Operation,
  Parameter,
  ParameterLocation,
  Pointer,
  Property,
  Response,
  Schema,
  WebhookSignature,
} from './types.js';

/** Every documentation keyword of {@link Docs}, in the order TSDoc renders them. */
export const DOC_KEYS = [
  'title',
  'summary',
  'description',
  'deprecated',
  'inferred',
  'inferredKeywords',
  'note',
  'default',
  'examples',
  'format',
  'constraints',
  'externalDocsUrl',
] as const satisfies ReadonlyArray<keyof Docs>;

/** The documentation keywords `from` sets (a schema's, a property's, …) among `keys` (default: all), and no other field. */
export function pickDocs(from: Docs, keys: ReadonlyArray<keyof Docs> = DOC_KEYS): Docs {
  const docs: Docs = {};
  for (const key of keys) if (from[key] !== undefined) (docs as Record<string, unknown>)[key] = from[key];
  return docs;
}

/** Which way data flows through a type: the caller sends it (`request`) or reads it (`response`). */
export type Direction = 'request' | 'response';

/**
 * The named schema `key` of `api`.
 *
 * @throws Error when there is none (a dangling reference, which the model never leaves)
 */
export function namedSchema(api: Api, key: string): NamedSchema {
  const named = api.schemas.get(key);
  if (named === undefined) throw new Error(`internal error: the model has no schema '${key}'`);
  return named;
}

/** One member of an object type seen from one direction. */
export interface DirectedMember {
  /** Wire name. */
  name: string;
  optional: boolean;
  /** The model's property; absent for a name listed in `required` without a schema (typed `unknown`). */
  property?: Property;
}

/**
 * The members of an object schema seen from `direction`, as the types package declares them, in spec order: a
 * `readOnly` property (its own flag or its schema's) is not in requests, a `writeOnly` one not in responses, and a
 * required property with a `default` (its own or its schema's) is optional in requests; then every name listed in
 * `required` that no member declares.
 */
export function directedMembers(schema: ObjectSchema, direction: Direction): DirectedMember[] {
  const out: DirectedMember[] = [];
  for (const p of schema.properties) {
    const readOnly = p.readOnly === true || p.schema.readOnly === true;
    const writeOnly = p.writeOnly === true || p.schema.writeOnly === true;
    if (direction === 'request' ? readOnly : writeOnly) continue;
    const defaulted = p.default !== undefined || p.schema.default !== undefined;
    out.push({ name: p.name, optional: !p.required || (direction === 'request' && defaulted), property: p });
  }
  for (const name of schema.requiredOnly ?? []) if (!out.some((m) => m.name === name)) out.push({ name, optional: false });
  return out;
}

/**
 * Whether `schema`, seen from `direction`, is an object of nothing although it declares properties: every one is
 * `readOnly` (in a request) or `writeOnly` (in a response), and no other property is admitted (no
 * `additionalProperties` schema or pattern). Through references and allOf. Such an allOf member adds nothing there.
 */
export function declaresNoneIn(api: Pick<Api, 'schemas'>, schema: Schema, direction: Direction, seen: Set<string> = new Set()): boolean {
  switch (schema.kind) {
    case 'object':
      return (
        schema.properties.length > 0 &&
        directedMembers(schema, direction).length === 0 &&
        (schema.additionalProperties === undefined || schema.additionalProperties === false) &&
        (schema.patternProperties ?? []).length === 0
      );
    case 'ref': {
      const target = api.schemas.get(schema.target);
      if (target === undefined || seen.has(schema.target)) return false;
      seen.add(schema.target);
      return declaresNoneIn(api, target.schema, direction, seen);
    }
    case 'intersection':
      return schema.unevaluatedProperties === undefined && schema.members.length > 0 && schema.members.every((m) => declaresNoneIn(api, m, direction, seen));
    default:
      return false;
  }
}

/** Parameter locations in the order the model lists them (and the generated `<Op>Params` declares them). */
export const PARAMETER_LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

/** The parameters of an operation in location order (path, query, header, cookie); the first of a wire name wins. */
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

/**
 * The path parameters of an operation in the order its path template names them (`/a/{b}/c/{d}` → `b`, `d`): the
 * leading arguments of its client method (D40). A parameter the template does not name (an error the model reports)
 * comes last, in declaration order.
 */
export function pathParameters(op: Pick<Operation, 'parameters' | 'path'>): Parameter[] {
  const position = (p: Parameter): number => {
    const at = op.path.indexOf(`{${p.name}}`);
    return at === -1 ? Number.MAX_SAFE_INTEGER : at;
  };
  return orderedParameters({ parameters: { ...op.parameters, query: [], header: [], cookie: [] } }).sort((a, b) => position(a) - position(b));
}

/**
 * The parameters a client method takes in its `params` argument (D40): {@link orderedParameters} without the path
 * ones (a query, header or cookie parameter named like a path parameter is left out there already).
 */
export function otherParameters(op: Pick<Operation, 'parameters'>): Parameter[] {
  return orderedParameters(op).filter((p) => p.in !== 'path');
}

/**
 * Whether the caller may leave a parameter out: never a path parameter; otherwise when it is not required or has
 * a `default` (its own, else its schema's: the server fills it in).
 */
export function parameterOptional(p: Parameter): boolean {
  if (p.in === 'path') return false;
  return !p.required || p.default !== undefined || p.schema.default !== undefined;
}

/** Responses that make up `<Op>Response`: the successes, or `default` when there is none. */
export function successResponses(op: Pick<Operation, 'responses'>): Response[] {
  const successes = op.responses.filter((r) => r.category === 'success');
  return successes.length > 0 ? successes : op.responses.filter((r) => r.category === 'default');
}

/** Responses that make up `<Op>Error`: the errors, and `default` when successes are declared. */
export function errorResponses(op: Pick<Operation, 'responses'>): Response[] {
  const hasSuccess = op.responses.some((r) => r.category === 'success');
  return op.responses.filter((r) => r.category === 'error' || (hasSuccess && r.category === 'default'));
}

/** `GET /pets/{id}`: the method upper-cased and the path as the spec spells it. */
export function methodAndPath(op: Pick<Operation, 'method' | 'path'>): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

/**
 * The parameters a path item declares for all its operations (`paths['/x'].parameters`), by location: the first
 * operation's parameters whose pointer lies under the path item's own `parameters` (the model resolves path-level
 * parameters into each operation, keeping their pointer). Empty lists when `ops` is empty.
 *
 * @param path the path as the spec spells it (the key under `paths`)
 * @param ops the operations of that path
 */
export function pathLevelParameters(path: string, ops: readonly Pick<Operation, 'parameters'>[]): Operation['parameters'] {
  const prefix = `${child('#/paths', path)}/parameters/`;
  const result: Operation['parameters'] = { path: [], query: [], header: [], cookie: [] };
  const first = ops[0];
  if (first === undefined) return result;
  for (const location of PARAMETER_LOCATIONS) result[location] = first.parameters[location].filter((p) => p.pointer.startsWith(prefix));
  return result;
}

/** One named enum of the model, for emitters that need its values at runtime (the client's `as const` arrays). */
export interface EnumInfo {
  /** Component key as the spec spells it. */
  key: string;
  /** The type's identifier (the union type in the types package). */
  identifier: string;
  /** Module (file stem) the type lives in. */
  module: string;
  /** Values in spec order, without `null` (see {@link nullable}). */
  values: Array<string | number | boolean>;
  /** `null` is also allowed. */
  nullable: boolean;
  baseType?: EnumSchema['baseType'];
  /** `x-enum-varnames`, index-aligned with `values`, when given. */
  varNames?: string[];
  /** `x-enum-descriptions`, index-aligned with `values`, when given. */
  valueDescriptions?: string[];
  pointer: string;
}

/** Every named schema that is an enum (or `const`), in spec order. */
export function listEnums(api: Api): EnumInfo[] {
  const out: EnumInfo[] = [];
  for (const named of api.schemas.values()) {
    const schema = named.schema;
    if (schema.kind !== 'enum') continue;
    const info: EnumInfo = {
      key: named.key,
      identifier: named.identifier,
      module: named.module,
      values: [...schema.values],
      nullable: schema.nullable,
      pointer: named.pointer,
    };
    if (schema.baseType !== undefined) info.baseType = schema.baseType;
    if (schema.varNames !== undefined) info.varNames = [...schema.varNames];
    if (schema.valueDescriptions !== undefined) info.valueDescriptions = [...schema.valueDescriptions];
    out.push(info);
  }
  return out;
}

/** The signature scheme of the API's webhooks: the document's `x-webhook-signature`, else the first webhook's own. */
export function webhookSignature(api: Pick<Api, 'webhookSignature' | 'webhooks'>): WebhookSignature | undefined {
  return api.webhookSignature ?? api.webhooks.find((w) => w.signature !== undefined)?.signature;
}

/**
 * Every name the types package exports (its barrel re-exports each module's declarations): the schemas and their
 * request variants, each operation's helper types, the webhook payload types and their union, and the names of
 * `src/openapi.ts`. In that order.
 */
export function exportedTypeNames(api: Api): string[] {
  return [...typesPackageNames(api).map(([name]) => name), ...OPENAPI_SHAPE_NAMES];
}

/** The types package's declarations a user imports by name (schemas, request variants, helper types, webhook payloads), each with its pointer. */
export function typesPackageNames(api: Api): Array<[string, Pointer]> {
  const out: Array<[string, Pointer]> = [];
  for (const named of api.schemas.values()) {
    out.push([named.identifier, named.pointer]);
    if (named.requestIdentifier !== undefined) out.push([named.requestIdentifier, named.pointer]);
  }
  for (const op of api.operations) {
    const { params, query, body, response, error } = op.names;
    for (const name of [params, query, body, response, error]) if (name !== undefined) out.push([name, op.pointer]);
  }
  for (const hook of api.webhooks) out.push([hook.identifier, hook.pointer]);
  if (api.webhookPayload !== undefined) out.push([api.webhookPayload, '#/webhooks']);
  return out;
}

/**
 * The one media type of a request body or response that the client uses (D67): `application/json`, else the first
 * JSON one (`…+json`), else the first. The client sends a request body as it and reads a success response as it (and
 * so sends `Accept: application/json` when every success response it reads is JSON); the method's types are its.
 */
export function clientContent(contents: readonly MediaContent[]): MediaContent | undefined {
  const plainJson = contents.find((c) => c.bodyKind === 'json' && mediaTypeBase(c.mediaType) === 'application/json');
  return plainJson ?? contents.find((c) => c.bodyKind === 'json') ?? contents[0];
}

/**
 * The Accept header the client names for `op` when the runtime's own choice would not do: when a 2XX/3XX response
 * declares several media types, the server picks one, so the client names those it reads (each such response's
 * {@link clientContent}, JSON types first), unless every one is JSON (the runtime then sends `application/json`) or one
 * is read as bytes (which takes any type). Undefined otherwise.
 */
export function negotiatedAccept(op: Pick<Operation, 'responses'>): string | undefined {
  const read = op.responses.filter((r) => /^[23]/.test(r.status) && r.contents.length > 0);
  if (!read.some((r) => r.contents.length > 1)) return undefined;
  const chosen = read.map((r) => clientContent(r.contents) as MediaContent);
  if (chosen.every((c) => c.bodyKind === 'json') || chosen.some((c) => c.bodyKind === 'binary' || c.bodyKind === 'multipart')) return undefined;
  const json = chosen.filter((c) => c.bodyKind === 'json');
  const others = chosen.filter((c) => c.bodyKind !== 'json');
  return [...new Set([...json, ...others].map((c) => c.mediaType))].join(', ');
}

/** A media type without its parameters, in lower case (`Application/JSON; charset=utf-8` → `application/json`). */
export function mediaTypeBase(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * The schema of the value the client gives or takes for `content` (D67): its schema; for a text body (XML, YAML, …)
 * whose schema does not describe a string, `string`, since the client sends and reads such a body as its text.
 */
export function clientValueSchema(api: Pick<Api, 'schemas'>, content: MediaContent): Schema {
  if (content.bodyKind !== 'text' || describesText(api, content.schema, 0)) return content.schema;
  return { kind: 'string', nullable: false, pointer: content.schema.pointer };
}

/** Whether every value `schema` admits may be a string: a string, an enum of strings, `unknown`, unions of those. */
function describesText(api: Pick<Api, 'schemas'>, schema: Schema, depth: number): boolean {
  switch (schema.kind) {
    case 'string':
      return schema.binary !== true;
    case 'unknown':
      return true;
    case 'enum':
      return schema.values.every((v) => typeof v === 'string');
    case 'union':
      return schema.variants.every((v) => describesText(api, v, depth + 1));
    case 'ref': {
      const target = api.schemas.get(schema.target);
      return depth < 32 && target !== undefined && describesText(api, target.schema, depth + 1);
    }
    default:
      return false;
  }
}

/** Body schema of the first 2XX response with JSON content: the JSON media type the client reads ({@link clientContent}). */
export function successJsonBody(op: Operation): Schema | undefined {
  for (const r of op.responses) {
    if (!/^2/.test(r.status)) continue;
    const c = clientContent(r.contents);
    if (c?.bodyKind === 'json') return c.schema;
  }
  return undefined;
}

/** Schema of the JSON request body of an operation or webhook: the JSON media type the client sends ({@link clientContent}). */
export function requestJsonBody(op: Pick<Operation, 'requestBody'>): Schema | undefined {
  const c = clientContent(op.requestBody?.contents ?? []);
  return c?.bodyKind === 'json' ? c.schema : undefined;
}
