import {
  type BaseResolver,
  type Document,
  lintDocument,
  type LocationObject,
  type NormalizedProblem,
} from '@redocly/openapi-core';
import type { Diagnostic } from '../diagnostics.js';
import { lineColOf } from './line-col.js';
import { displayPath } from './paths.js';
import { normalizePointer } from './pointer.js';
import { redoclyConfig } from './redocly-config.js';
import { type RefGraph, sanitize, unresolvedRefDiagnostic } from './refs.js';

/**
 * Validates the (unbundled) document and every file it references with Redocly's rules (see
 * `redocly-config.ts`). Each problem becomes a diagnostic naming the file it is in, the JSON pointer
 * inside that file, and the line and column. Unresolvable `$ref`s get the loader's own wording.
 */
export async function validate(
  entry: Document,
  resolver: BaseResolver,
  graph: RefGraph,
  cwd: string,
): Promise<Diagnostic[]> {
  const config = await redoclyConfig();
  const problems = await lintDocument({ document: entry, config, externalRefResolver: resolver });
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    if (problem.ignored) continue;
    const d = toDiagnostic(problem, graph, cwd);
    const key = `${d.code}|${d.file}|${d.pointer}|${d.line}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(d);
  }
  return diagnostics;
}

function toDiagnostic(problem: NormalizedProblem, graph: RefGraph, cwd: string): Diagnostic {
  // An unknown key (a typo, a vendor field without `x-`) does not stop generation: the generator
  // reads only the fields it knows. Missing or mistyped fields stay errors.
  const unexpected = problem.ruleId === 'struct' && / is not expected here/.test(problem.message);
  const severity = problem.severity === 'error' && !unexpected ? 'error' : 'warning';
  const location: LocationObject | undefined = problem.location[0];
  if (!location) {
    return { severity, code: `load/${problem.ruleId}`, message: sanitize(problem.message, cwd) };
  }
  const file = displayPath(location.source.absoluteRef, cwd);
  if (location.pointer === undefined) {
    // A YAML syntax error in a referenced file: Redocly gives the line and column.
    const isYaml = problem.message.startsWith('Failed to parse');
    return {
      severity,
      code: isYaml ? 'load/invalid-yaml' : `load/${problem.ruleId}`,
      message: sanitize(problem.message.replace(/^Failed to parse: /, 'invalid YAML: '), cwd),
      file,
      line: location.start.line,
      column: location.start.col,
    };
  }
  const pointer = normalizePointer(location.pointer);
  if (problem.ruleId === 'no-unresolved-refs') {
    const record = graph.byPlace.get(`${location.source.absoluteRef}${pointer}`);
    if (record?.problem) return { ...unresolvedRefDiagnostic(record, graph, cwd), severity };
  }
  const doc = graph.documents.get(location.source.absoluteRef);
  const place = doc
    ? lineColOf(location.source, doc.parsed, pointer, location.reportOnKey === true)
    : { line: undefined, column: undefined, pointer };
  const d: Diagnostic = {
    severity,
    code: unexpected ? 'load/unexpected-property' : problem.ruleId === 'struct' ? 'load/invalid-structure' : `load/${problem.ruleId}`,
    message: sanitize(problem.message, cwd).replace(/\.$/, ''),
    file,
    pointer: place.pointer,
  };
  if (place.line !== undefined) d.line = place.line;
  if (place.column !== undefined) d.column = place.column;
  return d;
}
