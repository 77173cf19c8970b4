/**
 * The imports of one output file, in either package: which identifier it takes from which module (a sibling file of the
 * package, or a bare package such as `@improvado-sdk/types`), and under which local name. Local names never clash: an
 * import whose name the file already binds (a name it declares, or an earlier import's local name) gets a `_`-prefixed
 * alias ({@link importAlias}). Declarations come out sorted by specifier (code-unit order), bare package specifiers
 * first, then relative ones.
 */
import { importAlias } from '../model/naming.js';
import type { Specifier, Statement } from './ts/nodes.js';
import { compareCodeUnits } from './text.js';

interface Imported {
  local: string;
  /** Imported as a value at least once. */
  value: boolean;
}

/** Relative module specifier from the file at `fromPath` to `toPath` (both `src/…` paths, `.ts`). */
export function relativeSpecifier(fromPath: string, toPath: string): string {
  const from = fromPath.split('/').slice(0, -1);
  const to = toPath.replace(/\.ts$/, '.js').split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

export class ImportScope {
  /** specifier → imported name → local binding. */
  private readonly modules = new Map<string, Map<string, Imported>>();
  private readonly locals = new Set<string>();

  /**
   * @param filePath Path of this file inside the package (`src/resources/extracts.ts`).
   * @param declared Names this file declares itself.
   */
  constructor(
    readonly filePath: string,
    declared: Iterable<string> = [],
  ) {
    for (const name of declared) this.locals.add(name);
  }

  /** Local name of `name` from the package-relative file `target` (e.g. `src/core/client.ts`), as a value. */
  value(target: string, name: string): string {
    return this.add(relativeSpecifier(this.filePath, target), name, true);
  }

  /** Local name of the type `name` from the package-relative file `target`: `name` itself when `target` is this file. */
  type(target: string, name: string): string {
    return target === this.filePath ? name : this.add(relativeSpecifier(this.filePath, target), name, false);
  }

  /** Local name of the type `name` from a bare package (`@improvado-sdk/types`). */
  packageType(packageName: string, name: string): string {
    return this.add(packageName, name, false);
  }

  private add(specifier: string, name: string, value: boolean): string {
    let names = this.modules.get(specifier);
    if (names === undefined) {
      names = new Map();
      this.modules.set(specifier, names);
    }
    const existing = names.get(name);
    if (existing !== undefined) {
      existing.value ||= value;
      return existing.local;
    }
    const local = importAlias(name, (candidate) => this.locals.has(candidate));
    this.locals.add(local);
    names.set(name, { local, value });
    return local;
  }

  /**
   * The import declarations (type-only where nothing is used as a value).
   * @param used when given, the local names the file's final nodes refer to: an import of any other name is left out
   */
  declarations(used?: ReadonlySet<string>): Array<Extract<Statement, { kind: 'import' }>> {
    const rank = (s: string): number => (s.startsWith('.') ? 1 : 0);
    return [...this.modules.entries()]
      .map(([specifier, names]) => [specifier, [...names.entries()].filter(([, i]) => used === undefined || used.has(i.local))] as const)
      .filter(([, entries]) => entries.length > 0)
      .sort((a, b) => rank(a[0]) - rank(b[0]) || compareCodeUnits(a[0], b[0]))
      .map(([specifier, names]) => {
        const entries = [...names].sort((a, b) => compareCodeUnits(a[0], b[0]));
        const allTypes = entries.every(([, i]) => !i.value);
        const specifiers: Specifier[] = entries.map(([name, i]) => ({
          name,
          ...(i.local !== name ? { alias: i.local } : {}),
          ...(!allTypes && !i.value ? { typeOnly: true } : {}),
        }));
        return { kind: 'import', typeOnly: allTypes, names: specifiers, from: specifier };
      });
  }
}
