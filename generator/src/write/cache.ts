import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** Bump when the cache layout or the formatting pipeline changes meaning (2: Markdown tables kept unaligned). */
const CACHE_FORMAT = 2;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The cache key of formatted text: sha256 of (unformatted text, prettier version, options). */
export function cacheKey(text: string, prettierVersion: string, options: unknown): string {
  return sha256(`${CACHE_FORMAT}\0${prettierVersion}\0${JSON.stringify(options)}\0${text}`);
}

/**
 * Where formatted text is cached by default: `node_modules/.cache/sdkgen/format` in the nearest
 * folder above `fromDir` that has a `node_modules` (the project's own cache folder); `undefined`
 * (no cache) when there is none: nothing is written outside the output and the project's cache.
 */
export function defaultCacheDir(fromDir: string): string | undefined {
  let dir = path.resolve(fromDir);
  for (;;) {
    if (existsSync(path.join(dir, 'node_modules'))) return path.join(dir, 'node_modules', '.cache', 'sdkgen', 'format');
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A folder of formatted texts, one file per key. Reads and writes never throw: a broken cache is a miss. */
export class FormatCache {
  constructor(readonly dir: string) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return await fs.readFile(this.file(key), 'utf8');
    } catch {
      return undefined;
    }
  }

  async set(key: string, formatted: string): Promise<void> {
    const file = this.file(key);
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(tmp, formatted);
      await fs.rename(tmp, file);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), key);
  }
}
