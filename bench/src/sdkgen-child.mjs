#!/usr/bin/env node
/**
 * One generator run, in its own process, for measuring: what `sdkgen generate <spec> --out <out>
 * [--only …]` does (the CLI calls the same `generate()`), with a fresh, empty format cache so every
 * run is a cold first generation. Prints one JSON line: timings (ms), counts, files and bytes written.
 *
 * Usage: node bench/src/sdkgen-child.mjs <snapshotDir> <spec> <out> <types|client|both> [--cache <dir>]
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const [snapshot, spec, out, only, flag, cacheArg] = process.argv.slice(2);
const { generate } = await import(pathToFileURL(path.join(snapshot, 'dist/generate.js')).href);
const cache = flag === '--cache' ? cacheArg : mkdtempSync(path.join(os.tmpdir(), 'sdkgen-bench-cache-'));
try {
  const result = await generate({
    spec: path.resolve(spec),
    out: path.resolve(out),
    config: false,
    name: 'Bench',
    scope: '@bench',
    targets: only === 'both' ? ['types', 'client'] : [only],
    cacheDir: cache,
  });
  const { files, bytes } = countFiles(path.resolve(out));
  console.log(
    JSON.stringify({
      ok: true,
      timings: result.timings,
      operations: result.operations,
      schemas: result.schemas,
      diagnostics: result.diagnostics.length,
      files,
      bytes,
    }),
  );
} catch (error) {
  const diagnostics = Array.isArray(error?.diagnostics) ? error.diagnostics : undefined;
  console.log(JSON.stringify({ ok: false, error: String(error?.message ?? error).slice(0, 4000), diagnostics }));
  process.exitCode = 1;
} finally {
  if (flag !== '--cache') rmSync(cache, { recursive: true, force: true });
}

/** Files and bytes under `dir` (the generated packages). */
function countFiles(dir) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return { files, bytes };
}
