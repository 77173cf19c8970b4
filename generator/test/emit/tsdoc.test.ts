/** IR docs → TSDoc: layout, escaping, tags. */
import { describe, expect, it } from 'vitest';
import { docModel, escapeCommentText, jsDocText } from '../../src/emit/tsdoc.js';

describe('escapeCommentText', () => {
  it.each([
    ['ends */ early', 'ends *\\/ early'],
    ['opens /* nothing', 'opens /\\* nothing'],
    ['a\r\nb\rc', 'a\nb\nc'],
    ['@deprecated is text here\n  @param too', '\\@deprecated is text here\n  \\@param too'],
    ['mail me at x@y.z', 'mail me at x@y.z'],
    ['ask @support', 'ask \\@support'],
    ['see {@link X}', 'see {@link X}'],
  ])('%j', (given, want) => {
    expect(escapeCommentText(given)).toBe(want);
  });
});

describe('jsDocText', () => {
  it('returns nothing for empty docs', () => {
    expect(jsDocText({})).toBe('');
    expect(docModel(undefined)).toBeUndefined();
  });

  it('puts a lone line on one line', () => {
    expect(jsDocText({ description: 'Hello.' })).toBe('/** Hello. */\n');
    expect(jsDocText({ deprecated: true })).toBe('/** @deprecated */\n');
  });

  it('orders title, description, format/constraints/extra lines, inferred, source, external docs, then tags', () => {
    const text = jsDocText(
      {
        title: 'Name',
        description: 'The name.\n\nSecond paragraph.',
        format: 'email',
        constraints: { maxLength: 64, pattern: '^a' },
        inferred: true,
        default: 'x',
        examples: [{ a: 1 }],
        externalDocsUrl: 'https://example.com',
        deprecated: true,
      },
      { lines: ['Query parameter.'], source: '#/components/schemas/A' },
    );
    expect(text).toBe(
      [
        '/**',
        ' * Name',
        ' *',
        ' * The name.',
        ' *',
        ' * Second paragraph.',
        ' *',
        ' * Format: `email`',
        ' * Constraints: maxLength 64, pattern `^a`',
        ' * Query parameter.',
        " * Inferred: not stated by the API's documentation (`x-inferred`).",
        ' * Source: `#/components/schemas/A`',
        ' * See also: https://example.com',
        ' * @default "x"',
        ' * @example {',
        ' *   "a": 1',
        ' * }',
        ' * @deprecated',
        ' */',
        '',
      ].join('\n'),
    );
  });

  it('documents a null default and escapes terminators inside examples', () => {
    expect(jsDocText({ default: null })).toBe('/** @default null */\n');
    expect(jsDocText({ examples: ['*/'] })).toBe('/** @example "*\\/" */\n');
  });
});
