/**
 * openapi-typescript as an oracle (issue 15). For each document, our types package (load → model →
 * emitTypesPackage, unformatted: formatting changes no type) and openapi-typescript 7's single file
 * (its Node API, `openapiTS` + `astToString`, on the same bundled document) are written side by side;
 * a generated `check.ts` then declares, for every path (and webhook) and method of the document, the
 * request and response pieces of both `paths` and assigns each way:
 *
 * - `parameters.query|header|path|cookie` (each group, optionality included);
 * - `requestBody` (optional or required) and `requestBody <media type>` (the content per media type);
 * - `responses <status> <media type>` (the content per status and media type).
 *
 * Each piece sits on its own two lines (ours → theirs, theirs → ours), so every diagnostic maps back to
 * one document, operation, part and direction. All documents of a batch are compiled in one program
 * under the shared strict options (../strict-options.ts). A difference is either in the reviewed
 * allow-list (allow-list.json beside this file, with its reason) or a failure; an allow-list entry
 * that matches nothing is a failure too (the list cannot go stale).
 *
 * Policies of ours that differ from openapi-typescript everywhere they apply are stated once in the
 * list instead of at every place: `oracleOptions` (openapi-typescript options that express the policy,
 * e.g. `defaultNonNullable: false`) and `inputPolicies` (rewrites of the copy of the document handed to
 * openapi-typescript, never to our generator, e.g. an enum without `null` is not nullable: D13). Our
 * output is never adjusted.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { GenerateError } from '../../src/diagnostics.js';
import { emitTypesPackage } from '../../src/emit/types/index.js';
import { loadDocument } from '../../src/load/index.js';
import { buildModel } from '../../src/model/build.js';
import { strictProgramOptions } from '../strict-options.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** One document to compare. `name` is what the allow-list calls it (repository path, or package + path). */
export interface OracleDoc {
  id: string;
  name: string;
  file: string;
}

export type Direction = 'ours → theirs' | 'theirs → ours';

/** One piece that is not mutually assignable (or could not be indexed on one side). */
export interface Difference {
  document: string;
  /** `GET /pets/{id}`, or `webhook POST newPet`. */
  operation: string;
  /** `parameters.query`, `requestBody`, `requestBody application/json`, `responses 200 application/json`. */
  part: string;
  /** Which assignment fails: ours is not assignable to theirs, or theirs to ours (both: two entries' worth, one row). */
  directions: Direction[];
  /** First lines of TypeScript's explanation, per direction. */
  message: string;
}

export interface AllowEntry {
  document: string;
  operation: string;
  part: string;
  /** Optional: the directions that fail; when given they must match exactly. */
  directions?: Direction[];
  /** A key of {@link AllowList.reasons}. */
  reason: string;
}

export interface AllowList {
  /**
   * openapi-typescript options the oracle runs with, each one a documented choice of ours that one of
   * its options expresses exactly: option → { value, reason }.
   */
  oracleOptions: Record<string, { value: unknown; reason: string }>;
  /**
   * Rewrites of the document handed to openapi-typescript (never to our generator) that state one of
   * our model policies in the document itself, so that the policy is compared as a whole instead of
   * part by part: id (see {@link POLICIES}) → reason. An entry that changes no document of a run is
   * stale.
   */
  inputPolicies: Record<string, string>;
  /** Documents openapi-typescript throws on (so not compared): name → the first line of its error. */
  refusedByOpenapiTypescript: Record<string, string>;
  /**
   * Documents whose openapi-typescript output does not compile itself (a type TypeScript then takes
   * as `any` compares equal to anything, so those parts prove nothing): name → why.
   */
  openapiTypescriptTypeErrors: Record<string, string>;
  /** Reason key → why the difference is ours on purpose (or openapi-typescript's mistake). */
  reasons: Record<string, string>;
  differences: AllowEntry[];
}

