/**
 * Property: a random valid OpenAPI 3.0 / 3.1 document generates types and client that
 * - come out identical on a second run (determinism),
 * - never use the `any` type (AST scan),
 * - compile under `strict`, `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess` (one
 *   TypeScript program per batch of runs).
 *
 * Runs: SDKGEN_FUZZ_RUNS (default 200); seed printed, replay with SDKGEN_FUZZ_SEED. A document whose
 * output fails to compile is saved under generator/node_modules/.cache/sdkgen-fuzz/failures/ (the
 * error names the file) to become a fixture under generator/test/fixtures/corpus-found/.
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentArb, type JsonObject, type Version } from './arbitraries.js';
import { type BatchMember, compileBatch, findAny } from './compile.js';
import { emitDocument, fuzzDir, fuzzParams, numRuns, saveFailure } from './driver.js';

const BATCH = 40;

describe.each(['3.0', '3.1'] as const)('fuzz: valid OpenAPI %s documents', (version: Version) => {
  it(`generate deterministic, any-free output that compiles under strict (${numRuns} runs)`, async () => {
    const params = fuzzParams(`valid ${version}`);
    const members: Array<BatchMember & { doc: JsonObject }> = [];
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
    const emitted = performance.now();
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
    console.log(`[fuzz] valid ${version}: ${members.length} documents generated twice in ${seconds(started, emitted)} s, compiled in ${seconds(emitted, performance.now())} s`);
    expect(failures, `seed ${params.seed}: outputs that do not compile`).toEqual([]);
    expect(members.length).toBeGreaterThanOrEqual(numRuns);
  }, 1_800_000);
});
