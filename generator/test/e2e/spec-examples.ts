/**
 * Valid example inputs from spec/openapi.yaml, for calling every operation against a validating mock (Prism): the
 * operations (path, method, `x-sdk-resource`/`x-sdk-method`, parameters, request body) and a small generic
 * example-value builder over the spec's schemas (OpenAPI 3.1 / JSON Schema subset the spec uses).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './harness.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: unknown };

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  /** `x-sdk-resource`, e.g. `datasources.externalAuthLinks`. */
  resource: string;
  /** `x-sdk-method`, e.g. `create`. */
  sdkMethod: string;
  parameters: SpecParameter[];
  body: Schema | undefined;
  security: string[][] | undefined;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export function loadSpec(file = path.join(repoRoot, 'spec/openapi.yaml')): Schema {
  return parse(readFileSync(file, 'utf8')) as Schema;
}

function obj(v: unknown): Schema {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Schema) : {};
}

/** Follows local `$ref`s (`#/components/...`). */
export function deref(spec: Schema, value: unknown): Schema {
  let cur = obj(value);
  for (let i = 0; typeof cur.$ref === 'string' && i < 50; i++) {
    const ref = cur.$ref as string;
    if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
    let target: unknown = spec;
    for (const seg of ref.slice(2).split('/')) target = obj(target)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    cur = obj(target);
  }
  return cur;
}

/** Every operation under `paths`, in document order. */
export function specOperations(spec: Schema): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [p, rawItem] of Object.entries(obj(spec.paths))) {
    const item = deref(spec, rawItem);
    for (const method of METHODS) {
      if (!(method in item)) continue;
      const op = obj(item[method]);
      const byKey = new Map<string, SpecParameter>();
      for (const raw of [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])]) {
        const prm = deref(spec, raw);
        const param: SpecParameter = {
          name: String(prm.name),
          in: prm.in as SpecParameter['in'],
          required: prm.required === true || prm.in === 'path',
          schema: obj(prm.schema),
        };
        byKey.set(`${param.in}:${param.name}`, param);
      }
      const rb = op.requestBody === undefined ? undefined : deref(spec, op.requestBody);
      const content = obj(rb?.content);
      const media = content['application/json'] ?? Object.values(content)[0];
      out.push({
        operationId: String(op.operationId),
        method,
        path: p,
        resource: String(op['x-sdk-resource'] ?? ''),
        sdkMethod: String(op['x-sdk-method'] ?? ''),
        parameters: [...byKey.values()],
        body: rb === undefined ? undefined : obj(obj(media).schema),
        security: Array.isArray(op.security)
          ? (op.security as unknown[]).map((alt) => Object.keys(obj(alt)))
          : Array.isArray(spec.security)
            ? (spec.security as unknown[]).map((alt) => Object.keys(obj(alt)))
            : undefined,
      });
    }
  }
  return out;
}

export interface BuildOptions {
  /** Request side: skip `readOnly` properties. */
  request: boolean;
  /** Include optional object properties too (default: required ones only). */
  optional?: boolean;
  /** Nullable values (`type: [X, 'null']`) are `null` (responses: ends DRF pagination at `next: null`). */
  preferNull?: boolean;
}

const STRING_FORMATS: Record<string, string> = {
  'date-time': '2026-01-02T03:04:05Z',
  date: '2026-01-02',
  time: '03:04:05Z',
  uri: 'https://example.com/e2e',
  url: 'https://example.com/e2e',
  email: 'e2e@example.com',
  uuid: '123e4567-e89b-42d3-a456-426614174000',
  ipv4: '127.0.0.1',
  hostname: 'example.com',
};

function firstType(schema: Schema): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return (t as string[]).find((x) => x !== 'null') ?? 'null';
  if (schema.properties || schema.required) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

/**
 * A value valid against `schema`: `const`, then `enum[0]`, then a primitive `example`/`examples[0]`/`default`, else
 * built by type (objects: required properties, arrays: max(minItems, 2) items, numbers within bounds, strings by
 * format/pattern/length). `oneOf`/`anyOf` take the first non-null branch; `allOf` merges. `variant` varies array items.
 */
