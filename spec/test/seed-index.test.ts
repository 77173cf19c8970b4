import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinSeedIndex, readSeedIndex, repoRoot, seedFile, seedPath } from './helpers.js';

describe('spec/sources/improvado-api-v3-schemas.txt (the seed)', () => {
  it('is the published text unchanged: the size and sha256 spec/sources/README.md records', () => {
    const readme = readFileSync(path.join(repoRoot, 'spec/sources/README.md'), 'utf8').replace(/\s+/g, ' ');
    const recorded = /([\d,]+) bytes, sha256 `([0-9a-f]{64})`/.exec(readme);
    expect(recorded, 'size and checksum in spec/sources/README.md').not.toBeNull();
    const bytes = readFileSync(seedPath);
    expect(bytes.length).toBe(Number(recorded?.[1]?.replace(/,/g, '')));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(recorded?.[2]);
  });

  it('is the file the index names, inside the repository', () => {
    expect(readSeedIndex().seed).toBe(seedFile);
    expect(path.relative(repoRoot, seedPath).split(path.sep).join('/')).toBe(seedFile);
  });
});

describe('spec/seed-index.json', () => {
  const seed = readFileSync(seedPath, 'utf8');
  const index = readSeedIndex();

  it('joins back into the seed file byte for byte', () => {
    const joined = joinSeedIndex(index);
    expect(Buffer.from(joined, 'utf8').equals(readFileSync(seedPath))).toBe(true);
    expect(joined).toBe(seed);
  });

  it('keeps every raw segment consistent with the entry it records', () => {
    for (const o of index.objects) {
      expect(o.raw[0]).toBe(o.name);
      expect(['\n', '']).toContain(o.raw[1]);
      for (const f of o.fields) {
        expect(f.raw[0], `${o.name}.${f.name}`).toBe(f.seedName ?? '');
        expect(f.raw[1], `${o.name}.${f.name}`).toBe(f.description ?? '');
        expect(['\n', '']).toContain(f.raw[2]);
        // An unnamed field always has a description, and a field always has a name or a description.
        if (f.seedName === null) expect(f.description).not.toBeNull();
        else expect(f.seedName).toBe(f.name);
        expect(f.name).toMatch(/^[a-z][a-z_]*$/);
      }
    }
  });

  it('starts each entry on the seed line it records', () => {
    const lines = seed.split('\n');
    for (const o of index.objects) {
      expect(lines[o.line - 1]?.endsWith(o.name) || lines[o.line - 1] === o.name).toBe(true);
      for (const f of o.fields) {
        const first = `${f.raw[0]}${f.raw[1]}`.split('\n')[0] ?? '';
        expect(lines[f.line - 1], `${o.name}.${f.name}`).toContain(first);
      }
    }
  });

  it('has unique object names and unique field names per object', () => {
    const names = index.objects.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const o of index.objects) {
      const fields = o.fields.map((f) => f.name);
      expect(new Set(fields).size, o.name).toBe(fields.length);
    }
  });

  it('is what the documented rule and exceptions produce (build-seed-index --check)', () => {
    const script = path.join(repoRoot, 'spec/scripts/build-seed-index.mjs');
    // Throws (non-zero exit) when the committed index differs from a fresh split.
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
