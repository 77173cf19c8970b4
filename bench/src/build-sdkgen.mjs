#!/usr/bin/env node
/**
 * Builds a snapshot of the generator for measuring: the generator's own build (tsdown, with
 * generator/tsdown.config.ts: the bundled entry points users get, D42) written into
 * `bench/.cache/sdkgen/dist`, beside copies of `generator/runtime`, `templates/` and the generator's
 * package.json, with `node_modules` linked to the generator's. The layout mirrors the published
 * package, so the generator finds its runtime and templates the way it does when installed.
 *
 * A snapshot (rather than `generator/dist`) keeps a benchmark run stable while others edit and rebuild
 * the generator. Prints the snapshot folder. `--if-stale` rebuilds only when a source is newer.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, repoDir } from './paths.mjs';

export const snapshotDir = path.join(cacheDir, 'sdkgen');

function newestMtime(dir) {
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds (or reuses) the snapshot; returns its folder. @throws if the build fails. */
export function buildSdkgen({ ifStale = false, log = console.error } = {}) {
  const stamp = path.join(snapshotDir, '.built');
  const sources = ['generator/src', 'generator/runtime', 'templates', 'generator/tsdown.config.ts', 'generator/package.json'].map((d) => path.join(repoDir, d));
  if (ifStale && existsSync(stamp)) {
    const built = statSync(stamp).mtimeMs;
    if (sources.every((d) => newestMtime(d) <= built)) return snapshotDir;
  }
  log('building the generator snapshot (tsdown)…');
  rmSync(snapshotDir, { recursive: true, force: true });
  mkdirSync(snapshotDir, { recursive: true });
  const tsdown = path.join(repoDir, 'generator/node_modules/.bin/tsdown');
  execFileSync(tsdown, ['--out-dir', path.join(snapshotDir, 'dist'), '--log-level', 'warn'], { cwd: path.join(repoDir, 'generator'), stdio: 'inherit' });
  cpSync(path.join(repoDir, 'generator/runtime'), path.join(snapshotDir, 'runtime'), { recursive: true });
  cpSync(path.join(repoDir, 'templates'), path.join(snapshotDir, 'templates'), { recursive: true });
  cpSync(path.join(repoDir, 'generator/package.json'), path.join(snapshotDir, 'package.json'));
  if (existsSync(path.join(repoDir, 'generator/bin'))) cpSync(path.join(repoDir, 'generator/bin'), path.join(snapshotDir, 'bin'), { recursive: true });
  symlinkSync(path.join(repoDir, 'generator/node_modules'), path.join(snapshotDir, 'node_modules'), 'dir');
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return snapshotDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(buildSdkgen({ ifStale: process.argv.includes('--if-stale') }));
}
