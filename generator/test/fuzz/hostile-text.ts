/**
 * Documents whose every text slot holds a hostile string: quotes (' " `), `${`, `*​/`, `/*`, `</script>`,
 * backslashes, CR/LF, U+2028/U+2029, NUL, lone surrogates, `@tags`, `|`, HTML with single quotes. Shared by
 * hostile-text.test.ts (fast-check) and the fixture `fixtures/rules/hostile-text` (hand-picked strings).
 *
 * The document has a cursor-paginated list (x-pagination) whose response's cursor property carries the slot's
 * description (issue 15's reduced case), a component schema with odd property names, enum values, examples and
 * defaults, a tag, an apiKey scheme and a bearer scheme with `x-token-endpoint`, a server URL, an idempotency header,
 * a form body with an encoding, error responses and a signed webhook (`x-webhook-signature`).
 */
import type { JsonObject } from './arbitraries.js';

/** Pieces hostile strings are made of. */
export const HOSTILE_PIECES = [
  "'",
  '"',
  '`',
  '${',
  '}',
  '*/',
  '/*',
  '//',
  '</script>',
  '\\',
  '\\n',
  '\r',
  '\n',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0000',
  '\uD800',
  '\uDC00',
  '@deprecated',
  ' @param x',
  '{@link X}',
  '|',
  "<p class='filter'>",
  '#',
  ' ',
  'a',
  'Zz',
  '😀',
  '&amp;',
  '-->',
  '$',
];

/** Every text slot of {@link hostileDocument}: each holds one hostile string. */
export interface HostileSlots {
  title: string;
  version: string;
  infoDescription: string;
  serverUrl: string;
  tagName: string;
  tagDescription: string;
  schemeKey: string;
  apiKeyName: string;
  schemeDescription: string;
  schemaTitle: string;
  schemaDescription: string;
  propertyName: string;
  propertyDescription: string;
  enumValue: string;
  example: string;
  default: string;
  operationId: string;
  summary: string;
  description: string;
  pathSegment: string;
  paramName: string;
  paramDescription: string;
  cursorParam: string;
  cursorProperty: string;
  cursorDescription: string;
  responseDescription: string;
  errorDescription: string;
  mediaType: string;
  formField: string;
  idempotencyHeader: string;
  signatureHeader: string;
  signaturePrefix: string;
  tokenField: string;
  webhookName: string;
  webhookDescription: string;
}

export const SLOT_NAMES: ReadonlyArray<keyof HostileSlots> = [
  'title',
  'version',
  'infoDescription',
  'serverUrl',
  'tagName',
  'tagDescription',
  'schemeKey',
  'apiKeyName',
  'schemeDescription',
  'schemaTitle',
  'schemaDescription',
  'propertyName',
  'propertyDescription',
  'enumValue',
  'example',
  'default',
  'operationId',
  'summary',
  'description',
  'pathSegment',
  'paramName',
  'paramDescription',
  'cursorParam',
  'cursorProperty',
  'cursorDescription',
  'responseDescription',
  'errorDescription',
  'mediaType',
  'formField',
  'idempotencyHeader',
  'signatureHeader',
  'signaturePrefix',
  'tokenField',
  'webhookName',
  'webhookDescription',
];

/** Distinct strings where the document needs them distinct (names in one namespace). */
function distinct(a: string, b: string): string {
  return a === b ? `${b}2` : b;
}

