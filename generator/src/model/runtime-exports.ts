/**
 * What the client runtime exports, read from its sources (generator/runtime/, copied into every client as
 * `src/core/`) the first time it is asked, so that the names the client package re-exports from the runtime, and
 * the names the registry keeps free for them (client-names.ts), follow the runtime and cannot drift from it.
 *
 * The reader understands the statements the runtime writes (its files.test.ts keeps them to this set):
 * - in any file, top-level declarations at the start of a line: `export class|interface|type|function|const|let|
 *   enum Name` (with `declare`, `abstract`, `async`, `function*`);
 * - re-exports: `export { a, type B, c as d } from './x.js'`, `export type { … } from …`, `export * from …`,
 *   `export type * from …` (followed into that file), and `export { a };` of a name the file imports from a
 *   sibling file or declares without `export`.
 * Anything else that exports a name (`export * as ns`, `export default`, a re-export from a package) is an error
 * naming the file: the reader must learn it rather than miss a name. test/model/runtime-exports.test.ts checks the
 * result against the TypeScript compiler's own list of the runtime index's exports.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generatorRoot } from '../package-root.js';
import { compareCodeUnits } from './naming.js';

/** What declares an exported name. */
export type DeclarationKind = 'class' | 'function' | 'const' | 'let' | 'var' | 'enum' | 'interface' | 'type';

/** One name a runtime module exports. */
export interface RuntimeExport {
  /** The exported name. */
  name: string;
  /** The runtime file that declares it, relative to the runtime folder (`errors.ts`). */
  file: string;
  declaration: DeclarationKind;
  /** Exported as a type only (`export type { … }`, `type X` in a list, `export type *`, or an interface / type alias). */
  typeOnly: boolean;
}

/** The runtime sources (`generator/runtime/`, with a trailing separator). */
export function runtimeSourceDir(): string {
  return path.join(generatorRoot(), 'runtime') + path.sep;
}

