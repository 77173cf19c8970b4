/**
 * Paths × methods → {@link Operation}s, in spec order (paths in document order, then methods in the
 * order get, put, post, delete, options, head, patch, trace).
 *
 * - Path-level parameters apply to every operation of the path; an operation-level parameter with
 *   the same name and location replaces it. Path-level ones come first, then operation-level ones,
 *   each in spec order.
 * - Style/explode defaults: path and header `simple`, query and cookie `form`; explode is true for
 *   `form`, false otherwise. A path parameter is always required (a warning when the spec says
 *   otherwise). Header parameters named Accept, Content-Type or Authorization are ignored, as the
 *   OpenAPI specification says (info diagnostic).
 * - Body kinds: `application/json` and `+json` → json; `application/x-www-form-urlencoded` → form;
 *   `multipart/*` → multipart; `text/*`, XML, YAML, JavaScript, GraphQL → text; a binary schema
 *   (`format: binary`, `contentMediaType`) → binary for any non-form media type; every other media
 *   type (`application/octet-stream`, `image/*`, `application/zip`, …) → binary. `*\/*` with a
 *   structured schema is json. A body without a schema is a binary string (binary), a string (text)
 *   or unknown.
 * - 204, 205 and 304 responses never have a body (their `content`, if any, is dropped with a warning).
 * - A missing operationId is derived from method + path (`get /jobs/{id}` → `getJobsById`) and made
 *   unique against every other id with a `2`, `3`, … suffix. Duplicate explicit operationIds are an
 *   error that names both places.
 * - Effective security: the operation's `security` (even `[]`), else the document's. An empty
 *   requirement object `{}` is an anonymous alternative (an empty AND-list).
 * - Idempotency: a header parameter marked `x-idempotency-key: true` is the operation's idempotency
 *   header, whatever its name (several: the first, with a warning); else one named like
 *   `Idempotency-Key` (case-insensitive, any prefix such as `X-`) that is not marked
 *   `x-idempotency-key: false`. `x-idempotent: true | false` on the operation is kept as
 *   `Operation.idempotent` (retried like GET / never retried).
 * - Secrets: `x-secret: true` on a parameter, or a schema (own or referenced) with
 *   `format: password`, makes it `secret` (masked by the runtime); `x-secret: false` overrides the
 *   format. Non-boolean `x-idempotent`, `x-idempotency-key` and `x-secret` values are errors.
 */
import type { ModelContext } from './context.js';
import { isObject, type JsonObject } from '../json.js';
import { child } from '../pointer.js';
import { extensionsOf } from './context.js';
import { camelCase } from './naming.js';
import { mediaTypeBase, PARAMETER_LOCATIONS } from './queries.js';
import { applyDocs, docsOf, type RawAt, type SchemaConverter, walkRawSchemas } from './schemas.js';
import type {
  Encoding,
  Header,
  HttpMethod,
  MediaContent,
  Operation,
  Parameter,
  ParameterLocation,
  Pointer,
  RequestBody,
  Response,
  Schema,
  SecurityRequirement,
} from './types.js';

/** The eight methods of a path item, in the order the model lists operations (openapi-typescript's order too). */
export const METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const STYLES = new Set(['matrix', 'label', 'form', 'simple', 'spaceDelimited', 'pipeDelimited', 'deepObject']);
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
const NO_BODY_STATUSES = new Set(['204', '205', '304']);
const IDEMPOTENCY_RE = /(^|[-_])idempotency[-_]?key$/i;

/** Examples of a parameter / media type: `example`, plus the values of the `examples` map. */
function examplesOf(ctx: ModelContext, raw: JsonObject, pointer: Pointer): unknown[] | undefined {
  const out: unknown[] = [];
  if (Object.hasOwn(raw, 'example')) out.push(raw.example);
  if (isObject(raw.examples)) {
    for (const [name, ex] of Object.entries(raw.examples)) {
      const r = ctx.deref(ex, child(pointer, 'examples', name));
      if (r && Object.hasOwn(r.value, 'value')) out.push(r.value.value);
    }
  }
  return out.length > 0 ? out : undefined;
}

