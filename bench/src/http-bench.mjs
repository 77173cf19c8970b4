/**
 * Per-request overhead: the sdkgen client against raw `fetch` and openapi-fetch, the same call
 * (`GET /items/{id}?limit=10&tags=a&tags=b`, JSON body) each:
 * - over 127.0.0.1 (a Node http server in its own process, keep-alive): `requests` sequential calls,
 *   then `requests` calls with 50 in flight; requests per second;
 * - with a stubbed fetch (no network): µs per call; the difference to raw fetch is the client's own
 *   per-call cost.
 * Each measurement runs in a fresh process (http-runner.mjs); clients alternate; medians of `runs`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { median } from './measure.mjs';
import { CLIENTS, LABELS } from './http-clients.mjs';
import { benchDir, benchModules, cacheDir, repoDir } from './paths.mjs';

const here = path.join(benchDir, 'src');

/** Generates and bundles the loopback client; returns the bundle's path. */
export async function buildLoopbackClient(snapshot) {
  const dir = path.join(cacheDir, 'http');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync(
    process.execPath,
    [path.join(here, 'sdkgen-child.mjs'), snapshot, path.join(benchDir, 'fixtures/loopback.yaml'), path.join(dir, 'out'), 'both'],
    {
      cwd: repoDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const esbuild = await import(path.join(benchModules, 'esbuild/lib/main.js'));
  const bundle = path.join(dir, 'sdkgen-client.mjs');
  await esbuild.build({
    entryPoints: [path.join(dir, 'out/client/src/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile: bundle,
    logLevel: 'error',
  });
  return bundle;
}

function runChild(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'http-runner.mjs'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`http-runner ${args.join(' ')} exited ${code}`)),
    );
  });
}

export async function runHttpBench({ snapshot, requests = 20000, runs = 5, log = console.error }) {
  const bundle = await buildLoopbackClient(snapshot);
  const server = spawn(process.execPath, [path.join(here, 'http-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(String(d).trim())));
  const samples = { sequential: {}, concurrent: {}, stub: {} };
  try {
    for (let run = 0; run < runs; run++) {
      for (const [mode, concurrency, key, n] of [
        ['loopback', 1, 'sequential', requests],
        ['loopback', 50, 'concurrent', requests],
        ['stub', 1, 'stub', Math.max(requests, 20000)],
      ]) {
        for (const client of run % 2 ? [...CLIENTS].reverse() : CLIENTS) {
          const r = await runChild([mode, client, String(n), String(concurrency), port, bundle]);
          samples[key][client] ??= [];
          samples[key][client].push(r.elapsedMs / r.requests);
          log(`http ${key} ${client} run ${run + 1}/${runs}: ${((r.elapsedMs / r.requests) * 1000).toFixed(1)} µs/request`);
        }
      }
    }
  } finally {
    server.kill('SIGTERM');
  }
  const loopback = {};
  for (const key of ['sequential', 'concurrent']) {
    loopback[key] = {};
    for (const client of CLIENTS) {
      const msPer = median(samples[key][client]);
      loopback[key][client] = { usPerRequest: msPer * 1000, rps: 1000 / msPer };
    }
  }
  const stub = {};
  for (const client of CLIENTS) stub[client] = { usPerCall: median(samples.stub[client]) * 1000 };
  return {
    description: `\`GET /items/{id}?limit=10&tags=a&tags=b\` (bench/fixtures/loopback.yaml), JSON response read by every client. Loopback: a Node http server on 127.0.0.1 in its own process, ${requests} requests sequentially, then ${requests} with 50 in flight (per client, after a warm-up). Stubbed fetch: a \`fetch\` that returns a ready \`Response\` at once; µs per call over ${Math.max(requests, 20000)} calls. Medians of ${runs} runs, each client in a fresh process.`,
    labels: LABELS,
    loopback,
    stub,
  };
}
