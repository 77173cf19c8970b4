import type { FormatOptions } from './format.js';

/**
 * prettier's output for the plainest statements of generated TypeScript, without running prettier.
 *
 * Most of what the emitters print is already in prettier's shape: interfaces whose members are
 * `name: Type;` lines, JSDoc comments, single-line type aliases and imports. prettier spends most of
 * a large generation re-deriving that shape (≈ 7 of 11 s for GitHub's REST API). {@link fastFormat}
 * recognises a statement made only of such lines (a deliberately small grammar, checked line by line)
 * and returns what prettier would print for it; anything else gives `undefined` and goes to prettier.
 * What it rewrites, as prettier does: indentation (from the nesting, the input's is ignored), the
 * quotes of string literals, and a union too long for its line. generator/test/write/fast-format.test.ts
 * compares it with prettier case by case; bench/test/fast-format.test.ts generates GitHub's types and
 * every `@readme/oas-examples` document with and without it and asserts the same bytes.
 */

/** Options {@link fastFormat} understands; any other option with a non-default value disables it. */
export interface FastFormatStyle {
  printWidth: number;
  quote: '"' | "'";
}

/** Options whose values do not affect the statements {@link fastFormat} accepts (it rejects what they affect). */
const INERT = new Set(['parser', 'endOfLine', 'trailingComma', 'arrowParens', 'bracketSpacing', 'bracketSameLine', 'printWidth', 'singleQuote', 'jsxSingleQuote']);