/**
 * The value of a boolean extension (`x-secret`, `x-idempotent`, …) of `raw`: undefined when absent;
 * anything but `true`/`false` is reported as an error (code `model/<name without x->`) and ignored.
 */
function booleanExtension(ctx: ModelContext, raw: JsonObject, name: string, pointer: Pointer): boolean | undefined {
  if (!Object.hasOwn(raw, name)) return undefined;
  const value = raw[name];
  if (typeof value === 'boolean') return value;
  ctx.report('error', `model/${name.slice(2)}`, `${name} must be true or false, not ${JSON.stringify(value) ?? String(value)}`, child(pointer, name));
  return undefined;
}

/** A schema with `format: password`, on itself or along its `$ref` chain (unresolvable refs: no). */
function isPasswordSchema(ctx: ModelContext, schema: RawAt): boolean {
  return walkRawSchemas(ctx, [schema], (r) => isObject(r) && r.format === 'password');
}

/** The documentation of a parameter, header or property: its own, filled in from its schema. */
function docsWithSchema(own: JsonObject, schema: Schema): ReturnType<typeof docsOf> {
  const d = docsOf(own);
  delete d.examples;
  for (const k of ['default', 'format', 'constraints', 'title', 'inferredKeywords', 'note'] as const) {
    if (d[k] === undefined && schema[k] !== undefined) (d as Record<string, unknown>)[k] = schema[k];
  }
  if (schema.deprecated) d.deprecated = true;
  if (d.description === undefined && schema.description !== undefined) d.description = schema.description;
  return d;
}

/** How the runtime reads or writes a media type (see the rules at the top). */
export function bodyKindOf(mediaType: string, schema: unknown): MediaContent['bodyKind'] {
  const base = mediaTypeBase(mediaType);
  const binarySchema =
    isObject(schema) &&
    schema.type !== 'object' &&
    (schema.format === 'binary' || (typeof schema.contentMediaType === 'string' && schema.contentEncoding === undefined));
  if (base === 'application/x-www-form-urlencoded') return 'form';
  if (base.startsWith('multipart/')) return 'multipart';
  if (binarySchema) return 'binary';
  if (base === 'application/json' || base.endsWith('+json')) return 'json';
  if (
    base.startsWith('text/') ||
    base.endsWith('+xml') ||
    ['application/xml', 'application/javascript', 'application/yaml', 'application/x-yaml', 'application/graphql', 'application/sql'].includes(base)
  ) {
    return 'text';
  }
  if (base === '*/*' || base === 'application/*') {
    if (schema === undefined || (isObject(schema) && Object.keys(schema).length === 0)) return 'binary';
    if (isObject(schema) && schema.type === 'string') return 'text';
    return 'json';
  }
  return 'binary';
}

/** Shared converters for operations and webhooks. */
export class OperationReader {
  constructor(
    private readonly ctx: ModelContext,
    private readonly schemas: SchemaConverter,
  ) {}

  private schemaOrDefault(raw: unknown, pointer: Pointer, kind: MediaContent['bodyKind']): Schema {
    if (raw !== undefined) {
      const s = this.schemas.convert(raw, pointer);
      if (kind === 'binary' && s.kind === 'string') s.binary = true;
      return s;
    }
    if (kind === 'binary') return { kind: 'string', binary: true, nullable: false, pointer };
    if (kind === 'text') return { kind: 'string', nullable: false, pointer };
    return { kind: 'unknown', nullable: false, pointer };
  }

