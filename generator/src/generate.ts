import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { checkNames, findRepoRoot, type FormatMode, type PackageNames, resolveConfig, resolveNames, type SdkgenConfig } from './config.js';
import { type Diagnostic, GenerateError } from './diagnostics.js';
import { emitClientPackage } from './emit/client/index.js';
import { emitTypesPackage } from './emit/types/index.js';
import type { EmitOptions, PackageInfo } from './emit/types.js';
import { loadDocument } from './load/index.js';
import { placed } from './load/locate.js';
import { toPosix } from './load/paths.js';
import { buildModel } from './model/build.js';
import { clientAppliesScheme } from './model/auth.js';
import { child } from './pointer.js';
import { clientNames, freeClientName, runtimeExportFile } from './model/client-names.js';
import type { Api } from './model/types.js';
import { readReadmeExtras } from './readme-extras.js';
import {
  type ApplyHooks,
  applyPackages,
  asWriteError,
  clearFormatConfigCache,
  type PreparedPackage,
  preparePackage,
  recoverPackage,
  resultOf,
  type WriteResult,
} from './write/index.js';

/** The packages the generator can write, each into `<out>/<target>`. */
export const TARGETS = ['types', 'client'] as const;
export type Target = (typeof TARGETS)[number];

/** Options of {@link generate}; the CLI's options, programmatically. */
export interface GenerateOptions {
  /** The OpenAPI 3.0/3.1 document (YAML or JSON), relative to `cwd`. Default: the config file's `spec`. */
  spec?: string;
  /** Output root, relative to `cwd`: packages go to `<out>/types` and `<out>/client`. Default: the config's `out`. */
  out?: string;
  /** Working directory for relative paths and the config look-up. Default `process.cwd()`. */
  cwd?: string;
  /** Client class name. Default: config `name`, else derived from `info.title`. */
  name?: string;
  /** npm scope. Default: config `scope`, else `@<name in lower case>`. */
  scope?: string;
  typesPackageName?: string;
  clientPackageName?: string;
  /**
   * Config file, relative to `cwd`. Default: the nearest `sdkgen.config.json` from `cwd` up to the
   * repository root. `false`: use none.
   */
  config?: string | false;
  /** Packages to write. Default both: `['types', 'client']`. */
  targets?: readonly Target[];
  /** Write nothing; report what would change. */
  check?: boolean;
  /**
   * Every warning of the document (load and model: a structural error where the generator reads nothing, an unknown
   * key, a questionable construct) is an error: nothing is written while one remains.
   */
  strict?: boolean;
  /** How TypeScript is formatted (see {@link SdkgenConfig.format}). Default: the config's `format`, else `printer`. */
  format?: FormatMode;
  /** For tests: hooks into the atomic write. */
  hooks?: ApplyHooks;
}

/** One written (or checked) package. */
export interface PackageOutcome {
  target: Target;
  /** Output directory relative to `cwd`, POSIX. */
  dir: string;
  result: WriteResult;
}

/** What {@link generate} did. Times are wall-clock milliseconds. */
export interface GenerateResult {
  title: string;
  openapi: string;
  /** Spec path as shown in banners (relative to the repository root, else to the output root's parent). */
  specPath: string;
  /** The config file used (relative to `cwd`), if any. */
  configFile?: string | undefined;
  emitOptions: EmitOptions;
  operations: number;
  schemas: number;
  webhooks: number;
  /** Operations that page, with how it was decided (`x-pagination` or a detected envelope). */
  pagination: Array<{ operationId: string; source: 'extension' | 'detected'; reason: string }>;
  packages: PackageOutcome[];
  /** Warnings and notes from every stage (errors throw). */
  diagnostics: Diagnostic[];
  check: boolean;
  /** In check mode: every package is up to date. Otherwise always true. */
  upToDate: boolean;
  /**
   * Wall-clock ms per stage: `emitMs` builds and prints every file, `formatMs` runs prettier over the
   * Markdown and JSON files (and TypeScript with `format: 'prettier'`), `writeMs` compares with the
   * disk and writes. They add up, with the other stages, to `totalMs`.
   */
  timings: {
    loadMs: number;
    modelMs: number;
    emitMs: number;
    formatMs: number;
    writeMs: number;
    totalMs: number;
  };
}