/** The style for `options`, or undefined when an option would make prettier print differently from what is accepted. */
export function fastFormatStyle(options: FormatOptions): FastFormatStyle | undefined {
  if (options['parser'] !== 'babel-ts' && options['parser'] !== 'typescript') return undefined;
  for (const [key, value] of Object.entries(options)) {
    if (INERT.has(key)) continue;
    const fine = (key === 'tabWidth' && value === 2) || (key === 'useTabs' && value === false) || (key === 'semi' && value === true) || (key === 'quoteProps' && value === 'as-needed');
    if (!fine) return undefined;
  }
  const width = options['printWidth'] ?? 80;
  if (typeof width !== 'number') return undefined;
  return { printWidth: width, quote: options['singleQuote'] === true ? "'" : '"' };
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
    // After an operand: `[]`, a closer, `, ` (in generics), or ` | ` / ` & `.
    if (text.startsWith('[]', i)) {
      out += '[]';
      i += 2;
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
  if (IDENT.test(key)) return key;
  const c = key[0];
  if ((c !== '"' && c !== "'") || key[key.length - 1] !== c || key.length < 3) return undefined;
  const body = key.slice(1, -1);
  // A quoted key prettier could unquote (an identifier) is left to prettier; it keeps quoted integers
  // (status codes) with babel-ts and typescript, and quotes other keys with digits first.
  if (/["'\\]/.test(body) || IDENT.test(body) || (/^\d/.test(body) && !/^\d+$/.test(body)) || !/^[\x20-\x7e]+$/.test(body)) return undefined;
  return quote + body + quote;
}

const MEMBER = /^(readonly )?("[^"]*"|'[^']*'|[A-Za-z_$][\w$]*)(\??): (.*)$/;
const IMPORT_LIKE = /^(import|export)( type)? \{ ([A-Za-z_$][\w$]*(?:, [A-Za-z_$][\w$]*)*) \} from (["'])([^"'\\]+)\4;$/;
const EXPORT_ALL = /^export \* from (["'])([^"'\\]+)\1;$/;

/**
 * prettier's output (ending in one newline) for one top-level statement of generated TypeScript (the
 * leading comments included), or undefined when it is not in the small grammar described above:
 * `export interface Name {` with members, `export type Name = T;` or `= {` … `};`, members whose
 * type is a nested `{` … `}` (closed by `};`, `}[];` or `} | null;`) or a union too long for one line, imports and
 * re-exports, JSDoc and line comments. As prettier does, the input's indentation is ignored: each
 * line is indented two spaces per nesting level, JSDoc lines one more. A code line that does not fit
 * the print width, a blank line, a tab or trailing whitespace gives undefined.
 */
export function fastFormat(statement: string, style: FastFormatStyle): string | undefined {
  const lines = statement.replace(/\n+$/, '').split('\n');
  const out: string[] = [];
  // The closings each open block accepts: `}` for an interface, else a type literal's.
  const blocks: Array<'interface' | 'literal'> = [];
  let inComment = false;
  let sawCode = false;
  let statementDone = false;
  for (const line of lines) {
    if (line.includes('\t') || line !== line.trimEnd()) return undefined; // prettier keeps a comment's trailing spaces
    const body = line.trimStart();
    const pad = ' '.repeat(2 * blocks.length);
    if (inComment) {
      // prettier re-indents a JSDoc comment whose lines all start with `*`, trimming each line.
      if (body === '*/') inComment = false;
      else if (!/^\*(?: |$)/.test(body) || body.includes('*/')) return undefined;
      out.push(`${pad} ${body}`);
      continue;
    }
    if (body === '') return undefined;
    if (body.startsWith('/*') || body.startsWith('//')) {
      if (statementDone) return undefined;
      if (body.startsWith('//')) {
        out.push(pad + body);
        continue;
      }
      if (body === '/**') inComment = true;
      else if (!/^\/\*\* .*\S \*\/$/.test(body) || body.slice(3, -2).includes('*/')) return undefined;
      out.push(pad + body);
      continue;
    }
    if (statementDone) return undefined;
    if (blocks.length > 0) {
      // `} | null;` is the one union prettier keeps hugging the literal (any other union is broken up).
      const closing = /^\}((?:\[\])?;| \| null;)?$/.exec(body);
      if (closing !== null) {
        const top = blocks.pop();
        const tail = closing[1] ?? '';
        if ((top === 'interface') !== (tail === '')) return undefined;
        out.push(' '.repeat(2 * blocks.length) + body);
        if (blocks.length === 0) statementDone = true;
        continue;
      }
      const m = MEMBER.exec(body);
      if (m === null) return undefined;
      const key = plainKey(m[2]!, style.quote);
      if (key === undefined) return undefined;
      const head = `${pad}${m[1] ?? ''}${key}${m[3]}: `;
      const lines = typedLines(head, m[4]!, pad, style, true);
      if (lines === undefined) return undefined;
      if (lines === 'open') {
        blocks.push('literal');
        out.push(`${head}{`);
      } else out.push(...lines);
      continue;
    }
    if (sawCode) return undefined;
    sawCode = true;
    const iface = /^(export )?interface ([A-Za-z_$][\w$]*) \{$/.exec(body);
    if (iface !== null) {
      blocks.push('interface');
      out.push(body);
      continue;
    }
    const alias = /^(export )?type ([A-Za-z_$][\w$]*) = (.*)$/.exec(body);
    if (alias !== null) {
      const head = `${alias[1] ?? ''}type ${alias[2]} = `;
      const lines = typedLines(head, alias[3]!, '', style, false);
      if (lines === undefined) return undefined;
      if (lines === 'open') {
        blocks.push('literal');
        out.push(`${head}{`);
      } else {
        out.push(...lines);
        statementDone = true;
      }
      continue;
    }
    const imp = IMPORT_LIKE.exec(body);
    if (imp !== null) {
      const printed = `${imp[1]}${imp[2] ?? ''} { ${imp[3]} } from ${style.quote}${imp[5]}${style.quote};`;
      if (!fits(printed, style)) return undefined;
      out.push(printed);
      statementDone = true;
      continue;
    }
    const all = EXPORT_ALL.exec(body);
    if (all !== null) {
      out.push(`export * from ${style.quote}${all[2]}${style.quote};`);
      statementDone = true;
      continue;
    }
    return undefined;
  }
  if (inComment || blocks.length > 0) return undefined;
  // An empty interface or type literal (`{` then `}`) is printed `{}` by prettier: left to it.
  for (let i = 1; i < out.length; i++) if (/\{$/.test(out[i - 1]!) && /^\s*\}/.test(out[i]!)) return undefined;
  return `${out.join('\n')}\n`;
}

/**
 * The printed lines of `head` (`name: ` or `type Name = `) followed by `rest` as the emitters print it:
 * `'open'` when `rest` opens a type literal (`{`), the line(s) of a plain type ending in `;`, undefined
 * for anything else or a line too long. With `breakUnions`, a union too long for one line is broken as
 * prettier breaks a property's type: after the colon, then (if it still does not fit) one member a line.
 */
function typedLines(head: string, rest: string, pad: string, style: FastFormatStyle, breakUnions: boolean): 'open' | string[] | undefined {
  if (rest === '{') return fits(`${head}{`, style) ? 'open' : undefined;
  if (!rest.endsWith(';')) return undefined;
  const type = plainType(rest.slice(0, -1), style.quote);
  if (type === undefined) return undefined;
  const printed = `${head}${type};`;
  if (fits(printed, style)) return [printed];
  const members = breakUnions ? unionMembers(type) : undefined;
  if (members === undefined) return undefined;
  const next = `${pad}  ${type};`;
  const broken = fits(next, style)
    ? [head.trimEnd(), next]
    : [head.trimEnd(), ...members.map((t, j) => `${pad}  | ${t}${j === members.length - 1 ? ';' : ''}`)];
  return broken.every((l) => fits(l, style)) ? broken : undefined;
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
