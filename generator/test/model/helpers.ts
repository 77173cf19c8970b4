/**
 * Test helpers for the model: build a LoadedDocument straight from YAML (no loader involved).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type Diagnostic, GenerateError } from '../../src/diagnostics.js';
import type { LoadedDocument } from '../../src/load/types.js';
import { buildModel } from '../../src/model/build.js';
import type { Api, NamedSchema, Operation, Schema } from '../../src/model/types.js';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(here, '..', 'fixtures');

/** A LoadedDocument for an already-bundled YAML/JSON text. */
export function loaded(text: string, sourceFile = 'inline.yaml'): LoadedDocument {
  const document = parse(text) as Record<string, unknown>;
  return {
    document,
    openapi: String(document.openapi ?? ''),
    sourceFile,
    diagnostics: [],
    locate: () => undefined,
  };
}

/** Reads `test/fixtures/<rel>/openapi.yaml`. */
export function fixture(rel: string): string {
  return readFileSync(join(FIXTURES, rel, 'openapi.yaml'), 'utf8');
}

/** buildModel on YAML text; fails the test with the diagnostics when it throws. */
export function build(text: string): { api: Api; diagnostics: Diagnostic[] } {
  try {
    return buildModel(loaded(text));
  } catch (e) {
    if (e instanceof GenerateError) throw new Error(`unexpected GenerateError:\n${e.message}`);
    throw e;
  }
}

/** buildModel on YAML text that must fail; returns the diagnostics of the GenerateError. */
export function buildErrors(text: string): readonly Diagnostic[] {
  try {
    buildModel(loaded(text));
  } catch (e) {
    if (e instanceof GenerateError) return e.diagnostics;
    throw e;
  }
  throw new Error('expected buildModel to throw a GenerateError');
}

/** A named schema by key (throws when absent). */
export function named(api: Api, key: string): NamedSchema {
  const s = api.schemas.get(key);
  if (!s) throw new Error(`no schema ${key}; have ${[...api.schemas.keys()].join(', ')}`);
  return s;
}

/** An operation by operationId (throws when absent). */
export function op(api: Api, operationId: string): Operation {
  const o = api.operations.find((x) => x.operationId === operationId);
  if (!o) throw new Error(`no operation ${operationId}`);
  return o;
}

/** The schema of property `name` of an object schema (throws when not an object or absent). */
export function prop(
  schema: Schema,
  name: string,
): { schema: Schema; required: boolean; readOnly?: boolean; writeOnly?: boolean; deprecated?: boolean; description?: string; default?: unknown } {
  if (schema.kind !== 'object') throw new Error(`not an object: ${schema.kind}`);
  const p = schema.properties.find((x) => x.name === name);
  if (!p) throw new Error(`no property ${name}`);
  return p;
}

/** Removes `pointer` fields recursively, for compact structural assertions. */
export function strip<T>(value: T): T {
  if (Array.isArray(value)) return value.map(strip) as T;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, strip(v)])) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== 'pointer') out[k] = strip(v);
    return out as T;
  }
  return value;
}
