/**
 * Prints the nodes of `nodes.ts` in their final shape: the layout prettier 3 gives them with the
 * repository's style (print width 100, single quotes, trailing commas, semicolons, two spaces).
 * Each construct becomes the document prettier's TypeScript printer builds for it (the same groups,
 * indentation and line kinds), and `doc.ts` lays documents out as prettier's document printer does;
 * quotes, keys and numbers are normalized as prettier normalizes them. Nothing is parsed.
 *
 * The identity with prettier is a test: generator/test/emit/printer-identity.test.ts runs prettier
 * over the printed files of every fixture and expects no change.
 */
import { type Doc, align, group, hardline, ifBreak, indent, indentIfBreak, join, keepTrailingHardline, line, lines as docLines, printDoc, softline } from './doc.js';
import type { Member, Statement, TupleElement, TypeNode } from './nodes.js';

export const PRINT_WIDTH = 100;

// Documents used over and over (documents other than groups are never changed by the layout).
const BAR_IF_BREAK = ifBreak('| ');
const LINE_BAR: Doc = [line, '| '];
const SEMI_IF_BREAK = ifBreak(';');

/** A source file: statements one after the other, a blank line between them but between imports. */
export function printFile(statements: readonly Statement[]): string {
  let out = '';
  statements.forEach((statement, i) => {
    if (i > 0) out += statement.kind === 'import' && statements[i - 1]!.kind === 'import' ? '\n' : '\n\n';
    out += printStatement(statement);
  });
  return `${out}\n`;
}

export function printStatement(statement: Statement): string {
  switch (statement.kind) {
    case 'text':
      return statement.text;
    case 'import':
      return printDoc(importDoc(statement), PRINT_WIDTH);
    case 'interface': {
      const head = `${statement.exported ? 'export ' : ''}interface ${statement.name} `;
      const body = ['{', indent([hardline, join(hardline, statement.members.map((m) => [memberDoc(m), ';']))]), hardline, '}'];
      return printDoc([docsDoc(statement.docs), head, body], PRINT_WIDTH);
    }
    case 'alias': {
      const left = `${statement.exported ? 'export ' : ''}type ${statement.name}`;
      return printDoc([docsDoc(statement.docs), assignment(left, statement.type), ';'], PRINT_WIDTH);
    }
  }
}

function importDoc(s: Extract<Statement, { kind: 'import' }>): Doc {
  const specifiers = s.names.map((n) => (n.alias !== undefined && n.alias !== n.name ? `${n.name} as ${n.alias}` : n.name));
  const braces: Doc =
    specifiers.length > 1 ? group(['{', indent([line, join([',', line], specifiers)]), ifBreak(','), line, '}']) : `{ ${specifiers[0] ?? ''} }`;
  return ['import', s.typeOnly ? ' type' : '', ' ', braces, ' from ', printString(JSON.stringify(s.from)), ';'];
}

/** `left = type` as prettier's `printAssignment` lays out a type alias. */
function assignment(left: string, type: TypeNode): Doc {
  if (type.kind === 'union' && !hugs(type)) {
    // "break-after-operator"
    return group([left, ' =', group(indent([line, unionDoc(type, 'assignment')]))]);
  }
  // "fluid"
  const id = Symbol('assignment');
  return group([left, ' =', group(indent(line), { id }), indentIfBreak(typeDoc(type, 'other'), id)]);
}

/** A JSDoc comment and the line break after it, as prettier prints a leading block comment. */
function docsDoc(docs: string | undefined): Doc {
  if (docs === undefined) return '';
  return [commentDoc(docs), hardline];
}

function commentDoc(comment: string): Doc {
  const value = comment.slice(2, -2);
  if (!value.includes('\n')) return comment;
  const lines = `*${value}*`.split('\n').map((l) => l.trimStart());
  if (!lines.every((l) => l.startsWith('*'))) throw new Error(`not an indentable comment: ${comment}`);
  const jsDoc = value[0] === '*' && value[1] !== '*';
  const keeps = (l: string, i: number): boolean => jsDoc && i > 0 && i < lines.length - 1 && l.trimEnd() !== '*' && l.endsWith('  ');
  if (!lines.some(keeps)) {
    // The common case as one node: `/**`, ` * …` lines re-indented and trimmed, ` */`.
    return docLines(lines.map((l, i) => (i === 0 ? `/${l.trimEnd()}` : i === lines.length - 1 ? ` ${l}/` : ` ${l.trimEnd()}`)));
  }
  const parts: Doc[] = ['/'];
  lines.forEach((l, i) => {
    if (i === 0) parts.push(l.trimEnd(), hardline);
    else if (i === lines.length - 1) parts.push(' ', l);
    else {
      const trimmed = l.trimEnd();
      if (jsDoc && trimmed !== '*' && l.endsWith('  ')) parts.push(` ${trimmed}`, '  ', keepTrailingHardline);
      else parts.push(` ${trimmed}`, hardline);
    }
  });
  parts.push('/');
  return parts;
}

function memberDoc(m: Member): Doc {
  const docs = docsDoc(m.docs);
  if (m.kind === 'index') {
    return [docs, group(['[', group([indent([softline, `${m.keyName}: ${m.keyType}`]), softline]), ']', ': ', typeDoc(m.type, 'annotation')])];
  }
  const type = typeDoc(m.type, 'annotation');
  const head = `${printKey(m.key)}${m.optional ? '?' : ''}: `;
  // A type without a possible line break is plain text: its group would lay out the same.
  if (typeof type === 'string') return docs === '' ? head + type : [docs, head + type];
  return [docs, group([head, type])];
}

/** Where a type stands, as far as its layout depends on it. */
type Place = 'annotation' | 'assignment' | 'array' | 'intersection' | 'union' | 'tuple' | 'tuple-single' | 'optional' | 'type-arg' | 'other';

