import { describe, expect, it } from 'vitest';
import type { Schema } from '../../src/model/types.js';
import { build, fixture, named, prop, strip } from './helpers.js';

/** Builds a document whose components.schemas holds `X` (and `extra`), returns X's IR without pointers. */
function convert(schemaYaml: string, openapi = '3.1.0', extra = ''): { schema: Schema; codes: string[] } {
  const indented = schemaYaml
    .trim()
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
  const doc = `openapi: ${openapi}
info: { title: t, version: "1" }
paths: {}
components:
  schemas:
    X:
${indented}
${extra}`;
  const { api, diagnostics } = build(doc);
  return { schema: strip(named(api, 'X').schema), codes: diagnostics.map((d) => d.code) };
}

const s = <T extends object>(x: T) => ({ nullable: false, ...x });

describe('schema mapping rules (given → want)', () => {
  const table: Array<{ name: string; openapi?: string; given: string; want: unknown }> = [
    { name: '3.1 type array with null → nullable', given: 'type: [number, "null"]', want: s({ kind: 'number', nullable: true }) },
    { name: '3.0 nullable', openapi: '3.0.3', given: '{ type: string, nullable: true }', want: s({ kind: 'string', nullable: true }) },
    {
      name: 'type array with several non-null types → type-array union',
      given: 'type: [string, integer, "null"]',
      want: s({ kind: 'union', keyword: 'type-array', nullable: true, variants: [s({ kind: 'string' }), s({ kind: 'integer' })] }),
    },
    {
      name: 'type array [string, array] keeps items on the array variant',
      given: '{ type: [string, array], items: { type: string } }',
      want: s({ kind: 'union', keyword: 'type-array', variants: [s({ kind: 'string' }), s({ kind: 'array', items: s({ kind: 'string' }) })] }),
    },
    { name: 'type null', given: 'type: "null"', want: s({ kind: 'null' }) },
    { name: 'type list of only null', given: 'type: ["null"]', want: s({ kind: 'null' }) },
    { name: '{} → unknown', given: '{}', want: s({ kind: 'unknown' }) },
    { name: 'true → unknown', given: 'true', want: s({ kind: 'unknown' }) },
    { name: 'false → never', given: 'false', want: s({ kind: 'never' }) },
    { name: 'not {} → never', given: 'not: {}', want: s({ kind: 'never' }) },
    { name: 'other not → unknown (negation is not expressible)', given: 'not: { type: string }', want: s({ kind: 'unknown' }) },
    { name: 'not beside a type is ignored', given: '{ type: string, not: { enum: [a] } }', want: s({ kind: 'string' }) },
    {
      name: 'enum with null member → nullable, null not in values',
      given: 'enum: [low, high, null]',
      want: s({ kind: 'enum', values: ['low', 'high'], nullable: true }),
    },
    { name: 'enum [null] → null kind', given: 'enum: [null]', want: s({ kind: 'null' }) },
    { name: 'const with type', given: '{ type: integer, const: 3 }', want: s({ kind: 'enum', values: [3], baseType: 'integer' }) },
    { name: 'const without type', given: 'const: v3', want: s({ kind: 'enum', values: ['v3'] }) },
    { name: 'const null → null kind', given: 'const: null', want: s({ kind: 'null' }) },
    { name: 'const false', given: 'const: false', want: s({ kind: 'enum', values: [false] }) },
    { name: 'format binary → binary string', given: '{ type: string, format: binary }', want: s({ kind: 'string', binary: true, format: 'binary' }) },
    {
      name: 'contentMediaType without contentEncoding → binary',
      given: '{ type: string, contentMediaType: image/png }',
      want: s({ kind: 'string', binary: true, contentMediaType: 'image/png' }),
    },
    {
      name: 'contentMediaType with contentEncoding → text',
      given: '{ type: string, contentMediaType: image/png, contentEncoding: base64 }',
      want: s({ kind: 'string', contentMediaType: 'image/png', constraints: { contentEncoding: 'base64' } }),
    },
    { name: 'format byte stays a string', given: '{ type: string, format: byte }', want: s({ kind: 'string', format: 'byte' }) },
    {
      name: 'no type + properties → object',
      given: 'properties: { a: { type: string } }',
      want: s({ kind: 'object', properties: [{ name: 'a', required: false, schema: s({ kind: 'string' }) }] }),
    },
    { name: 'no type + items → array', given: 'items: { type: integer }', want: s({ kind: 'array', items: s({ kind: 'integer' }) }) },
    { name: 'no type + pattern → string', given: "pattern: '^a'", want: s({ kind: 'string', constraints: { pattern: '^a' } }) },
    { name: 'array without items → unknown items', given: 'type: array', want: s({ kind: 'array', items: s({ kind: 'unknown' }) }) },
    {
      name: 'prefixItems with items false → closed tuple',
      given: '{ type: array, prefixItems: [{ type: number }, { type: string }], items: false }',
      want: s({ kind: 'array', prefixItems: [s({ kind: 'number' }), s({ kind: 'string' })] }),
    },
    {
      name: 'prefixItems with rest schema',
      given: '{ type: array, prefixItems: [{ type: string }], items: { type: integer } }',
      want: s({ kind: 'array', prefixItems: [s({ kind: 'string' })], items: s({ kind: 'integer' }) }),
    },
    {
      name: 'prefixItems closed by maxItems',
      given: '{ type: array, prefixItems: [{ type: number }, { type: number }], maxItems: 2 }',
      want: s({ kind: 'array', prefixItems: [s({ kind: 'number' }), s({ kind: 'number' })], maxItems: 2, constraints: { maxItems: 2 } }),
    },
    {
      name: 'prefixItems open when nothing closes it',
      given: '{ type: array, prefixItems: [{ type: number }] }',
      want: s({ kind: 'array', prefixItems: [s({ kind: 'number' })], items: s({ kind: 'unknown' }) }),
    },
    {
      name: '3.0-style tuple (array-form items) with additionalItems false',
      openapi: '3.0.3',
      given: '{ type: array, items: [{ type: string }, { type: integer }], additionalItems: false }',
      want: s({ kind: 'array', prefixItems: [s({ kind: 'string' }), s({ kind: 'integer' })] }),
    },
    {
      name: 'additionalProperties true → unknown',
      given: '{ type: object, additionalProperties: true }',
      want: s({ kind: 'object', properties: [], additionalProperties: s({ kind: 'unknown' }) }),
    },
    {
      name: 'additionalProperties {} → unknown',
      given: '{ type: object, additionalProperties: {} }',
      want: s({ kind: 'object', properties: [], additionalProperties: s({ kind: 'unknown' }) }),
    },
    {
      name: 'additionalProperties false → false',
      given: '{ type: object, additionalProperties: false }',
      want: s({ kind: 'object', properties: [], additionalProperties: false }),
    },
    {
      name: 'additionalProperties schema',
      given: '{ type: object, additionalProperties: { type: integer } }',
      want: s({ kind: 'object', properties: [], additionalProperties: s({ kind: 'integer' }) }),
    },
    { name: 'additionalProperties absent → undefined', given: '{ type: object }', want: s({ kind: 'object', properties: [] }) },
    {
      name: 'patternProperties in spec order',
      given: "{ type: object, patternProperties: { '^x-': { type: string }, '^n': { type: number } } }",
      want: s({
        kind: 'object',
        properties: [],
        patternProperties: [
          { pattern: '^x-', schema: s({ kind: 'string' }) },
          { pattern: '^n', schema: s({ kind: 'number' }) },
        ],
      }),
    },
    {
      name: 'required names without a property → requiredOnly',
      given: '{ type: object, required: [a, b], properties: { a: { type: string } } }',
      want: s({ kind: 'object', properties: [{ name: 'a', required: true, schema: s({ kind: 'string' }) }], requiredOnly: ['b'] }),
    },
    {
      name: 'anyOf [string, null] collapses to nullable string',
      given: 'anyOf: [{ type: string }, { type: "null" }]',
      want: s({ kind: 'string', nullable: true }),
    },
    {
      name: 'oneOf → union',
      given: 'oneOf: [{ type: string }, { type: integer }]',
      want: s({ kind: 'union', keyword: 'oneOf', variants: [s({ kind: 'string' }), s({ kind: 'integer' })] }),
    },
    {
      name: 'anyOf → union (keyword anyOf)',
      given: 'anyOf: [{ type: string }, { type: integer }]',
      want: s({ kind: 'union', keyword: 'anyOf', variants: [s({ kind: 'string' }), s({ kind: 'integer' })] }),
    },
    {
      name: 'properties beside oneOf → intersection of the object and the union; a required-only member re-declares the property',
      given: '{ type: object, properties: { a: { type: string } }, oneOf: [{ required: [a] }, { type: object }] }',
      want: s({
        kind: 'intersection',
        members: [
          s({ kind: 'object', properties: [{ name: 'a', required: false, schema: s({ kind: 'string' }) }] }),
          s({
            kind: 'union',
            keyword: 'oneOf',
            variants: [
              s({ kind: 'object', properties: [{ name: 'a', required: true, schema: s({ kind: 'string' }) }] }),
              s({ kind: 'object', properties: [] }),
            ],
          }),
        ],
      }),
    },
    {
      name: 'a sibling scalar type constrains untyped oneOf members (issue 15)',
      given: '{ type: string, oneOf: [{ description: a }, { description: b }] }',
      want: s({ kind: 'union', keyword: 'oneOf', variants: [s({ kind: 'string', description: 'a' }), s({ kind: 'string', description: 'b' })] }),
    },
  ];
  for (const t of table) {
    it(t.name, () => {
      expect(convert(t.given, t.openapi).schema).toEqual(t.want);
    });
  }
});

