import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = '@improvado-sdk/generator';
let root: string | undefined;

/**
 * The generator package's folder (the one with its package.json, `runtime/` and, when published,
 * `templates/`): the nearest folder above this module whose package.json is the generator's. The
 * same answer from `src/` (tests), from the one-file-per-module build and from the bundled `dist/`
 * (D42), whatever the depth of the module that asks.
 * @throws Error when no folder above holds the generator's package.json
 */
export function generatorRoot(): string {
  if (root !== undefined) return root;
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === NAME) {
      root = dir;
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`the ${NAME} package folder was not found above ${start}`);
  }
}
