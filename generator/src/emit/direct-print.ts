/**
 * A direct printer for the ts-morph structures the types package is made of: `import type`
 * declarations, interfaces (property and index signatures), type aliases, TSDoc given as text, and
 * plain text statements. It gives the very text ts-morph's `printStructure` gives for them (a test
 * mode compares every file printed, see `print.ts`), about three times faster: ts-morph prints each
 * type into a writer of its own before copying it into the file's, and its writer
 * (code-block-writer) tracks strings and comments character by character for every write.
 *
 * {@link DirectWriter} reproduces what code-block-writer does for these structures (indentation at
 * line starts, hanging indentation after the first line of a type, blank and new lines, and the
 * string, comment and regular-expression state that decides whether a line is indented);
 * {@link printDirect} follows ts-morph's printers for each kind. Anything else (other kinds, writer
 * functions, type parameters, `extends`, trivia) makes {@link printDirect} return undefined, and the
 * caller prints with ts-morph.
 */
import type { ImportDeclarationStructure, IndexSignatureDeclarationStructure, InterfaceDeclarationStructure, PropertySignatureStructure, TypeAliasDeclarationStructure } from 'ts-morph';
import { StructureKind } from './structure-kind.js';

const BACK_SLASH = 92;
const FORWARD_SLASH = 47;
const NEW_LINE = 10;
const CARRIAGE_RETURN = 13;
const ASTERISK = 42;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACK_TICK = 96;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const DOLLAR_SIGN = 36;
/** How many of the last characters {@link DirectWriter} keeps at hand for looking back. */
const TAIL = 64;
/** Characters that can change the string/comment state; the others are skipped (as code-block-writer does). */
const STATE_CHARS = /[\\/\n\r*"'`{}]/;

/** code-block-writer's behaviour for the calls ts-morph's printers make on these structures; 2-space indentation, `\n` newlines, double quotes. */
export class DirectWriter {
  /** The text so far (V8 concatenates into a rope: nothing is copied until the end). */
  private text = '';
  /** Its last {@link TAIL} characters, for looking back without flattening the rope. */
  private tail = '';
  private length = 0;
  private indentation = 0;
  private queued: number | undefined;
  private firstLineOfBlock = true;
  private readonly strings: number[] = [];
  private comment: 'line' | 'star' | undefined;
  private inRegex = false;

  toString(): string {
    return this.text;
  }

  write(text: string): void {
    if (text.length === 0) {
      this.writeIndividual('');
      return;
    }
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) this.baseNewLine();
      const line = lines[i]!;
      if (line.length > 0) this.writeIndividual(line);
    }
  }

  newLine(): void {
    this.baseNewLine();
  }

  newLineIfLastNot(): void {
    if (!this.isLastNewLine()) this.newLine();
  }

  blankLine(): void {
    this.newLineIfLastNot();
    this.newLine();
  }

  blankLineIfLastNot(): void {
    if (!this.isLastBlankLine()) this.blankLine();
  }

  space(): void {
    this.write(' ');
  }

  spaceIfLastNot(): void {
    if (this.lastCharCode(0) !== 32) this.write(' ');
  }

  /** Lines after the first written in `action` are indented one level deeper. */
  hangingIndent(action: () => void): void {
    const saved = { indentation: this.indentation, queued: this.queued };
    this.queued = this.indentation + 1;
    try {
      action();
    } finally {
      this.indentation = saved.indentation;
      this.queued = saved.queued;
    }
  }

  /** `{`, the block one level deeper, `}`. */
  inlineBlock(block: () => void): void {
    this.write('{');
    if (this.length > 0) this.newLineIfLastNot();
    this.indentation++;
    this.firstLineOfBlock = true;
    block();
    this.firstLineOfBlock = false;
    this.indentation = Math.max(0, this.indentation - 1);
    this.newLineIfLastNot();
    this.write('}');
  }

  closeComment(): void {
    if (this.comment === 'line') this.newLine();
    else if (this.comment === 'star') {
      if (!this.isLastNewLine()) this.spaceIfLastNot();
      this.write('*/');
    }
  }

  isAtStartOfFirstLineOfBlock(): boolean {
    return this.firstLineOfBlock && (this.isLastNewLine() || this.length === 0);
  }

  isLastNewLine(): boolean {
    const c = this.lastCharCode(0);
    return c === NEW_LINE || c === CARRIAGE_RETURN;
  }

  isLastBlankLine(): boolean {
    let found = 0;
    for (let offset = 0; offset < this.length; offset++) {
      const c = this.lastCharCode(offset);
      if (c === NEW_LINE) {
        if (++found === 2) return true;
      } else if (c !== CARRIAGE_RETURN) return false;
    }
    return false;
  }

  /** Whether the last character other than white space is `}`. */
  isLastNonWhitespaceCloseBrace(): boolean {
    for (let offset = 0; offset < this.length; offset++) {
      const c = this.lastCharCode(offset);
      if (c === CLOSE_BRACE) return true;
      if (c === undefined || !isWhitespace(c)) return false;
    }
    return false;
  }

  private isInString(): boolean {
    return this.strings.length > 0 && this.strings[this.strings.length - 1] !== OPEN_BRACE;
  }

  private writeIndividual(text: string): void {
    if (!this.isInString() && (this.isLastNewLine() || this.length === 0)) this.push('  '.repeat(this.indentation));
    if (STATE_CHARS.test(text)) this.updateState(text);
    this.push(text);
  }

  private baseNewLine(): void {
    if (this.comment === 'line') this.comment = undefined;
    const top = this.strings[this.strings.length - 1];
    if ((top === DOUBLE_QUOTE || top === SINGLE_QUOTE) && this.lastCharCode(0) !== BACK_SLASH) this.strings.pop();
    this.push('\n');
    this.firstLineOfBlock = false;
    if (this.queued !== undefined) {
      this.indentation = this.queued;
      this.queued = undefined;
    }
  }

  private push(text: string): void {
    if (text.length === 0) return;
    this.text += text;
    this.tail = text.length >= TAIL ? text.slice(-TAIL) : (this.tail + text).slice(-TAIL);
    this.length += text.length;
  }

  /** The code of the character `offset` places before the end (0: the last), or undefined. */
  private lastCharCode(offset: number): number | undefined {
    if (offset >= this.length || offset < 0) return undefined;
    if (offset < this.tail.length) return this.tail.charCodeAt(this.tail.length - 1 - offset);
    return this.text.charCodeAt(this.length - 1 - offset);
  }

  /** code-block-writer's `_updateInternalState`: strings, comments, regular expressions. */
  private updateState(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const current = text.charCodeAt(i);
      if (
        current !== BACK_SLASH &&
        current !== FORWARD_SLASH &&
        current !== NEW_LINE &&
        current !== CARRIAGE_RETURN &&
        current !== ASTERISK &&
        current !== DOUBLE_QUOTE &&
        current !== SINGLE_QUOTE &&
        current !== BACK_TICK &&
        current !== OPEN_BRACE &&
        current !== CLOSE_BRACE
      )
        continue;
      const past = i === 0 ? this.lastCharCode(0) : text.charCodeAt(i - 1);
      const pastPast = i === 0 ? this.lastCharCode(1) : i === 1 ? this.lastCharCode(0) : text.charCodeAt(i - 2);
      if (this.inRegex) {
        if ((past === FORWARD_SLASH && pastPast !== BACK_SLASH) || past === NEW_LINE) this.inRegex = false;
        else continue;
      } else if (!this.isInString() && this.comment === undefined && isRegexStart(current, past, pastPast)) {
        this.inRegex = true;
        continue;
      }
      if (!this.isInString()) {
        if (this.comment === undefined && past === FORWARD_SLASH && current === FORWARD_SLASH) this.comment = 'line';
        else if (this.comment === undefined && past === FORWARD_SLASH && current === ASTERISK) this.comment = 'star';
        else if (this.comment === 'star' && past === ASTERISK && current === FORWARD_SLASH) this.comment = undefined;
      }
      if (this.comment !== undefined) continue;
      const top = this.strings.length === 0 ? undefined : this.strings[this.strings.length - 1];
      if (past !== BACK_SLASH && (current === DOUBLE_QUOTE || current === SINGLE_QUOTE || current === BACK_TICK)) {
        if (top === current) this.strings.pop();
        else if (top === OPEN_BRACE || top === undefined) this.strings.push(current);
      } else if (pastPast !== BACK_SLASH && past === DOLLAR_SIGN && current === OPEN_BRACE && top === BACK_TICK) {
        this.strings.push(current);
      } else if (current === CLOSE_BRACE && top === OPEN_BRACE) {
        this.strings.pop();
      }
    }
  }
}

