/** Builders for hand-made IR values in emitter unit tests. */
import type { Api, NamedSchema, Operation, Parameter, Property, Response, Schema } from '../../src/model/types.js';
import type { EmitOptions } from '../../src/emit/types.js';

type Common = { nullable: boolean; pointer: string };
const common = (extra: Partial<Common> = {}): Common => ({ nullable: false, pointer: '#/x', ...extra });

export const s = {
  string: (extra: Record<string, unknown> = {}): Schema => ({ kind: 'string', ...common(), ...extra }) as Schema,
  number: (extra: Record<string, unknown> = {}): Schema => ({ kind: 'number', ...common(), ...extra }) as Schema,
  integer: (extra: Record<string, unknown> = {}): Schema => ({ kind: 'integer', ...common(), ...extra }) as Schema,
  boolean: (extra: Record<string, unknown> = {}): Schema => ({ kind: 'boolean', ...common(), ...extra }) as Schema,
  unknown: (extra: Record<string, unknown> = {}): Schema => ({ kind: 'unknown', ...common(), ...extra }) as Schema,
  ref: (target: string, extra: Record<string, unknown> = {}): Schema => ({ kind: 'ref', target, ...common(), ...extra }) as Schema,
  enum: (values: Array<string | number | boolean>, extra: Record<string, unknown> = {}): Schema => ({ kind: 'enum', values, ...common(), ...extra }) as Schema,
  array: (items: Schema | undefined, extra: Record<string, unknown> = {}): Schema =>
    ({ kind: 'array', ...(items ? { items } : {}), ...common(), ...extra }) as Schema,
  object: (properties: Property[], extra: Record<string, unknown> = {}): Schema => ({ kind: 'object', properties, ...common(), ...extra }) as Schema,
  union: (variants: Schema[], extra: Record<string, unknown> = {}): Schema => ({ kind: 'union', keyword: 'oneOf', variants, ...common(), ...extra }) as Schema,
  allOf: (members: Schema[], extra: Record<string, unknown> = {}): Schema => ({ kind: 'intersection', members, ...common(), ...extra }) as Schema,
};

export function prop(name: string, schema: Schema, required = false, extra: Partial<Property> = {}): Property {
  return { name, schema, required, ...extra };
}

export function named(key: string, schema: Schema, extra: Partial<NamedSchema> = {}): NamedSchema {
  return {
    key,
    identifier: key,
    schema,
    module: 'shared',
    pointer: `#/components/schemas/${key}`,
    hasReadOnly: false,
    hasWriteOnly: false,
    ...extra,
  };
}

export function param(name: string, location: Parameter['in'], schema: Schema, required = false, extra: Partial<Parameter> = {}): Parameter {
  return {
    name,
    in: location,
    required,
    schema,
    style: location === 'query' || location === 'cookie' ? 'form' : 'simple',
    explode: location === 'query' || location === 'cookie',
    allowReserved: false,
    pointer: '#/p',
    ...extra,
  };
}

export function json(schema: Schema): { mediaType: string; bodyKind: 'json'; schema: Schema } {
  return { mediaType: 'application/json', bodyKind: 'json', schema };
}

export function response(status: string, schema?: Schema, extra: Partial<Response> = {}): Response {
  const category = status.startsWith('2') || status.startsWith('3') || status.startsWith('1') ? 'success' : status === 'default' ? 'default' : 'error';
  return { status, category, contents: schema ? [json(schema)] : [], headers: [], pointer: '#/r', ...extra };
}

export function operation(operationId: string, method: Operation['method'], path: string, extra: Partial<Operation> = {}): Operation {
  const id = operationId.charAt(0).toUpperCase() + operationId.slice(1);
  return {
    operationId,
    derivedId: false,
    identifier: id,
    method,
    path,
    tags: [],
    resource: ['things'],
    methodName: operationId,
    module: 'things',
    parameters: { path: [], query: [], header: [], cookie: [] },
    responses: [],
    security: [],
    names: { params: `${id}Params`, response: `${id}Response`, error: `${id}Error`, ...(extra.requestBody ? { body: `${id}Body` } : {}) },
    pointer: `#/paths/${path.replace(/\//g, '~1')}/${method}`,
    extensions: {},
    ...extra,
  };
}

export function api(schemas: NamedSchema[], operations: Operation[] = [], extra: Partial<Api> = {}): Api {
  return {
    title: 'Test',
    version: '1',
    openapi: '3.1.0',
    servers: [],
    schemas: new Map(schemas.map((n) => [n.key, n])),
    operations,
    securitySchemes: [],
    security: [],
    webhooks: [],
    tags: [],
    renames: [],
    ...extra,
  };
}

export const emitOptions: EmitOptions = {
  typesPackageName: '@test/types',
  clientPackageName: '@test/client',
  clientName: 'Test',
  specPath: 'spec/openapi.yaml',
  command: 'pnpm generate',
  existingVersions: {},
};
