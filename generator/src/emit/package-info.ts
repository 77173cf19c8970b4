/**
 * What a generated package says of where it comes from and under which licence (D34): the
 * package.json fields `license`, `repository` (with `directory`), `homepage` and `bugs`, and the
 * package's LICENSE file. The same for the types and the client package; pure.
 */
import { renderTemplate } from './templates.js';
import type { EmitOptions, EmittedFile } from './types.js';

/** The generated packages. */
export type PackageTarget = 'types' | 'client';

/** The licence of a generated package when none is configured. */
export const DEFAULT_LICENSE = 'MIT';

/** The package.json fields of {@link packageMetadata}, as they are written (JSON values). */
export interface PackageMetadata {
  /** SPDX licence id. */
  license: string;
  /** Absent when no repository is configured. */
  repository?: { type: 'git'; url: string; directory?: string };
  /** Absent when neither configured nor derivable (github.com repositories only). */
  homepage?: string;
  bugs?: { url: string };
}

/** `https://github.com/acme/sdk(.git)(/)` → `https://github.com/acme/sdk`; undefined for other hosts. */
function githubBase(repository: string): string | undefined {
  const m = /^https:\/\/github\.com\/([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(repository);
  return m === null ? undefined : `https://github.com/${m[1]}/${m[2]}`;
}

/**
 * The package.json fields of `target` from `options.packageInfo`: `repository.url` in npm's
 * canonical `git+https://….git` form (what npm's provenance check compares), `directory` the
 * package folder, and for a github.com repository `homepage` (the folder's README on the default
 * branch) and `bugs` (the issues page) unless configured.
 */
export function packageMetadata(options: EmitOptions, target: PackageTarget): PackageMetadata {
  const info = options.packageInfo ?? {};
  const metadata: PackageMetadata = { license: info.license ?? DEFAULT_LICENSE };
  const directory = info.directories?.[target];
  if (info.repository !== undefined) {
    const bare = info.repository.replace(/\/+$/, '').replace(/^git\+/, '');
    const url = `git+${bare}${bare.endsWith('.git') ? '' : '.git'}`;
    metadata.repository = directory === undefined ? { type: 'git', url } : { type: 'git', url, directory };
  }
  const github = info.repository === undefined ? undefined : githubBase(info.repository);
  const homepage = info.homepage ?? (github === undefined ? undefined : `${github}${directory === undefined ? '' : `/tree/HEAD/${directory}`}#readme`);
  if (homepage !== undefined) metadata.homepage = homepage;
  const bugs = info.bugs ?? (github === undefined ? undefined : `${github}/issues`);
  if (bugs !== undefined) metadata.bugs = { url: bugs };
  return metadata;
}

/**
 * The package's LICENSE: the MIT text for `MIT`, an all-rights-reserved notice for `UNLICENSED`,
 * else a notice naming the SPDX id; the holder is the configured `copyright`, else the authors of
 * the package.
 */
export function licenseFile(options: EmitOptions, packageName: string): EmittedFile {
  const license = options.packageInfo?.license ?? DEFAULT_LICENSE;
  const view = {
    packageName,
    license,
    holder: options.packageInfo?.copyright ?? `the authors of ${packageName}`,
    mit: license === 'MIT',
    unlicensed: license === 'UNLICENSED',
  };
  return { path: 'LICENSE', kind: 'other', contents: renderTemplate('package/LICENSE.hbs', view) };
}

/**
 * `tsdown.config.ts`: the package's build (ESM and CommonJS, each with its declarations, source maps
 * into the shipped `src/`), from `templates/<target>/tsdown.config.ts.hbs`.
 */
export function tsdownConfigFile(target: PackageTarget, banner: string): EmittedFile {
  return { path: 'tsdown.config.ts', kind: 'ts', contents: renderTemplate(`${target}/tsdown.config.ts.hbs`, { banner }) };
}
