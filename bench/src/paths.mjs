/** Paths shared by the bench scripts and the corpus tests. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = fileURLToPath(new URL('../', import.meta.url));
export const repoDir = path.resolve(benchDir, '..');
export const cacheDir = path.join(benchDir, '.cache');
export const benchModules = path.join(benchDir, 'node_modules');

export const oasExamplesDir = path.join(benchModules, '@readme/oas-examples');
export const octokitDir = path.join(benchModules, '@octokit/openapi/generated');

/** The documents of the benchmark, by size. `case37` is built by scripts/make-case37.mjs. */
export const benchDocs = {
  small: { label: 'Petstore (@readme/oas-examples 3.0/json/petstore.json)', file: path.join(oasExamplesDir, '3.0/json/petstore.json') },
  medium: { label: 'Star Trek (@readme/oas-examples 3.0/json/star-trek.json)', file: path.join(oasExamplesDir, '3.0/json/star-trek.json') },
  large: { label: 'GitHub REST (@octokit/openapi generated/api.github.com.json)', file: path.join(octokitDir, 'api.github.com.json') },
  case37: { label: 'case 37 synthetic (make-case37.mjs, seed 37)', file: path.join(cacheDir, 'case37.json') },
};

/** Version of an installed package, read from its package.json (resolved from bench/). */
export function installedVersion(name, from = benchModules) {
  try {
    return JSON.parse(readFileSync(path.join(from, name, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}