  /**
   * The schema of a parameter or header `p` (at `at`): its `schema`, else that of its first `content` entry (with that
   * media type), `unknown` without either. Text, as it travels: `format: binary` is not a Blob here
   * ({@link SchemaConverter.asWireText}).
   */
  private wireSchema(p: JsonObject, at: Pointer): { schema: Schema; raw: RawAt; mediaType: string | undefined } {
    let raw: RawAt = { raw: undefined, pointer: at };
    let mediaType: string | undefined;
    if (p.schema !== undefined) raw = { raw: p.schema, pointer: child(at, 'schema') };
    else if (isObject(p.content)) {
      const [mt, media] = Object.entries(p.content)[0] ?? [];
      mediaType = mt;
      raw = { raw: isObject(media) ? media.schema : undefined, pointer: child(at, 'content', mt ?? '', 'schema') };
    }
    const schema = this.schemas.asWireText(this.schemas.convert(raw.raw, raw.pointer));
    return { schema, raw, mediaType };
  }

  /** One parameter (following `$ref`), or undefined when it is invalid or ignored. */
  parameter(raw: unknown, pointer: Pointer): Parameter | undefined {
    const r = this.ctx.deref(raw, pointer);
    if (!r) return undefined;
    const p = r.value;
    const at = r.pointer;
    const name = p.name;
    const loc = p.in;
    if (typeof name !== 'string' || !PARAMETER_LOCATIONS.includes(loc as ParameterLocation)) {
      this.ctx.report('error', 'model/invalid-parameter', 'parameter needs a string `name` and `in` of path, query, header or cookie', pointer);
      return undefined;
    }
    const location = loc as ParameterLocation;
    if (location === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) {
      this.ctx.report(
        'info',
        'model/ignored-header-parameter',
        `header parameter ${name} is ignored (OpenAPI: Accept, Content-Type and Authorization are not parameters)`,
        pointer,
      );
      return undefined;
    }
    const { schema, raw: rawSchema, mediaType: contentMediaType } = this.wireSchema(p, at);
    let required = p.required === true;
    if (location === 'path' && !required) {
      this.ctx.report('warning', 'model/path-parameter-optional', `path parameter ${name} must be required; treated as required`, pointer);
      required = true;
    }
    const defaultStyle = location === 'path' || location === 'header' ? 'simple' : 'form';
    let style = typeof p.style === 'string' ? p.style : defaultStyle;
    if (!STYLES.has(style)) {
      this.ctx.report('warning', 'model/invalid-style', `unknown style "${style}"; using ${defaultStyle}`, child(at, 'style'));
      style = defaultStyle;
    }
    const param: Parameter = {
      name,
      in: location,
      required,
      schema,
      style: style as Parameter['style'],
      explode: typeof p.explode === 'boolean' ? p.explode : style === 'form',
      allowReserved: p.allowReserved === true,
      pointer,
    };
    if (contentMediaType !== undefined) param.contentMediaType = contentMediaType;
    if (booleanExtension(this.ctx, p, 'x-secret', at) ?? isPasswordSchema(this.ctx, rawSchema)) param.secret = true;
    const idempotencyKey = booleanExtension(this.ctx, p, 'x-idempotency-key', at);
    if (idempotencyKey !== undefined) {
      if (location === 'header') param.idempotencyKey = idempotencyKey;
      else
        this.ctx.report(
          'warning',
          'model/idempotency-key',
          `x-idempotency-key is ignored on a ${location} parameter: only a header carries an idempotency key`,
          child(at, 'x-idempotency-key'),
        );
    }
    applyDocs(param, docsWithSchema(p, schema));
    const examples = examplesOf(this.ctx, p, at) ?? schema.examples;
    if (examples) param.examples = examples;
    return param;
  }

