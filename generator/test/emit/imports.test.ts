/**
 * One file's import scope (both packages): local names never clash, with each other or with the file's own
 * declarations. Before the types package shared the client's scope, it checked an import only against the names it
 * was told to reserve: the first two cases gave two imports one local name. The model keeps them apart on every spec
 * (type names are unique and never `paths`, `components`, …), so they are reachable only by calling the scope.
 */
import { describe, expect, it } from 'vitest';
import { ImportScope } from '../../src/emit/imports.js';

describe('ImportScope', () => {
  it('gives an aliased import and an import of its alias two local names', () => {
    // `paths` is declared in openapi.ts, so an import of `paths` becomes `_paths`; an import of `_paths` must not take it too.
    const scope = new ImportScope('src/openapi.ts', ['paths']);
    const aliased = scope.type('src/a.ts', 'paths');
    const plain = scope.type('src/b.ts', '_paths');
    expect(aliased).toBe('_paths');
    expect(plain).toBe('__paths');
    expect(scope.declarations()).toEqual([
      { kind: 'import', typeOnly: true, from: './a.js', names: [{ name: 'paths', alias: '_paths' }] },
      { kind: 'import', typeOnly: true, from: './b.js', names: [{ name: '_paths', alias: '__paths' }] },
    ]);
  });

  it('gives one name imported from two modules two local names', () => {
    const scope = new ImportScope('src/openapi.ts');
    expect(scope.type('src/a.ts', 'Pet')).toBe('Pet');
    expect(scope.type('src/b.ts', 'Pet')).toBe('_Pet');
    expect(scope.packageType('@x/types', 'Pet')).toBe('__Pet');
  });

  it('reuses the local name of a name imported twice, and needs no import for a name of the file itself', () => {
    const scope = new ImportScope('src/shared.ts', ['Shared']);
    expect(scope.type('src/shared.ts', 'Shared')).toBe('Shared');
    expect(scope.type('src/a.ts', 'Pet')).toBe('Pet');
    expect(scope.value('src/a.ts', 'Pet')).toBe('Pet');
    expect(scope.type('src/a.ts', 'Tag')).toBe('Tag');
    expect(scope.packageType('@x/types', 'Shared')).toBe('_Shared');
    expect(scope.declarations()).toEqual([
      { kind: 'import', typeOnly: true, from: '@x/types', names: [{ name: 'Shared', alias: '_Shared' }] },
      { kind: 'import', typeOnly: false, from: './a.js', names: [{ name: 'Pet' }, { name: 'Tag', typeOnly: true }] },
    ]);
  });
});
