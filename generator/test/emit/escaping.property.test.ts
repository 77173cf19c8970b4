/**
 * Property tests (fixed runs, seed printed) for everything the emitter writes from spec text:
 * literal types, property keys and comments must survive any string (quotes, backslashes, newlines,
 * `*​/`, line separators, lone surrogates are not JSON-valid and are left out).
 */
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lineCommentText, literalKey, literalType, propertyKey, quotedString, stringLiteral } from '../../src/emit/text.js';
import { markdownCell, markdownCode, markdownText } from '../../src/emit/templates.js';
import { asMarkdownReads } from '../fuzz/hostile-text.js';
import { object, recordProperty, str } from '../../src/emit/ts/code.js';
import { commentFromText, literal } from '../../src/emit/ts/nodes.js';
import { printFile } from '../../src/emit/ts/printer.js';
import { escapeCommentText, jsDocComment, jsDocText } from '../../src/emit/tsdoc.js';

const seed = Number(process.env['FC_SEED'] ?? 20261129);
const runs = 300;
const params = { seed, numRuns: runs };

/** Any well-formed string, and strings built from the characters that break naive emitters. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('*', '/', '@', '\n', '\r', ' ', '\\', '"', "'", '`', 'a', '{', '}', '\u2028', '$'),
    maxLength: 30,
  }),
);

function parse(source: string): ts.SourceFile {
  return ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function parseErrors(file: ts.SourceFile): unknown[] {
  return (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
}

describe(`emitted text survives any string (fast-check seed ${seed}, ${runs} runs; FC_SEED to replay)`, () => {
  it('a string literal type has exactly the spec value', () => {
    fc.assert(
      fc.property(text, (value) => {
        const file = parse(`type T = ${literalType(value)};`);
        expect(parseErrors(file)).toEqual([]);
        const alias = file.statements[0] as ts.TypeAliasDeclaration;
        const literal = (alias.type as ts.LiteralTypeNode).literal as ts.StringLiteral;
        expect(literal.text).toBe(value);
      }),
      params,
    );
  });

  it('a property key names exactly the wire name', () => {
    fc.assert(
      fc.property(
        text.filter((s) => s.length > 0),
        (name) => {
          const file = parse(`interface I { ${propertyKey(name)}: string; }`);
          expect(parseErrors(file)).toEqual([]);
          const member = (file.statements[0] as ts.InterfaceDeclaration).members[0] as ts.PropertySignature;
          const key = member.name;
          expect(ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined).toBe(name);
        },
      ),
      params,
    );
  });

  it('a comment never ends early and never starts a tag the spec did not ask for', () => {
    fc.assert(
      fc.property(text, text, (description, example) => {
        const comment = jsDocText({ description, examples: [example] });
        const file = parse(`${comment}export type After = 1;`);
        expect(parseErrors(file)).toEqual([]);
        expect(file.statements).toHaveLength(1);
        const tags = ts.getJSDocTags(file.statements[0] as ts.Node).map((t) => t.tagName.text);
        expect(tags).toEqual(['example']);
      }),
      params,
    );
  });

  it('the same holds for comments the printer writes from docs text', () => {
    fc.assert(
      fc.property(text, text, (description, example) => {
        const docs = jsDocComment({ description, examples: [example] });
        const source = printFile([
          { kind: 'alias', name: 'A', exported: true, type: literal('1'), ...(docs !== undefined ? { docs } : {}) },
          { kind: 'alias', name: 'B', exported: true, type: literal('2') },
        ]);
        const file = parse(source);
        expect(parseErrors(file)).toEqual([]);
        expect(file.statements).toHaveLength(2);
        const tags = ts.getJSDocTags(file.statements[0] as ts.Node).map((t) => t.tagName.text);
        expect(tags).toEqual(['example']);
      }),
      { seed, numRuns: 100 },
    );
  });
});

describe(`printed by the printer (seed ${seed})`, () => {
  it('keys, literal types, object literal entries and member comments come back exactly', () => {
    fc.assert(
      fc.property(
        text.filter((s) => s.length > 0),
        text,
        text,
        (name, value, description) => {
          const innerDocs = commentFromText(jsDocText({ description }));
          const docs = jsDocComment({ description });
          const source = printFile([
            {
              kind: 'interface',
              name: 'I',
              exported: true,
              members: [
                {
                  kind: 'property',
                  key: propertyKey(name),
                  optional: false,
                  type: {
                    kind: 'object',
                    multiline: true,
                    members: [
                      {
                        kind: 'property',
                        key: 'inner',
                        optional: false,
                        type: literal(literalType(value)),
                        ...(innerDocs !== undefined ? { docs: innerDocs } : {}),
                      },
                    ],
                  },
                  ...(docs !== undefined ? { docs } : {}),
                },
              ],
            },
            { kind: 'alias', name: 'B', exported: true, type: literal(literalType(value)) },
            { kind: 'const', name: 'C', exported: true, init: object([recordProperty(name, str(value))]) },
          ]);
          const file = parse(source);
          expect(parseErrors(file)).toEqual([]);
          expect(file.statements).toHaveLength(3);
          const member = (file.statements[0] as ts.InterfaceDeclaration).members[0] as ts.PropertySignature;
          expect(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined).toBe(name);
          const inner = (member.type as ts.TypeLiteralNode).members[0] as ts.PropertySignature;
          expect(((inner.type as ts.LiteralTypeNode).literal as ts.StringLiteral).text).toBe(value);
          const alias = file.statements[1] as ts.TypeAliasDeclaration;
          expect(((alias.type as ts.LiteralTypeNode).literal as ts.StringLiteral).text).toBe(value);
          const entry = ((file.statements[2] as ts.VariableStatement).declarationList.declarations[0]!.initializer as ts.ObjectLiteralExpression)
            .properties[0] as ts.PropertyAssignment;
          const key = ts.isComputedPropertyName(entry.name)
            ? (entry.name.expression as ts.StringLiteral).text
            : (entry.name as ts.Identifier | ts.StringLiteral).text;
          expect(key).toBe(name);
          const v = ts.isAsExpression(entry.initializer) ? entry.initializer.expression : entry.initializer;
          expect((v as ts.StringLiteral).text).toBe(value);
        },
      ),
      { seed, numRuns: 100 },
    );
  });
});

/** Any string, lone surrogates, NUL, U+2029, `${` and `</script>` included (issue 15). */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc
    .array(
      fc.constantFrom(
        '*',
        '/',
        '@',
        '\n',
        '\r',
        ' ',
        '\\',
        '"',
        "'",
        '`',
        'a',
        '{',
        '}',
        '\u2028',
        '\u2029',
        '$',
        '${',
        '\u0000',
        '\uD800',
        '\uDC00',
        '</script>',
        '|',
        '<',
        '#',
      ),
      { maxLength: 16 },
    )
    .map((parts) => parts.join('')),
);

