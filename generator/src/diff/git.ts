/**
 * The old document from git: the base ref (given, else the last release tag, else `HEAD`) and the
 * spec at that ref, read with `git show <ref>:<path>` together with every file it reaches through
 * relative `$ref`s, copied into a temporary folder with the repository's layout.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

/** A problem reading from git: the CLI reports its message and exits with 1. */
export class GitError extends Error {
  override readonly name = 'GitError';
}

/** Runs git in `cwd`; resolves to its stdout. @throws {GitError} with git's message when it fails */
export function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new GitError(`git ${args.join(' ')}: ${(stderr || error.message).trim()}`));
      else resolve(stdout);
    });
  });
}

/** The base the old document is read at. */
export interface BaseRef {
  /** What was given or found: `v1.2.0`, `@acme/types@0.3.0`, `HEAD`. */
  ref: string;
  /** Why this one: `given`, `last release tag`, `no release tag`. */
  reason: string;
}

/**
 * The ref to compare against: `given`, else the nearest tag reachable from `HEAD` that looks like a
 * release of the types package (`<typesPackageName>@<version>`, as `changeset publish` tags) or a
 * `v<version>` tag, else `HEAD`.
 *
 * @param cwd a folder of a git repository (the caller has found the repository's root from it)
 * @throws {GitError} when `given` names no commit
 */
export async function resolveBase(cwd: string, typesPackageName: string, given?: string): Promise<BaseRef> {
  if (given !== undefined) {
    await git(cwd, ['rev-parse', '--verify', '--quiet', `${given}^{commit}`]).catch(() => {
      throw new GitError(`--base ${given}: no such commit, branch or tag`);
    });
    return { ref: given, reason: 'given' };
  }
  for (const pattern of [`${typesPackageName}@*`, 'v[0-9]*']) {
    const tag = (await git(cwd, ['describe', '--tags', '--abbrev=0', '--match', pattern, 'HEAD']).catch(() => '')).trim();
    if (tag !== '') return { ref: tag, reason: 'last release tag' };
  }
  return { ref: 'HEAD', reason: 'no release tag' };
}

/** The old document, materialised. */
export interface OldSpec {
  /** Temporary folder holding the files (the repository's layout); remove it with {@link OldSpec.dispose}. */
  dir: string;
  /** The spec's path inside `dir` (the same as in the repository). */
  spec: string;
  dispose(): Promise<void>;
}

/**
 * Reads `specPath` (relative to the repository root) at `ref` and every file its relative `$ref`s
 * reach, into a new temporary folder.
 *
 * @param root the repository root
 * @throws {GitError} when the spec (or a file it references) does not exist at `ref`
 */
export async function readSpecAt(root: string, ref: string, specPath: string): Promise<OldSpec> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sdkgen-diff-'));
  const spec = path.posix.normalize(specPath);
  const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const queue = [spec];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const file = queue.shift() as string;
      let text: string;
      try {
        text = await git(root, ['show', `${ref}:${file}`]);
      } catch {
        const what = file === spec ? 'the spec' : `${file} (referenced by the spec)`;
        throw new GitError(`${what} does not exist at ${ref}: git show ${ref}:${file} failed`);
      }
      const target = path.join(dir, ...file.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text);
      for (const ref_ of externalRefs(text)) {
        const next = path.posix.normalize(path.posix.join(path.posix.dirname(file), ref_));
        if (next.startsWith('../') || seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { dir, spec: path.join(dir, ...spec.split('/')), dispose };
}

/** The file parts of every relative `$ref` in a YAML or JSON text (URLs and local `#…` refs left out). */
export function externalRefs(text: string): string[] {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: -1 });
  } catch {
    return []; // Not YAML (the loader reports it when it reads the file).
  }
  const out = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          const file = value.split('#')[0] ?? '';
          if (file !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(file)) out.add(decoded(file));
        } else visit(value);
      }
    }
  };
  visit(doc);
  return [...out].sort();
}

/** `file` with percent-escapes decoded (as the loader reads a `$ref`), or as it is when they are malformed. */
function decoded(file: string): string {
  try {
    return decodeURI(file);
  } catch {
    return file;
  }
}
