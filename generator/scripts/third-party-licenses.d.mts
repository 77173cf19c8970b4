/** Types of third-party-licenses.mjs, for the tests. */
export const GENERATOR_DIR: string;
export const NOTICES_FILE: string;
export type Region =
  { kind: 'package'; name: string; dir: string } | { kind: 'rolldown-runtime' } | { kind: 'own' };
export interface PackageNotice {
  name: string;
  version: string;
  license: string | undefined;
  author: string | undefined;
  licenseTexts: Array<{ file: string; text: string }>;
}
export function regionPaths(text: string): string[];
export function classifyRegion(region: string, buildDir: string): Region;
export function bundledPackageDirs(distDir: string, buildDir: string): string[];
export function licenseId(manifest: Record<string, unknown>): string | undefined;
export function authorLine(author: unknown): string | undefined;
export function packageNotice(dir: string): PackageNotice;
export function renderNotices(notices: PackageNotice[]): string;
export function listedPackages(markdown: string): Array<{ name: string; version: string }>;
export function writeNotices(generatorDir?: string): { file: string; packages: number };
