/**
 * The intermediate model (IR): plain data, no ts-morph, no raw OpenAPI objects.
 *
 * `load` produces a bundled, validated document; `model/build.ts` turns it into an {@link Api};
 * every emitter reads only this model. 3.0 and 3.1 differences (`nullable` vs type arrays,
 * `example` vs `examples`, `exclusiveMinimum` forms, `$defs`) are gone by the time a value of
 * these types exists.
 *
 * Identifiers (TypeScript names) and file names are all decided by `model/naming.ts` (and, for the
 * client package, `model/client-names.ts`), never by an emitter: an emitter that needs a name reads
 * it from here. Wire names (`name` fields) are exactly as the spec spells them.
 */

/** RFC 6901 JSON pointer into the bundled document, with the leading `#`, e.g. `#/components/schemas/Pet`. */
export type Pointer = string;

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** Documentation carried from the spec to TSDoc. All text is verbatim from the spec. */
export interface Docs {
  title?: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  /** `x-inferred: true` in the spec: not stated by the API's docs. */
  inferred?: boolean;
  /**
   * (Addition) `x-inferred: [nullable, format, …]`: only these keywords of the schema are not stated by the API's
   * docs, in the spec's order.
   */
  inferredKeywords?: string[];
  /** (Addition) `x-note`: a remark for the API's users the description does not make (a trap, what the docs leave open). */
  note?: string;
  /** JSON value of `default`, if given. */
  default?: unknown;
  /** Examples (3.0 `example` folded into this list). */
  examples?: unknown[];
  /** `format` as the spec gives it (`date-time`, `uri`, `int64`, …). */
  format?: string;
  /** Other validation keywords worth documenting, e.g. `{ minimum: 0, maxLength: 64, pattern: '^…$' }`. */
  constraints?: Record<string, unknown>;
  externalDocsUrl?: string;
}

interface SchemaCommon extends Docs {
  /** Accepts `null` in addition to its kind (3.0 `nullable`, 3.1 `"null"` in a type array). */
  nullable: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  /** Where this schema is in the bundled document. */
  pointer: Pointer;
}

/** A reference to a named component schema, by its key in {@link Api.schemas}. Never inlined. */
export interface RefSchema extends SchemaCommon {
  kind: 'ref';
  /** Key of the target in `Api.schemas` (the component name as the spec spells it). */
  target: string;
}

/** `{}` / `true` / a schema with no type constraint: `unknown`. */
export interface UnknownSchema extends SchemaCommon {
  kind: 'unknown';
}

/** `false` / `not: {}`: `never`. */
export interface NeverSchema extends SchemaCommon {
  kind: 'never';
}

export interface StringSchema extends SchemaCommon {
  kind: 'string';
  /** `format: binary` or 3.1 `contentMediaType` without a string encoding: a `Blob` in TypeScript. */
  binary?: boolean;
  /** 3.1 `contentMediaType`, when given. */
  contentMediaType?: string;
}

export interface NumberSchema extends SchemaCommon {
  kind: 'number' | 'integer';
}

export interface BooleanSchema extends SchemaCommon {
  kind: 'boolean';
}

export interface NullSchema extends SchemaCommon {
  kind: 'null';
}

/**
 * `enum` or `const`: a union of literals. A `null` member is not kept in `values`: it sets
 * `nullable` instead. `const` is an enum of one value.
 */
export interface EnumSchema extends SchemaCommon {
  kind: 'enum';
  values: Array<string | number | boolean>;
  /** The base type the spec states (`string`, `integer`, …), when it states one. */
  baseType?: 'string' | 'number' | 'integer' | 'boolean';
  /** `x-enum-varnames` / `x-enumNames` when given, index-aligned with `values`. */
  varNames?: string[];
  /** `x-enum-descriptions` / `x-enumDescriptions` when given, index-aligned with `values`. */
  valueDescriptions?: string[];
}

