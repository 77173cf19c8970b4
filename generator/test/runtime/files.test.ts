import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../runtime/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
const HEADER = '// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.';

describe('runtime files', () => {
  it('exist', () => {
    expect(files).toEqual(expect.arrayContaining(['client.ts', 'errors.ts', 'pagination.ts', 'webhooks.ts', 'token-provider.ts', 'types.ts', 'index.ts']));
  });
  it.each(files)('%s starts with the header, imports nothing from node: or packages, uses .js suffixes, no any', (file) => {
    const text = readFileSync(dir + file, 'utf8');
    expect(text.split('\n')[0]).toBe(HEADER);
    const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
    for (const s of specifiers) {
      expect(s, `${file} imports ${s}`).toMatch(/^\.\/[a-z-]+\.js$/);
    }
    expect(text).not.toMatch(/['"]node:/);
    expect(text).not.toMatch(/\bprocess\./);
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    expect(code).not.toMatch(/:\s*any\b|as any\b|<any>/);
  });
  it('no module does work at load time (only declarations at the top level)', () => {
    for (const file of files) {
      const text = readFileSync(dir + file, 'utf8');
      const topLevel = text.split('\n').filter((l) => /^[a-zA-Z]/.test(l));
      for (const line of topLevel)
        expect(line, `${file}: ${line}`).toMatch(
          /^(import|export|const|function|class|type|interface|async function|let\b|declare const \w+: unique symbol;$)/,
        );
      // Top-level consts are literals, regexes, symbols or arrow functions, not calls with effects.
      for (const line of topLevel.filter((l) => /^(export )?const /.test(l)))
        expect(line, `${file}: ${line}`).toMatch(/=\s*(\/|\{|\[|'|"|\(|Symbol\.for\(|encode|[0-9]|new Set\(\[)|: [A-Za-z]+ = \(|=$/);
    }
  });
});
