/**
 * `sdkgen diff`: the command line of the diff (issue 18, D35).
 *
 * - `sdkgen diff <old-spec> <new-spec>`: two files;
 * - `sdkgen diff [<spec>] [--base <ref>]`: the spec (default: the config's) in the working tree
 *   against the same path at `<ref>` (default: the last release tag, else `HEAD`).
 *
 * `--check` exits 1 when the pending changesets ask for less than the diff needs; `--write-changeset`
 * writes one that asks for exactly that.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { cac } from 'cac';
import type { CliIO } from '../cli.js';
import { findRepoRoot, type PackageNames, resolveConfig, type SdkgenConfig } from '../config.js';
import { formatDiagnostic, GenerateError } from '../diagnostics.js';
import { toPosix } from '../load/paths.js';
import { type ChangeClass, classRank } from './change.js';
import { changesetText, pendingBump, pendingChangesets, requiredBump, writeChangeset } from './changesets.js';
import { GitError, git, readSpecAt, resolveBase } from './git.js';
import { type DiffResult, diffSides } from './index.js';
import { type ChangesetStatus, jsonReport, type ReportInput, textReport } from './report.js';
import { buildSide } from './side.js';

/** Where the command writes (as the CLI's), and whether colours are wanted. */
export interface DiffIO extends CliIO {
  /** stdout is a terminal (colours are used unless NO_COLOR is set). */
  tty?: boolean;
  /** The environment (for NO_COLOR). Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

const OPTIONS: ReadonlyArray<{ flags: string; description: string }> = [
  { flags: '--base <ref>', description: 'Git ref the old spec is read at (default: the last release tag, else HEAD)' },
  { flags: '--json', description: 'Print the report as JSON' },
  { flags: '--check', description: 'Exit 1 when the pending changesets ask for less than the diff needs' },
  { flags: '--write-changeset', description: 'Write a changeset (.changeset/spec-<hash>.md) with the bump and a summary' },
  { flags: '--no-proof', description: 'Rules only: skip type-checking code written for the old output against the new one' },
  { flags: '--config <file>', description: 'Config file (default: nearest sdkgen.config.json up to the repository root)' },
  { flags: '--no-config', description: 'Use no config file' },
  { flags: '--name <ClientName>', description: "Client class name (default: the config's, else from info.title)" },
  { flags: '--scope <@npm-scope>', description: "npm scope of both packages (default: the config's, else from the name)" },
  { flags: '-h, --help', description: 'Show this help' },
];

/** `sdkgen diff --help`. */
export function diffHelpText(): string {
  const width = Math.max(...OPTIONS.map((o) => o.flags.length));
  return [
    'Usage:',
    '  sdkgen diff <old-spec> <new-spec> [options]',
    '  sdkgen diff [<spec>] [--base <ref>] [options]',
    '',
    'Compares two OpenAPI documents by what they generate: every change with its class (major: breaks',
    'code compiled against the packages; minor: adds; patch: documentation), checked by compiling code',
    "written for the old output against the new one. Without two files: <spec> (default: the config's)",
    'in the working tree against the same path at --base.',
    '',
    'Options:',
    ...OPTIONS.map((o) => `  ${o.flags.padEnd(width)}  ${o.description}`),
    '',
    'Exit codes: 0 done (and, with --check, the pending changesets are enough); 1 a document, git or',
    'changeset problem, or --check failed; 2 usage error.',
    '',
    'Examples:',
    '  sdkgen diff old.yaml new.yaml',
    '  sdkgen diff --base v1.4.0 --json',
    '  sdkgen diff --check',
    '',
  ].join('\n');
}

interface Parsed {
  base?: string;
  json?: boolean;
  check?: boolean;
  writeChangeset?: boolean;
  proof?: boolean;
  config?: string | boolean;
  name?: string;
  scope?: string;
  help?: boolean;
}

/**
 * Runs `sdkgen diff` with the arguments after `diff`.
 *
 * @returns the exit code: 0 done; 1 a document, git or changeset problem, or `--check` failed; 2 usage error
 */
export async function diffCommand(argv: readonly string[], io: DiffIO): Promise<number> {
  const cli = cac('sdkgen diff');
  const command = cli.command('[...specs]', 'Compare two documents');
  for (const o of OPTIONS) {
    if (o.flags.startsWith('-h')) continue;
    command.option(o.flags, o.description, o.flags === '--no-config' ? { default: '' } : undefined);
  }
  cli.option('-h, --help', 'Show this help');
  let args: readonly string[];
  let o: Parsed;
  try {
    const parsed = cli.parse(['node', 'sdkgen', ...argv], { run: false }) as { args: readonly string[]; options: Parsed };
    if (parsed.options.help) {
      io.stdout(diffHelpText());
      return 0;
    }
    command.checkUnknownOptions();
    command.checkOptionValue();
    args = parsed.args;
    o = parsed.options;
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error));
  }
  if (args.length > 2) return usage(io, `at most two specs (old and new), got ${args.length}`);
  if (args.length === 2 && o.base !== undefined) return usage(io, '--base reads the old spec from git: give one spec (the new one) with it, not two');
  for (const key of ['base', 'name', 'scope'] as const) {
    if (o[key] !== undefined && (typeof o[key] !== 'string' || o[key] === '')) return usage(io, `--${key} needs a value`);
  }

  const cwd = io.cwd ?? process.cwd();
  try {
    return await run(args, o, io, cwd);
  } catch (error) {
    if (error instanceof GenerateError) {
      io.stderr(
        `${error.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => `${formatDiagnostic(d)}\n`)
          .join('')}`,
      );
      io.stderr('sdkgen diff: a document does not load (errors above)\n');
      return 1;
    }
    if (error instanceof GitError || error instanceof ConfigProblem) {
      io.stderr(`sdkgen diff: ${error.message}\n`);
      return 1;
    }
    io.stderr(`sdkgen diff: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

class ConfigProblem extends Error {}

async function run(args: readonly string[], o: Parsed, io: DiffIO, cwd: string): Promise<number> {
  const spec = args[args.length - 1];
  const config = await loadConfig(o, cwd, spec);
  const names: PackageNames = {
    name: o.name ?? config.name,
    scope: o.scope ?? config.scope,
    typesPackageName: config.typesPackageName,
    clientPackageName: config.clientPackageName,
  };
  const newSpec = spec !== undefined ? path.resolve(cwd, spec) : config.spec;
  // A usage error (exit 2), like `sdkgen generate` without a spec.
  if (newSpec === undefined) return usage(io, 'no spec given and no config names one (sdkgen diff <old-spec> <new-spec>, or sdkgen diff <spec> --base <ref>)');
  const display = (file: string): string => toPosix(path.relative(cwd, file)) || file;

  const neu = await buildSide(newSpec, cwd, names);
  let result: DiffResult;
  let oldLabel: string;
  if (args.length === 2) {
    const oldSpec = path.resolve(cwd, args[0] as string);
    result = diffSides(await buildSide(oldSpec, cwd, names), neu, { proof: o.proof !== false });
    oldLabel = display(oldSpec);
  } else {
    const root = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
    const specInRepo = toPosix(path.relative(root, newSpec));
    if (specInRepo.startsWith('../')) throw new GitError(`${display(newSpec)} is outside the git repository at ${root}`);
    const base = await resolveBase(cwd, neu.options.typesPackageName, o.base);
    const old = await readSpecAt(root, base.ref, specInRepo);
    try {
      result = diffSides(await buildSide(old.spec, old.dir, names), neu, { proof: o.proof !== false });
    } finally {
      await old.dispose();
    }
    oldLabel = `${specInRepo} at ${base.ref}${base.reason === 'given' ? '' : ` (${base.reason})`}`;
  }

  const input: ReportInput = { result, oldLabel, newLabel: `${display(newSpec)}${args.length === 2 ? '' : ' (working tree)'}` };
  if (o.check === true || o.writeChangeset === true) input.changeset = await changesets(result, neu.options, config, cwd, o.writeChangeset === true, display);
  const env = io.env ?? process.env;
  const color = io.tty === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
  io.stdout(o.json === true ? jsonReport(input) : textReport(input, color));
  if (o.check === true && input.changeset !== undefined && !input.changeset.ok) {
    const cs = input.changeset;
    io.stderr(
      `sdkgen diff --check: the spec changes need a ${cs.required} changeset for ${neu.options.typesPackageName} and ${neu.options.clientPackageName}; ` +
        `the pending changesets ask for ${cs.pending === undefined ? 'nothing' : `only ${cs.pending}`}. ` +
        `Add one: sdkgen diff --write-changeset (or pnpm changeset).\n`,
    );
    return 1;
  }
  return 0;
}

/** The config in use: `--config`, else the nearest one (unless `--no-config`, or it is for another spec than `spec`). */
async function loadConfig(o: Parsed, cwd: string, spec: string | undefined): Promise<SdkgenConfig & { file?: string }> {
  const option = o.config === false ? false : typeof o.config === 'string' && o.config !== '' ? o.config : undefined;
  try {
    const { config, file } = await resolveConfig(option, spec, cwd);
    return file === undefined ? config : { ...config, file: path.resolve(cwd, file) };
  } catch (error) {
    if (error instanceof GenerateError) throw new ConfigProblem(error.diagnostics.map(formatDiagnostic).join('; '));
    throw error;
  }
}

/**
 * The changesets against the diff: the bump it needs (D35's mapping under 0.x, from the version in
 * the config's output folder), the pending changesets in the repository's `.changeset`, and, with
 * `write`, a new changeset asking for the bump (when the pending ones ask for less).
 */
async function changesets(
  result: DiffResult,
  names: { typesPackageName: string; clientPackageName: string },
  config: SdkgenConfig & { file?: string },
  cwd: string,
  write: boolean,
  display: (file: string) => string,
): Promise<ChangesetStatus> {
  const root = config.file !== undefined ? path.dirname(config.file) : (findRepoRoot(cwd) ?? cwd);
  const dir = path.join(root, '.changeset');
  const packages = [names.typesPackageName, names.clientPackageName];
  const version = config.out !== undefined ? await packageVersion(path.join(config.out, 'types', 'package.json')) : undefined;
  const required: ChangeClass | undefined = result.bump === undefined ? undefined : requiredBump(result.bump, version ?? '1.0.0');
  const pending = await pendingChangesets(dir, packages);
  let highest = pendingBump(pending);
  const status: ChangesetStatus = { files: pending.map((p) => p.file), ok: true };
  if (version !== undefined) status.version = version;
  if (required !== undefined) status.required = required;
  const enough = (b: ChangeClass | undefined): boolean => required === undefined || (b !== undefined && classRank(b) >= classRank(required));
  if (write && required !== undefined && !enough(highest)) {
    const file = await writeChangeset(dir, changesetText(packages, required, result.changes, `${result.new.title}: the spec changed (\`sdkgen diff\`).`));
    status.written = display(file);
    status.files.push(path.basename(file));
    highest = required;
  }
  if (highest !== undefined) status.pending = highest;
  status.ok = enough(highest);
  return status;
}

async function packageVersion(file: string): Promise<string | undefined> {
  try {
    const pkg = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

function usage(io: DiffIO, message: string): number {
  io.stderr(`sdkgen diff: ${message}\nRun 'sdkgen diff --help' for usage.\n`);
  return 2;
}
