/**
 * Expressions as prettier 3 prints them, for the constructs of `code.ts`: each becomes the
 * document prettier's estree printer builds for it in the same place (its `printAssignment` with
 * the layout `chooseLayout` picks, `printCallArguments` with last-argument hugging, member
 * lookups and member chains of one call, `printObject`, `printArray`, binary expressions, ternaries
 * that are not nested, `as`/`satisfies`). Where prettier looks at the parent node, the parent is
 * passed in. Only the places the client emitter puts these constructs in are laid out: a cast, a
 * binary expression or a call is never a callee or the object of a member access, an index is never
 * a number, a ternary is only a property's value.
 */
import type { BinaryOperator, Expression, ObjectPattern, ObjectProperty } from './code.js';
import {
  type Doc,
  align,
  breakParent,
  canBreak,
  conditionalGroup,
  fill,
  group,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  softline,
  stringWidth,
  willBreak,
} from './doc.js';
import { literalDoc, printKey, printString } from './literals.js';
import type { TypeNode } from './nodes.js';
import { simpleOrObject, typeDoc } from './print-types.js';

/** What an expression's layout depends on: its parent node, as prettier sees it. */
export type Parent =
  | {
      kind:
        | 'statement'
        | 'return'
        | 'declarator'
        | 'property'
        | 'argument'
        | 'callee'
        | 'index'
        | 'if-test'
        | 'cast'
        | 'element'
        | 'spread'
        | 'branch'
        | 'test'
        | 'typeof'
        | 'iterable'
        | 'default'
        | 'await'
        | 'arrow-body';
    }
  /** The object of a member access; `root`: the nearest parent that is not a member access. */
  | { kind: 'member'; root: Parent }
  /** An operand of a binary expression. */
  | { kind: 'binary'; operator: BinaryOperator }
  /** Either side of an assignment expression; `nonIdentifierLeft`: its left side is not a plain name. */
  | { kind: 'assignment'; nonIdentifierLeft: boolean };

const TAB_WIDTH = 2;

/** The document of an expression standing in `parent`. */
export function exprDoc(e: Expression, parent: Parent): Doc {
  switch (e.kind) {
    case 'identifier':
      return e.name;
    case 'this':
    case 'super':
      return e.kind;
    case 'literal':
      return literalDoc(e.text);
    case 'template':
      return e.text;
    case 'member':
    case 'index':
      return memberDoc(e, parent);
    case 'call':
      return callDoc(e);
    case 'new':
      return ['new ', exprDoc(e.callee, { kind: 'callee' }), argumentsDoc(e.args)];
    case 'object':
      return objectDoc(e);
    case 'array':
      return arrayDoc(e.elements);
    case 'cast':
      return [exprDoc(e.expression, { kind: 'cast' }), ` ${e.operator} `, typeDoc(e.type, 'other')];
    case 'typeof':
      return ['typeof ', exprDoc(e.argument, { kind: 'typeof' })];
    case 'binary':
      return binaryDoc(e, parent);
    case 'conditional':
      return conditionalDoc(e, parent);
    case 'assignment': {
      const side: Parent = { kind: 'assignment', nonIdentifierLeft: e.left.kind !== 'identifier' };
      return assignmentDoc(exprDoc(e.left, side), ` ${e.operator}`, e.right, side);
    }
    case 'parenthesized':
      return ['(', exprDoc(e.expression, parent), ')'];
    case 'await':
      if (parent.kind === 'callee' || parent.kind === 'member') throw new Error('`await` as a callee or the object of a member access is not printed');
      return ['await ', exprDoc(e.argument, { kind: 'await' })];
    case 'arrow':
      return arrowDoc(e);
  }
}

/** prettier's `printArrowFunction` for one parameter and an expression body that goes after `=>` or on the next line. */
function arrowDoc(e: Extract<Expression, { kind: 'arrow' }>): Doc {
  if (['object', 'array', 'arrow', 'conditional'].includes(e.body.kind)) throw new Error(`an arrow function with a body of kind ${e.body.kind} is not printed`);
  const param: Doc =
    typeof e.param === 'string'
      ? group(['(', indent([softline, e.param]), ifBreak(','), softline, ')'])
      : // A lone object pattern hugs the parentheses (prettier's `shouldHugTheOnlyFunctionParameter`).
        group(['(', patternContents(e.param), ')']);
  return group([group(param), ' =>', group(indent([line, exprDoc(e.body, { kind: 'arrow-body' })]))]);
}

