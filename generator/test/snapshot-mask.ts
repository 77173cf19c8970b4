/**
 * Masking for the package snapshots: the values of an emitted file that come from the fixture's identity
 * (where its spec lives, what its packages are called, the API's name and version) and not from the
 * content of its spec are replaced by readable placeholders, so fixtures whose files differ only by those
 * values share one snapshot (snapshot-plan.ts). Masking is exact: {@link fill} turns a masked text back
 * into the fixture's file, and a text that does not survive the round trip is never shared.
 */
import type { EmitOptions } from '../src/emit/types.js';
import { apiName } from '../src/model/naming.js';

/** The placeholders, in the order {@link mask} applies them. */
export const placeholders = ['<spec-path>', '<types-package>', '<client-package>', '<API name>', '<version>'] as const;

/** One placeholder of {@link placeholders}. */
export type Placeholder = (typeof placeholders)[number];

/**
 * A fixture's identity: the value each placeholder stands for (an empty value is left out, never masked).
 * - `<spec-path>`: the spec path the banners name (`generator/test/fixtures/rules/pagination/openapi.yaml`);
 * - `<types-package>`, `<client-package>`: the package names (`@fixtures/pagination-types`);
 * - `<API name>`: how the docs name the API, `info.title` with ` API` appended unless it ends so (`pagination API`);
 * - `<version>`: `info.version`, where the docs name it (`(version 1)`).
 */
export type Masks = Readonly<Partial<Record<Placeholder, string>>>;

/** The masks of a fixture emitted with `options` from a spec whose `info` is `api` (the model's `title` and `version`). */
export function fixtureMasks(
  options: Pick<EmitOptions, 'specPath' | 'typesPackageName' | 'clientPackageName'>,
  api: { title: string; version: string },
): Masks {
  const values: Record<Placeholder, string> = {
    '<spec-path>': options.specPath,
    '<types-package>': options.typesPackageName,
    '<client-package>': options.clientPackageName,
    '<API name>': api.title.trim() === '' ? '' : apiName(api.title),
    '<version>': api.version,
  };
  return Object.fromEntries(placeholders.filter((p) => values[p] !== '').map((p) => [p, values[p]]));
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where a value is masked. Paths and package names: everywhere (they are long and only the fixture's
 * options put them in the output). The API name: as a whole phrase (not inside a word or a dashed name).
 * The version: only right after `version ` (the one way the docs name it), so a `1` elsewhere (a number
 * in an example) is never taken for it.
 */
function pattern(placeholder: Placeholder, value: string): RegExp {
  const v = escapeRegExp(value);
  const end = String.raw`(?![\w-]|\.\w)`;
  if (placeholder === '<API name>') return new RegExp(String.raw`(?<![\w-])${v}${end}`, 'g');
  if (placeholder === '<version>') return new RegExp(String.raw`(?<=\bversion )${v}${end}`, 'g');
  return new RegExp(v, 'g');
}

/** `text` with every value of `masks` replaced by its placeholder (in {@link placeholders} order). */
export function mask(text: string, masks: Masks): string {
  let out = text;
  for (const placeholder of placeholders) {
    const value = masks[placeholder];
    if (value !== undefined) out = out.replace(pattern(placeholder, value), placeholder);
  }
  return out;
}

/** `masked` with every placeholder replaced by the fixture's value: the inverse of {@link mask}. */
export function fill(masked: string, masks: Masks): string {
  let out = masked;
  for (const placeholder of placeholders) {
    const value = masks[placeholder];
    if (value !== undefined) out = out.split(placeholder).join(value);
  }
  return out;
}

/**
 * `text` masked, or `undefined` when masking is not exact for it (the text already holds a placeholder, so
 * filling the masked text in would not give it back): such a file is never shared.
 */
export function maskExactly(text: string, masks: Masks): string | undefined {
  const masked = mask(text, masks);
  return fill(masked, masks) === text ? masked : undefined;
}
