import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Absolute path of the repository root (two levels above this file). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The seed, relative to the repository root: a byte-for-byte copy of the published schema text (spec/sources/README.md). */
export const seedFile = 'spec/sources/improvado-api-v3-schemas.txt';

/** Absolute path of the seed. */
export const seedPath = path.join(repoRoot, seedFile);

/** One field of the seed index (see spec/README.md, "Seed index"). */
export interface SeedField {
  /** Property name in the spec: the seed's name, or the proposed name when the seed gives none. */
  name: string;
  /** The name as the seed spells it; null for an unnamed field (description only). */
  seedName: string | null;
  /** The seed's description, continuation lines joined with "\n"; null when the seed gives none. */
  description: string | null;
  /** 1-based seed line the entry starts on. */
  line: number;
  /** Raw text: [name text, description text, terminator ("\n" or "" when the next entry is glued on)]. */
  raw: [string, string, string];
  /** Why the entry is not a plain rule match, if it is not. */
  exception?: string;
}

/** One object of the seed index. */
export interface SeedObject {
  name: string;
  line: number;
  /** Raw text: [object name, terminator]. */
  raw: [string, string];
  fields: SeedField[];
  exception?: string;
}

/** The whole seed index (spec/seed-index.json). */
export interface SeedIndex {
  seed: string;
  objects: SeedObject[];
  /** Text after the last entry (the seed's final empty line). */
  trailer: string;
}

/** Reads spec/seed-index.json. */
export function readSeedIndex(): SeedIndex {
  return JSON.parse(readFileSync(path.join(repoRoot, 'spec/seed-index.json'), 'utf8')) as SeedIndex;
}

/** Joins the index back into text: each object's raw, then its fields' raw, then the trailer. */
export function joinSeedIndex(index: SeedIndex): string {
  let out = '';
  for (const o of index.objects) {
    out += o.raw.join('');
    for (const f of o.fields) out += f.raw.join('');
  }
  return out + index.trailer;
}

/** Parses spec/openapi.yaml with the `yaml` package into plain data. */
export function readSpec(): Record<string, unknown> {
  return parse(readFileSync(path.join(repoRoot, 'spec/openapi.yaml'), 'utf8')) as Record<string, unknown>;
}

/** Narrows an unknown value to a plain object (or throws with the given label). */
export function obj(value: unknown, label: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${label} is not an object`);
  }
  return value as Record<string, unknown>;
}