/** `{ a, b: c, ...rest }` without its group: prettier's `printObject` for an object pattern (no trailing comma after a rest). */
export function patternContents(p: ObjectPattern): Doc {
  const parts: Doc[] = p.properties.map((x) =>
    x.key === x.value ? x.key : assignmentDoc(printKey(x.key), ':', { kind: 'identifier', name: x.value }, { kind: 'property' }, { property: true }),
  );
  if (p.rest !== undefined) parts.push(['...', p.rest]);
  return ['{', indent([line, join([',', line], parts)]), p.rest === undefined ? ifBreak(',') : '', line, '}'];
}

type Member = Extract<Expression, { kind: 'member' | 'index' }>;
type Call = Extract<Expression, { kind: 'call' }>;
type Binary = Extract<Expression, { kind: 'binary' }>;

/** `.name`, `?.name`, `[index]`, `?.[index]` (prettier's `printMemberLookup`). */
function lookupDoc(e: Member): Doc {
  const optional = e.optional === true ? '?.' : '';
  if (e.kind === 'member') return `${optional === '' ? '.' : optional}${e.name}`;
  const index = exprDoc(e.index, { kind: 'index' });
  return group([optional, '[', indent([softline, index]), softline, ']']);
}

/** prettier's `printMemberExpression`: the lookup on the same line, or after a soft line break. */
function memberDoc(e: Member, parent: Parent): Doc {
  const root = parent.kind === 'member' ? parent.root : parent;
  const objectDoc = exprDoc(e.object, { kind: 'member', root });
  const inline =
    (root.kind === 'assignment' && root.nonIdentifierLeft) ||
    e.kind === 'index' ||
    (e.object.kind === 'identifier' && !e.name.startsWith('#') && parent.kind !== 'member');
  return [objectDoc, inline ? lookupDoc(e) : group(indent([softline, lookupDoc(e)]))];
}

const isMemberish = (e: Expression): e is Member => e.kind === 'member' || e.kind === 'index';

function callDoc(e: Call): Doc {
  if (isMemberish(e.callee)) return memberChainDoc(e);
  return [exprDoc(e.callee, { kind: 'callee' }), typeArgumentsDoc(e.typeArgs), argumentsDoc(e.args)];
}

/** Type arguments of a call (prettier's `printTypeParameters` for an instantiation: no trailing comma). */
function typeArgumentsDoc(args: readonly TypeNode[] | undefined): Doc {
  if (args === undefined || args.length === 0) return '';
  const docs = args.map((a) => typeDoc(a, 'type-arg'));
  if (args.length === 1 && simpleOrObject(args[0]!)) return ['<', docs[0]!, '>'];
  return group(['<', indent([softline, join([',', line], docs)]), softline, '>']);
}

/**
 * prettier's `printMemberChain` for one call on a member access (`this.client.request<T>(…)`,
 * `super.request(…)`, `Object.entries(…)`): the chain is cut into two groups, the receiver and
 * `.name(…)`, which prettier prints as one group. Chains with more calls (`a.b().c()`, which
 * prettier may break one call a line) are not written by the emitters.
 */
function memberChainDoc(e: Call): Doc {
  const lookups: Doc[] = [];
  let receiver: Expression = e.callee;
  while (isMemberish(receiver)) {
    lookups.unshift(lookupDoc(receiver));
    receiver = receiver.object;
  }
  if (receiver.kind === 'call' || receiver.kind === 'new') throw new Error('member chains of more than one call are not printed');
  return group([exprDoc(receiver, { kind: 'callee' }), ...lookups, typeArgumentsDoc(e.typeArgs), argumentsDoc(e.args)]);
}

