/**
 * Blocks of generated Markdown that prettier's Markdown printer leaves exactly as they are, taken out
 * before prettier runs (like the tables of format.ts's `extractTables`) and put back after it. Most of
 * a large api.md or README is such blocks (a heading, a one-line paragraph, a list of one-line
 * items, made of code spans and plain words); prettier's cost grows with the text it parses, so what
 * it still formats is the prose around them and the code blocks (docs/decisions.md D42).
 *
 * A block is a run of non-blank lines outside code fences. It is taken out only when prettier 3
 * (`proseWrap: "preserve"`) prints it byte for byte:
 * - one ATX heading (`#` to `######`, one space, then inline text), or one paragraph line (starting
 *   with a letter or a code span), or a tight list of `- ` items of one line each;
 * - its inline text is code spans (one backtick each side, no backtick inside, not starting or ending
 *   with a space) and plain runs of ASCII letters, digits, spaces and `,.;:()'-` with no double space,
 *   no `:` before a non-space (no autolink) and no word made only of `-` (prettier escapes those);
 * - a list's neighbouring blocks are not lists (prettier alternates `-` and `*` between adjacent
 *   lists, so taking one out could change the next one's marker).
 * Runs of such blocks separated by exactly one blank line (and the table placeholders among them)
 * become one placeholder. The corpus identity tests compare the result with prettier over the whole
 * file (generator/test/write/markdown-blocks.test.ts, bench/test/printer-identity.test.ts).
 */

import { fenceAfter, isFenceLine } from '../markdown-lines.js';

/** A skeleton with the final blocks replaced by placeholder lines, and the blocks' texts. */
export interface FinalBlocks {
  skeleton: string;
  /** The texts of the runs of final blocks, in order (`\n`-joined lines). */
  blocks: string[];
}

