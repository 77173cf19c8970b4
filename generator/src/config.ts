import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { type Diagnostic, GenerateError } from './diagnostics.js';
import { toPosix } from './load/paths.js';
import { transliterate } from './model/naming.js';

/** Name of the config file looked up from the working directory up to the repository root. */
export const CONFIG_FILE = 'sdkgen.config.json';

/**
 * `sdkgen.config.json`. Every field is optional; command-line options win over it. Relative paths
 * are relative to the config file's folder.
 */
export interface SdkgenConfig {
  /** The OpenAPI document (when the command line gives none). */
  spec?: string;
  /** Output root: packages go to `<out>/types` and `<out>/client` (when the command line gives none). */
  out?: string;
  /** Client class name, e.g. `Improvado`. Default: from `info.title` (see {@link deriveClientName}; `<Word>Client` when the word is a name the runtime exports or a standard global, D61). */
  name?: string;
  /** npm scope, e.g. `@improvado-sdk`. Default: `@` + the client name in lower case. */
  scope?: string;
  /** Default `<scope>/types`. */
  typesPackageName?: string;
  /** Default `<scope>/client`. */
  clientPackageName?: string;
  /** Spec path shown in file banners. Default: the spec's path relative to the repository root. */
  specPath?: string;
  /** Command shown in file banners. Default `pnpm generate`. */
  command?: string;
  /**
   * How TypeScript is formatted: `printer` (default) writes the printer's output (prettier's layout,
   * print width 100, single quotes, trailing commas) as it is; `prettier` runs prettier over each
   * TypeScript file with the prettier config found for the output (for teams whose style differs).
   * Markdown and JSON always go through prettier.
   */
  format?: FormatMode;
  /**
   * SPDX licence id written to both package.json files, with a LICENSE file (D34). Default `MIT`.
   * `MIT` gets the full MIT text, `UNLICENSED` an all-rights-reserved notice, any other id a notice
   * that names it.
   */
  license?: string;
  /** Copyright holder named in LICENSE, e.g. `Acme Inc.`. Default: `the authors of <package name>`. */
  copyright?: string;
  /**
   * The https URL of the git repository that holds the generated packages, e.g.
   * `https://github.com/acme/sdk`: package.json `repository` (with `directory`, the package folder
   * relative to the repository root), and, for a github.com URL, the default `homepage` and `bugs`.
   * npm's provenance check requires it to match the repository that publishes.
   */
  repository?: string;
  /** package.json `homepage`. Default (github.com repositories): the package folder's README on the default branch. */
  homepage?: string;
  /** package.json `bugs.url`. Default (github.com repositories): `<repository>/issues`. */
  bugs?: string;
  /**
   * Hand-written parts of the client's README.md (D44); paths relative to the config file, returned
   * absolute by {@link readConfig}. Without it the README has an automatic quick start and no recipes.
   */
  readme?: ReadmeConfig;
}

/** `readme` of {@link SdkgenConfig}: files whose text the generated client README includes. */
export interface ReadmeConfig {
  /**
   * A TypeScript file: the quick start's code block, as written (it replaces the automatic one). It
   * should import from the client package as a user would; the repository's README tests compile and
   * run it.
   */
  quickStart?: string;
  /**
   * A Markdown file, or a folder whose `*.md` files are read in file-name order: the recipes. Each
   * recipe starts at a level-1 heading (`# Connect a data source`) and runs to the next one; the README
   * shows them under `## Recipes` with a table of contents, each title as a `###` heading (headings
   * inside a recipe move down two levels).
   */
  recipes?: string;
}

/** The keys of {@link ReadmeConfig}. */
export const README_FIELDS = ['quickStart', 'recipes'] as const;

/** See {@link SdkgenConfig.format}. */
export type FormatMode = 'printer' | 'prettier';
export const FORMAT_MODES: readonly FormatMode[] = ['printer', 'prettier'];

const STRING_FIELDS = [
  'spec',
  'out',
  'name',
  'scope',
  'typesPackageName',
  'clientPackageName',
  'specPath',
  'command',
  'format',
  'license',
  'copyright',
  'repository',
  'homepage',
  'bugs',
] as const;

/** Fields holding an object (checked by their own rules). */
const OBJECT_FIELDS = ['readme'] as const;

/** Fields that must be an absolute https URL. */
const URL_FIELDS = ['repository', 'homepage', 'bugs'] as const;

/**
 * The repository root above `from`: the nearest folder holding `pnpm-workspace.yaml` or `.git`;
 * `undefined` when there is none.
 */
export function findRepoRoot(from: string): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml')) || existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The nearest `sdkgen.config.json` from `cwd` up to the repository root (inclusive), if any. Outside
 * a repository only `cwd` itself is looked at.
 */