export interface ArraySchema extends SchemaCommon {
  kind: 'array';
  /** Schema of the items after the tuple prefix; `undefined` when `items: false` closes a tuple. */
  items?: Schema;
  /** 3.1 `prefixItems` (or 3.0 array-form `items`): a tuple prefix. */
  prefixItems?: Schema[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

export interface Property extends Docs {
  /** Wire name, exactly as spelled in the spec. */
  name: string;
  schema: Schema;
  required: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
}

export interface ObjectSchema extends SchemaCommon {
  kind: 'object';
  /** In spec order. */
  properties: Property[];
  /**
   * `additionalProperties`: a schema for extra keys, `false` when closed, `undefined` when the
   * spec says nothing (emitters treat it as closed for readability, as openapi-typescript does).
   */
  additionalProperties?: Schema | false;
  /** `patternProperties`, in spec order. */
  patternProperties?: Array<{ pattern: string; schema: Schema }>;
  /** Names listed in `required` that have no entry in `properties` (typed as `unknown`). */
  requiredOnly?: string[];
  minProperties?: number;
  maxProperties?: number;
  /**
   * (Addition) Set on the base of an `allOf` hierarchy: a schema with a `discriminator` and no
   * `oneOf`/`anyOf`. `mapping` lists the subtypes (explicit entries, then every component whose
   * `allOf` references this schema). Each subtype's intersection already carries an object member
   * pinning the property to its value(s).
   */
  discriminator?: Discriminator;
}

export interface Discriminator {
  /** Wire name of the discriminating property. */
  propertyName: string;
  /**
   * Value → target schema key, explicit (`mapping`) entries first in spec order, then implicit ones.
   * For implicit ones the value is the enum/const the member pins, or the schema name when the member
   * leaves the property an unconstrained string (see case-04).
   */
  mapping: Array<{ value: string; target: string; implicit: boolean }>;
}

/** `oneOf` / `anyOf` (and 3.1 multi-type arrays): a union. */
export interface UnionSchema extends SchemaCommon {
  kind: 'union';
  /** Which keyword produced it; both become a TypeScript union. */
  keyword: 'oneOf' | 'anyOf' | 'type-array';
  variants: Schema[];
  discriminator?: Discriminator;
}

/** `allOf`: an intersection; `required` lists are honoured across members by the model. */
export interface IntersectionSchema extends SchemaCommon {
  kind: 'intersection';
  members: Schema[];
  /**
   * (Addition) 3.1 `unevaluatedProperties` given as a schema beside the composition: the type of every
   * key no member declares. The emitter adds an index signature whose value also admits the types of
   * the properties the members declare (TypeScript cannot say "every other key"). `false` (no other
   * keys) needs nothing: the intersection of the members' object types already has no other keys.
   */
  unevaluatedProperties?: Schema;
}

export type Schema =
  | RefSchema
  | UnknownSchema
  | NeverSchema
  | StringSchema
  | NumberSchema
  | BooleanSchema
  | NullSchema
  | EnumSchema
  | ArraySchema
  | ObjectSchema
  | UnionSchema
  | IntersectionSchema;

/** A component schema (`#/components/schemas/<key>`), or a schema the model lifted and named. */
export interface NamedSchema {
  /** Key as the spec spells it (also the key in {@link Api.schemas}). */
  key: string;
  /** The TypeScript identifier (from naming.ts): valid, unique, not a reserved word. */
  identifier: string;
  /**
   * Identifier of the request-side variant (readOnly properties removed, defaulted properties
   * optional, transitively) when the schema or anything it references has readOnly or writeOnly
   * properties or a required property with a default; otherwise undefined.
   */
  requestIdentifier?: string;
  schema: Schema;
  /** Output module (file stem) the declaration lives in: a resource name or `shared`. */
  module: string;
  pointer: Pointer;
  /** Transitively contains a readOnly property. */
  hasReadOnly: boolean;
  /** Transitively contains a writeOnly property. */
  hasWriteOnly: boolean;
  /** Transitively contains a required property with a `default` (optional for callers, case-23). */
  hasRequiredDefault?: boolean;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface Parameter extends Docs {
  /** Wire name, exactly as the spec spells it. */
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: Schema;
  /** Effective style (defaults applied: path/header `simple`, query/cookie `form`). */
  style: 'matrix' | 'label' | 'form' | 'simple' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  /** Effective explode (default true for `form`, false otherwise). */
  explode: boolean;
  allowReserved: boolean;
  /** Parameter uses `content` instead of `schema`: the media type (value is serialised as such). */
  contentMediaType?: string;
  /**
   * (Addition) The value is a secret (`x-secret: true`, or a schema with `format: password`): the
   * runtime never shows it in error messages or logs. Set only when true.
   */
  secret?: boolean;
  /** (Addition) `x-idempotency-key` on a header parameter, as stated (absent when not stated). */
  idempotencyKey?: boolean;
  pointer: Pointer;
}

export interface Encoding {
  contentType?: string;
  style?: Parameter['style'];
  explode?: boolean;
  allowReserved?: boolean;
  headers?: Header[];
}

export interface MediaContent {
  /** Media type as spelled (`application/json`, `multipart/form-data`, `text/plain`, `*\/*`, …). */
  mediaType: string;
  /** How the runtime reads or writes it. */
  bodyKind: 'json' | 'text' | 'form' | 'multipart' | 'binary';
  schema: Schema;
  /** Per-property encoding for form and multipart bodies. */
  encoding?: Record<string, Encoding>;
  examples?: unknown[];
}

export interface RequestBody extends Docs {
  required: boolean;
  /** In spec order; the first is the default the client sends. */
  contents: MediaContent[];
  pointer: Pointer;
}

export interface Header extends Docs {
  /** Wire name as spelled. */
  name: string;
  required: boolean;
  schema: Schema;
}

export interface Response extends Docs {
  /** `200`, `2XX`, or `default`, as the spec writes it. */
  status: string;
  /** `success` for 1XX–3XX (and 2XX ranges), `error` for 4XX/5XX, `default` for `default`. */
  category: 'success' | 'error' | 'default';
  /** Empty when the response has no body (204, or no `content`). */
  contents: MediaContent[];
  headers: Header[];
  pointer: Pointer;
}

/** One alternative of a security requirement: all of these schemes together (AND). */
export type SecurityRequirement = Array<{ scheme: string; scopes: string[] }>;

/** How a list operation pages; from `x-pagination` or detected from a known envelope. */
export interface Pagination {
  style: 'page' | 'offset' | 'cursor' | 'next-link';
  /** Where the paging parameters go. */
  in: 'query' | 'body';
  /** Wire name of the page-number / offset / cursor parameter. */
  pageParam?: string;
  sizeParam?: string;
  cursorParam?: string;
  /** JSON pointers into the response body (e.g. `/results`; for in-body per-account paging `/results/{i}/results`). */
  itemsField: string;
  nextField?: string;
  countField?: string;
  /** Page numbers travel as strings (e.g. the custom-setting options endpoint). */
  pageNumbersAsStrings?: boolean;
  /** For body paging per item of a list (custom-setting options): pointer to the per-group list. */
  groupsField?: string;
  /** (Addition) Pointer to a group's key, e.g. `/results/{i}/account_id`. */
  groupKeyField?: string;
  /** (Addition) Request-body array property listing the group keys to fetch, e.g. `account_ids`. */
  groupFilterParam?: string;
  /** Schema of one item. */
  itemSchema: Schema;
  /** `extension` when declared by `x-pagination`, `detected` when recognised from the envelope. */
  source: 'extension' | 'detected';
  /** Why pagination was detected (reported in the generate summary). */
  reason: string;
}

/**
 * (Addition) One step of a property access the client writes from a JSON pointer (`/a/b` → `x.a.b`): the wire name
 * of the property, and whether the value before it may be absent (`null` or `undefined`), so the step is `?.`.
 */
export interface AccessStep {
  name: string;
  optional: boolean;
}

/**
 * (Addition) Where a value of `x-poll.parameters` comes from (an OpenAPI runtime expression, or a constant):
 * - `parameter`: a parameter of the starting operation (`$request.path.<n>`, `$request.query.<n>`,
 *   `$request.header.<n>`, `$request.cookie.<n>`, or a path parameter of the status read left out, by its name);
 * - `request-body` / `response-body`: a property of the starting operation's JSON request body or of its success
 *   body (`$request.body#/a/b`, `$response.body#/id`; `steps` empty for the whole body);
 * - `constant`: the value as the spec gives it.
 */
export type PollValue =
  | { source: 'parameter'; name: string; in: ParameterLocation }
  | { source: 'request-body'; steps: AccessStep[] }
  | { source: 'response-body'; steps: AccessStep[] }
  | { source: 'constant'; value: string | number | boolean };

/** (Addition) The value the status read of `x-poll` gets for one of its parameters. */
export interface PollArgument {
  /** Wire name of the status read's parameter. */
  name: string;
  value: PollValue;
  /** The spec's expression (`$request.path.load_id`, `42`), or `$request.path.<name>` for a path parameter left out. */
  expression: string;
  /** The value may be absent at run time (an optional parameter, an optional or nullable step): the read leaves the parameter out then. */
  mayBeUndefined: boolean;
}

/**
 * (Addition) `x-poll` on an operation that starts work (validated by model/poll.ts): the client's `…AndPoll` method
 * calls the operation, then repeats the status read until the value at `field` is one of `terminal`.
 */
export interface Poll {
  /** operationId of the status read (a GET of the same document, not paginated, without a request body). */
  operationId: string;
  /** Values of the status read's parameters, in its parameter order (path, query, header, cookie). */
  arguments: PollArgument[];
  /** JSON pointer into the status read's success body, as the spec gives it (`/status`). */
  field: string;
  /** The steps of {@link field} (`/status` → `[{ name: 'status', optional: false }]`). */
  fieldSteps: AccessStep[];
  /** Values of the field that end the wait (success and failure alike), in spec order. */
  terminal: Array<string | number | boolean>;
  /** The default pause between reads, in ms, when the extension gives one. */
  intervalMs?: number;
  /** The default limit of the wait, in ms, when the extension gives one. */
  timeoutMs?: number;
  /** Where the extension is: `#/paths/…/<method>/x-poll`. */
  pointer: Pointer;
}

/** Identifiers of the helper types emitted for one operation (all from naming.ts). */
export interface OperationNames {
  /** e.g. `ListConnectionsParams`: path + query + header + cookie parameters. */
  params: string;
  /**
   * e.g. `ListConnectionsQuery`: `Omit<…Params, path parameters>`, the client method's `params` argument (D40). Set
   * only when the operation has path parameters and others (query, header, cookie); otherwise `params` is `<Op>Params`.
   */
  query?: string;
  /** e.g. `CreateExtractTemplateBody`, when there is a request body. */
  body?: string;
  /** e.g. `ListConnectionsResponse`: the success body (union over success statuses). */
  response: string;
  /** e.g. `ListConnectionsError`: the union of error bodies. */
  error: string;
}

export interface Operation extends Docs {
  /** operationId as in the spec, or a stable id derived from method + path. */
  operationId: string;
  /** True when `operationId` was derived, not given. */
  derivedId: boolean;
  /** PascalCase base identifier, e.g. `ListConnections`. */
  identifier: string;
  method: HttpMethod;
  /** Path template as the spec spells it, trailing slash included. */
  path: string;
  /**
   * The path the client requests, when it differs from {@link path}: a path key with a query part whose `name={name}`
   * pairs are query parameters, those pairs removed (`/search?query={query}` → `/search`; D57).
   */
  requestPath?: string;
  tags: string[];
  /** Resource path for the client, e.g. `['datasources', 'connections']` (camelCase identifiers). */
  resource: string[];
  /** Method name on the resource (`list`, `retrieve`, `create`, `update`, `replace`, `delete`, or an action). */
  methodName: string;
  /** Module (file stem) its helper types live in. */
  module: string;
  parameters: Record<ParameterLocation, Parameter[]>;
  requestBody?: RequestBody;
  /** In spec order. */
  responses: Response[];
  /** Effective security (operation's, else the document's); `[]` means no auth. */
  security: SecurityRequirement[];
  pagination?: Pagination;
  /**
   * Name of the header parameter carrying an idempotency key, if the spec declares one: the one marked
   * `x-idempotency-key: true`, else one named like `Idempotency-Key`.
   */
  idempotencyHeader?: string;
  /**
   * (Addition) `x-idempotent` as the spec states it (absent when it does not): `false` → never retried,
   * `true` → retried like GET even for POST/PATCH.
   */
  idempotent?: boolean;
  /** (Addition) `x-poll`: the status read its `…AndPoll` method repeats, and the values that end the wait. */
  poll?: Poll;
  names: OperationNames;
  pointer: Pointer;
  /** `x-` extensions of the operation, verbatim. */
  extensions: Record<string, unknown>;
}

/** `x-token-endpoint` on a bearer scheme: where the runtime gets and renews the token. */
export interface TokenEndpoint {
  /** operationId of the token operation. */
  operationId: string;
  method: HttpMethod;
  path: string;
  /** Security scheme key the token request authenticates with (e.g. `basicAuth`). */
  credentialsScheme: string;
  /** JSON pointer to the token in the response body, e.g. `/token`. */
  tokenField: string;
  /** Lifetime in seconds. */
  lifetimeSeconds?: number;
  /** Every use renews the lifetime (sliding expiry). */
  slidingExpiry?: boolean;
  /** Body fields the caller must supply for the token request (e.g. `workspace_id`). */
  requestFields?: string[];
}

export interface SecurityScheme extends Docs {
  key: string;
  type: 'http' | 'apiKey' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  /** For `http`: `basic`, `bearer`, … (lower-cased). */
  scheme?: string;
  bearerFormat?: string;
  /** For `apiKey`. */
  in?: 'header' | 'query' | 'cookie';
  /** For `apiKey`: the header, query or cookie name. */
  paramName?: string;
  tokenEndpoint?: TokenEndpoint;
  extensions: Record<string, unknown>;
}

/** `x-webhook-signature` at the document root (or on a webhook). */
export interface WebhookSignature {
  /**
   * (Addition) How the signature is made: `hmac` (default) over the raw body; `standard-webhooks`
   * (standardwebhooks.com) over `${id}.${timestamp}.${body}`; `timestamped` (`t=…,v1=…`) over `${t}.${body}`.
   */
  scheme: 'hmac' | 'standard-webhooks' | 'timestamped';
  algorithm: 'hmac-sha256' | 'hmac-sha1' | 'hmac-sha512';
  header: string;
  encoding: 'hex' | 'base64';
  /** What is signed, implied by `scheme`. */
  signedContent: 'raw-body' | 'id.timestamp.body' | 'timestamp.body';
  prefix?: string;
  idempotencyHeader?: string;
  /** (Addition) `standard-webhooks`: the id and timestamp headers (`webhook-id`, `webhook-timestamp` by default). */
  idHeader?: string;
  timestampHeader?: string;
  /** (Addition) Timestamped schemes: the default tolerance in seconds (the runtime's default is 300). */
  toleranceSeconds?: number;
  /** (Addition) `x-inferred: true` on the signature object: parts of it are not stated by the API's docs. */
  inferred?: boolean;
  challenge?: { method: HttpMethod; challengeHeader: string; verifyTokenHeader?: string; respondWith: 'challenge-text' };
}

export interface Webhook extends Docs {
  /** Key under `webhooks` as spelled. */
  name: string;
  identifier: string;
  method: HttpMethod;
  parameters: Record<ParameterLocation, Parameter[]>;
  requestBody?: RequestBody;
  responses: Response[];
  signature?: WebhookSignature;
  pointer: Pointer;
}

export interface Server {
  url: string;
  description?: string;
  variables: Record<string, { default: string; enum?: string[]; description?: string }>;
}

export interface Tag extends Docs {
  name: string;
}

export interface Api extends Docs {
  /** `info.title`, `info.version`. */
  title: string;
  version: string;
  /** `3.0.x` or `3.1.x` as the document states. */
  openapi: string;
  servers: Server[];
  /** Keyed by component key; iteration order is the spec's order. */
  schemas: Map<string, NamedSchema>;
  /** In spec order (paths order, then method order get, put, post, delete, options, head, patch, trace). */
  operations: Operation[];
  securitySchemes: SecurityScheme[];
  /** Document-level security. */
  security: SecurityRequirement[];
  webhooks: Webhook[];
  tags: Tag[];
  webhookSignature?: WebhookSignature;
  /**
   * (Addition) Identifier of the union of every webhook payload type (the event a receiver verifies):
   * `WebhookPayload`, or `WebhookPayload2`, … when a spec name takes it. Set when the API has webhooks.
   */
  webhookPayload?: string;
  /** Every name the naming module changed or invented: wire/spec name → identifier, with why. */
  renames: Array<{ pointer: Pointer; from: string; to: string; reason: string }>;
}
