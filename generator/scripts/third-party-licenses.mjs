#!/usr/bin/env node
/**
 * Writes generator/THIRD_PARTY_LICENSES.md: the licence notices of every npm package whose code the
 * build bundles into dist/ (D42, D47). Run after tsdown by the package's `build` and `prepack` scripts.
 *
 * The packages are read from the build itself, not from a hand list: rolldown opens every module it
 * bundles with a `//#region <path>` comment, the path relative to the folder the build ran in (the
 * generator's). A path through `node_modules/` names a package (the last `node_modules/` segment, so
 * pnpm's `.pnpm/<id>/node_modules/<name>` and npm's nested layouts both work); `\0rolldown/runtime.js`
 * is rolldown's own helpers (the rolldown that tsdown runs); a path inside the generator folder is
 * the generator's own code. Any other region fails the script, so no bundled code goes unlisted.
 *
 * For each package: name, version, licence id (package.json `license`) and the full text of its
 * LICENSE/LICENCE/COPYING files, or, when it ships none, a plain sentence with the licence id and
 * the package.json `author`. Sorted by name then version; no dates or absolute paths (stable bytes).
 *
 * Usage: node scripts/third-party-licenses.mjs   (from anywhere; writes beside the generator's package.json)
 */
import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The generator's package folder (this script lives in its scripts/). */
export const GENERATOR_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The notices file's name, in the generator's folder. */
export const NOTICES_FILE = 'THIRD_PARTY_LICENSES.md';

/** The region rolldown gives its runtime helpers (`__commonJS`, `__toESM`, …). */
const ROLLDOWN_RUNTIME = '\\0rolldown/runtime.js';

/** dist/ files whose regions count: JavaScript and bundled declarations (`.d.ts` may inline a package's types). */
const CODE_FILE = /\.[cm]?[jt]s$/;

/** A licence file at a package's root: LICENSE, LICENCE, COPYING, with any extension or suffix. */
const LICENSE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i;

/**
 * The paths of the `//#region` comments of one bundled file, in order, duplicates kept.
 * @param {string} text the file's contents
 * @returns {string[]}
 */