/** prettier's `printCallArguments`: one line, the last argument hugged (an object or array), or one argument a line. */
function argumentsDoc(args: readonly Expression[]): Doc {
  if (args.length === 0) return '()';
  if (args[args.length - 1]!.kind === 'arrow') throw new Error('an arrow function as the last argument is not printed');
  const printed = args.map((a, i): Doc => (i < args.length - 1 ? [exprDoc(a, { kind: 'argument' }), ',', line] : exprDoc(a, { kind: 'argument' })));
  const allBrokenOut = (): Doc => group(['(', indent([line, ...printed]), ifBreak(','), line, ')'], { shouldBreak: true });
  if (isFunctionComposition(args)) return allBrokenOut();
  if (shouldExpandLastArg(args)) {
    const head = printed.slice(0, -1);
    if (head.some(willBreak)) return allBrokenOut();
    const last = printed[printed.length - 1]!;
    if (willBreak(last)) return [breakParent, conditionalGroup([['(', ...head, group(last, { shouldBreak: true }), ')'], allBrokenOut()])];
    return conditionalGroup([['(', ...head, last, ')'], ['(', ...head, group(last, { shouldBreak: true }), ')'], allBrokenOut()]);
  }
  return group(['(', indent([softline, ...printed]), ifBreak(','), softline, ')'], { shouldBreak: printed.some(willBreak) });
}

/** prettier's `isFunctionCompositionArgs`: two or more arrow functions, or a call among them with an arrow function argument. */
function isFunctionComposition(args: readonly Expression[]): boolean {
  if (args.length <= 1) return false;
  let arrows = 0;
  for (const arg of args) {
    if (arg.kind === 'arrow') {
      if (++arrows > 1) return true;
    } else if (arg.kind === 'call' && arg.args.some((a) => a.kind === 'arrow')) return true;
  }
  return false;
}

function couldExpandArg(arg: Expression): boolean {
  if (arg.kind === 'object') return arg.properties.length > 0;
  if (arg.kind === 'array') return arg.elements.length > 0;
  return arg.kind === 'cast' && couldExpandArg(arg.expression);
}

/** The AST node type as far as prettier compares two arguments' types. */
const nodeType = (e: Expression): string => (e.kind === 'cast' ? e.operator : e.kind);

function shouldExpandLastArg(args: readonly Expression[]): boolean {
  const last = args[args.length - 1]!;
  const penultimate = args[args.length - 2];
  return couldExpandArg(last) && (penultimate === undefined || nodeType(penultimate) !== nodeType(last)) && !(args.length > 1 && isConciseArray(last));
}

const isNumeric = (text: string): boolean => /^-?[\d.]/.test(text);
const isNumericLiteral = (e: Expression): boolean => e.kind === 'literal' && /^[\d.]/.test(e.text);
const isStringLiteral = (e: Expression): boolean => e.kind === 'literal' && (e.text.startsWith('"') || e.text.startsWith("'"));

/** An array of numbers (signed or not): prettier fills its lines. */
function isConciseArray(e: Expression): boolean {
  return e.kind === 'array' && e.elements.length > 0 && e.elements.every((el) => el.kind === 'literal' && isNumeric(el.text));
}

function objectDoc(e: Extract<Expression, { kind: 'object' }>): Doc {
  if (e.properties.length === 0) return '{}';
  const parts = e.properties.map((p, i): Doc => (i === 0 ? propertyDoc(p) : [',', line, propertyDoc(p)]));
  return group(['{', indent([line, ...parts]), ifBreak(','), line, '}'], { shouldBreak: e.multiline });
}

function propertyDoc(p: ObjectProperty): Doc {
  switch (p.kind) {
    case 'shorthand':
      return p.name;
    case 'spread':
      return ['...', exprDoc(p.argument, { kind: 'spread' })];
    case 'property':
      return assignmentDoc(p.computed === true ? `[${literalDoc(p.key)}]` : printKey(p.key), ':', p.value, { kind: 'property' }, { property: true });
  }
}

/** prettier's `printArray`: broken when every element is an object or array of 2+ entries; numbers filled. */
export function arrayDoc(elements: readonly Expression[]): Doc {
  if (elements.length === 0) return '[]';
  const shouldBreak =
    elements.length > 1 &&
    elements.every((el, i) => {
      if (el.kind !== 'object' && el.kind !== 'array') return false;
      const next = elements[i + 1];
      if (next !== undefined && next.kind !== el.kind) return false;
      return (el.kind === 'object' ? el.properties.length : el.elements.length) > 1;
    });
  if (isConciseArray({ kind: 'array', elements: [...elements] })) {
    const id = Symbol('array');
    const parts: Doc[] = [];
    elements.forEach((el, i) => {
      const last = i === elements.length - 1;
      parts.push([exprDoc(el, { kind: 'element' }), last ? ifBreak(',', '', { groupId: id }) : ',']);
      if (!last) parts.push(line);
    });
    return group(['[', indent([softline, fill(parts)]), softline, ']'], { shouldBreak, id });
  }
  const printed = elements.map((el) => group(exprDoc(el, { kind: 'element' })));
  return group(['[', indent([softline, join([',', line], printed), ifBreak(',')]), softline, ']'], { shouldBreak });
}

