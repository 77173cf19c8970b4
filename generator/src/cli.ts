import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { cac } from 'cac';
import { FORMAT_MODES, type FormatMode } from './config.js';
import { type Diagnostic, formatDiagnostic, GenerateError } from './diagnostics.js';
import { type GenerateOptions, type GenerateResult, generate, TARGETS, type Target, UsageError } from './generate.js';
import { generatorRoot } from './package-root.js';

/** Where the CLI writes; injectable for tests. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Working directory. Default `process.cwd()`. */
  cwd?: string;
}

const defaultIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Options of `sdkgen generate`: one table for parsing and for `--help`. */
const OPTIONS: ReadonlyArray<{ flags: string; description: string }> = [
  { flags: '-o, --out <dir>', description: 'Output root: packages go to <dir>/types and <dir>/client (or "out" in the config)' },
  { flags: '--name <ClientName>', description: 'Client class name (default: from info.title, e.g. "Improvado Embedded API v3" → Improvado)' },
  { flags: '--scope <@npm-scope>', description: 'npm scope of both packages (default: @<name in lower case>)' },
  { flags: '--config <file>', description: 'Config file (default: nearest sdkgen.config.json up to the repository root)' },
  { flags: '--no-config', description: 'Use no config file' },
  { flags: '--only <target>', description: 'Write one package only: types or client (default: both)' },
  { flags: '--check', description: 'Write nothing; exit 1 and list the files that would change' },
  { flags: '--strict', description: 'Treat every warning about the document as an error (nothing is written while one remains)' },
  { flags: '--quiet', description: 'Print errors only (no summary, no warnings)' },
  { flags: '--format <how>', description: "TypeScript: printer (default: prettier's layout, width 100, single quotes) or prettier (your prettier config)" },
  { flags: '-h, --help', description: 'Show this help' },
  { flags: '-v, --version', description: 'Show the version' },
];

function helpText(version: string): string {
  const width = Math.max(...OPTIONS.map((o) => o.flags.length));
  return [
    `sdkgen ${version}: OpenAPI 3.0/3.1 → TypeScript types package and fetch client`,
    '',
    'Usage:',
    '  sdkgen generate <spec> --out <dir> [options]',
    '  sdkgen diff <old-spec> <new-spec> | [<spec>] [--base <ref>] [options]',
    '',
    'Commands:',
    '  generate <spec>  Load, validate and bundle <spec> (YAML or JSON, $refs across files), then write',
    '                   <out>/types and <out>/client: formatted, atomically, only what changed',
    '  diff             Classify a spec change by what it does to the generated packages (major, minor,',
    '                   patch), check pending changesets (see sdkgen diff --help)',
    '',
    'Options:',
    ...OPTIONS.map((o) => `  ${o.flags.padEnd(width)}  ${o.description}`),
    '',
    'Exit codes: 0 success; 1 errors, or --check found differences; 2 usage error.',
    '',
    'Examples:',
    '  sdkgen generate spec/openapi.yaml --out packages --scope @improvado-sdk --name Improvado',
    '  sdkgen generate ../../spec/openapi.yaml --out .. --only types --quiet',
    '  sdkgen generate spec/openapi.yaml --out packages --check',
    '',
  ].join('\n');
}

function generatorVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(generatorRoot(), 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

interface ParsedOptions {
  out?: string;
  name?: string;
  scope?: string;
  config?: string | boolean;
  only?: string;
  check?: boolean;
  strict?: boolean;
  quiet?: boolean;
  format?: string;
  help?: boolean;
  version?: boolean;
}

/**
 * Runs the `sdkgen` command line.
 *
 * @param argv arguments after the program name (`process.argv.slice(2)`)
 * @returns the exit code: 0 success; 1 errors (reported all at once) or `--check` differences;
 *   2 usage error (unknown command or option, missing or invalid argument)
 */
export async function main(argv: readonly string[], io: CliIO = defaultIO): Promise<number> {
  if (argv[0] === 'diff') {
    // Loaded on demand: the diff brings the TypeScript compiler.
    const { diffCommand } = await import('./diff/command.js');
    return diffCommand(argv.slice(1), { ...io, tty: io === defaultIO && process.stdout.isTTY === true });
  }
  const version = generatorVersion();
  const cli = cac('sdkgen');
  const command = cli.command('generate [spec]', 'Generate the packages');
  for (const o of OPTIONS) {
    if (/--(help|version)/.test(o.flags)) continue;
    // cac gives a negated option's base a default of `true`, which would then count as a missing
    // `--config <file>` value; '' means "not given".
    command.option(o.flags, o.description, o.flags === '--no-config' ? { default: '' } : undefined);
  }
  cli.option('-h, --help', 'Show this help');
  cli.option('-v, --version', 'Show the version');

  let parsed: { args: ReadonlyArray<string>; options: ParsedOptions };
  try {
    parsed = cli.parse(['node', 'sdkgen', ...argv], { run: false }) as typeof parsed;
    if (parsed.options.help) {
      io.stdout(helpText(version));
      return 0;
    }
    if (parsed.options.version) {
      io.stdout(`${version}\n`);
      return 0;
    }
    if (cli.matchedCommandName !== 'generate') {
      const what = parsed.args[0] === undefined ? 'no command given' : `unknown command '${parsed.args[0]}'`;
      return usageFailure(io, `${what}: run 'sdkgen generate <spec> --out <dir>' (see sdkgen --help)`);
    }
    command.checkUnknownOptions();
    command.checkOptionValue();
    command.checkUnusedArgs();
  } catch (error) {
    return usageFailure(io, error instanceof Error ? error.message : String(error));
  }

  const o = parsed.options;
  const optionsOrProblem = toGenerateOptions(parsed.args[0], o, io.cwd);
  if (typeof optionsOrProblem === 'string') return usageFailure(io, optionsOrProblem);
  const quiet = o.quiet === true;

  let result: GenerateResult;
  try {
    result = await generate(optionsOrProblem);
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(io, error.diagnostics.map((d) => d.message).join('; '));
    if (error instanceof GenerateError) {
      const errors = error.diagnostics.filter((d) => d.severity === 'error');
      const others = quiet ? [] : error.diagnostics.filter((d) => d.severity !== 'error');
      io.stderr(`${[...errors, ...others].map((d) => `${formatDiagnostic(d)}\n`).join('')}`);
      io.stderr(`sdkgen: ${count(errors.length, 'error')}; nothing was written\n`);
      return 1;
    }
    io.stderr(`sdkgen: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }

  if (!quiet) io.stdout(summary(result));
  if (result.check && !result.upToDate) {
    const lines = result.packages.flatMap((p) => p.result.changed.map((c) => `  ${c.change.padEnd(8)} ${p.dir}/${c.path}\n`));
    if (lines.length === 0) io.stderr('sdkgen --check: an interrupted write is pending (run without --check to finish it)\n');
    else io.stderr(`sdkgen --check: ${count(lines.length, 'file')} would change (run without --check):\n${lines.join('')}`);
    return 1;
  }
  return 0;
}

function toGenerateOptions(spec: string | undefined, o: ParsedOptions, cwd: string | undefined): GenerateOptions | string {
  const options: GenerateOptions = {};
  if (spec !== undefined) options.spec = spec;
  if (cwd !== undefined) options.cwd = cwd;
  // cac gives an option given twice as an array of its values.
  for (const key of ['config', 'out', 'name', 'scope', 'only', 'format'] as const) {
    if (Array.isArray(o[key])) return `--${key} is given more than once: give it once`;
  }
  if (o.config === false) options.config = false;
  else if (typeof o.config === 'string' && o.config !== '') options.config = o.config;
  for (const key of ['out', 'name', 'scope'] as const) {
    const value = o[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') return `--${key} needs a value`;
    options[key] = value;
  }
  if (o.only !== undefined) {
    if (!TARGETS.includes(o.only as Target)) return `--only must be one of: ${TARGETS.join(', ')} (got '${String(o.only)}')`;
    options.targets = [o.only as Target];
  }
  if (o.check === true) options.check = true;
  if (o.strict === true) options.strict = true;
  if (o.format !== undefined) {
    if (!(FORMAT_MODES as readonly string[]).includes(String(o.format)))
      return `--format must be one of: ${FORMAT_MODES.join(', ')} (got '${String(o.format)}')`;
    options.format = o.format as FormatMode;
  }
  return options;
}

function usageFailure(io: CliIO, message: string): number {
  io.stderr(`sdkgen: ${message}\nRun 'sdkgen --help' for usage.\n`);
  return 2;
}

/** Warnings listed one by one in the summary; the rest are counted per code. */
const MAX_WARNINGS = 20;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** `1 operation`, `2 operations`, `0 operations`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The end-of-run summary (stdout). Deterministic apart from the times. */
export function summary(r: GenerateResult): string {
  const lines: string[] = [];
  lines.push(`sdkgen: ${r.title} (OpenAPI ${r.openapi}) from ${r.specPath}`);
  lines.push(`  config: ${r.configFile ?? 'none'}`);
  lines.push(`  ${count(r.operations, 'operation')}, ${count(r.schemas, 'schema')}, ${count(r.webhooks, 'webhook')}`);
  for (const p of r.packages) {
    const w = p.result;
    const name = p.target === 'types' ? r.emitOptions.typesPackageName : r.emitOptions.clientPackageName;
    if (r.check) {
      lines.push(`  ${name} → ${p.dir}: ${w.changed.length === 0 ? 'up to date' : `${count(w.changed.length, 'file')} would change`}`);
    } else {
      // The manifest counts like any file: rewritten, it was written.
      const written = w.changed.filter((c) => c.change !== 'removed').length;
      lines.push(`  ${name} → ${p.dir}: ${written} written, ${w.unchanged.length} unchanged, ${w.removed.length} removed`);
    }
  }
  if (r.pagination.length > 0) {
    lines.push(`  pagination: ${count(r.pagination.length, 'operation')}`);
    for (const p of r.pagination) {
      lines.push(`    ${p.operationId}: ${p.source === 'extension' ? 'x-pagination' : `detected (${p.reason})`}`);
    }
  }
  const notes: Diagnostic[] = r.diagnostics.filter((d) => d.severity !== 'info');
  if (notes.length > 0) {
    lines.push(`  ${count(notes.length, 'warning')}:`);
    for (const d of notes.slice(0, MAX_WARNINGS)) lines.push(`    ${formatDiagnostic(d)}`);
    if (notes.length > MAX_WARNINGS) {
      const rest = new Map<string, number>();
      for (const d of notes.slice(MAX_WARNINGS)) rest.set(d.code, (rest.get(d.code) ?? 0) + 1);
      const byCode = [...rest].map(([code, n]) => `${n} ${code}`).join(', ');
      lines.push(`    … and ${notes.length - MAX_WARNINGS} more (${byCode}); the API's GenerateResult.diagnostics has them all`);
    }
  }
  const formatted = r.packages.reduce((n, p) => n + p.result.formatted, 0);
  const t = r.timings;
  lines.push(`  formatting: ${seconds(t.formatMs)} (${count(formatted, 'file')} through prettier)`);
  lines.push(
    `  done in ${seconds(t.totalMs)} (load ${seconds(t.loadMs)}, model ${seconds(t.modelMs)}, emit ${seconds(t.emitMs)}, write ${seconds(t.writeMs)})`,
  );
  return `${lines.join('\n')}\n`;
}