  /** Path-level then operation-level parameters, merged by name + location, grouped by location. */
  parameters(pathLevel: unknown, pathPointer: Pointer, opLevel: unknown, opPointer: Pointer): Record<ParameterLocation, Parameter[]> {
    const own = Array.isArray(opLevel) ? opLevel.map((p, i) => this.parameter(p, child(opPointer, 'parameters', i))) : [];
    const ownKeys = new Set(own.filter((p): p is Parameter => !!p).map((p) => `${p.in}:${p.name}`));
    const inherited = Array.isArray(pathLevel)
      ? pathLevel.map((p, i) => this.parameter(p, child(pathPointer, 'parameters', i))).filter((p): p is Parameter => !!p && !ownKeys.has(`${p.in}:${p.name}`))
      : [];
    const grouped: Record<ParameterLocation, Parameter[]> = { path: [], query: [], header: [], cookie: [] };
    const seen = new Map<string, Pointer>();
    for (const p of [...inherited, ...own]) {
      if (!p) continue;
      const key = `${p.in}:${p.name}`;
      const first = seen.get(key);
      if (first !== undefined) {
        this.ctx.report('error', 'model/duplicate-parameter', `parameter ${p.name} in ${p.in} is declared twice (first at ${first})`, p.pointer);
        continue;
      }
      seen.set(key, p.pointer);
      grouped[p.in].push(p);
    }
    return grouped;
  }

  private header(name: string, raw: unknown, pointer: Pointer): Header | undefined {
    const r = this.ctx.deref(raw, pointer);
    if (!r) return undefined;
    const h = r.value;
    const { schema } = this.wireSchema(h, r.pointer);
    const header: Header = { name, required: h.required === true, schema };
    applyDocs(header, docsWithSchema(h, schema));
    return header;
  }

  private headers(raw: unknown, pointer: Pointer): Header[] {
    if (!isObject(raw)) return [];
    const out: Header[] = [];
    for (const [name, h] of Object.entries(raw)) {
      if (name.toLowerCase() === 'content-type') continue;
      const header = this.header(name, h, child(pointer, name));
      if (header) out.push(header);
    }
    return out;
  }

  private media(mediaType: string, raw: unknown, pointer: Pointer): MediaContent {
    const m = isObject(raw) ? raw : {};
    const bodyKind = bodyKindOf(mediaType, m.schema);
    const content: MediaContent = {
      mediaType,
      bodyKind,
      schema: this.schemaOrDefault(m.schema, child(pointer, 'schema'), bodyKind),
    };
    if (isObject(m.encoding) && (bodyKind === 'form' || bodyKind === 'multipart')) {
      const encoding: Record<string, Encoding> = {};
      for (const [prop, e] of Object.entries(m.encoding)) {
        if (!isObject(e)) continue;
        const enc: Encoding = {};
        if (typeof e.contentType === 'string') enc.contentType = e.contentType;
        if (typeof e.style === 'string' && STYLES.has(e.style)) enc.style = e.style as Parameter['style'];
        if (typeof e.explode === 'boolean') enc.explode = e.explode;
        else if (enc.style !== undefined) enc.explode = enc.style === 'form';
        if (typeof e.allowReserved === 'boolean') enc.allowReserved = e.allowReserved;
        const headersPointer = child(pointer, 'encoding', prop, 'headers');
        const headers = this.headers(e.headers, headersPointer);
        if (headers.length > 0) {
          enc.headers = headers;
          if (bodyKind === 'multipart')
            this.ctx.report(
              'warning',
              'model/encoding-headers',
              `the headers of part "${prop}" (${headers.map((h) => h.name).join(', ')}) are not sent: the client builds multipart bodies with FormData, ` +
                'which gives a part only its name, filename and Content-Type',
              headersPointer,
            );
        }
        encoding[prop] = enc;
      }
      content.encoding = encoding;
    }
    const examples = examplesOf(this.ctx, m, pointer);
    if (examples) content.examples = examples;
    return content;
  }

  private contents(raw: unknown, pointer: Pointer): MediaContent[] {
    if (!isObject(raw)) return [];
    return Object.entries(raw).map(([mt, media]) => this.media(mt, media, child(pointer, mt)));
  }

  requestBody(raw: unknown, pointer: Pointer): RequestBody | undefined {
    const r = this.ctx.deref(raw, pointer);
    if (!r) return undefined;
    const body: RequestBody = {
      required: r.value.required === true,
      contents: this.contents(r.value.content, child(r.pointer, 'content')),
      pointer,
    };
    applyDocs(body, docsOf({ description: r.value.description, 'x-inferred': r.value['x-inferred'] }));
    return body;
  }

