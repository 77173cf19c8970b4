/**
 * The corpus: real public OpenAPI documents shipped in npm packages (never fetched from anywhere at
 * test time), generated with `generate()` from the generator's sources, then compiled together with
 * the TypeScript compiler API under `strict`, `exactOptionalPropertyTypes` and
 * `noUncheckedIndexedAccess`.
 *
 * Each document ends in one status:
 * - `ok`: generated, compiles, no `any`;
 * - `invalid: <code>`: the generator refused it with a diagnostic (`GenerateError`), `<code>` being
 *   the first error's code. Only documents that are themselves invalid may end so; they are listed
 *   with the reason in bench/corpus-exceptions.md;
 * - `tsc-errors`, `any`, `crash`: generator bugs.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GenerateError } from '../../generator/src/diagnostics.js';
import { generate, type Target } from '../../generator/src/generate.js';
import { type BatchError, type BatchMember, compileBatch, findAny } from '../../generator/test/fuzz/compile.js';

export const benchDir = fileURLToPath(new URL('../', import.meta.url));
export const corpusOut = path.join(benchDir, '.cache/corpus');
const oasExamples = path.join(benchDir, 'node_modules/@readme/oas-examples');
const octokit = path.join(benchDir, 'node_modules/@octokit/openapi/generated');

/** One document of the corpus. */
export interface CorpusDoc {
  /** Folder-safe id, e.g. `oas-3-0-petstore`. */
  id: string;
  /** Path as listed in corpus-exceptions.md: package + path inside it. */
  name: string;
  file: string;
  targets: Target[];
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/\.json$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Every OpenAPI 3.x JSON document in @readme/oas-examples (the YAML copies are the same documents). */
export function oasExampleDocs(): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(oasExamples, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.json')) {
        docs.push({
          id: `oas-${slug(child)}`,
          name: `@readme/oas-examples/${child}`,
          file: path.join(oasExamples, child),
          targets: ['types', 'client'],
        });
      }
    }
  };
  for (const version of ['3.0', '3.1']) walk(`${version}/json`);
  return docs.sort((a, b) => a.name.localeCompare(b.name));
}

/** GitHub's REST API documents; `full`: both packages of api.github.com and ghec, else api.github.com's types. */
export function githubDocs(full: boolean): CorpusDoc[] {
  const doc = (file: string, targets: Target[]): CorpusDoc => ({
    id: `github-${slug(file)}`,
    name: `@octokit/openapi/generated/${file}`,
    file: path.join(octokit, file),
    targets,
  });
  return full ? [doc('api.github.com.json', ['types', 'client']), doc('ghec.json', ['types', 'client'])] : [doc('api.github.com.json', ['types'])];
}

/** Expected statuses from bench/corpus-exceptions.md: document name → { status, reason }. */
export function readExceptions(): Map<string, { status: string; reason: string }> {
  const text = readFileSync(path.join(benchDir, 'corpus-exceptions.md'), 'utf8');
  const out = new Map<string, { status: string; reason: string }>();
  for (const line of text.split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (m?.[1] && m[2]) out.set(m[1], { status: m[2], reason: (m[3] ?? '').trim() });
  }
  return out;
}

/** What happened to one document. */
export interface Outcome {
  doc: CorpusDoc;
  status: string;
  /** Human-readable evidence: the diagnostics, tsc errors, `any` places, or the crash. */
  detail: string[];
  generateMs: number;
}

/** Generates every document (sequentially), then compiles every generated output in one program. */
export async function runCorpus(docs: readonly CorpusDoc[], batchName: string): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  const members: BatchMember[] = [];
  const batchDir = path.join(corpusOut, batchName);
  rmSync(batchDir, { recursive: true, force: true });
  for (const doc of docs) {
    const started = performance.now();
    const outcome: Outcome = { doc, status: 'ok', detail: [], generateMs: 0 };
    outcomes.set(doc.id, outcome);
    const out = path.join(batchDir, doc.id);
    const scope = `@c-${doc.id}`;
    try {
      await generate({ spec: doc.file, out, config: false, name: 'Corpus', scope, targets: doc.targets });
    } catch (error) {
      if (error instanceof GenerateError) {
        const errors = error.diagnostics.filter((d) => d.severity === 'error');
        outcome.status = `invalid: ${errors[0]?.code ?? 'unknown'}`;
        outcome.detail = errors.slice(0, 10).map((d) => `${d.pointer ?? ''} [${d.code}] ${d.message}`);
      } else {
        outcome.status = 'crash';
        outcome.detail = [error instanceof Error ? (error.stack ?? error.message) : String(error)];
      }
    }
    outcome.generateMs = performance.now() - started;
    if (outcome.status !== 'ok') continue;
    const files = new Map<string, string>();
    const packages: Record<string, string> = {};
    for (const target of doc.targets) {
      packages[`${scope}/${target}`] = target;
      for (const file of listFiles(path.join(out, target))) {
        if (!file.endsWith('.ts')) continue;
        const contents = readFileSync(path.join(out, target, file), 'utf8');
        const anys = findAny(`${target}/${file}`, contents);
        if (anys.length > 0) {
          outcome.status = 'any';
          outcome.detail.push(...anys);
        }
      }
    }
    files.set('consumer.ts', consumer(scope, doc.targets));
    // The packages' sources (tsdown.config.ts, the build's config, compiles with tsdown installed: not here).
    const roots = doc.targets.flatMap((t) =>
      listFiles(path.join(out, t))
        .filter((f) => f.startsWith('src/') && f.endsWith('.ts'))
        .map((f) => path.join(out, t, f)),
    );
    members.push({ id: doc.id, packages, files, roots });
  }
  // Generated files are already on disk; the batch adds the consumers and compiles everything.
  attribute(compileBatch(batchDir, members), outcomes);
  return outcomes;
}

function attribute(errors: readonly BatchError[], outcomes: Map<string, Outcome>): void {
  for (const e of errors) {
    const outcome = e.member !== undefined ? outcomes.get(e.member) : undefined;
    if (outcome === undefined) {
      // Not attributable (options or lib problems): every document fails, loudly.
      for (const o of outcomes.values()) o.detail.push(`(global) ${e.file}:${e.line} ${e.message}`);
      for (const o of outcomes.values()) if (o.status === 'ok') o.status = 'tsc-errors';
      continue;
    }
    if (outcome.status === 'ok' || outcome.status === 'any') outcome.status = 'tsc-errors';
    if (outcome.detail.length < 20) outcome.detail.push(`${e.file}:${e.line} ${e.message.split('\n')[0]}`);
  }
}

/** A small consumer: the client constructed, and the types package handed to openapi-fetch. */
function consumer(scope: string, targets: readonly Target[]): string {
  const lines = [
    "import createClient from 'openapi-fetch';",
    `import type { components, paths } from '${scope}/types';`,
    '',
    "export const fetchClient = createClient<paths>({ baseUrl: 'http://127.0.0.1' });",
    "export type Schemas = components['schemas'];",
  ];
  if (targets.includes('client')) {
    lines.unshift("import { Corpus } from './client/src/index.js';");
    lines.push("export const sdk = new Corpus({ baseUrl: 'http://127.0.0.1' });");
  }
  return `${lines.join('\n')}\n`;
}

export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out.sort();
}