describe('docs', () => {
  it('title, description, deprecated, default, examples (3.0 example folded), format, constraints, x-inferred, externalDocs', () => {
    const { schema } = convert(
      `type: integer
title: Bounded
description: A number.
deprecated: true
default: 10
examples: [1, 2]
example: 3
format: int32
minimum: 0
exclusiveMaximum: 100
multipleOf: 5
x-inferred: true
externalDocs: { url: 'https://example.com/docs' }`,
    );
    expect(schema).toEqual(
      s({
        kind: 'integer',
        title: 'Bounded',
        description: 'A number.',
        deprecated: true,
        default: 10,
        examples: [1, 2, 3],
        format: 'int32',
        constraints: { minimum: 0, exclusiveMaximum: 100, multipleOf: 5 },
        inferred: true,
        externalDocsUrl: 'https://example.com/docs',
      }),
    );
  });

  it('3.0 boolean exclusiveMinimum becomes the numeric form', () => {
    const { schema } = convert('{ type: number, minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false }', '3.0.3');
    expect(schema.constraints).toEqual({ maximum: 9, exclusiveMinimum: 0 });
  });

  it('string and array constraints', () => {
    expect(convert("{ type: string, minLength: 1, maxLength: 64, pattern: '^[a-z]+$' }").schema.constraints).toEqual({
      minLength: 1,
      maxLength: 64,
      pattern: '^[a-z]+$',
    });
    const arr = convert('{ type: array, items: { type: string }, minItems: 1, maxItems: 3, uniqueItems: true }').schema;
    expect(arr).toMatchObject({ kind: 'array', minItems: 1, maxItems: 3, uniqueItems: true, constraints: { minItems: 1, maxItems: 3, uniqueItems: true } });
  });

  it('property docs come from the property schema; readOnly/writeOnly on the property', () => {
    const { schema } = convert(`type: object
properties:
  id: { type: string, readOnly: true, description: Server id }
  secret: { type: string, writeOnly: true }
  theme: { type: string, default: light }`);
    expect(prop(schema, 'id')).toMatchObject({ readOnly: true, description: 'Server id' });
    expect(prop(schema, 'secret')).toMatchObject({ writeOnly: true });
    expect(prop(schema, 'theme')).toMatchObject({ default: 'light', required: false });
  });

  it('a property that is a $ref to a readOnly schema is readOnly', () => {
    const { schema } = convert(
      `type: object
properties:
  id: { $ref: '#/components/schemas/Id' }`,
      '3.1.0',
      `    Id: { type: string, readOnly: true }`,
    );
    expect(prop(schema, 'id')).toMatchObject({ readOnly: true, schema: { kind: 'ref', target: 'Id' } });
  });
});

