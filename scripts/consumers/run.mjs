#!/usr/bin/env node
/**
 * The consumer matrix (.ci/run; D34): packs the three published packages with pnpm, lints the
 * tarballs (publint --strict, attw), installs the
 * types and client tarballs with npm into fresh projects in a temporary folder (outside the
 * workspace: nothing resolves from it), builds each setup of setups.mjs (TypeScript 5.4, 5.9 and 7,
 * an esbuild browser bundle, plain require()) and runs it against a server on 127.0.0.1; then the
 * generator's own flow from its tarball (generator.mjs). Prints one line per setup with its time, and
 * exits 1 when any setup fails (all of them run).
 *
 * Usage: node scripts/consumers/run.mjs [--keep] [name…]   (no name: everything; a setup's name,
 * `lint` (publint and attw over the tarballs: lint.mjs) or `generator` runs only those after
 * packing). `--keep` keeps the temporary folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { exec, npm, timed } from './exec.mjs';
import { generatorConsumer } from './generator.mjs';
import { lintTarballs } from './lint.mjs';
import { packAll } from './pack.mjs';
import { startServer } from './server.mjs';
import { BASE_COMPILER_OPTIONS, SETUPS, TYPESCRIPT_VERSIONS } from './setups.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The workspace's compilers, by version (run with node; the projects resolve everything else themselves). */
const COMPILERS = {
  5.4: path.join(repoRoot, 'node_modules/typescript-5.4/bin/tsc'),
  5.9: path.join(repoRoot, 'node_modules/typescript/bin/tsc'),
  7: path.join(repoRoot, 'node_modules/typescript-7/bin/tsc'),
};

/** A fresh project for `setup` in `dir`: `npm init -y`, its `type`, the two tarballs installed. */
async function createProject(dir, setup, tarballs) {
  mkdirSync(dir, { recursive: true });
  await exec('npm', ['init', '-y'], { cwd: dir });
  await exec('npm', ['pkg', 'set', `type=${setup.type}`], { cwd: dir });
  await npm(['install', tarballs['packages/types'], tarballs['packages/client']], { cwd: dir });
}

/** Checks that `node [flags] file` in `dir` prints `expected` (one JSON line). */
async function expectOutput(dir, setup, file, label) {
  const out = (await exec('node', [...(setup.nodeFlags ?? []), file], { cwd: dir })).trim();
  if (out !== JSON.stringify(setup.output)) throw new Error(`${label}: printed ${out}, expected ${JSON.stringify(setup.output)}`);
}

