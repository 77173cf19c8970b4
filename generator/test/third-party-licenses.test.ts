/**
 * The build's licence notices (D47): generator/THIRD_PARTY_LICENSES.md lists exactly the npm packages
 * whose code is in dist/, each with its licence text or a plain sentence; and the region reading of
 * scripts/third-party-licenses.mjs takes every layout it meets apart. The dist/ checks run after the
 * build (the suite's `test` task depends on it; locally: `npx -y pnpm@12.4.2 --filter @improvado-sdk/generator build`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  authorLine,
  bundledPackageDirs,
  classifyRegion,
  licenseId,
  listedPackages,
  NOTICES_FILE,
  type PackageNotice,
  packageNotice,
  regionPaths,
  renderNotices,
} from '../scripts/third-party-licenses.mjs';

const generatorDir = path.resolve(import.meta.dirname, '..');
const distDir = path.join(generatorDir, 'dist');
const noticesPath = path.join(generatorDir, NOTICES_FILE);

/** Reads a build output, or fails saying which build to run. */
function readBuilt(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx -y pnpm@12.4.2 --filter @improvado-sdk/generator build\` first`);
  return readFileSync(file, 'utf8');
}

const key = (p: { name: string; version: string }) => `${p.name} ${p.version}`;

describe('THIRD_PARTY_LICENSES.md against the built dist/', () => {
  it('lists exactly the packages whose code dist/ holds, sorted by name', () => {
    const listed = listedPackages(readBuilt(noticesPath));
    const bundled = bundledPackageDirs(distDir, generatorDir).map(packageNotice);
    expect(listed.map(key)).toEqual(bundled.map(key).sort());
    expect(listed.map((p) => p.name)).toEqual(listed.map((p) => p.name).sort());
  });

  it('names every node_modules package of a dist/ region (read here without the script)', () => {
    const listed = new Set(listedPackages(readBuilt(noticesPath)).map((p) => p.name));
    const inRegions = new Set<string>();
    for (const file of readdirSync(distDir).filter((f) => /\.[cm]?[jt]s$/.test(f))) {
      for (const m of readFileSync(path.join(distDir, file), 'utf8').matchAll(/^\/\/#region .*node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\/[^\n]*$/gm)) {
        inRegions.add(m[1] ?? '');
      }
    }
    // D42's bundled libraries: the build must still find them (a reading that finds nothing passes nothing).
    for (const name of ['@redocly/openapi-core', 'handlebars', 'cac']) expect(inRegions).toContain(name);
    expect([...inRegions].filter((name) => !listed.has(name))).toEqual([]);
  });

  it('gives each package its licence id and a licence text or a plain sentence', () => {
    const sections = readBuilt(noticesPath).split(/^## /m).slice(1);
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections) {
      expect(section, section.split('\n')[0]).toMatch(/^Licence: \S/m);
      expect(section, section.split('\n')[0]).toMatch(/^```text\n[\s\S]*\S[\s\S]*\n```$|^The package ships no licence file\. Its package\.json /m);
    }
  });
});

describe('region paths', () => {
  const buildDir = '/repo/generator';

  it('reads the region comments of a bundled file', () => {
    expect(regionPaths('//#region src/cli.ts\nx();\n//#endregion\n//#region \\0rolldown/runtime.js\n')).toEqual(['src/cli.ts', '\\0rolldown/runtime.js']);
  });

  it.each([
    [
      '../node_modules/.pnpm/handlebars@4.7.10/node_modules/handlebars/dist/cjs/utils.js',
      'handlebars',
      '../node_modules/.pnpm/handlebars@4.7.10/node_modules/handlebars',
    ],
    [
      '../node_modules/.pnpm/@redocly+ajv@8.18.3/node_modules/@redocly/ajv/dist/core.js',
      '@redocly/ajv',
      '../node_modules/.pnpm/@redocly+ajv@8.18.3/node_modules/@redocly/ajv',
    ],
    ['node_modules/a/node_modules/@s/b/index.js', '@s/b', 'node_modules/a/node_modules/@s/b'],
  ])('%s is package %s', (region, name, dir) => {
    expect(classifyRegion(region, buildDir)).toEqual({ kind: 'package', name, dir });
  });

  it('tells the generator own code and rolldown runtime apart, and refuses anything else', () => {
    expect(classifyRegion('src/load/index.ts', buildDir)).toEqual({ kind: 'own' });
    expect(classifyRegion('\\0rolldown/runtime.js', buildDir)).toEqual({ kind: 'rolldown-runtime' });
    expect(() => classifyRegion('\\0some-plugin/virtual.js', buildDir)).toThrow(/neither the generator's code nor an npm package/);
    expect(() => classifyRegion('../packages/client/src/index.ts', buildDir)).toThrow(/neither the generator's code nor an npm package/);
    expect(() => classifyRegion('../node_modules/@scope/', buildDir)).toThrow(/no package name/);
  });
});

describe('notices', () => {
  const notice = (over: Partial<PackageNotice>): PackageNotice => ({
    name: 'a',
    version: '1.0.0',
    license: 'MIT',
    author: undefined,
    licenseTexts: [],
    ...over,
  });

  it('says plainly when a package ships no licence file, and sorts by name then version', () => {
    const text = renderNotices([
      notice({ name: 'zeta', licenseTexts: [{ file: 'LICENSE', text: 'Z licence' }] }),
      notice({ name: 'alpha', version: '2.0.0', author: 'Ann <ann@example.com>' }),
      notice({ name: 'alpha', version: '10.0.0', license: undefined }),
    ]);
    expect(listedPackages(text).map(key)).toEqual(['alpha 10.0.0', 'alpha 2.0.0', 'zeta 1.0.0']);
    expect(text).toContain('The package ships no licence file. Its package.json declares the licence MIT and names the author Ann <ann@example.com>.');
    expect(text).toContain('Licence: none declared\n\nThe package ships no licence file. Its package.json declares no licence and names no author.');
    expect(text).toContain('From its `LICENSE`:\n\n```text\nZ licence\n```\n');
    expect(text.endsWith('```\n')).toBe(true);
  });

  it('fences a licence text holding backticks and headings, which listedPackages does not read as packages', () => {
    const text = renderNotices([notice({ licenseTexts: [{ file: 'LICENSE.md', text: '## not-a-package 1.0\n```js\ncode\n```' }] })]);
    expect(text).toContain('````text\n## not-a-package 1.0\n```js\ncode\n```\n````\n');
    expect(listedPackages(text)).toEqual([{ name: 'a', version: '1.0.0' }]);
  });

  it('reads the licence id and author forms of package.json', () => {
    expect(licenseId({ license: 'MIT' })).toBe('MIT');
    expect(licenseId({ license: { type: 'ISC' } })).toBe('ISC');
    expect(licenseId({ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] })).toBe('MIT OR Apache-2.0');
    expect(licenseId({})).toBeUndefined();
    expect(authorLine({ name: 'Blake', email: 'b@example.com', url: 'https://b.example' })).toBe('Blake <b@example.com> (https://b.example)');
    expect(authorLine('  ')).toBeUndefined();
    expect(authorLine(undefined)).toBeUndefined();
  });

  it('keeps the bytes of one package the same from run to run (no dates, LF endings)', () => {
    const dir = path.join(generatorDir, 'node_modules/handlebars');
    const once = renderNotices([packageNotice(dir)]);
    expect(renderNotices([packageNotice(dir)])).toBe(once);
    expect(once).not.toMatch(/\r|\d{4}-\d{2}-\d{2}T/);
  });
});