describe('enums (case-03, case-10, case-12)', () => {
  it('case-03 policy: type allows null but enum omits it → not nullable, info diagnostic', () => {
    const r = convert('{ type: [string, "null"], enum: [email, phone] }');
    expect(r.schema).toEqual(s({ kind: 'enum', values: ['email', 'phone'], baseType: 'string' }));
    expect(r.codes).toContain('model/enum-null-not-listed');
    const r30 = convert('{ type: string, nullable: true, enum: [a] }', '3.0.3');
    expect(r30.schema).toMatchObject({ kind: 'enum', values: ['a'], nullable: false });
  });

  it('3.0 nullable enum that lists null is nullable', () => {
    expect(convert('{ type: string, nullable: true, enum: [a, null] }', '3.0.3').schema).toMatchObject({ values: ['a'], nullable: true });
  });

  it('x-enum-varnames / x-enum-descriptions index-aligned; null member dropped from both', () => {
    const { schema } = convert(`type: [integer, "null"]
enum: [0, null, 1]
x-enum-varnames: [Queued, Nothing, Running]
x-enum-descriptions: [Waiting, none, Busy]`);
    expect(schema).toEqual(
      s({ kind: 'enum', values: [0, 1], nullable: true, baseType: 'integer', varNames: ['Queued', 'Running'], valueDescriptions: ['Waiting', 'Busy'] }),
    );
  });

  it('x-enumNames / x-enumDescriptions aliases, aligned with the non-null members', () => {
    const { schema } = convert(`enum: [a, b, null]
x-enumNames: [A, B]
x-enumDescriptions: [first, second]`);
    expect(schema).toMatchObject({ values: ['a', 'b'], varNames: ['A', 'B'], valueDescriptions: ['first', 'second'], nullable: true });
  });

  it('x-enum-descriptions / x-enumDescriptions as a map from value to description (Scalar, Redocly); unknown keys reported', () => {
    const r = convert(`type: string
enum: [a, b, c, a]
x-enum-descriptions: { b: second, a: first, z: none }`);
    expect(r.schema).toMatchObject({ values: ['a', 'b', 'c'], valueDescriptions: ['first', 'second', ''] });
    expect(r.codes).toContain('model/enum-extension');
    const numbers = convert('{ type: integer, enum: [1, 2], x-enumDescriptions: { "2": two } }');
    expect(numbers.schema).toMatchObject({ values: [1, 2], valueDescriptions: ['', 'two'] });
    expect(numbers.codes).not.toContain('model/enum-extension');
    const bad = convert('{ type: string, enum: [a], x-enum-descriptions: { a: 1 } }');
    expect(bad.schema).not.toHaveProperty('valueDescriptions');
    expect(bad.codes).toContain('model/enum-extension');
  });

  it('x-enum-varnames with the wrong length is reported and not mis-paired', () => {
    const r = convert('{ type: integer, enum: [0, 1, 2], x-enum-varnames: [A, B] }');
    expect(r.schema).not.toHaveProperty('varNames');
    expect(r.codes).toContain('model/enum-extension-length');
  });

  it('duplicate enum values are kept once, with a warning', () => {
    const r = convert('{ type: string, enum: [a, b, a] }');
    expect(r.schema).toMatchObject({ values: ['a', 'b'] });
    expect(r.codes).toContain('model/enum-duplicate');
  });

  it('enum of objects cannot be literals: dropped with a warning, the type remains', () => {
    const r = convert('{ type: object, enum: [{ a: 1 }] }');
    expect(r.schema).toMatchObject({ kind: 'object' });
    expect(r.codes).toContain('model/enum-non-primitive');
  });

  it('case-10: special-character values are kept verbatim', () => {
    const { api } = build(fixture('cases/enum-special-characters'));
    expect(named(api, 'Rating').schema).toMatchObject({ kind: 'enum', values: ['B+', 'B', 'B-'] });
    expect(named(api, 'SortKey').schema).toMatchObject({ values: ['name', '-name'] });
    expect(named(api, 'Operator').schema).toMatchObject({ values: ['=', '!=', '<', '>'] });
    expect(named(api, 'ClassName').schema).toMatchObject({ values: ['Acme\\Billing\\Invoice', 'C:\\logs\\'] });
  });

  it('case-12: numeric enum with x-enum-varnames and x-enum-descriptions', () => {
    const { api } = build(fixture('cases/integer-enum-varnames'));
    expect(strip(named(api, 'JobState').schema)).toEqual(
      s({
        kind: 'enum',
        values: [0, 1, 2, 3],
        baseType: 'integer',
        format: 'int32',
        varNames: ['Queued', 'Running', 'Finished', 'Failed'],
        valueDescriptions: ['Waiting for a worker', 'In progress', 'Completed', 'Gave up'],
      }),
    );
  });
});

