/**
 * deprecated-flags (case 38): `deprecated: true` reaches the editor. A TypeScript language service over the
 * types package of deprecated-flags (emitted in memory, as the snapshot suite emits it) plus a usage file must report the "deprecated" suggestion diagnostic
 * (6385 "'{0}' is deprecated." / 6387 "The signature '{0}' of '{1}' is deprecated.") on every use of
 * the deprecated property, schema, operation helper types and parameter member, and not on the
 * others.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { strictProgramOptions } from '../strict-options.js';
import { emitFixture, typeFixtures } from './pipeline.js';

/** Where the language service sees the package (a folder of the test tree; nothing is written there). */
const root = fileURLToPath(new URL('./deprecated-flags-package/', import.meta.url));
const fixture = typeFixtures().find((f) => f.name === 'deprecated-flags');
if (fixture === undefined) throw new Error('no deprecated-flags fixture');
const emitted = await emitFixture(fixture);

const usage = `import type { ListMatchesParams, ListMatchesResponse, Match, OldMatch } from './src/index.js';
declare const match: Match;
declare const params: ListMatchesParams;
export const national = match.isNational;
export const level = match.competitionLevel;
export type Old = OldMatch;
export const league = params.league;
export type Result = ListMatchesResponse;
`;

function deprecatedUses(): Array<{ text: string; code: number }> {
  const files = new Map<string, string>();
  for (const [file, contents] of emitted) if (file.startsWith('src/')) files.set(path.join(root, file), contents);
  const usageFile = path.join(root, 'usage.ts');
  files.set(usageFile, usage);
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [...files.keys()],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const text = files.get(name) ?? (existsSync(name) ? readFileSync(name, 'utf8') : undefined);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => root,
    getCompilationSettings: () => strictProgramOptions,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (name) => files.has(name) || ts.sys.fileExists(name),
    readFile: (name) => files.get(name) ?? ts.sys.readFile(name),
    readDirectory: ts.sys.readDirectory,
    directoryExists: (dir) => [...files.keys()].some((file) => file.startsWith(`${dir}${path.sep}`)) || ts.sys.directoryExists(dir),
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const errors = service.getSemanticDiagnostics(usageFile);
  expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  return service
    .getSuggestionDiagnostics(usageFile)
    .filter((d) => d.reportsDeprecated === true || d.code === 6385 || d.code === 6387)
    .map((d) => ({ text: usage.slice(d.start ?? 0, (d.start ?? 0) + (d.length ?? 0)), code: d.code }));
}

describe('case-38: deprecated flags reach the language service', () => {
  it('reports each deprecated use, and only those', () => {
    const uses = deprecatedUses();
    const texts = uses.map((u) => u.text);
    for (const deprecated of ['isNational', 'OldMatch', 'ListMatchesParams', 'ListMatchesResponse', 'league']) {
      expect(texts, `${deprecated} is reported as deprecated`).toContain(deprecated);
    }
    for (const fine of ['competitionLevel', 'Match']) {
      expect(texts, `${fine} is not deprecated`).not.toContain(fine);
    }
    expect(uses.every((u) => u.code === 6385 || u.code === 6387)).toBe(true);
  });
});
