/**
 * The one name registry: every TypeScript identifier and file name of the output is decided here, or by
 * its second stage for the client package (client-names.ts, D33), with these rules; emitters only read names.
 *
 * Rules (pinned by generator/test/model/naming.test.ts):
 * - Words: a name is split into words at every character that is not an ASCII letter or digit
 *   (after transliteration) and, for camelCase output, also at lower→upper case boundaries.
 *   Non-ASCII letters are transliterated by Unicode NFKD decomposition with combining marks removed
 *   (`Größe` → `Grosse`); whatever is still not ASCII is dropped. A name
 *   with no ASCII letters or digits left gets a fallback (`Schema`, `operation`, `param`), made
 *   unique by the collision rule.
 * - Type identifiers (schemas, request variants, operation helper types, webhooks) are PascalCase:
 *   each word gets an upper-case first letter, the rest of the word is kept (`HTTPError` stays,
 *   `pet_owner` → `PetOwner`).
 * - Value identifiers (resources, methods, parameter bindings) are camelCase (`get_account` →
 *   `getAccount`, `HTTPStatus` → `httpStatus`). Parameter bindings keep the wire name when it is
 *   already a valid, non-reserved identifier (`datasource_name` stays) and are camelCased otherwise
 *   (`project.id` → `projectId`, `file-name` → `fileName`).
 * - File stems (types modules, client resource files) are kebab-case ({@link kebabCase}: `projectsV2` →
 *   `projects-v2`).
 * - A leading digit gets a `_` prefix (`404` → `_404`, `2fa` → `_2fa`).
 * - Reserved words: value identifiers that are ECMAScript reserved words (or strict-mode / TS
 *   contextual ones that cannot be bindings, see {@link RESERVED_WORDS}) get a `_` prefix
 *   (`default` → `_default`). Member names (`methodName`) are not bindings and may be reserved words
 *   (`client.toggles.delete()` is legal), but not the members every generated class declares
 *   (`constructor`, `client`: a `_` suffix, see {@link RESERVED_MEMBER_NAMES}). Type identifiers that would shadow a global the emitted
 *   code relies on (`Error`, `Blob`, `Record`, `Response`, …, see {@link RESERVED_TYPE_NAMES}) get a
 *   `Model` suffix (`Error` → `ErrorModel`).
 * - Collisions inside one namespace are resolved in registration order: the first keeps the name,
 *   later ones get `2`, `3`, … appended, skipping a suffixed name another schema or operation spells
 *   (`Status`, `status`, `Status2` → `Status`, `Status3`, `Status2`). Schemas and operations register
 *   in two rounds (model/build.ts): first those whose key is their identifier exactly (an operationId
 *   but for its first letter), then the rest, each round in spec order.
 * - Wire names (parameter names, property keys, enum values) are never renamed.
 * Every identifier that differs from its spec name beyond the casing rule is recorded in
 * `api.renames` with the reason.
 */
import type { Api, Pointer } from './types.js';

/** ECMAScript reserved words and names that cannot be used as a binding in strict-mode modules. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'arguments',
  'await',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'eval',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'implements',
  'import',
  'in',
  'instanceof',
  'interface',
  'let',
  'new',
  'null',
  'package',
  'private',
  'protected',
  'public',
  'return',
  'static',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
  // TypeScript type keywords and globals a binding must not shadow in generated code.
  'any',
  'unknown',
  'never',
  'undefined',
  'NaN',
  'Infinity',
  'globalThis',
]);

/**
 * Global names the emitted code relies on (utility types the types emitter may use, fetch/DOM types
 * and classes the client uses) plus the TS primitive type keywords: a schema named like one of these
 * would shadow it in its module. Deliberately short: names only a spec would use (`Extract`,
 * `Exclude`, `Map`, …) are not renamed, so a domain type called `Extract` keeps its name; emitters
 * must not rely on globals outside this list without adding them here.
 */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  'Array',
  'ReadonlyArray',
  'Record',
  'Partial',
  'Required',
  'Pick',
  'Omit',
  'Readonly',
  'NonNullable',
  'Object',
  'Blob',
  'File',
  'Date',
  'Promise',
  'Error',
  'Response',
  'Request',
  'Headers',
  'FormData',
  'URL',
  'URLSearchParams',
  'AbortSignal',
  'ReadableStream',
  'ArrayBuffer',
  'Uint8Array',
  'any',
  'unknown',
  'never',
  'object',
  'string',
  'number',
  'boolean',
  'bigint',
  'symbol',
  'undefined',
  'null',
  'void',
]);

