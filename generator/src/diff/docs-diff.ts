/**
 * Documentation differences: what changes TSDoc, README and api.md text only (a `patch`).
 */
import { DOC_KEYS } from '../model/queries.js';
import type { Docs } from '../model/types.js';

/** The documentation fields of the model, and the extra ones schemas carry for their docs. */
const FIELDS = [
  ...DOC_KEYS,
  'valueDescriptions',
  'varNames',
  'contentMediaType',
  'keyword',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
] as const;

/**
 * `descriptions changed`-style summary of the documentation fields that differ between `a` and
 * `b` (`description, examples changed`), or `undefined` when none does.
 */
export function docsChange(a: Docs, b: Docs): string | undefined {
  const changed = FIELDS.filter((f) => JSON.stringify((a as Record<string, unknown>)[f]) !== JSON.stringify((b as Record<string, unknown>)[f]));
  return changed.length === 0 ? undefined : `${changed.join(', ')} changed`;
}
