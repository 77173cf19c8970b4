/**
 * generator/src/pointer.ts: JSON pointers in URI fragments (RFC 6901 + RFC 3986), the awkward
 * tokens, the two other dialects (plain pointers, Redocly's), and that load and model name the
 * same place for a key that needs escaping.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unescapePointerFragment } from '@redocly/openapi-core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadDocument } from '../src/load/index.js';
import { buildModel } from '../src/model/build.js';
import {
  child,
  escapeToken,
  existingPrefix,
  fromRedoclyPointer,
  getAt,
  normalizePointer,
  parseJsonPointer,
  parsePointer,
  refToPointer,
  toPointer,
  toRedoclyPointer,
  unescapeToken,
} from '../src/pointer.js';

describe('reading a pointer in a URI fragment', () => {
  test.each([
    ['#', []],
    ['#/', []],
    ['', []],
    ['#/paths/~1pets', ['paths', '/pets']],
    ['/paths/~1pets', ['paths', '/pets']], // without the `#`
    // RFC 6901: `~1` before `~0`, so `~01` is the key `~1`, not `/`.
    ['#/~01', ['~1']],
    ['#/~0~1', ['~/']],
    ['#/a~1b~0c', ['a/b~c']],
    // Percent-decoding first, then the `~` escapes: `%7E1` is `~1`, i.e. `/`.
    ['#/%7E1', ['/']],
    ['#/%7e01', ['~1']],
    ['#/%25', ['%']],
    ['#/%2541', ['%41']],
    ['#/100%25', ['100%']],
    // `%2F` is a `/` inside its token, not a separator.
    ['#/a%2Fb/c', ['a/b', 'c']],
    // `{`/`}` raw or encoded: the same token.
    ['#/paths/~1pets~1{id}', ['paths', '/pets/{id}']],
    ['#/paths/~1pets~1%7Bid%7D', ['paths', '/pets/{id}']],
    ['#/paths/~1pets~1%7bid%7d', ['paths', '/pets/{id}']],
    // Empty tokens.
    ['#/a//b', ['a', '', 'b']],
    ['#/a/', ['a', '']],
    ['#//', ['', '']],
    // Array indexes are tokens like any other.
    ['#/parameters/0/schema', ['parameters', '0', 'schema']],
    // Unicode, raw or percent-encoded UTF-8.
    ['#/caf\u00e9/\u{1f600}', ['caf\u00e9', '\u{1f600}']],
    ['#/caf%C3%A9/%F0%9F%98%80', ['caf\u00e9', '\u{1f600}']],
  ])('%j → %j', (pointer, tokens) => {
    expect(parsePointer(pointer)).toEqual(tokens);
  });

  test.each([
    ['%zz', '%zz'],
    ['50%', '50%'],
    ['%4', '%4'],
    ['a%', 'a%'],
    ['%C3', '%C3'], // a lone lead byte
    ['%E2%82', '%E2%82'], // a character cut short
    ['%FF', '%FF'], // never UTF-8
    ['%C3%A9%FF', '\u00e9%FF'], // what decodes is decoded, the rest kept
    ['%FF%C3%A9', '%FF\u00e9'],
    ['%ED%A0%80', '%ED%A0%80'], // a lone surrogate
    ['~', '~'],
    ['~2', '~2'],
    ['a~', 'a~'],
  ])('a malformed escape is kept as is: %j → %j', (token, expected) => {
    expect(unescapeToken(token)).toBe(expected);
  });
});

describe('building a pointer', () => {
  test.each([
    [[], '#'],
    [['paths', '/pets/{id}', 'get'], '#/paths/~1pets~1{id}/get'],
    [['~1'], '#/~01'],
    [['a/b~c'], '#/a~1b~0c'],
    [['%41'], '#/%2541'], // would read as `A`
    [['100%'], '#/100%'], // reads back as is
    [['%zz', '%%41'], '#/%zz/%%2541'],
    [['a', '', 'b'], '#/a//b'],
    [['parameters', 0], '#/parameters/0'],
    [['caf\u00e9 {x}', '\u{1f600}'], '#/caf\u00e9 {x}/\u{1f600}'],
  ])('%j → %j', (tokens, pointer) => {
    expect(toPointer(tokens)).toBe(pointer);
    expect(child('#', ...tokens)).toBe(pointer);
  });

  test('child appends escaped tokens', () => {
    expect(child('#/paths', '/pets', 'get', 'parameters', 2)).toBe('#/paths/~1pets/get/parameters/2');
    expect(escapeToken('~/%7E')).toBe('~0~1%257E');
  });

  test('reading gives back exactly the tokens built (any string but a lone root key "")', () => {
    const token = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.stringMatching(/^[~/%0-9a-fA-F{}]{0,8}$/),
      fc.constantFrom('~01', '%7E1', '%25', '%2F', '{id}', '%7B', '', '0', '\u{1f600}', '%C3%A9', '%FF'),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 5 }), (tokens) => {
        fc.pre(!(tokens.length === 1 && tokens[0] === ''));
        expect(parsePointer(toPointer(tokens))).toEqual(tokens);
        expect(normalizePointer(toPointer(tokens))).toBe(toPointer(tokens));
      }),
      { numRuns: 2000, seed: 6901 },
    );
  });
});

describe('normalising', () => {
  test('a $ref in our spelling', () => {
    expect(normalizePointer('#/paths/~1pets~1%7Bid%7D')).toBe('#/paths/~1pets~1{id}');
    expect(normalizePointer('#/components/schemas/a%2Fb')).toBe('#/components/schemas/a~1b');
    expect(normalizePointer('#/')).toBe('#');
    expect(refToPointer('#/components/schemas/Pet')).toBe('#/components/schemas/Pet');
    expect(refToPointer('#/components/schemas/%50et')).toBe('#/components/schemas/Pet');
    expect(refToPointer('other.yaml#/components/schemas/Pet')).toBe('other.yaml#/components/schemas/Pet');
    expect(refToPointer('#/')).toBe('#');
    expect(refToPointer('#/a~2')).toBe('#/a~02');
    // The shortcut for refs with nothing to decode gives what normalising gives.
    fc.assert(
      fc.property(fc.stringMatching(/^[#/a~%0-9{}]{0,10}$/), (body) => {
        expect(refToPointer(`#${body}`)).toBe(normalizePointer(`#${body}`));
      }),
      { numRuns: 2000, seed: 3986 },
    );
  });

  test('plain RFC 6901 pointers: no `#`, no percent-decoding', () => {
    expect(parseJsonPointer('')).toEqual([]);
    expect(parseJsonPointer('/')).toEqual(['']);
    expect(parseJsonPointer('/results/{i}/a~1b/~01')).toEqual(['results', '{i}', 'a/b', '~1']);
    expect(parseJsonPointer('/a%41')).toEqual(['a%41']);
    expect(parseJsonPointer('results')).toBeUndefined();
  });

  test("Redocly's pointers in and out", () => {
    expect(fromRedoclyPointer('#/')).toBe('#');
    expect(fromRedoclyPointer('#/paths/~1a~1{id}/get')).toBe('#/paths/~1a~1{id}/get');
    // Redocly does not percent-encode keys: `%41` there is the text `%41`.
    expect(fromRedoclyPointer('#/properties/a%41')).toBe('#/properties/a%2541');
    expect(toRedoclyPointer([])).toBe('#/');
    const tokens = ['/a{b}', '~1', '50%', '%41', '\u00e9'];
    const spelled = toRedoclyPointer(tokens);
    // Redocly's own reading of each token gives the tokens back.
    expect(spelled.slice(2).split('/').map(unescapePointerFragment)).toEqual(tokens);
  });
});

describe('evaluating', () => {
  const doc = { list: ['a', 'b'], 'a/b': { '~1': 1, '': 2 }, 'caf\u00e9': true };

  test('getAt: keys, array indexes, missing places', () => {
    expect(getAt(doc, parsePointer('#/list/1'))).toBe('b');
    expect(getAt(doc, parsePointer('#/list/01'))).toBeUndefined();
    expect(getAt(doc, parsePointer('#/list/-'))).toBeUndefined();
    expect(getAt(doc, parsePointer('#/list/length'))).toBeUndefined();
    expect(getAt(doc, parsePointer('#/a~1b/~01'))).toBe(1);
    expect(getAt(doc, parsePointer('#/a%2Fb/'))).toBe(2);
    expect(getAt(doc, parsePointer('#/caf%C3%A9'))).toBe(true);
    expect(getAt(doc, parsePointer('#/toString'))).toBeUndefined();
  });

  test('existingPrefix stops at the first missing token', () => {
    expect(existingPrefix(doc, ['a/b', '~1', 'x'])).toEqual(['a/b', '~1']);
    expect(existingPrefix(doc, ['list', '5'])).toEqual(['list']);
  });
});

describe('load and model name the same place', () => {
  test('a key with `%41`, `~`, `/` and `{}`: the model diagnostic is located on that key', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sdkgen-pointer-'));
    try {
      const file = path.join(dir, 'openapi.yaml');
      writeFileSync(
        file,
        [
          'openapi: 3.1.0',
          'info: { title: T, version: "1" }',
          'paths: {}',
          'components:',
          '  schemas:',
          '    Thing:',
          '      type: object',
          '      properties:',
          '        plain: { type: string }',
          '        "a%41~/{b}":',
          '          type: string',
          '          enum: [x, x]',
          '    Ref:',
          '      $ref: "#/components/schemas/Thing/properties/a%2541~0~1%7Bb%7D"',
          '',
        ].join('\n'),
      );
      const loaded = await loadDocument('openapi.yaml', { cwd: dir });
      const { api, diagnostics } = buildModel(loaded);
      const duplicate = diagnostics.filter((d) => d.code === 'model/enum-duplicate');
      // Reported in Thing and again through Ref (inlined): the same place, so once.
      const pointer = '#/components/schemas/Thing/properties/a%2541~0~1{b}/enum/1';
      expect(duplicate.map((d) => [d.pointer, d.file, d.line])).toEqual([[pointer, 'openapi.yaml', 12]]);
      expect(parsePointer(pointer)).toEqual(['components', 'schemas', 'Thing', 'properties', 'a%41~/{b}', 'enum', '1']);
      expect(api.schemas.get('Ref')?.schema).toMatchObject({ kind: 'enum', values: ['x'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a key with `%41` in one of Redocly's problems: located on that key", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sdkgen-pointer-'));
    try {
      writeFileSync(
        path.join(dir, 'openapi.yaml'),
        [
          'openapi: 3.1.0',
          'info: { title: T, version: "1" }',
          'paths: {}',
          'components:',
          '  schemas:',
          '    Thing:',
          '      properties:',
          '        aA: { type: string }',
          '        "a%41":',
          '          type: string',
          '          minLength: many',
          '',
        ].join('\n'),
      );
      const error = await loadDocument('openapi.yaml', { cwd: dir }).then(
        () => undefined,
        (e: unknown) => e as { diagnostics: Array<{ code: string; pointer?: string; line?: number }> },
      );
      const d = error?.diagnostics.find((x) => x.code === 'load/invalid-structure');
      expect(d).toMatchObject({ pointer: '#/components/schemas/Thing/properties/a%2541/minLength', line: 11 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
