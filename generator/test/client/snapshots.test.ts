/**
 * File snapshots of the generated client package for every fixture spec (cases/*, rules/*): every
 * file except the `src/core/` runtime copies (core.test.ts pins those to generator/runtime byte for
 * byte) and the spec-independent files (tsconfig.json: every fixture's copy equals the first
 * fixture's, which matches the one shared snapshot, generator/test/__snapshots__/spec-independent/client/).
 * `api.md` and `README.md` are among the snapshots. The Improvado client has no snapshot here:
 * it is committed as packages/client, and the drift test (drift.test.ts) and .ci/run's drift gate
 * compare it with a fresh generation, so a second copy would only double every diff to read.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectNoStaleSnapshots, expectSameAsReference, expectSharedSnapshots, isSpecIndependent } from '../snapshot-files.js';
import { clientFixtures, type Fixture, generate } from './pipeline.js';

const fixtures = clientFixtures();
const snapshotted = fixtures.filter((f) => f.name !== 'improvado');

/** The first snapshotted fixture: the reference for the spec-independent files. */
async function reference(): Promise<{ name: string; files: ReadonlyMap<string, string> }> {
  const first = snapshotted[0];
  if (first === undefined) throw new Error('no fixture');
  return { name: first.name, files: (await generate(first)).formatted.client };
}

it('spec-independent files: one shared snapshot', async () => {
  await expectSharedSnapshots('client', (await reference()).files);
});

describe.each(snapshotted.map((f): [string, Fixture] => [f.name, f]))('client package of %s', (name, fixture) => {
  it('matches the file snapshots', async () => {
    const { formatted } = await generate(fixture);
    const paths = [...formatted.client.keys()].filter((p) => !p.startsWith('src/core/') && !isSpecIndependent(p));
    expect(paths).toContain('src/index.ts');
    expect(paths).toContain('src/client.ts');
    expect(paths).toContain('api.md');
    for (const path of paths) {
      await expect(formatted.client.get(path)).toMatchFileSnapshot(`__snapshots__/${name}/${path}`);
    }
    expectSameAsReference(name, formatted.client, await reference());
    expectNoStaleSnapshots(fileURLToPath(new URL(`./__snapshots__/${name}/`, import.meta.url)), paths);
  });
});

it('is deterministic: a second emit gives the same files', async () => {
  const { emitClientPackage } = await import('../../src/emit/client/index.js');
  const fixture = fixtures.find((f) => f.name === 'improvado') as Fixture;
  const { api, client } = await generate(fixture);
  expect(emitClientPackage(api, fixture.options)).toEqual(client);
});
