import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { strictCompilerOptions } from '../strict-options.js';

const run = promisify(execFile);

const root = fileURLToPath(new URL('../../../', import.meta.url));
const runtime = join(root, 'generator/runtime');
const compilers = {
  '5.4': join(root, 'node_modules/typescript-5.4/bin/tsc'),
  '5.9': join(root, 'generator/node_modules/typescript/bin/tsc'),
  '7': join(root, 'node_modules/typescript-7/bin/tsc'),
};
const dir = mkdtempSync(join(tmpdir(), 'runtime-tsc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The runtime compiles on its own under the shared strict options (strict-options.ts), no @types/node. */
describe('the runtime compiles alone', () => {
  const cases: Array<[keyof typeof compilers, string[]]> = [
    ['5.4', ['dom']],
    ['5.4', ['webworker']],
    ['7', ['dom']],
  ];
  it(`with ${cases.map(([v, lib]) => `TS ${v} + ${lib.join('/')}`).join(', ')}`, async () => {
    const results = await Promise.all(
      cases.map(async ([version, lib]) => {
        const tsc = compilers[version];
        if (!existsSync(tsc)) return `${version}: missing compiler ${tsc}`;
        const config = join(dir, `tsconfig.${version}.${lib.join('-')}.json`);
        writeFileSync(
          config,
          JSON.stringify({
            // The shared strict options; only the lib varies (DOM, or a worker's globals without DOM).
            compilerOptions: { ...strictCompilerOptions, lib: ['ES2022', ...lib] },
            include: [join(runtime, '*.ts')],
          }),
        );
        try {
          await run(process.execPath, [tsc, '-p', config], { encoding: 'utf8' });
          return '';
        } catch (err) {
          return `TS ${version} + ${lib.join('/')}: ${String((err as { stdout?: string }).stdout ?? err)}`;
        }
      }),
    );
    expect(results.filter(Boolean)).toEqual([]);
  }, 240_000);
});