describe('shared cases (type-level)', () => {
  it('case-01: 3.1 type arrays with null', () => {
    const { api } = build(fixture('cases/nullable-type-arrays'));
    const m = named(api, 'Meter').schema;
    expect(strip(prop(m, 'reading'))).toEqual({ name: 'reading', required: true, schema: s({ kind: 'number', nullable: true }) });
    expect(strip(prop(m, 'unit'))).toEqual({ name: 'unit', required: false, schema: s({ kind: 'string', nullable: true }) });
    expect(strip(prop(m, 'tags').schema)).toEqual(s({ kind: 'array', nullable: true, items: s({ kind: 'string' }) }));
  });

  it('case-02: 3.0 nullable inline object and nullable single-member allOf wrapper', () => {
    const { api } = build(fixture('cases/nullable-object-and-allof'));
    const sh = named(api, 'Shipment').schema;
    expect(prop(sh, 'carrier')).toMatchObject({ required: true, schema: { kind: 'object', nullable: true } });
    expect(strip(prop(sh, 'parent'))).toEqual({ name: 'parent', required: false, schema: s({ kind: 'ref', target: 'ShipmentRef', nullable: true }) });
  });

  it('case-03: null enum member, and the type-array + enum policy', () => {
    const { api, diagnostics } = build(fixture('cases/null-in-enum'));
    expect(strip(named(api, 'Priority').schema)).toEqual(s({ kind: 'enum', values: ['low', 'medium', 'high'], nullable: true }));
    const t = named(api, 'Ticket').schema;
    expect(prop(t, 'priority')).toMatchObject({ required: true, schema: { kind: 'ref', target: 'Priority' } });
    expect(prop(t, 'channel')).toMatchObject({ required: false, schema: { kind: 'enum', values: ['email', 'phone'], nullable: false } });
    expect(diagnostics.map((d) => [d.severity, d.code, d.pointer])).toEqual([
      ['info', 'model/enum-null-not-listed', '#/components/schemas/Ticket/properties/channel'],
    ]);
  });

  it('case-04: implicit discriminator mapping uses the pinned enum values, never the schema names', () => {
    const { api, diagnostics } = build(fixture('cases/discriminator-implicit-mapping'));
    const cards = prop(named(api, 'Board').schema, 'cards').schema;
    expect(cards.kind).toBe('array');
    if (cards.kind !== 'array' || !cards.items) throw new Error('array');
    expect(cards.items).toMatchObject({
      kind: 'union',
      keyword: 'oneOf',
      discriminator: {
        propertyName: 'cardType',
        mapping: [
          { value: 'task', target: 'TaskCard', implicit: true },
          { value: 'note', target: 'NoteCard', implicit: true },
        ],
      },
    });
    // The members keep their declared enums.
    expect(prop(named(api, 'TaskCard').schema, 'cardType').schema).toMatchObject({ kind: 'enum', values: ['task'] });
    // The OpenAPI implicit value (the schema name) disagrees with the pinned enum: warned.
    expect(diagnostics.filter((d) => d.code === 'model/discriminator-mismatch')).toHaveLength(2);
  });

  it('case-07: required from an allOf member that only adds required is honoured', () => {
    const { api } = build(fixture('cases/allof-required'));
    const signup = strip(named(api, 'ContactForSignup').schema);
    expect(signup).toEqual(
      s({
        kind: 'intersection',
        members: [
          s({ kind: 'ref', target: 'Contact' }),
          s({
            kind: 'object',
            properties: [
              { name: 'email', required: true, schema: s({ kind: 'string' }) },
              { name: 'phone', required: true, schema: s({ kind: 'string' }) },
            ],
          }),
        ],
      }),
    );
    expect(strip(named(api, 'ContactParentRequired').schema)).toEqual(
      s({
        kind: 'intersection',
        members: [s({ kind: 'ref', target: 'Contact' }), s({ kind: 'object', properties: [{ name: 'email', required: true, schema: s({ kind: 'string' }) }] })],
      }),
    );
    // The re-declared property points at its original declaration.
    const redeclared = named(api, 'ContactForSignup').schema;
    if (redeclared.kind !== 'intersection') throw new Error('intersection');
    expect(prop(redeclared.members[1] as Schema, 'email').schema.pointer).toBe('#/components/schemas/Contact/properties/email');
  });

  it('allOf: required of a referenced member applies to an inline member declaring the property', () => {
    const { api } = build(`openapi: 3.1.0
info: { title: t, version: "1" }
paths: {}
components:
  schemas:
    Base:
      type: object
      required: [name]
      properties: { id: { type: string } }
    X:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties:
            name: { type: string }
            extra: { type: string }
`);
    const x = named(api, 'X').schema;
    if (x.kind !== 'intersection') throw new Error('intersection');
    expect(prop(x.members[1] as Schema, 'name').required).toBe(true);
    expect(prop(x.members[1] as Schema, 'extra').required).toBe(false);
  });

  it('case-34: const values incl. null const', () => {
    const { api } = build(fixture('cases/const-values'));
    const h = named(api, 'Heartbeat').schema;
    expect(strip(prop(h, 'alive').schema)).toEqual(s({ kind: 'enum', values: [true], baseType: 'boolean' }));
    expect(strip(prop(h, 'revision').schema)).toEqual(s({ kind: 'enum', values: [3], baseType: 'integer' }));
    expect(strip(prop(h, 'kind').schema)).toEqual(s({ kind: 'enum', values: ['heartbeat'], baseType: 'string' }));
    expect(strip(prop(h, 'label'))).toEqual({ name: 'label', required: false, schema: s({ kind: 'enum', values: ['v3'] }) });
    expect(strip(prop(h, 'nothing'))).toEqual({ name: 'nothing', required: true, schema: s({ kind: 'null' }) });
  });

  it('case-38: deprecated on a property (after its description) and on a schema (allOf wrapper)', () => {
    const { api } = build(fixture('cases/deprecated-flags'));
    expect(prop(named(api, 'Match').schema, 'isNational')).toMatchObject({ deprecated: true, description: 'Use competitionLevel instead.' });
    expect(prop(named(api, 'Match').schema, 'competitionLevel')).not.toHaveProperty('deprecated');
    expect(strip(named(api, 'OldMatch').schema)).toEqual(s({ kind: 'ref', target: 'Match', deprecated: true }));
  });

  it('case-23: defaults recorded in docs, never making a property required', () => {
    const { api } = build(fixture('cases/defaults-stay-optional'));
    expect(prop(named(api, 'Settings').schema, 'theme')).toMatchObject({ required: false, default: 'light', schema: { default: 'light' } });
  });

  it('case-06: oneOf of allOf members without discriminator', () => {
    const { api } = build(fixture('cases/oneof-allof-without-discriminator'));
    expect(strip(named(api, 'Produce').schema)).toEqual(
      s({ kind: 'union', keyword: 'oneOf', variants: [s({ kind: 'ref', target: 'Apple' }), s({ kind: 'ref', target: 'Carrot' })] }),
    );
    expect(named(api, 'Apple').schema).toMatchObject({ kind: 'intersection', members: [{ kind: 'ref', target: 'Base' }, { kind: 'object' }] });
  });
});