export interface OracleResult {
  /** Document name → number of parts compared. */
  compared: Map<string, number>;
  differences: Difference[];
  /** Documents our generator refuses (invalid documents, see bench/corpus-exceptions.md): name → first error code. */
  oursRefused: Map<string, string>;
  /** Documents openapi-typescript throws on: name → first line of its error. */
  theirsRefused: Map<string, string>;
  /** Documents whose openapi-typescript output has type errors of its own: name → the first lines. */
  theirsErrors: Map<string, string[]>;
  /** Input policy id → documents it changed. */
  policiesApplied: Map<string, string[]>;
  /** Diagnostics not inside a check line (in a generated file, or global): always failures. */
  other: string[];
  timings: { generateMs: number; compileMs: number };
}

export function readAllowList(): AllowList {
  return JSON.parse(readFileSync(fileURLToPath(new URL('./allow-list.json', import.meta.url)), 'utf8')) as AllowList;
}

type OpenapiTS = (schema: Record<string, unknown>, options?: Record<string, unknown>) => Promise<unknown[]>;
let reference: Promise<{ openapiTS: OpenapiTS; astToString: (nodes: unknown[]) => string }> | undefined;
function openapiTypescript(): Promise<{ openapiTS: OpenapiTS; astToString: (nodes: unknown[]) => string }> {
  reference ??= (async () => {
    const entry = path.join(repoRoot, 'bench/node_modules/openapi-typescript/dist/index.mjs');
    const mod = (await import(pathToFileURL(entry).href)) as { default: OpenapiTS; astToString: (nodes: unknown[]) => string };
    return { openapiTS: mod.default, astToString: mod.astToString };
  })();
  return reference;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const LOCATIONS = ['query', 'header', 'path', 'cookie'] as const;

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Follows local `$ref`s (`#/components/...`) until an object without one. */
function deref(doc: Json, value: unknown, depth = 0): Json | undefined {
  if (!isObj(value)) return undefined;
  const ref = value.$ref;
  if (typeof ref !== 'string' || depth > 32) return value;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObj(node) ? node[key] : undefined;
  }
  return deref(doc, node, depth + 1);
}

interface Piece {
  operation: string;
  part: string;
  /** Index expression after `paths` / `webhooks`. */
  ours: string;
  theirs: string;
}

const key = (k: string): string => `[${JSON.stringify(k)}]`;

/** Every piece to compare in one document, from the document itself. */
function piecesOf(doc: Json): Piece[] {
  const out: Piece[] = [];
  const groups: [string, string, unknown][] = [];
  if (isObj(doc.paths)) for (const [p, item] of Object.entries(doc.paths)) groups.push(['paths', p, item]);
  if (isObj(doc.webhooks)) for (const [p, item] of Object.entries(doc.webhooks)) groups.push(['webhooks', p, item]);
  for (const [root, p, rawItem] of groups) {
    const item = deref(doc, rawItem);
    if (item === undefined) continue;
    for (const method of METHODS) {
      const op = deref(doc, item[method]);
      if (op === undefined) continue;
      const operation = root === 'paths' ? `${method.toUpperCase()} ${p}` : `webhook ${method.toUpperCase()} ${p}`;
      const base = `${root}${key(p)}${key(method)}`;
      const add = (part: string, expr: string, wrap?: (e: string) => string): void => {
        const full = `${base}${expr}`;
        out.push({ operation, part, ours: wrap ? wrap(`O${full}`) : `O${full}`, theirs: wrap ? wrap(`T${full}`) : `T${full}` });
      };
      for (const location of LOCATIONS) add(`parameters.${location}`, `["parameters"]${key(location)}`);
      const body = deref(doc, op.requestBody);
      if (body !== undefined) {
        add('requestBody', '', (e) => `Opt<${e}, "requestBody">`);
        if (isObj(body.content)) {
          for (const media of Object.keys(body.content)) add(`requestBody ${media}`, `["requestBody"]`, (e) => `NonNullable<${e}>["content"]${key(media)}`);
        }
      }
      if (isObj(op.responses)) {
        for (const [status, rawResponse] of Object.entries(op.responses)) {
          const response = deref(doc, rawResponse);
          if (response === undefined || !isObj(response.content)) continue;
          for (const media of Object.keys(response.content)) {
            add(`responses ${status} ${media}`, `["responses"]${key(status)}`, (e) => `NonNullable<${e}["content"]>${key(media)}`);
          }
        }
      }
    }
  }
  return out;
}