  responses(raw: unknown, pointer: Pointer): Response[] {
    if (!isObject(raw)) return [];
    const out: Response[] = [];
    for (const [status, value] of Object.entries(raw)) {
      if (status.startsWith('x-')) continue;
      const at = child(pointer, status);
      const r = this.ctx.deref(value, at);
      if (!r) continue;
      const category = categoryOf(status);
      if (!category) {
        this.ctx.report('error', 'model/invalid-status', `response key "${status}" is not a status code, a range like 2XX, or default`, at);
        continue;
      }
      let contents = this.contents(r.value.content, child(r.pointer, 'content'));
      if (NO_BODY_STATUSES.has(status) && contents.length > 0) {
        this.ctx.report('warning', 'model/body-on-no-content', `a ${status} response has no body; its content is ignored`, at);
        contents = [];
      }
      const response: Response = {
        status,
        category,
        contents,
        headers: this.headers(r.value.headers, child(r.pointer, 'headers')),
        pointer: at,
      };
      applyDocs(response, docsOf({ description: r.value.description, 'x-inferred': r.value['x-inferred'] }));
      out.push(response);
    }
    return out;
  }

  /** `security` requirement list → IR, reporting unknown scheme names. */
  security(raw: unknown, pointer: Pointer): SecurityRequirement[] {
    if (!Array.isArray(raw)) return [];
    const schemes = isObject(this.ctx.doc.components) && isObject(this.ctx.doc.components.securitySchemes) ? this.ctx.doc.components.securitySchemes : {};
    return raw.map((req, i) => {
      if (!isObject(req)) return [];
      return Object.entries(req).map(([scheme, scopes]) => {
        if (!Object.hasOwn(schemes, scheme)) {
          this.ctx.report(
            'error',
            'model/unknown-security-scheme',
            `security scheme "${scheme}" is not declared in components.securitySchemes`,
            child(pointer, i, scheme),
          );
        }
        return { scheme, scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [] };
      });
    });
  }
}

/** `success` for 1XX–3XX, `error` for 4XX/5XX, `default`; undefined for an invalid key. */
export function categoryOf(status: string): Response['category'] | undefined {
  if (status === 'default') return 'default';
  const m = /^([1-5])([0-9]{2}|XX)$/i.exec(status);
  if (!m) return undefined;
  return Number(m[1]) >= 4 ? 'error' : 'success';
}

/** `get` + `/jobs/{id}/run` → `getJobsByIdRun`. */
export function deriveOperationId(method: HttpMethod, path: string): string {
  const words: string[] = [method];
  for (const seg of path.split('/')) {
    if (!seg) continue;
    const m = /^\{(.+)\}$/.exec(seg);
    if (m) words.push('by', m[1] ?? '');
    else words.push(seg);
  }
  return camelCase(words.join(' ')) || method;
}

/** The `url` of a Servers array's first entry, or undefined. */
function firstServerUrl(servers: unknown): string | undefined {
  const first: unknown = Array.isArray(servers) ? servers[0] : undefined;
  return isObject(first) && typeof first.url === 'string' ? first.url : undefined;
}

/**
 * A warning for `servers` on a Path Item or an Operation that name another URL than the document's first server: the
 * client sends every request to its one `baseUrl` (the document's first server), so these would be silently ignored.
 */
function warnUnusedServers(ctx: ModelContext, servers: unknown, pointer: Pointer): void {
  const url = firstServerUrl(servers);
  const base = firstServerUrl(ctx.doc.servers);
  if (url === undefined || url === base) return;
  ctx.report(
    'warning',
    'model/operation-servers',
    `servers here (${url}) are not used: the client sends every request to its baseUrl (${base ?? 'none: the document has no servers'}); ` +
      `call these operations through client.withOptions({ baseUrl: '${url}' })`,
    pointer,
  );
}

