/**
 * `sdkgen diff`: what a change of the OpenAPI document does to the code users compile against the
 * generated packages, and the version bump it needs (issue 18, D35).
 *
 * Both documents go through the pipeline in memory (`side.ts`). The rules (`rules.ts`) compare the
 * models and the public surfaces and classify each change; the proof (`proof/`) type-checks code
 * written against the old output with the new one. The verdict (`verdict.ts`) is the rules' class,
 * or `major` when the proof fails, with every disagreement between the two.
 */
import type { Change } from './change.js';
import { type ProofResult, runProof } from './proof/index.js';
import { changedFiles, runRules } from './rules.js';
import type { Side } from './side.js';
import { decide, type Verdict } from './verdict.js';

/** Options of {@link diffSides}. */
export interface DiffOptions {
  /** Run the proof (default `true`); without it the verdict is the rules' alone. */
  proof?: boolean;
}

/** The result of a diff. */
export interface DiffResult extends Verdict {
  /** Every change, highest class first. */
  changes: Change[];
  /** The proof's result; absent when it did not run (`proof: false`, or the same output on both sides). */
  proof?: ProofResult;
  /** Why the proof did not run, when it did not. */
  proofSkipped?: string;
  /** `info.title` and `info.version` of each side. */
  old: { title: string; version: string };
  new: { title: string; version: string };
}

/**
 * Compares two documents, each built into a side (`buildSide`; see the module comment). The proof is
 * skipped when both sides generate the same packages, byte for byte (nothing can fail to compile).
 */
export function diffSides(old: Side, neu: Side, options: DiffOptions = {}): DiffResult {
  const changes = runRules(old, neu);
  const skipped =
    options.proof === false ? 'not run (--no-proof)' : changedFiles(old, neu).length === 0 ? 'not needed (the generated packages are the same)' : undefined;
  const proof = skipped === undefined ? runProof(old, neu) : undefined;
  return {
    ...decide(changes, proof),
    changes,
    ...(proof !== undefined ? { proof } : { proofSkipped: skipped as string }),
    old: { title: old.api.title, version: old.api.version },
    new: { title: neu.api.title, version: neu.api.version },
  };
}