/** Every object reachable from `value` (each once), depth first. */
function* objects(value: unknown, seen = new Set<unknown>()): Generator<Json> {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const v of value) yield* objects(v, seen);
    return;
  }
  yield value as Json;
  for (const v of Object.values(value)) yield* objects(v, seen);
}

/**
 * Input policies: each rewrites the document handed to openapi-typescript in place and says whether it
 * changed anything.
 */
export const POLICIES: Record<string, (doc: Json) => boolean> = {
  /**
   * D13 (case-03): an `enum`/`const` list is authoritative for `null`. `nullable: true` (3.0) or a
   * `"null"` in a 3.1 `type` list next to an `enum` (or `const`) that does not list `null` is dropped.
   */
  'enum-authoritative-for-null': (doc) => {
    let changed = false;
    for (const o of objects(doc)) {
      const values = Array.isArray(o.enum) ? (o.enum as unknown[]) : Object.hasOwn(o, 'const') && !isObj(o.const) ? [o.const] : undefined;
      if (values === undefined || values.includes(null)) continue;
      if (o.nullable === true) {
        delete o.nullable;
        changed = true;
      }
      if (Array.isArray(o.type) && o.type.includes('null')) {
        const rest = (o.type as unknown[]).filter((t) => t !== 'null');
        o.type = rest.length === 1 ? rest[0] : rest;
        changed = true;
      }
    }
    return changed;
  },
  /**
   * An object schema with no `properties`, `additionalProperties`, `patternProperties` or composition
   * allows any members (JSON Schema): `additionalProperties: true` is added, which openapi-typescript
   * renders `{ [key: string]: unknown }` (by default it renders `Record<string, never>`, no member at
   * all). Unlike its `emptyObjectsUnknown` option, this leaves `additionalProperties: false` closed.
   */
  'empty-object-is-open': (doc) => {
    let changed = false;
    for (const o of objects(doc)) {
      if (!saysObject(o) || !isEmpty(o.properties) || Object.hasOwn(o, 'additionalProperties') || !isEmpty(o.patternProperties)) continue;
      if (['allOf', 'oneOf', 'anyOf', 'enum', 'const', '$ref'].some((k) => Object.hasOwn(o, k))) continue;
      o.additionalProperties = true;
      changed = true;
    }
    return changed;
  },
};

/** Whether a schema object says `type: object` (alone or in a 3.1 type list). */
const saysObject = (o: Json): boolean => o.type === 'object' || (Array.isArray(o.type) && o.type.includes('object'));
const isEmpty = (v: unknown): boolean => v === undefined || (isObj(v) && Object.keys(v).length === 0);

const CHECK_HEADER = [
  "import type { paths as OP, webhooks as OW } from './types/src/index.js';",
  "import type { paths as TP, webhooks as TW } from './theirs.js';",
  // `O`/`T` give `Opaths[...]`-style expressions a single root per side.
  'type Opaths = OP; type Owebhooks = OW; type Tpaths = TP; type Twebhooks = TW;',
  'type Opt<T, K extends PropertyKey> = K extends keyof T ? ({} extends Pick<T, K> ? "optional" : "required") : "absent";',
  '',
];

