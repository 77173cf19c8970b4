/** Short descriptions of model schemas for change messages: `string`, `'a' | 'b'`, `Role[]`, `object`. */
import type { Api, Schema } from '../model/types.js';

const MAX_VALUES = 4;

/** The type a schema stands for, in a few words (TypeScript-like). */
export function describeSchema(api: Api, schema: Schema, depth = 0): string {
  const text = describeKind(api, schema, depth);
  return schema.nullable && schema.kind !== 'null' ? `${text} | null` : text;
}

function describeKind(api: Api, schema: Schema, depth: number): string {
  switch (schema.kind) {
    case 'ref':
      return api.schemas.get(schema.target)?.identifier ?? schema.target;
    case 'string':
      return schema.binary === true ? 'Blob' : 'string';
    case 'enum': {
      const values = schema.values.slice(0, MAX_VALUES).map((v) => JSON.stringify(v).replace(/^"(.*)"$/, "'$1'"));
      return `${values.join(' | ')}${schema.values.length > MAX_VALUES ? ' | …' : ''}`;
    }
    case 'array':
      if (schema.prefixItems !== undefined) return 'tuple';
      return schema.items === undefined ? 'never[]' : `${depth > 1 ? 'array' : wrap(describeSchema(api, schema.items, depth + 1))}[]`;
    case 'union':
      return depth > 1 ? 'union' : schema.variants.map((v) => describeSchema(api, v, depth + 1)).join(' | ');
    case 'intersection':
      return depth > 1 ? 'intersection' : schema.members.map((m) => wrap(describeSchema(api, m, depth + 1))).join(' & ');
    default:
      return schema.kind;
  }
}

function wrap(text: string): string {
  return /[|&]/.test(text) ? `(${text})` : text;
}

/** A JSON value as it reads in a message: strings quoted with `'`. */
export function describeValue(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}
