import { type BaseResolver, type Document, bundle, isMappingRef } from '@redocly/openapi-core';
import type { Diagnostic } from '../diagnostics.js';
import { displayPath } from './paths.js';
import { isObject } from '../json.js';
import { escapeToken, fromRedoclyPointer, getAt, parsePointer } from '../pointer.js';
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
  const byFile = componentsByFile(entry.parsed);
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
  const document = result.bundle.parsed as Record<string, unknown>;
  foldFileComponents(document, byFile);
  unescapeBundledNames(document, byFile);
  return { document, diagnostics };
}

/**
 * Redocly's bundler names a component it copies in after the last segment of the `$ref`'s pointer as written, still
 * escaped (`./schemas.yaml#/a~0b` → `components.schemas["a~0b"]`), and points the `$ref` at
 * `#/components/schemas/a~0b`, which per RFC 6901 names the key `a~b`. Gives such a component (one the entry document
 * did not have) its unescaped name, where no component has it, so that the `$ref`s resolve; the order stays.
 */
function unescapeBundledNames(document: Record<string, unknown>, byFile: FileComponents): void {
  const components = document.components;
  if (!isObject(components)) return;
  for (const [section, entries] of Object.entries(components)) {
    if (!isObject(entries)) continue;
    const before = byFile.get(section)?.names;
    const renamed = (key: string): string => {
      if (before?.has(key) || !/~[01]/.test(key)) return key;
      const name = key.replace(/~1/g, '/').replace(/~0/g, '~');
      return Object.hasOwn(entries, name) ? key : name;
    };
    if (!Object.keys(entries).some((key) => renamed(key) !== key)) continue;
    components[section] = Object.fromEntries(Object.entries(entries).map(([key, value]) => [renamed(key), value]));
  }
}

/** Per `components` section, the entry document's names and those among them that are only a `$ref` into another file. */
type FileComponents = Map<string, { names: ReadonlySet<string>; fileRefs: string[] }>;

function componentsByFile(entry: unknown): FileComponents {
  const out: FileComponents = new Map();
  const components = isObject(entry) ? entry.components : undefined;
  if (!isObject(components)) return out;
  for (const [section, entries] of Object.entries(components)) {
    if (!isObject(entries)) continue;
    const fileRefs = Object.keys(entries).filter((name) => {
      const v = entries[name];
      return isObject(v) && typeof v.$ref === 'string' && !v.$ref.startsWith('#');
    });
    out.set(section, { names: new Set(Object.keys(entries)), fileRefs });
  }
  return out;
}

/**
 * Gives a component that is only a `$ref` into another file its content back, under its own name. Redocly's bundler
 * adds the file's content as another component named after the file and points the entry at it
 * (`Pet: { $ref: ./schemas/pet.yaml }` → `Pet: { $ref: '#/components/schemas/pet' }` beside `pet: {…}`), so one schema
 * had two names (`Pet` and `Pet2`) once another place referred to the file directly. The added component moves into
 * the entry's place and every reference to it (`$ref`, discriminator mappings) follows; a component the entry
 * document declares itself is never moved.
 */
function foldFileComponents(document: Record<string, unknown>, byFile: FileComponents): void {
  const components = document.components;
  if (!isObject(components)) return;
  const moved = new Map<string, string>();
  for (const [section, { names, fileRefs }] of byFile) {
    const entries = components[section];
    if (!isObject(entries)) continue;
    const prefix = `#/components/${section}/`;
    for (const name of fileRefs) {
      const value = entries[name];
      if (!isObject(value) || Object.keys(value).length !== 1 || typeof value.$ref !== 'string' || !value.$ref.startsWith(prefix)) continue;
      const added = value.$ref.slice(prefix.length);
      if (added.includes('/') || names.has(added) || !Object.hasOwn(entries, added)) continue;
      entries[name] = entries[added];
      delete entries[added];
      moved.set(value.$ref, `${prefix}${escapeToken(name)}`);
    }
  }
  if (moved.size > 0) rewriteRefs(document, moved);
}

/** Rewrites `$ref`s and discriminator mapping values that name a moved component (or a place inside it). */
function rewriteRefs(root: unknown, moved: ReadonlyMap<string, string>): void {
  const renamed = (ref: string): string => {
    for (const [from, to] of moved) if (ref === from || ref.startsWith(`${from}/`)) return to + ref.slice(from.length);
    return ref;
  };
  const seen = new Set<object>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === 'string') record.$ref = renamed(record.$ref);
    const discriminator = record.discriminator;
    if (isObject(discriminator) && isObject(discriminator.mapping)) {
      for (const [key, value] of Object.entries(discriminator.mapping)) if (typeof value === 'string') discriminator.mapping[key] = renamed(value);
    }
    for (const value of Object.values(record)) walk(value);
  };
  walk(root);
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
