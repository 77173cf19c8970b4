import type { Document, Source } from '@redocly/openapi-core';
import type { Diagnostic } from '../diagnostics.js';
import type { Pointer } from '../model/types.js';
import { lineColOf } from './line-col.js';
import { displayPath } from './paths.js';
import { parsePointer, toPointer } from '../pointer.js';

/** Where a node sits in its file: its parent's origin and its key there (segments built on demand). */
export interface Origin {
  source: Source;
  parsed: unknown;
  parent: Origin | undefined;
  key: string;
}

function segmentsOf(origin: Origin): string[] {
  const out: string[] = [];
  for (let o: Origin | undefined = origin; o?.parent !== undefined; o = o.parent) out.push(o.key);
  return out.reverse();
}

/** The pointer segments of `node` inside the file it came from, if it came from a loaded file. */
export function originSegments(origins: WeakMap<object, Origin>, node: object): string[] | undefined {
  const origin = origins.get(node);
  return origin ? segmentsOf(origin) : undefined;
}

/** Where a pointer of the bundled document came from: file (display path), 1-based line and column, pointer in that file. */
export type Locate = (pointer: Pointer) => { file: string; line?: number; column?: number; pointer?: Pointer } | undefined;

/** `d` with the file, line and column of `where` (a {@link Locate} answer), as far as it knows them; `d` itself when it knows none. */
export function placed(d: Diagnostic, where: ReturnType<Locate>): Diagnostic {
  if (where === undefined) return d;
  return { ...d, file: where.file, ...(where.line === undefined ? {} : { line: where.line }), ...(where.column === undefined ? {} : { column: where.column }) };
}

/**
 * Records where every object and array of every loaded file sits, by identity. Call it BEFORE
 * bundling: Redocly bundles in place and moves (not copies) the nodes of other files into the
 * bundled document, so identity still leads back to the original file afterwards.
 */
export function indexOrigins(documents: Iterable<Document>): WeakMap<object, Origin> {
  const origins = new WeakMap<object, Origin>();
  for (const doc of documents) {
    const walk = (node: unknown, parent: Origin | undefined, key: string): void => {
      if (node === null || typeof node !== 'object' || origins.has(node)) return;
      const origin: Origin = { source: doc.source, parsed: doc.parsed, parent, key };
      origins.set(node, origin);
      if (Array.isArray(node)) for (let i = 0; i < node.length; i++) walk(node[i], origin, String(i));
      else for (const k in node) walk((node as Record<string, unknown>)[k], origin, k);
    };
    walk(doc.parsed, undefined, '');
  }
  return origins;
}

/**
 * `locate(pointer)` for the bundled document: walks the pointer through the bundled data, keeps the
 * deepest node whose origin is known, appends the remaining segments, and asks the origin file's
 * YAML/JSON AST for the line and column. Results are cached.
 */
export function makeLocate(bundled: unknown, origins: WeakMap<object, Origin>, cwd: string): Locate {
  const cache = new Map<string, ReturnType<Locate>>();
  return (pointer) => {
    if (cache.has(pointer)) return cache.get(pointer);
    const segments = parsePointer(pointer);
    let node: unknown = bundled;
    let best: { origin: Origin; rest: string[] } | undefined;
    for (let i = 0; i <= segments.length; i++) {
      if (node !== null && typeof node === 'object') {
        const origin = origins.get(node);
        if (origin) best = { origin, rest: segments.slice(i) };
      }
      if (i === segments.length || node === null || typeof node !== 'object') break;
      node = (node as Record<string, unknown>)[segments[i]!];
    }
    let result: ReturnType<Locate>;
    if (best) {
      const full = toPointer([...segmentsOf(best.origin), ...best.rest]);
      const place = lineColOf(best.origin.source, best.origin.parsed, full);
      result = { file: displayPath(best.origin.source.absoluteRef, cwd), line: place.line, column: place.column, pointer: place.pointer };
    }
    cache.set(pointer, result);
    return result;
  };
}

/**
 * `locate(pointer)` for a document bundled from one file without moving anything (see
 * `bundle.ts`, `bundleSingleFile`): a pointer of the bundled document is the same pointer in that
 * file. No origin index is needed. Results are cached.
 */
export function makeSingleFileLocate(document: Document, cwd: string): Locate {
  const cache = new Map<string, ReturnType<Locate>>();
  const file = displayPath(document.source.absoluteRef, cwd);
  return (pointer) => {
    const cached = cache.get(pointer);
    if (cached !== undefined) return cached;
    const place = lineColOf(document.source, document.parsed, pointer);
    const result = { file, line: place.line, column: place.column, pointer: place.pointer };
    cache.set(pointer, result);
    return result;
  };
}
