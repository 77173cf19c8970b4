/**
 * Changesets for the diff: the bump a class needs (D35: one place down under 0.x), the pending
 * changesets' highest bump for the fixed group, and the changeset `--write-changeset` writes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../src/diff/change.js';
import { changesetText, pendingBump, pendingChangesets, requiredBump, writeChangeset } from '../../src/diff/changesets.js';

const group = ['@acme/types', '@acme/client'];

describe('requiredBump (D35)', () => {
  it.each([
    ['major', '1.4.2', 'major'],
    ['minor', '1.4.2', 'minor'],
    ['patch', '1.4.2', 'patch'],
    ['major', '0.3.1', 'minor'],
    ['minor', '0.3.1', 'patch'],
    ['patch', '0.3.1', 'patch'],
    ['major', '0.0.0', 'minor'],
    ['minor', '0.0.0', 'patch'],
    ['major', '10.0.0', 'major'],
  ] as const)('%s at %s needs a %s changeset', (cls, version, bump) => {
    expect(requiredBump(cls, version)).toBe(bump);
  });
});

describe('pending changesets', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sdkgen-changesets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (file: string, text: string): void => writeFileSync(path.join(dir, file), text);

  it('reads the bumps of the group, ignoring README.md, other packages and files without front matter', async () => {
    write('README.md', '# Changesets\n');
    write('a.md', "---\n'@acme/types': patch\n'@acme/client': patch\n---\n\nFix.\n");
    write('b.md', "---\n'@other/pkg': major\n---\n\nElsewhere.\n");
    write('c.md', '---\n"@acme/client": minor\n---\n\nAdded.\n');
    write('notes.md', 'No front matter.\n');
    const pending = await pendingChangesets(dir, group);
    expect(pending).toEqual([
      { file: 'a.md', bumps: { '@acme/types': 'patch', '@acme/client': 'patch' } },
      { file: 'c.md', bumps: { '@acme/client': 'minor' } },
    ]);
    // A fixed group moves together: the highest bump of any of its packages counts.
    expect(pendingBump(pending)).toBe('minor');
  });

  it('finds none in a missing folder', async () => {
    expect(await pendingChangesets(path.join(dir, 'absent'), group)).toEqual([]);
    expect(pendingBump([])).toBeUndefined();
  });

  it('rejects front matter that is not YAML', async () => {
    write('bad.md', "---\n'@acme/types': [minor\n---\n");
    await expect(pendingChangesets(dir, group)).rejects.toThrow(/bad\.md: invalid changeset front matter/);
  });

  it('writes a changeset named after its contents, which reads back with its bump', async () => {
    const changes: Change[] = [
      {
        class: 'major',
        kind: 'property-removed',
        message: 'property `tag` removed',
        pointer: '#/components/schemas/Pet/properties/tag',
        symbol: 'Pet.tag',
        visible: 'yes',
      },
      { class: 'minor', kind: 'operation-added', message: 'operation added (GET /owners)', pointer: '#/paths/~1owners/get', visible: 'no' },
      { class: 'patch', kind: 'docs-changed', message: 'description changed', pointer: '#/components/schemas/Pet', visible: 'no' },
    ];
    const text = changesetText(group, 'minor', changes, 'Pets: the spec changed.');
    expect(text).toBe(
      [
        '---',
        "'@acme/types': minor",
        "'@acme/client': minor",
        '---',
        '',
        'Pets: the spec changed.',
        '',
        'Breaking:',
        '',
        '- `Pet.tag`: property `tag` removed',
        '',
        'Added:',
        '',
        '- operation added (GET /owners)',
        '',
        'Documentation: 1 change (descriptions, summaries, examples).',
        '',
      ].join('\n'),
    );
    const file = await writeChangeset(dir, text);
    expect(await writeChangeset(dir, text)).toBe(file);
    expect(readdirSync(dir)).toEqual([path.basename(file)]);
    expect(path.basename(file)).toMatch(/^spec-[0-9a-f]{8}\.md$/);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(pendingBump(await pendingChangesets(dir, group))).toBe('minor');
  });

  it('lists at most twelve changes of a class, then how many more', () => {
    const many: Change[] = Array.from({ length: 15 }, (_, i) => ({
      class: 'major',
      kind: 'operation-removed',
      message: `operation ${i} removed`,
      pointer: '#',
      visible: 'yes',
    }));
    const text = changesetText(group, 'major', many, 'T.');
    expect(text.match(/^- operation \d+ removed$/gm)).toHaveLength(12);
    expect(text).toContain('- … and 3 more (`sdkgen diff` lists them)');
  });
});
