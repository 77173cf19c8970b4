/**
 * The public surface of the generated packages, read from the emitted texts: every exported name of
 * the types package, of the client's entry point and of its subpath entry points (`./resources/*`,
 * `./webhooks`). Parsed with the TypeScript compiler, so it depends on what the files say, not on
 * how the emitters build them.
 */
import { ts } from 'ts-morph';
import { compareCodeUnits } from '../model/naming.js';

/** One exported name. */
export interface Export {
  /** `types`, `client`, `client/resources/roles`, `client/webhooks`: the entry point, package-neutral. */
  entry: string;
  name: string;
  /** `value` for a class, function, const or enum (usable with `typeof`); `type` for a type only. */
  space: 'type' | 'value';
}

/** The package-neutral key of an export: `types#Role`, `client#Improvado`. */
export function exportKey(e: Pick<Export, 'entry' | 'name'>): string {
  return `${e.entry}#${e.name}`;
}

/**
 * Every export of both packages, by {@link exportKey}, in entry and name order.
 *
 * @param types the types package's files (package-relative path → text)
 * @param client the client package's files
 */
export function publicSurface(types: ReadonlyMap<string, string>, client: ReadonlyMap<string, string>): Map<string, Export> {
  const out: Export[] = [];
  // The types package's entry re-exports every module (`export type * from`): its names are the modules' names.
  for (const [file, text] of types) {
    if (!file.startsWith('src/') || !file.endsWith('.ts')) continue;
    for (const e of declaredExports(text)) out.push({ entry: 'types', ...e, space: 'type' });
  }
  for (const [file, text] of client) {
    const entry = clientEntry(file);
    if (entry === undefined) continue;
    for (const e of declaredExports(text)) out.push({ entry, ...e });
  }
  out.sort((a, b) => compareCodeUnits(exportKey(a), exportKey(b)));
  return new Map(out.map((e) => [exportKey(e), e]));
}

/** The entry point a client file is, if it is one: `src/index.ts`, `src/resources/**`, `src/webhooks.ts`. */
function clientEntry(file: string): string | undefined {
  if (file === 'src/index.ts') return 'client';
  if (file === 'src/webhooks.ts') return 'client/webhooks';
  const m = /^src\/(resources\/.+)\.ts$/.exec(file);
  return m ? `client/${m[1]}` : undefined;
}

/** Names a module exports by declaration or by `export { … }` (not `export *`, whose names are elsewhere). */
function declaredExports(text: string): Array<{ name: string; space: 'type' | 'value' }> {
  const sf = ts.createSourceFile('module.ts', text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const out: Array<{ name: string; space: 'type' | 'value' }> = [];
  const exported = (node: ts.Node): boolean => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of sf.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.exportClause === undefined || !ts.isNamedExports(statement.exportClause)) continue;
      for (const spec of statement.exportClause.elements) {
        out.push({ name: spec.name.text, space: statement.isTypeOnly || spec.isTypeOnly ? 'type' : 'value' });
      }
      continue;
    }
    if (!exported(statement)) continue;
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) out.push({ name: statement.name.text, space: 'type' });
    else if ((ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      out.push({ name: statement.name.text, space: 'value' });
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) out.push({ name: d.name.text, space: 'value' });
    }
  }
  return out;
}
