/**
 * A document printer: Wadler's "prettier printer" as prettier 3 implements it (its
 * `printDocToString`), for the subset of its document commands the TypeScript printer builds
 * (strings, concatenation, groups and conditional groups, fill, indent, align, line, soft and hard
 * lines, `ifBreak`, `indentIfBreak`). Built on the same commands with the same semantics, a document
 * lays out as prettier lays it out: a group is printed flat when it fits in the rest of the line (up
 * to the next possible line break after it), else broken; hard lines break every group around them
 * up to the nearest conditional group.
 */

export type Doc = string | Doc[] | Group | Indent | Align | Line | IfBreak | IndentIfBreak | Lines | Fill | BreakParent;

export interface Group {
  type: 'group';
  contents: Doc;
  /** Set by {@link group}'s `shouldBreak`, or by a hard line inside (see {@link propagateBreaks}). */
  break: boolean;
  id: symbol | undefined;
  /**
   * A conditional group's layouts, least expanded first (`contents` is the first): the first that
   * fits flat is taken, else the last, broken. Breaks inside do not propagate past it.
   */
  expandedStates?: readonly Doc[];
}
/** Breaks the group around it (up to a conditional group); prints nothing. */
interface BreakParent {
  type: 'break-parent';
}
/** Content and separators alternating: as many contents on a line as fit (prettier's `fill`). */
interface Fill {
  type: 'fill';
  parts: readonly Doc[];
}
interface Indent {
  type: 'indent';
  contents: Doc;
}
interface Align {
  type: 'align';
  n: number;
  contents: Doc;
}
interface Line {
  type: 'line';
  soft: boolean;
  hard: boolean;
  /** A hard line that keeps the spaces before it (prettier's `literalline` under `markAsRoot`). */
  keepTrailing: boolean;
}
/**
 * Lines of text, each after the first on a new line at the current indentation: what
 * `join(hardline, lines)` prints, as one node (a comment's lines). The lines carry no trailing
 * spaces to trim, except where `keep` is set (the line ends in spaces prettier keeps).
 */
interface Lines {
  type: 'lines';
  lines: readonly string[];
}
interface IfBreak {
  type: 'if-break';
  breakContents: Doc;
  flatContents: Doc;
  groupId: symbol | undefined;
}
interface IndentIfBreak {
  type: 'indent-if-break';
  contents: Doc;
  groupId: symbol;
}

export const line: Doc = { type: 'line', soft: false, hard: false, keepTrailing: false };
export const softline: Doc = { type: 'line', soft: true, hard: false, keepTrailing: false };
/** A line break that breaks every group around it. */
export const hardline: Doc = { type: 'line', soft: false, hard: true, keepTrailing: false };
/** A hard line that keeps trailing spaces on the line it ends (a Markdown line break in JSDoc). */
export const keepTrailingHardline: Doc = { type: 'line', soft: false, hard: true, keepTrailing: true };

/** prettier's `breakParent`: the group around it breaks. */
export const breakParent: Doc = { type: 'break-parent' };

export function group(contents: Doc, options: { shouldBreak?: boolean; id?: symbol } = {}): Group {
  return { type: 'group', contents, break: options.shouldBreak === true, id: options.id };
}
/**
 * prettier's `conditionalGroup`: the first of `states` that fits flat on the rest of the line, else
 * the last one broken.
 */
export function conditionalGroup(states: readonly Doc[]): Group {
  return { type: 'group', contents: states[0]!, break: false, id: undefined, expandedStates: states };
}
/** prettier's `fill`: `parts` alternate content and separator (a line); each separator breaks only when the next content does not fit. */
export function fill(parts: readonly Doc[]): Doc {
  return { type: 'fill', parts };
}
export function indent(contents: Doc): Doc {
  return { type: 'indent', contents };
}
export function align(n: number, contents: Doc): Doc {
  return { type: 'align', n, contents };
}
export function ifBreak(breakContents: Doc, flatContents: Doc = '', groupId?: symbol): Doc {
  return { type: 'if-break', breakContents, flatContents, groupId };
}
export function indentIfBreak(contents: Doc, groupId: symbol): Doc {
  return { type: 'indent-if-break', contents, groupId };
}
/** Text lines joined by hard lines (see {@link Lines}); each line after the first must not end in a space. */
export function lines(text: readonly string[]): Doc {
  return text.length === 1 ? text[0]! : { type: 'lines', lines: text };
}
export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  docs.forEach((d, i) => {
    if (i > 0) out.push(separator);
    out.push(d);
  });
  return out;
}

