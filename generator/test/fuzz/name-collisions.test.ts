/**
 * Property (D33): whatever names a document uses, the generated types and client compile. Documents come from
 * name-arbitraries.ts: schema keys, operationIds, tags, `x-sdk-resource` paths, enums and webhooks whose names collide
 * after every conversion (case variants, digits and acronyms, the suffixes the generator appends, reserved words and
 * members, the client's own names, the runtime's exports), and path parameters named like the method's other arguments
 * or like each other after camelCase (D40). Each document's two packages are emitted (driver.ts: two
 * files at one path fail at once), and all of them are type-checked together under the strict options, in batches
 * (compile.ts).
 *
 * SDKGEN_NAME_FUZZ_RUNS runs (default 150: about 12 s on 2 idle CPUs, 35 s beside other test runs); the seed is
 * printed and SDKGEN_FUZZ_SEED replays it. A document whose output fails to compile is saved (driver.ts, saveFailure)
 * for turning into a fixture under generator/test/fixtures/rules/. Before D33 it found, within 100 runs: two resource
 * files at one path, and resource classes exported twice beside the runtime's `RawBody`, `ResponseData`, `PathsWith`.
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from './arbitraries.js';
import { type BatchMember, compileBatch } from './compile.js';
import { emitDocument, fuzzDir, saveFailure, seedFor } from './driver.js';
import { collidingDocumentArb } from './name-arbitraries.js';

const runs = Number(process.env.SDKGEN_NAME_FUZZ_RUNS ?? 150);
/** Documents per TypeScript program. */
const BATCH = 60;

describe('fuzz: colliding names', () => {
  const seed = seedFor('colliding names', runs, 'SDKGEN_NAME_FUZZ_RUNS');
  const members: Array<BatchMember & { doc: JsonObject }> = [];

  it(`emit one file per path in both packages (${runs} runs)`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(collidingDocumentArb, async (doc) => {
        const id = `names-${run++}`;
        const files = await emitDocument(doc, id);
        members.push({ id, doc, files, packages: { [`@${id}/types`]: 'types' } });
      }),
      { numRuns: runs, seed, verbose: 1 },
    );
    expect(members.length).toBeGreaterThanOrEqual(runs);
  }, 600_000);

  it('whose types and client compile under strict', () => {
    expect(members.length).toBeGreaterThanOrEqual(runs);
    const failures: string[] = [];
    for (let i = 0; i < members.length; i += BATCH) {
      const batch = members.slice(i, i + BATCH);
      const dir = path.join(fuzzDir, `names-${seed}-${i / BATCH}`);
      rmSync(dir, { recursive: true, force: true });
      const byMember = new Map<string, string[]>();
      for (const e of compileBatch(dir, batch)) {
        const list = byMember.get(e.member ?? '(global)') ?? [];
        list.push(`${e.file}:${e.line} ${e.message.split('\n')[0]}`);
        byMember.set(e.member ?? '(global)', list);
      }
      for (const [id, list] of byMember) {
        const member = batch.find((m) => m.id === id);
        const saved = member ? saveFailure(`names-${seed}-${id}`, member.doc) : '(no document)';
        failures.push(`${id} (document: ${saved}):\n  ${list.slice(0, 8).join('\n  ')}`);
      }
    }
    expect(failures, `seed ${seed}: outputs that do not compile`).toEqual([]);
  }, 600_000);
});
