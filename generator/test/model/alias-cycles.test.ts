/**
 * Self-references with no structure in between (alias-cycles.ts): given a document, want the named
 * schemas' IR with the in-cycle references left out, a warning per schema, and real recursion
 * (through properties, items, map values) untouched.
 */
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../src/model/types.js';
import { build, named } from './helpers.js';

function doc(schemas: string): string {
  return `openapi: 3.0.3
info: { title: t, version: "1" }
paths: {}
components:
  schemas:
${schemas
  .trim()
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
`;
}

/** A compact picture of a schema: kinds, ref targets, nullability. */
function shape(s: Schema): unknown {
  const n = s.nullable ? '?' : '';
  switch (s.kind) {
    case 'ref':
      return `ref ${s.target}${n}`;
    case 'union':
      return { [`oneOf${n}`]: s.variants.map(shape) };
    case 'intersection':
      return { [`allOf${n}`]: s.members.map(shape) };
    case 'object':
      return { [`object${n}`]: Object.fromEntries(s.properties.map((p) => [p.name, shape(p.schema)])) };
    case 'array':
      return { [`array${n}`]: s.items === undefined ? null : shape(s.items) };
    default:
      return `${s.kind}${n}`;
  }
}

function schemasOf(text: string) {
  const { api, diagnostics } = build(doc(text));
  const warnings = diagnostics.filter((d) => d.code === 'model/self-referencing-schema').map((d) => d.message);
  return { get: (key: string) => shape(named(api, key).schema), api, warnings };
}

describe('self-referencing schemas with no structure in between', () => {
  it('A = oneOf[A, string] is string; anyOf and allOf alike', () => {
    const r = schemasOf(`
A: { oneOf: [{ $ref: '#/components/schemas/A' }, { type: string }] }
B: { anyOf: [{ $ref: '#/components/schemas/B' }, { type: integer }], nullable: true }
C: { allOf: [{ $ref: '#/components/schemas/C' }, { type: object, properties: { x: { type: string } } }] }
`);
    expect(r.get('A')).toEqual({ oneOf: ['string'] });
    expect(r.get('B')).toEqual({ 'oneOf?': ['integer'] });
    expect(r.get('C')).toEqual({ allOf: [{ object: { x: 'string' } }] });
    expect(r.warnings).toEqual([
      'schema A refers to itself with no object or array in between; those references add no values and are left out',
      'schema B refers to itself with no object or array in between; those references add no values and are left out',
      'schema C refers to itself with no object or array in between; those references add no values and are left out',
    ]);
  });

  it('nothing left (A: $ref A, A = oneOf[A], nullable wrapper only) is unknown, docs kept', () => {
    const r = schemasOf(`
A: { $ref: '#/components/schemas/A' }
B: { oneOf: [{ $ref: '#/components/schemas/B' }], description: only itself }
C: { allOf: [{ $ref: '#/components/schemas/C' }], nullable: true }
`);
    expect(r.get('A')).toBe('unknown');
    expect(r.get('B')).toBe('unknown');
    expect(r.get('C')).toBe('unknown');
    expect(r.api.schemas.get('B')?.schema.description).toBe('only itself');
  });

  it('indirect cycles through other aliases: every member gets the values of the whole cycle', () => {
    const r = schemasOf(`
A: { oneOf: [{ $ref: '#/components/schemas/B' }, { type: string }] }
B: { oneOf: [{ $ref: '#/components/schemas/A' }, { type: number }] }
C: { $ref: '#/components/schemas/D' }
D: { anyOf: [{ $ref: '#/components/schemas/C' }, { type: boolean }] }
`);
    expect(r.get('A')).toEqual({ oneOf: [{ oneOf: ['number'] }, 'string'] });
    expect(r.get('B')).toEqual({ oneOf: [{ oneOf: ['string'] }, 'number'] });
    expect(r.get('C')).toEqual({ oneOf: ['boolean'] });
    expect(r.get('D')).toEqual({ oneOf: ['boolean'] });
    expect(r.warnings[0]).toBe('schema A refers to itself (through B) with no object or array in between; those references add no values and are left out');
    expect(r.warnings).toHaveLength(4);
  });

  it('references to schemas outside the cycle stay references; a nullable ref carries its null', () => {
    const r = schemasOf(`
Pet: { type: object, properties: { name: { type: string } } }
A: { oneOf: [{ $ref: '#/components/schemas/B' }, { $ref: '#/components/schemas/Pet' }] }
B: { allOf: [{ $ref: '#/components/schemas/A' }], nullable: true }
`);
    expect(r.get('A')).toEqual({ oneOf: ['ref Pet'] });
    // B = allOf[A] + nullable is the reference A made nullable: a copy of A without B, plus null.
    expect(r.get('B')).toEqual({ 'oneOf?': ['ref Pet'] });
    expect(r.get('Pet')).toEqual({ object: { name: 'string' } });
  });

  it('recursion through structure is untouched and reports nothing', () => {
    const r = schemasOf(`
Node: { type: object, properties: { next: { $ref: '#/components/schemas/Node' } } }
List: { oneOf: [{ type: array, items: { $ref: '#/components/schemas/List' } }, { type: string }] }
Map: { oneOf: [{ type: object, additionalProperties: { $ref: '#/components/schemas/Map' } }, { type: 'null' }] }
`);
    expect(r.get('Node')).toEqual({ object: { next: 'ref Node' } });
    expect(r.get('List')).toEqual({ oneOf: [{ array: 'ref List' }, 'string'] });
    expect(r.warnings).toEqual([]);
  });

  it('copies do not share objects with the schemas they were copied from', () => {
    const r = schemasOf(`
A: { oneOf: [{ $ref: '#/components/schemas/B' }, { type: string }] }
B: { oneOf: [{ $ref: '#/components/schemas/A' }, { type: object, properties: { b: { type: string } } }] }
`);
    const a = r.api.schemas.get('A')?.schema;
    const b = r.api.schemas.get('B')?.schema;
    if (a?.kind !== 'union' || b?.kind !== 'union') throw new Error('unions expected');
    const inner = a.variants[0];
    if (inner?.kind !== 'union') throw new Error('copied union expected');
    expect(shape(inner)).toEqual({ oneOf: [{ object: { b: 'string' } }] });
    expect(inner.variants[0]).toEqual(b.variants[1]);
    expect(inner.variants[0]).not.toBe(b.variants[1]);
  });
});
