/**
 * Literal texts as prettier prints them: strings requoted (single quotes unless the text holds
 * more of them), numbers respelled, property keys unquoted where they can be (quote-props
 * `as-needed`, never numbers in TypeScript).
 */

/** A literal's text as prettier prints it (quotes of strings, the spelling of numbers): types and values alike. */
export function literalDoc(text: string): string {
  if (text.startsWith('"') || text.startsWith("'")) return printString(text);
  if (/^-?[\d.]/.test(text)) return text.startsWith('-') ? `-${printNumber(text.slice(1))}` : printNumber(text);
  return text;
}

/** prettier's `printString` with single quotes preferred: the quote that needs fewer escapes. */
export function printString(raw: string): string {
  const content = raw.slice(1, -1);
  let singles = 0;
  let doubles = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === 39) singles++;
    else if (c === 34) doubles++;
  }
  const enclosing = singles > doubles ? '"' : "'";
  if (raw[0] === enclosing) return raw;
  const other = enclosing === '"' ? "'" : '"';
  const body = content.replace(/\\(["'\\])|(["'])/g, (match, escaped: string | undefined, quote: string | undefined) =>
    escaped !== undefined ? (escaped === other ? escaped : match) : quote === enclosing ? `\\${quote}` : (quote as string),
  );
  return enclosing + body + enclosing;
}

/** prettier's `printNumber`. */
export function printNumber(text: string): string {
  return text
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, '$1$2')
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, '$1')
    .replace(/^([+-])?\./, '$10.')
    .replace(/(\.\d+?)0+(?=e|$)/, '$1')
    .replace(/\.(?=e|$)/, '');
}

/** ES5 identifier names (Unicode letters, `$`, `_`; then digits, marks and connectors too). */
const ES5_IDENTIFIER = /^[$_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}][$_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u200c\u200d]*$/u;

/** A property key as prettier prints it (quote-props `as-needed`): a quoted identifier name unquoted, other quoted keys requoted. */
export function printKey(key: string): string {
  if (key[0] !== '"' && key[0] !== "'") return key;
  const printed = printString(key);
  const value = JSON.parse(key[0] === '"' ? key : `"${key.slice(1, -1).replace(/"/g, '\\"')}"`) as string;
  if (printed.slice(1, -1) === value && ES5_IDENTIFIER.test(value)) return value;
  return printed;
}