/** A valid OpenAPI 3.1 document with every slot of `s` in its place. */
export function hostileDocument(s: HostileSlots): JsonObject {
  const schemeKey = s.schemeKey;
  const bearerKey = distinct(schemeKey, `${schemeKey}-bearer`);
  const cursorParam = distinct(s.paramName, s.cursorParam);
  const cursorProperty = s.cursorProperty === 'items' ? 'items2' : s.cursorProperty;
  const propertyName = s.propertyName === 'status' ? 'status2' : s.propertyName;
  const tokenField = s.tokenField;
  const path = `/items/${s.pathSegment.replace(/[{}/?#]/g, '_')}`;
  const enumValue2 = distinct(s.enumValue, `${s.enumValue}-2`);
  return {
    openapi: '3.1.0',
    info: { title: s.title, version: s.version, description: s.infoDescription },
    servers: [{ url: s.serverUrl }],
    tags: [{ name: s.tagName, description: s.tagDescription }],
    'x-webhook-signature': {
      scheme: 'hmac',
      algorithm: 'hmac-sha256',
      header: s.signatureHeader,
      prefix: s.signaturePrefix,
      idempotencyHeader: s.idempotencyHeader,
    },
    security: [{ [schemeKey]: [] }],
    paths: {
      [path]: {
        get: {
          operationId: s.operationId,
          summary: s.summary,
          description: s.description,
          tags: [s.tagName],
          'x-pagination': { style: 'cursor', cursorParam, itemsField: '/items', nextField: `/${cursorProperty.replace(/~/g, '~0').replace(/\//g, '~1')}` },
          parameters: [
            { name: s.paramName, in: 'query', description: s.paramDescription, schema: { type: 'string', default: s.default, examples: [s.example] } },
            { name: cursorParam, in: 'query', schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: s.responseDescription,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['items'],
                    properties: {
                      items: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
                      [cursorProperty]: { type: ['string', 'null'], description: s.cursorDescription },
                    },
                  },
                },
              },
            },
            '404': {
              description: s.errorDescription,
              content: { 'application/json': { schema: { type: 'object', properties: { message: { type: 'string', description: s.errorDescription } } } } },
            },
          },
        },
        post: {
          operationId: distinct(s.operationId, `${s.operationId}-create`),
          summary: s.summary,
          tags: [s.tagName],
          security: [{ [schemeKey]: [] }, { [bearerKey]: [] }],
          parameters: [{ name: s.idempotencyHeader, in: 'header', 'x-idempotency-key': true, schema: { type: 'string' } }],
          requestBody: {
            description: s.description,
            content: {
              'application/x-www-form-urlencoded': {
                schema: { type: 'object', properties: { [s.formField]: { type: 'string', description: s.propertyDescription } } },
                encoding: { [s.formField]: { contentType: s.mediaType } },
              },
            },
          },
          responses: {
            '201': {
              description: s.responseDescription,
              content: { [`application/${s.mediaType.replace(/[\s/;,]/g, '_')}+json`]: { schema: { $ref: '#/components/schemas/Thing' } } },
            },
          },
        },
      },
      '/token': {
        post: {
          operationId: distinct(s.operationId, distinct(`${s.operationId}-create`, `${s.operationId}-token`)),
          security: [],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object', required: ['key'], properties: { key: { type: 'string', examples: [s.example] } } } } },
          },
          responses: {
            '200': {
              description: s.responseDescription,
              content: { 'application/json': { schema: { type: 'object', required: [tokenField], properties: { [tokenField]: { type: 'string' } } } } },
            },
          },
        },
      },
    },
    webhooks: {
      [s.webhookName]: {
        post: {
          description: s.webhookDescription,
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          responses: { '200': { description: s.responseDescription } },
        },
      },
    },
    components: {
      securitySchemes: {
        [schemeKey]: { type: 'apiKey', in: 'header', name: s.apiKeyName, description: s.schemeDescription },
        [bearerKey]: {
          type: 'http',
          scheme: 'bearer',
          description: s.schemeDescription,
          'x-token-endpoint': {
            operationId: distinct(s.operationId, distinct(`${s.operationId}-create`, `${s.operationId}-token`)),
            credentialsScheme: schemeKey,
            tokenField: `/${tokenField.replace(/~/g, '~0').replace(/\//g, '~1')}`,
            requestFields: [s.formField],
          },
        },
      },
      schemas: {
        Thing: {
          type: 'object',
          title: s.schemaTitle,
          description: s.schemaDescription,
          required: ['status'],
          properties: {
            status: { $ref: '#/components/schemas/Status' },
            [propertyName]: { type: 'string', description: s.propertyDescription, default: s.default, examples: [s.example], title: s.schemaTitle },
          },
        },
        Status: { type: 'string', enum: [s.enumValue, enumValue2], description: s.schemaDescription },
      },
    },
  };
}

/**
 * Text as Markdown reads it, for comparing a comment with the document's text: a backslash before ASCII punctuation
 * dropped (CommonMark's escapes: `*\/`, `\@` read as `*​/`, `@`), line endings (CR, CRLF, U+2028, U+2029) and any
 * run of white space as one space, a lone surrogate as U+FFFD (a UTF-8 file cannot hold one), trimmed.
 */
export function asMarkdownReads(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/[\s\u2028\u2029]+/g, ' ')
    .trim();
}