/**
 * load → model → emit → format → write, as `sdkgen generate` does.
 *
 * Every package is formatted before anything is written; then each is swapped in atomically, and if
 * a later package fails to write, the earlier ones are rolled back too. So a failure anywhere leaves
 * the previous output byte-identical. Killed mid-write, each file is its previous or its new version,
 * whole, and the next call finishes the write before anything else (docs/decisions.md D30).
 *
 * @throws {GenerateError} with every diagnostic of the failing stage (load, model, config, write).
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const { config, file: configFile, notes: configNotes } = await resolveConfig(options.config, options.spec, cwd);
  const specInput = options.spec ?? config.spec;
  const outInput = options.out ?? config.out;
  // A config set aside (config/other-spec) is why "out" may be missing: the error carries its note.
  if (specInput === undefined) throw usage('no spec given: pass <spec> or set "spec" in sdkgen.config.json', configNotes);
  if (outInput === undefined) throw usage('no output folder given: pass --out <dir> or set "out" in sdkgen.config.json', configNotes);
  const targets = options.targets ?? TARGETS;
  const names = {
    name: options.name ?? config.name,
    scope: options.scope ?? config.scope,
    typesPackageName: options.typesPackageName ?? config.typesPackageName,
    clientPackageName: options.clientPackageName ?? config.clientPackageName,
  };
  const bad = checkNames(names);
  if (bad.length > 0) throw usage(bad.map((b) => b.message).join('; '));
  // A client class named like a runtime export would take the export (`ApiError`: `instanceof ApiError` and every
  // method's `@throws` would name the client).
  const runtimeFile = names.name !== undefined && targets.includes('client') ? runtimeExportFile(names.name) : undefined;
  if (runtimeFile !== undefined) throw usage(`name '${names.name}' is a name the client package exports from its runtime (${runtimeFile}): choose another`);
  // The README's hand-written parts (D44): a missing file fails before anything is written.
  const readme =
    config.readme === undefined || configFile === undefined
      ? undefined
      : await readReadmeExtras(config.readme, configFile, path.dirname(path.resolve(cwd, configFile)));

  // A previous run killed mid-write is finished first (with --check, only reported): D30.
  const out = path.resolve(cwd, outInput);
  const recovered = await recoverOutput(out, targets, options.check === true, cwd);
  const recovery = { ...recovered, diagnostics: [...configNotes, ...recovered.diagnostics] };
  const format = options.format ?? config.format ?? 'printer';
  return sayingRecovery(recovery, cwd, async () => {
    // A long-lived process (watch mode, a dev server) must see an edited prettier config.
    await clearFormatConfigCache();
    const clientNameOf = targets.includes('client') ? (title: string) => resolveNames(names, title, freeClientName).clientName : undefined;
    const { api, diagnostics, loadedAt } = await loadAndModel(cwd, specInput, options.strict === true, clientNameOf);
    const modelAt = performance.now();

    const specAbs = path.resolve(cwd, specInput);
    const resolved = resolveNames(names, api.title, freeClientName);
    // Given or derived (`--scope @acme` and `clientPackageName: @acme/types`): the client would depend on itself.
    if (resolved.typesPackageName === resolved.clientPackageName)
      throw usage(
        `the types and client packages are both named '${resolved.clientPackageName}': the client depends on the types package, so each needs its own name`,
      );
    const emitOptions: EmitOptions = {
      ...resolved,
      specPath: config.specPath ?? path.posix.normalize(toPosix(path.relative(bannerBase(specAbs, out), specAbs))),
      command: config.command ?? regenerateCommand(specAbs, out, targets, names),
      existingVersions: await existingVersions(out),
      packageInfo: packageInfo(config, out),
    };
    if (readme !== undefined) emitOptions.readme = readme;
    const emitted = targets.map((target) => ({
      target,
      files: target === 'types' ? emitTypesPackage(api, emitOptions) : emitClientPackage(api, emitOptions),
    }));
    const emitAt = performance.now();

    const prepared: Array<{ target: Target; prepared: PreparedPackage }> = [];
    for (const e of emitted) prepared.push({ target: e.target, prepared: await preparePackage(path.join(out, e.target), e.files, { format }) });
    const formatMs = prepared.reduce((ms, p) => ms + p.prepared.formatMs, 0);

    const check = options.check === true;
    if (!check)
      await applyPackages(
        prepared.map((p) => p.prepared),
        options.hooks,
      );
    const done = performance.now();

    const packages: PackageOutcome[] = prepared.map(({ target, prepared: p }) => ({
      target,
      dir: toPosix(path.relative(cwd, p.dir)) || '.',
      result: resultOf(p, check),
    }));
    return {
      title: api.title,
      openapi: api.openapi,
      specPath: emitOptions.specPath,
      configFile,
      emitOptions,
      operations: api.operations.length,
      schemas: api.schemas.size,
      webhooks: api.webhooks.length,
      pagination: paginationSummary(api),
      packages,
      diagnostics: [...recovery.diagnostics, ...diagnostics, ...prepared.flatMap((p) => p.prepared.diagnostics)],
      check,
      upToDate: !check || (!recovery.pending && packages.every((p) => p.result.changed.length === 0)),
      timings: {
        loadMs: loadedAt - started,
        modelMs: modelAt - loadedAt,
        emitMs: emitAt - modelAt,
        formatMs,
        writeMs: done - emitAt - formatMs,
        totalMs: done - started,
      },
    };
  });
}

/**
 * Runs `body`; a file-system error (EACCES, ENOSPC, an --out that is a file, …) becomes a diagnostic, not a crash, and
 * what recovery did is said even when the run fails.
 */