function isRegexStart(current: number, past: number | undefined, pastPast: number | undefined): boolean {
  return past === FORWARD_SLASH && current !== FORWARD_SLASH && current !== ASTERISK && pastPast !== ASTERISK && pastPast !== FORWARD_SLASH;
}

/** ts-morph's `StringUtils.isWhitespaceCharCode`. */
function isWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x85;
}

/** A statement {@link printDirect} takes: text, a blank line, or one of the structure kinds below. */
export type DirectStatement = string | typeof BLANK_LINE | ImportDeclarationStructure | InterfaceDeclarationStructure | TypeAliasDeclarationStructure;

/** Stands for ts-morph's `writer.blankLineIfLastNot()` writer function between statements. */
export const BLANK_LINE: unique symbol = Symbol('blank line');

/**
 * Prints a source file's statements as `printStructure({ kind: SourceFile, statements })` does
 * (with `indentNumberOfSpaces: 2`, `newLine: '\n'`), or returns undefined when a statement is of a
 * shape this printer does not take.
 */
export function printDirect(statements: readonly unknown[]): string | undefined {
  if (!statements.every(supported)) return undefined;
  const w = new DirectWriter();
  for (const statement of statements as DirectStatement[]) {
    if (w.isLastNonWhitespaceCloseBrace()) w.blankLineIfLastNot();
    else if (!w.isAtStartOfFirstLineOfBlock()) w.newLineIfLastNot();
    if (typeof statement === 'string') w.write(statement);
    else if (statement === BLANK_LINE) w.blankLineIfLastNot();
    else if (statement.kind === StructureKind.Interface) {
      if (!w.isAtStartOfFirstLineOfBlock()) w.blankLineIfLastNot();
      w.closeComment();
      printInterface(w, statement);
    } else if (statement.kind === StructureKind.TypeAlias) {
      w.closeComment();
      printTypeAlias(w, statement);
    } else {
      w.closeComment();
      printImport(w, statement);
    }
  }
  if (!w.isAtStartOfFirstLineOfBlock() && !w.isLastNewLine()) w.newLine();
  return w.toString();
}