/**
 * Global types the client emitters use besides {@link RESERVED_TYPE_NAMES}, which a schema may still be named after (a
 * domain type `Extract` keeps its name; a client file that uses the global imports the schema under an alias). No
 * resource class takes one of them: the class is declared in the file that uses the global.
 */
export const CLIENT_GLOBAL_TYPES: readonly string[] = ['Extract', 'NoInfer'];

/**
 * Standard globals a user's module would lose by importing a client class of the same name (`import { Promise } from
 * '…'` hides the global `Promise` in that module): ECMAScript's built-ins and the Web platform's classes that code
 * calling an HTTP API uses. A client class name derived from the title avoids them ({@link RESERVED_TYPE_NAMES} too);
 * one the user configures is taken as given.
 */
export const STANDARD_GLOBALS: ReadonlySet<string> = new Set([
  'AggregateError',
  'Array',
  'ArrayBuffer',
  'Atomics',
  'BigInt',
  'Boolean',
  'DataView',
  'Date',
  'Error',
  'EvalError',
  'FinalizationRegistry',
  'Function',
  'Infinity',
  'Intl',
  'Iterator',
  'JSON',
  'Map',
  'Math',
  'NaN',
  'Number',
  'Object',
  'Promise',
  'Proxy',
  'RangeError',
  'ReferenceError',
  'Reflect',
  'RegExp',
  'Set',
  'SharedArrayBuffer',
  'String',
  'Symbol',
  'SyntaxError',
  'TypeError',
  'URIError',
  'WeakMap',
  'WeakRef',
  'WeakSet',
  'AbortController',
  'AbortSignal',
  'Blob',
  'BroadcastChannel',
  'Buffer',
  'Cache',
  'Credential',
  'Crypto',
  'CustomEvent',
  'Document',
  'DOMException',
  'Element',
  'Event',
  'EventSource',
  'EventTarget',
  'File',
  'FileReader',
  'FormData',
  'Headers',
  'History',
  'Image',
  'Location',
  'MessageChannel',
  'Navigator',
  'Node',
  'Notification',
  'Performance',
  'ReadableStream',
  'Request',
  'Response',
  'Storage',
  'TextDecoder',
  'TextEncoder',
  'TransformStream',
  'URL',
  'URLSearchParams',
  'WebSocket',
  'Window',
  'Worker',
  'WritableStream',
]);

/**
 * File stems Windows reserves for devices: a file named `con` or `aux`, whatever its extension, cannot be created or
 * checked out there. Compared in lower case; a module or resource file derived from the document avoids them.
 */
export const WINDOWS_DEVICE_STEMS: ReadonlySet<string> = new Set([
  'con',
  'prn',
  'aux',
  'nul',
  ...Array.from({ length: 10 }, (_, i) => `com${i}`),
  ...Array.from({ length: 10 }, (_, i) => `lpt${i}`),
]);

const IDENT_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** True when `name` is a syntactically valid ASCII identifier (reserved words not checked). */
export function isIdentifier(name: string): boolean {
  return IDENT_RE.test(name);
}

/** Transliterates to ASCII: NFKD with combining marks removed, `ß` → `ss`; other non-ASCII stays. */
export function transliterate(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .replace(/Æ/g, 'AE')
    .replace(/æ/g, 'ae')
    .replace(/Ø/g, 'O')
    .replace(/ø/g, 'o')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
}

/**
 * Splits a name into ASCII words. With `caseBoundaries`, `getHTTPStatus2` → `get`, `HTTP`,
 * `Status2`; without, only non-alphanumerics separate (`HTTPError` is one word).
 */
export function splitWords(text: string, caseBoundaries: boolean): string[] {
  const parts = transliterate(text)
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  if (!caseBoundaries) return parts;
  const out: string[] = [];
  for (const part of parts) {
    const matches = part.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+[0-9]*|[0-9]+[a-z]*|[A-Z]+[0-9]*/g);
    if (matches) out.push(...matches);
  }
  return out;
}

function upperFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** PascalCase: `pet_owner` → `PetOwner`, `HTTPError` → `HTTPError`, `getAccount` → `GetAccount`. */
export function pascalCase(text: string): string {
  return splitWords(text, false).map(upperFirst).join('');
}

/** camelCase: `get_account` → `getAccount`, `HTTPStatus` → `httpStatus`, `Data Sources` → `dataSources`. */
export function camelCase(text: string): string {
  return splitWords(text, true)
    .map((w, i) => (i > 0 ? upperFirst(w.charAt(0) + w.slice(1).toLowerCase()) : w.toLowerCase()))
    .join('');
}

