import * as path from 'node:path';
import { type Document, YamlParseError } from '@redocly/openapi-core';
import { type Diagnostic, GenerateError, hasErrors } from '../diagnostics.js';
import { bundleInPlace, bundleSingleFile, isSelfContained } from './bundle.js';
import { componentKeys, inlineFragments } from './inline-fragments.js';
import { indexOrigins, type Locate, makeLocate, makeSingleFileLocate, originSegments, placed } from './locate.js';
import { displayPath } from './paths.js';
import { readEntry } from './read.js';
import { redoclyConfig } from './redocly-config.js';
import { JsonSyntaxError, LoaderResolver } from './resolver.js';
import { crawlRefs, findAliasCycles, sanitize, unresolvedRefDiagnostic } from './refs.js';
import type { LoadedDocument } from './types.js';
import { validate } from './validate.js';
import { checkOperationIds } from './validate-operations.js';
import { checkVersion } from './version.js';

export type { LoadedDocument } from './types.js';

/** Options of {@link loadDocument}. */
export interface LoadOptions {
  /** Directory `input` is resolved against, and diagnostics' file names are relative to. Default `process.cwd()`. */
  cwd?: string;
}

/**
 * Reads, validates and bundles an OpenAPI 3.0 or 3.1 document (YAML or JSON; one file, or several
 * joined by relative `$ref`s).
 *
 * Steps: read the entry file → parse → check it is OpenAPI 3.0/3.1 → follow every `$ref`, loading
 * each file once, and look for `$ref` cycles → validate with Redocly (structure, resolvable refs, …)
 * → bundle (external refs made local) → check operationIds are unique.
 *
 * @param input path of the entry document, relative to `options.cwd`
 * @returns the bundled document, its warnings, and `locate()` from bundled pointers to file/line
 * @throws {GenerateError} with every error found (file, JSON pointer, line, column), all at once:
 *   missing or empty file, invalid YAML/JSON, not OpenAPI / Swagger 2.0 / OpenAPI 3.2, dangling
 *   `$ref`, `$ref` into a missing file, `$ref` cycles, structural errors, duplicate operationIds.
 */
export async function loadDocument(input: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  const cwd = options.cwd ?? process.cwd();
  const sourceFile = displayPath(path.resolve(cwd, input), cwd);
  const read = await readEntry(input, cwd, sourceFile);
  if (!read.ok) throw new GenerateError(read.diagnostics);

  const config = await redoclyConfig();
  const resolver = new LoaderResolver(config.resolve);
  let entry: Document;
  try {
    entry = await resolver.entry(read.absolutePath, read.text);
  } catch (error) {
    throw new GenerateError([parseFailure(error, sourceFile, cwd)]);
  }

  const version = checkVersion(entry.parsed, sourceFile);
  if (version.openapi === undefined) {
    // The place of the field (`swagger`, `openapi`) in the entry file, where the pointer names one.
    const locate = makeSingleFileLocate(entry, cwd);
    throw new GenerateError(version.diagnostics.map((d) => (d.pointer !== undefined && d.pointer !== '#' ? placed(d, locate(d.pointer)) : d)));
  }

  const graph = await crawlRefs(resolver, entry);
  const cycles = findAliasCycles(graph, cwd);
  if (cycles.length > 0) {
    // Redocly's resolver cannot walk a document with alias cycles; report them with the other
    // reference problems we know of.
    const unresolved = graph.refs.filter((r) => r.problem).map((r) => unresolvedRefDiagnostic(r, graph, cwd));
    throw new GenerateError([...unresolved, ...cycles]);
  }

  let diagnostics: Diagnostic[];
  let document: Record<string, unknown>;
  let locate: Locate;
  try {
    diagnostics = await validate(entry, resolver, graph, cwd, version.openapi);
    if (isSelfContained(entry, graph)) {
      // One file, local refs only: bundling would move nothing, and every pointer stays where it is.
      document = bundleSingleFile(entry);
      locate = makeSingleFileLocate(entry, cwd);
    } else {
      const origins = indexOrigins(graph.documents.values());
      const componentsBefore = componentKeys(entry.parsed);
      const bundled = await bundleInPlace(entry, resolver, cwd);
      inlineFragments(bundled.document, componentsBefore, (node) => originSegments(origins, node));
      document = bundled.document;
      locate = makeLocate(document, origins, cwd);
      diagnostics.push(...bundled.diagnostics);
    }
  } catch (error) {
    if (error instanceof RangeError) throw new GenerateError([tooDeep(sourceFile)]);
    throw error;
  }
  diagnostics.push(...checkOperationIds(document, locate));

  if (hasErrors(diagnostics)) throw new GenerateError(diagnostics);
  return { document, openapi: version.openapi, sourceFile, diagnostics, locate };
}

/**
 * Redocly's validation and bundling walks recurse into each `$ref` target, so a chain of several
 * hundred schemas each referring to the next exhausts the stack (corpus-found
 * deep-ref-chain-stack-overflow). Reported as an error instead of an uncaught RangeError.
 */
function tooDeep(file: string): Diagnostic {
  return {
    severity: 'error',
    code: 'load/too-deep',
    message:
      'the document nests $refs too deeply to validate (stack exhausted in the OpenAPI validator): a chain of hundreds of schemas each referring to the next; run with a larger stack, e.g. `node --stack-size=4000`',
    file,
  };
}

function parseFailure(error: unknown, file: string, cwd: string): Diagnostic {
  if (error instanceof YamlParseError) {
    const d: Diagnostic = {
      severity: 'error',
      code: 'load/invalid-yaml',
      message: `invalid YAML: ${sanitize(error.message, cwd)}`,
      file,
    };
    if (Number.isFinite(error.line)) d.line = error.line;
    if (Number.isFinite(error.col)) d.column = error.col;
    return d;
  }
  if (error instanceof JsonSyntaxError) {
    const d: Diagnostic = { severity: 'error', code: 'load/invalid-json', message: `invalid JSON: ${sanitize(error.message, cwd)}`, file };
    if (error.line !== undefined) d.line = error.line;
    if (error.col !== undefined) d.column = error.col;
    return d;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { severity: 'error', code: 'load/read-failed', message: `cannot load ${file}: ${sanitize(message, cwd)}`, file };
}
