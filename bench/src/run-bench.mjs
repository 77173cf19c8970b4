#!/usr/bin/env node
/**
 * `pnpm bench`: one run compares sdkgen with openapi-typescript 7.13.0 and @hey-api/openapi-ts
 * 0.95.0 on the same documents (small: Petstore; medium: Star Trek, 120 operations; large: GitHub's
 * REST API; case 37: the synthetic very large spec), and writes bench/RESULTS.md.
 *
 * Sections (all by default):
 * - gen:  generation wall time and peak RSS per tool (each run a fresh process, fresh output folder,
 *         and sdkgen has no format cache), medians; sdkgen's formatting time on its own line;
 * - tsc:  `tsc --noEmit` (TypeScript 5.9.3) over each tool's output plus a small consumer file;
 * - http: per-request overhead of the sdkgen client against raw fetch and openapi-fetch, over
 *         127.0.0.1 and with a stubbed fetch (bench/src/http-bench.mjs);
 * - size: minified + gzipped bundles (esbuild) of one-call programs (bench/src/size-bench.mjs).
 *
 * Options: --runs N (default 5, or $BENCH_RUNS), --runs-large N (runs for GitHub and case 37,
 * default --runs), --docs small,medium,large,case37, --tools sdkgen-types,sdkgen-all,
 * openapi-typescript,hey-api (the other tools' rows of those documents are kept from the last run that
 * measured them), --sections gen,tsc,http,size, --requests N (default 20000),
 * --quick (1 run; small and medium; 2,000 requests; writes .cache/RESULTS.quick.md),
 * --out FILE, --report-only (rewrite RESULTS.md from .cache/results.json), --cpu-prof DOCS (profile one
 * sdkgen run per document into .cache/profiles/), --no-build (reuse the generator snapshot as is),
 * --http-runs N (default max(--runs, 5)), --timeout S (per generation run, default 900; a tool that times out is not run again on that document).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSdkgen, snapshotDir } from './build-sdkgen.mjs';
import { median, runMeasured } from './measure.mjs';
import { benchDir, benchDocs, cacheDir, installedVersion, repoDir } from './paths.mjs';
import { writeReport } from './report.mjs';
import { generateCommand, INSTALLED, sampleCall, TOOLS, tscBin, writeConsumer, writeInstalledConsumer } from './tools.mjs';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string' },
    'runs-large': { type: 'string' },
    docs: { type: 'string' },
    tools: { type: 'string' },
    sections: { type: 'string' },
    requests: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    'report-only': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    timeout: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'http-runs': { type: 'string' },
  },
});

const quick = opts.quick;
const runs = Number(opts.runs ?? process.env.BENCH_RUNS ?? (quick ? 1 : 5));
const runsLarge = Number(opts['runs-large'] ?? runs);
const docKeys = (opts.docs ?? (quick ? 'small,medium' : 'small,medium,large,case37')).split(',');
const toolKeys = (opts.tools ?? Object.keys(TOOLS).join(',')).split(',');
const sections = new Set((opts.sections ?? 'gen,tsc,http,size').split(','));
const timeoutMs = Number(opts.timeout ?? 900) * 1000;
const profileDocs = new Set((opts['cpu-prof'] ?? '').split(',').filter(Boolean));
const requests = Number(opts.requests ?? (quick ? 2000 : 20000));
const reportFile = opts.out ?? (quick ? path.join(cacheDir, 'RESULTS.quick.md') : path.join(benchDir, 'RESULTS.md'));
const resultsJson = path.join(cacheDir, quick ? 'results.quick.json' : 'results.json');

const log = (...args) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...args);

async function main() {
  if (opts['report-only']) {
    const results = JSON.parse(readFileSync(resultsJson, 'utf8'));
    writeReport(reportFile, results);
    log(`wrote ${reportFile}`);
    return;
  }
  mkdirSync(cacheDir, { recursive: true });
  const previous = existsSync(resultsJson) ? JSON.parse(readFileSync(resultsJson, 'utf8')) : {};
  const results = {
    ...previous,
    machine: machine(),
    started: new Date().toISOString(),
    options: { runs, runsLarge, docs: docKeys, tools: toolKeys, sections: [...sections], requests },
  };
  // Merge on save: another `pnpm bench --sections …` may be running and saving other sections.
  const save = () => {
    const current = existsSync(resultsJson) ? JSON.parse(readFileSync(resultsJson, 'utf8')) : {};
    const merged = { ...current, ...results, docs: { ...(current.docs ?? {}), ...(results.docs ?? {}) } };
    for (const key of ['http', 'size']) if (!sections.has(key) && current[key]) merged[key] = current[key];
    for (const key of Object.keys(merged.docs)) if (!docKeys.includes(key) && current.docs?.[key]) merged.docs[key] = current.docs[key];
    writeFileSync(resultsJson, `${JSON.stringify(merged, null, 2)}\n`);
    Object.assign(results, merged);
  };

  let snapshot;
  if (sections.has('gen') || sections.has('tsc') || sections.has('http') || sections.has('size')) {
    // --no-build: reuse the snapshot as it is (another bench run may be using it right now).
    snapshot = opts['no-build'] ? snapshotDir : buildSdkgen({ ifStale: true, log });
    results.machine.sdkgenCommit = gitCommit();
  }
  if (docKeys.includes('case37') && !existsSync(benchDocs.case37.file)) {
    log('building case 37…');
    execFileSync(process.execPath, [path.join(benchDir, 'scripts/make-case37.mjs')], { stdio: 'inherit' });
  }

  if (sections.has('gen') || sections.has('tsc')) {
    results.docs ??= {};
    for (const key of docKeys) {
      const doc = benchDocs[key];
      const n = key === 'large' || key === 'case37' ? runsLarge : runs;
      const previousDoc = results.docs[key] ?? {};
      // With --tools, the other tools' rows of this document are kept (from an earlier invocation;
      // each row states its runs): e.g. 5 runs of the fast tools beside 1 of a tool that times out.
      const kept = (section) => (opts.tools ? (previousDoc[section] ?? {}) : {});
      // A section not measured now (`--sections tsc`) keeps its rows.
      results.docs[key] = { ...previousDoc, label: doc.label, bytes: readFileSync(doc.file).length };
      const outRoot = path.join(cacheDir, 'bench-out', key);
      if (sections.has('gen')) {
        results.docs[key].gen = { ...kept('gen'), ...(await measureGeneration(key, doc.file, outRoot, n, snapshot)) };
        save();
      }
      if (sections.has('tsc')) {
        results.docs[key].tsc = { ...kept('tsc'), ...(await measureTsc(key, doc.file, outRoot, n, results.docs[key].gen ?? {})) };
        save();
      }
      if (profileDocs.has(key)) await profile(key, doc.file, outRoot, snapshot);
    }
  }
  if (sections.has('http')) {
    const { runHttpBench } = await import('./http-bench.mjs');
    results.http = await runHttpBench({ snapshot, requests, runs: Number(opts['http-runs'] ?? Math.max(runs, quick ? 1 : 5)), log });
    save();
  }
  if (sections.has('size')) {
    const { runSizeBench } = await import('./size-bench.mjs');
    results.size = await runSizeBench({ snapshot, log });
    save();
  }
  results.finished = new Date().toISOString();
  save();
  writeReport(reportFile, results);
  log(`wrote ${reportFile}`);
}

async function measureGeneration(key, spec, outRoot, n, snapshot) {
  const samples = Object.fromEntries(toolKeys.map((t) => [t, []]));
  for (let run = 0; run < n; run++) {
    // Tools interleaved run by run, so slow drift of the machine's load spreads over all of them.
    for (const tool of toolKeys) {
      // A tool that timed out once is not run again on this document (it would only burn the budget).
      if (samples[tool].some((x) => x.timedOut)) continue;
      const out = path.join(outRoot, tool);
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
      const { command, args } = generateCommand(tool, spec, out, snapshot);
      const r = await runMeasured(command, args, { cwd: repoDir, timeoutMs });
      const timedOut = r.timedOut || r.wallMs >= timeoutMs;
      const sample = { wallMs: r.wallMs, maxRssKiB: r.maxRssKiB, ok: r.status === 0 && !timedOut, timedOut };
      if (timedOut) sample.error = `did not finish within ${timeoutMs / 1000} s (killed; peak RSS so far ${Math.round(r.maxRssKiB / 1024)} MiB)`;
      if (tool.startsWith('sdkgen')) {
        try {
          const report = JSON.parse(r.stdout.trim().split('\n').pop());
          sample.timings = report.timings;
          sample.files = report.files;
          sample.bytes = report.bytes;
          sample.schemas = report.schemas;
          sample.operations = report.operations;
          if (!report.ok) sample.error = report.error;
        } catch {
          sample.ok = false;
        }
      }
      if (!sample.ok) sample.error ??= `${r.stderr}${r.stdout}`.slice(-2000);
      samples[tool].push(sample);
      log(`${key} ${tool} run ${run + 1}/${n}: ${(r.wallMs / 1000).toFixed(2)} s, ${(r.maxRssKiB / 1024).toFixed(0)} MiB${sample.ok ? '' : ' FAILED'}`);
    }
  }
  const out = {};
  for (const [tool, list] of Object.entries(samples)) {
    const ok = list.filter((s) => s.ok);
    out[tool] = {
      runs: list.length,
      failed: list.length - ok.length,
      timedOut: list.some((s) => s.timedOut),
      error: list.find((s) => !s.ok)?.error,
      wallMs: median(ok.map((s) => s.wallMs)),
      maxRssKiB: median(ok.map((s) => s.maxRssKiB)),
      samplesMs: list.map((s) => Math.round(s.wallMs)),
      ...(tool.startsWith('sdkgen') && ok.length > 0
        ? {
            formatMs: median(ok.map((s) => s.timings?.formatMs)),
            formatBusyMs: median(ok.map((s) => s.timings?.formatBusyMs).filter((v) => Number.isFinite(v))),
            totalMs: median(ok.map((s) => s.timings?.totalMs)),
            loadMs: median(ok.map((s) => s.timings?.loadMs)),
            modelMs: median(ok.map((s) => s.timings?.modelMs)),
            emitMs: median(ok.map((s) => s.timings?.emitMs)),
            writeMs: median(ok.map((s) => s.timings?.writeMs)),
            files: ok[0].files,
            bytes: ok[0].bytes,
            schemas: ok[0].schemas,
            operations: ok[0].operations,
          }
        : {}),
    };
  }
  return out;
}

async function measureTsc(key, spec, outRoot, n, gen) {
  const call = sampleCall(spec);
  const samples = Object.fromEntries(toolKeys.map((t) => [t, []]));
  const errors = {};
  // Each row: [row key, folder holding consumer.ts and tsconfig.json]. Our packages twice: as sources (the
  // output folder) and as installed (their declarations, what a user's editor loads; tools.mjs INSTALLED).
  const rows = [];
  for (const tool of toolKeys) {
    const out = path.join(outRoot, tool);
    // No output to check when every generation failed (or timed out).
    if (!existsSync(out) || (gen[tool] && gen[tool].failed === gen[tool].runs)) continue;
    writeConsumer(tool, out, call);
    rows.push([tool, out]);
    const installed = INSTALLED[tool];
    if (installed) {
      samples[installed.key] = [];
      try {
        rows.push([installed.key, writeInstalledConsumer(tool, out)]);
      } catch (error) {
        // The row stays empty (its targets read "not measured"); the rest of the run goes on.
        log(`${key} tsc ${installed.key}: ${String(error?.message ?? error).slice(0, 500)}`);
      }
    }
  }
  for (let run = 0; run < n; run++) {
    for (const [row, dir] of rows) {
      const r = await runMeasured(process.execPath, [tscBin, '-p', path.join(dir, 'tsconfig.json'), '--pretty', 'false'], { cwd: dir });
      const errorLines = r.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
      errors[row] = { count: errorLines.length, first: errorLines.slice(0, 5) };
      samples[row].push({ wallMs: r.wallMs, maxRssKiB: r.maxRssKiB });
      log(`${key} tsc ${row} run ${run + 1}/${n}: ${(r.wallMs / 1000).toFixed(2)} s, ${(r.maxRssKiB / 1024).toFixed(0)} MiB, ${errorLines.length} errors`);
    }
  }
  const out = { call };
  for (const [tool, list] of Object.entries(samples)) {
    if (list.length === 0) continue;
    out[tool] = {
      runs: list.length,
      wallMs: median(list.map((s) => s.wallMs)),
      maxRssKiB: median(list.map((s) => s.maxRssKiB)),
      errors: errors[tool],
    };
  }
  return out;
}

async function profile(key, spec, outRoot, snapshot) {
  const dir = path.join(cacheDir, 'profiles');
  mkdirSync(dir, { recursive: true });
  const out = path.join(outRoot, 'profile');
  rmSync(out, { recursive: true, force: true });
  const { args } = generateCommand('sdkgen-all', spec, out, snapshot);
  log(`profiling sdkgen-all on ${key}…`);
  await runMeasured(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', `sdkgen-${key}.cpuprofile`, ...args], { cwd: repoDir });
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    nproc: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    versions: {
      typescript: installedVersion('typescript'),
      'openapi-typescript': installedVersion('openapi-typescript'),
      '@hey-api/openapi-ts': installedVersion('@hey-api/openapi-ts'),
      'openapi-fetch': installedVersion('openapi-fetch'),
      esbuild: installedVersion('esbuild'),
      '@octokit/openapi': installedVersion('@octokit/openapi'),
      '@readme/oas-examples': installedVersion('@readme/oas-examples'),
      prettier: installedVersion('prettier', path.join(repoDir, 'generator/node_modules')),
    },
  };
}

function gitCommit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoDir, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'generator/src', 'generator/runtime', 'templates'], {
      cwd: repoDir,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} + uncommitted changes in generator/` : head;
  } catch {
    return 'unknown';
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
