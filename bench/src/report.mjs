/** Renders bench/RESULTS.md from the results object run-bench.mjs collects. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { benchDir } from './paths.mjs';
import { INSTALLED, TOOLS } from './tools.mjs';

/** Row labels of the tsc tables: the tools, and our packages as installed. */
const TSC_LABELS = {
  ...Object.fromEntries(Object.entries(TOOLS).map(([k, v]) => [k, v.label])),
  ...Object.fromEntries(Object.values(INSTALLED).map((v) => [v.key, v.label])),
};

const s = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '–');
const mib = (kib) => (Number.isFinite(kib) ? `${Math.round(kib / 1024)} MiB` : '–');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN);
const x = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '–');
const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(2)} KiB` : '–');
const met = (ok) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**missed**');

/** Writes the report; the "Analysis" section is kept from bench/ANALYSIS.md when that file exists. */
export function writeReport(file, results) {
  const lines = [];
  const m = results.machine ?? {};
  lines.push('# Benchmark results', '');
  lines.push(
    'Written by `pnpm bench` (bench/src/run-bench.mjs); do not edit by hand: the analysis at the end comes from',
    'bench/ANALYSIS.md. Every figure is the median of the runs shown; ratios compare tools measured in the same run.',
    '',
  );
  lines.push('## Machine and versions', '');
  lines.push(`- CPU: ${m.cpu} × ${m.nproc} (\`nproc\`), memory ${m.memoryGiB} GiB, ${m.os}`);
  lines.push(`- Load average when the run started: ${(m.loadAverage ?? []).join(', ')} (other jobs shared the machine: see the analysis)`);
  lines.push(`- Node ${m.node}; sdkgen at ${m.sdkgenCommit ?? 'unknown'}`);
  lines.push(
    `- ${Object.entries(m.versions ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  const o = results.options ?? {};
  lines.push(
    `- Runs: per table (the "runs" column; the HTTP benchmark states its own). Last invocation: \`${(o.sections ?? []).join(',')}\`, started ${results.started}, finished ${results.finished ?? '(unfinished)'}`,
  );
  lines.push('');

  const targets = [];
  // Issue 14's generation targets, per document: types only vs openapi-typescript, types + client vs
  // hey-api (GitHub: <= 0.2x; Petstore: <= 1.0x), peak RSS <= 1.0x of each; tsc over GitHub types +
  // client vs hey-api's output (what a user's editor pays).
  const genTargets = [
    ['large', 'GitHub', 0.8, 0.2],
    ['small', 'Petstore', 0.8, 1.0],
  ];
  for (const [key, label, typesGoal, allGoal] of genTargets) {
    const g = results.docs?.[key]?.gen;
    if (!g) continue;
    const t = ratio(g['sdkgen-types']?.wallMs, g['openapi-typescript']?.wallMs);
    const mm = ratio(g['sdkgen-types']?.maxRssKiB, g['openapi-typescript']?.maxRssKiB);
    const ta = ratio(g['sdkgen-all']?.wallMs, g['hey-api']?.wallMs);
    const ma = ratio(g['sdkgen-all']?.maxRssKiB, g['hey-api']?.maxRssKiB);
    const goal = (n) => `≤ ${n.toFixed(1)}×`;
    const within = (v, n) => met(Number.isFinite(v) ? v <= n : undefined);
    targets.push([`${label}, types only: time vs openapi-typescript`, goal(typesGoal), x(t), within(t, typesGoal)]);
    targets.push([`${label}, types only: peak RSS vs openapi-typescript`, goal(1), x(mm), within(mm, 1)]);
    targets.push([`${label}, types + client: time vs hey-api`, goal(allGoal), x(ta), within(ta, allGoal)]);
    targets.push([`${label}, types + client: peak RSS vs hey-api`, goal(1), x(ma), within(ma, 1)]);
  }
  const gh = results.docs?.large;
  if (gh?.tsc) {
    const c = gh.tsc;
    const errs = c['sdkgen-all']?.errors?.count ?? c['sdkgen-types']?.errors?.count;
    targets.push(['GitHub: tsc errors over our output', '0', String(errs ?? '–'), met(errs === undefined ? undefined : errs === 0)]);
    // Each twice: our packages as installed (their .d.ts: what a user's editor loads) and as sources.
    const tsc = (label, ours, theirs, against) => {
      const r = ratio(c[ours]?.wallMs, c[theirs]?.wallMs);
      targets.push([`GitHub: tsc time, ${label} vs ${against}`, '≤ 1.0×', x(r), met(Number.isFinite(r) ? r <= 1 : undefined)]);
    };
    tsc('our types as installed (.d.ts)', INSTALLED['sdkgen-types'].key, 'openapi-typescript', 'openapi-typescript’s');
    tsc('our types as sources', 'sdkgen-types', 'openapi-typescript', 'openapi-typescript’s');
    tsc('our types + client as installed (.d.ts)', INSTALLED['sdkgen-all'].key, 'hey-api', 'hey-api’s output');
    tsc('our types + client as sources', 'sdkgen-all', 'hey-api', 'hey-api’s output');
  }
  const h = results.http;
  if (h?.stub) {
    const over = h.stub.sdkgen?.usPerCall - h.stub.raw?.usPerCall;
    targets.push([
      'Per-call overhead over raw fetch (stubbed fetch)',
      '≤ 20 µs',
      Number.isFinite(over) ? `${over.toFixed(1)} µs` : '–',
      met(Number.isFinite(over) ? over <= 20 : undefined),
    ]);
  }
  if (h?.loopback) {
    const r = ratio(h.loopback.sequential?.sdkgen?.rps, h.loopback.sequential?.raw?.rps);
    targets.push(['Loopback throughput vs raw fetch (sequential)', '≥ 0.95×', x(r), met(Number.isFinite(r) ? r >= 0.95 : undefined)]);
    const rc = ratio(h.loopback.concurrent?.sdkgen?.rps, h.loopback.concurrent?.raw?.rps);
    targets.push(['Loopback throughput vs raw fetch (50 concurrent)', '≥ 0.95×', x(rc), met(Number.isFinite(rc) ? rc >= 0.95 : undefined)]);
  }
  const z = results.size;
  if (z) {
    // Issue 5: one resource imported the documented way for the smallest bundle (over the lean core), Petstore and
    // GitHub, vs openapi-fetch's one call; the same resource over the full core is shown beside it.
    const gz = (id) => z.bundles?.find((b) => b.id === id)?.gzip;
    const theirs = gz('openapi-fetch-one-call');
    const lean = gz('sdkgen-petstore-one-resource-lean');
    const leanGithub = gz('sdkgen-github-one-resource-lean');
    const fullCore = gz('sdkgen-petstore-one-resource');
    const ok = Number.isFinite(lean) && Number.isFinite(theirs);
    const measured = ok
      ? `${kb(lean)} vs ${kb(theirs)} (${x(lean / theirs)}); GitHub ${Number.isFinite(leanGithub) ? kb(leanGithub) : '–'}; over the full core ${Number.isFinite(fullCore) ? kb(fullCore) : '–'}`
      : '–';
    targets.push(['One resource, lean core (min + gzip) vs openapi-fetch one call', '≤ 1.0×', measured, met(ok ? lean <= theirs : undefined)]);
  }
  lines.push('## Targets', '');
  lines.push('| target | goal | measured | |', '|---|---|---|---|');
  for (const t of targets) lines.push(`| ${t.join(' | ')} |`);
  lines.push('');

  if (results.docs) {
    lines.push('## Generation', '');
    lines.push(
      'Wall time of the whole process (start to exit) and its peak RSS (`/usr/bin/time -f %M`). sdkgen has no format cache (D32): every run formats from scratch.',
      '',
    );
    for (const [key, d] of Object.entries(results.docs)) {
      if (!d.gen || Object.keys(d.gen).length === 0) continue;
      lines.push(`### ${d.label} (${(d.bytes / 1024).toFixed(0)} KiB)`, '');
      lines.push('| tool | time | peak RSS | time vs openapi-typescript | time vs hey-api | runs (failed) |', '|---|---|---|---|---|---|');
      const ot = d.gen['openapi-typescript'];
      const hey = d.gen['hey-api'];
      for (const [tool, r] of Object.entries(d.gen)) {
        lines.push(
          `| ${TOOLS[tool]?.label ?? tool} | ${s(r.wallMs)} | ${mib(r.maxRssKiB)} | ${x(ratio(r.wallMs, ot?.wallMs))} | ${x(ratio(r.wallMs, hey?.wallMs))} | ${r.runs} (${r.failed}) |`,
        );
      }
      for (const tool of ['sdkgen-types', 'sdkgen-all']) {
        const r = d.gen[tool];
        if (r && Number.isFinite(r.formatMs)) {
          // With a format pool (documents of 1 MB or more) formatting overlaps emission: its cost is the
          // pool's busy time summed over its threads; the wall-clock part is what remained after emission.
          const formatting = Number.isFinite(r.formatBusyMs)
            ? `${s(r.formatBusyMs)} of formatting work summed over the threads, overlapping emission; ${s(r.formatMs)} after it, of ${s(r.totalMs)} in generate()`
            : `${s(r.formatMs)} of ${s(r.totalMs)} in generate()`;
          lines.push(
            `| ↳ ${TOOLS[tool].label}: formatting (prettier) | ${formatting} | | load ${s(r.loadMs)}, model ${s(r.modelMs)}, emit ${s(r.emitMs)}, write ${s(r.writeMs)} | ${r.files} files, ${kb(r.bytes)} | |`,
          );
        }
      }
      lines.push('');
      for (const [tool, r] of Object.entries(d.gen)) {
        if (r.failed > 0)
          lines.push(
            `- ${TOOLS[tool]?.label ?? tool} failed ${r.failed} of ${r.runs} runs: \`${String(r.error ?? '')
              .replace(/\s+/g, ' ')
              .slice(0, 300)}\``,
          );
      }
      if (key === 'case37') {
        const ours = d.gen['sdkgen-types'] ?? d.gen['sdkgen-all'];
        if (ours?.schemas !== undefined)
          lines.push(
            `- case 37 completeness: sdkgen modelled ${ours.schemas} component schemas and ${ours.operations} operations (the document has 5,000 and 2,000).`,
          );
      }
      lines.push('');
    }
    lines.push('## tsc --noEmit over each tool’s output', '');
    lines.push(
      'TypeScript 5.9.3, `strict`, `skipLibCheck`, `moduleResolution: Bundler`; the output plus one consumer file making one GET call through the tool’s client (openapi-fetch for types-only tools). openapi-typescript and hey-api write sources into the user’s project, which the user’s compiler checks; our packages are installed from npm compiled, so the user’s program holds their declarations (`.d.ts`, not checked under `skipLibCheck`): the “as installed” rows are those declarations (emitted by tsc from the same output) with the same consumer, the plain rows our sources.',
      '',
    );
    for (const d of Object.values(results.docs)) {
      if (!d.tsc || Object.keys(d.tsc).length <= 1) continue;
      lines.push(`### ${d.label}`, '');
      if (d.tsc.call) lines.push(`Consumer call: \`GET ${d.tsc.call.path}\``, '');
      lines.push('| output of | tsc time | peak RSS | time vs openapi-typescript’s | errors |', '|---|---|---|---|---|');
      const ot = d.tsc['openapi-typescript'];
      for (const [tool, r] of Object.entries(d.tsc)) {
        if (tool === 'call') continue;
        lines.push(`| ${TSC_LABELS[tool] ?? tool} | ${s(r.wallMs)} | ${mib(r.maxRssKiB)} | ${x(ratio(r.wallMs, ot?.wallMs))} | ${r.errors?.count ?? '–'} |`);
      }
      lines.push('');
      for (const [tool, r] of Object.entries(d.tsc)) {
        if (tool !== 'call' && r.errors?.count > 0) lines.push(`- ${TSC_LABELS[tool] ?? tool}: \`${r.errors.first[0]?.slice(0, 300)}\``);
      }
      lines.push('');
    }
  }

  if (h) {
    lines.push('## Per-request overhead', '');
    lines.push(h.description ?? '', '');
    if (h.loopback) {
      lines.push('| client | sequential req/s | µs/request | vs raw fetch | 50 concurrent req/s | vs raw fetch |', '|---|---|---|---|---|---|');
      for (const c of ['raw', 'rawTimeout', 'openapiFetch', 'sdkgen']) {
        const a = h.loopback.sequential?.[c];
        const b = h.loopback.concurrent?.[c];
        if (!a) continue;
        lines.push(
          `| ${h.labels?.[c] ?? c} | ${Math.round(a.rps)} | ${a.usPerRequest.toFixed(1)} | ${x(ratio(a.rps, h.loopback.sequential.raw.rps))} | ${b ? Math.round(b.rps) : '–'} | ${b ? x(ratio(b.rps, h.loopback.concurrent.raw.rps)) : '–'} |`,
        );
      }
      lines.push('');
    }
    if (h.stub) {
      lines.push('| client, stubbed fetch | µs/call | overhead over raw fetch |', '|---|---|---|');
      for (const c of ['raw', 'rawTimeout', 'openapiFetch', 'sdkgen']) {
        const a = h.stub[c];
        if (!a) continue;
        lines.push(`| ${h.labels?.[c] ?? c} | ${a.usPerCall.toFixed(2)} | ${(a.usPerCall - h.stub.raw.usPerCall).toFixed(2)} µs |`);
      }
      lines.push('');
    }
  }
  if (z) {
    lines.push('## Bundle size', '');
    lines.push(z.description ?? '', '');
    lines.push('| bundle | minified | min + gzip |', '|---|---|---|');
    for (const b of z.bundles ?? []) lines.push(`| ${b.label} | ${kb(b.minified)} | ${kb(b.gzip)} |`);
    lines.push('');
    for (const note of z.notes ?? []) lines.push(`- ${note}`);
    lines.push('');
  }

  const analysis = path.join(benchDir, 'ANALYSIS.md');
  if (existsSync(analysis)) lines.push(readFileSync(analysis, 'utf8').trim(), '');
  writeFileSync(file, `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}`);
}
