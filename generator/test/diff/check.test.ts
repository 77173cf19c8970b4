/**
 * `sdkgen diff` against git, end to end, in a scratch repository made in a temporary folder: the old
 * spec read at the base ref together with the file it `$ref`s, the base found (a release tag, else
 * HEAD), and `--check` failing on a removed response field until a changeset asks for enough (D35:
 * `minor` at 0.x, `major` from 1.0.0), `--write-changeset` writing one that does.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { externalRefs } from '../../src/diff/git.js';

const root = mkdtempSync(path.join(tmpdir(), 'sdkgen-diff-git-'));

const SPEC = `openapi: 3.1.0
info: { title: Pets, version: "1" }
paths:
  /pets/{pet_id}:
    get:
      operationId: getPet
      tags: [pets]
      parameters:
        - { name: pet_id, in: path, required: true, schema: { type: integer } }
      responses:
        "200":
          description: The pet
          content:
            application/json:
              schema: { $ref: "./schemas/pet.yaml" }
`;
const PET = `type: object
required: [id, name]
properties:
  id: { type: integer }
  name: { type: string }
  tag: { type: string }
`;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=diff@example.com', '-c', 'user.name=diff', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

function changeset(name: string, bump: string): void {
  write(`.changeset/${name}.md`, `---\n'@pets/types': ${bump}\n'@pets/client': ${bump}\n---\n\nThe pet's tag is gone.\n`);
}

function clearChangesets(): void {
  for (const f of readdirSync(path.join(root, '.changeset'))) if (f !== 'README.md') rmSync(path.join(root, '.changeset', f));
}

async function diff(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['diff', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: root });
  return { code, stdout, stderr };
}

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  write('sdkgen.config.json', JSON.stringify({ spec: 'spec/openapi.yaml', out: 'packages', name: 'Pets', scope: '@pets' }));
  write('spec/openapi.yaml', SPEC);
  write('spec/schemas/pet.yaml', PET);
  write('packages/types/package.json', JSON.stringify({ name: '@pets/types', version: '0.4.0' }));
  write('.changeset/README.md', '# Changesets\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sdkgen diff against git', () => {
  it('finds no change between HEAD and an untouched working tree', async () => {
    const r = await diff();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('spec/openapi.yaml at HEAD (no release tag)');
    expect(r.stdout).toContain('No change to the generated packages.');
    expect(r.stdout).toContain('proof: not needed');
  });

  it('--check fails on a removed response field (in a $ref’d file) until a changeset asks for minor at 0.x', async () => {
    write('spec/schemas/pet.yaml', PET.replace('  tag: { type: string }\n', ''));
    const failing = await diff('--check');
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/^major: 1 change$/m);
    expect(failing.stdout).toContain('Pet.tag: property `tag` removed');
    expect(failing.stdout).toContain('does not compile against the new output');
    expect(failing.stderr).toContain('the spec changes need a minor changeset for @pets/types and @pets/client; the pending changesets ask for nothing');

    changeset('tag-gone', 'patch');
    expect((await diff('--check', '--no-proof')).stderr).toContain('ask for only patch');
    changeset('tag-gone', 'minor');
    const passing = await diff('--check');
    expect(passing.stderr).toBe('');
    expect(passing.code).toBe(0);
    expect(passing.stdout).toContain('changeset: needs a minor changeset (the packages are at 0.4.0');
  });

  it('needs a major changeset from 1.0.0 on', async () => {
    write('packages/types/package.json', JSON.stringify({ name: '@pets/types', version: '1.0.0' }));
    expect((await diff('--check', '--no-proof')).code).toBe(1);
    changeset('tag-gone', 'major');
    expect((await diff('--check', '--no-proof')).code).toBe(0);
  });

  it('--write-changeset writes the changeset --check then accepts', async () => {
    clearChangesets();
    const written = await diff('--write-changeset', '--no-proof');
    expect(written.code).toBe(0);
    const file = /changeset written: (\S+)/.exec(written.stdout)?.[1];
    expect(file).toMatch(/^\.changeset\/spec-[0-9a-f]{8}\.md$/);
    expect(readFileSync(path.join(root, file ?? ''), 'utf8')).toContain("'@pets/types': major\n'@pets/client': major\n");
    expect((await diff('--check', '--no-proof')).code).toBe(0);
  });

  it('compares against the last release tag, else the given ref', async () => {
    clearChangesets();
    git('tag', '@pets/types@1.0.0');
    git('add', '-A');
    git('commit', '-q', '-m', 'the tag goes');
    const r = await diff('--no-proof');
    expect(r.stdout).toContain('spec/openapi.yaml at @pets/types@1.0.0 (last release tag)');
    expect(r.stdout).toContain('Pet.tag: property `tag` removed');
    const head = await diff('--base', 'HEAD');
    expect(head.stdout).toContain('No change to the generated packages.');
    const missing = await diff('--base', 'no-such-ref');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--base no-such-ref: no such commit, branch or tag');
  });

  it('says when the spec did not exist at the base', async () => {
    write('spec/other.yaml', SPEC);
    const r = await diff('spec/other.yaml', '--base', 'HEAD', '--no-config');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the spec does not exist at HEAD');
  });
});

describe('externalRefs', () => {
  it('lists the files of relative $refs, not local pointers or URLs', () => {
    const text = [
      'a: { $ref: "#/components/schemas/A" }',
      'b: { $ref: "./schemas/b.yaml#/B" }',
      'c: [{ $ref: "../common/c.yaml" }, { $ref: "https://example.com/d.yaml" }]',
      'd: { $ref: "./schemas/b.yaml" }',
      'e: { $ref: "with%20space.yaml" }',
    ].join('\n');
    expect(externalRefs(text)).toEqual(['../common/c.yaml', './schemas/b.yaml', 'with space.yaml']);
  });
});
