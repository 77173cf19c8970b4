/**
 * The bench's "as installed" tsc rows (bench/src/tools.mjs `writeInstalledConsumer`, docs/decisions.md D48):
 * the consumer's program must hold our packages' declarations only (what a user's project gets from npm), and
 * type-check with no error, for types only and for types + client.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/src/generate.js';
import { benchDocs, cacheDir } from '../src/paths.mjs';
import { sampleCall, tscBin, writeConsumer, writeInstalledConsumer } from '../src/tools.mjs';

const root = path.join(cacheDir, 'test-installed');
const spec = benchDocs.small.file;

/** `tsc -p <dir>` with extra flags: its exit status and output lines. */
function tsc(dir: string, ...flags: string[]): { status: number | null; lines: string[] } {
  const r = spawnSync(process.execPath, [tscBin, '-p', path.join(dir, 'tsconfig.json'), '--pretty', 'false', ...flags], { encoding: 'utf8' });
  return { status: r.status, lines: r.stdout.split('\n').filter((l) => l.trim() !== '') };
}

describe.each([
  ['sdkgen-types', ['types'] as const],
  ['sdkgen-all', ['types', 'client'] as const],
])('%s as installed', (tool, targets) => {
  const out = path.join(root, tool);
  let installed = '';
  beforeAll(async () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    await generate({ spec, out, config: false, name: 'Bench', scope: '@bench', targets: [...targets] });
    writeConsumer(tool, out, sampleCall(spec));
    installed = writeInstalledConsumer(tool, out);
  }, 120_000);

  it("holds the packages' declarations, not their sources", () => {
    const { status, lines } = tsc(installed, '--listFilesOnly');
    expect(status).toBe(0);
    const ours = lines.filter((f) => path.resolve(f).startsWith(out));
    expect(ours).toContain(path.join(installed, 'consumer.ts'));
    expect(ours).toContain(path.join(installed, 'dts/types/src/index.d.ts'));
    if (tool === 'sdkgen-all') expect(ours).toContain(path.join(installed, 'dts/client/src/index.d.ts'));
    expect(ours.filter((f) => !f.endsWith('.d.ts') && f !== path.join(installed, 'consumer.ts'))).toEqual([]);
    expect(existsSync(path.join(installed, 'dts/types/src/openapi.d.ts'))).toBe(true);
  }, 120_000);

  it('type-checks the consumer with no error', () => {
    const { status, lines } = tsc(installed);
    expect(lines.filter((l) => l.includes('error TS'))).toEqual([]);
    expect(status).toBe(0);
  }, 120_000);
});
