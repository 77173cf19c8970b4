/**
 * The layout of the file snapshots: a fixture's snapshot folder holds only what depends on its spec.
 * A file whose snapshot is byte-identical across fixtures (a template that reads nothing from the
 * spec) belongs in `specIndependentFiles` (snapshot-files.ts), snapshotted once under
 * __snapshots__/spec-independent/; and no snapshot copies a file of the committed packages
 * (packages/types, packages/client: the drift gate compares those with a fresh generation).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listFiles, type PackageKind, sharedSnapshotsDir, specIndependentFiles } from './snapshot-files.js';

const testDir = fileURLToPath(new URL('./', import.meta.url));
const repoRoot = path.resolve(testDir, '../..');

/** One fixture's snapshot of one package. */
interface PackageSnapshot {
  fixture: string;
  kind: PackageKind;
  dir: string;
}

/** Sub-folders of `dir`, sorted. */
function folders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Every per-fixture package snapshot folder of the emit, client and corpus-found suites. */
function packageSnapshots(): PackageSnapshot[] {
  const emitDir = path.join(testDir, 'emit/__snapshots__');
  const clientDir = path.join(testDir, 'client/__snapshots__');
  const corpusDir = path.join(emitDir, 'corpus-found');
  return [
    ...folders(emitDir)
      .filter((name) => name !== 'corpus-found')
      .map((fixture): PackageSnapshot => ({ fixture, kind: 'types', dir: path.join(emitDir, fixture) })),
    ...folders(clientDir).map((fixture): PackageSnapshot => ({ fixture, kind: 'client', dir: path.join(clientDir, fixture) })),
    ...folders(corpusDir).flatMap((fixture) =>
      (['types', 'client'] as const).map((kind): PackageSnapshot => ({ fixture: `corpus-found/${fixture}`, kind, dir: path.join(corpusDir, fixture, kind) })),
    ),
  ];
}

const md5 = (file: string): string => createHash('md5').update(readFileSync(file)).digest('hex');

describe('snapshot layout', () => {
  const snapshots = packageSnapshots();

  it('finds the three suites’ snapshot folders', () => {
    for (const kind of ['types', 'client'] as const) expect(snapshots.filter((s) => s.kind === kind).length).toBeGreaterThan(10);
    expect(snapshots.some((s) => s.fixture.startsWith('corpus-found/'))).toBe(true);
  });

  it('no file snapshot is byte-identical across fixtures (spec-independent files are snapshotted once)', () => {
    // (package kind, path in the package, md5) → fixtures holding exactly those bytes.
    const holders = new Map<string, string[]>();
    for (const s of snapshots) {
      for (const file of listFiles(s.dir)) {
        const key = `${s.kind}/${file} ${md5(path.join(s.dir, file))}`;
        holders.set(key, [...(holders.get(key) ?? []), s.fixture]);
      }
    }
    const shared = [...holders].filter(([, fixtures]) => fixtures.length > 1).map(([key, fixtures]) => `${key.split(' ')[0]}: ${fixtures.join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('the shared snapshots are exactly the spec-independent files of each package kind', () => {
    const expected = (['client', 'types'] as const).flatMap((kind) => specIndependentFiles.map((file) => `${kind}/${file}`)).sort();
    expect(listFiles(sharedSnapshotsDir)).toEqual(expected);
  });

  it('no snapshot copies a file of the committed packages (the drift gate covers packages/types and packages/client)', () => {
    expect(snapshots.map((s) => s.fixture)).not.toContain('improvado');
    const committed = new Map<string, string>();
    for (const pkg of ['packages/types', 'packages/client']) {
      const dir = path.join(repoRoot, pkg);
      expect(existsSync(dir), `${pkg} exists`).toBe(true);
      for (const file of listFiles(dir).filter((f) => !/^(node_modules|dist)\//.test(f))) committed.set(md5(path.join(dir, file)), `${pkg}/${file}`);
    }
    const copies = snapshots.flatMap((s) =>
      listFiles(s.dir)
        .filter((file) => committed.has(md5(path.join(s.dir, file))))
        .map((file) => `${path.relative(repoRoot, path.join(s.dir, file))} = ${committed.get(md5(path.join(s.dir, file)))}`),
    );
    expect(copies).toEqual([]);
  });
});