function typeDoc(node: TypeNode, place: Place): Doc {
  switch (node.kind) {
    case 'name':
      return node.text;
    case 'literal':
      return literalDoc(node.text);
    case 'generic': {
      const args = node.args.map((a) => typeDoc(a, 'type-arg'));
      if (node.args.length === 1 && simpleOrObject(node.args[0]!)) return [node.name, '<', args[0]!, '>'];
      return [node.name, group(['<', indent([softline, join([',', line], args)]), softline, '>'])];
    }
    case 'indexed':
      return concat([typeDoc(node.object, 'other'), '[', typeDoc(node.index, 'other'), ']']);
    case 'array':
      return concat([typeDoc(node.element, 'array'), '[]']);
    case 'tuple':
      return tupleDoc(node.elements);
    case 'union':
      return unionDoc(node, place);
    case 'intersection':
      return intersectionDoc(node, place);
    case 'object':
      return objectDoc(node);
  }
}

/** The parts as one string when every part is a string (no line break possible), else as they are. */
function concat(parts: Doc[]): Doc {
  return parts.every((p) => typeof p === 'string') ? parts.join('') : parts;
}

/** prettier's `isSimpleType || isObjectType`, or a union it hugs: type arguments kept on the line. */
function simpleOrObject(node: TypeNode): boolean {
  if (node.kind === 'name' || node.kind === 'object') return true;
  if (node.kind === 'union') return hugs(node);
  return false;
}

const isVoid = (t: TypeNode): boolean => t.kind === 'name' && (t.text === 'null' || t.text === 'void');
const isObjectLike = (t: TypeNode): boolean => t.kind === 'object' || t.kind === 'generic' || (t.kind === 'name' && !KEYWORDS.has(t.text));
const KEYWORDS = new Set(['string', 'number', 'boolean', 'null', 'undefined', 'unknown', 'never', 'object', 'void', 'bigint', 'symbol', 'any', 'true', 'false']);

/** prettier's `shouldHugType` for a union: one object-like type (a literal or a reference) and `null`s. */
function hugs(node: Extract<TypeNode, { kind: 'union' }>): boolean {
  const object = node.types.find(isObjectLike);
  return object !== undefined && node.types.every((t) => t === object || isVoid(t));
}

function unionDoc(node: Extract<TypeNode, { kind: 'union' }>, place: Place): Doc {
  const parenthesized = place === 'array' || place === 'intersection' || place === 'optional' || place === 'union';
  if (hugs(node)) {
    const hugged = join(' | ', node.types.map((t) => typeDoc(t, 'union')));
    return concat(parenthesized ? ['(', ...hugged, ')'] : hugged);
  }
  const code = group(node.types.map((t, i) => [i === 0 ? BAR_IF_BREAK : LINE_BAR, align(2, typeDoc(t, 'union'))]));
  if (parenthesized) return ['(', group([indent([softline, code]), softline]), ')'];
  if (place === 'tuple') return group([indent([ifBreak(['(', softline]), code]), softline, ifBreak(')')]);
  if (place === 'assignment' || place === 'type-arg' || place === 'tuple-single') return code;
  return group(indent([softline, code]));
}

const isObjectType = (t: TypeNode): boolean => t.kind === 'object';

function intersectionDoc(node: Extract<TypeNode, { kind: 'intersection' }>, place: Place): Doc {
  let wasIndented = false;
  const parts = node.types.map((t, i): Doc => {
    const doc = typeDoc(t, 'intersection');
    if (i === 0) return doc;
    const current = isObjectType(t);
    const previous = isObjectType(node.types[i - 1]!);
    if (previous && current) return [' & ', wasIndented ? indent(doc) : doc];
    if (!previous && !current) return indent([' &', line, doc]);
    if (i > 1) wasIndented = true;
    return [' & ', i > 1 ? indent(doc) : doc];
  });
  const doc = group(parts);
  // An intersection in a union, an array or an optional element keeps its parentheses.
  return place === 'union' || place === 'array' || place === 'optional' ? ['(', doc, ')'] : doc;
}

function objectDoc(node: Extract<TypeNode, { kind: 'object' }>): Doc {
  const parts: Doc[] = [];
  node.members.forEach((m, i) => {
    const last = i === node.members.length - 1;
    parts.push(memberDoc(m), last ? SEMI_IF_BREAK : ';');
    if (!last) parts.push(line);
  });
  return group(['{', indent([line, ...parts]), line, '}'], { shouldBreak: node.multiline });
}

function tupleDoc(elements: readonly TupleElement[]): Doc {
  if (elements.length === 0) return '[]';
  const place: Place = elements.length > 1 ? 'tuple' : 'tuple-single';
  const printed = elements.map((e) =>
    group(e.rest ? ['...', typeDoc(e.type, 'other')] : e.optional ? [typeDoc(e.type, 'optional'), '?'] : typeDoc(e.type, place)),
  );
  const trailing = elements[elements.length - 1]!.rest ? '' : ifBreak(',');
  return group(['[', indent([softline, join([',', line], printed)]), trailing, softline, ']']);
}

/** A literal type's text as prettier prints it (quotes of strings, the spelling of numbers). */
function literalDoc(text: string): string {
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
function printNumber(text: string): string {
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
function printKey(key: string): string {
  if (key[0] !== '"' && key[0] !== "'") return key;
  const printed = printString(key);
  const value = JSON.parse(key[0] === '"' ? key : `"${key.slice(1, -1).replace(/"/g, '\\"')}"`) as string;
  if (printed.slice(1, -1) === value && ES5_IDENTIFIER.test(value)) return value;
  return printed;
}