export function findConfigFile(cwd: string): string | undefined {
  const root = findRepoRoot(cwd) ?? path.resolve(cwd);
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (dir === root || parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The config in use: `option` (`--config`; `false` for none), else the nearest `sdkgen.config.json` (see {@link findConfigFile}). A config
 * found by that look-up is for its own spec: when the command line names another spec, none of it is used (not its
 * names, output folder or banner command: `sdkgen generate other.yaml` inside this repository must not give
 * `@improvado-sdk` packages), with a note saying so; `--config` uses it anyway.
 */
export async function resolveConfig(
  option: string | false | undefined,
  spec: string | undefined,
  cwd: string,
): Promise<{ config: SdkgenConfig; file: string | undefined; notes: Diagnostic[] }> {
  if (option === false) return { config: {}, file: undefined, notes: [] };
  const explicit = option !== undefined;
  const file = explicit ? path.resolve(cwd, option as string) : findConfigFile(cwd);
  if (file === undefined) return { config: {}, file: undefined, notes: [] };
  const display = toPosix(path.relative(cwd, file)) || file;
  const config = await readConfig(file, display);
  if (!explicit && spec !== undefined && config.spec !== undefined && path.resolve(cwd, spec) !== config.spec) {
    const its = toPosix(path.relative(cwd, config.spec)) || config.spec;
    const message = `${display} is for ${its}, not ${spec}: none of it is used (names, output folder, banner command); pass --config ${display} to use it`;
    return { config: {}, file: undefined, notes: [{ severity: 'warning', code: 'config/other-spec', message, file: display }] };
  }
  return { config, file: display, notes: [] };
}

/**
 * Reads and checks a config file. Paths in it (`spec`, `out`, `readme.*`) are returned absolute.
 *
 * @throws {GenerateError} `config/*` diagnostics: unreadable file, invalid JSON, unknown field,
 *   non-string value, invalid name or scope.
 */
export async function readConfig(file: string, displayName: string): Promise<SdkgenConfig> {
  const diagnostic = (code: string, message: string, pointer?: string): Diagnostic => {
    const d: Diagnostic = { severity: 'error', code, message, file: displayName };
    if (pointer !== undefined) d.pointer = pointer;
    return d;
  };
  const fail = (code: string, message: string, pointer?: string): never => {
    throw new GenerateError([diagnostic(code, message, pointer)]);
  };
  // The problems of the fields, reported together.
  const problems: Diagnostic[] = [];
  const report = (code: string, message: string, pointer?: string): void => {
    problems.push(diagnostic(code, message, pointer));
  };
  let text: string;
  try {
    // A byte order mark (Windows Notepad writes one) is not JSON.
    text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch {
    return fail('config/not-found', `config file not found: ${displayName}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const d = diagnostic('config/invalid-json', `invalid JSON: ${(error as Error).message}`);
    const at = /at position (\d+)/.exec((error as Error).message);
    if (at?.[1] !== undefined) Object.assign(d, lineColumnAt(text, Number(at[1])));
    throw new GenerateError([d]);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return fail('config/invalid', 'the config must be a JSON object');
  }
  const config: SdkgenConfig = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (key === '$schema') continue;
    if (key === 'readme') {
      config.readme = readmeField(value, report);
      continue;
    }
    if (!(STRING_FIELDS as readonly string[]).includes(key)) {
      report('config/unknown-field', `unknown field '${key}' (known: ${[...STRING_FIELDS, ...OBJECT_FIELDS].join(', ')})`, `#/${key}`);
      continue;
    }
    if (typeof value !== 'string' || value === '') {
      report('config/invalid', `'${key}' must be a non-empty string`, `#/${key}`);
      continue;
    }
    if (key === 'format' && !(FORMAT_MODES as readonly string[]).includes(value)) {
      report('config/invalid', `'format' must be one of: ${FORMAT_MODES.join(', ')} (got '${value}')`, '#/format');
      continue;
    }
    if ((URL_FIELDS as readonly string[]).includes(key) && !/^https:\/\/[^\s/]+\/\S*$/.test(value)) {
      report('config/invalid', `'${key}' must be an https URL (got '${value}')`, `#/${key}`);
      continue;
    }
    if (key === 'license' && !/^[A-Za-z0-9.+-]+$/.test(value)) {
      report('config/invalid', `'license' must be an SPDX licence id such as MIT or UNLICENSED (got '${value}')`, '#/license');
      continue;
    }
    (config as Record<string, string>)[key] = value;
  }
  const dir = path.dirname(file);
  if (config.spec !== undefined) config.spec = path.resolve(dir, config.spec);
  if (config.out !== undefined) config.out = path.resolve(dir, config.out);
  for (const key of README_FIELDS) {
    const value = config.readme?.[key];
    if (config.readme !== undefined && value !== undefined) config.readme[key] = path.resolve(dir, value);
  }
  for (const problem of checkNames(config)) report('config/invalid', problem.message, `#/${problem.field}`);
  if (problems.length > 0) throw new GenerateError(problems);
  return config;
}

/** 1-based line and column of the character at `offset` of `text`. */
function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Checks the `readme` field: an object whose keys are {@link README_FIELDS}, each a non-empty string (a path). */
function readmeField(value: unknown, report: (code: string, message: string, pointer?: string) => void): ReadmeConfig {
  const readme: ReadmeConfig = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    report('config/invalid', `'readme' must be an object with the keys ${README_FIELDS.join(', ')}`, '#/readme');
    return readme;
  }
  for (const [key, path] of Object.entries(value as Record<string, unknown>)) {
    if (!(README_FIELDS as readonly string[]).includes(key)) {
      report('config/unknown-field', `unknown field 'readme.${key}' (known: ${README_FIELDS.map((k) => `readme.${k}`).join(', ')})`, `#/readme/${key}`);
      continue;
    }
    if (typeof path !== 'string' || path === '') {
      report('config/invalid', `'readme.${key}' must be a non-empty string (a path)`, `#/readme/${key}`);
      continue;
    }
    readme[key as (typeof README_FIELDS)[number]] = path;
  }
  return readme;
}

/** The names of a run as given (command line over config); each one left out is derived ({@link resolveNames}). */
export interface PackageNames {
  /** Client class name. Default: from `info.title` ({@link deriveClientName}). */
  name?: string | undefined;
  /** npm scope. Default: `@<client name in lower case>` ({@link defaultScope}). */
  scope?: string | undefined;
  /** Default `<scope>/types`. */
  typesPackageName?: string | undefined;
  /** Default `<scope>/client`. */
  clientPackageName?: string | undefined;
}

/**
 * The names given, the others derived from the document's `info.title`.
 * @param free the client class name to use for the title's word when no name is given (model/client-names.ts
 *   `freeClientName`: the word, else `<Word>Client` when the word is a name the runtime exports or a standard global);
 *   the default scope follows the word either way (`Promise` and `PromiseClient` are both `@promise`)
 */
export function resolveNames(
  names: PackageNames,
  title: string,
  free: (word: string) => string = (word) => word,
): { typesPackageName: string; clientPackageName: string; clientName: string } {
  const word = deriveClientName(title);
  const clientName = names.name ?? free(word);
  const scope = names.scope ?? defaultScope(names.name ?? word);
  return { typesPackageName: names.typesPackageName ?? `${scope}/types`, clientPackageName: names.clientPackageName ?? `${scope}/client`, clientName };
}

/** The reasons `name`/`scope`/package names are unusable (none: an empty list). */
export function checkNames(names: PackageNames): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  if (names.name !== undefined && !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(names.name)) {
    out.push({ field: 'name', message: `name '${names.name}' is not a valid class name` });
  }
  if (names.scope !== undefined && !/^@[a-z0-9][a-z0-9._~-]*$/.test(names.scope)) {
    out.push({ field: 'scope', message: `scope '${names.scope}' must look like @my-scope (lower case, starting with @)` });
  }
  for (const field of ['typesPackageName', 'clientPackageName'] as const) {
    const value = names[field];
    if (value !== undefined && !/^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/.test(value)) {
      out.push({ field, message: `${field} '${value}' is not a valid npm package name` });
    }
  }
  if (names.typesPackageName !== undefined && names.typesPackageName === names.clientPackageName) {
    out.push({
      field: 'clientPackageName',
      message: `typesPackageName and clientPackageName are both '${names.clientPackageName}': the client depends on the types package, so each needs its own name`,
    });
  }
  return out;
}

/** Words dropped from `info.title` when deriving a class name. */
const NOISE = /^(api|apis|rest|restful|http|https|openapi|swagger|spec|specification|service|services|v?\d+([._]\d+)*|version)$/i;

/**
 * The default client class name: the first word of `info.title` that is not "API", "REST", a
 * version or the like, in PascalCase (inner capitals kept). "Improvado Embedded API v3" → `Improvado`;
 * "GitHub v3 REST API" → `GitHub`; "Swagger Petstore" → `Petstore`; "Größe API" → `Grosse`; nothing usable → `Client`.
 */
export function deriveClientName(title: string): string {
  // Letters with marks read as their base letters (`Größe` → `Grosse`), as in every other name (model/naming.ts).
  const words = transliterate(title)
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '' && !NOISE.test(w));
  const first = words.find((w) => /^[A-Za-z]/.test(w));
  if (first === undefined) return 'Client';
  return first[0]!.toUpperCase() + first.slice(1);
}

/** The default npm scope for a client name: `Improvado` → `@improvado`, `GitHub` → `@github`. */
export function defaultScope(clientName: string): string {
  const slug = clientName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `@${slug === '' ? 'sdk' : slug}`;
}