/** Whether a document holds a hard line or a broken group (a conditional group: in its first layout). */
export function willBreak(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) return doc.some(willBreak);
  switch (doc.type) {
    case 'line':
      return doc.hard;
    case 'group':
      return doc.break || willBreak(doc.contents);
    case 'if-break':
      return willBreak(doc.breakContents) || willBreak(doc.flatContents);
    case 'lines':
    case 'break-parent':
      return true;
    case 'fill':
      return doc.parts.some(willBreak);
    default:
      return willBreak(doc.contents);
  }
}

/** Whether a document holds a possible line break (prettier's `canBreak`). */
export function canBreak(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) return doc.some(canBreak);
  switch (doc.type) {
    case 'line':
    case 'lines':
      return true;
    case 'if-break':
      return canBreak(doc.breakContents) || canBreak(doc.flatContents);
    case 'fill':
      return doc.parts.some(canBreak);
    case 'break-parent':
      return false;
    default:
      return canBreak(doc.contents);
  }
}

/**
 * prettier's `propagateBreaks`: a group holding a hard line, or a broken group, breaks; a
 * conditional group stops the propagation (its layouts are chosen by width alone). Returns whether
 * `doc` breaks the group around it.
 */
function propagateBreaks(doc: Doc, visited: Set<Group> = new Set()): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) {
    let breaks = false;
    for (const d of doc) if (propagateBreaks(d, visited)) breaks = true;
    return breaks;
  }
  switch (doc.type) {
    case 'line':
      return doc.hard;
    case 'group': {
      if (!visited.has(doc)) {
        visited.add(doc);
        if (doc.expandedStates !== undefined) {
          for (const state of doc.expandedStates) propagateBreaks(state, visited);
        } else if (propagateBreaks(doc.contents, visited)) doc.break = true;
      }
      return doc.break;
    }
    case 'if-break': {
      const a = propagateBreaks(doc.breakContents, visited);
      const b = propagateBreaks(doc.flatContents, visited);
      return a || b;
    }
    case 'lines':
    case 'break-parent':
      return true;
    case 'fill': {
      let breaks = false;
      for (const d of doc.parts) if (propagateBreaks(d, visited)) breaks = true;
      return breaks;
    }
    default:
      return propagateBreaks(doc.contents, visited);
  }
}

const MODE_BREAK = 1;
const MODE_FLAT = 2;
type Mode = typeof MODE_BREAK | typeof MODE_FLAT;

interface Ind {
  value: string;
  length: number;
}
interface Command {
  ind: Ind;
  mode: Mode;
  doc: Doc;
}

