/**
 * The verdict: the rules' class, overruled by the proof when the new output rejects code written for
 * the old one, and every place where the two disagree (each one a bug in the rules, or in the usage
 * file, to report and fix).
 */
import { type Change, type ChangeClass, highestClass } from './change.js';
import type { ProofError, ProofResult } from './proof/index.js';

/** Where the rules and the proof disagree. */
export interface Disagreement {
  /**
   * `proof-rejects`: the new output rejects the usage file but no rule found a break it could see
   * (`visible` `yes` or `maybe`); `proof-accepts`: rules found breaks the usage file exercises
   * (`visible: 'yes'`), yet it compiles.
   */
  kind: 'proof-rejects' | 'proof-accepts';
  message: string;
  /** The rules' changes concerned (`proof-accepts`). */
  changes: Change[];
  /** The compiler's errors concerned (`proof-rejects`). */
  errors: ProofError[];
}

/** The bump a diff needs and how it was decided. */
export interface Verdict {
  /** The class the diff needs: the rules' highest, `major` when the proof fails; `undefined`: nothing changed. */
  bump: ChangeClass | undefined;
  /** The rules' highest class alone. */
  rules: ChangeClass | undefined;
  disagreements: Disagreement[];
}

/** Combines the rules' changes with the proof's result (see the module comment). */
export function decide(changes: readonly Change[], proof: ProofResult | undefined): Verdict {
  const rules = highestClass(changes.map((c) => c.class));
  const disagreements: Disagreement[] = [];
  if (proof === undefined) return { bump: rules, rules, disagreements };
  const seenBreaks = changes.filter((c) => c.class === 'major' && c.visible === 'yes');
  const possibleBreaks = changes.filter((c) => c.class === 'major' && c.visible !== 'no');
  if (!proof.compiles && possibleBreaks.length === 0) {
    disagreements.push({
      kind: 'proof-rejects',
      message: `the new output rejects code written for the old one, but the rules found ${rules === 'major' ? 'only breaking changes the compiler cannot see' : rules === undefined ? 'no change' : `only ${rules} changes`} (a bug in the rules)`,
      changes: [],
      errors: proof.errors,
    });
  }
  if (proof.compiles && seenBreaks.length > 0) {
    disagreements.push({
      kind: 'proof-accepts',
      message:
        'the rules call these changes breaking, yet code written for the old output compiles against the new one (a bug in the rules or in the usage file)',
      changes: seenBreaks,
      errors: [],
    });
  }
  const bump = proof.compiles ? rules : 'major';
  return { bump, rules, disagreements };
}
