/**
 * The proof: the usage file written from the old side (`usage.ts`), type-checked first against the
 * old output (it must compile: the baseline) and then against the new output. A region of the file
 * that compiles against the old output and not against the new one is a break, whatever the rules
 * say.
 */
import type { Side } from '../side.js';
import { type CompileError, typeCheck, VIRTUAL_ROOT } from './compile.js';
import { type UsageRegion, usageFile } from './usage.js';

/** One error the new output gives the usage file, with the part of the file it is in. */
export interface ProofError {
  /** `exports`, `operation listRoles`, `webhook newEvent`. */
  region: string;
  operation?: string;
  /** Line in the usage file (1-based). */
  line: number;
  /** The usage file's line, trimmed. */
  code: string;
  /** `TS2322: Type 'string | null' is not assignable to type 'string'.` (first line of the message). */
  message: string;
}

/** What the proof found. */
export interface ProofResult {
  /** True when the usage file compiles against the new output (regions the baseline rejects aside). */
  compiles: boolean;
  errors: ProofError[];
  /**
   * Errors against the OLD output: parts of the usage file the generator got wrong (a bug in
   * `usage.ts`). Their regions are left out of the verdict.
   */
  baselineErrors: ProofError[];
  /** The usage file, for `--json` readers and debugging. */
  usage: string;
}

const USAGE = `${VIRTUAL_ROOT}/usage/usage.ts`;

/** The baseline of each old side already checked (one old side compared with many new ones checks it once). */
const baselines = new WeakMap<Side, { usage: string; errors: CompileError[] }>();

/**
 * Writes the old side's usage file and type-checks it against both sides.
 *
 * @throws Error when the compiler rejects its options (an internal error)
 */
export function runProof(old: Side, neu: Side): ProofResult {
  const usage = usageFile(old, '../old/types/src/index.js');
  const files = new Map<string, string>();
  const add = (dir: string, package_: ReadonlyMap<string, string>): void => {
    for (const [file, text] of package_) if (file.endsWith('.ts') || file === 'package.json') files.set(`${VIRTUAL_ROOT}/${dir}/${file}`, text);
  };
  add('old/types', old.types);
  add('old/client', old.client);
  add('new/types', neu.types);
  add('new/client', neu.client);
  files.set(`${VIRTUAL_ROOT}/usage/package.json`, '{ "type": "module" }\n');
  files.set(USAGE, usage.text);

  // The usage file imports the old package names: the baseline maps them to the old output, the
  // proof to the new one (a renamed package is then a missing module, as it would be for users).
  const cached = baselines.get(old);
  const baseline = cached?.usage === usage.text ? cached.errors : typeCheck({ files, check: USAGE, modules: modules(old, old, 'old') });
  baselines.set(old, { usage: usage.text, errors: baseline });
  const proof = typeCheck({ files, check: USAGE, modules: modules(old, neu, 'new') });

  const lines = usage.text.split('\n');
  const locate = (e: CompileError): ProofError => toProofError(e, usage.regions, lines);
  const baselineErrors = baseline.map(locate);
  const broken = new Set(baselineErrors.map((e) => e.region));
  const errors = proof.map(locate).filter((e) => !broken.has(e.region));
  return { compiles: errors.length === 0, errors, baselineErrors, usage: usage.text };
}

/** The `paths` of one run: the old package names, mapped to the files of `target` (the side in `dir`). */
function modules(old: Side, target: Side, dir: 'old' | 'new'): Record<string, string[]> {
  const { typesPackageName, clientPackageName } = old.options;
  const out: Record<string, string[]> = {};
  // A package the new side names differently does not exist for code written against the old one.
  if (target.options.typesPackageName === typesPackageName) out[typesPackageName] = [`${VIRTUAL_ROOT}/${dir}/types/src/index.ts`];
  if (target.options.clientPackageName === clientPackageName) {
    out[clientPackageName] = [`${VIRTUAL_ROOT}/${dir}/client/src/index.ts`];
    out[`${clientPackageName}/*`] = [`${VIRTUAL_ROOT}/${dir}/client/src/*.ts`];
  }
  return out;
}

function toProofError(e: CompileError, regions: readonly UsageRegion[], lines: readonly string[]): ProofError {
  const region = regions.find((r) => e.line >= r.start && e.line <= r.end);
  const out: ProofError = {
    region: region?.label ?? 'preamble',
    line: e.line,
    code: (lines[e.line - 1] ?? '').trim(),
    message: `${e.code}: ${e.message.split('\n')[0] ?? ''}`,
  };
  if (region?.operation !== undefined) out.operation = region.operation;
  return out;
}