/** Builds and runs one setup; returns what was checked (for the report). */
async function runSetup(setup, dir, tarballs, baseUrl) {
  await createProject(dir, setup, tarballs);
  const source = setup.source.replaceAll('__BASE_URL__', baseUrl);
  if (setup.kind === 'cjs') {
    writeFileSync(path.join(dir, 'main.cjs'), source);
    await expectOutput(dir, setup, 'main.cjs', 'main.cjs');
    return 'node';
  }
  writeFileSync(path.join(dir, 'main.ts'), source);
  if (setup.kind === 'bundle') {
    const result = await build({
      entryPoints: [path.join(dir, 'main.ts')],
      absWorkingDir: dir,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      outfile: path.join(dir, 'dist/bundle.js'),
      metafile: true,
      logLevel: 'silent',
    });
    const fromPackages = Object.keys(result.metafile.inputs).filter((f) => f.includes('node_modules/'));
    const notEsm = fromPackages.filter((f) => !f.endsWith('.js'));
    if (fromPackages.length === 0 || notEsm.length > 0)
      throw new Error(`the browser bundle took non-ESM files: ${notEsm.join(', ') || '(none from the packages)'}`);
    const text = readFileSync(path.join(dir, 'dist/bundle.js'), 'utf8');
    if (/\brequire\(|from ['"]node:/.test(text)) throw new Error('the browser bundle holds require() or a node: import');
    await expectOutput(dir, setup, 'dist/bundle.js', 'bundle');
    return `esbuild, ${Math.round(text.length / 1024)} KiB`;
  }
  const compilerOptions = { ...BASE_COMPILER_OPTIONS, ...setup.compilerOptions };
  writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify({ compilerOptions, files: ['main.ts'] }, null, 2)}\n`);
  for (const version of TYPESCRIPT_VERSIONS) {
    const outDir = `dist/ts-${version}`;
    await exec('node', [COMPILERS[version], '-p', 'tsconfig.json', '--outDir', outDir, '--pretty', 'false'], { cwd: dir });
    await expectOutput(dir, setup, `${outDir}/main.js`, `TypeScript ${version}`);
  }
  return `tsc ${TYPESCRIPT_VERSIONS.join(', ')}`;
}

/** Setups built at once (most of a setup's time is tsc and npm, one CPU each). */
const LANES = 2;

/** Runs `jobs` `lanes` at a time; each result is `{ how, ms }` or `{ error, ms }`, in the jobs' order. */
async function inLanes(jobs, lanes) {
  const results = [];
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      const r = await timed(() =>
        jobs[i].run().then(
          (how) => ({ how }),
          (error) => ({ error }),
        ),
      );
      results[i] = { ...r.value, ms: r.ms };
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}

async function main() {
  const args = process.argv.slice(2);
  const keep = args.includes('--keep');
  const wanted = new Set(args.filter((a) => a !== '--keep'));
  const selected = SETUPS.filter((s) => wanted.size === 0 || wanted.has(s.name));
  const withGenerator = wanted.size === 0 || wanted.has('generator');
  const withLint = wanted.size === 0 || wanted.has('lint');
  const work = mkdtempSync(path.join(os.tmpdir(), 'sdk-consumers-'));
  const server = await startServer();
  const lines = [];
  let failed = 0;
  try {
    const packed = await timed(() => packAll(repoRoot, path.join(work, 'tarballs')));
    lines.push(`ok    pack (pnpm pack: types, client, generator; LICENSE, README, maps)  ${packed.ms} ms`);
    if (withLint) {
      const linted = await timed(() =>
        lintTarballs(repoRoot, packed.value).then(
          (how) => ({ how }),
          (error) => ({ error }),
        ),
      );
      if (linted.value.error) {
        failed++;
        lines.push(`FAIL  lint  ${linted.ms} ms\n${linted.value.error.message}`);
      } else lines.push(`ok    lint: ${linted.value.how}  ${linted.ms} ms`);
    }
    const jobs = selected.map((setup) => ({
      label: `${setup.name}: ${setup.description}`,
      run: () => runSetup(setup, path.join(work, setup.name), packed.value, server.url),
    }));
    if (withGenerator) {
      const sampleSpec = path.join(repoRoot, 'scripts/consumers/sample-spec.yaml');
      jobs.push({
        label: 'generator: tarball → npx sdkgen generate → require/import → build → ESM and CJS calls',
        run: () =>
          generatorConsumer({
            tarball: packed.value.generator,
            work,
            baseUrl: server.url,
            sampleSpec,
          }).then(() => 'npm'),
      });
    }
    const results = await inLanes(jobs, LANES);
    for (const [i, job] of jobs.entries()) {
      const r = results[i];
      if (r.error) {
        failed++;
        lines.push(`FAIL  ${job.label}  ${r.ms} ms\n${r.error.message}`);
      } else lines.push(`ok    ${job.label} (${r.how})  ${r.ms} ms`);
    }
  } catch (error) {
    failed++;
    lines.push(`FAIL  ${error.message}`);
  } finally {
    await server.close();
    if (keep) lines.push(`kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  console.log(lines.join('\n'));
  if ((selected.length > 0 || withGenerator) && server.requests() === 0 && failed === 0) {
    console.error('consumers: no setup reached the server');
    failed++;
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
