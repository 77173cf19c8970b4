/**
 * Typed nodes for the code of the client package: expressions, the statements of function bodies,
 * parameters and class members. Only the constructs the client emitter writes are here, so that the
 * printer (printer.ts, print-expressions.ts, print-functions.ts) can lay each out exactly as prettier 3
 * does. Leaf texts are TypeScript source as the emitters write it (`"a/b"` from `stringLiteral`, `200`,
 * `true`); the printer requotes strings and respells numbers as prettier does.
 */
import { isObjectPrototypeMember, propertyKey, stringLiteral } from '../text.js';
import type { TypeNode } from './nodes.js';

/** An expression. */
export type Expression =
  /** An identifier (`params`, `undefined`), or `this` / `super`. */
  | { kind: 'identifier'; name: string }
  | { kind: 'this' }
  | { kind: 'super' }
  /** A literal as source text: a string in either quote, a number (`-1.5`), `true`, `false`, `null`. */
  | { kind: 'literal'; text: string }
  /** A template literal whose substitutions are identifiers, as source text (`` `${a} ${b}` ``). */
  | { kind: 'template'; text: string }
  /** `object.name`, `object?.name`, `object.#name`. */
  | { kind: 'member'; object: Expression; name: string; optional?: boolean }
  /** `object[index]`, `object?.[index]`. */
  | { kind: 'index'; object: Expression; index: Expression; optional?: boolean }
  | { kind: 'call'; callee: Expression; typeArgs?: TypeNode[]; args: Expression[] }
  | { kind: 'new'; callee: Expression; args: Expression[] }
  /** An object literal; `multiline`: its first property starts on a line of its own (prettier keeps it broken). */
  | { kind: 'object'; properties: ObjectProperty[]; multiline: boolean }
  | { kind: 'array'; elements: Expression[] }
  /** `expression as Type` (`as const`: the type `const`), `expression satisfies Type`. */
  | { kind: 'cast'; operator: 'as' | 'satisfies'; expression: Expression; type: TypeNode }
  | { kind: 'typeof'; argument: Expression }
  | { kind: 'binary'; operator: BinaryOperator; left: Expression; right: Expression }
  | { kind: 'conditional'; test: Expression; consequent: Expression; alternate: Expression }
  | { kind: 'assignment'; operator: '=' | '??='; left: Expression; right: Expression }
  /** Parentheses the code keeps (`return (this.#a ??= …)`). */
  | { kind: 'parenthesized'; expression: Expression }
  /** `await argument` (a statement, an initializer or an argument; never the object of a member access or a callee). */
  | { kind: 'await'; argument: Expression }
  /**
   * `(param) => body`, `({ a, b: c }) => body`: one parameter, an expression body that is a call, a member access, an
   * identifier or a binary expression (never an object, an array, a ternary or another arrow: prettier lays those out
   * otherwise), and never the last argument of a call (prettier may hug it).
   */
  | { kind: 'arrow'; param: string | ObjectPattern; body: Expression };

/** An object pattern of names: `{ a, b: c, ...rest }` (`key` and `value` are identifiers; equal: shorthand). */
export interface ObjectPattern {
  kind: 'object-pattern';
  properties: Array<{ key: string; value: string }>;
  rest?: string;
}

/** Binary operators: equality (`BinaryExpression`) and logical (`LogicalExpression`). */
export type BinaryOperator = '===' | '!==' | '||' | '??';

export type ObjectProperty =
  /** `key: value`; `key` is source text: a name or a quoted string, or with `computed` the key expression (`["__proto__"]`). */
  { kind: 'property'; key: string; computed?: boolean; value: Expression } | { kind: 'shorthand'; name: string } | { kind: 'spread'; argument: Expression };

/** A name, an array pattern of names (`[key, value]`) or an object pattern (`{ poll: wait, ...request }`). */
export type Binding = string | string[] | ObjectPattern;

