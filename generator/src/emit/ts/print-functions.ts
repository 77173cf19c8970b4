/**
 * Functions and classes as prettier 3 prints them: parameter lists (prettier's
 * `printFunctionParameters`, hugging a lone object-typed parameter), type parameters, the
 * `(params): Return` group, bodies and their statements (`return`, `if`, `for … of`, `const`),
 * and class members. Blank lines are where the client emitter's ts-morph printing put them (a
 * statement after a block; class members but consecutive properties and overloads); prettier keeps
 * such blank lines.
 */
import type { Binding, BodyStatement, ClassMember, Parameter, TypeParameter } from './code.js';
import { type Doc, group, hardline, ifBreak, indent, indentIfBreak, join, line, softline, willBreak } from './doc.js';
import type { TypeNode } from './nodes.js';
import { docsDoc } from './print-comments.js';
import { arrayDoc, assignmentDoc, exprDoc, patternContents } from './print-expressions.js';
import { objectDoc, typeDoc } from './print-types.js';

/** `(a: A, b?: B)`, broken one parameter a line; a lone parameter typed by a type literal hugs its braces. */
function parametersDoc(params: readonly Parameter[]): Doc {
  if (params.length === 0) return '()';
  const only = params[0]!;
  if (params.length === 1 && only.type.kind === 'object' && only.rest !== true && only.init === undefined) {
    return ['(', only.name, only.optional === true ? '?' : '', ': ', objectDoc(only.type, false), ')'];
  }
  const printed = params.map((p) => [
    p.rest === true ? '...' : '',
    p.name,
    p.optional === true ? '?' : '',
    ': ',
    typeDoc(p.type, 'annotation'),
    p.init !== undefined ? [' = ', exprDoc(p.init, { kind: 'default' })] : '',
  ]);
  const rest = params[params.length - 1]!.rest === true;
  return ['(', indent([softline, join([',', line], printed)]), rest ? '' : ifBreak(','), softline, ')'];
}

/** `<A extends B, C = D>` (a declaration's type parameters: a trailing comma when broken). */
function typeParametersDoc(params: readonly TypeParameter[] | undefined): Doc {
  if (params === undefined || params.length === 0) return '';
  const printed = params.map((p) => {
    const parts: Doc[] = [p.name];
    for (const [keyword, type] of [
      [' extends', p.constraint],
      [' =', p.default],
    ] as const) {
      if (type === undefined) continue;
      const id = Symbol('type-parameter');
      parts.push(keyword, group(indent(line), { id }), indentIfBreak(typeDoc(type, 'other'), { groupId: id }));
    }
    return group(parts);
  });
  return group(['<', indent([softline, join([',', line], printed)]), ifBreak(','), softline, '>']);
}

/**
 * `<T>(params): Return` of a function or method (prettier's `printMethodValue`): parameters and
 * return type in one group; the parameters grouped apart when their break should come first.
 */
export function signatureDoc(typeParams: readonly TypeParameter[] | undefined, params: readonly Parameter[], returns: TypeNode | undefined): Doc {
  const paramsDoc = parametersDoc(params);
  const returnDoc: Doc = returns === undefined ? '' : [': ', typeDoc(returns, 'annotation')];
  const constrained =
    typeParams !== undefined &&
    (typeParams.length > 1 || (typeParams.length === 1 && (typeParams[0]!.constraint !== undefined || typeParams[0]!.default !== undefined)));
  const groupParams = returns !== undefined && !constrained && params.length === 1 && (returns.kind === 'object' || willBreak(returnDoc));
  return [typeParametersDoc(typeParams), group([groupParams ? group(paramsDoc) : paramsDoc, returnDoc])];
}

/** A function body: `{}` when empty, else its statements one a line, a blank line after a block. */
export function blockDoc(statements: readonly BodyStatement[]): Doc {
  if (statements.length === 0) return '{}';
  const parts: Doc[] = [];
  statements.forEach((s, i) => {
    if (i > 0) parts.push(statements[i - 1]!.kind === 'for-of' ? [hardline, hardline] : hardline);
    parts.push(statementDoc(s));
  });
  return ['{', indent([hardline, ...parts]), hardline, '}'];
}

function bindingDoc(binding: Binding): Doc {
  if (typeof binding === 'string') return binding;
  if (Array.isArray(binding)) return arrayDoc(binding.map((name) => ({ kind: 'identifier', name })));
  return group(patternContents(binding));
}

function statementDoc(s: BodyStatement): Doc {
  switch (s.kind) {
    case 'return':
      return ['return ', exprDoc(s.argument, { kind: 'return' }), ';'];
    case 'expression':
      return [exprDoc(s.expression, { kind: 'statement' }), ';'];
    case 'const': {
      const left: Doc = s.type === undefined ? bindingDoc(s.binding) : [bindingDoc(s.binding), ': ', typeDoc(s.type, 'annotation')];
      return group(['const ', assignmentDoc(left, ' =', s.init, { kind: 'declarator' }, s.type !== undefined ? { type: s.type } : {}), ';']);
    }
    case 'if':
      return group(['if (', group([indent([softline, exprDoc(s.test, { kind: 'if-test' })]), softline]), ')', indent([line, statementDoc(s.consequent)])]);
    case 'for-of':
      return group(['for (', group(['const ', bindingDoc(s.binding)]), ' of ', exprDoc(s.iterable, { kind: 'iterable' }), ') ', blockDoc(s.body)]);
    case 'continue':
      return 'continue;';
  }
}

/** A class body: members one a line, a blank line before each but consecutive properties and after an overload signature. */
export function classBodyDoc(members: readonly ClassMember[]): Doc {
  if (members.length === 0) return '{}';
  const parts: Doc[] = [];
  members.forEach((m, i) => {
    const previous = members[i - 1];
    if (previous !== undefined) {
      const tight = (previous.kind === 'property' && m.kind === 'property') || (previous.kind === 'method' && previous.body === undefined);
      parts.push(tight ? hardline : [hardline, hardline]);
    }
    parts.push(docsDoc(m.docs), classMemberDoc(m));
  });
  return ['{', indent([hardline, ...parts]), hardline, '}'];
}

function classMemberDoc(m: ClassMember): Doc {
  switch (m.kind) {
    case 'property':
      return [...m.modifiers.map((x) => `${x} `), m.name, ': ', typeDoc(m.type, 'annotation'), ';'];
    case 'constructor':
      return ['constructor', signatureDoc(undefined, m.params, undefined), ' ', blockDoc(m.body)];
    case 'getter':
      return ['get ', m.name, signatureDoc(undefined, [], m.returns), ' ', blockDoc(m.body)];
    case 'method':
      return [
        m.override === true ? 'override ' : '',
        m.async === true ? 'async ' : '',
        m.name,
        signatureDoc(m.typeParams, m.params, m.returns),
        m.body === undefined ? ';' : [' ', blockDoc(m.body)],
      ];
  }
}
