import type { FormatOptions } from './format.js';

/**
 * prettier's output for the statements of generated TypeScript that declare types, without running prettier.
 *
 * What the emitters print is close to prettier's shape already: interfaces and type literals with a
 * member a line, JSDoc comments, aliases and imports. prettier spent most of a large generation
 * re-deriving that shape (≈ 7 of 11 s for GitHub's REST API). {@link fastFormat} parses a statement
 * in a deliberately small grammar (members, unions, two-part intersections, arrays, parentheses,
 * type literals, names, generics, indexed accesses, literals) and prints it as prettier's TypeScript
 * printer lays those out; anything outside the grammar, or a layout it does not model, gives
 * `undefined` and goes to prettier. What it rewrites, as prettier does: indentation (from the
 * nesting; the input's is ignored), the quotes of string literals, trailing spaces in JSDoc, unions
 * and aliases too long for their line, and unions that hold a multi-line type literal (one member a
 * line). Tests: generator/test/write/fast-format.test.ts (case by case against prettier),
 * fast-format.property.test.ts (random statements against prettier), and
 * bench/test/fast-format.test.ts (GitHub's types and every `@readme/oas-examples` document generated
 * with and without it: the same bytes).
 */

/** Options {@link fastFormat} understands; any other option with a non-default value disables it. */
export interface FastFormatStyle {
  printWidth: number;
  quote: '"' | "'";
  /** A comma after the last name of an import broken over lines (`trailingComma` other than `none`). */
  trailingComma: boolean;
}

/** Options whose values do not affect the statements {@link fastFormat} accepts (it rejects what they affect). */
const INERT = new Set(['parser', 'endOfLine', 'trailingComma', 'arrowParens', 'bracketSameLine', 'printWidth', 'singleQuote', 'jsxSingleQuote']);

