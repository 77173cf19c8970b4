/**
 * Prints the client emitter's ts-morph structures to text with ts-morph's `printStructure` (measured
 * at about 2.7 MB/s when the generator was planned). The output is valid but unformatted TypeScript: prettier formats it
 * in the write stage. (The types package does not come here: emit/ts/printer.ts prints it in its
 * final shape.)
 */
import { createRequire } from 'node:module';
import type { SourceFileStructure, StatementStructures, WriterFunction } from 'ts-morph';

/** Statements of a file, as structures or raw text (comments, the banner). */
export type Statement = string | StatementStructures;

const blankLine: WriterFunction = (writer) => {
  writer.blankLineIfLastNot();
};

/**
 * Prints one source file from its statements: one blank line between statements (imports stay
 * together); the result ends with a single newline.
 */
export function printSourceFile(statements: Statement[]): string {
  const tsMorph = loadTsMorph();
  const isImport = (statement: Statement): boolean => typeof statement !== 'string' && statement.kind === tsMorph.StructureKind.ImportDeclaration;
  const spaced: Array<Statement | WriterFunction> = [];
  statements.forEach((statement, i) => {
    if (i > 0 && !(isImport(statement) && isImport(statements[i - 1] as Statement))) spaced.push(blankLine);
    spaced.push(statement);
  });
  const structure: SourceFileStructure = { kind: tsMorph.StructureKind.SourceFile, statements: spaced };
  return trimEnd(tsMorph.printStructure(structure, { indentNumberOfSpaces: 2, newLine: '\n' }));
}

/**
 * ts-morph, loaded when first needed (it loads the TypeScript compiler: ~0.5 s), synchronously (it
 * is a CommonJS package): only the client emitter prints through it.
 */
function loadTsMorph(): typeof import('ts-morph') {
  loaded ??= createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
  return loaded;
}
let loaded: typeof import('ts-morph') | undefined;

/** The text with trailing white space replaced by one newline. */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return `${text.slice(0, end)}\n`;
}