describe(`one escaping function per output context, for any string (seed ${seed})`, () => {
  it('stringLiteral and quotedString: a string literal that evaluates to the value, on one line', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        for (const literal of [stringLiteral(value), quotedString(value)]) {
          expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
          const file = parse(`const v = ${literal};`);
          expect(parseErrors(file)).toEqual([]);
          const init = (file.statements[0] as ts.VariableStatement).declarationList.declarations[0]!.initializer as ts.StringLiteral;
          expect(init.text).toBe(value);
          // And as JavaScript evaluates it.
          expect(new Function(`return ${literal};`)()).toBe(value);
        }
      }),
      params,
    );
  });

  it('literalKey: an object-literal key that names exactly the value', () => {
    fc.assert(
      fc.property(
        hostile.filter((s) => s.length > 0),
        (name) => {
          const object = new Function(`return { ${literalKey(name)}: 1 };`)() as Record<string, number>;
          expect(Object.keys(object)).toEqual([name]);
        },
      ),
      params,
    );
  });

  it('lineCommentText: a // comment that ends where the line ends', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const file = parse(`// ${lineCommentText(text)}\nconst after = 1;`);
        expect(parseErrors(file)).toEqual([]);
        expect(file.statements).toHaveLength(1);
      }),
      params,
    );
  });

  it('escapeCommentText: a JSDoc comment that reads back as the text (as Markdown reads it), with no tags', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const file = parse(`/**\n * ${escapeCommentText(text).split('\n').join('\n * ')}\n */\nconst after = 1;`);
        expect(parseErrors(file)).toEqual([]);
        expect(file.statements).toHaveLength(1);
        const docs = ts.getJSDocCommentsAndTags(file.statements[0]!).filter(ts.isJSDoc);
        expect(docs).toHaveLength(1);
        expect(docs[0]!.tags ?? []).toHaveLength(0);
        expect(asMarkdownReads(ts.getTextOfJSDocComment(docs[0]!.comment) ?? '')).toBe(asMarkdownReads(text));
      }),
      params,
    );
  });

  it('markdown helpers: one line, no table cell ends early, no raw HTML tag outside code', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const out of [markdownText(text), markdownCell(text), markdownCode(text)]) {
          expect(out).not.toMatch(/[\r\n]/);
          // Every `|` is escaped (an odd run of backslashes before it).
          for (const m of out.matchAll(/(\\*)\|/g)) expect(m[1]!.length % 2).toBe(1);
        }
        expect(markdownText(text)).not.toMatch(/(^|[^\\])</);
      }),
      params,
    );
  });
});