/** The style for `options`, or undefined when an option would make prettier print differently from what is accepted. */
export function fastFormatStyle(options: FormatOptions): FastFormatStyle | undefined {
  if (options['parser'] !== 'babel-ts' && options['parser'] !== 'typescript') return undefined;
  for (const [key, value] of Object.entries(options)) {
    if (INERT.has(key)) continue;
    const fine = (key === 'tabWidth' && value === 2) || (key === 'useTabs' && value === false) || (key === 'semi' && value === true) || (key === 'quoteProps' && value === 'as-needed') || (key === 'bracketSpacing' && value === true);
    if (!fine) return undefined;
  }
  const width = options['printWidth'] ?? 80;
  if (typeof width !== 'number') return undefined;
  return { printWidth: width, quote: options['singleQuote'] === true ? "'" : '"', trailingComma: options['trailingComma'] !== 'none' };
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
const KEYWORDS = new Set(['string', 'number', 'boolean', 'null', 'undefined', 'unknown', 'never', 'object', 'void', 'bigint', 'true', 'false', 'any']);

/**
 * Rewrites a one-line type in prettier's shape, or undefined when it has anything beyond identifiers,
 * keywords, string literals (no escapes, no quotes inside), integers, `A.B`, `T[]`, `G<A, B>`,
 * `(A | B)[]` and unions or intersections (not both) with single spaces around the operator.
 */
export function plainType(text: string, quote: FastFormatStyle['quote']): string | undefined {
  let out = '';
  let i = 0;
  // Per nesting level (generic args, parentheses): the binary operator seen there.
  const ops: Array<'|' | '&' | undefined> = [undefined];
  const closers: string[] = [];
  let expectOperand = true;
  while (i < text.length) {
    const c = text[i]!;
    if (expectOperand) {
      if (c === '"' || c === "'") {
        const end = text.indexOf(c, i + 1);
        if (end === -1) return undefined;
        const body = text.slice(i + 1, end);
        const q = stringQuote(body, quote);
        if (q === undefined) return undefined;
        out += q + body + q;
        i = end + 1;
      } else if (c === '(') {
        ops.push(undefined);
        closers.push(')');
        out += c;
        i++;
        continue;
      } else {
        const m = /^(?:-?(?:0|[1-9]\d*)(?![\w.])|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)/.exec(text.slice(i));
        if (m === null) return undefined;
        const word = m[0];
        if (word === 'readonly' || word === 'keyof' || word === 'typeof' || word === 'infer' || word === 'unique') return undefined;
        out += word;
        i += word.length;
        if (text[i] === '<') {
          if (KEYWORDS.has(word)) return undefined;
          ops.push(undefined);
          closers.push('>');
          out += '<';
          i++;
          continue;
        }
      }
      expectOperand = false;
      continue;
    }
    // After an operand: `[]`, `["key"]`, a closer, `, ` (in generics), or ` | ` / ` & `.
    if (text.startsWith('[]', i)) {
      out += '[]';
      i += 2;
    } else if (c === '[' && (text[i + 1] === '"' || text[i + 1] === "'")) {
      const end = text.indexOf(text[i + 1]!, i + 2);
      if (end === -1 || text[end + 1] !== ']') return undefined;
      const body = text.slice(i + 2, end);
      const q = stringQuote(body, quote);
      if (q === undefined) return undefined;
      out += `[${q}${body}${q}]`;
      i = end + 2;
    } else if (c === ')' || c === '>') {
      if (closers.pop() !== c) return undefined;
      const inner = ops.pop();
      if (c === ')') {
        // Only parentheses prettier keeps: around a union or intersection that an array suffix follows.
        if (inner === undefined || !text.startsWith('[]', i + 1)) return undefined;
      }
      out += c;
      i++;
    } else if (text.startsWith(', ', i) && closers[closers.length - 1] === '>') {
      ops[ops.length - 1] = undefined;
      out += ', ';
      i += 2;
      expectOperand = true;
    } else if (text.startsWith(' | ', i) || text.startsWith(' & ', i)) {
      const op = text[i + 1] as '|' | '&';
      const seen = ops[ops.length - 1];
      if (seen !== undefined && seen !== op) return undefined;
      ops[ops.length - 1] = op;
      out += ` ${op} `;
      i += 3;
      expectOperand = true;
    } else return undefined;
  }
  if (expectOperand || closers.length > 0) return undefined;
  return out;
}

/**
 * The quote prettier puts around a string literal's `body`: the preferred one, unless the body holds
 * it (and not the other). Undefined for bodies with escapes, newlines or both quotes.
 */
function stringQuote(body: string, preferred: FastFormatStyle['quote']): FastFormatStyle['quote'] | undefined {
  if (/[\\\n]/.test(body)) return undefined;
  const double = body.includes('"');
  const single = body.includes("'");
  if (double && single) return undefined;
  if (double) return "'";
  if (single) return '"';
  return preferred;
}

/** A property key as prettier prints it (quote-props as-needed), or undefined when unsure. */
function plainKey(key: string, quote: FastFormatStyle['quote']): string | undefined {
  // With the TypeScript parsers, prettier leaves an integer key (`200: {…}`) as it is.
  if (IDENT.test(key) || /^(?:0|[1-9]\d*)$/.test(key)) return key;
  const c = key[0];
  if ((c !== '"' && c !== "'") || key[key.length - 1] !== c || key.length < 3) return undefined;
  const body = key.slice(1, -1);
  // A quoted key prettier could unquote (an identifier) is left to prettier; it keeps quoted integers
  // (status codes) with babel-ts and typescript, and quotes other keys with digits first.
  if (/["'\\]/.test(body) || IDENT.test(body) || (/^\d/.test(body) && !/^\d+$/.test(body)) || !/^[\x20-\x7e]+$/.test(body)) return undefined;
  return quote + body + quote;
}

const IMPORT_LIKE = /^(import|export)( type)? \{ ([A-Za-z_$][\w$]*(?:, [A-Za-z_$][\w$]*)*) \} from (["'])([^"'\\]+)\4;$/;
const EXPORT_ALL = /^export \* from (["'])([^"'\\]+)\1;$/;
/** A member's head: `readonly`, the key (a name, a quoted key or an index signature) and `?`. */
const MEMBER_HEAD = /(readonly )?("[^"\n]*"|'[^'\n]*'|[A-Za-z_$][\w$]*|(?:0|[1-9]\d*)(?=\??: )|\[[A-Za-z_$][\w$]*: (?:string|number)\])(\??): /y;
/** A type prettier cannot break: a name, indexed accesses (`operations["a/b"]`), `[]`s. */
const UNBREAKABLE = String.raw`[A-Za-z_$][\w$.]*(?:\[(?:"[^"]*"|'[^']*')\])*(?:\[\])*`;
const UNBREAKABLE_TYPE = new RegExp(`^${UNBREAKABLE}$`);
/** A member line prettier leaves too long for the print width: its type is {@link UNBREAKABLE}, or it opens a type literal. */
const OVERLONG = new RegExp(String.raw`^ *(?:readonly )?(?:"[^"]*"|'[^']*'|[A-Za-z_$][\w$]*|0|[1-9]\d*)\??: (?:${UNBREAKABLE};|\{)$`);
const ATOM = /-?(?:0|[1-9]\d*)(?![\w.])|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/y;

/**
 * A type as the emitters print it, parsed only as far as laying out its object literals needs: any
 * part without an object literal in it stays source text (one line), which {@link plainType} checks.
 */
type TypeNode =
  | { kind: 'plain'; text: string }
  /** `{` … `}` (`multiline`: the emitter put its members on lines of their own), then `arrays` × `[]`. */
  | { kind: 'object'; members: MemberNode[]; multiline: boolean; arrays: number }
  /** `(A | B)` then `arrays` × `[]`. */
  | { kind: 'parens'; inner: TypeNode; arrays: number }
  | { kind: 'union'; types: TypeNode[] }
  | { kind: 'intersection'; types: TypeNode[] };

interface MemberNode {
  /** Comment lines before the member, trimmed; `continued` lines are a JSDoc's inner lines. */
  comments: Array<{ text: string; continued: boolean }>;
  /** `readonly key?: ` as prettier prints it. */
  head: string;
  type: TypeNode;
}

/** Thrown inside the parser and printer when the statement is outside the grammar: caught by {@link fastFormat}. */
const OUTSIDE = Symbol('outside the fast-format grammar');
function outside(): never {
  throw OUTSIDE;
}

/**
 * prettier's output (ending in one newline) for one top-level statement of generated TypeScript (the
 * leading comments included), or undefined when it is not in the small grammar described above:
 * `export interface Name {` with members, `export type Name = T;`, imports and re-exports, JSDoc and
 * line comments. A member's or an alias's type may hold type literals (`{` then members on lines of
 * their own, then `}`), laid out as prettier lays them out: alone or with `[]` after them, hugged by
 * `| null`, in a union (broken one member a line, `| ` first, the literal's members two columns in
 * from the `|`), in `(…)[]` around such a union, or one side of a two-part intersection. As prettier
 * does, the input's indentation is ignored: each line is indented two spaces per nesting level,
 * JSDoc lines one more. Undefined for a blank line, a tab or trailing whitespace outside JSDoc, and a
 * code line that does not fit the print width (but a member whose type is a name: prettier leaves
 * that line long too).
 */
export function fastFormat(statement: string, style: FastFormatStyle): string | undefined {
  const text = statement.replace(/\n+$/, '');
  if (text === '' || /\r|\n\n|^\n/.test(text)) return undefined;
  try {
    const lines = new StatementPrinter(text, style).statement();
    return `${lines.join('\n')}\n`;
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

/** Parses one statement (see {@link fastFormat}) and prints it as prettier would; throws {@link OUTSIDE}. */
class StatementPrinter {
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly style: FastFormatStyle,
  ) {}

  statement(): string[] {
    const out: string[] = [];
    for (;;) {
      this.skipIndent();
      const comment = this.comment();
      if (comment === undefined) break;
      out.push(...printComments(comment, ''));
      if (this.pos === this.src.length) return out; // a comment on its own
      this.newline();
    }
    const line = this.restOfLine();
    const iface = /^(export )?interface [A-Za-z_$][\w$]* \{$/.exec(line);
    const alias = /^(export )?type [A-Za-z_$][\w$]* = /.exec(line);
    if (iface !== null) {
      this.pos += line.length - 1;
      const body = this.inline(this.primaryObject(), '');
      body[0] = line.slice(0, -1) + body[0];
      out.push(...body);
    } else if (alias !== null) {
      this.pos += alias[0].length;
      out.push(...this.typed(alias[0], this.type(), ''));
      this.expect(';');
    } else {
      // Imports and re-exports, a line each.
      for (let next = line; ; next = this.restOfLine()) {
        this.pos += next.length;
        out.push(...this.importLike(next));
        if (this.pos === this.src.length) break;
        this.newline();
      }
    }
    if (this.pos !== this.src.length) outside();
    for (const l of out) if (!l.trimStart().startsWith('*') && !l.trimStart().startsWith('/') && !fits(l, this.style) && !OVERLONG.test(l)) outside();
    return out;
  }

  // --- reading --------------------------------------------------------------------------------

  private restOfLine(): string {
    const end = this.src.indexOf('\n', this.pos);
    return this.src.slice(this.pos, end === -1 ? undefined : end);
  }

  private skipIndent(): void {
    while (this.src[this.pos] === ' ') this.pos++;
  }

  private newline(): void {
    if (this.src[this.pos] !== '\n') outside();
    this.pos++;
  }

  private eat(s: string): boolean {
    if (!this.src.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }

  private expect(s: string): void {
    if (!this.eat(s)) outside();
  }

  /** The comment that starts here (`//` or JSDoc, ending at a line end), undefined if none. */
  private comment(): MemberNode['comments'] | undefined {
    const line = this.restOfLine();
    if (line.startsWith('//')) {
      if (/\s$|\t/.test(line)) outside();
      this.pos += line.length;
      return [{ text: line, continued: false }];
    }
    if (!line.startsWith('/*')) return undefined;
    this.pos += line.length;
    if (line !== '/**') {
      if (!/^\/\*\* .*\S \*\/$/.test(line) || line.slice(3, -2).includes('*/')) outside();
      return [{ text: line, continued: false }];
    }
    const lines = [{ text: line, continued: false }];
    for (;;) {
      this.newline();
      this.skipIndent();
      const inner = this.restOfLine();
      this.pos += inner.length;
      if (inner === '*/') {
        lines.push({ text: inner, continued: true });
        return lines;
      }
      // prettier re-indents a JSDoc comment whose lines all start with `*`. Of trailing whitespace it
      // keeps two spaces of two or more (a Markdown line break), else none.
      const [, body, trail] = /^(.*?)([ \t]*)$/.exec(inner)!;
      if (!/^\*(?: |$)/.test(body!) || body!.includes('*/')) outside();
      lines.push({ text: body !== '*' && /^ {2,}$/.test(trail!) ? `${body}  ` : body!, continued: true });
    }
  }

  /** An import or re-export: on one line when it fits, else a name a line. */
  private importLike(line: string): string[] {
    const q = this.style.quote;
    const imp = IMPORT_LIKE.exec(line);
    if (imp !== null) {
      const keyword = `${imp[1]}${imp[2] ?? ''}`;
      const from = `from ${q}${imp[5]}${q};`;
      const one = `${keyword} { ${imp[3]} } ${from}`;
      const names = imp[3]!.split(', ');
      // prettier does not break a single name (a line too long is then refused by the width check).
      if (fits(one, this.style) || names.length === 1) return [one];
      return [`${keyword} {`, ...names.map((n, i) => `  ${n}${i < names.length - 1 || this.style.trailingComma ? ',' : ''}`), `} ${from}`];
    }
    const all = EXPORT_ALL.exec(line);
    if (all !== null) return [`export * from ${q}${all[2]}${q};`];
    return outside();
  }

  /** A type: parts without object literals collapse to their source text. */
  private type(): TypeNode {
    return this.list(' | ', 'union', () => this.list(' & ', 'intersection', () => this.postfix()));
  }

  private list(op: string, kind: 'union' | 'intersection', part: () => TypeNode): TypeNode {
    const start = this.pos;
    const types = [part()];
    while (this.eat(op)) types.push(part());
    if (types.length === 1) return types[0]!;
    return types.every((t) => t.kind === 'plain') ? this.plainFrom(start) : { kind, types };
  }

  private postfix(): TypeNode {
    const start = this.pos;
    const node = this.primary();
    let arrays = 0;
    for (;;) {
      if (this.eat('[]')) arrays++;
      else if (this.src[this.pos] === '[' && node.kind === 'plain' && arrays === 0) {
        // An indexed access, `["key"]` (plainType checks it).
        const end = this.src.indexOf(']', this.pos);
        if (end === -1 || this.src.slice(this.pos, end).includes('\n')) outside();
        this.pos = end + 1;
      } else break;
    }
    if (node.kind === 'plain') return this.plainFrom(start);
    if (node.kind === 'object' || node.kind === 'parens') return { ...node, arrays };
    return outside();
  }

  private primary(): TypeNode {
    const start = this.pos;
    const c = this.src[this.pos];
    if (c === '(') {
      this.pos++;
      const inner = this.type();
      this.expect(')');
      return inner.kind === 'plain' ? this.plainFrom(start) : { kind: 'parens', inner, arrays: 0 };
    }
    if (c === '{') return this.primaryObject();
    if (c === '"' || c === "'") {
      const end = this.src.indexOf(c, this.pos + 1);
      if (end === -1 || this.src.slice(this.pos, end).includes('\n')) outside();
      this.pos = end + 1;
      return this.plainFrom(start);
    }
    ATOM.lastIndex = this.pos;
    const atom = ATOM.exec(this.src);
    if (atom === null) return outside();
    this.pos += atom[0].length;
    if (this.eat('<')) {
      do if (this.type().kind !== 'plain') outside();
      while (this.eat(', '));
      this.expect('>');
    }
    return this.plainFrom(start);
  }

  /** `{` then members a line each then `}`, or `{ member }` on one line. */
  private primaryObject(): TypeNode {
    this.expect('{');
    const members: MemberNode[] = [];
    if (this.eat(' ')) {
      members.push(this.member([]));
      this.expect(' }');
      return { kind: 'object', members, multiline: false, arrays: 0 };
    }
    for (;;) {
      this.newline();
      this.skipIndent();
      if (this.eat('}')) break;
      const comments: MemberNode['comments'] = [];
      for (let c = this.comment(); c !== undefined; c = this.comment()) {
        comments.push(...c);
        this.newline();
        this.skipIndent();
      }
      members.push(this.member(comments));
      this.expect(';');
    }
    if (members.length === 0) outside(); // prettier prints `{}`
    return { kind: 'object', members, multiline: true, arrays: 0 };
  }

  private member(comments: MemberNode['comments']): MemberNode {
    MEMBER_HEAD.lastIndex = this.pos;
    const m = MEMBER_HEAD.exec(this.src);
    if (m === null) return outside();
    this.pos += m[0].length;
    const rawKey = m[2]!;
    const key = rawKey.startsWith('[') ? (m[3] === '' ? rawKey : undefined) : plainKey(rawKey, this.style.quote);
    if (key === undefined) return outside();
    return { comments, head: `${m[1] ?? ''}${key}${m[3]}: `, type: this.type() };
  }

  private plainFrom(start: number): TypeNode {
    return { kind: 'plain', text: this.src.slice(start, this.pos) };
  }

  // --- printing -------------------------------------------------------------------------------

  /**
   * `head` (`key: ` at `pad`, or `type Name = `) and type `t` with its `;`.
   */
  private typed(head: string, t: TypeNode, pad: string): string[] {
    switch (t.kind) {
      case 'plain': {
        return typedLines(head, t.text, pad, this.style) ?? outside();
      }
      case 'object':
        return this.joined(head, [this.inline(t, pad)], ';');
      case 'union': {
        if (hugs(t.types)) return this.joined(head, t.types.map((m) => this.inline(m, pad)), ';');
        if (!t.types.some(breaks)) outside();
        return withEnd([head.trimEnd(), ...this.unionLines(t.types, pad)], ';');
      }
      case 'parens':
        return this.joined(head, [this.inline(t, pad)], ';');
      case 'intersection': {
        // Two parts, one of them a literal: prettier joins them with ` & ` and breaks neither line.
        const isObject = (p: TypeNode) => p.kind === 'object' && p.arrays === 0;
        if (t.types.length !== 2 || !t.types.some(isObject) || !t.types.every((p) => p.kind === 'plain' || isObject(p))) outside();
        return this.joined(head, [this.joined('', t.types.map((p) => this.inline(p, pad)), '', ' & ')], ';');
      }
    }
  }

  /**
   * Type `t` where its first line continues a line already begun and its closing `}` or `)` is
   * indented `ind`: a plain type on one line, a type literal, or `(` a broken union `)[]`.
   */
  private inline(t: TypeNode, ind: string): string[] {
    const arrays = '[]'.repeat(t.kind === 'object' || t.kind === 'parens' ? t.arrays : 0);
    if (t.kind === 'plain') {
      const plain = plainType(t.text, this.style.quote);
      return plain === undefined ? outside() : [plain];
    }
    if (t.kind === 'parens') {
      // prettier drops parentheses without `[]` after them; `({…} | null)[]` keeps the hug.
      if (t.arrays === 0 || t.inner.kind !== 'union') outside();
      if (hugs(t.inner.types)) return this.joined('(', t.inner.types.map((m) => this.inline(m, ind)), `)${arrays}`);
      if (!t.inner.types.some(breaks)) outside();
      return ['(', ...this.unionLines(t.inner.types, ind), `${ind})${arrays}`];
    }
    if (t.kind !== 'object') return outside();
    if (!t.multiline && !t.members.some((m) => breaks(m.type))) {
      // One member on one line stays there when it fits (checked with the whole line, later).
      const [m] = t.members;
      if (t.members.length !== 1 || m!.type.kind !== 'plain' || m!.comments.length > 0) outside();
      const type = plainType(m!.type.text, this.style.quote);
      if (type === undefined) outside();
      return [`{ ${m!.head}${type} }${arrays}`];
    }
    const inner = `${ind}  `;
    const lines = ['{'];
    for (const m of t.members) {
      lines.push(...printComments(m.comments, inner));
      lines.push(...this.typed(inner + m.head, m.type, inner));
    }
    lines.push(`${ind}}${arrays}`);
    return lines;
  }

  /** A broken union's lines: `| member` each, two columns in from `pad`; members indented from there. */
  private unionLines(types: TypeNode[], pad: string): string[] {
    const lines: string[] = [];
    for (const t of types) {
      // prettier puts an intersection in a broken union in parentheses.
      if (t.kind === 'intersection' || t.kind === 'union' || (t.kind === 'plain' && t.text.includes(' & '))) outside();
      const printed = this.inline(t, `${pad}    `);
      printed[0] = `${pad}  | ${printed[0]}`;
      lines.push(...printed);
    }
    return lines;
  }

  /** `head`, then each part's lines, the last line of one joined to the first of the next by `sep`, then `end`. */
  private joined(head: string, parts: string[][], end: string, sep = ' | '): string[] {
    const lines = [head];
    for (const [i, part] of parts.entries()) {
      lines[lines.length - 1] += (i === 0 ? '' : sep) + part[0];
      lines.push(...part.slice(1));
    }
    return withEnd(lines, end);
  }
}

/** Whether prettier breaks a type's line: it holds a type literal printed over several lines. */
function breaks(t: TypeNode): boolean {
  switch (t.kind) {
    case 'plain':
      return false;
    case 'object':
      return t.multiline || t.members.some((m) => breaks(m.type));
    case 'parens':
      return breaks(t.inner);
    default:
      return t.types.some(breaks);
  }
}

/** prettier's "hug": a union of one type literal and `null`s stays on the literal's lines (`} | null`). */
function hugs(types: TypeNode[]): boolean {
  return types.filter((t) => t.kind === 'object' && t.arrays === 0).length === 1 && types.every((t) => (t.kind === 'object' && t.arrays === 0) || (t.kind === 'plain' && t.text === 'null'));
}

function withEnd(lines: string[], end: string): string[] {
  lines[lines.length - 1] += end;
  return lines;
}

function printComments(comments: MemberNode['comments'], pad: string): string[] {
  return comments.map((c) => (c.continued ? `${pad} ${c.text}` : pad + c.text));
}

/**
 * The printed lines of `head` (`name: ` at `pad`, or `type Name = `) and plain type `type` (as the
 * emitters print it) with its `;`; undefined for a type {@link plainType} refuses or a line too long.
 * A union of literals and names too long for its line is broken as prettier breaks it: after the
 * colon or `=`, then (if it still does not fit) one member a line; `(union)[]` breaks inside the
 * parentheses instead, the same two ways.
 */
function typedLines(head: string, text: string, pad: string, style: FastFormatStyle): string[] | undefined {
  const type = plainType(text, style.quote);
  if (type === undefined) return undefined;
  const printed = `${head}${type};`;
  if (fits(printed, style)) return [printed];
  // A name too long for its line: an alias moves it to the next line, a member keeps it (see OVERLONG).
  if (UNBREAKABLE_TYPE.test(type)) {
    if (!head.endsWith('= ')) return [printed];
    const next = `  ${type};`;
    return fits(next, style) ? [head.trimEnd(), next] : undefined;
  }
  const array = parenthesizedArray(type);
  const union = array === undefined ? type : array.inner;
  const members = unionMembers(union);
  if (members === undefined) return undefined;
  const end = array === undefined ? ';' : '';
  const one = `${pad}  ${union}${end}`;
  const body = fits(one, style) ? [one] : members.map((t, j) => `${pad}  | ${t}${j === members.length - 1 ? end : ''}`);
  const broken = array === undefined ? [head.trimEnd(), ...body] : [`${head}(`, ...body, `${pad})${array.arrays};`];
  return broken.every((l) => fits(l, style)) ? broken : undefined;
}

/** `(inner)[]…` split at the parentheses that open the type and close before its `[]`s; undefined for any other type. */
function parenthesizedArray(type: string): { inner: string; arrays: string } | undefined {
  if (!type.startsWith('(')) return undefined;
  let depth = 0;
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    if (c === '"' || c === "'") {
      i = type.indexOf(c, i + 1); // plainType's literals hold no escapes
      if (i === -1) return undefined;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      const arrays = type.slice(i + 1);
      return /^(?:\[\])+$/.test(arrays) ? { inner: type.slice(1, i), arrays } : undefined;
    }
  }
  return undefined;
}

/** The members of a union of literals, keywords and plain names (`"a" | "b" | null`), or undefined for any other type. */
function unionMembers(type: string): string[] | undefined {
  const members = type.split(' | ');
  if (members.length < 2) return undefined;
  for (const m of members) if (!/^(?:"[^"]*"|'[^']*'|-?(?:0|[1-9]\d*)|[A-Za-z_$][\w$]*)$/.test(m)) return undefined;
  return members;
}

/** Whether a printed line fits the print width (ASCII only: prettier measures other text by display width). */
function fits(line: string, style: FastFormatStyle): boolean {
  return line.length <= style.printWidth && /^[\x20-\x7e]*$/.test(line);
}
