/**
 * One named component schema → its exported declaration(s): the main (response) shape, and the
 * request variant when the model named one ({@link NamedSchema.requestIdentifier}).
 *
 * A plain, non-nullable object becomes `export interface X { … }`; everything else
 * `export type X = …`.
 */
import { pickDocs } from '../../model/queries.js';
import type { Api, NamedSchema } from '../../model/types.js';
import type { Statement } from '../ts/nodes.js';
import { jsDocComment } from '../tsdoc.js';
import { type Direction, objectMembers, objectShape, renderSchema } from './render.js';
import type { ImportScope } from '../imports.js';

export type Declaration = Extract<Statement, { kind: 'interface' | 'alias' }>;

/** Lines documenting named enum values (`x-enum-varnames` / `x-enum-descriptions`). */
export function enumValueLines(schema: NamedSchema['schema']): string[] {
  if (schema.kind !== 'enum' || (schema.varNames === undefined && schema.valueDescriptions === undefined)) return [];
  const lines = ['Values:'];
  schema.values.forEach((value, i) => {
    const name = schema.varNames?.[i];
    const description = schema.valueDescriptions?.[i];
    lines.push(`- \`${JSON.stringify(value)}\`${name === undefined ? '' : ` (${name})`}${description ? `: ${description}` : ''}`);
  });
  return lines;
}

/** Declaration of `named` in one direction under the given identifier. */
function declare(api: Api, scope: ImportScope, named: NamedSchema, name: string, direction: Direction, extraLines: string[]): Declaration {
  const ctx = { api, scope, direction };
  const docs = jsDocComment(pickDocs(named.schema), {
    lines: [...enumValueLines(named.schema), ...extraLines],
    source: named.pointer,
  });
  const schema = named.schema;
  if (schema.kind === 'object' && !schema.nullable) {
    const shape = objectShape(schema, ctx);
    if (shape.members.length > 0) {
      // ts-morph printed an interface's index signature before its properties.
      const members = objectMembers(shape, 'structure');
      const index = members.filter((m) => m.kind === 'index');
      return { kind: 'interface', name, exported: true, ...withDocs(docs), members: [...index, ...members.filter((m) => m.kind !== 'index')] };
    }
  }
  return { kind: 'alias', name, exported: true, ...withDocs(docs), type: renderSchema(schema, ctx) };
}

export function withDocs(docs: string | undefined): { docs?: string } {
  return docs === undefined ? {} : { docs };
}

/** The declarations of one named schema, main shape first. */
export function schemaDeclarations(api: Api, scope: ImportScope, named: NamedSchema): Declaration[] {
  const out: Declaration[] = [];
  const hasVariant = named.requestIdentifier !== undefined;
  out.push(declare(api, scope, named, named.identifier, 'response', hasVariant ? [`Request shape: \`${named.requestIdentifier}\`.`] : []));
  if (hasVariant) {
    out.push(
      declare(api, scope, named, named.requestIdentifier as string, 'request', [
        `Request shape of \`${named.identifier}\`: read-only properties left out, write-only ones kept, defaulted ones optional.`,
      ]),
    );
  }
  return out;
}
