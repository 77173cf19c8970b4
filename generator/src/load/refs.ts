import type { BaseResolver, Document } from '@redocly/openapi-core';
import type { Diagnostic } from '../diagnostics.js';
import { lineColOf } from './line-col.js';
import { displayPath } from './paths.js';
import { JsonSyntaxError } from './resolver.js';
import { isObject } from '../json.js';
import { getAt, normalizePointer, parsePointer, toPointer } from '../pointer.js';

/** One `$ref` found while crawling, and what it points at. */
export interface RefRecord {
  /** Absolute path (or URL) of the file holding the `$ref`. */
  from: string;
  /** Pointer of the object holding `$ref`, in `from`. */
  pointer: string;
  ref: string;
  /** Absolute path (or URL) of the target document. */
  targetFile: string;
  /** Normalised pointer of the target inside `targetFile`. */
  targetPointer: string;
  /** Why the target cannot be reached, if it cannot. */
  problem?: 'file-not-found' | 'file-unreadable' | 'pointer-not-found';
  /** Error text when the file could not be loaded. */
  error?: string;
}

/** Every document reachable from the entry through `$ref`s, keyed by absolute path or URL. */
export interface RefGraph {
  documents: Map<string, Document>;
  refs: RefRecord[];
  /** `from#pointer` → record. */
  byPlace: Map<string, RefRecord>;
  /** Every discriminator `mapping` value (strings), in every document. */
  mappingValues: string[];
}

/**
 * Follows every `$ref` from the entry document, loading each referenced file once through Redocly's
 * resolver (which caches, so the later lint and bundle passes read nothing twice). Skips `example`
 * values and `x-` extensions, whose contents are data, not references.
 */
export async function crawlRefs(resolver: BaseResolver, entry: Document): Promise<RefGraph> {
  const documents = new Map<string, Document>([[entry.source.absoluteRef, entry]]);
  const failed = new Map<string, { problem: 'file-not-found' | 'file-unreadable'; error: string }>();
  const refs: RefRecord[] = [];
  const mappingValues: string[] = [];
  const queue: Document[] = [entry];
  while (queue.length > 0) {
    const doc = queue.shift()!;
    const found: Array<{ pointer: string; ref: string }> = [];
    collectRefs(doc.parsed, found, mappingValues);
    for (const { pointer, ref } of found) {
      const hash = ref.indexOf('#');
      const uri = hash === -1 ? ref : ref.slice(0, hash);
      const fragment = hash === -1 ? '' : ref.slice(hash + 1);
      const targetFile = uri === '' ? doc.source.absoluteRef : resolver.resolveExternalRef(doc.source.absoluteRef, uri);
      const record: RefRecord = {
        from: doc.source.absoluteRef,
        pointer,
        ref,
        targetFile,
        targetPointer: normalizePointer(fragment),
      };
      if (!documents.has(targetFile) && !failed.has(targetFile)) {
        try {
          const loaded = await resolver.resolveDocument(doc.source.absoluteRef, uri, false);
          if (loaded instanceof Error) throw loaded;
          documents.set(targetFile, loaded);
          queue.push(loaded);
        } catch (error) {
          const message = refFailureMessage(error);
          failed.set(targetFile, { problem: /ENOENT/.test(message) ? 'file-not-found' : 'file-unreadable', error: message });
        }
      }
      const failure = failed.get(targetFile);
      const target = documents.get(targetFile);
      if (failure) {
        record.problem = failure.problem;
        record.error = failure.error;
      } else if (target && getAt(target.parsed, parsePointer(fragment)) === undefined) {
        record.problem = 'pointer-not-found';
      }
      refs.push(record);
    }
  }
  const byPlace = new Map(refs.map((r) => [`${r.from}${r.pointer}`, r]));
  return { documents, refs, byPlace, mappingValues };
}

function collectRefs(root: unknown, out: Array<{ pointer: string; ref: string }>, mappingValues: string[]): void {
  const path: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (item === null || typeof item !== 'object') continue;
        path.push(String(i));
        walk(item);
        path.pop();
      }
      return;
    }
    if (!isObject(node)) return;
    const ref = node['$ref'];
    if (typeof ref === 'string') out.push({ pointer: toPointer(path), ref });
    const discriminator = node['discriminator'];
    if (isObject(discriminator) && isObject(discriminator['mapping'])) {
      for (const value of Object.values(discriminator['mapping'])) if (typeof value === 'string') mappingValues.push(value);
    }
    for (const key in node) {
      if (key === 'example' || key.startsWith('x-')) continue;
      const value = node[key];
      if (value === null || typeof value !== 'object') continue;
      path.push(key);
      walk(value);
      path.pop();
    }
  };
  walk(root);
}