const placeholder = (i: number): string => `<!-- sdkgen:final:${i} -->`;
const PLACEHOLDER = /^<!-- sdkgen:final:(\d+) -->$/;
/** A placeholder of format.ts's table extraction: an HTML comment prettier keeps as it is. */
const TABLE_PLACEHOLDER = /^<!-- sdkgen:table:\d+ -->$/;
/** Openers of HTML blocks that run across blank lines until their end marker (CommonMark types 1–5). */
const OPEN_HTML = /^ {0,3}<(?:script|pre|style|textarea|!--|\?|![A-Za-z]|!\[CDATA\[)/i;
const LIST_START = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** An HTML block that may run across blank lines: any of types 1–5 but a comment closed on its line. */
function opensLongHtml(line: string): boolean {
  if (!OPEN_HTML.test(line)) return false;
  const comment = line.indexOf('<!--');
  return comment < 0 || comment > 3 || !line.includes('-->', comment + 4);
}

const CODE_SPAN = /^`([^`\n]+)`/;
const PLAIN = /^[A-Za-z0-9 ,.;:()'-]+/;

/** True when `text` is inline content prettier prints unchanged (see the module comment). */
export function isFinalInline(text: string): boolean {
  if (text === '' || text !== text.trim() || text.includes('  ')) return false;
  let rest = text;
  while (rest !== '') {
    const code = CODE_SPAN.exec(rest);
    if (code !== null) {
      const inner = code[1]!;
      if (inner.startsWith(' ') || inner.endsWith(' ')) return false;
      rest = rest.slice(code[0].length);
      continue;
    }
    const plain = PLAIN.exec(rest);
    if (plain === null) return false;
    const run = plain[0];
    if (/:\S/.test(run) || run.split(' ').some((word) => /^[-=]+$/.test(word))) return false;
    rest = rest.slice(run.length);
    // A `:` right before a code span would read as a scheme-like word to the autolink tokenizer.
    if (rest !== '' && run.endsWith(':')) return false;
  }
  return true;
}

/** The kind of a block prettier prints unchanged, or undefined. */
function finalKind(lines: readonly string[]): 'heading' | 'paragraph' | 'list' | 'placeholder' | undefined {
  if (lines.length === 1) {
    const line = lines[0]!;
    if (TABLE_PLACEHOLDER.test(line)) return 'placeholder';
    const heading = /^#{1,6} (.*)$/.exec(line);
    if (heading !== null) return isFinalInline(heading[1]!) ? 'heading' : undefined;
    if (/^[A-Za-z`]/.test(line) && isFinalInline(line)) return 'paragraph';
  }
  if (lines.every((line) => line.startsWith('- ') && /^[A-Za-z`]/.test(line.slice(2)) && isFinalInline(line.slice(2)))) return 'list';
  return undefined;
}

interface Block {
  /** Index of the first line; lines `start`…`end - 1`. */
  start: number;
  end: number;
  kind: ReturnType<typeof finalKind>;
}

/**
 * Takes the final blocks (see the module comment) out of Markdown whose tables are already out;
 * returns the text as it is (no blocks) when it holds an HTML block that could run across blank
 * lines, or a placeholder of this kind.
 */
export function extractFinalBlocks(text: string): FinalBlocks {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length;) {
    if (lines[i] === '') {
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && (lines[i] !== '' || fence !== undefined)) {
      const line = lines[i]!;
      if (isFenceLine(line)) fence = fenceAfter(fence, line);
      else if (fence === undefined && (PLACEHOLDER.test(line) || opensLongHtml(line))) return { skeleton: text, blocks: [] };
      i++;
    }
    const body = lines.slice(start, i);
    const hasFence = body.some(isFenceLine);
    blocks.push({ start, end: i, kind: hasFence ? undefined : finalKind(body) });
  }
  // A list next to another list keeps its place (prettier's marker alternation).
  const isList = (b: Block | undefined): boolean => b !== undefined && LIST_START.test(lines[b.start]!);
  const final = blocks.map((b, k) => b.kind !== undefined && !(b.kind === 'list' && (isList(blocks[k - 1]) || isList(blocks[k + 1]))));

  const out: string[] = [];
  const texts: string[] = [];
  let at = 0;
  for (let k = 0; k < blocks.length;) {
    if (!final[k]) {
      k++;
      continue;
    }
    // A run: final blocks separated by exactly one blank line.
    let last = k;
    while (last + 1 < blocks.length && final[last + 1] && blocks[last + 1]!.start === blocks[last]!.end + 1) last++;
    const first = blocks[k]!;
    const end = blocks[last]!.end;
    // Only table placeholders: nothing to gain.
    if (!blocks.slice(k, last + 1).every((b) => b.kind === 'placeholder')) {
      out.push(...lines.slice(at, first.start), placeholder(texts.length));
      texts.push(lines.slice(first.start, end).join('\n'));
      at = end;
    }
    k = last + 1;
  }
  if (texts.length === 0) return { skeleton: text, blocks: [] };
  out.push(...lines.slice(at));
  return { skeleton: out.join('\n'), blocks: texts };
}

/**
 * Replaces each `<!-- sdkgen:<tag>:N -->` line of `formatted` with `pieces[N]`: how a Markdown skeleton gets back
 * what was taken out of prettier's input (tables, final blocks). Returns undefined if a placeholder did not come
 * back exactly once on a line of its own.
 */
export function restorePlaceholders(formatted: string, tag: string, pieces: readonly string[]): string | undefined {
  if (pieces.length === 0) return formatted;
  const marker = new RegExp(`^<!-- sdkgen:${tag}:(\\d+) -->$`);
  const lines = formatted.split('\n');
  const seen = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const match = marker.exec(lines[i]!);
    if (match === null) continue;
    const n = Number(match[1]);
    const piece = pieces[n];
    if (piece === undefined || seen.has(n)) return undefined;
    seen.add(n);
    lines[i] = piece;
  }
  return seen.size === pieces.length ? lines.join('\n') : undefined;
}

/** Puts the blocks of {@link extractFinalBlocks} back into the formatted skeleton (see {@link restorePlaceholders}). */
export function restoreFinalBlocks(formatted: string, blocks: readonly string[]): string | undefined {
  return restorePlaceholders(formatted, 'final', blocks);
}
