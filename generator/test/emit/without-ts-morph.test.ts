/**
 * Generating loads neither ts-morph nor the TypeScript compiler (about 0.5 s at start-up, and the
 * generator's heaviest dependency): both emitters build their own nodes and emit/ts/printer.ts
 * prints them (docs/decisions.md D29, D32).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

test('the compiled generator writes both packages without loading ts-morph or typescript', () => {
  const generatorDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const out = mkdtempSync(path.join(os.tmpdir(), 'sdkgen-kinds-'));
  const spec = path.join(generatorDir, '../spec/openapi.yaml');
  const script = [
    "const { generate } = await import('./dist/generate.js');",
    "const loaded = (name) => Object.keys(require('node:module')._cache).some((k) => k.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`));",
    `const result = await generate({ spec: ${JSON.stringify(spec)}, out: ${JSON.stringify(out)}, config: false });`,
    "console.log(JSON.stringify({ files: result.packages.map((p) => p.result.written.length > 10), tsMorph: loaded('ts-morph'), typescript: loaded('typescript') }));",
  ].join('\n');
  const stdout = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { createRequire } from 'node:module'; import * as path from 'node:path'; const require = createRequire(import.meta.url);\n${script}`,
    ],
    { cwd: generatorDir, encoding: 'utf8' },
  );
  rmSync(out, { recursive: true, force: true });
  expect(JSON.parse(stdout.trim().split('\n').pop() ?? '')).toEqual({ files: [true, true], tsMorph: false, typescript: false });
}, 60_000);