export function regionPaths(text) {
  return [...text.matchAll(/^\/\/#region (.+)$/gm)].map((m) => m[1].trim());
}

/**
 * What a region path is: a file of an npm package (`dir` is the package's folder, relative like the
 * path, and `name` its name as the path spells it), rolldown's runtime, or the generator's own code.
 * @param {string} region a `//#region` path, relative to `buildDir`
 * @param {string} buildDir the folder the build ran in
 * @returns {{ kind: 'package', name: string, dir: string } | { kind: 'rolldown-runtime' } | { kind: 'own' }}
 * @throws {Error} for a virtual module other than rolldown's runtime, or a path outside `buildDir` that is not in a node_modules folder
 */
export function classifyRegion(region, buildDir) {
  if (region === ROLLDOWN_RUNTIME) return { kind: 'rolldown-runtime' };
  const posix = region.replaceAll('\\', '/');
  const at = posix.lastIndexOf('node_modules/');
  if (at !== -1) {
    const segments = posix.slice(at + 'node_modules/'.length).split('/');
    const nameLength = segments[0]?.startsWith('@') ? 2 : 1;
    if (segments.length <= nameLength || segments.slice(0, nameLength).some((s) => s === '')) {
      throw new Error(`bundled region ${JSON.stringify(region)}: no package name after node_modules/`);
    }
    const name = segments.slice(0, nameLength).join('/');
    return { kind: 'package', name, dir: posix.slice(0, at + 'node_modules/'.length + name.length) };
  }
  const inside = path.relative(buildDir, path.resolve(buildDir, region));
  if (!region.startsWith('\\0') && !region.startsWith('\0') && inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside)) {
    return { kind: 'own' };
  }
  throw new Error(
    `bundled region ${JSON.stringify(region)} is neither the generator's code nor an npm package: decide how its licence is noted (scripts/third-party-licenses.mjs)`,
  );
}

/**
 * The package folders (absolute, real paths) whose code is in `distDir`, by reading its regions.
 * @param {string} distDir the build output
 * @param {string} buildDir the folder the build ran in (region paths are relative to it)
 * @returns {string[]} sorted, without duplicates
 * @throws {Error} when dist/ has no JavaScript file or no region comment (a minified build), or for an unknown region
 */
export function bundledPackageDirs(distDir, buildDir) {
  const files = existsSync(distDir) ? readdirSync(distDir).filter((f) => CODE_FILE.test(f)) : [];
  if (files.length === 0) throw new Error(`${distDir} has no bundled files: run the build first`);
  const dirs = new Set();
  let regions = 0;
  for (const file of files.sort()) {
    for (const region of regionPaths(readFileSync(path.join(distDir, file), 'utf8'))) {
      regions++;
      const what = classifyRegion(region, buildDir);
      if (what.kind === 'package') {
        const dir = realpathSync(path.resolve(buildDir, what.dir));
        const declared = readManifest(dir).name;
        if (declared !== what.name) throw new Error(`${what.dir}/package.json names ${JSON.stringify(declared)}, not ${what.name}`);
        dirs.add(dir);
      } else if (what.kind === 'rolldown-runtime') {
        dirs.add(rolldownDir(buildDir));
      }
    }
  }
  if (regions === 0) throw new Error(`${distDir} has no //#region comments (a minified build?): the bundled packages cannot be found`);
  return [...dirs].sort();
}

/** The rolldown package that the build's tsdown runs (its runtime helpers are in every bundle). */
function rolldownDir(buildDir) {
  const tsdown = createRequire(path.join(buildDir, 'package.json')).resolve('tsdown/package.json');
  return path.dirname(realpathSync(createRequire(tsdown).resolve('rolldown/package.json')));
}

/** A package folder's package.json, parsed. */
function readManifest(dir) {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

/**
 * The licence id of a package.json: `license` (a string, or the old `{ type }`), else the old
 * `licenses` array joined with " OR ", else `undefined`.
 * @param {Record<string, unknown>} manifest
 * @returns {string | undefined}
 */
export function licenseId(manifest) {
  const typeOf = (l) => (typeof l === 'string' ? l : typeof l?.type === 'string' ? l.type : undefined);
  const single = typeOf(manifest.license);
  if (single !== undefined) return single;
  if (Array.isArray(manifest.licenses)) {
    const ids = manifest.licenses.map(typeOf).filter((id) => id !== undefined);
    if (ids.length > 0) return ids.join(' OR ');
  }
  return undefined;
}

/**
 * A package.json `author` as one line: the string as written, or `name <email> (url)` from the object form.
 * @param {unknown} author
 * @returns {string | undefined}
 */
export function authorLine(author) {
  if (typeof author === 'string') return author.trim() || undefined;
  if (author === null || typeof author !== 'object' || typeof author.name !== 'string') return undefined;
  return [author.name, typeof author.email === 'string' ? `<${author.email}>` : '', typeof author.url === 'string' ? `(${author.url})` : '']
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * The notice facts of one package folder: name, version, licence id, author and its licence files' texts
 * (file names sorted, line endings made LF, trailing blank space removed).
 * @param {string} dir a package folder
 * @returns {{ name: string, version: string, license: string | undefined, author: string | undefined, licenseTexts: Array<{ file: string, text: string }> }}
 */
export function packageNotice(dir) {
  const manifest = readManifest(dir);
  const licenseTexts = readdirSync(dir)
    .filter((file) => LICENSE_FILE.test(file))
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8').replace(/\r\n?/g, '\n').trimEnd() }));
  return { name: manifest.name, version: manifest.version, license: licenseId(manifest), author: authorLine(manifest.author), licenseTexts };
}

/** A Markdown code fence longer than any backtick run in `text`. */
function fenceFor(text) {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * The notices file: a header, then one `## <name> <version>` section a package, sorted by name then
 * version, each with its licence id and the text of its licence files (or a plain sentence when it ships none).
 * @param {ReturnType<typeof packageNotice>[]} notices
 * @returns {string} Markdown, LF line endings, ending with one newline
 */
export function renderNotices(notices) {
  const sorted = [...notices].sort((a, b) => (a.name === b.name ? compare(a.version, b.version) : compare(a.name, b.name)));
  const lines = [
    '# Third-party licences',
    '',
    "`@improvado-sdk/generator` bundles code from the npm packages below into its `dist/` folder. This file is written by the package's build (`scripts/third-party-licenses.mjs`) from the modules the build bundled; do not edit it.",
    '',
  ];
  for (const n of sorted) {
    lines.push(`## ${n.name} ${n.version}`, '', `Licence: ${n.license ?? 'none declared'}`, '');
    if (n.licenseTexts.length === 0) {
      const license = n.license === undefined ? 'declares no licence' : `declares the licence ${n.license}`;
      const author = n.author === undefined ? 'names no author' : `names the author ${n.author}`;
      lines.push(`The package ships no licence file. Its package.json ${license} and ${author}.`, '');
    }
    for (const { file, text } of n.licenseTexts) {
      const fence = fenceFor(text);
      lines.push(`From its \`${file}\`:`, '', `${fence}text`, text, fence, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * The packages a notices file lists, from its `## <name> <version>` headings (outside the fenced licence texts), in file order.
 * @param {string} markdown the file's contents
 * @returns {Array<{ name: string, version: string }>}
 */
export function listedPackages(markdown) {
  const listed = [];
  let fence;
  for (const line of markdown.split('\n')) {
    if (fence !== undefined) {
      if (line === fence) fence = undefined;
      continue;
    }
    const opening = /^(`{3,})/.exec(line);
    if (opening !== null) fence = opening[1];
    const heading = /^## (\S+) (\S+)$/.exec(line);
    if (heading !== null) listed.push({ name: heading[1], version: heading[2] });
  }
  return listed;
}

/** Code-point order, locale-independent (stable bytes on every machine). */
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Writes `<generatorDir>/THIRD_PARTY_LICENSES.md` for the build in `<generatorDir>/dist`.
 * @param {string} [generatorDir]
 * @returns {{ file: string, packages: number }}
 */
export function writeNotices(generatorDir = GENERATOR_DIR) {
  const notices = bundledPackageDirs(path.join(generatorDir, 'dist'), generatorDir).map(packageNotice);
  const file = path.join(generatorDir, NOTICES_FILE);
  writeFileSync(file, renderNotices(notices));
  return { file, packages: notices.length };
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { packages } = writeNotices();
  console.log(`${NOTICES_FILE}: ${packages} bundled packages`);
}
