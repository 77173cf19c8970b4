/**
 * The output of `sdkgen diff`: readable text (grouped by class, one line a change, colours only when
 * asked for) or JSON.
 */
import { CHANGE_CLASSES, type Change, type ChangeClass } from './change.js';
import type { DiffResult } from './index.js';

/** Where the changesets stand against the diff (present with `--check` and `--write-changeset`). */
export interface ChangesetStatus {
  /** The packages' current version, if known (from the output folder's package.json). */
  version?: string;
  /** The bump the diff needs (`undefined`: nothing changed). */
  required?: ChangeClass;
  /** The highest bump the pending changesets ask for. */
  pending?: ChangeClass;
  /** Pending changeset files that bump the packages. */
  files: string[];
  /** True when the pending changesets ask for at least what the diff needs. */
  ok: boolean;
  /** The changeset written by `--write-changeset`, relative to the working directory. */
  written?: string;
}

/** What a report shows. */
export interface ReportInput {
  result: DiffResult;
  /** How the old and new documents were found, e.g. `spec/openapi.yaml at v1.2.0`. */
  oldLabel: string;
  newLabel: string;
  changeset?: ChangesetStatus;
}

/** Proof errors shown in text before `… and N more`. */
const MAX_ERRORS = 10;

const CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 } as const;
type Style = keyof typeof CODES;

/** The text report (see the module comment). `color`: ANSI colours (the caller decides: a TTY, no NO_COLOR). */
export function textReport(input: ReportInput, color: boolean): string {
  const paint = (style: Style, text: string): string => (color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
  const classStyle: Record<ChangeClass, Style> = { major: 'red', minor: 'yellow', patch: 'green' };
  const { result } = input;
  const lines: string[] = [`sdkgen diff: ${input.oldLabel} → ${input.newLabel}`];
  if (result.changes.length === 0) lines.push('', 'No change to the generated packages.');
  for (const cls of CHANGE_CLASSES) {
    const list = result.changes.filter((c) => c.class === cls);
    if (list.length === 0) continue;
    lines.push('', paint(classStyle[cls], `${cls}: ${list.length} change${list.length === 1 ? '' : 's'}`));
    for (const c of list) lines.push(`  ${changeLine(c, paint)}`);
  }
  const proof = result.proof;
  lines.push('');
  if (proof === undefined) lines.push(paint('dim', `proof: ${result.proofSkipped ?? 'not run'}`));
  else {
    const size = `${proof.usage.split('\n').length.toLocaleString('en-US')} lines`;
    lines.push(
      proof.compiles
        ? `proof: code using the old output (${size}) compiles against the new output`
        : paint(
            'red',
            `proof: code using the old output (${size}) does not compile against the new output: ${proof.errors.length} error${proof.errors.length === 1 ? '' : 's'}`,
          ),
    );
    for (const e of proof.errors.slice(0, MAX_ERRORS)) lines.push(`  ${e.region}, line ${e.line}: ${e.message}  ${paint('dim', e.code)}`);
    if (proof.errors.length > MAX_ERRORS) lines.push(`  … and ${proof.errors.length - MAX_ERRORS} more (--json lists them)`);
    if (proof.baselineErrors.length > 0) {
      const regions = [...new Set(proof.baselineErrors.map((e) => e.region))];
      lines.push(paint('yellow', `  not proven (the usage file does not compile against the old output either, a bug in sdkgen diff): ${regions.join(', ')}`));
    }
    if (result.disagreements.length === 0) lines.push('rules and proof agree');
    for (const d of result.disagreements) {
      lines.push(paint('red', `DISAGREEMENT: ${d.message}`));
      for (const c of d.changes) lines.push(`  ${changeLine(c, paint)}`);
      for (const e of d.errors.slice(0, MAX_ERRORS)) lines.push(`  ${e.region}, line ${e.line}: ${e.message}`);
    }
  }
  lines.push('', `verdict: ${result.bump === undefined ? 'no change' : paint(classStyle[result.bump], result.bump)}`);
  const cs = input.changeset;
  if (cs !== undefined) {
    const under0 =
      cs.version !== undefined && /^0\./.test(cs.version) ? ` (the packages are at ${cs.version}: under 0.x a breaking change is a minor bump, D35)` : '';
    const needs = cs.required === undefined ? 'no changeset needed' : `needs a ${cs.required} changeset${under0}`;
    const pending = cs.pending === undefined ? 'none pending' : `pending: ${cs.pending} (${cs.files.join(', ')})`;
    lines.push(`changeset: ${needs}; ${pending}${cs.required === undefined ? '' : cs.ok ? ' ✓' : ''}`);
    if (cs.written !== undefined) lines.push(`changeset written: ${cs.written}`);
  }
  return `${lines.join('\n')}\n`;
}

function changeLine(c: Change, paint: (style: Style, text: string) => string): string {
  const where = c.symbol ?? c.pointer;
  const extra = [c.operation !== undefined && !where.includes(c.operation) ? c.operation : undefined, c.symbol !== undefined ? c.pointer : undefined].filter(
    (x): x is string => x !== undefined && x !== '#',
  );
  return `${where}: ${c.message}${extra.length > 0 ? `  ${paint('dim', `(${extra.join(', ')})`)}` : ''}`;
}

/** The JSON report: everything but the usage file's text (its size in lines instead). */
export function jsonReport(input: ReportInput): string {
  const { result } = input;
  const proof =
    result.proof === undefined
      ? { skipped: result.proofSkipped ?? 'not run' }
      : {
          compiles: result.proof.compiles,
          errors: result.proof.errors,
          baselineErrors: result.proof.baselineErrors,
          usageLines: result.proof.usage.split('\n').length,
        };
  const out = {
    old: { ...result.old, source: input.oldLabel },
    new: { ...result.new, source: input.newLabel },
    bump: result.bump ?? null,
    rules: result.rules ?? null,
    changes: result.changes,
    proof,
    disagreements: result.disagreements,
    changeset: input.changeset ?? null,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
