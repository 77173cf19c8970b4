/** A synthetic, large IR for timing the emitter (deterministic: no randomness). */
import type { Api, NamedSchema, Operation, Schema } from '../../src/model/types.js';
import { api, json, named, operation, param, prop, response, s } from './ir.js';

/** `schemaCount` schemas of ~10 properties (refs, enums, arrays, nullable, docs) spread over 20 modules, and one CRUD operation per 4 schemas. */
export function syntheticApi(schemaCount: number): Api {
  const schemas: NamedSchema[] = [];
  const modules = Array.from({ length: 20 }, (_, i) => `resource-${String(i).padStart(2, '0')}`);
  for (let i = 0; i < schemaCount; i++) {
    const key = `Model${i}`;
    const ref = (n: number): Schema => s.ref(`Model${(i + n) % schemaCount}`);
    const schema = s.object(
      [
        prop('id', s.string({ readOnly: i % 5 === 0 }), true, { description: `Identifier of model ${i}.`, readOnly: i % 5 === 0 }),
        prop('name', s.string({ constraints: { maxLength: 64 } }), true, { title: 'Name', examples: ['example'] }),
        prop('created_at', s.string({ format: 'date-time' }), false, { format: 'date-time' }),
        prop('status', s.enum(['active', 'paused', 'deleted'], { baseType: 'string' }), false),
        prop('count', s.integer({ default: 0 }), false, { default: 0 }),
        prop('parent', ref(1), false),
        prop('children', s.array(ref(2)), false),
        prop('labels', s.object([], { additionalProperties: s.string() }), false),
        prop('note', s.string({ nullable: true }), false, { deprecated: i % 7 === 0 }),
        prop('variant', s.union([ref(3), ref(4)]), false),
      ],
      { description: `Synthetic model number ${i}.\nSecond line of description.` },
    );
    schemas.push(
      named(key, schema, {
        module: modules[i % modules.length] as string,
        ...(i % 5 === 0 ? { requestIdentifier: `${key}Request`, hasReadOnly: true } : {}),
      }),
    );
  }
  const operations: Operation[] = [];
  for (let i = 0; i < schemaCount; i += 4) {
    const module = modules[i % modules.length] as string;
    operations.push(
      operation(`getModel${i}`, 'get', `/models${i}/{id}`, {
        module,
        parameters: {
          path: [param('id', 'path', s.string(), true)],
          query: [param('expand', 'query', s.boolean()), param('page_size', 'query', s.integer({ default: 20 }))],
          header: [],
          cookie: [],
        },
        responses: [response('200', s.ref(`Model${i}`)), response('404', s.object([s.string()].length ? [prop('detail', s.string())] : []))],
      }),
      operation(`createModel${i}`, 'post', `/models${i}`, {
        module,
        requestBody: { required: true, contents: [json(s.ref(`Model${i}`))], pointer: '#/b' },
        responses: [response('201', s.ref(`Model${i}`)), response('422', s.object([prop('errors', s.array(s.string()))]))],
      }),
    );
  }
  return api(schemas, operations);
}