export function exampleValue(spec: Schema, input: unknown, options: BuildOptions, variant = 0, depth = 0): Json {
  const schema = deref(spec, input);
  if (depth > 12) return null;
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.enum)) {
    const values = (schema.enum as Json[]).filter((v) => v !== null);
    return values[variant % values.length] ?? null;
  }
  if (Array.isArray(schema.allOf)) {
    const merged: { [key: string]: Json } = {};
    for (const part of schema.allOf as unknown[]) {
      const v = exampleValue(spec, part, options, variant, depth + 1);
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) Object.assign(merged, v);
    }
    const rest = { ...schema };
    delete rest.allOf;
    const own = firstType(rest) === 'object' ? exampleValue(spec, rest, options, variant, depth + 1) : null;
    if (own !== null && typeof own === 'object' && !Array.isArray(own)) Object.assign(merged, own);
    return merged;
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(schema[key])) {
      const branches = (schema[key] as unknown[]).filter((b) => deref(spec, b).type !== 'null');
      return exampleValue(spec, branches[0] ?? {}, options, variant, depth + 1);
    }
  }
  const type = firstType(schema);
  if (options.preferNull && Array.isArray(schema.type) && (schema.type as unknown[]).includes('null')) return null;
  const sample = Array.isArray(schema.examples) ? (schema.examples as unknown[])[0] : (schema.example ?? schema.default);
  if (sample !== undefined && (sample === null || typeof sample !== 'object') && type !== 'object' && type !== 'array') return sample as Json;
  switch (type) {
    case 'object': {
      const out: { [key: string]: Json } = {};
      const required = new Set((schema.required as string[] | undefined) ?? []);
      for (const [name, raw] of Object.entries(obj(schema.properties))) {
        const prop = deref(spec, raw);
        if (options.request && prop.readOnly === true) continue;
        if (!options.request && prop.writeOnly === true) continue;
        if (!required.has(name) && !options.optional) continue;
        out[name] = exampleValue(spec, raw, options, 0, depth + 1);
      }
      return out;
    }
    case 'array': {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const max = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
      const n = Math.min(Math.max(min, 2), max);
      return Array.from({ length: n }, (_, i) => exampleValue(spec, schema.items ?? {}, options, i, depth + 1));
    }
    case 'integer':
    case 'number': {
      let lo = typeof schema.minimum === 'number' ? schema.minimum : 1;
      if (typeof schema.exclusiveMinimum === 'number') lo = Math.max(lo, schema.exclusiveMinimum + 1);
      const hi = typeof schema.maximum === 'number' ? schema.maximum : Number.POSITIVE_INFINITY;
      return Math.min(lo + variant, hi);
    }
    case 'boolean':
      return variant % 2 === 0;
    case 'null':
      return null;
    case 'string': {
      const format = typeof schema.format === 'string' ? STRING_FORMATS[schema.format] : undefined;
      if (format !== undefined) return format;
      if (schema.pattern === '^[0-9]+$') return String(1 + variant);
      if (typeof schema.pattern === 'string') throw new Error(`no example for pattern ${schema.pattern}`);
      let s = `e2e-${variant}`;
      const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
      while (s.length < minLength) s += 'x';
      if (typeof schema.maxLength === 'number') s = s.slice(0, schema.maxLength);
      return s;
    }
    default:
      return 'e2e';
  }
}

/** Parameter values by wire name (every parameter, optional ones too) and the request body (required fields). */
export function exampleInput(spec: Schema, op: SpecOperation): { params: Record<string, Json>; body: Json | undefined } {
  const params: Record<string, Json> = {};
  for (const p of op.parameters) params[p.name] = exampleValue(spec, p.schema, { request: true });
  const body = op.body === undefined ? undefined : exampleValue(spec, op.body, { request: true });
  return { params, body };
}

/**
 * The arguments of an operation's client method, from the spec alone (D40): each path parameter's example in the
 * order of the path template, then the other parameters by wire name (left out when there are none), then the body
 * (left out when there is none).
 */
export function methodArguments(spec: Schema, op: SpecOperation): unknown[] {
  const { params, body } = exampleInput(spec, op);
  const inPath = op.parameters.filter((p) => p.in === 'path').sort((a, b) => op.path.indexOf(`{${a.name}}`) - op.path.indexOf(`{${b.name}}`));
  const args: unknown[] = inPath.map((p) => params[p.name]);
  const others = op.parameters.filter((p) => p.in !== 'path');
  if (others.length > 0) args.push(Object.fromEntries(others.map((p) => [p.name, params[p.name]])));
  if (op.body !== undefined) args.push(body);
  return args;
}

/** The first 2xx response of an operation: status and JSON schema (undefined when it has no body). */
export function successResponse(spec: Schema, op: SpecOperation): { status: number; schema: Schema | undefined } {
  const item = deref(spec, obj(spec.paths)[op.path]);
  const responses = obj(obj(item[op.method]).responses);
  const code = Object.keys(responses).find((c) => /^2\d\d$/.test(c)) ?? '200';
  const content = obj(deref(spec, responses[code]).content);
  const media = content['application/json'] ?? Object.values(content)[0];
  return { status: Number(code), schema: media === undefined ? undefined : obj(obj(media).schema) };
}

/** Finds the operation of `method` + `pathname` (static segments preferred over templated ones). */
export function matchOperation(ops: SpecOperation[], method: string, pathname: string): SpecOperation | undefined {
  const candidates = ops
    .filter((o) => o.method === method.toLowerCase())
    .filter((o) => new RegExp(`^${o.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`).test(pathname));
  return candidates.sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0))[0];
}
