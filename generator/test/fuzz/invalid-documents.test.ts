/**
 * Property: a random invalid document (a valid one with one mutation, random JSON, wrong versions,
 * `$ref` cycles, dangling `$ref`s, …) either generates or is refused with diagnostics (a
 * `GenerateError` whose diagnostics are all well-formed); it never throws anything else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GenerateError } from '../../src/diagnostics.js';
import { invalidDocumentArb } from './arbitraries.js';
import { emitDocument, fuzzParams, numRuns } from './driver.js';

describe('fuzz: invalid documents', () => {
  it(`give diagnostics, never an uncaught exception (${numRuns} runs)`, async () => {
    let refused = 0;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(invalidDocumentArb, async (doc) => {
        try {
          await emitDocument(doc, `inv-${run++}`);
        } catch (error) {
          if (!(error instanceof GenerateError)) throw error;
          refused++;
          expect(error.diagnostics.length).toBeGreaterThan(0);
          for (const d of error.diagnostics) {
            expect(d.code).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
            expect(typeof d.message).toBe('string');
            expect(d.message.length).toBeGreaterThan(0);
          }
        }
      }),
      fuzzParams('invalid documents'),
    );
    // Most mutations break the document: the property must have seen refusals, not only successes.
    expect(refused).toBeGreaterThan(0);
  }, 1_800_000);
});