describe('discriminators and polymorphism', () => {
  it('explicit mapping (ref and bare name) first; mismatch with a pinned const is warned', () => {
    const { api, diagnostics } = build(fixture('rules/polymorphism'));
    expect(named(api, 'Shape').schema).toMatchObject({
      discriminator: {
        propertyName: 'kind',
        mapping: [
          { value: 'circle', target: 'Circle', implicit: false },
          { value: 'square', target: 'Square', implicit: false },
        ],
      },
    });
    expect(named(api, 'Mismatch').schema).toMatchObject({ discriminator: { mapping: [{ value: 'round', target: 'Circle', implicit: false }] } });
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['model/discriminator-mismatch', '#/components/schemas/Mismatch/discriminator/mapping/round'],
    ]);
  });

  it('a mapping entry (explicit or implicit) onto a non-object schema is left out, with a note (issue 15)', () => {
    const { api, diagnostics } = build(fixture('rules/discriminator-non-object'));
    expect(named(api, 'Content').schema).toMatchObject({
      discriminator: {
        propertyName: 'type',
        mapping: [
          { value: 'file', target: 'File' },
          { value: 'Symlink', target: 'Symlink' },
        ],
      },
    });
    expect(named(api, 'Entry').schema).toMatchObject({ discriminator: { mapping: [{ value: 'File', target: 'File' }] } });
    expect(diagnostics.filter((d) => d.code === 'model/discriminator-non-object').map((d) => [d.severity, d.pointer])).toEqual([
      ['info', '#/components/schemas/Content/discriminator/mapping/array'],
      ['info', '#/components/schemas/Entry/oneOf/0'],
    ]);
  });

  it('base with discriminator lists its allOf subtypes; each subtype pins the property', () => {
    const { api } = build(fixture('rules/polymorphism'));
    expect(named(api, 'Pet').schema).toMatchObject({
      kind: 'object',
      discriminator: {
        propertyName: 'petType',
        mapping: [
          { value: 'doggo', target: 'Dog', implicit: false },
          { value: 'Cat', target: 'Cat', implicit: true },
        ],
      },
    });
    const dog = named(api, 'Dog').schema;
    if (dog.kind !== 'intersection') throw new Error('intersection');
    expect(strip(dog.members[2])).toEqual(
      s({ kind: 'object', properties: [{ name: 'petType', required: true, schema: s({ kind: 'enum', values: ['doggo'], baseType: 'string' }) }] }),
    );
    const cat = named(api, 'Cat').schema;
    if (cat.kind !== 'intersection') throw new Error('intersection');
    expect(cat.members[2]).toMatchObject({ properties: [{ name: 'petType', schema: { values: ['Cat'] } }] });
  });

  it('a subtype that pins the property itself gets no extra member', () => {
    const { api } = build(`openapi: 3.1.0
info: { title: t, version: "1" }
paths: {}
components:
  schemas:
    Base:
      type: object
      properties: { kind: { type: string } }
      discriminator: { propertyName: kind }
    Sub:
      allOf:
        - $ref: '#/components/schemas/Base'
        - properties: { kind: { const: sub } }
`);
    expect(named(api, 'Sub').schema).toMatchObject({ kind: 'intersection', members: [{ kind: 'ref' }, { kind: 'object' }] });
    expect((named(api, 'Sub').schema as { members: unknown[] }).members).toHaveLength(2);
    expect(named(api, 'Base').schema).toMatchObject({ discriminator: { mapping: [{ value: 'sub', target: 'Sub', implicit: true }] } });
  });

  it('unresolvable mapping target is dropped with a warning', () => {
    const r = convert(
      `oneOf: [{ $ref: '#/components/schemas/A' }]
discriminator: { propertyName: t, mapping: { x: '#/components/schemas/Nope' } }`,
      '3.1.0',
      '    A: { type: object, properties: { t: { type: string } } }',
    );
    expect(r.schema).toMatchObject({ discriminator: { mapping: [{ value: 'A', target: 'A', implicit: true }] } });
    expect(r.codes).toContain('model/discriminator-mapping');
  });
});

