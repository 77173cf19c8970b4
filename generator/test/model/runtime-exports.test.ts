/**
 * The runtime export reader (model/runtime-exports.ts) agrees with the TypeScript compiler on what generator/runtime
 * exports, and refuses what it cannot read rather than missing a name.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { runtimeClassMembers, runtimeExports, runtimeSourceDir } from '../../src/model/runtime-exports.js';
import { strictProgramOptions } from '../strict-options.js';

const dir = runtimeSourceDir();
const program = ts.createProgram({ rootNames: ['index.ts', 'request-types.ts'].map((f) => path.join(dir, f)), options: strictProgramOptions });
const checker = program.getTypeChecker();

/** What the compiler says `file` exports: name → declaring file, whether it is a class, whether it is a value. */
function compilerExports(file: string): Map<string, { file: string; isClass: boolean; isValue: boolean }> {
  const source = program.getSourceFile(path.join(dir, file));
  const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`no module symbol for ${file}`);
  const out = new Map<string, { file: string; isClass: boolean; isValue: boolean }>();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations?.[0];
    const specifier = symbol.declarations?.find(ts.isExportSpecifier);
    const typeOnly = specifier !== undefined && (specifier.isTypeOnly || specifier.parent.parent.isTypeOnly);
    out.set(symbol.name, {
      file: path.basename(declaration?.getSourceFile().fileName ?? ''),
      isClass: (target.flags & ts.SymbolFlags.Class) !== 0,
      isValue: !typeOnly && (target.flags & ts.SymbolFlags.Value) !== 0,
    });
  }
  return out;
}

describe('runtimeExports', () => {
  for (const file of ['index.ts', 'request-types.ts']) {
    it(`${file}: the names, declaring files, classes and values the compiler sees`, () => {
      const expected = compilerExports(file);
      const read = runtimeExports(file);
      expect(read.map((e) => e.name).sort()).toEqual([...expected.keys()].sort());
      for (const e of read) {
        expect({ name: e.name, file: e.file, isClass: e.declaration === 'class', isValue: !e.typeOnly }).toEqual({ name: e.name, ...expected.get(e.name) });
      }
    });
  }

  it('ClientCore members: every member a subclass sees, as the compiler lists them', () => {
    const source = program.getSourceFile(path.join(dir, 'client.ts'));
    const cls = source?.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === 'ClientCore');
    const members = (cls?.members ?? [])
      .filter((m) => ts.isConstructorDeclaration(m) || (m.name !== undefined && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))))
      .map((m) => (ts.isConstructorDeclaration(m) ? 'constructor' : (m.name as ts.Identifier).text));
    expect(runtimeClassMembers('client.ts', 'ClientCore')).toEqual([...new Set(members)].sort());
    expect(runtimeClassMembers('client.ts', 'ClientCore')).toEqual(expect.arrayContaining(['baseUrl', 'config', 'constructor', 'request', 'withOptions']));
  });
});

describe('runtimeExports refuses what it cannot read', () => {
  const scratch = fileURLToPath(new URL('../../.sdkgen-cache/model/runtime-reader/', import.meta.url));
  /** A runtime folder of one `index.ts` (plus `a.ts`), in the repository's ignored cache. */
  function folder(name: string, index: string, a = 'export class A {}\n'): string {
    const d = path.join(scratch, name);
    rmSync(d, { recursive: true, force: true });
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, 'index.ts'), index);
    writeFileSync(path.join(d, 'a.ts'), a);
    return d;
  }

  it('reads aliases, type-only entries, a local re-export of an import, and `export *` below explicit exports', () => {
    const d = folder(
      'ok',
      "import { A } from './a.js';\nexport { A as B, type A as C } from './a.js';\nexport type * from './a.js';\nexport { A };\n",
      'export class A {}\nexport interface D {}\n',
    );
    expect(runtimeExports('index.ts', d).map((e) => `${e.name} ${e.file} ${e.declaration} ${e.typeOnly}`)).toEqual([
      'B a.ts class false',
      'C a.ts class true',
      'D a.ts interface true',
      'A a.ts class false',
    ]);
  });

  it.each([
    ['default', 'export default class X {}\n', /does not understand/],
    ['namespace', "export * as a from './a.js';\n", /does not understand/],
    ['package', "export { x } from 'pkg';\n", /cannot follow the re-export from 'pkg'/],
    ['missing', "export { Nope } from './a.js';\n", /does not export 'Nope'/],
    ['undeclared', 'export { nowhere };\n', /neither imports nor declares/],
  ])('%s', (name, index, error) => {
    expect(() => runtimeExports('index.ts', folder(name, index))).toThrow(error);
  });
});
