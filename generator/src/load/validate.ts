import { type BaseResolver, type Document, lintDocument, type LocationObject, type NormalizedProblem } from '@redocly/openapi-core';
import type { Diagnostic } from '../diagnostics.js';
import { lineColOf } from './line-col.js';
import { displayPath } from './paths.js';
import { fromRedoclyPointer, parsePointer, toPointer } from '../pointer.js';
import { redoclyConfig } from './redocly-config.js';
import { type RefGraph, sanitize, unresolvedRefDiagnostic } from './refs.js';

/**
 * Validates the (unbundled) document and every file it references with Redocly's rules (see
 * `redocly-config.ts`). Each problem becomes a diagnostic naming the file it is in, the JSON pointer
 * inside that file, and the line and column. Unresolvable `$ref`s get the loader's own wording.
 */
export async function validate(entry: Document, resolver: BaseResolver, graph: RefGraph, cwd: string, openapi: string): Promise<Diagnostic[]> {
  const config = await redoclyConfig();
  const is31 = openapi.startsWith('3.1');
  const problems = await lintDocument({ document: entry, config, externalRefResolver: resolver });
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    if (problem.ignored) continue;
    if (problem.ruleId === 'struct' && BOOLEAN_SCHEMA.test(problem.message)) {
      // OpenAPI 3.1: a boolean schema reached through a `$ref` (direct ones are accepted by the
      // types, see `acceptBooleanSchemas`). OpenAPI 3.0: say what is wrong.
      if (is31) continue;
      problem.message = BOOLEAN_SCHEMA_30;
    }
    const d = toDiagnostic(problem, graph, cwd);
    const key = `${d.code}|${d.file}|${d.pointer}|${d.line}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(d);
  }
  return diagnostics;
}

const BOOLEAN_SCHEMA = /^Expected type `Schema` \(object\) but got `boolean`/;
const BOOLEAN_SCHEMA_30 =
  'a boolean schema (`true`/`false`) is OpenAPI 3.1 (JSON Schema 2020-12); in OpenAPI 3.0 a schema must be an object (only `additionalProperties` may be true or false): use `{}` for true, `{ not: {} }` for false, or declare `openapi: 3.1.0`';

function toDiagnostic(problem: NormalizedProblem, graph: RefGraph, cwd: string): Diagnostic {
  // The loader's own rules (redocly-config.ts) report under Redocly's names.
  const ruleId = problem.ruleId.replace(/^sdkgen\//, '');
  // An unknown key (a typo, a vendor field without `x-`) does not stop generation: the generator
  // reads only the fields it knows. Missing or mistyped fields stay errors.
  const unexpected = problem.ruleId === 'struct' && / is not expected here/.test(problem.message);
  const severity = problem.severity === 'error' && !unexpected ? 'error' : 'warning';
  const location: LocationObject | undefined = problem.location[0];
  if (!location) {
    return { severity, code: `load/${ruleId}`, message: sanitize(problem.message, cwd) };
  }
  const file = displayPath(location.source.absoluteRef, cwd);
  if (location.pointer === undefined) {
    // A YAML syntax error in a referenced file: Redocly gives the line and column.
    const isYaml = problem.message.startsWith('Failed to parse');
    return {
      severity,
      code: isYaml ? 'load/invalid-yaml' : `load/${ruleId}`,
      message: sanitize(problem.message.replace(/^Failed to parse: /, 'invalid YAML: '), cwd),
      file,
      line: location.start.line,
      column: location.start.col,
    };
  }
  const pointer = fromRedoclyPointer(location.pointer);
  if (ruleId === 'no-unresolved-refs') {
    const record = graph.byPlace.get(`${location.source.absoluteRef}${pointer}`);
    if (record?.problem) return { ...unresolvedRefDiagnostic(record, graph, cwd), severity };
  }
  const doc = graph.documents.get(location.source.absoluteRef);
  const place = doc ? lineColOf(location.source, doc.parsed, pointer, location.reportOnKey === true) : { line: undefined, column: undefined, pointer };
  // A structural error inside something the generator never reads cannot change the output: a warning.
  const inert = problem.ruleId === 'struct' && severity === 'error' && unreadPlace(location.source.absoluteRef, pointer, graph);
  // A webhook's key is a name, not a path: Redocly's path rules (`{}` in a path template) do not apply to it.
  const webhookName = ruleId.startsWith('path-') && /^#?\/webhooks\//.test(pointer);
  const d: Diagnostic = {
    severity: inert || webhookName ? 'warning' : severity,
    code: unexpected ? 'load/unexpected-property' : problem.ruleId === 'struct' ? 'load/invalid-structure' : `load/${ruleId}`,
    message: `${sanitize(problem.message, cwd).replace(/\.$/, '')}${inert ? ` (inside \`${inert}\`, which the generator does not read: ignored; --strict makes it an error)` : ''}`,
    file,
    pointer: place.pointer,
  };
  if (place.line !== undefined) d.line = place.line;
  if (place.column !== undefined) d.column = place.column;
  return d;
}

/**
 * Keywords whose content the generator never reads: examples, documentation links, comments, XML hints, and
 * `definitions` (JSON Schema draft 4's, not an OpenAPI keyword). OpenAPI's own containers (`components/schemas`,
 * `$defs`, `properties`, …) are read. Specification extensions (`x-…`) count as unread here too: the structure
 * Redocly expects of some (`x-logo`, `x-tagGroups`, `x-codeSamples`, 3.0's `x-webhooks`, …) is another tool's, and
 * the extensions the generator reads (`x-pagination`, `x-enum-varnames`, …) are checked by the model where it reads them.
 */
const UNREAD_KEYWORDS = new Set(['example', 'examples', 'definitions', 'externalDocs', '$comment', 'xml']);

/** Keys whose children are names (of properties, schemas, responses, …), not keywords. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
  'paths',
  'webhooks',
  'content',
  'encoding',
  'mapping',
  'variables',
  'scopes',
]);

/**
 * The unread keyword or extension `pointer` (in `file`) lies under, when nothing refers into it: no `$ref` of the
 * document targets that keyword's subtree (a `$ref` into `definitions` makes it read). `undefined` when the place is
 * read.
 */
function unreadPlace(file: string, pointer: string, graph: RefGraph): string | undefined {
  const segments = parsePointer(pointer);
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i] as string;
    // A Security Requirement Object's keys (`security/0/x-api-key`) name security schemes.
    const isName = i > 0 && (NAME_MAPS.has(segments[i - 1] as string) || segments[i - 2] === 'security');
    if (isName || !(UNREAD_KEYWORDS.has(key) || key.startsWith('x-'))) continue;
    const prefix = toPointer(segments.slice(0, i + 1));
    const referred = graph.refs.some((r) => r.targetFile === file && (r.targetPointer === prefix || r.targetPointer.startsWith(`${prefix}/`)));
    return referred ? undefined : key;
  }
  return undefined;
}
