/**
 * Prints ts-morph structures to text without parsing: the types package's kinds with
 * `direct-print.ts` (ts-morph's text, faster), everything else with ts-morph's `printStructure`
 * (design.md measured it at about 2.7 MB/s). The output is valid but unformatted TypeScript:
 * prettier formats it in the write stage.
 *
 * With `SDKGEN_CHECK_PRINT=1` in the environment (the test suite sets it), every file the direct
 * printer prints is printed by ts-morph too, and a difference throws.
 */
import { createRequire } from 'node:module';
import type { SourceFileStructure, StatementStructures, WriterFunction } from 'ts-morph';
import { BLANK_LINE, printDirect } from './direct-print.js';
import { StructureKind } from './structure-kind.js';

/** Statements of a file, as structures or raw text (comments, the banner). */
export type Statement = string | StatementStructures;

const blankLine: WriterFunction = (writer) => {
  writer.blankLineIfLastNot();
};

function isImport(statement: Statement): boolean {
  return typeof statement !== 'string' && statement.kind === StructureKind.ImportDeclaration;
}

/**
 * Prints one source file from its statements: one blank line between statements (imports stay
 * together); the result ends with a single newline.
 */
export function printSourceFile(statements: Statement[]): string {
  const spaced: Array<Statement | typeof BLANK_LINE> = [];
  statements.forEach((statement, i) => {
    if (i > 0 && !(isImport(statement) && isImport(statements[i - 1] as Statement))) spaced.push(BLANK_LINE);
    spaced.push(statement);
  });
  const direct = printDirect(spaced);
  if (direct !== undefined && CHECK) {
    const viaTsMorph = printWithTsMorph(spaced);
    if (viaTsMorph !== direct) throw new Error(`direct-print.ts differs from ts-morph's printStructure at ${firstDifference(direct, viaTsMorph)}`);
  }
  return trimEnd(direct ?? printWithTsMorph(spaced));
}

const CHECK = process.env['SDKGEN_CHECK_PRINT'] === '1';

function printWithTsMorph(spaced: ReadonlyArray<Statement | typeof BLANK_LINE>): string {
  const structure: SourceFileStructure = { kind: StructureKind.SourceFile, statements: spaced.map((s) => (s === BLANK_LINE ? blankLine : s)) };
  return tsMorph().printStructure(structure, { indentNumberOfSpaces: 2, newLine: '\n' });
}

/**
 * ts-morph, loaded when first needed (it loads the TypeScript compiler: ~0.5 s), synchronously (it
 * is a CommonJS package). A types package printed by the direct printer never needs it.
 */
function tsMorph(): typeof import('ts-morph') {
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

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `offset ${i}: direct ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))}, ts-morph ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}