type Layout = 'break-after-operator' | 'never-break-after-operator' | 'fluid' | 'break-lhs';

/**
 * prettier's `printAssignment`: `left operator right` (`key: value`, `name = init`, `a ??= b`) in
 * the layout its `chooseLayout` picks for these operands.
 */
export function assignmentDoc(left: Doc, operator: string, right: Expression, rightParent: Parent, opts: { property?: boolean; type?: TypeNode } = {}): Doc {
  const layout = chooseLayout(left, right, opts);
  const rightDoc = exprDoc(right, rightParent);
  switch (layout) {
    case 'break-after-operator':
      return group([group(left), operator, group(indent([line, rightDoc]))]);
    case 'never-break-after-operator':
      return group([group(left), operator, ' ', rightDoc]);
    case 'break-lhs':
      return group([left, operator, ' ', group(rightDoc)]);
    case 'fluid': {
      const id = Symbol('assignment');
      return group([group(left), operator, group(indent(line), { id }), indentIfBreak(rightDoc, { groupId: id })]);
    }
  }
}

function chooseLayout(left: Doc, right: Expression, opts: { property?: boolean; type?: TypeNode }): Layout {
  const canBreakLeft = canBreak(left);
  if (opts.type !== undefined && hasComplexTypeAnnotation(opts.type)) return 'break-lhs';
  // Wrapping a value after a very short key usually does not help.
  const shortKey = opts.property === true && typeof left === 'string' && stringWidth(left) < TAB_WIDTH + 3;
  if (shouldBreakAfterOperator(right, shortKey)) return 'break-after-operator';
  const literalText = right.kind === 'literal' ? right.text : '';
  if (!canBreakLeft && (shortKey || right.kind === 'template' || literalText === 'true' || literalText === 'false' || isNumericLiteral(right))) {
    return 'never-break-after-operator';
  }
  return 'fluid';
}

/** A declared type `A<B<…>, …>`: two or more type arguments, one of them generic itself. */
function hasComplexTypeAnnotation(type: TypeNode): boolean {
  return type.kind === 'generic' && type.args.length > 1 && type.args.some((a) => a.kind === 'generic' && a.args.length > 0);
}

function shouldBreakAfterOperator(right: Expression, shortKey: boolean): boolean {
  if (right.kind === 'binary' && !shouldInlineLogical(right)) return true;
  if (right.kind === 'conditional') return right.test.kind === 'binary' && !shouldInlineLogical(right.test);
  if (shortKey) return false;
  let node: Expression = right;
  while (node.kind === 'typeof' || node.kind === 'await') node = node.argument;
  return isStringLiteral(node) || isPoorlyBreakableChain(node, false);
}

/** A chain of member accesses and calls without arguments or with one short argument. */
function isPoorlyBreakableChain(e: Expression, deep: boolean): boolean {
  if (e.kind === 'call') {
    const poorly = e.args.length === 0 || (e.args.length === 1 && isLoneShortArgument(e.args[0]!));
    if (!poorly || hasComplexTypeArguments(e)) return false;
    return isPoorlyBreakableChain(e.callee, true);
  }
  if (isMemberish(e)) return isPoorlyBreakableChain(e.object, true);
  return deep && (e.kind === 'identifier' || e.kind === 'this');
}

function hasComplexTypeArguments(e: Call): boolean {
  const args = e.typeArgs ?? [];
  if (args.length > 1) return true;
  if (args.length === 1 && (args[0]!.kind === 'union' || args[0]!.kind === 'intersection' || args[0]!.kind === 'object')) return true;
  return args.length > 0 && willBreak(typeArgumentsDoc(args));
}