const DECLARATION_RE = /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(class|interface|type|function\*?|const|let|var|enum)\s+([A-Za-z_$][\w$]*)/gm;
const REEXPORT_LIST_RE = /\bexport\s+(type\s+)?\{([^}]*)\}\s*from\s*(['"])([^'"]+)\3/g;
const REEXPORT_ALL_RE = /\bexport\s+(type\s+)?\*\s+from\s*(['"])([^'"]+)\2/g;
const LOCAL_LIST_RE = /^export\s+(type\s+)?\{([^}]*)\}\s*;/gm;
const IMPORT_LIST_RE = /\bimport\s+(type\s+)?\{([^}]*)\}\s*from\s*(['"])([^'"]+)\3/g;
const LOCAL_DECLARATION_RE = /^(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(class|interface|type|function\*?|const|let|var|enum)\s+([A-Za-z_$][\w$]*)/gm;
const UNSUPPORTED_RE = /\bexport\s+(?:type\s+)?\*\s+as\b|\bexport\s+default\b/;
const ENTRY_RE = /^(type\s+)?([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/;

const TYPE_KINDS: ReadonlySet<DeclarationKind> = new Set(['interface', 'type']);

/** The text without comments (block and line; the runtime's export statements hold no string with `//` or `/*`). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1');
}

/** What the declaration `<keyword> <name>` of `file` exports (`function*` is a function). */
function declared(file: string, keyword: string, name: string): RuntimeExport {
  const declaration = keyword.replace('*', '') as DeclarationKind;
  return { name, file, declaration, typeOnly: TYPE_KINDS.has(declaration) };
}

/** `./errors.js` → `errors.ts` (relative to the runtime folder); an error for anything but a relative `.js` specifier. */
function resolveSpecifier(fromFile: string, specifier: string): string {
  if (!specifier.startsWith('.') || !specifier.endsWith('.js')) throw new Error(`runtime ${fromFile}: cannot follow the re-export from '${specifier}'`);
  return path.posix.join(path.posix.dirname(fromFile), specifier.replace(/\.js$/, '.ts'));
}

/** Reads the runtime's modules once each and answers what each exports. */
class RuntimeReader {
  private readonly cache = new Map<string, RuntimeExport[]>();
  private readonly reading = new Set<string>();

  constructor(private readonly dir: string) {}

  /** Every name `file` exports: its declarations, then its re-exports in statement order (`export *` adding what no explicit export gives). */
  exportsOf(file: string): RuntimeExport[] {
    const cached = this.cache.get(file);
    if (cached !== undefined) return cached;
    if (this.reading.has(file)) throw new Error(`runtime ${file}: re-exports form a cycle`);
    this.reading.add(file);
    const text = withoutComments(readFileSync(path.join(this.dir, file), 'utf8'));
    if (UNSUPPORTED_RE.test(text)) throw new Error(`runtime ${file}: an export statement the runtime export reader does not understand`);
    const out = [...text.matchAll(DECLARATION_RE)].map((m) => declared(file, m[1] as string, m[2] as string));
    // Re-export statements in the order they appear.
    const statements = [
      ...[...text.matchAll(REEXPORT_LIST_RE)].map((m) => ({ at: m.index, typeOnly: m[1] !== undefined, list: m[2], from: m[4] })),
      ...[...text.matchAll(REEXPORT_ALL_RE)].map((m) => ({ at: m.index, typeOnly: m[1] !== undefined, list: undefined, from: m[3] })),
      ...[...text.matchAll(LOCAL_LIST_RE)].map((m) => ({ at: m.index, typeOnly: m[1] !== undefined, list: m[2], from: undefined })),
    ].sort((a, b) => a.at - b.at);
    // `export *` adds only names that no explicit export of the file gives, nor an earlier star (as in ECMAScript).
    const explicit = new Set([
      ...out.map((e) => e.name),
      ...statements.flatMap((s) => (s.list === undefined ? [] : listEntries(file, s.list).map((e) => e.alias ?? e.name))),
    ]);
    for (const s of statements) {
      if (s.list === undefined) {
        for (const e of this.exportsOf(resolveSpecifier(file, s.from as string))) {
          if (explicit.has(e.name) || out.some((x) => x.name === e.name)) continue;
          out.push({ ...e, typeOnly: e.typeOnly || s.typeOnly });
        }
        continue;
      }
      for (const entry of listEntries(file, s.list)) {
        const original = s.from === undefined ? this.local(file, text, entry.name) : this.exported(resolveSpecifier(file, s.from), entry.name);
        out.push({ ...original, name: entry.alias ?? entry.name, typeOnly: original.typeOnly || s.typeOnly || entry.typeOnly });
      }
    }
    this.reading.delete(file);
    this.cache.set(file, out);
    return out;
  }

  /** The export `name` of `file`; an error when it has none. */
  private exported(file: string, name: string): RuntimeExport {
    const found = this.exportsOf(file).find((e) => e.name === name);
    if (found === undefined) throw new Error(`runtime ${file}: does not export '${name}'`);
    return found;
  }

  /** What a name `file` binds itself stands for: an import from a sibling file, or a declaration without `export`. */
  private local(file: string, text: string, name: string): RuntimeExport {
    for (const m of text.matchAll(IMPORT_LIST_RE)) {
      const entry = listEntries(file, m[2] as string).find((e) => (e.alias ?? e.name) === name);
      if (entry !== undefined) return this.exported(resolveSpecifier(file, m[4] as string), entry.name);
    }
    for (const m of text.matchAll(LOCAL_DECLARATION_RE)) if (m[2] === name) return declared(file, m[1] as string, name);
    throw new Error(`runtime ${file}: exports '${name}', which it neither imports nor declares`);
  }
}

/** The entries of an export or import list (`a, type B, c as d`). */
function listEntries(file: string, list: string): Array<{ name: string; alias?: string; typeOnly: boolean }> {
  return list
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .map((entry) => {
      const m = ENTRY_RE.exec(entry);
      if (m === null) throw new Error(`runtime ${file}: cannot read the list entry '${entry}'`);
      return { name: m[2] as string, ...(m[3] !== undefined ? { alias: m[3] } : {}), typeOnly: m[1] !== undefined };
    });
}

const readers = new Map<string, RuntimeReader>();

/**
 * Every name the runtime file `file` exports (default: `index.ts`, the runtime's public surface), following
 * re-exports to the file that declares each name. Read once per folder and file.
 *
 * @param file a file of the runtime folder, e.g. `index.ts`, `request-types.ts`
 * @param dir the runtime folder (default: {@link runtimeSourceDir})
 * @throws Error when a file cannot be read or holds an export statement the reader does not understand
 */
export function runtimeExports(file = 'index.ts', dir = runtimeSourceDir()): readonly RuntimeExport[] {
  let reader = readers.get(dir);
  if (reader === undefined) {
    reader = new RuntimeReader(dir);
    readers.set(dir, reader);
  }
  return reader.exportsOf(file);
}

const MEMBER_RE = /^ {2}(?:(?:public|protected|private|static|readonly|override|abstract|declare|async|get|set|accessor)\s+)*([A-Za-z_$][\w$]*)\s*[(<:=;?!]/gm;

/**
 * The members a runtime class declares that a subclass sees and cannot redeclare freely: every member at the class
 * body's top level (two-space indentation, the runtime's style) except `#private` fields and methods and computed
 * (`[symbol]`) ones, `constructor` included. Sorted (code units).
 *
 * @param file the runtime file declaring the class, e.g. `client.ts`
 * @param className the exported class, e.g. `ClientCore`
 * @throws Error when the file does not declare `export class <className>` at the start of a line
 */
export function runtimeClassMembers(file: string, className: string): string[] {
  const text = readFileSync(path.join(runtimeSourceDir(), file), 'utf8');
  const start = new RegExp(`^export\\s+(?:abstract\\s+)?class\\s+${className}\\b[^\\n]*\\{\\s*$`, 'm').exec(text);
  if (start === null) throw new Error(`runtime ${file}: no 'export class ${className} {' line`);
  const from = start.index + start[0].length;
  const end = text.indexOf('\n}', from);
  const body = text.slice(from, end === -1 ? undefined : end);
  return [...new Set([...body.matchAll(MEMBER_RE)].map((m) => m[1] as string))].sort(compareCodeUnits);
}