/** Operations of the document with their model-level fields; naming and resources fill the rest. */
export function readOperations(ctx: ModelContext, reader: OperationReader): Operation[] {
  const paths = isObject(ctx.doc.paths) ? ctx.doc.paths : {};
  const rootSecurity = ctx.doc.security;
  const found: Array<{ op: JsonObject; method: HttpMethod; path: string; item: JsonObject; itemPointer: Pointer; pointer: Pointer }> = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    if (path.startsWith('x-')) continue;
    const itemPointer = child('#/paths', path);
    const r = ctx.deref(rawItem, itemPointer);
    if (!r) continue;
    warnUnusedServers(ctx, r.value.servers, child(itemPointer, 'servers'));
    for (const method of METHODS) {
      const op = r.value[method];
      if (!isObject(op)) continue;
      warnUnusedServers(ctx, op.servers, child(itemPointer, method, 'servers'));
      found.push({ op, method, path, item: r.value, itemPointer: r.pointer, pointer: child(itemPointer, method) });
    }
  }
  // operationIds: explicit ones first (duplicates are errors), then derived ones made unique.
  const ids = new Map<string, Pointer>();
  for (const f of found) {
    const id = f.op.operationId;
    if (typeof id !== 'string' || id === '') continue;
    const first = ids.get(id);
    if (first !== undefined) {
      ctx.report('error', 'model/duplicate-operation-id', `operationId "${id}" is also used at ${first}`, child(f.pointer, 'operationId'));
    } else {
      ids.set(id, child(f.pointer, 'operationId'));
    }
  }
  const ops: Operation[] = [];
  for (const f of found) {
    let operationId = typeof f.op.operationId === 'string' && f.op.operationId !== '' ? f.op.operationId : undefined;
    const derivedId = operationId === undefined;
    if (operationId === undefined) {
      const base = deriveOperationId(f.method, f.path);
      operationId = base;
      for (let n = 2; ids.has(operationId); n++) operationId = `${base}${n}`;
      ids.set(operationId, f.pointer);
    }
    const parameters = reader.parameters(f.item.parameters, f.itemPointer, f.op.parameters, f.pointer);
    const requestPath = withoutQueryTemplate(f.path, parameters.query);
    checkPathTemplate(ctx, requestPath, parameters.path, f.pointer);
    checkSharedNames(ctx, parameters);
    const security = Object.hasOwn(f.op, 'security')
      ? reader.security(f.op.security, child(f.pointer, 'security'))
      : reader.security(rootSecurity, '#/security');
    const op: Operation = {
      operationId,
      derivedId,
      identifier: '',
      method: f.method,
      path: f.path,
      tags: Array.isArray(f.op.tags) ? f.op.tags.filter((t): t is string => typeof t === 'string') : [],
      resource: [],
      methodName: '',
      module: '',
      parameters,
      responses: reader.responses(f.op.responses, child(f.pointer, 'responses')),
      security,
      names: { params: '', response: '', error: '' },
      pointer: f.pointer,
      extensions: extensionsOf(f.op),
    };
    if (requestPath !== f.path) op.requestPath = requestPath;
    applyDocs(
      op,
      docsOf({
        summary: f.op.summary,
        description: f.op.description,
        deprecated: f.op.deprecated,
        externalDocs: f.op.externalDocs,
        'x-inferred': f.op['x-inferred'],
        'x-note': f.op['x-note'],
      }),
    );
    const body = reader.requestBody(f.op.requestBody, child(f.pointer, 'requestBody'));
    if (body) op.requestBody = body;
    const marked = parameters.header.filter((p) => p.idempotencyKey === true);
    if (marked.length > 1) {
      const names = marked.map((p) => p.name).join(', ');
      ctx.report(
        'warning',
        'model/idempotency-key',
        `several header parameters are marked x-idempotency-key: true (${names}); using ${marked[0]?.name}`,
        marked[1]?.pointer,
      );
    }
    const idem = marked[0] ?? parameters.header.find((p) => p.idempotencyKey !== false && IDEMPOTENCY_RE.test(p.name));
    if (idem) op.idempotencyHeader = idem.name;
    const idempotent = booleanExtension(ctx, f.op, 'x-idempotent', f.pointer);
    if (idempotent !== undefined) op.idempotent = idempotent;
    ops.push(op);
  }
  return ops;
}

