/**
 * Packs the published packages with pnpm (as `pnpm publish` would) and checks each tarball: it holds
 * package.json, README.md, LICENSE, the CHANGELOG.md when the package has one, the licence notices of
 * the npm packages its dist/ bundles (D47), and every source map in it resolves into files the tarball
 * holds (no map pointing at sources left behind).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { classifyRegion, listedPackages, NOTICES_FILE, regionPaths } from '../../generator/scripts/third-party-licenses.mjs';
import { exec, pnpm } from './exec.mjs';

/** The packages that are published, by folder relative to the repository root. */
export const PUBLISHED = ['packages/types', 'packages/client', 'generator'];

/** Files under `dir`, relative to it, `/`-separated. */
function listFiles(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/**
 * Problems of one unpacked tarball (`root` is its `package/` folder): missing LICENSE, README.md,
 * CHANGELOG.md (when `source` has one), and source maps whose `sources` are not in the tarball.
 * @returns {string[]} one line per problem
 */
export function tarballProblems(root, source) {
  const files = new Set(listFiles(root));
  const problems = [];
  for (const required of ['package.json', 'README.md', 'LICENSE']) if (!files.has(required)) problems.push(`${required} is missing`);
  if (existsSync(path.join(source, 'CHANGELOG.md')) && !files.has('CHANGELOG.md')) problems.push('CHANGELOG.md is not packed');
  problems.push(...noticeProblems(root, files));
  for (const file of files) {
    if (!file.endsWith('.map')) continue;
    const map = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
    for (const source of map.sources ?? []) {
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), map.sourceRoot ?? '', source));
      if (!files.has(resolved)) problems.push(`${file}: source ${source} (${resolved}) is not in the tarball`);
    }
  }
  return problems;
}

/**
 * When the tarball's dist/ bundles npm packages (`//#region` comments through node_modules/, or
 * rolldown's runtime), the notices file that generator/scripts/third-party-licenses.mjs writes must be packed
 * and name each of them.
 * @returns {string[]} one line per problem
 */
function noticeProblems(root, files) {
  const bundled = new Set();
  for (const file of [...files].filter((f) => /^dist\/[^/]+\.[cm]?[jt]s$/.test(f)).sort()) {
    for (const region of regionPaths(readFileSync(path.join(root, file), 'utf8'))) {
      const what = classifyRegion(region, root);
      if (what.kind === 'package') bundled.add(what.name);
      if (what.kind === 'rolldown-runtime') bundled.add('rolldown');
    }
  }
  if (bundled.size === 0) return [];
  if (!files.has(NOTICES_FILE)) return [`${NOTICES_FILE} is missing (dist/ bundles ${[...bundled].sort().join(', ')})`];
  const listed = new Set(listedPackages(readFileSync(path.join(root, NOTICES_FILE), 'utf8')).map((p) => p.name));
  const missing = [...bundled].filter((name) => !listed.has(name)).sort();
  return missing.length === 0 ? [] : [`${NOTICES_FILE} does not name ${missing.join(', ')}, bundled in dist/`];
}

/**
 * `pnpm pack` of every published package into `dest`, each unpacked beside its tarball and checked.
 * @returns {Promise<Record<string, string>>} tarball path by package folder (`packages/client` → …/improvado-sdk-client-0.0.0.tgz)
 * @throws {Error} (rejects) when packing fails or a tarball has a problem
 */
export async function packAll(repoRoot, dest) {
  const tarballs = {};
  const problems = [];
  for (const folder of PUBLISHED) {
    const out = path.join(dest, folder.replace('/', '-'));
    mkdirSync(out, { recursive: true });
    await pnpm(['pack', '--pack-destination', out], { cwd: path.join(repoRoot, folder) });
    const tgz = readdirSync(out).find((f) => f.endsWith('.tgz'));
    if (tgz === undefined) throw new Error(`pnpm pack wrote no tarball for ${folder}`);
    tarballs[folder] = path.join(out, tgz);
    await exec('tar', ['-xzf', tgz], { cwd: out });
    problems.push(...tarballProblems(path.join(out, 'package'), path.join(repoRoot, folder)).map((p) => `${folder}: ${p}`));
  }
  if (problems.length > 0) throw new Error(`packed tarballs:\n${problems.join('\n')}`);
  return tarballs;
}
