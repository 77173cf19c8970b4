/**
 * The direct printer (src/emit/direct-print.ts) must give ts-morph's `printStructure` text for every
 * statement it takes, and take nothing else. The test suite also checks every file the generator
 * prints (SDKGEN_CHECK_PRINT=1, vitest.config.ts); these are the awkward shapes on purpose: multi-line
 * types under hanging indentation, comments and strings that change code-block-writer's state,
 * template literals across lines, lone carriage returns, empty interfaces and comments.
 */
import {
  type ImportDeclarationStructure,
  type InterfaceDeclarationStructure,
  printStructure,
  type SourceFileStructure,
  StructureKind,
  type TypeAliasDeclarationStructure,
  type WriterFunction,
} from 'ts-morph';
import { describe, expect, test } from 'vitest';
import { BLANK_LINE, printDirect } from '../../src/emit/direct-print.js';

type Statement = string | typeof BLANK_LINE | ImportDeclarationStructure | InterfaceDeclarationStructure | TypeAliasDeclarationStructure;

const blankLine: WriterFunction = (writer) => {
  writer.blankLineIfLastNot();
};

function viaTsMorph(statements: Statement[]): string {
  const structure: SourceFileStructure = { kind: StructureKind.SourceFile, statements: statements.map((s) => (s === BLANK_LINE ? blankLine : s)) };
  return printStructure(structure, { indentNumberOfSpaces: 2, newLine: '\n' });
}

const alias = (name: string, type: string, docs?: string[]): TypeAliasDeclarationStructure => ({
  kind: StructureKind.TypeAlias,
  name,
  isExported: true,
  type,
  ...(docs ? { docs } : {}),
});

const iface = (name: string, members: Array<{ name: string; type: string; docs?: string[]; optional?: boolean; readonly?: boolean }>, extra: Partial<InterfaceDeclarationStructure> = {}): InterfaceDeclarationStructure => ({
  kind: StructureKind.Interface,
  name,
  isExported: true,
  properties: members.map((m) => ({
    kind: StructureKind.PropertySignature,
    name: m.name,
    type: m.type,
    ...(m.docs ? { docs: m.docs } : {}),
    ...(m.optional ? { hasQuestionToken: true } : {}),
    ...(m.readonly ? { isReadonly: true } : {}),
  })),
  ...extra,
});

const cases: Array<[string, Statement[]]> = [
  ['a banner, imports and a blank line', ['// Generated: `pnpm generate`.', { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './a.js', namedImports: [{ name: 'A' }, { name: 'B', alias: 'C' }] }, { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './b"q.js', namedImports: [{ name: 'D' }] }, BLANK_LINE, alias('X', 'A | C')]],
  ['multi-line object types under hanging indentation', [iface('Pet', [{ name: 'nested', type: '{\n  a: string;\n  /** The user\'s "name". */\n  b?: {\n    c: number;\n  };\n}' }, { name: "'wire-name'", type: 'string | null', optional: true, readonly: true }])]],
  ['TSDoc: single line, several lines, blank lines, tags, empty', [alias('A', 'string', ['One line.']), BLANK_LINE, alias('B', 'number', ['Title\n\nDescription with `code` and a URL https://x.example/a//b\n@default "x"\n@deprecated']), BLANK_LINE, alias('C', 'boolean', ['']), BLANK_LINE, alias('D', 'null', ['\nStarts with a newline'])]],
  ['strings and comments that change the writer state', [alias('S', "'it\\'s' | \"a/b\" | '//' | '/*'"), BLANK_LINE, alias('T', '{\n  /** it\'s a `tick */\n  a: "x\\\\";\n  b: 1;\n}')]],
  ['a template literal type across lines is not indented', [alias('Tpl', '`a\nb${string}\nc` | {\n  x: 1;\n}'), BLANK_LINE, iface('After', [{ name: 'y', type: '{\n  z: 2;\n}' }])]],
  ['a lone carriage return and CRLF in text', [alias('R', "'a\rb'", ['Line one\r\nLine two\rstill two'])]],
  ['empty interface, index signature before properties, interface after a type', [iface('Empty', []), alias('Next', 'Empty'), iface('Map', [{ name: 'known', type: 'string' }], { indexSignatures: [{ kind: StructureKind.IndexSignature, keyName: 'key', keyType: 'string', returnType: '{\n  v: unknown;\n}', docs: ['Any other key.'] }] }), iface('OnlyIndex', [], { indexSignatures: [{ kind: StructureKind.IndexSignature, returnType: 'number' }] })]],
  ['a regular expression look-alike outside strings', ['const r = a / b / c;', BLANK_LINE, alias('U', '{\n  a: 1;\n}')]],
];

describe('printDirect gives printStructure’s text', () => {
  test.each(cases)('%s', (_name, statements) => {
    expect(printDirect(statements)).toBe(viaTsMorph(statements));
  });
});

describe('printDirect takes only the shapes it knows', () => {
  const withWriter: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: 'W',
    properties: [{ kind: StructureKind.PropertySignature, name: 'a', type: (w) => w.write('string') }],
  };
  test.each<[string, unknown[]]>([
    ['a writer function', [blankLine]],
    ['a type given as a writer function', [withWriter]],
    ['type parameters', [{ ...alias('G', 'T[]'), typeParameters: ['T'] }]],
    ['extends', [{ ...iface('E', []), extends: ['Base'] }]],
    ['a JSDoc structure', [{ ...alias('J', 'string'), docs: [{ kind: StructureKind.JSDoc, description: 'x' }] }]],
    ['a class', [{ kind: StructureKind.Class, name: 'K' }]],
    ['leading trivia', [{ ...alias('L', 'string'), leadingTrivia: '// x' }]],
  ])('%s: undefined (ts-morph prints it)', (_name, statements) => {
    expect(printDirect(statements)).toBeUndefined();
  });
});
