/**
 * Small text helpers shared by the emitters: identifier checks, property keys, literal types,
 * code-unit ordering and the file banner.
 */
import { isIdentifier } from '../model/naming.js';
import type { EmitOptions } from './types.js';

/** Code-unit order (never `localeCompare`): the same result on every machine. */
export { compareCodeUnits } from '../model/naming.js';

/**
 * A double-quoted TypeScript string literal that evaluates to exactly `value`, whatever it holds: JSON's escapes
 * (quotes, backslashes, control characters, NUL, lone surrogates as `\uD800`), plus U+2028 and U+2029 as `\u2028` and
 * `\u2029` (line terminators to editors, JavaScript before ES2019 and line-based tools: the literal stays on its line,
 * visibly). A backslash at the very end is
 * written `\u005C` (`"C:\\logs\u005C"`): the code writer that printed the client before the printer (D32) took a quote
 * right after a backslash for an escaped quote (corpus-found/fuzz-invalid-method-name); the spelling is kept, so the
 * output did not change. The one escaping of document text into a TypeScript string (descriptors, literal types,
 * keys): never `JSON.stringify` directly.
 */
export function stringLiteral(value: string): string {
  return JSON.stringify(value)
    .replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'))
    .replace(/\\\\"$/, '\\u005C"');
}

/** The escape sequences and characters of a {@link stringLiteral}'s body, one token each. */
function literalTokens(value: string): string[] {
  return (
    stringLiteral(value)
      .slice(1, -1)
      .match(/\\u[0-9a-fA-F]{4}|\\[^u]|[^\\]/g) ?? []
  );
}

/**
 * A string literal of `value` quoted as prettier quotes it (single quotes unless the value holds more of them than
 * double quotes), with the escapes of {@link stringLiteral}: for code the generator shows in Markdown.
 */
export function quotedString(value: string): string {
  const tokens = literalTokens(value);
  const singles = tokens.filter((t) => t === "'").length;
  const doubles = tokens.filter((t) => t === '\\"').length;
  if (singles > doubles) return stringLiteral(value);
  return `'${tokens.map((t) => (t === '\\"' ? '"' : t === "'" ? "\\'" : t)).join('')}'`;
}

/**
 * A line of a `//` comment holding `text`: line endings (CR, LF, U+2028, U+2029, which end a `//` comment) become
 * spaces.
 */
export function lineCommentText(text: string): string {
  return text.replace(/\r\n?|[\n\u2028\u2029]/g, ' ');
}

/**
 * A property key as TypeScript source: bare when it is an identifier name (reserved words are legal
 * keys), otherwise a double-quoted string literal ({@link stringLiteral}). Wire names are never changed.
 */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : stringLiteral(name);
}

/** Names of `Object.prototype` members (`toString`, `constructor`, `__proto__`, …). */
const OBJECT_PROTOTYPE_MEMBERS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** True when `name` is an `Object.prototype` member, so a plain object literal or index access would collide with it. */
export function isObjectPrototypeMember(name: string): boolean {
  return OBJECT_PROTOTYPE_MEMBERS.has(name);
}

/**
 * A key for an object-literal VALUE (not a type member): like {@link propertyKey}, but `__proto__` becomes the computed
 * key `["__proto__"]`, because a plain `__proto__: v` in a literal sets the prototype instead of an own property.
 */
export function literalKey(name: string): string {
  return name === '__proto__' ? '["__proto__"]' : propertyKey(name);
}

/**
 * A literal type for a JSON scalar: strings as {@link stringLiteral} (quotes, backslashes, control characters),
 * numbers and booleans as written, `null` as `null`.
 */
export function literalType(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'number';
    return Object.is(value, -0) ? '0' : String(value);
  }
  return value ? 'true' : 'false';
}

/** Any line ending: CRLF, CR, LF, U+2028, U+2029. */
const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/;

/** The first line of `text` (any line ending), trimmed; `''` for `undefined`. */
export function firstLine(text: string | undefined): string {
  return (text ?? '').split(LINE_BREAK)[0]!.trim();
}

/**
 * The first paragraph of `text` on one line: its lines (any line ending) up to the first blank one, trimmed and joined
 * with spaces, so a sentence wrapped in the spec is not cut where it wraps; `''` for `undefined`.
 */
export function firstParagraph(text: string | undefined): string {
  const lines = (text ?? '').split(LINE_BREAK).map((l) => l.trim());
  const end = lines.findIndex((l, i) => l === '' && i > 0);
  return lines
    .slice(0, end === -1 ? lines.length : end)
    .filter((l) => l !== '')
    .join(' ');
}

/** The one-line banner every generated source file starts with (no dates, versions or absolute paths). */
export function bannerLine(options: Pick<EmitOptions, 'specPath' | 'command'>): string {
  return `// Generated by sdkgen from ${options.specPath}. Do not edit: run \`${options.command}\`.`;
}
