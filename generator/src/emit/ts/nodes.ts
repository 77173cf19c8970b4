/**
 * Small typed nodes for the TypeScript the emitters write: type expressions and the top-level
 * statements that hold them (the code inside functions and classes is in `code.ts`). The emitters
 * build these; `printer.ts` prints them once, in their final (prettier) shape. Leaf texts (names,
 * literals, keys) are TypeScript source as the emitters write it (`"a/b"`, `200`, `-1.5`); the
 * printer requotes them as prettier does.
 */
import type { BodyStatement, ClassMember, Expression, Parameter } from './code.js';

/** A type expression. */
export type TypeNode =
  /** A keyword, a name or a qualified name (`string`, `Pet`, `_Pet`). */
  | { kind: 'name'; text: string }
  /** A literal type as source text: a double-quoted string (JSON escapes), a number, `true`/`false`. */
  | { kind: 'literal'; text: string }
  /** `Name<A, B>`. */
  | { kind: 'generic'; name: string; args: TypeNode[] }
  /** `Object[index]`. */
  | { kind: 'indexed'; object: TypeNode; index: TypeNode }
  | { kind: 'array'; element: TypeNode }
  | { kind: 'tuple'; elements: TupleElement[] }
  | { kind: 'union'; types: TypeNode[] }
  | { kind: 'intersection'; types: TypeNode[] }
  /** A type literal; `multiline`: its members start on a line of their own (prettier keeps it broken). */
  | { kind: 'object'; members: Member[]; multiline: boolean }
  /** A function type without parameters, `() => R` (a member's or parameter's type, never in a union). */
  | { kind: 'function'; returns: TypeNode };

export interface TupleElement {
  type: TypeNode;
  optional?: boolean;
  rest?: boolean;
}

/** A member of an object type or interface. */
export type Member =
  | {
      kind: 'property';
      /** The key as source text: a name, a double-quoted string or an integer. */
      key: string;
      optional: boolean;
      type: TypeNode;
      /** The JSDoc comment (`/** … *​/`), if any. */
      docs?: string;
    }
  | { kind: 'index'; keyName: string; keyType: string; type: TypeNode; docs?: string };

/** A name an import or export lists: `name`, `name as alias`, `type name`. */
export interface Specifier {
  name: string;
  alias?: string;
  /** `type name` in a declaration that is not type-only as a whole. */
  typeOnly?: boolean;
}

/** A top-level statement of a source file. */
export type Statement =
  /** Text printed as it is (the banner comment). */
  | { kind: 'text'; text: string }
  | { kind: 'import'; typeOnly: boolean; names: Specifier[]; from: string }
  /** `import * as name from 'from';` */
  | { kind: 'import-namespace'; name: string; from: string }
  /** `export [type] { names } from 'from';` */
  | { kind: 'export'; typeOnly: boolean; names: Specifier[]; from: string }
  /** `export [type] * from 'from';` */
  | { kind: 'export-all'; typeOnly: boolean; from: string }
  /** An interface; `extends` one (generic) type. */
  | { kind: 'interface'; name: string; exported: boolean; docs?: string; extends?: TypeNode; members: Member[] }
  | { kind: 'alias'; name: string; exported: boolean; docs?: string; type: TypeNode }
  | { kind: 'const'; name: string; exported: boolean; docs?: string; type?: TypeNode; init: Expression }
  | { kind: 'function'; name: string; exported: boolean; docs?: string; params: Parameter[]; returns: TypeNode; body: BodyStatement[] }
  /** A class; `extends` a class named by an identifier. */
  | { kind: 'class'; name: string; exported: boolean; docs?: string; extends?: string; members: ClassMember[] };

export const name = (text: string): TypeNode => ({ kind: 'name', text });
export const literal = (text: string): TypeNode => ({ kind: 'literal', text });
/** `Name<A, B>`. */
export const generic = (text: string, args: TypeNode[]): TypeNode => ({ kind: 'generic', name: text, args });

export const UNKNOWN = name('unknown');
export const NEVER = name('never');
export const NULL = name('null');

/**
 * The source text of a type as the emitters wrote it before the printer existed (one line but for
 * multi-line type literals, parentheses where needed). Two types with the same text are the same
 * type: unions are deduplicated, and helper types substituted, by this text. Cached per node.
 */
export function typeText(node: TypeNode): string {
  let text = texts.get(node);
  if (text === undefined) {
    text = computeText(node);
    texts.set(node, text);
  }
  return text;
}
const texts = new WeakMap<TypeNode, string>();

/** Binding strength: 0 union (and function type), 1 intersection, 2 atom (postfix-safe). */
function prec(node: TypeNode): number {
  return node.kind === 'union' || node.kind === 'function' ? 0 : node.kind === 'intersection' ? 1 : 2;
}

function wrapped(node: TypeNode, min: number): string {
  return prec(node) < min ? `(${typeText(node)})` : typeText(node);
}