/** The keys each kind may have (with a value) for {@link printDirect}. */
const ALLOWED: Record<string, ReadonlySet<string>> = {
  [StructureKind.Interface]: new Set(['kind', 'name', 'isExported', 'docs', 'properties', 'indexSignatures']),
  [StructureKind.TypeAlias]: new Set(['kind', 'name', 'isExported', 'docs', 'type']),
  [StructureKind.ImportDeclaration]: new Set(['kind', 'isTypeOnly', 'moduleSpecifier', 'namedImports']),
  [StructureKind.PropertySignature]: new Set(['kind', 'name', 'type', 'hasQuestionToken', 'docs', 'isReadonly']),
  [StructureKind.IndexSignature]: new Set(['kind', 'keyName', 'keyType', 'returnType', 'docs', 'isReadonly']),
};

function only(structure: object, kind: (typeof StructureKind)[keyof typeof StructureKind]): boolean {
  const allowed = ALLOWED[kind]!;
  return Object.entries(structure).every(([key, value]) => value === undefined || allowed.has(key));
}

const isText = (value: unknown): value is string => typeof value === 'string';
const docsAreText = (docs: unknown): boolean => docs === undefined || (Array.isArray(docs) && docs.every(isText));

function supported(statement: unknown): boolean {
  if (typeof statement === 'string' || statement === BLANK_LINE) return true;
  if (statement === null || typeof statement !== 'object') return false;
  const s = statement as { kind?: unknown };
  switch (s.kind) {
    case StructureKind.Interface: {
      const i = statement as InterfaceDeclarationStructure;
      return (
        only(i, StructureKind.Interface) &&
        docsAreText(i.docs) &&
        (i.properties ?? []).every((p) => p.kind === StructureKind.PropertySignature && only(p, StructureKind.PropertySignature) && isText(p.type) && docsAreText(p.docs)) &&
        (i.indexSignatures ?? []).every(
          (x) => x.kind === StructureKind.IndexSignature && only(x, StructureKind.IndexSignature) && isText(x.returnType) && docsAreText(x.docs),
        )
      );
    }
    case StructureKind.TypeAlias: {
      const t = statement as TypeAliasDeclarationStructure;
      return only(t, StructureKind.TypeAlias) && isText(t.type) && docsAreText(t.docs);
    }
    case StructureKind.ImportDeclaration: {
      const d = statement as ImportDeclarationStructure;
      return (
        only(d, StructureKind.ImportDeclaration) &&
        (d.namedImports === undefined ||
          (Array.isArray(d.namedImports) &&
            d.namedImports.every((n) => typeof n === 'object' && Object.keys(n).every((k) => k === 'name' || k === 'alias') && isText(n.name))))
      );
    }
    default:
      return false;
  }
}

