/**
 * The runtime's HTTP error classes, read from its sources (generator/runtime/errors.ts) like runtime-exports.ts reads
 * its exports: which class `makeApiError` throws for a status (its `ERROR_CLASS_BY_STATUS` table, then the class of any
 * other 5xx and the class of any other status), so that a client's `@throws` docs and `src/errors.ts` name the classes
 * the runtime throws and cannot drift from it.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runtimeSourceDir } from './runtime-exports.js';

/** The classes `makeApiError` throws, by status. */
export interface ErrorClasses {
  /** Status (`'404'`) → its own class (`NotFoundError`), in the table's order. */
  byStatus: ReadonlyMap<string, string>;
  /** The class of any other 5xx status (`InternalServerError`). */
  serverError: string;
  /** The class of any other status (`ApiError`), the base of all of them. */
  other: string;
}

const TABLE_RE = /^const ERROR_CLASS_BY_STATUS\b[^=]*=\s*\{([^}]*)\}/m;
const ENTRY_RE = /(\d{3}):\s*([A-Za-z_$][\w$]*)/g;
const FALLBACK_RE = /\?\?\s*\(status >= 500 \? ([A-Za-z_$][\w$]*) : ([A-Za-z_$][\w$]*)\)/;

let cached: ErrorClasses | undefined;

/**
 * What generator/runtime/errors.ts throws for each status (read once).
 *
 * @throws Error when the file no longer holds the `ERROR_CLASS_BY_STATUS` table or `makeApiError`'s fallback line
 */
export function errorClasses(): ErrorClasses {
  if (cached !== undefined) return cached;
  const text = readFileSync(path.join(runtimeSourceDir(), 'errors.ts'), 'utf8');
  const table = TABLE_RE.exec(text);
  const fallback = FALLBACK_RE.exec(text);
  if (table === null || fallback === null)
    throw new Error("runtime errors.ts: no 'const ERROR_CLASS_BY_STATUS = { … }' table or no '?? (status >= 500 ? A : B)' in makeApiError");
  const byStatus = new Map([...(table[1] as string).matchAll(ENTRY_RE)].map((m) => [m[1] as string, m[2] as string]));
  cached = { byStatus, serverError: fallback[1] as string, other: fallback[2] as string };
  return cached;
}

/** The error class a response status of the spec (`404`, `5XX`, `4XX`, `default`) is thrown as. */
export function errorClassFor(status: string): string {
  const classes = errorClasses();
  return classes.byStatus.get(status) ?? (/^5/.test(status) ? classes.serverError : classes.other);
}

/** Every HTTP error class, the base first, then the table's in its order, then the 5xx one. */
export function httpErrorClasses(): string[] {
  const classes = errorClasses();
  return [classes.other, ...classes.byStatus.values(), classes.serverError];
}