describe('refs, recursion, $defs', () => {
  it('self and mutual recursion stay refs', () => {
    const { api } = build(fixture('rules/recursion'));
    expect(prop(named(api, 'TreeNode').schema, 'children').schema).toMatchObject({ kind: 'array', items: { kind: 'ref', target: 'TreeNode' } });
    expect(prop(named(api, 'Person').schema, 'employer').schema).toMatchObject({ kind: 'ref', target: 'Company' });
    expect(prop(named(api, 'Company').schema, 'staff').schema).toMatchObject({ items: { kind: 'ref', target: 'Person' } });
    expect(named(api, 'Expr').schema).toMatchObject({ kind: 'union', variants: [{ kind: 'number' }, { kind: 'object' }] });
  });

  it('$defs are lifted into named schemas (never properties), refs point at them', () => {
    const { api } = build(fixture('rules/defs'));
    expect([...api.schemas.keys()]).toEqual(['Invoice', 'Invoice/$defs/Money', 'Invoice/$defs/Line', 'Refund']);
    expect(named(api, 'Invoice/$defs/Money')).toMatchObject({ identifier: 'InvoiceMoney', pointer: '#/components/schemas/Invoice/$defs/Money' });
    const inv = named(api, 'Invoice').schema;
    if (inv.kind !== 'object') throw new Error('object');
    expect(inv.properties.map((p) => p.name)).toEqual(['total', 'lines']);
    expect(prop(inv, 'total').schema).toMatchObject({ kind: 'ref', target: 'Invoice/$defs/Money' });
    expect(prop(named(api, 'Refund').schema, 'amount').schema).toMatchObject({ kind: 'ref', target: 'Invoice/$defs/Money' });
    expect(api.renames).toContainEqual({
      pointer: '#/components/schemas/Invoice/$defs/Money',
      from: 'Invoice/$defs/Money',
      to: 'InvoiceMoney',
      reason: 'lifted from $defs',
    });
  });

  it('a ref to a non-component place is inlined; a recursive one is lifted', () => {
    const { api } = build(`openapi: 3.1.0
info: { title: t, version: "1" }
paths: {}
components:
  schemas:
    A:
      type: object
      properties:
        b: { type: string, description: inner }
        copy: { $ref: '#/components/schemas/A/properties/b' }
        node:
          type: object
          properties:
            next: { $ref: '#/components/schemas/A/properties/node' }
`);
    const a = named(api, 'A').schema;
    expect(prop(a, 'copy').schema).toMatchObject({ kind: 'string', description: 'inner', pointer: '#/components/schemas/A/properties/b' });
    expect(prop(a, 'node').schema).toMatchObject({ kind: 'object' });
    const lifted = named(api, '/components/schemas/A/properties/node');
    expect(lifted.identifier).toBe('ANode');
    expect(prop(lifted.schema, 'next').schema).toMatchObject({ kind: 'ref', target: '/components/schemas/A/properties/node' });
  });

  it('$ref with sibling keywords (3.1) → allOf of the ref and the siblings; nullable/docs siblings stay on the ref', () => {
    const r = convert(
      `type: object
properties:
  a: { $ref: '#/components/schemas/B', description: the b, deprecated: true }
  c: { $ref: '#/components/schemas/B', properties: { extra: { type: string } } }`,
      '3.1.0',
      '    B: { type: object }',
    );
    expect(strip(prop(r.schema, 'a').schema)).toEqual(s({ kind: 'ref', target: 'B', description: 'the b', deprecated: true }));
    expect(prop(r.schema, 'c').schema).toMatchObject({ kind: 'intersection', members: [{ kind: 'ref', target: 'B' }, { kind: 'object' }] });
  });

  it('dangling refs are errors', async () => {
    const { buildErrors } = await import('./helpers.js');
    const d = buildErrors(`openapi: 3.1.0
info: { title: t, version: "1" }
paths: {}
components:
  schemas:
    A: { $ref: '#/components/schemas/Missing/properties/x' }
`);
    expect(d.map((x) => [x.code, x.pointer])).toEqual([['model/dangling-ref', '#/components/schemas/A']]);
  });

  it('a $ref to an $anchor (a plain-name fragment) is an error that says so, not "points to nothing"', async () => {
    const { buildErrors } = await import('./helpers.js');
    const d = buildErrors(`openapi: 3.1.0
info: { title: t, version: "1" }
paths: {}
components:
  schemas:
    Node: { $anchor: node, type: object, properties: { next: { $ref: '#node' } } }
`);
    expect(d.map((x) => [x.code, x.pointer])).toEqual([['model/anchor-ref', '#/components/schemas/Node/properties/next']]);
    expect(d[0]?.message).toContain('names an $anchor, which sdkgen does not resolve');
  });
});

