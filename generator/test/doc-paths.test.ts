/**
 * Comments and docs point only at files that exist in the repository: relative Markdown links; repository
 * paths (`docs/…`, `generator/…`, `bench/…`, `spec/…`, `packages/…`, `templates/…`, `scripts/…`, `.ci/…`,
 * `fixtures/…`) in Markdown and in the comments of TypeScript, JavaScript and YAML files; bare Markdown file
 * names (a plan or notes file that was never committed); and nothing points outside the repository (the
 * helpers' work folder, a shared folder beside it).
 *
 * A path resolves from the repository root or from a folder above the file that names it (bench/ANALYSIS.md
 * names its `scripts/…` relative to bench/); `x.js` also resolves to `x.ts` (an ESM import path); a path
 * with a wildcard or placeholder (`fuzz-*`, `<fixture>`) needs the folder before it. Build output and
 * caches (dist/, node_modules/, .cache/, .sdkgen-cache/) are not checked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Folders never scanned: dependencies, build output, caches, VCS data, generated packages and copied sources. */
const skippedDirs = new Set(['node_modules', 'dist', '.git', '.turbo', '.cache', '.sdkgen-cache', '__snapshots__', 'sources']);

/**
 * Generated packages (their README links point into the package itself; templates/ is checked instead),
 * and the build's third-party licence notices (git-ignored; other projects' texts, D47).
 */
const skippedPaths = new Set(['packages/types', 'packages/client', 'generator/THIRD_PARTY_LICENSES.md']);

/** Files scanned, and how their text is reduced to what is prose (comments, Markdown). */
const kinds: Array<{ pattern: RegExp; prose: (text: string) => string }> = [
  { pattern: /\.md(\.hbs)?$/, prose: (text) => text },
  { pattern: /\.(ts|mts|cts|js|mjs)$/, prose: codeComments },
  { pattern: /\.ya?ml$/, prose: (text) => [...text.matchAll(/(?:^|\s)#(.*)$/gm)].map((m) => m[1]).join('\n') },
];

/** The comments of a TypeScript or JavaScript text, one per line (string contents are not skipped: a path in a string is checked too). */
function codeComments(text: string): string {
  return [...text.matchAll(/\/\*[\s\S]*?\*\/|(?<![:\\'"`])\/\/[^\n]*/g)].map((m) => m[0]).join('\n');
}

/** Repository files to scan, relative to the root, `/`-separated, sorted. */
function scannedFiles(dir = '', out: string[] = []): string[] {
  for (const entry of readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
    const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!skippedDirs.has(entry.name) && !skippedPaths.has(rel)) scannedFiles(rel, out);
    } else if (!skippedPaths.has(rel) && kinds.some((k) => k.pattern.test(entry.name))) {
      out.push(rel);
    }
  }
  return out.sort();
}

/** A repository path in prose: a known top-level folder, then path characters (wildcards and placeholders included). */
const repoPath = /(?<![\w@.~/-])((?:docs|generator|bench|spec|packages|templates|scripts|\.ci|fixtures)\/[\w.\-/*<>{}]*)/g;
/** A relative Markdown link target (no scheme, no pure anchor). */
const markdownLink = /\]\((?![a-z][a-z0-9+.-]*:|#)([^)\s#]+)(?:#[^)]*)?\)/g;
/** A bare Markdown file name. */
const bareMarkdown = /(?<![\w./-])([\w-]+\.md)\b/g;
/** A bare TypeScript or JavaScript file name (`print-code.ts`, `client.js`). */
const bareSource = /(?<![\w./@-])([\w-]+\.(?:ts|js|mjs))\b(?![\w/-])/g;

/** Whether a path segment is build output or a cache, never committed. */
const generatedSegment = /(^|\/)(dist|node_modules|\.cache|\.sdkgen-cache)(\/|$)/;

/** Files the build writes beside dist/ (git-ignored): named in docs, present only after `pnpm build`. */
const buildOutputs = new Set(['generator/THIRD_PARTY_LICENSES.md']);

/** True when `ref` (a repository-style path) names something that exists from the root or from a folder above `file`. */
function resolves(ref: string, file: string): boolean {
  const wildcard = ref.search(/[*<>{}]/);
  let target = (wildcard === -1 ? ref : ref.slice(0, wildcard)).replace(/[.-]+$/, '');
  if (wildcard !== -1) target = target.endsWith('/') ? target : path.posix.dirname(target);
  if (generatedSegment.test(target) || buildOutputs.has(target)) return true;
  const candidates = [target, target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.d.ts')];
  for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
    const base = dir === '.' ? '' : dir;
    if (candidates.some((c) => existsSync(path.join(repoRoot, base, c)))) return true;
    if (base === '') return false;
  }
}

describe('paths in comments and docs', () => {
  const files = scannedFiles();
  const basenames = new Set(files.map((f) => path.posix.basename(f)));
  const texts = new Map(
    files.map((file) => {
      const kind = kinds.find((k) => k.pattern.test(file));
      return [file, kind === undefined ? '' : kind.prose(readFileSync(path.join(repoRoot, file), 'utf8'))] as const;
    }),
  );

  it('scans the repository’s docs and sources', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/decisions.md', 'generator/src/generate.ts', 'templates/client/README.md.hbs']));
  });

  it('repository paths resolve', () => {
    const broken: string[] = [];
    for (const [file, text] of texts) {
      for (const m of text.matchAll(repoPath)) {
        const ref = m[1] ?? '';
        if (!resolves(ref, file)) broken.push(`${file}: ${ref}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('relative Markdown links resolve from the file holding them', () => {
    const broken: string[] = [];
    for (const [file, text] of texts) {
      // Templates link within the package they generate (./api.md beside README.md).
      if (!/\.md$/.test(file) || file.startsWith('templates/')) continue;
      for (const m of text.matchAll(markdownLink)) {
        const target = decodeURI(m[1] ?? '');
        if (!existsSync(path.join(repoRoot, path.posix.dirname(file), target))) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('bare Markdown file names are files of the repository (or of the packages it generates)', () => {
    const generated = new Set(['api.md', 'CHANGELOG.md', 'THIRD_PARTY_LICENSES.md']);
    const unknown: string[] = [];
    for (const [file, text] of texts) {
      for (const m of text.matchAll(bareMarkdown)) {
        const name = m[1] ?? '';
        if (!basenames.has(name) && !generated.has(name)) unknown.push(`${file}: ${name}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('bare module names in the generator’s comments (`print-code.ts`) are files of the repository or of the packages it generates', () => {
    // Examples of file names the generator makes from odd tags, not modules.
    const examples = new Set(['t-px.ts', 't-px2.ts']);
    // Every file name in the tree, generated packages and snapshots included (a comment may name a generated file).
    const everyName = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
        if (entry.isDirectory()) {
          if (!['node_modules', '.git', 'dist', '.turbo', '.cache'].includes(entry.name)) walk(path.posix.join(dir, entry.name));
        } else everyName.add(entry.name.replace(/\.ts$/, '.js'));
      }
    };
    walk('');
    const unknown: string[] = [];
    for (const [file, text] of texts) {
      if (!/^generator\/(src|runtime)\//.test(file)) continue;
      for (const m of text.matchAll(bareSource)) {
        const name = m[1] ?? '';
        if (!examples.has(name) && !everyName.has(name.replace(/\.ts$/, '.js'))) unknown.push(`${file}: ${name}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('nothing points outside the repository', () => {
    const outside = [...texts].filter(([, text]) => /\/work\/|\.\.\/shared\b/.test(text)).map(([file]) => file);
    expect(outside).toEqual([]);
  });
});
