#!/usr/bin/env node
/**
 * One generator run, in its own process, for measuring: what `sdkgen generate <spec> --out <out>
 * [--only …]` does (the CLI calls the same `generate()`). Prints one JSON line: timings (ms),
 * counts, files and bytes written.
 *
 * Usage: node bench/src/sdkgen-child.mjs <snapshotDir> <spec> <out> <types|client|both>
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const [snapshot, spec, out, only] = process.argv.slice(2);
const { generate } = await import(pathToFileURL(path.join(snapshot, 'dist/generate.js')).href);
try {
  const result = await generate({
    spec: path.resolve(spec),
    out: path.resolve(out),
    config: false,
    name: 'Bench',
    scope: '@bench',
    targets: only === 'both' ? ['types', 'client'] : [only],
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
