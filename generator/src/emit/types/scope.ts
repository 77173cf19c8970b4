/**
 * One output file's view of the name space: which identifiers it declares and which it imports from
 * which module. Imports are computed from the model's module assignment ({@link NamedSchema.module},
 * {@link Operation.module}); nothing is parsed or organised afterwards.
 */
import { importAlias } from '../../model/naming.js';
import { compareCodeUnits } from '../text.js';
import type { Statement } from '../ts/nodes.js';

/** The module specifier of a sibling module file, e.g. `./shared.js`. */
export function moduleSpecifier(fileStem: string): string {
  return `./${fileStem}.js`;
}

export class FileScope {
  /** module file stem → imported identifier → local name. */
  private readonly imported = new Map<string, Map<string, string>>();

  /**
   * @param fileStem The file stem of this file (`connections`, `shared`, `openapi`, …).
   * @param reserved Names declared in this file that an import must not shadow (imports of such a
   *   name get a `_`-prefixed alias).
   */
  constructor(
    readonly fileStem: string,
    private readonly reserved: ReadonlySet<string> = new Set(),
  ) {}

  /** Returns the local name for `identifier` declared in `fileStem`, recording an import if needed. */
  use(fileStem: string, identifier: string): string {
    if (fileStem === this.fileStem) return identifier;
    let names = this.imported.get(fileStem);
    if (names === undefined) {
      names = new Map();
      this.imported.set(fileStem, names);
    }
    let local = names.get(identifier);
    if (local === undefined) {
      local = importAlias(identifier, (name) => this.reserved.has(name));
      names.set(identifier, local);
    }
    return local;
  }

  /** `import type { … } from './x.js'` declarations, sorted by specifier and by name (code-unit order). */
  importDeclarations(): Array<Extract<Statement, { kind: 'import' }>> {
    return [...this.imported.entries()]
      .map(([stem, names]) => ({ specifier: moduleSpecifier(stem), names }))
      .sort((a, b) => compareCodeUnits(a.specifier, b.specifier))
      .map(({ specifier, names }) => ({
        kind: 'import' as const,
        typeOnly: true,
        from: specifier,
        names: [...names.entries()].sort((a, b) => compareCodeUnits(a[0], b[0])).map(([name, local]) => (name === local ? { name } : { name, alias: local })),
      }));
  }
}
