/**
 * The verdict: the rules' class, `major` whenever the proof fails, and a disagreement whenever the
 * proof fails with no break it could see, or compiles despite one it exercises.
 */
import { describe, expect, it } from 'vitest';
import type { Change, ChangeClass, Visibility } from '../../src/diff/change.js';
import type { ProofResult } from '../../src/diff/proof/index.js';
import { decide } from '../../src/diff/verdict.js';

const change = (cls: ChangeClass, visible: Visibility): Change => ({ class: cls, kind: 'k', message: 'm', pointer: '#', visible });

const proof = (compiles: boolean): ProofResult => ({
  compiles,
  errors: compiles
    ? []
    : [{ region: 'operation getPet', operation: 'getPet', line: 12, code: 'void response?.tag;', message: "TS2339: Property 'tag' does not exist" }],
  baselineErrors: [],
  usage: '',
});

describe('decide', () => {
  it('takes the rules’ class when the proof agrees', () => {
    expect(decide([change('minor', 'no'), change('patch', 'no')], proof(true))).toEqual({ bump: 'minor', rules: 'minor', disagreements: [] });
    expect(decide([change('major', 'yes')], proof(false))).toEqual({ bump: 'major', rules: 'major', disagreements: [] });
    expect(decide([], proof(true))).toEqual({ bump: undefined, rules: undefined, disagreements: [] });
  });

  it('is major when the proof fails, and says the rules missed it', () => {
    const v = decide([change('minor', 'yes')], proof(false));
    expect(v.bump).toBe('major');
    expect(v.rules).toBe('minor');
    expect(v.disagreements.map((d) => d.kind)).toEqual(['proof-rejects']);
    expect(v.disagreements[0]?.message).toContain('only minor changes');
    expect(v.disagreements[0]?.errors).toHaveLength(1);
    // A break the compiler cannot see does not explain a failure.
    expect(decide([change('major', 'no')], proof(false)).disagreements.map((d) => d.kind)).toEqual(['proof-rejects']);
  });

  it('says when a break the usage file exercises compiles', () => {
    const v = decide([change('major', 'yes'), change('minor', 'no')], proof(true));
    expect(v.bump).toBe('major');
    expect(v.disagreements.map((d) => d.kind)).toEqual(['proof-accepts']);
    expect(v.disagreements[0]?.changes).toEqual([change('major', 'yes')]);
  });

  it('accepts either outcome for a break the proof may or may not see', () => {
    expect(decide([change('major', 'maybe')], proof(true)).disagreements).toEqual([]);
    expect(decide([change('major', 'maybe')], proof(false)).disagreements).toEqual([]);
  });

  it('without a proof, is the rules’ class', () => {
    expect(decide([change('major', 'yes')], undefined)).toEqual({ bump: 'major', rules: 'major', disagreements: [] });
  });
});