/**
 * Finds chains of `$ref`s that come back to where they started without ever reaching a definition
 * (component A is `$ref: B`, B is `$ref: A`). Each cycle is reported once, at its first member.
 */
export function findAliasCycles(graph: RefGraph, cwd: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const start of graph.refs) {
    const chain: string[] = [];
    let record: RefRecord | undefined = start;
    while (record && record.problem === undefined) {
      const here = `${record.from}${record.pointer}`;
      const at = chain.indexOf(here);
      if (at !== -1) {
        const cycle = chain.slice(at);
        const id = [...cycle].sort().join('\n');
        if (!seen.has(id)) {
          seen.add(id);
          diagnostics.push(cycleDiagnostic(graph, cycle, cwd));
        }
        break;
      }
      chain.push(here);
      record = graph.byPlace.get(`${record.targetFile}${record.targetPointer}`);
    }
  }
  return diagnostics;
}

function cycleDiagnostic(graph: RefGraph, cycle: string[], cwd: string): Diagnostic {
  const first = graph.byPlace.get(cycle[0]!)!;
  const names = [...cycle, cycle[0]!].map((place) => {
    const r = graph.byPlace.get(place)!;
    return r.from === first.from ? r.pointer : `${displayPath(r.from, cwd)}${r.pointer}`;
  });
  const doc = graph.documents.get(first.from)!;
  const { line, column } = lineColOf(doc.source, doc.parsed, first.pointer);
  return {
    severity: 'error',
    code: 'load/ref-cycle',
    message: `$ref cycle: ${names.join(' → ')} only refer to each other and never define anything`,
    file: displayPath(first.from, cwd),
    pointer: first.pointer,
    line,
    column,
  };
}

/** Why a referenced file could not be loaded; a `.json` file that is not JSON says where (line, column). */
function refFailureMessage(error: unknown): string {
  const inner = error !== null && typeof error === 'object' && 'originalError' in error ? (error as { originalError: unknown }).originalError : error;
  if (inner instanceof JsonSyntaxError && inner.line !== undefined) return `invalid JSON at line ${inner.line}, column ${inner.col}: ${inner.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** A clear diagnostic for a `$ref` that does not resolve. */
export function unresolvedRefDiagnostic(record: RefRecord, graph: RefGraph, cwd: string): Diagnostic {
  const doc = graph.documents.get(record.from)!;
  const { line, column } = lineColOf(doc.source, doc.parsed, `${record.pointer}/$ref`);
  const target = displayPath(record.targetFile, cwd);
  const base = {
    severity: 'error' as const,
    file: displayPath(record.from, cwd),
    pointer: record.pointer,
    line,
    column,
  };
  switch (record.problem) {
    case 'file-not-found':
      return { ...base, code: 'load/ref-file-not-found', message: `$ref '${record.ref}' points into a file that does not exist: ${target}` };
    case 'file-unreadable':
      return {
        ...base,
        code: 'load/ref-file-unreadable',
        message: `$ref '${record.ref}' points into ${target}, which cannot be read: ${sanitize(record.error ?? '', cwd)}`,
      };
    default: {
      const where = record.targetFile === record.from ? 'this document' : target;
      return {
        ...base,
        code: 'load/unresolved-ref',
        message: `$ref '${record.ref}' points to nothing: ${record.targetPointer} does not exist in ${where}`,
      };
    }
  }
}

/**
 * A library's message made fit for a diagnostic: first line only, no absolute paths under `cwd`,
 * and no ` in "file" (line:col)` tail (the diagnostic carries the place).
 */
export function sanitize(message: string, cwd: string): string {
  const prefix = cwd.endsWith('/') ? cwd : `${cwd}/`;
  return message
    .split(prefix)
    .join('')
    .split('\n')[0]!
    .replace(/ in "[^"]*" \(\d+:\d+\)$/, '');
}
