/**
 * The layout of the package snapshots, read from the files alone (package-snapshots.ts writes them): a
 * fixture's folder holds only files no other fixture shares once masked (snapshot-mask.ts), so no two
 * own snapshots of one path are equal after masking, and none equals a shared snapshot; every shared
 * snapshot is used by two fixtures or more, as the manifest (`generator/test/__snapshots__/shared/<kind>.json`)
 * records; and no snapshot copies a file of the committed packages (packages/types, packages/client: the
 * drift gate compares those with a fresh generation). Files a test compiles against (snapshot-pins.ts)
 * stay their fixture's own and are exempt from the "equal after masking" rule.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listFiles, manifestPath, type PackageKind, sharedDir, variantPath } from './snapshot-files.js';
import { maskExactly } from './snapshot-mask.js';
import { importedSnapshotFiles } from './snapshot-pins.js';
import { type FixtureEntry, parseManifest } from './snapshot-plan.js';

const testDir = fileURLToPath(new URL('./', import.meta.url));
const repoRoot = path.resolve(testDir, '../..');

/** One package kind's snapshots on disk. */
interface KindSnapshots {
  kind: PackageKind;
  /** Folder of the fixtures' own snapshots. */
  dir: string;
  manifest: Map<string, FixtureEntry>;
  /** Fixture → its own snapshot files (paths in the package). */
  own: Map<string, string[]>;
  /** `<fixture>/<path>` of the files a test compiles against. */
  pinned: Set<string>;
}

/** Sub-folders of `dir`, sorted. */
function folders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

function kindSnapshots(kind: PackageKind, dir: string): KindSnapshots {
  const manifest = existsSync(manifestPath(kind)) ? parseManifest(readFileSync(manifestPath(kind), 'utf8')) : new Map<string, FixtureEntry>();
  const own = new Map(folders(dir).map((fixture) => [fixture, listFiles(path.join(dir, fixture))]));
  const read = (fixture: string, file: string): string | undefined => {
    const full = path.join(dir, fixture, file);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
  return { kind, dir, manifest, own, pinned: importedSnapshotFiles(dir, read) };
}

const suites: KindSnapshots[] = [
  kindSnapshots('types', path.join(testDir, 'emit/__snapshots__')),
  kindSnapshots('client', path.join(testDir, 'client/__snapshots__')),
];

const md5 = (file: string): string => createHash('md5').update(readFileSync(file)).digest('hex');

/** Groups of more than one `label`, by key. */
function collisions(entries: Array<{ key: string; label: string }>): string[][] {
  const byKey = new Map<string, string[]>();
  for (const { key, label } of entries) byKey.set(key, [...(byKey.get(key) ?? []), label]);
  return [...byKey.values()].filter((labels) => labels.length > 1);
}

describe('snapshot layout', () => {
  it('finds both suites’ snapshots and manifests', () => {
    for (const s of suites) {
      expect(s.manifest.size, `${s.kind} fixtures in ${manifestPath(s.kind)}`).toBeGreaterThan(10);
      expect(s.own.size, `${s.kind} fixture folders`).toBeGreaterThan(10);
      expect(
        [...s.manifest.values()].some((e) => Object.keys(e.shared).length > 0),
        `${s.kind}: some file is shared`,
      ).toBe(true);
    }
  });

  it('generator/test/__snapshots__ holds its README.md, the manifests and the shared snapshots, nothing else', () => {
    const kinds = suites.map((s) => s.kind).join('|');
    const unexpected = listFiles(path.join(testDir, '__snapshots__')).filter(
      (file) => file !== 'README.md' && !new RegExp(`^shared/(?:${kinds})(?:\\.json$|/)`).test(file),
    );
    expect(unexpected).toEqual([]);
  });

  it('every fixture folder is a fixture of the manifest, and no file is both shared and its own', () => {
    for (const s of suites) {
      expect([...s.own.keys()].filter((fixture) => !s.manifest.has(fixture))).toEqual([]);
      const both = [...s.own].flatMap(([fixture, files]) =>
        files.filter((file) => s.manifest.get(fixture)?.shared[file] !== undefined).map((f) => `${fixture}/${f}`),
      );
      expect(both, `${s.kind}: files with an own and a shared snapshot`).toEqual([]);
    }
  });

  it('no two own snapshots of one path are equal once masked, and none equals a shared snapshot', () => {
    for (const s of suites) {
      const entries: Array<{ key: string; label: string }> = [];
      for (const [fixture, files] of s.own) {
        const masks = s.manifest.get(fixture)?.masks ?? {};
        for (const file of files.filter((f) => !s.pinned.has(`${fixture}/${f}`))) {
          const masked = maskExactly(readFileSync(path.join(s.dir, fixture, file), 'utf8'), masks);
          if (masked !== undefined) entries.push({ key: `${file}\n${masked}`, label: `${fixture}/${file}` });
        }
      }
      for (const variant of listFiles(path.join(sharedDir, s.kind))) {
        const file = variant.slice(variant.indexOf('/') + 1);
        entries.push({ key: `${file}\n${readFileSync(variantPath(s.kind, variant), 'utf8')}`, label: `shared/${s.kind}/${variant}` });
      }
      expect(collisions(entries), `${s.kind}: snapshots equal after masking (vitest -u shares them)`).toEqual([]);
    }
  });

  it('every shared snapshot is used by two fixtures or more, named after the first, and exists', () => {
    for (const s of suites) {
      const users = new Map<string, string[]>();
      for (const [fixture, entry] of s.manifest) {
        for (const [file, variant] of Object.entries(entry.shared)) users.set(`${variant}/${file}`, [...(users.get(`${variant}/${file}`) ?? []), fixture]);
      }
      expect(listFiles(path.join(sharedDir, s.kind)), `${s.kind}: shared snapshots on disk = those the manifest names`).toEqual([...users.keys()].sort());
      for (const [variant, fixtures] of users) {
        expect(fixtures.length, `${s.kind}/${variant} is used by ${fixtures.join(', ')}`).toBeGreaterThan(1);
        expect(variant.startsWith(`${[...fixtures].sort()[0]}/`), `${s.kind}/${variant} is named after the first of ${fixtures.join(', ')}`).toBe(true);
      }
    }
  });

  it('no snapshot copies a file of the committed packages (the drift gate covers packages/types and packages/client)', () => {
    for (const s of suites) expect([...s.manifest.keys(), ...s.own.keys()]).not.toContain('improvado');
    const committed = new Map<string, string>();
    for (const pkg of ['packages/types', 'packages/client']) {
      const dir = path.join(repoRoot, pkg);
      expect(existsSync(dir), `${pkg} exists`).toBe(true);
      for (const file of listFiles(dir).filter((f) => !/^(node_modules|dist)\//.test(f))) committed.set(md5(path.join(dir, file)), `${pkg}/${file}`);
    }
    const copies = suites.flatMap((s) =>
      [...s.own].flatMap(([fixture, files]) =>
        files
          .map((file) => path.join(s.dir, fixture, file))
          .filter((full) => committed.has(md5(full)))
          .map((full) => `${path.relative(repoRoot, full)} = ${committed.get(md5(full))}`),
      ),
    );
    expect(copies).toEqual([]);
  });
});
