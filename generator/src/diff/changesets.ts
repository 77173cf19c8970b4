/**
 * Changesets for the generated packages (a fixed group: one version for both): the bump a diff needs,
 * the bump the pending changesets ask for, and writing one.
 *
 * Under 0.x (D35) the bump moves one place down, as npm's caret ranges read versions: `^0.3.1`
 * accepts 0.3.x and nothing else, so a breaking change needs a `minor` changeset (0.3 → 0.4) and an
 * addition or a documentation fix a `patch` one. Leaving 0.x (a `major` changeset, to 1.0.0) is a
 * decision people make; the diff never asks for it.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parse } from 'yaml';
import { type Change, type ChangeClass, highestClass } from './change.js';

/**
 * The changeset bump a diff of class `cls` needs, for packages at `version` (see the module
 * comment): itself from 1.0.0 on; one place down under 0.x (`major` → `minor`, else `patch`).
 */
export function requiredBump(cls: ChangeClass, version: string): ChangeClass {
  if (!/^0\./.test(version)) return cls;
  return cls === 'major' ? 'minor' : 'patch';
}

/** One pending changeset: its file and what it asks for the packages of interest. */
export interface PendingChangeset {
  /** File name inside the changeset folder (a `.md` file). */
  file: string;
  /** Package name → bump, for the packages asked about. */
  bumps: Record<string, ChangeClass>;
}

/**
 * The pending changesets in `dir` (`*.md` but `README.md`) that bump any of `packages`.
 *
 * @throws Error when a changeset's front matter is not valid YAML (changesets would reject it too)
 */
export async function pendingChangesets(dir: string, packages: readonly string[]): Promise<PendingChangeset[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').sort();
  } catch {
    return [];
  }
  const out: PendingChangeset[] = [];
  for (const file of names) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (m === null) continue;
    let front: unknown;
    try {
      front = parse(m[1] ?? '');
    } catch (error) {
      throw new Error(`${file}: invalid changeset front matter (${(error as Error).message})`);
    }
    const bumps: Record<string, ChangeClass> = {};
    if (front !== null && typeof front === 'object') {
      for (const [name, bump] of Object.entries(front as Record<string, unknown>)) {
        if (packages.includes(name) && (bump === 'major' || bump === 'minor' || bump === 'patch')) bumps[name] = bump;
      }
    }
    if (Object.keys(bumps).length > 0) out.push({ file, bumps });
  }
  return out;
}

/** The highest bump the pending changesets ask for any of the packages (a fixed group moves together). */
export function pendingBump(pending: readonly PendingChangeset[]): ChangeClass | undefined {
  return highestClass(pending.flatMap((c) => Object.values(c.bumps)));
}

/** How many changes of each class a changeset summary lists before `… and N more`. */
const SUMMARY_LINES = 12;

/**
 * The text of a changeset bumping every package of `packages` by `bump`, summarising `changes`
 * (the major and minor ones one a line, then the number of documentation changes).
 */
export function changesetText(packages: readonly string[], bump: ChangeClass, changes: readonly Change[], title: string): string {
  const lines = ['---', ...packages.map((p) => `'${p}': ${bump}`), '---', ''];
  lines.push(`${title}`, '');
  for (const cls of ['major', 'minor'] as const) {
    const list = changes.filter((c) => c.class === cls);
    if (list.length === 0) continue;
    lines.push(cls === 'major' ? 'Breaking:' : 'Added:', '');
    for (const c of list.slice(0, SUMMARY_LINES)) lines.push(`- ${c.symbol !== undefined ? `\`${c.symbol}\`: ` : ''}${c.message}`);
    if (list.length > SUMMARY_LINES) lines.push(`- … and ${list.length - SUMMARY_LINES} more (\`sdkgen diff\` lists them)`);
    lines.push('');
  }
  const docs = changes.filter((c) => c.class === 'patch').length;
  if (docs > 0) lines.push(`Documentation: ${docs} change${docs === 1 ? '' : 's'} (descriptions, summaries, examples).`, '');
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * Writes `text` as a new changeset in `dir`, named `spec-<hash>.md` after its contents (writing
 * the same changeset twice gives the same file). Resolves to the file's path.
 */
export async function writeChangeset(dir: string, text: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `spec-${createHash('sha256').update(text).digest('hex').slice(0, 8)}.md`);
  await writeFile(file, text);
  return file;
}
