/**
 * Type expressions as prettier 3 prints them (its `printUnionType`, `printIntersectionType`,
 * `printTypeParameters` for type arguments, `printClassBody` for type literals, tuples, indexed
 * access): each node becomes the document prettier builds for it in the same place.
 */
import { type Doc, align, group, ifBreak, indent, join, line, softline } from './doc.js';
import { literalDoc, printKey } from './literals.js';
import type { Member, TupleElement, TypeNode } from './nodes.js';
import { docsDoc } from './print-comments.js';

// Documents used over and over (documents other than groups are never changed by the layout).
const BAR_IF_BREAK = ifBreak('| ');
const LINE_BAR: Doc = [line, '| '];
const SEMI_IF_BREAK = ifBreak(';');

export function memberDoc(m: Member): Doc {
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
export type TypePlace = 'annotation' | 'assignment' | 'array' | 'intersection' | 'union' | 'tuple' | 'tuple-single' | 'optional' | 'type-arg' | 'other';

export function typeDoc(node: TypeNode, place: TypePlace): Doc {
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
    case 'function':
      return group(['() => ', typeDoc(node.returns, 'other')]);
  }
}

/** The parts as one string when every part is a string (no line break possible), else as they are. */
function concat(parts: Doc[]): Doc {
  return parts.every((p) => typeof p === 'string') ? parts.join('') : parts;
}

/** prettier's `shouldHugType` (`isSimpleType || isObjectType`, or a union it hugs): type arguments kept on the line. */
export function simpleOrObject(node: TypeNode): boolean {
  if (node.kind === 'name' || node.kind === 'literal' || node.kind === 'object') return true;
  if (node.kind === 'union') return hugs(node);
  return false;
}

const isVoid = (t: TypeNode): boolean => t.kind === 'name' && (t.text === 'null' || t.text === 'void');
const isObjectLike = (t: TypeNode): boolean => t.kind === 'object' || t.kind === 'generic' || (t.kind === 'name' && !KEYWORDS.has(t.text));
const KEYWORDS = new Set([
  'string',
  'number',
  'boolean',
  'null',
  'undefined',
  'unknown',
  'never',
  'object',
  'void',
  'bigint',
  'symbol',
  'any',
  'true',
  'false',
]);

/** prettier's `shouldHugType` for a union: one object-like type (a literal or a reference) and `null`s. */
export function hugs(node: Extract<TypeNode, { kind: 'union' }>): boolean {
  const object = node.types.find(isObjectLike);
  return object !== undefined && node.types.every((t) => t === object || isVoid(t));
}

export function unionDoc(node: Extract<TypeNode, { kind: 'union' }>, place: TypePlace): Doc {
  const parenthesized = place === 'array' || place === 'intersection' || place === 'optional' || place === 'union';
  if (hugs(node)) {
    const hugged = join(
      ' | ',
      node.types.map((t) => typeDoc(t, 'union')),
    );
    return concat(parenthesized ? ['(', ...hugged, ')'] : hugged);
  }
  const code = group(node.types.map((t, i) => [i === 0 ? BAR_IF_BREAK : LINE_BAR, align(2, typeDoc(t, 'union'))]));
  if (parenthesized) return ['(', group([indent([softline, code]), softline]), ')'];
  if (place === 'tuple') return group([indent([ifBreak(['(', softline]), code]), softline, ifBreak(')')]);
  if (place === 'assignment' || place === 'type-arg' || place === 'tuple-single') return code;
  return group(indent([softline, code]));
}

const isObjectType = (t: TypeNode): boolean => t.kind === 'object';

function intersectionDoc(node: Extract<TypeNode, { kind: 'intersection' }>, place: TypePlace): Doc {
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

/**
 * A type literal; `grouped: false` when it is the only parameter's type (prettier hugs it: its
 * lines belong to the signature's group, so the signature breaks inside the braces).
 */
export function objectDoc(node: Extract<TypeNode, { kind: 'object' }>, grouped = true): Doc {
  if (node.members.length === 0) return '{}';
  const parts: Doc[] = [];
  node.members.forEach((m, i) => {
    const last = i === node.members.length - 1;
    parts.push(memberDoc(m), last ? SEMI_IF_BREAK : ';');
    if (!last) parts.push(line);
  });
  const content: Doc = ['{', indent([line, ...parts]), line, '}'];
  return grouped ? group(content, { shouldBreak: node.multiline }) : content;
}

function tupleDoc(elements: readonly TupleElement[]): Doc {
  if (elements.length === 0) return '[]';
  const place: TypePlace = elements.length > 1 ? 'tuple' : 'tuple-single';
  const printed = elements.map((e) =>
    group(e.rest ? ['...', typeDoc(e.type, 'other')] : e.optional ? [typeDoc(e.type, 'optional'), '?'] : typeDoc(e.type, place)),
  );
  // A broken tuple ends with a comma, after a rest element too (`...number[],`: a TSRestType, unlike an array
  // pattern's rest element, may have one, and prettier prints it).
  return group(['[', indent([softline, join([',', line], printed)]), ifBreak(','), softline, ']']);
}
