/**
 * Snapshot files that other tests compile against (the `*.test-d.ts` type tests import types from
 * `emit/__snapshots__/<fixture>/src/index.js`): such a file, and every module it imports within its
 * package, stays a file of its own in the fixture's folder, even when masking would share it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const testDir = fileURLToPath(new URL('./', import.meta.url));

/** Test sources (`.ts`) under generator/test, snapshots and fixtures left out: absolute paths. */
function testSources(dir = testDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['__snapshots__', 'fixtures', 'node_modules'].includes(entry.name) ? [] : testSources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Module specifiers of `import … from '…'`, `export … from '…'` and `import('…')` in a TypeScript text. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
}

/** The `.ts` file an ESM import path names (`./x.js` → `./x.ts`). */
const sourceOf = (specifier: string): string => specifier.replace(/\.js$/, '.ts');

/**
 * The files of `snapshotDir` (`<fixture>/<path in the package>`) that a test source imports, closed over
 * the relative imports of those files within their package. `read(fixture, file)` gives a file's
 * contents (`undefined` when the fixture has no such file).
 */
export function importedSnapshotFiles(snapshotDir: string, read: (fixture: string, file: string) => string | undefined): Set<string> {
  const pinned = new Set<string>();
  const queue: Array<[string, string]> = [];
  const add = (fixture: string, file: string): void => {
    const key = `${fixture}/${file}`;
    if (pinned.has(key) || read(fixture, file) === undefined) return;
    pinned.add(key);
    queue.push([fixture, file]);
  };
  for (const source of testSources()) {
    for (const specifier of specifiers(readFileSync(source, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = path.relative(snapshotDir, path.resolve(path.dirname(source), sourceOf(specifier)));
      if (target.startsWith('..') || path.isAbsolute(target)) continue;
      const [fixture, ...rest] = target.split(path.sep);
      if (fixture !== undefined && rest.length > 0) add(fixture, rest.join('/'));
    }
  }
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const [fixture, file] = next;
    for (const specifier of specifiers(read(fixture, file) ?? '')) {
      if (specifier.startsWith('.')) add(fixture, path.posix.join(path.posix.dirname(file), sourceOf(specifier)));
    }
  }
  return pinned;
}