describe('fixtures for mapping rules', () => {
  it('additionalProperties / patternProperties fixture', () => {
    const { api } = build(fixture('rules/additional-properties'));
    expect(named(api, 'OpenTrue').schema).toMatchObject({ additionalProperties: { kind: 'unknown' } });
    expect(named(api, 'OpenEmpty').schema).toMatchObject({ additionalProperties: { kind: 'unknown' } });
    expect(named(api, 'Typed').schema).toMatchObject({ additionalProperties: { kind: 'integer' } });
    expect(named(api, 'Closed').schema).toMatchObject({ additionalProperties: false });
    expect(named(api, 'Unsaid').schema).not.toHaveProperty('additionalProperties');
    expect(named(api, 'Patterned').schema).toMatchObject({ patternProperties: [{ pattern: '^x-' }, { pattern: '^n_[0-9]+$' }] });
    expect(named(api, 'RequiredOnly').schema).toMatchObject({ requiredOnly: ['extra'] });
    expect(named(api, 'Dictionary').schema).toMatchObject({ additionalProperties: { kind: 'ref', target: 'Typed' }, minProperties: 1 });
  });

  it('multi-type fixture', () => {
    const { api } = build(fixture('rules/multi-type'));
    expect(named(api, 'Scalar').schema).toMatchObject({
      kind: 'union',
      keyword: 'type-array',
      nullable: true,
      variants: [{ kind: 'string' }, { kind: 'number' }, { kind: 'boolean' }],
    });
    expect(named(api, 'OnlyNull').schema.kind).toBe('null');
    expect(named(api, 'NoTypeObject').schema.kind).toBe('object');
    expect(named(api, 'NoTypeArray').schema.kind).toBe('array');
    expect(named(api, 'Constrained').schema).toMatchObject({ title: 'A bounded integer', default: 10, examples: [20], inferred: true });
    expect(named(api, 'Examples').schema).toMatchObject({ constraints: { exclusiveMinimum: 0 }, examples: [1, 2] });
  });

  it('any-of fixture: unions, nullable ref, not, boolean schemas', () => {
    const { api } = build(fixture('rules/any-of'));
    expect(named(api, 'Id').schema).toMatchObject({ kind: 'union', keyword: 'anyOf' });
    expect(strip(named(api, 'MaybeId').schema)).toEqual(s({ kind: 'ref', target: 'Id', nullable: true }));
    expect(named(api, 'Negated').schema.kind).toBe('unknown');
    expect(named(api, 'Anything').schema.kind).toBe('unknown');
    expect(named(api, 'Nothing').schema.kind).toBe('never');
    const flags = named(api, 'Flags').schema;
    expect([prop(flags, 'anything').schema.kind, prop(flags, 'nothing').schema.kind]).toEqual(['unknown', 'never']);
  });

  it('tuples fixtures', () => {
    expect(strip(named(build(fixture('rules/tuples')).api, 'Point').schema)).toMatchObject({
      prefixItems: [{ kind: 'number' }, { kind: 'number' }],
      minItems: 2,
      maxItems: 2,
    });
    expect(named(build(fixture('rules/tuples')).api, 'Point').schema).not.toHaveProperty('items');
    expect(named(build(fixture('rules/tuples-30')).api, 'Pair').schema).toMatchObject({ prefixItems: [{ kind: 'string' }, { kind: 'integer' }] });
  });
});
