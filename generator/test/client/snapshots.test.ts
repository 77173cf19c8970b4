/**
 * File snapshots of the generated client package for every fixture spec (cases/*, rules/*, and the
 * fuzz-found corpus-found/fuzz-*): every file except the `src/core/` runtime copies (core.test.ts pins
 * those to generator/runtime byte for byte), `api.md` and `README.md` included. A file only its fixture
 * emits is snapshotted under __snapshots__/<fixture>/; files equal across fixtures once the fixture's own
 * values are masked (spec path, package names, API name, version) share one masked snapshot under
 * generator/test/__snapshots__/shared/client/ (package-snapshots.ts). The Improvado client has no
 * snapshot here: it is committed as packages/client, and the drift test (drift.test.ts) and .ci/run's
 * drift gate compare it with a fresh generation, so a second copy would only double every diff to read.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describePackageSnapshots } from '../package-snapshots.js';
import { fixtureMasks } from '../snapshot-mask.js';
import type { PackageEmission } from '../snapshot-plan.js';
import { clientFixtures, corpusFoundFixtures, type Fixture, generate } from './pipeline.js';

const fixtures = clientFixtures();
const snapshotted = [...fixtures.filter((f) => f.name !== 'improvado'), ...corpusFoundFixtures()];

/** What makes `tsc` parse a comment of a `.ts` file as JSDoc (TypeScript's `jsDocSeeOrLink`): the generator writes neither (D60). */
const JSDOC_TAGS = /@(?:see|link)/i;

const emissions: PackageEmission[] = [];
/** Per fixture, the generated TypeScript of both packages (the runtime copies left out), when its spec says neither `@see` nor `@link`. */
const withoutSpecTags: Array<{ fixture: string; files: Map<string, string> }> = [];
for (const fixture of snapshotted) {
  const { api, formatted } = await generate(fixture);
  const files = new Map([...formatted.client].filter(([file]) => !file.startsWith('src/core/')));
  emissions.push({ fixture: fixture.name, masks: fixtureMasks(fixture.options, api), files });
  if (!JSDOC_TAGS.test(readFileSync(fixture.spec, 'utf8'))) {
    const ts = [...formatted.types].map(([file, text]) => [`types/${file}`, text] as const);
    const client = [...files].map(([file, text]) => [`client/${file}`, text] as const);
    withoutSpecTags.push({ fixture: fixture.name, files: new Map([...ts, ...client].filter(([file]) => file.endsWith('.ts'))) });
  }
}

it('every client package has its entry points and its API reference', () => {
  for (const { fixture, files } of emissions) {
    for (const file of ['src/index.ts', 'src/client.ts', 'api.md']) expect([...files.keys()], `${fixture} emits ${file}`).toContain(file);
  }
});

it('writes no @see or {@link} of its own (D60): names in backticks, external docs as a `See also:` line', () => {
  expect(withoutSpecTags.length).toBeGreaterThan(40);
  const found = withoutSpecTags.flatMap(({ fixture, files }) =>
    [...files].flatMap(([file, text]) =>
      text
        .split('\n')
        .filter((line) => JSDOC_TAGS.test(line))
        .map((line) => `${fixture} ${file}: ${line.trim()}`),
    ),
  );
  expect(found).toEqual([]);
});

describePackageSnapshots({ kind: 'client', dir: fileURLToPath(new URL('./__snapshots__/', import.meta.url)), emissions });

it('is deterministic: a second emit gives the same files', async () => {
  const { emitClientPackage } = await import('../../src/emit/client/index.js');
  const fixture = fixtures.find((f) => f.name === 'improvado') as Fixture;
  const { api, client } = await generate(fixture);
  expect(emitClientPackage(api, fixture.options)).toEqual(client);
});
