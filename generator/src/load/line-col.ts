import { getLineColLocation, type Source } from '@redocly/openapi-core';
import { JsonLocator } from './json-locate.js';
import { existingPrefix, parsePointer, toPointer, toRedoclyPointer } from '../pointer.js';
import { jsonSources } from './resolver.js';

const jsonLocators = new WeakMap<Source, JsonLocator>();

/**
 * 1-based line and column of the node at `pointer` in `source` (of its key when `onKey`, the
 * default: `Pet:` rather than what follows it). When the
 * pointer names something that does not exist, the nearest existing parent is used, and the
 * returned `pointer` says which. JSON sources are located by scanning the text (`JsonLocator`);
 * YAML ones through Redocly's YAML AST (built once per source).
 */
export function lineColOf(source: Source, parsed: unknown, pointer: string, onKey = true): { line: number; column: number; pointer: string } {
  const segments = parsePointer(pointer);
  const existing = existingPrefix(parsed, segments);
  const exact = existing.length === segments.length;
  if (jsonSources.has(source)) {
    let locator = jsonLocators.get(source);
    if (locator === undefined) {
      locator = new JsonLocator(source.body);
      jsonLocators.set(source, locator);
    }
    const loc = locator.locate(existing, exact && onKey);
    return { line: loc.line, column: loc.col, pointer: toPointer(existing) };
  }
  const loc = getLineColLocation({ source, pointer: toRedoclyPointer(existing), reportOnKey: exact && onKey });
  return { line: loc.start.line, column: loc.start.col, pointer: toPointer(existing) };
}
