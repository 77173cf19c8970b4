/**
 * The types emitter and the direct printer use ts-morph's StructureKind values as constants
 * (src/emit/structure-kind.ts) so that generating a types package does not load ts-morph and the
 * TypeScript compiler. The constants must be ts-morph's values, and the types package's modules must
 * not load ts-morph.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StructureKind as TsMorphStructureKind } from 'ts-morph';
import { expect, test } from 'vitest';
import { StructureKind } from '../../src/emit/structure-kind.js';

test('each constant is ts-morph’s StructureKind value of the same name', () => {
  const names = Object.keys(StructureKind) as Array<keyof typeof StructureKind>;
  expect(names.length).toBeGreaterThan(5);
  for (const name of names) expect(StructureKind[name], name).toBe(TsMorphStructureKind[name]);
});

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
    // Not the suite's check mode: it prints every file with ts-morph too.
    env: { ...process.env, SDKGEN_CHECK_PRINT: '0' },
  });
  rmSync(out1, { recursive: true, force: true });
  expect(JSON.parse(out.trim().split('\n').pop() ?? '')).toEqual({ files: true, afterTypes: false, afterClient: true });
}, 60_000);