async function sayingRecovery<T>(recovery: { diagnostics: Diagnostic[] }, cwd: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (caught) {
    const error = asWriteError(caught, cwd);
    if (recovery.diagnostics.length === 0 || !(error instanceof GenerateError) || error instanceof UsageError) throw error;
    throw new GenerateError([...error.diagnostics, ...recovery.diagnostics]);
  }
}

/** Finishes (or with `check` reports) an interrupted write of each target's folder (see `recoverPackage`). */
async function recoverOutput(out: string, targets: readonly Target[], check: boolean, cwd: string): Promise<{ diagnostics: Diagnostic[]; pending: boolean }> {
  const diagnostics: Diagnostic[] = [];
  let pending = false;
  try {
    for (const target of targets) {
      const r = await recoverPackage(path.join(out, target), { check, cwd });
      diagnostics.push(...r.diagnostics);
      pending ||= r.pending;
    }
  } catch (error) {
    throw asWriteError(error, cwd);
  }
  return { diagnostics, pending };
}

/**
 * load → model; the document is dropped once the model is built.
 * @param strict warnings of either stage are errors (thrown together, with the notes)
 * @param clientNameOf the client class name for a title, when the client package is generated: its names are checked
 * @throws {GenerateError} with the errors of load or model; with `strict`, with every warning as an error
 */
async function loadAndModel(
  cwd: string,
  specInput: string,
  strict: boolean,
  clientNameOf: ((title: string) => string) | undefined,
): Promise<{ api: Api; diagnostics: Diagnostic[]; loadedAt: number }> {
  const loaded = await loadDocument(specInput, { cwd });
  const loadedAt = performance.now();
  const { api, diagnostics } = buildModel(loaded);
  const all = [...loaded.diagnostics, ...diagnostics];
  const names = clientNameOf === undefined ? undefined : clientNames(api, clientNameOf(api.title));
  const clientWarnings: Array<Omit<Diagnostic, 'severity'> & { pointer: string }> = [
    // A type the client package cannot re-export under its name (model/client-names.ts `shadowed`).
    ...(names?.shadowed ?? []).map(({ name, pointer, by }) => ({
      code: 'model/client-export-shadowed',
      message: `the client package does not re-export the types package's ${name}: its own ${name} (${holder(by)}) holds the name; import ${name} from the types package`,
      pointer,
    })),
    // A security scheme the client cannot apply: its requirements are left out of the operations (model/auth.ts).
    ...(names === undefined ? [] : api.securitySchemes.filter((s) => !clientAppliesScheme(s))).map((s) => ({
      code: 'model/security-scheme-unsupported',
      message: `the client cannot apply security scheme ${s.key} (${s.type === 'http' ? `http ${s.scheme ?? ''}` : s.type}): an operation that accepts only it is sent without credentials; send them through a middleware or per-request headers`,
      pointer: child('#/components/securitySchemes', s.key),
    })),
    // An export of the client suffixed because another holds its name (model/client-names.ts `collisions`).
    ...(names?.collisions ?? []).map(({ wanted, name, pointer, by, what }) => ({
      code: 'model/client-name-collision',
      message: `the ${what} would be ${wanted}, already used by ${holder(by)}; using ${name}`,
      pointer,
    })),
  ];
  for (const w of clientWarnings) all.push(placed({ severity: 'warning', ...w }, loaded.locate(w.pointer)));
  if (strict && all.some((d) => d.severity === 'warning')) {
    throw new GenerateError(all.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const, message: `${d.message} [--strict]` } : d)));
  }
  return { api, diagnostics: all, loadedAt };
}

