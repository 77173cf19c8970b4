/**
 * Which file snapshots a package suite keeps, and where: a pure function of what the fixtures emit.
 * Fixtures whose file (same path in the package) is equal after masking (snapshot-mask.ts) share one
 * masked snapshot, a "variant" named after the first of them; a file no other fixture shares, or one a
 * test compiles against (snapshot-pins.ts), is the fixture's own, unmasked. The manifest records each
 * fixture's masks and which variant each of its shared files is, so a file cannot move to another
 * variant unnoticed.
 */
import { compareCodeUnits } from '../src/model/naming.js';
import { type Masks, maskExactly } from './snapshot-mask.js';

/** One fixture's emitted package: the files to snapshot (path in the package → contents) and its masks. */
export interface PackageEmission {
  fixture: string;
  masks: Masks;
  files: ReadonlyMap<string, string>;
}

/** How one fixture's files are snapshotted (one entry of the manifest). */
export interface FixtureEntry {
  masks: Masks;
  /** Shared files: path in the package → variant (the first fixture sharing it). */
  shared: Readonly<Record<string, string>>;
}

/** The snapshots of one package suite. */
export interface SnapshotPlan {
  /** Fixture → its entry, fixtures sorted. */
  fixtures: ReadonlyMap<string, FixtureEntry>;
  /** `<variant>/<path in the package>` → the masked text, sorted. */
  variants: ReadonlyMap<string, string>;
  /** Fixture → the paths it keeps as its own (unmasked) snapshots, sorted. */
  own: ReadonlyMap<string, readonly string[]>;
}

const byCodeUnits = <T>(entries: Iterable<[string, T]>): Array<[string, T]> => [...entries].sort(([a], [b]) => compareCodeUnits(a, b));

/**
 * Plans a suite's snapshots. `pinned` holds `<fixture>/<path>` of the files that stay the fixture's own
 * whatever they hold. Deterministic: the same emissions give the same plan, whatever their order.
 */
export function planSnapshots(emissions: readonly PackageEmission[], pinned: ReadonlySet<string> = new Set()): SnapshotPlan {
  const sorted = [...emissions].sort((a, b) => compareCodeUnits(a.fixture, b.fixture));
  // path → masked text → fixtures holding it (in fixture order).
  const groups = new Map<string, Map<string, string[]>>();
  for (const e of sorted) {
    for (const [file, contents] of e.files) {
      const masked = pinned.has(`${e.fixture}/${file}`) ? undefined : maskExactly(contents, e.masks);
      if (masked === undefined) continue;
      const byText = groups.get(file) ?? new Map<string, string[]>();
      groups.set(file, byText);
      byText.set(masked, [...(byText.get(masked) ?? []), e.fixture]);
    }
  }
  const variants = new Map<string, string>();
  const sharedOf = new Map<string, Record<string, string>>(sorted.map((e) => [e.fixture, {}]));
  for (const [file, byText] of byCodeUnits(groups)) {
    for (const [masked, holders] of byText) {
      const variant = holders[0];
      if (variant === undefined || holders.length < 2) continue;
      variants.set(`${variant}/${file}`, masked);
      for (const fixture of holders) (sharedOf.get(fixture) ?? {})[file] = variant;
    }
  }
  const fixtures = new Map<string, FixtureEntry>();
  const own = new Map<string, string[]>();
  for (const e of sorted) {
    const shared = sharedOf.get(e.fixture) ?? {};
    fixtures.set(e.fixture, { masks: e.masks, shared });
    own.set(e.fixture, [...e.files.keys()].filter((file) => shared[file] === undefined).sort(compareCodeUnits));
  }
  return { fixtures, variants: new Map(byCodeUnits(variants)), own };
}

/**
 * The manifest of a plan: JSON, one fixture per block, its masks and its shared files on one line each
 * (so a diff names the fixture whose snapshots moved).
 */
export function renderManifest(plan: SnapshotPlan): string {
  const blocks = [...plan.fixtures].map(([fixture, entry]) => {
    const shared = Object.fromEntries(byCodeUnits(Object.entries(entry.shared)));
    return [`  ${JSON.stringify(fixture)}: {`, `    "masks": ${JSON.stringify(entry.masks)},`, `    "shared": ${JSON.stringify(shared)}`, '  }'].join('\n');
  });
  return `{\n${blocks.join(',\n')}\n}\n`;
}

/** Parses a manifest written by {@link renderManifest}: fixture → entry. Throws on a text that is not JSON. */
export function parseManifest(text: string): Map<string, FixtureEntry> {
  const parsed = JSON.parse(text) as Record<string, FixtureEntry>;
  return new Map(Object.entries(parsed));
}
