import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { GenerateError } from '../../src/diagnostics.js';
import type { EmittedFile } from '../../src/emit/types.js';
import { MANIFEST_NAME, preparePackage, writePackage } from '../../src/write/index.js';
import { snapshotDir, tempRoot } from './fs-helpers.js';

/** TypeScript as the printer writes it (final), and files prettier formats. */
const files: EmittedFile[] = [
  { path: 'src/index.ts', kind: 'ts', contents: "export * from './pets.js';\n" },
  { path: 'src/pets.ts', kind: 'ts', contents: 'export interface Pet {\n  id: string;\n  name?: string;\n}\n' },
  { path: 'package.json', kind: 'json', contents: '{"name":"@x/types","version":"1.2.3"}' },
  { path: 'README.md', kind: 'md', contents: '# Types\n\n* one\n* two\n' },
  { path: 'LICENSE', kind: 'other', contents: 'MIT  \n' },
];

let root: string;
let out: string;
beforeEach(() => {
  root = tempRoot();
  out = path.join(root, 'packages', 'types');
});

describe('writePackage', () => {
  test('writes the printed TypeScript as it is, formats Markdown and JSON with the prettier config found from the output dir, and writes a sorted manifest', async () => {
    const result = await writePackage(out, files, { check: false });
    const written = snapshotDir(out);
    expect(written['src/index.ts']).toBe("export * from './pets.js';\n");
    expect(written['src/pets.ts']).toBe('export interface Pet {\n  id: string;\n  name?: string;\n}\n');
    expect(written['package.json']).toBe('{ "name": "@x/types", "version": "1.2.3" }\n');
    expect(written['README.md']).toBe('# Types\n\n- one\n- two\n');
    expect(written['LICENSE']).toBe('MIT  \n');
    const manifest = JSON.parse(written[MANIFEST_NAME]!) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).toEqual(['LICENSE', 'README.md', 'package.json', 'src/index.ts', 'src/pets.ts']);
    expect(manifest.files['LICENSE']).toMatch(/^[0-9a-f]{64}$/);
    expect(written[MANIFEST_NAME]).not.toContain(root);
    expect(result.written).toEqual(['LICENSE', 'README.md', 'package.json', 'src/index.ts', 'src/pets.ts']);
    expect(result.formatted).toBe(2);
    expect(result.changed.map((c) => `${c.change} ${c.path}`)).toContain(`added ${MANIFEST_NAME}`);
    // Nothing left beside the output.
    expect(fs.readdirSync(path.dirname(out))).toEqual(['types']);
  });

  test('with format "prettier", TypeScript goes through prettier too, with the output\'s prettier config', async () => {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, '.prettierrc.json'), JSON.stringify({ singleQuote: false, semi: false }));
    const one: EmittedFile[] = [{ path: 'a.ts', kind: 'ts', contents: "const a = 'x';\n" }];
    expect((await preparePackage(out, one)).files[0]!.contents).toBe("const a = 'x';\n");
    const prepared = await preparePackage(out, one, { format: 'prettier' });
    expect(prepared.files[0]!.contents).toBe('const a = "x"\n');
    expect(prepared.formatted).toBe(1);
  });

  test('a second run with the same input writes nothing', async () => {
    await writePackage(out, files, { check: false });
    const mtimes = Object.keys(snapshotDir(out)).map((p) => fs.statSync(path.join(out, p)).mtimeMs);
    const again = await writePackage(out, files, { check: false });
    expect(again.written).toEqual([]);
    expect(again.changed).toEqual([]);
    expect(again.unchanged).toHaveLength(files.length);
    expect(Object.keys(snapshotDir(out)).map((p) => fs.statSync(path.join(out, p)).mtimeMs)).toEqual(mtimes);
  });

  test('stale generated files are removed, empty folders too; hand-written files are never touched', async () => {
    await writePackage(out, files, { check: false });
    fs.mkdirSync(path.join(out, 'src', 'lib'), { recursive: true });
    fs.writeFileSync(path.join(out, 'src', 'lib', 'mine.ts'), 'hand   written');
    fs.writeFileSync(path.join(out, 'CHANGELOG.md'), '#  changes');
    const extra: EmittedFile = { path: 'src/extra/deep.ts', kind: 'ts', contents: 'export {}\n' };
    await writePackage(out, [...files, extra], { check: false });
    expect(fs.existsSync(path.join(out, 'src/extra/deep.ts'))).toBe(true);

    const result = await writePackage(out, files.slice(1), { check: false });
    expect(result.removed).toEqual(['src/extra/deep.ts', 'src/index.ts']);
    const after = snapshotDir(out);
    expect(after['src/index.ts']).toBeUndefined();
    expect(fs.existsSync(path.join(out, 'src/extra'))).toBe(false);
    expect(after['src/lib/mine.ts']).toBe('hand   written');
    expect(after['CHANGELOG.md']).toBe('#  changes');
    const manifest = JSON.parse(after[MANIFEST_NAME]!) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).not.toContain('src/index.ts');
  });

  test('check mode writes nothing and lists what would be added, modified and removed', async () => {
    await writePackage(out, files, { check: false });
    const before = snapshotDir(out);
    const next: EmittedFile[] = [
      ...files.slice(1).map((f) => (f.path === 'src/pets.ts' ? { ...f, contents: 'export interface Pet { id: number }\n' } : f)),
      { path: 'src/new.ts', kind: 'ts', contents: 'export {}\n' },
    ];
    const result = await writePackage(out, next, { check: true });
    expect(result.changed).toEqual([
      { path: MANIFEST_NAME, change: 'modified' },
      { path: 'src/index.ts', change: 'removed' },
      { path: 'src/new.ts', change: 'added' },
      { path: 'src/pets.ts', change: 'modified' },
    ]);
    expect(result.written).toEqual([]);
    expect(snapshotDir(out)).toEqual(before);
    // And a clean check reports nothing.
    expect((await writePackage(out, files, { check: true })).changed).toEqual([]);
  });

  test('a failure in the middle of the swap leaves the previous output byte-identical', async () => {
    await writePackage(out, files, { check: false });
    fs.writeFileSync(path.join(out, 'NOTES.md'), 'mine');
    const before = snapshotDir(out);
    const next = files.map((f) => ({ ...f, contents: `${f.contents}\n// v2\n`, kind: f.kind === 'ts' ? f.kind : ('other' as const) }));
    let swaps = 0;
    await expect(
      writePackage(out, next.slice(1), {
        check: false,
        hooks: {
          beforeSwap: () => {
            if (++swaps === 3) throw new Error('disk full (simulated)');
          },
        },
      }),
    ).rejects.toThrow('disk full');
    expect(swaps).toBe(3);
    expect(snapshotDir(out)).toEqual(before);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['types']);
  });

  test('a formatting error is reported with file and line, and nothing is written', async () => {
    await writePackage(out, files, { check: false });
    const before = snapshotDir(out);
    const broken: EmittedFile[] = [
      ...files,
      { path: 'src/broken.ts', kind: 'ts', contents: 'export interface {\n  oops\n' },
      { path: 'bad.json', kind: 'json', contents: '{"a": }' },
    ];
    const error = await writePackage(out, broken, { check: false, format: 'prettier' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenerateError);
    const diagnostics = (error as GenerateError).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['write/format-failed', 'src/broken.ts'],
      ['write/format-failed', 'bad.json'],
    ]);
    expect(diagnostics[0]!.line).toBe(1);
    expect(snapshotDir(out)).toEqual(before);
  });

  test('a generated path taken by a hand-written file is an error once a manifest exists', async () => {
    await writePackage(out, files, { check: false });
    fs.writeFileSync(path.join(out, 'src', 'custom.ts'), 'export const mine = 1;\n');
    const before = snapshotDir(out);
    const error = await writePackage(out, [...files, { path: 'src/custom.ts', kind: 'ts', contents: 'export {}' }], {
      check: false,
    }).catch((e: unknown) => e);
    expect((error as GenerateError).diagnostics.map((d) => d.code)).toEqual(['write/would-overwrite']);
    expect((error as GenerateError).message).toContain('src/custom.ts');
    expect(snapshotDir(out)).toEqual(before);
  });

  test('the first run (no manifest yet) adopts existing files at generated paths, with a note', async () => {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'package.json'), '{"name":"placeholder"}\n');
    const result = await writePackage(out, files, { check: false });
    // A warning, not an info note: the CLI prints warnings only, and the user must learn that a file was replaced.
    expect(result.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'write/adopted']]);
    expect(result.diagnostics[0]!.file).toBe(path.posix.join(path.relative(process.cwd(), out).split(path.sep).join('/'), 'package.json'));
    expect(snapshotDir(out)['package.json']).toBe('{ "name": "@x/types", "version": "1.2.3" }\n');
  });

  test('paths must stay inside the package', async () => {
    for (const bad of ['../escape.ts', '/abs.ts', 'a\\b.ts', 'src//x.ts', MANIFEST_NAME]) {
      const error = await writePackage(out, [{ path: bad, kind: 'ts', contents: '' }], { check: false }).catch((e: unknown) => e);
      expect((error as GenerateError).diagnostics[0]!.code).toBe('write/invalid-path');
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  test('same input gives the same bytes in another folder', async () => {
    const other = path.join(root, 'elsewhere', 'deep', 'types');
    await writePackage(out, files, { check: false });
    await writePackage(other, files, { check: false });
    expect(snapshotDir(other)).toEqual(snapshotDir(out));
  });

  test('a manifest entry pointing outside the package is ignored, never deleted', async () => {
    await writePackage(out, files, { check: false });
    const victim = path.join(root, 'victim.txt');
    fs.writeFileSync(victim, 'keep');
    const manifestFile = path.join(out, MANIFEST_NAME);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: Record<string, string> };
    manifest.files['../../victim.txt'] = 'x';
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    await writePackage(out, files, { check: false });
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep');
  });
});
