/**
 * The document printer: prettier's own (`prettier/doc`, its builders and `printDocToString`), so that a
 * document the TypeScript printer builds lays out exactly as prettier lays out the same document: a
 * group is printed flat when it fits in the rest of the line (up to the next possible line break
 * after it), else broken; hard lines break every group around them up to the nearest conditional
 * group. This module only names the commands the printer uses and adds the two it shares.
 */
import { builders, printer, utils } from 'prettier/doc';

export type Doc = builders.Doc;

export const { align, breakParent, conditionalGroup, fill, group, hardline, ifBreak, indent, indentIfBreak, join, line, softline } = builders;
export const { canBreak, willBreak } = utils;

/**
 * A hard line that keeps the spaces before it (a Markdown line break in JSDoc): prettier's
 * `literalline`, which starts the next line at the indentation {@link markAsRoot} marked.
 */
export const { literalline: keepTrailingHardline, markAsRoot } = builders;

/** Lays `doc` out in `printWidth` columns, two spaces an indentation level, `\n` line ends. */
export function printDoc(doc: Doc, printWidth: number): string {
  return printer.printDocToString(doc, { printWidth, tabWidth: 2 }).formatted;
}

const NOT_ASCII = /[^\x20-\x7f]/;
const ZERO_WIDTH = /[\p{Nonspacing_Mark}\p{Enclosing_Mark}]/u;
const EMOJI = /\p{Extended_Pictographic}/u;

/**
 * The display width of a text as prettier measures it: ASCII one column a character; control
 * characters and combining marks none; East Asian wide and full-width characters and emoji two.
 */
export function stringWidth(text: string): number {
  if (!NOT_ASCII.test(text)) return text.length;
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code <= 31 || (code >= 127 && code <= 159)) continue;
    if (ZERO_WIDTH.test(character)) continue;
    width += isWide(code) || (code > 0xff && EMOJI.test(character)) ? 2 : 1;
  }
  return width;
}

/** East Asian Wide (W) and Fullwidth (F) ranges, the common blocks. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