/** Generates both outputs of one document under `dir`; returns the check file's pieces (line → piece). */
async function prepare(doc: OracleDoc, dir: string, result: OracleResult, allow: AllowList): Promise<Piece[] | undefined> {
  let loaded: Awaited<ReturnType<typeof loadDocument>>;
  let files: ReturnType<typeof emitTypesPackage>;
  try {
    loaded = await loadDocument(doc.file);
    const { api } = buildModel(loaded);
    files = emitTypesPackage(api, {
      typesPackageName: `@oracle/${doc.id}-types`,
      clientPackageName: `@oracle/${doc.id}-client`,
      clientName: 'Client',
      specPath: doc.name,
      command: 'pnpm generate',
      existingVersions: {},
    });
  } catch (error) {
    if (!(error instanceof GenerateError)) throw error;
    result.oursRefused.set(doc.name, error.diagnostics.find((d) => d.severity === 'error')?.code ?? 'unknown');
    return undefined;
  }
  const { openapiTS, astToString } = await openapiTypescript();
  let theirs: string;
  try {
    // A deep copy: openapi-typescript must not see (or change) the object our model was built from.
    const input = structuredClone(loaded.document) as Json;
    for (const id of Object.keys(allow.inputPolicies)) {
      const policy = POLICIES[id];
      if (policy === undefined) throw new Error(`allow-list.json: unknown input policy ${id}`);
      if (policy(input)) result.policiesApplied.set(id, [...(result.policiesApplied.get(id) ?? []), doc.name]);
    }
    const options = Object.fromEntries(Object.entries(allow.oracleOptions).map(([k, v]) => [k, v.value]));
    theirs = astToString(await openapiTS(input, options));
  } catch (error) {
    result.theirsRefused.set(doc.name, String(error).split('\n')[0] ?? '');
    return undefined;
  }
  for (const file of files) {
    const target = path.join(dir, 'types', file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  writeFileSync(path.join(dir, 'theirs.ts'), theirs);
  const pieces = piecesOf(loaded.document as Json);
  const lines = [...CHECK_HEADER];
  pieces.forEach((piece, n) => {
    // Two lines per piece, at CHECK_HEADER.length + 2n (+1): ours → theirs, theirs → ours.
    lines.push(`declare const a${n}: ${piece.ours}; export const x${n}: ${piece.theirs} = a${n};`);
    lines.push(`declare const b${n}: ${piece.theirs}; export const y${n}: ${piece.ours} = b${n};`);
  });
  writeFileSync(path.join(dir, 'check.ts'), `${lines.join('\n')}\n`);
  result.compared.set(doc.name, pieces.length);
  return pieces;
}

/**
 * Compares every document of a batch: generates both outputs into `workDir/<id>/`, then compiles all
 * check files in one program.
 */
export async function compareBatch(docs: readonly OracleDoc[], workDir: string, allow: AllowList = readAllowList()): Promise<OracleResult> {
  const result: OracleResult = {
    compared: new Map(),
    differences: [],
    oursRefused: new Map(),
    theirsRefused: new Map(),
    theirsErrors: new Map(),
    policiesApplied: new Map(),
    other: [],
    timings: { generateMs: 0, compileMs: 0 },
  };
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  // NodeNext reads the nearest package.json: make every generated file an ES module.
  writeFileSync(path.join(workDir, 'package.json'), '{ "type": "module", "private": true }\n');
  const started = performance.now();
  const byCheck = new Map<string, { doc: OracleDoc; pieces: Piece[] }>();
  const byTheirs = new Map<string, OracleDoc>();
  for (const doc of docs) {
    const dir = path.join(workDir, doc.id);
    const pieces = await prepare(doc, dir, result, allow);
    if (pieces !== undefined) {
      byCheck.set(path.join(dir, 'check.ts'), { doc, pieces });
      byTheirs.set(path.join(dir, 'theirs.ts'), doc);
    }
  }
  result.timings.generateMs = performance.now() - started;

  const compileStarted = performance.now();
  // check.ts imports both outputs' roots whether a document uses them or not: unused names there are not findings.
  const options = { ...strictProgramOptions, noUnusedLocals: false, noUnusedParameters: false };
  const program = ts.createProgram({ rootNames: [...byCheck.keys()], options });
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getSemanticDiagnostics(),
  ];
  result.timings.compileMs = performance.now() - compileStarted;

  const found = new Map<string, Difference>();
  for (const d of diagnostics) {
    const file = d.file?.fileName ?? '';
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const check = byCheck.get(path.resolve(file));
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
    const index = line - CHECK_HEADER.length;
    const piece = check && index >= 0 ? check.pieces[Math.floor(index / 2)] : undefined;
    const theirsDoc = byTheirs.get(path.resolve(file));
    if (theirsDoc !== undefined) {
      const list = result.theirsErrors.get(theirsDoc.name) ?? [];
      if (list.length < 5) list.push(`theirs.ts:${line + 1} ${text.split('\n')[0]?.slice(0, 200)}`);
      result.theirsErrors.set(theirsDoc.name, list);
      continue;
    }
    if (check === undefined || piece === undefined) {
      result.other.push(`${file ? path.relative(workDir, file) : '(global)'}:${line + 1} ${text.split('\n').slice(0, 6).join('\n')}`);
      continue;
    }
    const direction: Direction = index % 2 === 0 ? 'ours → theirs' : 'theirs → ours';
    const id = `${check.doc.name}\0${piece.operation}\0${piece.part}`;
    const diff = found.get(id) ?? { document: check.doc.name, operation: piece.operation, part: piece.part, directions: [], message: '' };
    if (!diff.directions.includes(direction)) diff.directions.push(direction);
    diff.message += `${direction}: ${text.split('\n').slice(0, 12).join('\n')}\n`;
    found.set(id, diff);
  }
  result.differences = [...found.values()];
  return result;
}

/** Splits differences into allowed and unexpected; lists allow-list entries (of the documents compared) that matched nothing. */
export function judge(
  result: OracleResult,
  allow: AllowList,
): {
  unexpected: Difference[];
  allowed: Difference[];
  stale: AllowEntry[];
  staleRefusals: string[];
  stalePolicies: string[];
  /** Documents whose openapi-typescript output has type errors, not listed in `openapiTypescriptTypeErrors`. */
  unexpectedTheirsErrors: Record<string, string[]>;
  /** Listed in `openapiTypescriptTypeErrors` (and compared here) but compiling cleanly. */
  staleTheirsErrors: string[];
} {
  const matches = (e: AllowEntry, d: Difference): boolean =>
    e.document === d.document &&
    e.operation === d.operation &&
    e.part === d.part &&
    (e.directions === undefined || [...e.directions].sort().join() === [...d.directions].sort().join());
  const unexpected: Difference[] = [];
  const allowed: Difference[] = [];
  const used = new Set<AllowEntry>();
  for (const d of result.differences) {
    const entry = allow.differences.find((e) => matches(e, d));
    if (entry === undefined) unexpected.push(d);
    else {
      allowed.push(d);
      used.add(entry);
    }
  }
  const inBatch = (name: string): boolean => result.compared.has(name) || result.theirsRefused.has(name) || result.oursRefused.has(name);
  const stale = allow.differences.filter((e) => inBatch(e.document) && !used.has(e));
  const stalePolicies = Object.keys(allow.inputPolicies).filter((id) => !result.policiesApplied.has(id));
  const staleRefusals = Object.keys(allow.refusedByOpenapiTypescript).filter((name) => inBatch(name) && !result.theirsRefused.has(name));
  const unexpectedTheirsErrors = Object.fromEntries([...result.theirsErrors].filter(([name]) => allow.openapiTypescriptTypeErrors[name] === undefined));
  const staleTheirsErrors = Object.keys(allow.openapiTypescriptTypeErrors).filter((name) => result.compared.has(name) && !result.theirsErrors.has(name));
  return { unexpected, allowed, stale, staleRefusals, stalePolicies, unexpectedTheirsErrors, staleTheirsErrors };
}

/** A readable summary of differences, for assertion messages. */
export function formatDifferences(differences: readonly Difference[], limit = 40): string {
  const shown = differences
    .slice(0, limit)
    .map((d) => `- ${d.document} | ${d.operation} | ${d.part} | ${d.directions.join(', ')}\n${d.message.replace(/^/gm, '    ')}`);
  if (differences.length > limit) shown.push(`… and ${differences.length - limit} more`);
  return shown.join('\n');
}