const ROOT: Ind = { value: '', length: 0 };
const indentCache = new Map<string, Ind>();
function makeInd(value: string): Ind {
  let ind = indentCache.get(value);
  if (ind === undefined) {
    ind = { value, length: value.length };
    indentCache.set(value, ind);
  }
  return ind;
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

/**
 * Whether the flat `next` and then the rest (up to its first line break) fit in `width` columns;
 * `mustBeFlat`: a broken group in `next` does not fit (fill's measure).
 */
function fits(next: Omit<Command, 'ind'>, rest: Command[], width: number, groupModes: Map<symbol, Mode>, mustBeFlat = false): boolean {
  let restIndex = rest.length;
  let pendingSpace = false;
  const commands: Array<{ mode: Mode; doc: Doc }> = [next];
  while (width >= 0) {
    if (commands.length === 0) {
      if (restIndex === 0) return true;
      commands.push(rest[--restIndex]!);
      continue;
    }
    const { mode, doc } = commands.pop()!;
    if (typeof doc === 'string') {
      if (doc !== '') {
        if (pendingSpace) {
          width -= 1;
          pendingSpace = false;
        }
        width -= stringWidth(doc);
      }
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) commands.push({ mode, doc: doc[i]! });
      continue;
    }
    switch (doc.type) {
      case 'indent':
      case 'align':
      case 'indent-if-break':
        commands.push({ mode, doc: doc.contents });
        break;
      case 'group': {
        if (mustBeFlat && doc.break) return false;
        const groupMode = doc.break ? MODE_BREAK : mode;
        // The most expanded layout takes the least room on the current line.
        const contents = doc.expandedStates !== undefined && groupMode === MODE_BREAK ? doc.expandedStates[doc.expandedStates.length - 1]! : doc.contents;
        commands.push({ mode: groupMode, doc: contents });
        break;
      }
      case 'fill':
        for (let i = doc.parts.length - 1; i >= 0; i--) commands.push({ mode, doc: doc.parts[i]! });
        break;
      case 'break-parent':
        break;
      case 'if-break': {
        const groupMode = doc.groupId !== undefined ? (groupModes.get(doc.groupId) ?? MODE_FLAT) : mode;
        const contents = groupMode === MODE_BREAK ? doc.breakContents : doc.flatContents;
        if (contents !== '') commands.push({ mode, doc: contents });
        break;
      }
      case 'line':
        if (mode === MODE_BREAK || doc.hard) return true;
        if (!doc.soft) pendingSpace = true;
        break;
      case 'lines': {
        // The first line, then a hard line break: the rest no longer matters.
        const first = doc.lines[0]!;
        if (first !== '') {
          if (pendingSpace) width -= 1;
          width -= stringWidth(first);
        }
        return width >= 0;
      }
    }
  }
  return false;
}

/** Lays `doc` out in `printWidth` columns, two spaces an indentation level, `\n` line ends. */
export function printDoc(doc: Doc, printWidth: number): string {
  propagateBreaks(doc);
  const groupModes = new Map<symbol, Mode>();
  const out: string[] = [];
  let position = 0;
  let shouldRemeasure = false;
  const commands: Command[] = [{ ind: ROOT, mode: MODE_BREAK, doc }];
  while (commands.length > 0) {
    const { ind, mode, doc: d } = commands.pop()!;
    if (typeof d === 'string') {
      if (d !== '') {
        out.push(d);
        if (commands.length > 0) position += stringWidth(d);
      }
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) commands.push({ ind, mode, doc: d[i]! });
      continue;
    }
    switch (d.type) {
      case 'indent':
        commands.push({ ind: makeInd(`${ind.value}  `), mode, doc: d.contents });
        break;
      case 'align':
        commands.push({ ind: makeInd(ind.value + ' '.repeat(d.n)), mode, doc: d.contents });
        break;
      case 'group': {
        let command: Command;
        if (mode === MODE_FLAT && !shouldRemeasure) {
          command = { ind, mode: d.break ? MODE_BREAK : MODE_FLAT, doc: d.contents };
        } else {
          shouldRemeasure = false;
          command = groupCommand(d, ind, commands, printWidth - position, groupModes);
        }
        commands.push(command);
        if (d.id !== undefined) groupModes.set(d.id, command.mode);
        break;
      }
      case 'fill':
        fillCommands(d.parts, ind, mode, commands, printWidth - position, groupModes);
        break;
      case 'break-parent':
        break;
      case 'if-break': {
        const groupMode = d.groupId !== undefined ? groupModes.get(d.groupId) : mode;
        if (groupMode === MODE_BREAK) {
          if (d.breakContents !== '') commands.push({ ind, mode, doc: d.breakContents });
        } else if (groupMode === MODE_FLAT) {
          if (d.flatContents !== '') commands.push({ ind, mode, doc: d.flatContents });
        }
        break;
      }
      case 'indent-if-break': {
        const groupMode = groupModes.get(d.groupId);
        if (groupMode === MODE_BREAK) commands.push({ ind, mode, doc: indent(d.contents) });
        else if (groupMode === MODE_FLAT) commands.push({ ind, mode, doc: d.contents });
        break;
      }
      case 'lines': {
        // As `join(hardline, lines)`: a hard line in flat mode makes the next group measure again.
        if (mode === MODE_FLAT) shouldRemeasure = true;
        out.push(d.lines[0]!);
        for (let i = 1; i < d.lines.length; i++) {
          trimEnd(out);
          out.push(`\n${ind.value}`, d.lines[i]!);
        }
        position = ind.length + stringWidth(d.lines[d.lines.length - 1]!);
        break;
      }
      case 'line': {
        if (mode === MODE_FLAT && !d.hard) {
          if (!d.soft) {
            out.push(' ');
            position += 1;
          }
          break;
        }
        if (mode === MODE_FLAT) shouldRemeasure = true;
        if (!d.keepTrailing) trimEnd(out);
        out.push(`\n${ind.value}`);
        position = ind.length;
        break;
      }
    }
  }
  return out.join('');
}