/**
 * kebab-case for file stems and paths (the types package's modules, the client's resource files):
 * `extractTemplates` → `extract-templates`, `HTTPRequests` → `http-requests`. Words break at every
 * character that is not an ASCII letter or digit (after transliteration), before an upper-case
 * letter that follows a lower-case letter or a digit, and before the last letter of an upper-case
 * run followed by a lower-case letter; a digit never starts a word (`projectsV2` → `projects-v2`,
 * `getHTTP2Thing` → `get-http2-thing`).
 */
export function kebabCase(text: string): string {
  return transliterate(text)
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** Orders names by UTF-16 code units (the order of every sorted list of names in the output: locale-independent). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How docs name the API: its title, with ` API` appended unless it ends so (`Improvado API` stays, `Pets` → `Pets API`). */
export function apiName(title: string): string {
  return /\bAPI$/i.test(title.trim()) ? title.trim() : `${title.trim()} API`;
}

/** Where a name came from, for `api.renames`. */
export interface NameOrigin {
  pointer: Pointer;
  /** The name as the spec spells it (or the pointer/words it was derived from). */
  from: string;
}

/** A reason a name was changed, recorded with the rename. */
type Reason = string;

/**
 * `cased` made an identifier: `fallback` when empty, `_` before a leading digit, then `reserve` applied when the name is
 * in `reserved`; returned with the reasons it changed.
 */
function identifier(
  cased: string,
  fallback: string,
  reserved: ReadonlySet<string>,
  reserve: (name: string) => string,
  why: Reason,
): { name: string; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let name = cased;
  if (name === '') {
    name = fallback;
    reasons.push('no ASCII letters or digits');
  }
  if (/^[0-9]/.test(name)) {
    name = `_${name}`;
    reasons.push('starts with a digit');
  }
  if (reserved.has(name)) {
    name = reserve(name);
    reasons.push(why);
  }
  return { name, reasons };
}

/** Makes `candidate` a valid PascalCase type identifier; returns it with the reasons it changed. */
export function toTypeIdentifier(text: string, fallback = 'Schema'): { name: string; reasons: Reason[] } {
  return identifier(pascalCase(text), fallback, RESERVED_TYPE_NAMES, (n) => `${n}Model`, 'would shadow a global type');
}

/** Makes a camelCase value identifier (binding-safe: reserved words get a `_` prefix). */
export function toValueIdentifier(text: string, fallback = 'value'): { name: string; reasons: Reason[] } {
  return identifier(camelCase(text), fallback, RESERVED_WORDS, (n) => `_${n}`, 'reserved word');
}

/**
 * Member names a generated class cannot give a method or resource getter: `constructor` (a method with that name is
 * the class's constructor), `client` (the field through which a resource class sends requests), `then` (a member of
 * that name makes the client or a resource object thenable: `await`ing it, or returning it from an `async` function,
 * would call the method instead of giving the object), and the other `Object.prototype` members a camelCase name can
 * spell, with `toJSON`: `String(client)`, `client + ''`, `JSON.stringify(client)` and `Object.prototype` methods
 * called on the object would call the API instead (and the root client's getter would need `override`). Such a name
 * gets a `_` suffix (`constructor_`, `then_`, `toString_`), as the client emitter does for the root client's own
 * members (`config_`).
 */
export const RESERVED_MEMBER_NAMES: ReadonlySet<string> = new Set([
  'constructor',
  'client',
  'then',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toJSON',
  'toLocaleString',
  'toString',
  'valueOf',
]);

/**
 * camelCase member name (method or resource property), always a valid identifier: non-ASCII
 * transliterated or dropped, punctuation splits words, `fallback` when nothing is left, `_` before
 * a leading digit, `_` after a name in {@link RESERVED_MEMBER_NAMES}. Reserved words are allowed
 * as members (`client.toggles.delete()`).
 */
export function toMemberName(text: string, fallback = 'call'): string {
  return identifier(camelCase(text), fallback, RESERVED_MEMBER_NAMES, (n) => `${n}_`, 'reserved member').name;
}

/**
 * A set of names claimed in one namespace, with deterministic collision suffixes, recording
 * every rename in the shared `renames` list.
 */
export class NameRegistry {
  readonly renames: Api['renames'] = [];
  private readonly spaces = new Map<string, Map<string, Pointer>>();
  private readonly wanted = new Map<string, Set<string>>();

  private space(ns: string): Map<string, Pointer> {
    let s = this.spaces.get(ns);
    if (!s) {
      s = new Map();
      this.spaces.set(ns, s);
    }
    return s;
  }

  /**
   * Takes a name the output must use exactly as it is (the configured client name, a runtime
   * export, a fixed declaration), with no alternative.
   *
   * @param by what takes it, shown when a later claim collides: a pointer, or a word such as `runtime`
   * @returns false, taking nothing, when the name is already taken in `ns`
   */
  take(ns: string, name: string, by: string = ''): boolean {
    const space = this.space(ns);
    if (space.has(name)) return false;
    space.set(name, by);
    return true;
  }

  /**
   * Declares the names that claims still to come in `ns` will ask for (every schema's identifier, before the first is
   * claimed), so that a numeric suffix given by {@link claim} skips them: schemas `Status`, `status`, `Status2` are
   * `Status`, `Status3`, `Status2`, not `Status`, `Status2`, `Status22`. Takes nothing: the first claim of a wanted
   * name still gets it.
   */
  expect(ns: string, names: Iterable<string>): void {
    let set = this.wanted.get(ns);
    if (!set) {
      set = new Set();
      this.wanted.set(ns, set);
    }
    for (const name of names) set.add(name);
  }

  /** What took `name` in namespace `ns` (a pointer, a word such as `runtime`, or `''`), or undefined when it is free. */
  takenBy(ns: string, name: string): string | undefined {
    return this.space(ns).get(name);
  }

  /**
   * Claims `name` in namespace `ns`, or else the first free of `next(name)`, `next(next(name))`, …:
   * for names whose collision rule is not the numeric suffix of {@link claim} (a resource class
   * gets `Resource`, then `_`; a member of the root client gets `_`). A changed name is recorded
   * in {@link renames} with `reason`.
   */
  claimNext(ns: string, name: string, next: (candidate: string) => string, origin: NameOrigin, reason: string): string {
    const space = this.space(ns);
    let final = name;
    while (space.has(final)) final = next(final);
    space.set(final, origin.pointer);
    if (final !== name) {
      this.renames.push({ pointer: origin.pointer, from: origin.from, to: final, reason: `${reason}: ${name} is taken (${space.get(name) || 'reserved'})` });
    }
    return final;
  }

  /**
   * Claims `name` in namespace `ns`, or the first free `name2`, `name3`, … that no claim to come asks for
   * ({@link expect}). Records a rename
   * when the result differs from `origin.from` and `record` is not false, or whenever a suffix
   * was needed.
   */
  claim(ns: string, name: string, origin: NameOrigin, reasons: Reason[] = [], record: boolean | ((finalName: string) => boolean) = true): string {
    const space = this.space(ns);
    let final = name;
    const why = [...reasons];
    if (space.has(final)) {
      const wanted = this.wanted.get(ns);
      let n = 2;
      while (space.has(`${name}${n}`) || wanted?.has(`${name}${n}`)) n++;
      final = `${name}${n}`;
      why.push(`collides with ${name} (${space.get(name) ?? '?'})`);
    }
    space.set(final, origin.pointer);
    const wantRecord = typeof record === 'function' ? record(final) : record;
    if (final !== origin.from && (wantRecord || final !== name)) {
      this.renames.push({
        pointer: origin.pointer,
        from: origin.from,
        to: final,
        reason: why.length > 0 ? why.join('; ') : 'casing',
      });
    }
    return final;
  }
}

/**
 * The local name of an import whose name the importing file already binds: `_` prefixes until it
 * is free (`Pet` → `_Pet`). The rule of both emitters' per-file import scopes.
 */
export function importAlias(name: string, isTaken: (candidate: string) => boolean): string {
  let local = name;
  while (isTaken(local)) local = `_${local}`;
  return local;
}

/** Namespace of every exported type name (schemas, variants, operation helpers, webhooks). */
export const TYPE_NS = 'type';
/** Namespace of operation identifiers. */
export const OPERATION_NS = 'operation';

/**
 * Names `src/openapi.ts` of the types package declares (openapi-typescript's shape): taken in
 * {@link TYPE_NS} before any spec name, so that no type the package exports can equal one.
 */
export const OPENAPI_SHAPE_NAMES: readonly string[] = ['paths', 'webhooks', 'components', '$defs', 'operations'];

/** Preferred name of the union of every webhook payload type (`WebhookPayload2`, … when a spec name takes it). */
export const WEBHOOK_PAYLOAD_NAME = 'WebhookPayload';