/** prettier's `isLoneShortArgument` (a quarter of the print width). */
function isLoneShortArgument(e: Expression): boolean {
  const threshold = 100 * 0.25;
  switch (e.kind) {
    case 'this':
      return true;
    case 'identifier':
      return e.name.length <= threshold;
    case 'literal':
      return isStringLiteral(e) ? printString(e.text).length <= threshold : true;
    case 'typeof':
      return isLoneShortArgument(e.argument);
    case 'call':
      return e.args.length === 0 && e.callee.kind === 'identifier' && e.callee.name.length <= threshold - 2;
    default:
      return false;
  }
}

const isLogical = (operator: BinaryOperator): boolean => operator === '||' || operator === '??';

/** A logical expression whose right side is a non-empty object or array literal: kept on the operator's line. */
function shouldInlineLogical(e: Expression): boolean {
  if (e.kind !== 'binary' || !isLogical(e.operator)) return false;
  return (e.right.kind === 'object' && e.right.properties.length > 0) || (e.right.kind === 'array' && e.right.elements.length > 0);
}

/** Same precedence, and not two equality operators: the operands are printed as one sequence. */
function shouldFlatten(parent: BinaryOperator, child: BinaryOperator): boolean {
  return parent === child && isLogical(parent);
}

/** prettier's `printBinaryishExpression`. */
function binaryDoc(e: Binary, parent: Parent): Doc {
  const insideParens = parent.kind === 'if-test';
  const parts = binaryParts(e, parent, insideParens);
  if (insideParens) return parts;
  const shouldNotIndent = parent.kind === 'arrow-body' || parent.kind === 'test';
  const shouldIndentIfInlining = parent.kind === 'assignment' || parent.kind === 'declarator' || parent.kind === 'property';
  const samePrecedence = e.left.kind === 'binary' && shouldFlatten(e.operator, e.left.operator);
  const inline = shouldInlineLogical(e);
  if (shouldNotIndent || (inline && !samePrecedence) || (!inline && shouldIndentIfInlining)) return group(parts);
  const firstGroup = parts.findIndex((p) => typeof p === 'object' && !Array.isArray(p) && p.type === 'group');
  const head = parts.slice(0, firstGroup === -1 ? 1 : firstGroup + 1);
  return group([...head, indent(parts.slice(head.length))], { id: Symbol('logicalChain') });
}

/** prettier's `printBinaryishExpressions`: the operands of one precedence level, flattened. */
function binaryParts(e: Binary, parent: Parent, insideParens: boolean): Doc[] {
  const parts: Doc[] =
    e.left.kind === 'binary' && shouldFlatten(e.operator, e.left.operator)
      ? binaryParts(e.left, { kind: 'binary', operator: e.operator }, insideParens)
      : [group(exprDoc(e.left, { kind: 'binary', operator: e.operator }))];
  const rightDoc = exprDoc(e.right, { kind: 'binary', operator: e.operator });
  const right: Doc = shouldInlineLogical(e) ? [e.operator, ' ', rightDoc] : [e.operator, line, rightDoc];
  const type = (op: BinaryOperator): string => (isLogical(op) ? 'logical' : 'binary');
  const sameType = (x: Expression): boolean => x.kind === 'binary' && type(x.operator) === type(e.operator);
  const parentSameType = parent.kind === 'binary' && type(parent.operator) === type(e.operator);
  const shouldGroup = !(insideParens && isLogical(e.operator)) && !parentSameType && !sameType(e.left) && !sameType(e.right);
  parts.push(' ', shouldGroup ? group(right) : right);
  return parts;
}

/** prettier's ternary (not nested): the test, then `? consequent` and `: alternate` on lines of their own when it breaks. */
function conditionalDoc(e: Extract<Expression, { kind: 'conditional' }>, parent: Parent): Doc {
  if ([e.test, e.consequent, e.alternate].some((x) => x.kind === 'conditional') || parent.kind === 'member')
    throw new Error('nested ternaries, and ternaries as objects of a member access, are not printed');
  const branch: Parent = { kind: 'branch' };
  return group([
    exprDoc(e.test, { kind: 'test' }),
    indent([line, '? ', align(2, exprDoc(e.consequent, branch)), line, ': ', align(2, exprDoc(e.alternate, branch))]),
  ]);
}
