import * as path from 'node:path';

/**
 * How a file is named in diagnostics: relative to `cwd`, POSIX separators, so that messages
 * (and snapshots of them) are the same on every machine.
 */
export function displayPath(absolutePath: string, cwd: string): string {
  if (/^https?:\/\//.test(absolutePath)) return absolutePath;
  const relative = path.relative(cwd, absolutePath);
  if (relative === '' || path.isAbsolute(relative)) return toPosix(absolutePath);
  return toPosix(relative);
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
