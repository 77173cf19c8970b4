/**
 * Compiling generated output in batches with the TypeScript compiler API (TypeScript 5.9, the
 * generator's pinned compiler): one program over many generated packages, so that hundreds of
 * outputs cost one type-check, not hundreds. Shared by the fuzz tests and bench/test (the corpus).
 *
 * Each package in a batch lives in its own folder and is reached through `paths` mappings: the
 * client imports its types package by name (`@fz-3/types`), which is mapped to that folder's
 * `types/src/index.ts`. The client runtime (`client/src/core/`, identical in every client) is
 * checked once per batch: clients import one shared copy. Every program is compiled under the shared strict options
 * (generator/test/strict-options.ts).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { strictProgramOptions } from '../strict-options.js';

/** One generated package (types or client) in a batch. */
export interface BatchMember {
  /** Folder name inside the batch folder, e.g. `run-17`. */
  id: string;
  /** Package name → folder (relative to the member folder) whose `src/index.ts` it maps to. */
  packages: Record<string, string>;
  /** Files relative to the member folder → contents, written by {@link compileBatch}. */
  files: Map<string, string>;
  /** Files already on disk (absolute paths) to compile with the member's. */
  roots?: string[];
}

/** A type error, attributed to the batch member whose file it is in. */
export interface BatchError {
  member: string | undefined;
  file: string;
  line: number;
  message: string;
}

/**
 * Writes every member under `dir` and type-checks them all in one program.
 *
 * @returns every diagnostic (syntactic, semantic, options), each attributed to its member
 */
export function compileBatch(dir: string, members: readonly BatchMember[], extra: ts.CompilerOptions = {}): BatchError[] {
  const rootNames: string[] = [];
  const paths: Record<string, string[]> = {};
  const shared = shareCore(dir, members);
  for (const member of members) {
    const linked = shared.linked.has(member.id);
    for (const [file, contents] of member.files) {
      if (linked && file.startsWith(CORE)) continue;
      const target = path.join(dir, member.id, file);
      mkdirSync(path.dirname(target), { recursive: true });
      const isTs = /\.(ts|mts|cts)$/.test(file);
      writeFileSync(
        target,
        linked && isTs && file.startsWith('client/') ? toSharedCore(contents, target, path.join(dir, member.id, CORE), shared.dir) : contents,
      );
      if (isTs) rootNames.push(target);
    }
    rootNames.push(...(member.roots ?? []));
    for (const [name, folder] of Object.entries(member.packages)) {
      paths[name] = [path.join(dir, member.id, folder, 'src/index.ts')];
    }
  }
  for (const file of shared.files) rootNames.push(path.join(shared.dir, file));
  const options: ts.CompilerOptions = { ...strictProgramOptions, ...extra, baseUrl: dir, paths };
  const program = ts.createProgram({ rootNames, options });
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getSemanticDiagnostics(),
  ];
  return diagnostics.map((d) => {
    const file = d.file?.fileName ?? '';
    const rel = file ? path.relative(dir, file) : '';
    const member = rel && !rel.startsWith('..') ? rel.split(path.sep)[0] : undefined;
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return { member, file: rel || file, line, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') };
  });
}

const CORE = 'client/src/core/';

/**
 * Rewrites the relative imports of a client source that reach its `client/src/core/` folder
 * (`'../core/client.js'`, `'./core/index.js'`) to the batch's shared copy. (A symlinked `core`
 * folder does not work: TypeScript resolves relative imports without `realpath`, so every member's
 * core would be a separate source file, checked again: about 2 s per member.)
 */
function toSharedCore(contents: string, file: string, coreDir: string, sharedDir: string): string {
  return contents.replace(/(['"])((?:\.\.?\/)+core\/[^'"]+)\1/g, (whole, quote: string, spec: string) => {
    const resolved = path.join(path.dirname(file), spec);
    if (!resolved.startsWith(coreDir)) return whole;
    let rel = path.relative(path.dirname(file), path.join(sharedDir, resolved.slice(coreDir.length)));
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `${quote}${rel.split(path.sep).join('/')}${quote}`;
  });
}

/**
 * The client runtime (`client/src/core/`) is copied verbatim into every client: checking it once per
 * batch is enough. Members whose core is byte-identical to the first member's import one shared copy
 * instead ({@link toSharedCore}); the others keep their own files.
 */
function shareCore(dir: string, members: readonly BatchMember[]): { dir: string; files: string[]; linked: Set<string> } {
  const sharedDir = path.join(dir, '_shared-core');
  const core = (m: BatchMember) => [...m.files].filter(([f]) => f.startsWith(CORE)).sort(([a], [b]) => a.localeCompare(b));
  const first = members.map(core).find((c) => c.length > 0);
  const linked = new Set<string>();
  if (first === undefined) return { dir: sharedDir, files: [], linked };
  const key = JSON.stringify(first);
  for (const m of members) if (JSON.stringify(core(m)) === key) linked.add(m.id);
  if (!existsSync(sharedDir)) {
    for (const [file, contents] of first) {
      const target = path.join(sharedDir, file.slice(CORE.length));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, contents);
    }
  }
  return { dir: sharedDir, files: first.map(([f]) => f.slice(CORE.length)).filter((f) => /\.ts$/.test(f)), linked };
}

/** Places where a TypeScript source uses the `any` keyword (as a type), `file:line` each. */
export function findAny(fileName: string, contents: string): string[] {
  const source = ts.createSourceFile(fileName, contents, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) {
      found.push(`${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
