/** Given/want tables for Schema → type text (`typeText`: the one-line text unions are deduplicated by). */
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../src/model/types.js';
import { objectShape, objectType, type RenderContext, renderSchema } from '../../src/emit/types/render.js';
import { typeText } from '../../src/emit/ts/nodes.js';
import { ImportScope } from '../../src/emit/imports.js';
import { api, named, prop, s } from './ir.js';

const model = api([
  named('Pet', s.object([prop('id', s.string(), true)])),
  named('Image', s.object([prop('id', s.string({ readOnly: true }), true, { readOnly: true })]), {
    requestIdentifier: 'ImageRequest',
    hasReadOnly: true,
    module: 'images',
  }),
  named('TaskCard', s.object([prop('cardType', s.enum(['task']), true)])),
  named('Loose', s.object([prop('kind', s.string(), true)])),
  named('KindTask', s.allOf([s.ref('Pet'), s.object([prop('kind', s.ref('TaskKind'), true)])])),
  named('TaskKind', s.enum(['task'])),
  named('Other', s.object([prop('kind', s.string(), true)])),
]);

function render(schema: Schema, direction: RenderContext['direction'] = 'response'): string {
  return typeText(renderSchema(schema, { api: model, scope: new ImportScope('src/shared.ts'), direction }));
}

describe('renderSchema', () => {
  const cases: Array<[string, Schema, string]> = [
    ['string', s.string(), 'string'],
    ['nullable number (3.0 nullable / 3.1 type array)', s.number({ nullable: true }), 'number | null'],
    ['binary string', s.string({ binary: true }), 'Blob'],
    ['unknown stays unknown when nullable', s.unknown({ nullable: true }), 'unknown'],
    [
      'string enum with special characters',
      s.enum(['B+', '-name', 'Acme\\Billing', 'a"b', 'line\nbreak', 'é']),
      '"B+" | "-name" | "Acme\\\\Billing" | "a\\"b" | "line\\nbreak" | "é"',
    ],
    ['numeric enum', s.enum([0, 1, 2, -3]), '0 | 1 | 2 | -3'],
    ['nullable enum', s.enum(['low', 'high'], { nullable: true }), '"low" | "high" | null'],
    ['const true', s.enum([true]), 'true'],
    ['const null (empty enum, nullable)', s.enum([], { nullable: true }), 'null'],
    ['array of union', s.array(s.union([s.string(), s.number()])), '(string | number)[]'],
    ['nullable array', s.array(s.string(), { nullable: true }), 'string[] | null'],
    [
      'tuple with rest, no minItems: elements optional (D31)',
      s.array(s.number(), { prefixItems: [s.string(), s.boolean()] }),
      '[string?, boolean?, ...number[]]',
    ],
    ['tuple with rest and minItems', s.array(s.number(), { prefixItems: [s.string(), s.boolean()], minItems: 2 }), '[string, boolean, ...number[]]'],
    ['closed tuple with optional tail', s.array(undefined, { prefixItems: [s.string(), s.boolean()], minItems: 1 }), '[string, boolean?]'],
    ['union absorbs duplicates', s.union([s.string(), s.string(), s.ref('Pet')]), 'string | Pet'],
    ['union with unknown is unknown', s.union([s.string(), s.unknown()]), 'unknown'],
    ['intersection', s.allOf([s.ref('Pet'), s.object([prop('extra', s.string(), true)])]), 'Pet & {\nextra: string;\n}'],
    ['nullable intersection', s.allOf([s.ref('Pet'), s.ref('Loose')], { nullable: true }), 'Pet & Loose | null'],
    ['ref in response direction', s.ref('Image'), 'Image'],
  ];
  it.each(cases)('%s', (_name, schema, want) => {
    expect(render(schema)).toBe(want);
  });

  it('uses the request variant in the request direction, and imports it', () => {
    const scope = new ImportScope('src/shared.ts');
    expect(typeText(renderSchema(s.ref('Image'), { api: model, scope, direction: 'request' }))).toBe('ImageRequest');
    expect(scope.declarations()).toEqual([expect.objectContaining({ typeOnly: true, from: './images.js', names: [{ name: 'ImageRequest' }] })]);
  });

  it('discriminator: adds the mapping literal only where the member does not pin it (case-04)', () => {
    const union = s.union([s.ref('KindTask'), s.ref('Loose'), s.ref('Other')], {
      discriminator: {
        propertyName: 'kind',
        mapping: [
          { value: 'task', target: 'KindTask', implicit: true },
          { value: 'loose', target: 'Loose', implicit: false },
          { value: 'other-a', target: 'Other', implicit: false },
          { value: 'other-b', target: 'Other', implicit: false },
        ],
      },
    });
    expect(render(union)).toBe('KindTask | Loose & { kind: "loose" } | Other & { kind: "other-a" | "other-b" }');
    const pinned = s.union([s.ref('TaskCard')], {
      discriminator: { propertyName: 'cardType', mapping: [{ value: 'task', target: 'TaskCard', implicit: true }] },
    });
    expect(render(pinned)).toBe('TaskCard');
  });
});

