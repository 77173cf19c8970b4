/**
 * Code fences and ATX headings of Markdown, as CommonMark (and prettier's Markdown parser) reads them, for the modules that walk
 * Markdown line by line: the README's recipes (readme-extras.ts), its heading anchors (emit/client/readme-anchors.ts),
 * and the tables and final blocks kept away from prettier (write/format.ts, write/markdown-blocks.ts). A fence opens
 * with a line of three or more backticks or tildes after at most three spaces (an info string may follow), and closes
 * with a line of the same character, at least as long, with nothing after it but spaces; one left open runs to the end.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * An ATX heading line (outside a fence): up to three spaces, one to six `#` (group 1), then spaces and the text (group
 * 2), then an optional closing sequence of `#` after a space; group 2 is undefined for a heading without text (`#`,
 * `## ##`). A `#` with no space before it is text (`## C#`).
 */
export const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$/;

/** Whether `line` opens or may close a code fence. */
export function isFenceLine(line: string): boolean {
  return FENCE.test(line);
}

/**
 * The fence open after `line`, given `open`, the one open before it (undefined outside a fence): a fence line outside a
 * fence opens one (its marker is returned), the closing line of the open fence closes it, anything else changes nothing.
 */
export function fenceAfter(open: string | undefined, line: string): string | undefined {
  const marker = FENCE.exec(line)?.[1];
  if (marker === undefined) return open;
  if (open === undefined) return marker;
  return marker[0] === open[0] && marker.length >= open.length && line.trim() === marker ? undefined : open;
}
