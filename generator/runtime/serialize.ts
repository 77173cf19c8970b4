// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Serialisation of parameters and bodies per OpenAPI (style/explode, encodings, media kinds).
 */

import { UsageError } from './errors.js';
import type { BodyKind, HttpMethod, Operation, ParamSpec, ParamStyle } from './types.js';

export type Encode = (s: string) => string;

/** Percent-encodes everything but RFC 3986 unreserved characters. */
export const encodeStrict: Encode = (s) => {
  if (UNRESERVED.test(s)) return s; // the common case: nothing to encode
  const e = encodeURIComponent(s);
  return SUB_DELIMS.test(e)
    ? e.replace(SUB_DELIMS_ALL, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    : e;
};
/** RFC 3986 unreserved characters only. */
const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
/** The characters `encodeURIComponent` leaves that are not RFC 3986 unreserved. */
const SUB_DELIMS = /[!'()*]/;
const SUB_DELIMS_ALL = /[!'()*]/g;

/**
 * allowReserved: keeps RFC 3986 reserved characters (`:/?#[]@!$&'()*+,;=`) and percent-encoded triples (`%2C`) as they
 * are (RFC 6570 reserved expansion), except those that would break the query (`#&=+`).
 */
export const encodeReserved: Encode = (s) =>
  encodeURI(s)
    .replace(/%25([0-9A-Fa-f]{2})/g, '%$1')
    .replace(/[#&=+]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** application/x-www-form-urlencoded value encoding (space → `+`). */
export const encodeForm: Encode = (s) => encodeStrict(s).replace(/%20/g, '+');

export function primitive(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return (
    v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !isBinary(v)
  );
}

export function entriesOf(o: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(o).filter(([, v]) => v !== undefined);
}

/**
 * Serialises one query/form parameter as `name=value` parts (already encoded). Delimiters between values of
 * non-exploded styles are literal (`,`, `%20`, `|`) and deepObject brackets too, as the style tables of OpenAPI 3.0.3
 * and 3.1.0 print them; the values themselves are encoded, so a delimiter inside a value stays apart from the
 * delimiters between values.
 */
export function serializeQueryParam(
  name: string,
  value: unknown,
  style: ParamStyle,
  explode: boolean,
  encode: Encode,
): string[] {
  if (value === undefined) return [];
  const n = encode(name);
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== undefined);
    if (items.length === 0) return [];
    if (style === 'deepObject') return items.map((v) => `${n}=${encode(primitive(v))}`);
    if (explode) return items.map((v) => `${n}=${encode(primitive(v))}`);
    const delim = DELIMITERS[style] ?? ',';
    return [`${n}=${items.map((v) => encode(primitive(v))).join(delim)}`];
  }
  if (isPlainObject(value)) {
    if (style === 'deepObject') return deepObject(n, value, encode);
    const entries = entriesOf(value);
    if (explode) return entries.map(([k, v]) => `${encode(k)}=${encode(primitive(v))}`);
    if (entries.length === 0) return [];
    const delim = DELIMITERS[style] ?? ',';
    return [
      `${n}=${entries.map(([k, v]) => `${encode(k)}${delim}${encode(primitive(v))}`).join(delim)}`,
    ];
  }
  return [`${n}=${encode(primitive(value))}`];
}

/** Delimiters between the values of a non-exploded array or object, by style (`,` for the others). */
const DELIMITERS: Partial<Record<ParamStyle, string>> = {
  spaceDelimited: '%20',
  pipeDelimited: '|',
};

function deepObject(prefix: string, value: Record<string, unknown>, encode: Encode): string[] {
  const out: string[] = [];
  for (const [k, v] of entriesOf(value)) {
    const key = `${prefix}[${encode(k)}]`;
    if (isPlainObject(v)) out.push(...deepObject(key, v, encode));
    else if (Array.isArray(v)) for (const item of v) out.push(`${key}=${encode(primitive(item))}`);
    else out.push(`${key}=${encode(primitive(v))}`);
  }
  return out;
}

/** Serialises a path parameter value (style simple, label or matrix), encoding it so it cannot change the path. */
export function serializePathParam(
  name: string,
  value: unknown,
  style: ParamStyle,
  explode: boolean,
): string {
  if (value === undefined || value === null)
    throw new UsageError(`Missing required path parameter "${name}"`);
  const enc = (v: unknown): string => encodeStrict(primitive(v));
  let out: string;
  const prefix = style === 'label' ? '.' : style === 'matrix' ? `;${encodeStrict(name)}=` : '';
  if (Array.isArray(value)) {
    if (style === 'matrix' && explode)
      out = value.map((v) => `;${encodeStrict(name)}=${enc(v)}`).join('');
    else out = prefix + value.map(enc).join(explode && style === 'label' ? '.' : ',');
  } else if (isPlainObject(value)) {
    const entries = entriesOf(value);
    if (style === 'matrix' && explode)
      out = entries.map(([k, v]) => `;${encodeStrict(k)}=${enc(v)}`).join('');
    else if (explode)
      out =
        prefix +
        entries.map(([k, v]) => `${encodeStrict(k)}=${enc(v)}`).join(style === 'label' ? '.' : ',');
    else out = prefix + entries.map(([k, v]) => `${encodeStrict(k)},${enc(v)}`).join(',');
  } else {
    const text = enc(value);
    // matrix: an empty value is `;name`, without `=` (RFC 6570 §3.2.7).
    out = style === 'matrix' && text === '' ? `;${encodeStrict(name)}` : prefix + text;
  }
  if (out === '') throw new UsageError(`Path parameter "${name}" is empty`);
  return out;
}

/** Throws when a header value could split or smuggle headers (CR, LF, NUL) or is not Latin-1. The value is never in the message. */
export function checkHeaderValue(name: string, value: string): void {
  if (/[\r\n\0]/.test(value))
    throw new UsageError(
      `Header "${name}" contains a CR, LF or NUL character: remove line breaks from the value`,
    );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for characters outside Latin-1
  if (/[^\u0000-\u00ff]/.test(value))
    throw new UsageError(`Header "${name}" contains characters outside Latin-1`);
}

/** A cookie value: sent as is when every character is a cookie-octet (RFC 6265), else percent-encoded. */
export function cookieValue(v: string): string {
  return /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/.test(v) ? v : encodeStrict(v);
}

function headerValue(value: unknown, explode: boolean): string {
  if (Array.isArray(value)) return value.map(primitive).join(',');
  if (isPlainObject(value))
    return entriesOf(value)
      .map(([k, v]) => (explode ? `${k}=${primitive(v)}` : `${k},${primitive(v)}`))
      .join(',');
  return primitive(value);
}

/** The URL, headers and cookies derived from an operation's parameters. */
export interface SerializedParams {
  /** Path with parameters substituted. */
  path: string;
  /** Encoded query parts (`a=1`), in order. */
  query: string[];
  headers: Array<[string, string]>;
  /** `name=value` cookie pairs (value encoded). */
  cookies: string[];
}

const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/** `url` with the encoded query parts appended: after `&` when `url` has a query already (a path key with `?…`), else after `?`. */
export function withQuery(url: string, query: readonly string[]): string {
  return query.length === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}${query.join('&')}`;
}

/**
 * `record[key]` when `key` is an OWN property of `record`, else `undefined`: wire names such as `toString`,
 * `constructor` or `__proto__` must not resolve to `Object.prototype` members.
 */
export function ownValue<T>(
  record: Readonly<Record<string, T>> | undefined,
  key: string,
): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * How `key` of `op.params` is sent: its `op.parameters` entry, else (generated descriptors leave default places out) a
 * path parameter when the path has `{key}`, a query parameter otherwise.
 */
export function paramSpecOf(op: Operation, key: string): ParamSpec {
  return ownValue(op.parameters, key) ?? { in: op.path.includes(`{${key}}`) ? 'path' : 'query' };
}

/** The wire name of `key` of `op.params`: its spec's `name`, else the key itself. */
export function wireName(spec: ParamSpec, key: string): string {
  return spec.name ?? key;
}

/** The third argument of `request(method, path, init)` as the runtime reads it (request-types.ts types it per operation). */
export interface PathRequestInit {
  /** Parameters grouped by location (`path`, `query`, `header`, `cookie`), each by wire name. */
  params?: Readonly<Partial<Record<ParamSpec['in'], unknown>>>;
  body?: unknown;
  bodyKind?: BodyKind;
  contentType?: string;
}

const LOCATIONS = ['path', 'query', 'header', 'cookie'] as const;

/**
 * The descriptor of a call by method and path (`client.request('get', '/items/{id}', init)`): `init.params` flattened
 * into `params` by wire name, each with its location and, from `styles` (keyed `location name`: the generated client's
 * table of the parameters the spec sends otherwise than by default), its style, explode, allowReserved, content and
 * secret flags. A name two locations share is keyed `location name` after its first use, with its wire name in `name`.
 */
export function pathOperation(
  method: HttpMethod,
  path: string,
  init: PathRequestInit | undefined,
  security: ReadonlyArray<ReadonlyArray<string>>,
  styles: Readonly<Record<string, ParamSpec>> | undefined,
): Operation {
  // No prototype: a wire name such as `__proto__` is an own key like any other.
  const params: Record<string, unknown> = Object.create(null);
  const parameters: Record<string, ParamSpec> = Object.create(null);
  for (const location of LOCATIONS) {
    const group = init?.params?.[location];
    if (group === null || typeof group !== 'object') continue;
    for (const [name, value] of Object.entries(group)) {
      const spec = ownValue(styles, `${location} ${name}`) ?? { in: location };
      const key = Object.hasOwn(params, name) ? `${location} ${name}` : name;
      params[key] = value;
      parameters[key] = key === name ? spec : { ...spec, name };
    }
  }
  const op: Operation = { method, path, params, parameters, security };
  if (init?.body !== undefined) op.body = init.body;
  if (init?.bodyKind !== undefined) op.bodyKind = init.bodyKind;
  if (init?.contentType !== undefined) op.contentType = init.contentType;
  return op;
}

/** Splits `op.params` into path, query, header and cookie parts per `op.parameters`. */
export function serializeParams(op: Operation): SerializedParams {
  const params = (op.params ?? {}) as Readonly<Record<string, unknown>>;
  const pathValues: Record<string, string> = Object.create(null);
  const query: string[] = [];
  const headers: Array<[string, string]> = [];
  const cookies: string[] = [];
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (value === undefined) continue;
    const spec = paramSpecOf(op, key);
    const name = wireName(spec, key);
    const json = spec.content === 'json';
    try {
      switch (spec.in) {
        case 'path': {
          pathValues[name] = json
            ? encodeStrict(JSON.stringify(value))
            : serializePathParam(name, value, spec.style ?? 'simple', spec.explode ?? false);
          break;
        }
        case 'query': {
          const encode = spec.allowReserved ? encodeReserved : encodeStrict;
          if (json) query.push(`${encode(name)}=${encode(JSON.stringify(value))}`);
          else if (
            typeof value === 'string' ||
            typeof value === 'number' ||
            typeof value === 'boolean'
          )
            query.push(`${encode(name)}=${encode(String(value))}`); // a scalar: the same in every style
          else {
            const style = spec.style ?? 'form';
            query.push(
              ...serializeQueryParam(name, value, style, spec.explode ?? style === 'form', encode),
            );
          }
          break;
        }
        case 'header': {
          const v = json ? JSON.stringify(value) : headerValue(value, spec.explode ?? false);
          checkHeaderValue(name, v);
          headers.push([name, v]);
          break;
        }
        case 'cookie': {
          const v = json ? JSON.stringify(value) : headerValue(value, false);
          cookies.push(`${name}=${cookieValue(v)}`);
          break;
        }
      }
    } catch (error) {
      // encodeURIComponent refuses a lone UTF-16 surrogate (`'a\ud800'`) with a bare URIError.
      if (error instanceof URIError)
        throw new UsageError(
          `Parameter "${name}" holds a lone UTF-16 surrogate, which cannot be percent-encoded`,
        );
      throw error;
    }
  }
  const path = substitutePath(op.path, pathValues);
  // URL parsers resolve "." and ".." segments (also as %2E): a value must not create one. Only a value holding a dot
  // (or %2E) can, so the segment count is compared only then.
  let dotted = false;
  for (const name in pathValues) {
    const v = pathValues[name] as string;
    if (v.includes('.') || (v.includes('%2') && /%2e/i.test(v))) dotted = true;
  }
  const dots = (p: string): number => p.split('/').filter((seg) => DOT_SEGMENT.test(seg)).length;
  if (dotted && dots(path) > dots(op.path))
    throw new UsageError('A path parameter value may not be "." or ".."');
  return { path, query, headers, cookies };
}

/** `template` with each `{name}` replaced by `values[name]`. @throws SdkError when a name has no value */
function substitutePath(template: string, values: Readonly<Record<string, string>>): string {
  let out = '';
  let at = 0;
  for (let open = template.indexOf('{'); open !== -1; open = template.indexOf('{', at)) {
    const close = template.indexOf('}', open + 1);
    if (close === -1) break;
    if (close === open + 1) {
      out += template.slice(at, close + 1); // `{}` names nothing: kept as is
      at = close + 1;
      continue;
    }
    const name = template.slice(open + 1, close);
    const v = values[name];
    if (v === undefined) throw new UsageError(`Missing required path parameter "${name}"`);
    out += template.slice(at, open) + v;
    at = close + 1;
  }
  return out + template.slice(at);
}

/** True for values sent as raw bytes. */
export function isBinary(v: unknown): v is Blob | ArrayBuffer | ArrayBufferView | ReadableStream {
  return (
    (typeof Blob !== 'undefined' && v instanceof Blob) ||
    v instanceof ArrayBuffer ||
    ArrayBuffer.isView(v) ||
    (typeof ReadableStream !== 'undefined' && v instanceof ReadableStream)
  );
}

/** An encoded body and its Content-Type (`undefined` when fetch sets it, e.g. multipart boundary). */
export interface EncodedBody {
  body: BodyInit;
  contentType: string | undefined;
  /** A stream body cannot be sent twice: no retries. */
  replayable: boolean;
}

/**
 * Encodes `op.body` per its kind: json, text and binary here; form and multipart objects are encoded by `formBody` /
 * `multipartBody` (body.ts, so that only clients with such operations bundle them). Ready `FormData`,
 * `URLSearchParams` and binary values are passed through.
 */
export function encodeBody(op: Operation): EncodedBody | undefined {
  const body = op.body;
  if (body === undefined) return undefined;
  const kind: BodyKind = op.bodyKind ?? 'json';
  if (typeof FormData !== 'undefined' && body instanceof FormData)
    return { body, contentType: undefined, replayable: true };
  if (body instanceof URLSearchParams)
    return {
      body: body.toString(),
      contentType: op.contentType ?? 'application/x-www-form-urlencoded',
      replayable: true,
    };
  if (isBinary(body)) {
    const stream = typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
    const blobType =
      typeof Blob !== 'undefined' && body instanceof Blob && body.type ? body.type : undefined;
    const ct =
      op.contentType && !op.contentType.includes('*')
        ? op.contentType
        : (blobType ?? 'application/octet-stream');
    return { body: body as BodyInit, contentType: ct, replayable: !stream };
  }
  switch (kind) {
    case 'text':
      return {
        body: primitive(body),
        contentType: op.contentType ?? 'text/plain;charset=UTF-8',
        replayable: true,
      };
    case 'form':
    case 'multipart':
      // formBody() gives the encoded text (URLSearchParams would encode the delimiters and reserved characters again).
      if (kind === 'form' && typeof body === 'string')
        return {
          body,
          contentType: op.contentType ?? 'application/x-www-form-urlencoded',
          replayable: true,
        };
      throw new UsageError(
        `A ${kind} body must be a ${kind === 'form' ? 'string or URLSearchParams' : 'FormData'}: encode it with ${kind === 'form' ? 'formBody' : 'multipartBody'}() from body.js`,
      );
    case 'binary':
      return {
        body: primitive(body),
        contentType: op.contentType ?? 'application/octet-stream',
        replayable: true,
      };
    default:
      return {
        body: JSON.stringify(body),
        contentType: op.contentType ?? 'application/json',
        replayable: true,
      };
  }
}

/** Reads a JSON pointer (`/results`, `/a/0/b`, `''` for the whole value); `undefined` when absent. */
export function getPointer(value: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return value;
  let cur: unknown = value;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = ownValue(cur as Record<string, unknown>, key);
  }
  return cur;
}
