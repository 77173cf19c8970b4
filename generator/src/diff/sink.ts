/**
 * Collects changes, merging the ones found more than once: a change inside a named schema is met
 * from every operation (and direction) that uses the schema, and is one change.
 */
import { type Change, type ChangeClass, classRank, visibilityRank } from './change.js';

/** Where changes go while the rules run. */
export class ChangeSink {
  readonly #byKey = new Map<string, Change>();

  /**
   * Adds a change. One with the same kind, pointer and message as an earlier one is merged into it:
   * the higher class wins, directions are joined, and `visible` is that of the contexts giving the
   * highest class (a change the proof sees only where it is minor is not a visible major change).
   */
  add(change: Change): void {
    const key = `${change.kind}\u0000${change.pointer}\u0000${change.message}`;
    const before = this.#byKey.get(key);
    if (before === undefined) {
      this.#byKey.set(key, { ...change, ...(change.directions ? { directions: [...change.directions] } : {}) });
      return;
    }
    const rank = classRank(change.class) - classRank(before.class);
    if (rank > 0) {
      before.class = change.class;
      before.visible = change.visible;
    } else if (rank === 0 && visibilityRank(change.visible) > visibilityRank(before.visible)) before.visible = change.visible;
    if (change.directions !== undefined) {
      const joined = new Set([...(before.directions ?? []), ...change.directions]);
      before.directions = (['request', 'response'] as const).filter((d) => joined.has(d));
    }
    if (before.operation !== change.operation) delete before.operation;
  }

  /** Every change, in the order first found. */
  changes(): Change[] {
    return [...this.#byKey.values()];
  }
}

/** The class a change takes in each direction. */
export interface ByDirection {
  request: ChangeClass;
  response: ChangeClass;
}
