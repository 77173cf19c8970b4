import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Every file under `dir` (relative POSIX path → bytes as text), sorted. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else out[child] = fs.readFileSync(path.join(dir, child), 'utf8');
    }
  };
  if (fs.existsSync(dir)) walk('');
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A fresh temporary folder holding a `.prettierrc.json` like the repository's. */
export function tempRoot(prefix = 'sdkgen-test-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.writeFileSync(
    path.join(root, '.prettierrc.json'),
    JSON.stringify({ printWidth: 100, singleQuote: true, trailingComma: 'all', semi: true, endOfLine: 'lf' }),
  );
  return root;
}
