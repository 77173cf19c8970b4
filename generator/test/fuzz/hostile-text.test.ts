/**
 * Property (issue 15, "output that always parses and compiles"): documents whose every text slot holds a hostile
 * string (hostile-text.ts: quotes, `${`, `*​/`, `</script>`, backslashes, CR/LF, U+2028/U+2029, NUL, lone
 * surrogates, …) generate types and client packages that
 * - parse: every `.ts` file has no syntax diagnostic (TypeScript's parser), and prettier formats every client file
 *   (`.ts`, `.md`, `.json`) as the write stage does;
 * - compile under the strict options (one program for every run, compile.ts);
 * - say the same thing: descriptor string literals evaluate to the document's value (operationId, path, base URL,
 *   header names, pagination fields), and TSDoc comments read back through the TypeScript API show the document's
 *   description (up to line endings, Markdown backslash escapes and whitespace layout).
 *
 * Fixed runs (SDKGEN_HOSTILE_RUNS, default 24), seed printed (replay with SDKGEN_FUZZ_SEED).
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { formatFile } from '../emit/format.js';
import { type BatchMember, compileBatch } from './compile.js';
import { emitDocument, fuzzDir, saveFailure } from './driver.js';
import { HOSTILE_PIECES, type HostileSlots, SLOT_NAMES, asMarkdownReads, hostileDocument } from './hostile-text.js';

const runs = Number(process.env.SDKGEN_HOSTILE_RUNS ?? 24);
const seed = process.env.SDKGEN_FUZZ_SEED !== undefined ? Number(process.env.SDKGEN_FUZZ_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
console.log(`[fuzz] hostile text: seed ${seed}, ${runs} runs (replay: SDKGEN_FUZZ_SEED=${seed} SDKGEN_HOSTILE_RUNS=${runs})`);

const hostile = fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join(''));
const slotsArb: fc.Arbitrary<HostileSlots> = fc.record(
  Object.fromEntries(SLOT_NAMES.map((k) => [k, hostile])) as Record<keyof HostileSlots, fc.Arbitrary<string>>,
);

function parse(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function syntaxErrors(file: ts.SourceFile): string[] {
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map(
    (d) => `${file.fileName}:${file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
  );
}

/** Every string-literal value of a property `name: "…"` in an object literal of `file`. */
function literalValues(file: ts.SourceFile, name: string): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAssignment(node) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      node.name.text === name &&
      ts.isStringLiteral(node.initializer)
    ) {
      out.push(node.initializer.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** The JSDoc text of every property signature named `name` in `file`. */
function memberDocs(file: ts.SourceFile, name: string): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertySignature(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && node.name.text === name) {
      for (const doc of ts.getJSDocCommentsAndTags(node)) {
        if (ts.isJSDoc(doc)) out.push(ts.getTextOfJSDocComment(doc.comment) ?? '');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** The text of every JSDoc comment of `file` (its description and each tag's comment), one string per comment. */
function allDocs(file: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    for (const doc of ts.getJSDocCommentsAndTags(node)) {
      if (!ts.isJSDoc(doc)) continue;
      const tags = (doc.tags ?? []).map((t) => `@${t.tagName.text} ${ts.getTextOfJSDocComment(t.comment) ?? ''}`);
      out.push([ts.getTextOfJSDocComment(doc.comment) ?? '', ...tags].join('\n'));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

const KIND = (p: string): 'ts' | 'json' | 'md' | 'other' =>
  p.includes('/src/core/') ? 'other' : p.endsWith('.ts') ? 'ts' : p.endsWith('.json') ? 'json' : p.endsWith('.md') ? 'md' : 'other';

describe(`hostile text in every slot (seed ${seed}, ${runs} runs)`, () => {
  const members: Array<BatchMember & { slots: HostileSlots }> = [];

  it('every file parses and formats; literals and comments say what the document says', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(slotsArb, async (slots) => {
        const id = `hz-${run++}`;
        const doc = hostileDocument(slots);
        let files: Map<string, string>;
        try {
          files = await emitDocument(doc, id);
        } catch (error) {
          throw new Error(
            `generation failed (document: ${saveFailure(`hostile-${seed}-${id}`, doc)}): ${String((error as { diagnostics?: unknown }).diagnostics ? JSON.stringify((error as { diagnostics: unknown }).diagnostics).slice(0, 800) : error)}`,
          );
        }
        const parsed = new Map<string, ts.SourceFile>();
        for (const [file, text] of files) {
          if (!file.endsWith('.ts') || file.includes('/src/core/')) continue;
          const source = parse(file, text);
          expect(syntaxErrors(source), file).toEqual([]);
          parsed.set(file, source);
        }
        // prettier over the client's files (its parser is where issue 15 showed): it parses them, and
        // leaves the printed TypeScript as it is (the printer writes prettier's layout).
        for (const [file, text] of files) {
          const kind = KIND(file);
          if (kind === 'other' || !file.startsWith('client/')) continue;
          const formatted = await formatFile({ path: file, kind, contents: text });
          if (kind === 'ts') expect(formatted, file).toBe(text);
        }

        // The TypeScript examples of the READMEs parse too (a document's names and URLs reach them).
        for (const readme of ['client/README.md', 'types/README.md']) {
          const blocks = [...(files.get(readme) ?? '').matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
          expect(blocks.length, readme).toBeGreaterThan(0);
          for (const [i, block] of blocks.entries()) expect(syntaxErrors(parse(`${readme}#${i}.ts`, block)), block).toEqual([]);
        }

        // Descriptor literals evaluate to the document's values.
        const client = [...parsed].filter(([f]) => f.startsWith('client/src/resources/') || f === 'client/src/client.ts').map(([, s]) => s);
        const all = (name: string): string[] => client.flatMap((s) => literalValues(s, name));
        expect(all('operationId')).toContain(slots.operationId);
        expect(all('path')).toContain(`/items/${slots.pathSegment.replace(/[{}/?#]/g, '_')}`);
        expect(all('idempotencyHeader')).toContain(slots.idempotencyHeader);
        expect(all('cursorParam')).toContain(slots.cursorParam === slots.paramName ? `${slots.cursorParam}2` : slots.cursorParam);
        const base = parsed.get('client/src/base.ts')!;
        expect(literalValues(base, 'name')).toContain(slots.apiKeyName);
        expect(literalValues(base, 'baseUrl')[0]).toBe(slots.serverUrl.replace(/\/+$/, ''));
        const webhooks = parsed.get('client/src/webhooks.ts')!;
        expect(literalValues(webhooks, 'header')).toEqual([slots.signatureHeader]);
        expect(literalValues(webhooks, 'prefix')).toEqual([slots.signaturePrefix]);

        // TSDoc read back through TypeScript shows the document's descriptions.
        const types = [...parsed].filter(([f]) => f.startsWith('types/')).map(([, s]) => s);
        const cursorName = slots.cursorProperty === 'items' ? 'items2' : slots.cursorProperty;
        const cursorDocs = types.flatMap((s) => memberDocs(s, cursorName));
        // (A description of white space only has no comment.)
        if (asMarkdownReads(slots.cursorDescription) !== '') {
          expect(cursorDocs.map(asMarkdownReads)).toContainEqual(expect.stringContaining(asMarkdownReads(slots.cursorDescription)));
        }
        const propertyName = slots.propertyName === 'status' ? 'status2' : slots.propertyName;
        const propertyDocs = types.flatMap((s) => memberDocs(s, propertyName));
        if (asMarkdownReads(slots.propertyDescription) !== '') {
          expect(propertyDocs.map(asMarkdownReads)).toContainEqual(expect.stringContaining(asMarkdownReads(slots.propertyDescription)));
        }

        // The client's method comments show the operation's description, the class comments the tag's.
        const clientDocs = client.flatMap(allDocs).map(asMarkdownReads);
        for (const text of [slots.description, slots.tagDescription]) {
          if (asMarkdownReads(text) !== '') expect(clientDocs).toContainEqual(expect.stringContaining(asMarkdownReads(text)));
        }

        members.push({ id, slots, files, packages: { [`@${id}/types`]: 'types' } });
      }),
      {
        seed,
        numRuns: runs,
        reporter: (details) => {
          if (details.failed)
            throw new Error(`seed ${seed}: ${String(details.errorInstance)}\ncounterexample (slots): ${JSON.stringify(details.counterexample?.[0])}`);
        },
      },
    );
    expect(members.length).toBeGreaterThanOrEqual(runs);
  }, 120_000);

  it('and the output compiles under the strict options', () => {
    expect(members.length).toBeGreaterThanOrEqual(runs);
    const dir = path.join(fuzzDir, `hostile-${seed}`);
    rmSync(dir, { recursive: true, force: true });
    const errors = compileBatch(dir, members);
    const failures = errors.map((e) => `${e.file}:${e.line} ${e.message.split('\n')[0]}`);
    expect(failures, `seed ${seed}`).toEqual([]);
  }, 120_000);
});
