/**
 * One named component schema → its exported declaration(s): the main (response) shape, and the
 * request variant when the model named one ({@link NamedSchema.requestIdentifier}).
 *
 * A plain, non-nullable object becomes `export interface X { … }`; everything else
 * `export type X = …`.
 */
import type { IndexSignatureDeclarationStructure, InterfaceDeclarationStructure, PropertySignatureStructure, TypeAliasDeclarationStructure } from 'ts-morph';
import { StructureKind } from '../structure-kind.js';
import type { Api, Docs, NamedSchema } from '../../model/types.js';
import { propertyKey } from '../text.js';
import { jsDocStructures } from '../tsdoc.js';
import { type Direction, objectShape, renderSchema } from './render.js';
import type { FileScope } from './scope.js';

export type Declaration = InterfaceDeclarationStructure | TypeAliasDeclarationStructure;

function schemaDocs(named: NamedSchema): Docs {
  const { title, summary, description, deprecated, inferred, default: def, examples, format, constraints, externalDocsUrl } =
    named.schema;
  const docs: Docs = {};
  if (title !== undefined) docs.title = title;
  if (summary !== undefined) docs.summary = summary;
  if (description !== undefined) docs.description = description;
  if (deprecated !== undefined) docs.deprecated = deprecated;
  if (inferred !== undefined) docs.inferred = inferred;
  if (def !== undefined) docs.default = def;
  if (examples !== undefined) docs.examples = examples;
  if (format !== undefined) docs.format = format;
  if (constraints !== undefined) docs.constraints = constraints;
  if (externalDocsUrl !== undefined) docs.externalDocsUrl = externalDocsUrl;
  return docs;
}

/** Lines documenting named enum values (`x-enum-varnames` / `x-enum-descriptions`). */
export function enumValueLines(schema: NamedSchema['schema']): string[] {
  if (schema.kind !== 'enum' || (schema.varNames === undefined && schema.valueDescriptions === undefined)) return [];
  const lines = ['Values:'];
  schema.values.forEach((value, i) => {
    const name = schema.varNames?.[i];
    const description = schema.valueDescriptions?.[i];
    lines.push(
      `- \`${JSON.stringify(value)}\`${name === undefined ? '' : ` (${name})`}${description === undefined ? '' : `: ${description}`}`,
    );
  });
  return lines;
}

/** Declaration of `named` in one direction under the given identifier. */
function declare(
  api: Api,
  scope: FileScope,
  named: NamedSchema,
  name: string,
  direction: Direction,
  extraLines: string[],
): Declaration {
  const ctx = { api, scope, direction };
  const docs = jsDocStructures(schemaDocs(named), {
    lines: [...enumValueLines(named.schema), ...extraLines],
    source: named.pointer,
  });
  const schema = named.schema;
  if (schema.kind === 'object' && !schema.nullable) {
    const shape = objectShape(schema, ctx);
    if (shape.members.length > 0) {
      const properties: PropertySignatureStructure[] = shape.members.map((m) => ({
        kind: StructureKind.PropertySignature,
        name: propertyKey(m.name),
        type: m.type,
        hasQuestionToken: m.optional,
        docs: jsDocStructures(m.docs),
      }));
      const indexSignatures: IndexSignatureDeclarationStructure[] =
        shape.indexValue === undefined
          ? []
          : [{ kind: StructureKind.IndexSignature, keyName: 'key', keyType: 'string', returnType: shape.indexValue }];
      return { kind: StructureKind.Interface, name, isExported: true, docs, properties, indexSignatures };
    }
  }
  return { kind: StructureKind.TypeAlias, name, isExported: true, docs, type: renderSchema(schema, ctx).text };
}

/** The declarations of one named schema, main shape first. */
export function schemaDeclarations(api: Api, scope: FileScope, named: NamedSchema): Declaration[] {
  const out: Declaration[] = [];
  const hasVariant = named.requestIdentifier !== undefined;
  out.push(
    declare(api, scope, named, named.identifier, 'response', hasVariant ? [`Request shape: {@link ${named.requestIdentifier}}.`] : []),
  );
  if (hasVariant) {
    out.push(
      declare(api, scope, named, named.requestIdentifier as string, 'request', [
        `Request shape of {@link ${named.identifier}}: read-only properties left out, write-only ones kept, defaulted ones optional.`,
      ]),
    );
  }
  return out;
}
