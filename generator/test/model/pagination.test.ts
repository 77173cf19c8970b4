import { describe, expect, it } from 'vitest';
import { build, buildErrors, fixture, op, strip } from './helpers.js';

describe('pagination (rules/pagination fixture)', () => {
  const { api, diagnostics } = build(fixture('rules/pagination'));

  it('builds without diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('detects the count/next/previous/results envelope with page/page_size', () => {
    expect(strip(op(api, 'listDatasources').pagination)).toEqual({
      style: 'page',
      in: 'query',
      pageParam: 'page',
      sizeParam: 'page_size',
      itemsField: '/results',
      nextField: '/next',
      countField: '/count',
      itemSchema: { kind: 'ref', target: 'DataSource', nullable: false },
      source: 'detected',
      reason: 'PaginatedDataSourceList has count/next/previous/results and the operation takes page/page_size',
    });
  });

  it('the same envelope without page parameters follows next links', () => {
    expect(op(api, 'listLinks').pagination).toMatchObject({ style: 'next-link', source: 'detected', itemsField: '/results', nextField: '/next' });
  });

  it('a Link response header means next-link over the array body', () => {
    expect(strip(op(api, 'listEvents').pagination)).toEqual({
      style: 'next-link',
      in: 'query',
      itemsField: '',
      itemSchema: { kind: 'string', nullable: false },
      source: 'detected',
      reason: 'the 200 response declares a Link header (rel="next")',
    });
  });

  it('x-pagination in the body with groups (custom-setting options)', () => {
    expect(strip(op(api, 'listCustomSettingOptions').pagination)).toEqual({
      style: 'page',
      in: 'body',
      pageParam: 'page',
      sizeParam: 'page_size',
      itemsField: '/results/{i}/results',
      nextField: '/results/{i}/next',
      countField: '/results/{i}/count',
      groupsField: '/results',
      pageNumbersAsStrings: true,
      itemSchema: { kind: 'ref', target: 'CustomSettingOption', nullable: false },
      source: 'extension',
      reason: 'declared by x-pagination',
    });
  });

  it('x-pagination cursor style over an inline response', () => {
    expect(op(api, 'listWidgets').pagination).toMatchObject({
      style: 'cursor',
      cursorParam: 'cursor',
      itemsField: '/items',
      nextField: '/next_cursor',
      itemSchema: { kind: 'string' },
    });
  });

  it('operations without a page shape get none', () => {
    const { api: a } = build(fixture('cases/date-formats'));
    expect(a.operations[0]?.pagination).toBeUndefined();
  });
});

const doc = (ext: string, params = '', body = '') => `openapi: 3.1.0
info: { title: t, version: "1" }
paths:
  /things:
    post:
      operationId: listThings
      x-pagination: ${ext}
      parameters: [${params}]
${body}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Page' }
components:
  schemas:
    Page:
      type: object
      properties:
        groups:
          type: array
          items:
            allOf:
              - type: object
                properties: { id: { type: string } }
              - type: object
                properties:
                  items: { type: array, items: { type: integer } }
                  next: { type: [string, "null"] }
`;

describe('x-pagination validation', () => {
  it('pointers through arrays ({i}), refs and allOf members resolve', () => {
    const { api, diagnostics } = build(
      doc(
        '{ style: page, in: body, pageParam: page, groupsField: /groups, groupKeyField: "/groups/{i}/id", groupFilterParam: ids, itemsField: "/groups/{i}/items", nextField: "/groups/{i}/next" }',
        '',
        `      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { page: { type: integer }, ids: { type: array, items: { type: string } } } }`,
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(op(api, 'listThings').pagination).toMatchObject({ itemSchema: { kind: 'integer' }, groupKeyField: '/groups/{i}/id', groupFilterParam: 'ids' });
  });

  it('a pointer that does not exist is an error with the pointer of the field', () => {
    const d = buildErrors(doc('{ style: page, itemsField: "/groups/{i}/items", nextField: "/groups/{i}/nope", countField: /count }'));
    expect(d.filter((x) => x.severity === 'error').map((x) => [x.code, x.pointer])).toEqual([
      ['model/pagination-pointer', '#/paths/~1things/post/x-pagination/nextField'],
      ['model/pagination-pointer', '#/paths/~1things/post/x-pagination/countField'],
    ]);
  });

  it('itemsField must reach an array', () => {
    const d = buildErrors(doc('{ style: page, itemsField: "/groups/{i}/next" }'));
    expect(d.map((x) => [x.code, x.message])).toEqual([['model/pagination-pointer', 'x-pagination.itemsField /groups/{i}/next is not an array']]);
  });

  it('invalid style / in / missing itemsField are errors', () => {
    expect(buildErrors(doc('{ style: pages, itemsField: /groups }')).map((x) => x.pointer)).toEqual(['#/paths/~1things/post/x-pagination/style']);
    expect(buildErrors(doc('{ style: page, in: header, itemsField: /groups }')).map((x) => x.pointer)).toEqual(['#/paths/~1things/post/x-pagination/in']);
    expect(buildErrors(doc('{ style: page }')).map((x) => x.message)).toEqual(['x-pagination.itemsField (a JSON pointer into the response) is required']);
  });

  it('paging parameters the operation does not take are warnings', () => {
    const { diagnostics } = build(
      doc('{ style: page, pageParam: page, sizeParam: size, itemsField: /groups }', '{ name: page, in: query, schema: { type: integer } }'),
    );
    expect(diagnostics.map((x) => [x.code, x.pointer])).toEqual([['model/pagination-parameter', '#/paths/~1things/post/x-pagination/sizeParam']]);
  });
});