/** What holds a name of the client package, for a message: a pointer, a file, `a type of the client class`, …. */
function holder(by: string): string {
  return by === 'client' ? 'a type of the client class' : by === 'types package' ? 'a type of the types package' : by;
}

/**
 * The folder the banner's spec path is relative to: the repository root of the spec, else the output root. Never the
 * working directory, so the same document and options give the same bytes wherever the command runs.
 */
function bannerBase(specAbs: string, out: string): string {
  return findRepoRoot(path.dirname(specAbs)) ?? out;
}

/**
 * The command a banner tells the reader to run when no config names one: this run's `sdkgen generate` line, run from
 * {@link bannerBase} (the spec's repository root, else the output root), with the names given. The spec and the output
 * folder are relative to that folder; an output folder outside the repository is not named but stands as
 * `--out <output-folder>` (its path would carry where the run happened, e.g. a temporary folder), so the bytes depend
 * neither on the working directory nor on it.
 */
function regenerateCommand(specAbs: string, out: string, targets: readonly Target[], names: PackageNames): string {
  const quote = (s: string): string => (/^[\w@./:-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  const base = bannerBase(specAbs, out);
  const outRel = toPosix(path.relative(base, out)) || '.';
  const parts = ['sdkgen generate', quote(toPosix(path.relative(base, specAbs)) || '.')];
  // Outside the repository: a placeholder, so that the line still says what to pass (it would not run without one).
  parts.push('--out', !outRel.startsWith('../') && !path.isAbsolute(outRel) ? quote(outRel) : '<output-folder>');
  if (names.name !== undefined) parts.push('--name', quote(names.name));
  if (names.scope !== undefined) parts.push('--scope', quote(names.scope));
  if (targets.length === 1 && targets[0] !== undefined) parts.push('--only', targets[0]);
  return parts.join(' ');
}

/**
 * The config's licence and repository fields, and each package's folder relative to the output's repository root (for
 * `repository.directory`; none when the output is outside a repository).
 */
function packageInfo(config: SdkgenConfig, out: string): PackageInfo {
  const info: PackageInfo = {};
  for (const key of ['license', 'copyright', 'repository', 'homepage', 'bugs'] as const) {
    const value = config[key];
    if (value !== undefined) info[key] = value;
  }
  const root = findRepoRoot(out);
  if (root !== undefined) {
    const directories: NonNullable<PackageInfo['directories']> = {};
    for (const target of TARGETS) {
      const rel = toPosix(path.relative(root, path.join(out, target)));
      if (rel !== '' && !rel.startsWith('../') && !path.isAbsolute(rel)) directories[target] = rel;
    }
    info.directories = directories;
  }
  return info;
}

async function existingVersions(out: string): Promise<EmitOptions['existingVersions']> {
  const versions: EmitOptions['existingVersions'] = {};
  for (const target of TARGETS) {
    try {
      const pkg = JSON.parse(await fs.readFile(path.join(out, target, 'package.json'), 'utf8')) as {
        version?: unknown;
      };
      if (typeof pkg.version === 'string') versions[target] = pkg.version;
    } catch {
      // No package yet (or unreadable): the emitter picks its initial version.
    }
  }
  return versions;
}

function paginationSummary(api: Api): GenerateResult['pagination'] {
  return api.operations.flatMap((op) =>
    op.pagination
      ? [
          {
            operationId: op.operationId,
            source: op.pagination.source,
            reason: op.pagination.reason,
          },
        ]
      : [],
  );
}

/** A usage problem (bad option value, missing argument): the CLI exits with 2 for these. */
export class UsageError extends GenerateError {
  override readonly name = 'UsageError';
}

/** A usage error, followed by the notes that explain it (`sdkgen` prints their messages after the error's). */
function usage(message: string, notes: readonly Diagnostic[] = []): UsageError {
  return new UsageError([{ severity: 'error', code: 'usage', message }, ...notes]);
}
