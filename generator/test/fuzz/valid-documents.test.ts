/**
 * Property: a random valid OpenAPI 3.0 / 3.1 document generates types and client that
 * - come out identical on a second run (determinism),
 * - never use the `any` type (AST scan),
 * - compile under `strict`, `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess`, both
 *   packages (types and client, the client against its types package by name), one TypeScript 5.9
 *   program per batch of {@link BATCH} documents, the client runtime (`src/core/`) checked once per
 *   batch (compile.ts).
 *
 * All three halves run in every run, never skipped: SDKGEN_FUZZ_RUNS runs per property (default 200;
 * `pnpm test:corpus` runs 1000; a smaller number makes a quick local run). The seed is printed; replay a
 * failure with SDKGEN_FUZZ_SEED (and the same SDKGEN_FUZZ_RUNS).
 * A document whose output fails to compile is saved under
 * generator/node_modules/.cache/sdkgen-fuzz/failures/ (the error names the file) to become a
 * minimised fixture under generator/test/fixtures/corpus-found/fuzz-* (generator/test/emit/corpus-found.test.ts
 * snapshots and compiles those).
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentArb, type JsonObject, type Version } from './arbitraries.js';
import { type BatchMember, compileBatch, findAny } from './compile.js';
import { emitDocument, fuzzDir, fuzzParams, numRuns, saveFailure } from './driver.js';

/** Documents per TypeScript program: fewer programs, less fixed cost (the DOM lib, the client runtime). */
const BATCH = 100;

describe.each(['3.0', '3.1'] as const)('fuzz: valid OpenAPI %s documents', (version: Version) => {
  const params = fuzzParams(`valid ${version}`);
  const members: Array<BatchMember & { doc: JsonObject }> = [];

  it(`generate deterministic, any-free output (${numRuns} runs)`, async () => {
    let run = 0;
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(documentArb(version), async (doc) => {
        const id = `fz${version.replace('.', '')}-${run++}`;
        const first = await emitDocument(doc, id);
        const second = await emitDocument(doc, id);
        expect([...second.entries()]).toEqual([...first.entries()]);
        const anys = [...first].filter(([f]) => f.endsWith('.ts')).flatMap(([f, text]) => findAny(f, text));
        expect(anys, 'no `any` in the output').toEqual([]);
        members.push({ id, doc, files: first, packages: { [`@${id}/types`]: 'types' } });
      }),
      params,
    );
    const seconds = (a: number, b: number) => ((b - a) / 1000).toFixed(1);
    console.log(`[fuzz] valid ${version}: ${members.length} documents generated twice in ${seconds(started, performance.now())} s`);
    expect(members.length).toBeGreaterThanOrEqual(numRuns);
  }, 1_800_000);

  it('whose output compiles under strict', () => {
    const started = performance.now();
    expect(members.length).toBeGreaterThanOrEqual(numRuns);
    // Compile everything the property produced, in batches (shrinking runs included: harmless).
    const failures: string[] = [];
    for (let i = 0; i < members.length; i += BATCH) {
      const batch = members.slice(i, i + BATCH);
      const dir = path.join(fuzzDir, `valid-${version}-${params.seed}-${i / BATCH}`);
      rmSync(dir, { recursive: true, force: true });
      const errors = compileBatch(dir, batch);
      const byMember = new Map<string, string[]>();
      for (const e of errors) {
        const list = byMember.get(e.member ?? '(global)') ?? [];
        list.push(`${e.file}:${e.line} ${e.message.split('\n')[0]}`);
        byMember.set(e.member ?? '(global)', list);
      }
      for (const [id, list] of byMember) {
        const member = batch.find((m) => m.id === id);
        const saved = member ? saveFailure(`${params.seed}-${id}`, member.doc) : '(no document)';
        failures.push(`${id} (document: ${saved}):\n  ${list.slice(0, 8).join('\n  ')}`);
      }
    }
    const seconds = (a: number, b: number) => ((b - a) / 1000).toFixed(1);
    console.log(`[fuzz] valid ${version}: ${members.length} documents compiled in ${seconds(started, performance.now())} s`);
    expect(failures, `seed ${params.seed}: outputs that do not compile`).toEqual([]);
  }, 1_800_000);
});
