/**
 * Prints the nodes of `nodes.ts` and `code.ts` in their final shape: the layout prettier 3 gives
 * them with the repository's style (print width 100, single quotes, trailing commas, semicolons,
 * two spaces). Each construct becomes the document prettier's TypeScript printer builds for it (the
 * same groups, indentation and line kinds: `print-types.ts`, `print-expressions.ts`,
 * `print-functions.ts`), and `doc.ts` lays documents out as prettier's document printer does;
 * quotes, keys and numbers are normalized as prettier normalizes them (`literals.ts`). Nothing is
 * parsed.
 *
 * The identity with prettier is a test: generator/test/emit/printer-identity.test.ts runs prettier
 * over the printed files of every fixture and expects no change.
 */
import { type Doc, group, hardline, ifBreak, indent, indentIfBreak, join, line, printDoc } from './doc.js';
import { printString } from './literals.js';
import type { Specifier, Statement, TypeNode } from './nodes.js';
import { docsDoc } from './print-comments.js';
import { assignmentDoc } from './print-expressions.js';
import { blockDoc, classBodyDoc, signatureDoc } from './print-functions.js';
import { hugs, memberDoc, typeDoc, unionDoc } from './print-types.js';

export const PRINT_WIDTH = 100;

/** A source file: statements one after the other, a blank line between them but between imports and between re-exports. */
export function printFile(statements: readonly Statement[]): string {
  const section = (s: Statement): string =>
    s.kind === 'import' || s.kind === 'import-namespace' ? 'import' : s.kind === 'export' || s.kind === 'export-all' ? 'export' : s.kind;
  let out = '';
  statements.forEach((statement, i) => {
    if (i > 0) {
      const kind = section(statement);
      out += (kind === 'import' || kind === 'export') && section(statements[i - 1]!) === kind ? '\n' : '\n\n';
    }
    out += printStatement(statement);
  });
  return `${out}\n`;
}

/** One top-level statement, without the line break after it, in `width` columns (default {@link PRINT_WIDTH}). */
export function printStatement(statement: Statement, width = PRINT_WIDTH): string {
  if (statement.kind === 'text') return statement.text;
  return printDoc(statementDoc(statement), width);
}

function statementDoc(s: Exclude<Statement, { kind: 'text' }>): Doc {
  switch (s.kind) {
    case 'import':
      return ['import', s.typeOnly ? ' type' : '', ' ', specifiersDoc(s.names), ' from ', printString(JSON.stringify(s.from)), ';'];
    case 'import-namespace':
      return ['import * as ', s.name, ' from ', printString(JSON.stringify(s.from)), ';'];
    case 'export':
      return ['export', s.typeOnly ? ' type' : '', ' ', specifiersDoc(s.names), ' from ', printString(JSON.stringify(s.from)), ';'];
    case 'export-all':
      return ['export', s.typeOnly ? ' type' : '', ' * from ', printString(JSON.stringify(s.from)), ';'];
    case 'interface': {
      const heritage: Doc = s.extends === undefined ? '' : [' extends ', typeDoc(s.extends, 'other')];
      const body: Doc =
        s.members.length === 0
          ? '{}'
          : [
              '{',
              indent([
                hardline,
                join(
                  hardline,
                  s.members.map((m) => [memberDoc(m), ';']),
                ),
              ]),
              hardline,
              '}',
            ];
      return [docsDoc(s.docs), exported(s), 'interface ', s.name, heritage, ' ', body];
    }
    case 'alias':
      return [docsDoc(s.docs), aliasDoc(`${exported(s)}type ${s.name}`, s.type), ';'];
    case 'const': {
      const left: Doc = s.type === undefined ? s.name : [s.name, ': ', typeDoc(s.type, 'annotation')];
      const declarator = assignmentDoc(left, ' =', s.init, { kind: 'declarator' }, s.type !== undefined ? { type: s.type } : {});
      return [docsDoc(s.docs), exported(s), group(['const ', declarator, ';'])];
    }
    case 'function':
      return [docsDoc(s.docs), exported(s), 'function ', s.name, signatureDoc(undefined, s.params, s.returns), ' ', blockDoc(s.body)];
    case 'class':
      return [docsDoc(s.docs), exported(s), 'class ', s.name, s.extends === undefined ? '' : ` extends ${s.extends}`, ' ', classBodyDoc(s.members)];
  }
}

const exported = (s: { exported: boolean }): string => (s.exported ? 'export ' : '');

/** `{ a, b as c, type d }`: one name stays inside spaced braces, more break one a line when too long. */
function specifiersDoc(names: readonly Specifier[]): Doc {
  const specifiers = names.map((n) => `${n.typeOnly === true ? 'type ' : ''}${n.name}${n.alias !== undefined && n.alias !== n.name ? ` as ${n.alias}` : ''}`);
  if (specifiers.length === 0) return '{}';
  if (specifiers.length === 1) return `{ ${specifiers[0]!} }`;
  return group(['{', indent([line, join([',', line], specifiers)]), ifBreak(','), line, '}']);
}

/** `left = type` as prettier's `printAssignment` lays out a type alias. */
function aliasDoc(left: string, type: TypeNode): Doc {
  if (type.kind === 'union' && !hugs(type)) {
    // "break-after-operator"
    return group([left, ' =', group(indent([line, unionDoc(type, 'assignment')]))]);
  }
  // "fluid"
  const id = Symbol('assignment');
  return group([left, ' =', group(indent(line), { id }), indentIfBreak(typeDoc(type, 'other'), { groupId: id })]);
}
