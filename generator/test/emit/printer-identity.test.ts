/**
 * The TypeScript the printer writes is prettier's output already: for every fixture (fixtures/cases,
 * rules, emit and corpus-found) and the Improvado spec, prettier over each printed file of the types
 * package and of the client package changes nothing. (bench/test/printer-identity.test.ts does the
 * same over GitHub's API and every @readme/oas-examples document; client-printer.property.test.ts
 * over generated APIs of every width.) The Markdown files are written as prettier over the whole
 * text writes them, though the blocks prettier leaves as they are skip it (write/markdown-blocks.ts). The runtime
 * files copied into every client are kept in the same style (`.prettierrc.json`'s override for generator/runtime/).
 */
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitClientPackage } from '../../src/emit/client/index.js';
import { emitTypesPackage } from '../../src/emit/types/index.js';
import { loadDocument } from '../../src/load/index.js';
import { buildModel } from '../../src/model/build.js';
import { type Fixture, fixtureOptions, fixturesDir, typeFixtures } from './pipeline.js';
import { repoRoot } from './format.js';
import { markdownChanges, prettierChanges } from './printer-identity.js';

function corpusFound(): Fixture[] {
  const dir = path.join(fixturesDir, 'corpus-found');
  return (
    readdirSync(dir)
      // deep-ref-chain-stack-overflow is refused by the loader (load/too-deep): nothing is printed.
      .filter((n) => n !== 'deep-ref-chain-stack-overflow' && existsSync(path.join(dir, n, 'openapi.yaml')))
      .sort()
      .map((name) => ({ name, spec: path.join(dir, name, 'openapi.yaml'), specPath: `generator/test/fixtures/corpus-found/${name}/openapi.yaml` }))
  );
}

const improvado: Fixture = { name: 'improvado', spec: path.join(repoRoot, 'spec/openapi.yaml'), specPath: 'spec/openapi.yaml' };

describe('prettier leaves the printed types and client packages as they are', () => {
  for (const fixture of [...typeFixtures(), ...corpusFound(), improvado]) {
    it(fixture.name, async () => {
      const { api } = buildModel(await loadDocument(fixture.spec));
      const types = emitTypesPackage(api, fixtureOptions(fixture));
      const client = emitClientPackage(api, fixtureOptions(fixture));
      expect(types.filter((f) => f.kind === 'ts').length).toBeGreaterThan(0);
      expect(client.filter((f) => f.kind === 'ts').map((f) => f.path)).toContain('src/base.ts');
      expect(await prettierChanges(types)).toEqual([]);
      expect(await prettierChanges(client)).toEqual([]);
      expect(client.filter((f) => f.kind === 'md').map((f) => f.path)).toEqual(['README.md', 'api.md']);
      expect(await markdownChanges([...types, ...client])).toEqual([]);
    });
  }
});

describe('the runtime copied into every client (src/core/) is in the output style too', () => {
  it('prettier with the output style changes none of its files', async () => {
    const { api } = buildModel(await loadDocument(improvado.spec));
    const core = emitClientPackage(api, fixtureOptions(improvado)).filter((f) => f.path.startsWith('src/core/') && f.path.endsWith('.ts'));
    expect(core.length).toBeGreaterThan(15);
    expect(await prettierChanges(core.map((f) => ({ ...f, kind: 'ts' as const })))).toEqual([]);
  });
});