/** How a group measured in break mode is printed: flat if it fits, else (a conditional group) the first layout that fits, else broken. */
function groupCommand(d: Group, ind: Ind, rest: Command[], width: number, groupModes: Map<symbol, Mode>): Command {
  const flat: Command = { ind, mode: MODE_FLAT, doc: d.contents };
  if (!d.break && fits(flat, rest, width, groupModes)) return flat;
  const states = d.expandedStates;
  if (states === undefined) return { ind, mode: MODE_BREAK, doc: d.contents };
  if (!d.break) {
    for (let i = 1; i < states.length - 1; i++) {
      const state: Command = { ind, mode: MODE_FLAT, doc: states[i]! };
      if (fits(state, rest, width, groupModes)) return state;
    }
  }
  return { ind, mode: MODE_BREAK, doc: states[states.length - 1]! };
}

/**
 * prettier's fill, one step: the first content flat if it fits (else broken), the separator after
 * it flat if the next content fits on the same line too; the remaining parts are pushed as a fill.
 */
function fillCommands(parts: readonly Doc[], ind: Ind, mode: Mode, commands: Command[], width: number, groupModes: Map<symbol, Mode>): void {
  if (parts.length === 0) return;
  const content = parts[0]!;
  const contentFlat: Command = { ind, mode: MODE_FLAT, doc: content };
  const contentBreak: Command = { ind, mode: MODE_BREAK, doc: content };
  const contentFits = fits(contentFlat, [], width, groupModes, true);
  if (parts.length === 1) {
    commands.push(contentFits ? contentFlat : contentBreak);
    return;
  }
  const whitespace = parts[1]!;
  const whitespaceFlat: Command = { ind, mode: MODE_FLAT, doc: whitespace };
  const whitespaceBreak: Command = { ind, mode: MODE_BREAK, doc: whitespace };
  if (parts.length === 2) {
    if (contentFits) commands.push(whitespaceFlat, contentFlat);
    else commands.push(whitespaceBreak, contentBreak);
    return;
  }
  const bothFit = fits({ mode: MODE_FLAT, doc: [content, whitespace, parts[2]!] }, [], width, groupModes, true);
  commands.push({ ind, mode, doc: fill(parts.slice(2)) });
  if (bothFit) commands.push(whitespaceFlat, contentFlat);
  else if (contentFits) commands.push(whitespaceBreak, contentFlat);
  else commands.push(whitespaceBreak, contentBreak);
}

/** Drops the spaces and tabs at the end of the printed chunks. */
function trimEnd(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    let end = last.length;
    while (end > 0 && (last.charCodeAt(end - 1) === 32 || last.charCodeAt(end - 1) === 9)) end--;
    if (end > 0) {
      if (end !== last.length) out[out.length - 1] = last.slice(0, end);
      return;
    }
    out.pop();
  }
}