/** JSDoc given as text, one comment per entry, each followed by a newline (ts-morph's JSDoc printer). */
function printDocs(w: DirectWriter, docs: readonly unknown[] | undefined): void {
  for (const doc of (docs ?? []) as string[]) {
    w.closeComment();
    const lines = doc.split(/\r?\n/);
    const startIndex = lines[0]!.length === 0 ? 1 : 0;
    const singleLine = lines.length <= 1;
    w.write('/**');
    if (singleLine) {
      w.space();
      w.write(lines[startIndex] ?? '');
    } else {
      w.newLine();
      for (let i = startIndex; i < lines.length; i++) {
        w.write(' *');
        if (lines[i]!.length > 0) w.write(` ${lines[i]}`);
        w.newLine();
      }
    }
    w.spaceIfLastNot();
    w.write('*/');
    w.newLine();
  }
}

function printModifiers(w: DirectWriter, s: { isExported?: boolean | undefined; isReadonly?: boolean | undefined }): void {
  if (s.isExported) w.write('export ');
  if (s.isReadonly) w.write('readonly ');
}

/** `separator type`, later lines one level deeper (ts-morph's typed-node printer); nothing for a blank type. */
function printTyped(w: DirectWriter, separator: string, type: string | undefined): void {
  if (type === undefined) return;
  const text = type.replace(/\r?\n/g, '\n');
  if (text.trim() === '') return;
  w.hangingIndent(() => w.write(`${separator} ${text}`));
}

function printInterface(w: DirectWriter, s: InterfaceDeclarationStructure): void {
  printDocs(w, s.docs);
  printModifiers(w, s);
  w.write(`interface ${s.name}`);
  w.space();
  w.inlineBlock(() => {
    // ts-morph's member groups: index signatures, then properties; a newline before a group that does
    // not open the block, one between members.
    const groups: Array<Array<{ docs: unknown[] | undefined; isReadonly?: boolean | undefined; head: string; type: unknown }>> = [
      ((s.indexSignatures ?? []) as IndexSignatureDeclarationStructure[]).map((x) => ({
        docs: x.docs,
        isReadonly: x.isReadonly,
        head: `[${x.keyName || 'key'}: ${x.keyType || 'string'}]`,
        type: x.returnType,
      })),
      ((s.properties ?? []) as PropertySignatureStructure[]).map((p) => ({
        docs: p.docs,
        isReadonly: p.isReadonly,
        head: p.hasQuestionToken ? `${p.name}?` : p.name,
        type: p.type,
      })),
    ];
    for (const members of groups) {
      if (members.length > 0 && !w.isAtStartOfFirstLineOfBlock()) w.newLine();
      members.forEach((m, i) => {
        if (i > 0) w.newLine();
        w.closeComment();
        printDocs(w, m.docs);
        printModifiers(w, m);
        w.write(m.head);
        printTyped(w, ':', m.type as string | undefined);
        w.write(';');
      });
    }
  });
}

function printTypeAlias(w: DirectWriter, s: TypeAliasDeclarationStructure): void {
  printDocs(w, s.docs);
  printModifiers(w, s);
  w.write(`type ${s.name}`);
  printTyped(w, ' =', s.type as string);
  w.write(';');
}

function printImport(w: DirectWriter, s: ImportDeclarationStructure): void {
  const named = (s.namedImports ?? []) as Array<{ name: string; alias?: string }>;
  w.write('import');
  if (s.isTypeOnly) w.write(' type');
  if (named.length > 0) {
    w.space();
    const specifiers = named.map((n) => (n.alias !== undefined && n.alias.trim() !== '' ? `${n.name} as ${n.alias}` : n.name)).join(', ');
    w.write(`{ ${specifiers} }`);
    w.write(' from');
  }
  w.write(' ');
  w.write(quoted(s.moduleSpecifier));
  w.write(';');
}

/** code-block-writer's `quote()` with double quotes. */
function quoted(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === '\\') out += '\\';
    else if (c === '\r' && text[i + 1] === '\n') {
      out += '\\r\\n\\\n';
      i++;
      continue;
    } else if (c === '\n') out += '\\n\\';
    out += c;
  }
  return `"${out}"`;
}
