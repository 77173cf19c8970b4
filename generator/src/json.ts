/** Narrowing of parsed JSON/YAML values. */

/** A JSON object (narrowed from `unknown`). */
export type JsonObject = Record<string, unknown>;

/** Whether `value` is a JSON object: not null, not an array. */
export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
