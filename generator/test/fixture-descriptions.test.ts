/**
 * Every fixture says what it shows: each group under generator/test/fixtures/ has a README.md with one
 * line per fixture (a folder, or a file in `bad/`), "- `name`: what it proves". A fixture without a
 * line, or a line naming no fixture, fails; a case fixture's line names the case it came from
 * ("(case 14)").
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Groups whose fixtures are single files rather than folders. */
const fileGroups = new Set(['bad']);

/** The fixture groups: every non-empty folder directly under fixtures/ (git keeps no empty folder), sorted. */
function groups(): string[] {
  return readdirSync(fixturesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && readdirSync(path.join(fixturesDir, e.name)).length > 0)
    .map((e) => e.name)
    .sort();
}

/** The fixtures of a group: its folders (its files, README.md aside, for a file group), sorted. */
function fixtures(group: string): string[] {
  return readdirSync(path.join(fixturesDir, group), { withFileTypes: true })
    .filter((e) => (fileGroups.has(group) ? e.isFile() && e.name !== 'README.md' : e.isDirectory()))
    .map((e) => e.name)
    .sort();
}

/** The description lines of a group's README.md: fixture name → description. Throws when a name is listed twice. */
function descriptions(group: string): Map<string, string> {
  const text = readFileSync(path.join(fixturesDir, group, 'README.md'), 'utf8');
  const out = new Map<string, string>();
  for (const match of text.matchAll(/^- `([^`]+)`: (.*)$/gm)) {
    const [, name = '', description = ''] = match;
    if (out.has(name)) throw new Error(`${group}/README.md describes ${name} twice`);
    out.set(name, description.trim());
  }
  return out;
}

describe('fixture descriptions', () => {
  it('finds the fixture groups', () => {
    expect(groups()).toEqual(expect.arrayContaining(['bad', 'cases', 'corpus-found', 'emit', 'multifile', 'rules']));
  });

  for (const group of groups()) {
    it(`${group}/README.md has one line per fixture, and none for a missing one`, () => {
      const described = descriptions(group);
      const names = fixtures(group);
      expect(names.length, `${group} holds fixtures`).toBeGreaterThan(0);
      expect(
        names.filter((n) => !described.has(n)),
        `fixtures of ${group} without a line "- \`name\`: description" in ${group}/README.md`,
      ).toEqual([]);
      expect(
        [...described.keys()].filter((n) => !names.includes(n)),
        `lines of ${group}/README.md naming no fixture`,
      ).toEqual([]);
      const short = [...described].filter(([, d]) => d.length < 20).map(([n]) => n);
      expect(short, 'descriptions shorter than 20 characters').toEqual([]);
    });
  }

  it('each case fixture names the case it came from', () => {
    const missing = [...descriptions('cases')].filter(([, d]) => !/\(case \d+\)$/.test(d)).map(([n]) => n);
    expect(missing, 'cases/README.md lines that do not end in "(case N)"').toEqual([]);
  });
});
