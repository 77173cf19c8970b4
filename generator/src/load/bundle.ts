import { type BaseResolver, type Document, bundle } from '@redocly/openapi-core';
import type { Diagnostic } from '../diagnostics.js';
import { displayPath } from './paths.js';
import { normalizePointer } from './pointer.js';
import { redoclyConfig } from './redocly-config.js';
import { sanitize } from './refs.js';

/**
 * Bundles the entry document in place: every `$ref` into another file is replaced by a local one,
 * and the external schemas, parameters, responses, … are added under `components` (named after the
 * file or the pointer's last segment, `-2`, `-3` on clashes). Path items referenced from other files
 * are copied in. Local `$ref`s stay as written. Returns the bundled document and Redocly's notes
 * (renamed components) as warnings.
 */
export async function bundleInPlace(
  entry: Document,
  resolver: BaseResolver,
  cwd: string,
): Promise<{ document: Record<string, unknown>; diagnostics: Diagnostic[] }> {
  const config = await redoclyConfig();
  const result = await bundle({ doc: entry, config, externalRefResolver: resolver, dereference: false });
  const diagnostics: Diagnostic[] = [];
  for (const problem of result.problems) {
    // Unresolved refs were reported (as errors) by validation already.
    if (problem.message.startsWith("Can't resolve") || problem.message.startsWith('Failed to parse')) continue;
    const location = problem.location[0];
    const d: Diagnostic = { severity: 'warning', code: 'load/bundle', message: sanitize(problem.message, cwd) };
    if (location) {
      d.file = displayPath(location.source.absoluteRef, cwd);
      if (location.pointer !== undefined) d.pointer = normalizePointer(location.pointer);
    }
    diagnostics.push(d);
  }
  return { document: result.bundle.parsed as Record<string, unknown>, diagnostics };
}