/** A path key without the query part some specs put in it (`/search?query={query}` → `/search`; D57): resources follow the path alone. */
export function withoutQueryPart(path: string): string {
  const q = path.indexOf('?');
  return q < 0 ? path : path.slice(0, q);
}

/**
 * The path the client requests when the spec's path key carries a query part (`/search?query={query}`; OpenAPI path
 * keys have none, Redocly warns with `path-not-include-query`): each `name={name}` pair whose variable is a query
 * parameter of that name is dropped, since the parameter is sent as a query parameter already (D57). Other pairs stay:
 * literal ones are sent as written, a path parameter's `{name}` is filled in like any other. `path` itself when
 * nothing is dropped.
 */
export function withoutQueryTemplate(path: string, query: readonly Parameter[]): string {
  const q = withoutQueryPart(path).length;
  if (q === path.length) return path;
  const pairs = path.slice(q + 1).split('&');
  const kept = pairs.filter((pair) => {
    const m = /^([^=]+)=\{([^}]+)\}$/.exec(pair);
    return !(m && m[1] === m[2] && query.some((p) => p.name === m[2]));
  });
  if (kept.length === pairs.length) return path;
  return kept.length === 0 ? path.slice(0, q) : `${path.slice(0, q + 1)}${kept.join('&')}`;
}

/**
 * A client method's arguments are keyed by wire name (`<Op>Params`): of two locations with one name it takes the first
 * (queries.ts `orderedParameters`). A warning at each later one names the way to send it. Operations only: a webhook
 * has no client method.
 */
function checkSharedNames(ctx: ModelContext, grouped: Record<ParameterLocation, Parameter[]>): void {
  const byName = new Map<string, Parameter>();
  for (const location of PARAMETER_LOCATIONS) {
    for (const p of grouped[location]) {
      const first = byName.get(p.name);
      if (first === undefined) {
        byName.set(p.name, p);
        continue;
      }
      ctx.report(
        'warning',
        'model/parameter-name-shared',
        `the ${p.in} parameter ${p.name} has the name of the ${first.in} parameter ${p.name}: the client method, whose arguments are keyed by wire name, takes the ${first.in} one only; the ${p.in} one is sent through request(method, path, { params: { ${p.in}: … } }), whose params are grouped by location`,
        p.pointer,
      );
    }
  }
}

/**
 * Every `{name}` in the template needs a path parameter, and every path parameter a `{name}` in the
 * template: a path parameter the template lacks would be a required argument that is never sent.
 * Both are errors at the place that is wrong; so is a brace outside a `{name}` pair.
 */
function checkPathTemplate(ctx: ModelContext, path: string, params: Parameter[], pointer: Pointer): void {
  // A brace outside a `{name}` pair (`/a/{id`, `/a/id}`, `/a/{}`) would be sent as it stands.
  if (/[{}]/.test(path.replace(/\{[^{}]+\}/g, ''))) {
    ctx.report(
      'error',
      'model/invalid-path-template',
      `path template ${path} has a brace outside a {name} variable: each variable is one name between { and }`,
      pointer,
    );
  }
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const queryPart = path.slice(withoutQueryPart(path).length);
  for (const n of names) {
    if (!params.some((p) => p.name === n)) {
      const inQuery = queryPart.includes(`{${n}}`)
        ? ` (it is in the path key's query part \`${queryPart}\`: declare ${n} as a query parameter, or take the query part out of the path key)`
        : '';
      ctx.report('error', 'model/missing-path-parameter', `path template variable {${n}} has no path parameter${inQuery}`, pointer);
    }
  }
  for (const p of params) {
    if (!names.includes(p.name)) {
      ctx.report(
        'error',
        'model/unused-path-parameter',
        `path parameter ${p.name} does not appear in the path template ${path}: add {${p.name}} to the path, or declare the parameter in another location (in: query, header or cookie)`,
        p.pointer,
      );
    }
  }
}