function computeText(node: TypeNode): string {
  switch (node.kind) {
    case 'name':
    case 'literal':
      return node.text;
    case 'generic':
      return `${node.name}<${node.args.map(typeText).join(', ')}>`;
    case 'indexed':
      return `${wrapped(node.object, 2)}[${typeText(node.index)}]`;
    case 'array':
      return `${wrapped(node.element, 2)}[]`;
    case 'tuple':
      return `[${node.elements.map((e) => (e.rest ? `...${typeText(e.type)}` : e.optional ? `${wrapped(e.type, 2)}?` : typeText(e.type))).join(', ')}]`;
    case 'union':
      return node.types.map((t) => wrapped(t, 1)).join(' | ');
    case 'intersection':
      return node.types.map((t) => wrapped(t, 1)).join(' & ');
    case 'object': {
      const lines = node.members.map(memberText);
      return node.multiline ? `{\n${lines.join('\n')}\n}` : `{ ${lines.map((l) => l.slice(0, -1)).join('; ')} }`;
    }
    case 'function':
      return `() => ${typeText(node.returns)}`;
  }
}

function memberText(m: Member): string {
  const docs = m.docs === undefined ? '' : `${m.docs}\n`;
  if (m.kind === 'index') return `${docs}[${m.keyName}: ${m.keyType}]: ${typeText(m.type)};`;
  return `${docs}${m.key}${m.optional ? '?' : ''}: ${typeText(m.type)};`;
}

/** A union: flattened, deduplicated by text (first occurrence wins), `never` dropped, `unknown` absorbing all. */
export function unionOf(parts: readonly TypeNode[]): TypeNode {
  const seen = new Set<string>();
  const out: TypeNode[] = [];
  for (const part of parts) {
    if (part.kind === 'name' && part.text === 'never') continue;
    if (part.kind === 'name' && part.text === 'unknown') return UNKNOWN;
    for (const piece of part.kind === 'union' ? part.types : [part]) {
      const text = typeText(piece);
      if (!seen.has(text)) {
        seen.add(text);
        out.push(piece);
      }
    }
  }
  if (out.length === 0) return NEVER;
  if (out.length === 1) return out[0]!;
  return { kind: 'union', types: out };
}

/** An intersection, nested intersections flattened. */
export function intersectionOf(parts: readonly TypeNode[]): TypeNode {
  const types = parts.flatMap((p) => (p.kind === 'intersection' ? p.types : [p]));
  return types.length === 1 ? types[0]! : { kind: 'intersection', types };
}

export function isName(node: TypeNode, text: string): boolean {
  return node.kind === 'name' && node.text === text;
}

/** A multi-line type literal of `members`; `Record<string, never>` when there is none. */
export function objectOf(members: Member[]): TypeNode {
  return members.length === 0 ? { kind: 'generic', name: 'Record', args: [name('string'), NEVER] } : { kind: 'object', members, multiline: true };
}

/**
 * Docs text (lines without the `*` prefixes, see `jsDocComment`) → the comment: `/** text *​/` for
 * one line, else `/**`, a ` * line` per line and ` *​/` (the layout ts-morph's JSDoc printer gave
 * these comments before the printer; kept, so the output did not change).
 */
export function commentFromDocs(docs: string): string {
  const lines = docs.split(/\r?\n/);
  const start = lines[0]!.length === 0 ? 1 : 0;
  if (lines.length <= 1) {
    const head = `/** ${lines[start] ?? ''}`;
    return `${head}${head.endsWith(' ') ? '' : ' '}*/`;
  }
  const body = lines.slice(start).map((l) => (l.length > 0 ? ` * ${l}` : ' *'));
  return `/**\n${body.join('\n')}\n */`;
}

/** A comment as `jsDocText` writes it (ending in a newline, `''` for none) → the comment. */
export function commentFromText(text: string): string | undefined {
  return text === '' ? undefined : text.replace(/\n$/, '');
}

/**
 * The names the type nodes of `declarations` refer to (of a qualified name, its first part): what a file's imports must
 * cover, and all they need to. A type built and then dropped (a union member `unknown` absorbs, a schema written as its
 * helper type) may have asked for an import that nothing refers to.
 */
export function referencedTypeNames(declarations: ReadonlyArray<Extract<Statement, { kind: 'interface' | 'alias' }>>): Set<string> {
  const names = new Set<string>();
  const visit = (type: TypeNode): void => {
    switch (type.kind) {
      case 'name':
        names.add(type.text.split('.')[0] as string);
        return;
      case 'literal':
        return;
      case 'generic':
        names.add(type.name);
        type.args.forEach(visit);
        return;
      case 'indexed':
        visit(type.object);
        visit(type.index);
        return;
      case 'array':
        visit(type.element);
        return;
      case 'tuple':
        for (const element of type.elements) visit(element.type);
        return;
      case 'union':
      case 'intersection':
        type.types.forEach(visit);
        return;
      case 'object':
        for (const member of type.members) visit(member.type);
        return;
      case 'function':
        visit(type.returns);
        return;
    }
  };
  for (const declaration of declarations) {
    if (declaration.kind === 'alias') visit(declaration.type);
    else {
      if (declaration.extends !== undefined) visit(declaration.extends);
      for (const member of declaration.members) visit(member.type);
    }
  }
  return names;
}