describe('objects', () => {
  const ctx = (direction: RenderContext['direction']): RenderContext => ({ api: model, scope: new ImportScope('src/shared.ts'), direction });
  const shape = (schema: Schema, direction: RenderContext['direction'] = 'response') =>
    typeText(objectType(objectShape(schema as Extract<Schema, { kind: 'object' }>, ctx(direction))));

  // case-08: additionalProperties true / false / {} / typed, with and without properties.
  const table: Array<[string, Schema, string]> = [
    ['no properties, unsaid', s.object([]), 'Record<string, unknown>'],
    ['no properties, false', s.object([], { additionalProperties: false }), 'Record<string, never>'],
    ['no properties, true', s.object([], { additionalProperties: s.unknown() }), 'Record<string, unknown>'],
    ['no properties, typed', s.object([], { additionalProperties: s.integer() }), 'Record<string, number>'],
    ['properties, unsaid', s.object([prop('a', s.string(), true)]), '{\na: string;\n}'],
    ['properties, false', s.object([prop('a', s.string(), true)], { additionalProperties: false }), '{\na: string;\n}'],
    ['properties, true', s.object([prop('a', s.string(), true)], { additionalProperties: s.unknown() }), '{\na: string;\n[key: string]: unknown;\n}'],
    [
      'properties, typed: index admits every property type',
      s.object([prop('title', s.string(), true), prop('pages', s.integer())], { additionalProperties: s.object([]) }),
      '{\ntitle: string;\npages?: number;\n[key: string]: Record<string, unknown> | string | number | undefined;\n}',
    ],
    [
      'patternProperties',
      s.object([prop('id', s.string(), true)], {
        patternProperties: [
          { pattern: '^x-', schema: s.string() },
          { pattern: '^n_', schema: s.number() },
        ],
      }),
      '{\nid: string;\n[key: string]: string | number;\n}',
    ],
    ['requiredOnly names', s.object([], { requiredOnly: ['email'] }), '{\n/** Listed in `required` without a schema. */\nemail: unknown;\n}'],
    ['quoted wire names', s.object([prop('project.id', s.string(), true), prop('class', s.string())]), '{\n"project.id": string;\nclass?: string;\n}'],
  ];
  it.each(table)('%s', (_name, schema, want) => {
    expect(shape(schema)).toBe(want);
  });

  it('request direction drops readOnly and makes defaulted properties optional; response drops writeOnly', () => {
    const schema = s.object([
      prop('id', s.string({ readOnly: true }), true, { readOnly: true }),
      prop('secret', s.string({ writeOnly: true }), true, { writeOnly: true }),
      prop('theme', s.string({ default: 'light' }), true),
    ]);
    expect(shape(schema, 'request')).toBe('{\nsecret: string;\n/** @default "light" */\ntheme?: string;\n}');
    expect(shape(schema, 'response')).toBe('{\nid: string;\n/** @default "light" */\ntheme: string;\n}');
  });
});
