/**
 * Documentation differences: what changes TSDoc, README and api.md text only (a `patch`).
 */
import type { Docs } from '../model/types.js';

/** The documentation fields of the model, and the extra ones schemas carry for their docs. */
const FIELDS = [
  'title',
  'summary',
  'description',
  'deprecated',
  'inferred',
  'inferredKeywords',
  'note',
  'default',
  'examples',
  'format',
  'constraints',
  'externalDocsUrl',
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
  const changed = FIELDS.filter((f) => json((a as Record<string, unknown>)[f]) !== json((b as Record<string, unknown>)[f]));
  return changed.length === 0 ? undefined : `${changed.join(', ')} changed`;
}

function json(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value);
}
