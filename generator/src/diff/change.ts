/**
 * The vocabulary of `sdkgen diff`: what one change is, its class, and how classes order.
 *
 * A change's class says what it does to code users compile against the generated packages:
 * `major` breaks some of it, `minor` adds something and breaks nothing, `patch` touches only
 * documentation (TSDoc, README, descriptions, examples).
 */
import type { Direction } from '../model/queries.js';

/** The semver class of one change (and of a whole diff: its highest change). */
export type ChangeClass = 'major' | 'minor' | 'patch';

/** Classes from the highest down; the report groups changes in this order. */
export const CHANGE_CLASSES: readonly ChangeClass[] = ['major', 'minor', 'patch'];

/** One change between the two documents, where it is, and why it has its class. */
export interface Change {
  class: ChangeClass;
  /** Stable machine-readable kind, e.g. `property-removed`, `enum-value-added`, `docs-changed`. */
  kind: string;
  /** One line for people: what changed (the place is in the other fields). */
  message: string;
  /** The operation it belongs to (its operationId in the old document, else the new one). */
  operation?: string;
  /**
   * JSON pointer (with the leading `#`) to the place in the new document, or in the old one for
   * what the new document no longer has.
   */
  pointer: string;
  /** The generated symbol it shows in, e.g. `Role.description`, `client.roles.update`, `UpdateRoleBody`. */
  symbol?: string;
  /** The direction(s) the changed type is used in, for changes inside request or response types. */
  directions?: Direction[];
  /**
   * Whether the proof's usage file exercises this change: `yes`, the new output must fail to compile
   * it when the change is `major`; `maybe`, it may or may not (TypeScript's union assignability is
   * lenient about a member's properties; an old type name now names another type); `no`, the
   * compiler cannot see it (auth, the wire format, pagination settings).
   */
  visible: Visibility;
}

/** See {@link Change.visible}. */
export type Visibility = 'yes' | 'maybe' | 'no';

/** `yes` → 2, `maybe` → 1, `no` → 0. */
export function visibilityRank(v: Visibility): number {
  return v === 'yes' ? 2 : v === 'maybe' ? 1 : 0;
}

/** `major` → 2, `minor` → 1, `patch` → 0. */
export function classRank(c: ChangeClass): number {
  return c === 'major' ? 2 : c === 'minor' ? 1 : 0;
}

/** The highest of `classes`, or `undefined` when there are none. */
export function highestClass(classes: readonly ChangeClass[]): ChangeClass | undefined {
  return CHANGE_CLASSES.find((c) => classes.includes(c));
}
