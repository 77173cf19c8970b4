import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** Name of the manifest in each output directory. */
export const MANIFEST_NAME = '.sdkgen-manifest.json';

/** The generated files of one output directory: package-relative POSIX path → sha256 of its bytes. */
export type Manifest = Map<string, string>;

/** The manifest's hash of a file's text: sha256 of its UTF-8 bytes, hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The manifest's bytes: sorted paths, two-space JSON, LF, trailing newline (stable under prettier).
 * No dates, no versions, no absolute paths.
 */
export function serializeManifest(files: Manifest): string {
  const sorted = [...files.keys()].sort(comparePaths);
  const body = {
    generator: 'sdkgen',
    note: 'Files listed here are generated: do not edit them. Files not listed are never touched.',
    files: Object.fromEntries(sorted.map((p) => [p, files.get(p)!])),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/**
 * The manifest in `dir`, or `undefined` when there is none. Entries whose path is not a safe
 * package-relative path are ignored (a manifest never makes us touch anything outside `dir`).
 */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, MANIFEST_NAME), 'utf8');
  } catch {
    return undefined;
  }
  const files: Manifest = new Map();
  try {
    const parsed = JSON.parse(text) as { files?: unknown };
    if (parsed.files && typeof parsed.files === 'object') {
      for (const [p, hash] of Object.entries(parsed.files as Record<string, unknown>)) {
        if (isSafeRelativePath(p) && typeof hash === 'string') files.set(p, hash);
      }
    }
  } catch {
    // An unreadable manifest lists nothing: nothing is removed as stale.
  }
  return files;
}

/** Relative, POSIX, inside the directory: no `..`, no leading `/`, no backslashes, no empty segments. */
export function isSafeRelativePath(p: string): boolean {
  if (p === '' || p.startsWith('/') || p.includes('\\') || /^[a-zA-Z]:/.test(p)) return false;
  return p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/** Code-unit order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
