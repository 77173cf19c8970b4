import { type BaseResolver, type Document, bundle, isMappingRef } from '@redocly/openapi-core';
import type { Diagnostic } from '../diagnostics.js';
import { displayPath } from './paths.js';
import { isObject } from '../json.js';
import { fromRedoclyPointer, getAt, parsePointer } from '../pointer.js';
import { redoclyConfig, scalarRefs } from './redocly-config.js';
import { type RefGraph, sanitize } from './refs.js';

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
      if (location.pointer !== undefined) d.pointer = fromRedoclyPointer(location.pointer);
    }
    diagnostics.push(d);
  }
  return { document: result.bundle.parsed as Record<string, unknown>, diagnostics };
}

/**
 * Whether bundling would change nothing but add `components: {}`: one file, every `$ref` local
 * (`#/…`), no `externalValue` to inline, and every discriminator mapping reference naming a component
 * schema that is not itself a `$ref` (Redocly rewrites the others). Then {@link bundleSingleFile}
 * gives the same document as Redocly's bundler without walking it again (GitHub's 13 MB document:
 * about a second).
 */
export function isSelfContained(entry: Document, graph: RefGraph): boolean {
  if (graph.documents.size !== 1) return false;
  if (!graph.refs.every((r) => r.ref.startsWith('#'))) return false;
  if (entry.source.body.includes('externalValue')) return false;
  for (const value of graph.mappingValues) {
    if (!isMappingRef(value)) continue; // a schema name: left as written
    const segments = parsePointer(value);
    if (!value.startsWith('#/components/schemas/') || segments.length !== 3) return false;
    const target = getAt(entry.parsed, segments);
    if (!isObject(target) || target['$ref'] !== undefined) return false;
  }
  return true;
}

/**
 * Redocly's bundle of a self-contained document ({@link isSelfContained}): the document, with
 * `components` present, and each `$ref` that stands where a plain value is expected (`example: { $ref }`,
 * recorded while linting, see `ScalarRefs`) replaced by its target as Redocly's `replaceRef` does.
 */
export function bundleSingleFile(entry: Document): Record<string, unknown> {
  const document = entry.parsed as Record<string, unknown>;
  document['components'] ||= {};
  for (const { node, parent, key, target } of scalarRefs.get(document) ?? []) {
    if (!isObject(target) && parent !== null && typeof parent === 'object') {
      (parent as Record<string | number, unknown>)[key] = target;
      continue;
    }
    delete node['$ref'];
    if (isObject(target)) Object.assign(node, { ...target, ...node });
  }
  return document;
}
