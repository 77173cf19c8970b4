/**
 * Generating a types package does not load ts-morph and the TypeScript compiler (about 0.5 s at
 * start-up): the types emitter builds its own nodes and emit/ts/printer.ts prints them. The client
 * emitter still prints through ts-morph.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

test('the compiled generator generates a types package without loading ts-morph (and loads it for a client)', () => {
  const generatorDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const out1 = mkdtempSync(path.join(os.tmpdir(), 'sdkgen-kinds-'));
  const spec = path.join(generatorDir, '../spec/openapi.yaml');
  const script = [
    "const { generate } = await import('./dist/generate.js');",
    "const loaded = () => Object.keys(require('node:module')._cache).some((k) => k.includes('ts-morph'));",
    `const types = await generate({ spec: ${JSON.stringify(spec)}, out: ${JSON.stringify(out1)}, config: false, targets: ['types'], cacheDir: false });`,
    'const afterTypes = loaded();',
    `await generate({ spec: ${JSON.stringify(spec)}, out: ${JSON.stringify(out1)}, config: false, targets: ['client'], cacheDir: false });`,
    'console.log(JSON.stringify({ files: types.packages[0].result.written.length > 10, afterTypes, afterClient: loaded() }));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\n${script}`], {
    cwd: generatorDir,
    encoding: 'utf8',
  });
  rmSync(out1, { recursive: true, force: true });
  expect(JSON.parse(out.trim().split('\n').pop() ?? '')).toEqual({ files: true, afterTypes: false, afterClient: true });
}, 60_000);
