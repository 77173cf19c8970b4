/** The README's sentence on how the next page is requested, per pagination style (files.ts nextPageSentence). */
import { describe, expect, it } from 'vitest';
import { nextPageSentence } from '../../src/emit/client/files.js';
import type { Pagination } from '../../src/model/types.js';

const base: Pagination = {
  style: 'page',
  in: 'query',
  itemsField: '/results',
  itemSchema: { kind: 'unknown', nullable: false, pointer: '#/components/schemas/Item' },
  source: 'extension',
  reason: '',
};

describe('nextPageSentence', () => {
  it('says which parameter carries what, for every style', () => {
    expect(nextPageSentence({ ...base, pageParam: 'page', nextField: '/next' })).toBe(
      "the next page is the same request with `page` in the query set to the page number in the body's `next` (when that holds a URL: its `page` query parameter, else the page number plus one); there is none when it is empty.",
    );
    expect(nextPageSentence({ ...base, pageParam: 'page', countField: '/count' })).toBe(
      'the next page is the same request with `page` in the query plus one, until a page comes back empty or `count` items have been listed.',
    );
    expect(nextPageSentence({ ...base, style: 'offset', in: 'body', pageParam: 'offset' })).toBe(
      'the next page is the same request with `offset` in the request body advanced by the number of items received, until a page comes back empty.',
    );
    expect(nextPageSentence({ ...base, style: 'cursor', cursorParam: 'after', nextField: '/meta/next_cursor' })).toBe(
      "the next page is the same request with `after` in the query set to the body's `meta/next_cursor`; there is none when that is empty.",
    );
    expect(nextPageSentence({ ...base, style: 'next-link' })).toBe(
      'the next page is the `rel="next"` URL of the `Link` response header, requested as it is (header and cookie parameters kept).',
    );
    expect(nextPageSentence({ ...base, style: 'next-link', nextField: '/links/next' })).toContain("the URL in the body's `links/next`");
  });
});