/** A statement of a function body. */
export type BodyStatement =
  | { kind: 'return'; argument: Expression }
  | { kind: 'expression'; expression: Expression }
  | { kind: 'const'; binding: Binding; type?: TypeNode; init: Expression }
  /** `if (test) consequent` without braces or `else`. */
  | { kind: 'if'; test: Expression; consequent: BodyStatement }
  | { kind: 'for-of'; binding: Binding; iterable: Expression; body: BodyStatement[] }
  | { kind: 'continue' };

export interface Parameter {
  name: string;
  type: TypeNode;
  optional?: boolean;
  /** `...name: Type` (the last parameter). */
  rest?: boolean;
  /** Default value (`= {}`). */
  init?: Expression;
}

export interface TypeParameter {
  name: string;
  constraint?: TypeNode;
  default?: TypeNode;
}

/**
 * A member of a class. Members are separated as ts-morph laid them out: properties one under the
 * other, a blank line before every other member, an overload signature right above the next.
 */
export type ClassMember =
  /** A field without initializer; `modifiers` such as `protected`, `readonly`; `name` may be `#private`. */
  | { kind: 'property'; docs?: string; modifiers: string[]; name: string; type: TypeNode }
  | { kind: 'constructor'; docs?: string; params: Parameter[]; body: BodyStatement[] }
  | { kind: 'getter'; docs?: string; name: string; returns: TypeNode; body: BodyStatement[] }
  /** A method; without `body`, an overload signature. */
  | {
      kind: 'method';
      docs?: string;
      override?: boolean;
      async?: boolean;
      name: string;
      typeParams?: TypeParameter[];
      params: Parameter[];
      returns: TypeNode;
      body?: BodyStatement[];
    };

export const id = (name: string): Expression => ({ kind: 'identifier', name });
export const THIS: Expression = { kind: 'this' };
export const SUPER: Expression = { kind: 'super' };
/** A string literal of `value` ({@link stringLiteral}'s escaping). */
export const str = (value: string): Expression => ({ kind: 'literal', text: stringLiteral(value) });
/** A literal from its source text (`true`, `1800`, `'http'`). */
export const lit = (text: string): Expression => ({ kind: 'literal', text });
export const member = (object: Expression, name: string, optional = false): Expression => ({ kind: 'member', object, name, ...(optional ? { optional } : {}) });
export const call = (callee: Expression, args: Expression[], typeArgs?: TypeNode[]): Expression => ({
  kind: 'call',
  callee,
  args,
  ...(typeArgs !== undefined && typeArgs.length > 0 ? { typeArgs } : {}),
});
/** An object literal broken over lines (`multiline`) or laid out by width (inline). */
export const object = (properties: ObjectProperty[], multiline = false): Expression => ({ kind: 'object', properties, multiline });
export const prop = (key: string, value: Expression): ObjectProperty => ({ kind: 'property', key, value });
export const array = (elements: Expression[]): Expression => ({ kind: 'array', elements });
export const as = (expression: Expression, type: TypeNode): Expression => ({ kind: 'cast', operator: 'as', expression, type });
export const ret = (argument: Expression): BodyStatement => ({ kind: 'return', argument });

/**
 * An entry of an object literal checked against `Record<string, T>`, keyed by a wire name: a bare
 * or quoted key ({@link propertyKey}); `__proto__` as the computed key `["__proto__"]` (a plain
 * `__proto__:` sets the prototype); the value `as const` for a key named like an `Object.prototype`
 * member (TypeScript takes the contextual type from that member and would widen string literals).
 */
export function recordProperty(name: string, value: Expression): ObjectProperty {
  const v: Expression = isObjectPrototypeMember(name) ? { kind: 'cast', operator: 'as', expression: value, type: { kind: 'name', text: 'const' } } : value;
  if (name === '__proto__') return { kind: 'property', key: stringLiteral(name), computed: true, value: v };
  return { kind: 'property', key: propertyKey(name), value: v };
}
