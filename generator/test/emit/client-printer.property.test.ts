/**
 * The client package is printed in prettier's layout whatever the names and texts are: generated
 * APIs (fast-check, fixed seed) with names from one letter to far past the print width, hostile wire
 * names, long paths and media types, numeric and string enums, security alternatives, pagination
 * pointers, form and multipart encodings and webhook signatures; prettier over every printed file
 * changes nothing. The fixtures only reach the common widths; this reaches the breaks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitClientPackage } from '../../src/emit/client/index.js';
import type { Api, HttpMethod, NamedSchema, Operation, Pagination, Parameter, SecurityScheme, WebhookSignature } from '../../src/model/types.js';
import { api, named, operation, param, response, s } from './ir.js';
import { prettierChanges } from './printer-identity.js';

const seed = Number(process.env['FC_SEED'] ?? 20261206);
const runs = Number(process.env['SDKGEN_PRINTER_RUNS'] ?? 60);

/** Identifiers of 1 to ~90 characters (the lengths that cross the 100-column width somewhere). */
const identifier = fc
  .tuple(fc.constantFrom('A', 'B', 'Pet', 'Widget', 'X'), fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{0,12}$/), fc.stringMatching(/^[A-Za-z0-9]{20,85}$/)))
  .map(([head, tail]) => `${head}${tail}`);
const camel = identifier.map((n) => n.charAt(0).toLowerCase() + n.slice(1));
/** Wire names and texts: plain, long, or full of quotes, spaces and punctuation. */
const wire = fc.oneof(
  camel,
  fc.stringMatching(/^[a-z][a-z0-9_-]{0,70}$/),
  fc.string({ unit: fc.constantFrom('a', 'B', '-', ' ', "'", '"', '\\', '/', '{', '}', '$', '_', '1', '__proto__', 'toString'), minLength: 1, maxLength: 40 }),
);
const methods: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

const parameterArb = fc
  .record({
    name: wire,
    in: fc.constantFrom<Parameter['in']>('path', 'query', 'header', 'cookie'),
    required: fc.boolean(),
    style: fc.constantFrom<Parameter['style']>('form', 'simple', 'deepObject', 'pipeDelimited'),
    explode: fc.boolean(),
    allowReserved: fc.boolean(),
    json: fc.boolean(),
  })
  .map((p) =>
    param(p.name, p.in, s.string(), p.required, {
      style: p.style,
      explode: p.explode,
      allowReserved: p.allowReserved,
      ...(p.json ? { contentMediaType: 'application/json' } : {}),
    }),
  );

const paginationArb: fc.Arbitrary<Pagination | undefined> = fc
  .option(
    fc.record({
      style: fc.constantFrom<Pagination['style']>('page', 'offset', 'cursor', 'next-link'),
      in: fc.constantFrom<Pagination['in']>('query', 'body'),
      pageParam: wire,
      itemsField: fc.array(fc.oneof(wire, fc.constant('{i}'), fc.constant('0')), { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}`),
      groups: fc.boolean(),
      refItem: fc.boolean(),
    }),
    { nil: undefined },
  )
  .map((p) =>
    p === undefined
      ? undefined
      : {
          style: p.style,
          in: p.in,
          pageParam: p.pageParam,
          itemsField: p.itemsField,
          ...(p.groups ? { groupsField: '/results' } : {}),
          itemSchema: p.refItem ? s.ref('Item') : s.unknown(),
          source: 'extension' as const,
          reason: 'x-pagination',
        },
  );

const operationArb = (schemeKeys: readonly string[]) =>
  fc
    .record({
      id: identifier,
      method: fc.constantFrom(...methods),
      path: fc.oneof(fc.stringMatching(/^(\/[a-z{}_]{1,12}){1,4}$/), fc.stringMatching(/^(\/[a-z{}_]{15,30}){3,6}$/)),
      resource: fc.array(camel, { maxLength: 2 }),
      params: fc.array(parameterArb, { maxLength: 4 }),
      body: fc.option(
        fc.record({
          kind: fc.constantFrom('json', 'form', 'multipart', 'binary', 'text') as fc.Arbitrary<'json' | 'form' | 'multipart' | 'binary' | 'text'>,
          mediaType: fc.oneof(fc.constant('application/json'), fc.stringMatching(/^[a-z]{1,20}\/[a-z.+-]{1,40}$/)),
          required: fc.boolean(),
          encoding: fc.array(fc.tuple(wire, fc.constantFrom('form', 'deepObject'), fc.boolean()), { maxLength: 3 }),
        }),
        { nil: undefined },
      ),
      statuses: fc.uniqueArray(fc.constantFrom('200', '201', '204', '400', '404', '4XX', 'default'), { maxLength: 5 }),
      security: schemeKeys.length === 0 ? fc.constant<string[][]>([]) : fc.array(fc.subarray([...schemeKeys], { minLength: 1 }), { maxLength: 3 }),
      pagination: paginationArb,
      idempotent: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map((o): Operation => {
      const body = o.body;
      const encoding = body === undefined ? undefined : Object.fromEntries(body.encoding.map(([k, style, explode]) => [k, { style, explode }]));
      return operation(`op${o.id}`, o.method, o.path, {
        resource: o.resource,
        methodName: `m${o.id}`,
        parameters: {
          path: o.params.filter((p) => p.in === 'path'),
          query: o.params.filter((p) => p.in === 'query'),
          header: o.params.filter((p) => p.in === 'header'),
          cookie: o.params.filter((p) => p.in === 'cookie'),
        },
        ...(body !== undefined
          ? {
              requestBody: {
                required: body.required,
                pointer: '#/b',
                contents: [
                  {
                    mediaType: body.mediaType,
                    bodyKind: body.kind,
                    schema: s.object([]),
                    ...(encoding !== undefined && Object.keys(encoding).length > 0 ? { encoding } : {}),
                  },
                ],
              },
            }
          : {}),
        responses: o.statuses.map((status) => response(status, s.string())),
        security: o.security.map((alt) => alt.map((scheme) => ({ scheme, scopes: [] }))),
        ...(o.pagination !== undefined ? { pagination: o.pagination } : {}),
        ...(o.idempotent !== undefined ? { idempotent: o.idempotent } : {}),
      });
    });

const schemeArb = fc
  .record({
    key: wire,
    kind: fc.constantFrom('basic', 'bearer', 'token', 'apiKey'),
    paramName: wire,
    in: fc.constantFrom<'header' | 'query' | 'cookie'>('header', 'query', 'cookie'),
    fields: fc.array(wire, { maxLength: 3 }),
    lifetime: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: undefined }),
  })
  .map((x): SecurityScheme => {
    if (x.kind === 'basic') return { key: x.key, type: 'http', scheme: 'basic', extensions: {} };
    if (x.kind === 'apiKey') return { key: x.key, type: 'apiKey', in: x.in, paramName: x.paramName, extensions: {} };
    const base: SecurityScheme = { key: x.key, type: 'http', scheme: 'bearer', extensions: {} };
    if (x.kind === 'bearer') return base;
    return {
      ...base,
      tokenEndpoint: {
        operationId: 'none',
        method: 'post',
        path: `/${x.paramName}`,
        credentialsScheme: x.key,
        tokenField: '/token',
        requestFields: x.fields,
        ...(x.lifetime !== undefined ? { lifetimeSeconds: x.lifetime, slidingExpiry: true } : {}),
      },
    };
  });

const enumArb = fc
  .record({
    id: identifier,
    values: fc.oneof(
      fc.uniqueArray(wire, { minLength: 1, maxLength: 12 }),
      fc.uniqueArray(fc.integer({ min: -100_000, max: 100_000_000 }), { minLength: 1, maxLength: 40 }),
      fc.uniqueArray(fc.oneof(fc.boolean(), fc.integer(), wire), { minLength: 1, maxLength: 6 }),
    ),
  })
  .map((e): NamedSchema => named(`${e.id}Enum`, s.enum(e.values)));

const signatureArb: fc.Arbitrary<WebhookSignature | undefined> = fc
  .option(
    fc.record({
      scheme: fc.constantFrom<WebhookSignature['scheme']>('hmac', 'standard-webhooks', 'timestamped'),
      header: wire,
      prefix: fc.option(wire, { nil: undefined }),
      challenge: fc.option(fc.tuple(wire, wire), { nil: undefined }),
    }),
    { nil: undefined },
  )
  .map((x) =>
    x === undefined
      ? undefined
      : {
          scheme: x.scheme,
          algorithm: 'hmac-sha256',
          header: x.header,
          encoding: 'hex',
          signedContent: 'raw-body',
          ...(x.prefix !== undefined ? { prefix: x.prefix } : {}),
          ...(x.challenge !== undefined
            ? { challenge: { method: 'get', challengeHeader: x.challenge[0], verifyTokenHeader: x.challenge[1], respondWith: 'challenge-text' } }
            : {}),
        },
  );

const apiArb: fc.Arbitrary<{ model: Api; clientName: string; typesPackage: string }> = fc
  .uniqueArray(schemeArb, { selector: (x) => x.key, maxLength: 4 })
  .chain((schemes) =>
    fc.record({
      model: fc
        .record({
          operations: fc.uniqueArray(operationArb(schemes.map((x) => x.key)), { selector: (o) => o.operationId, minLength: 1, maxLength: 8 }),
          enums: fc.uniqueArray(enumArb, { selector: (e) => e.key, maxLength: 3 }),
          signature: signatureArb,
          webhook: fc.option(identifier, { nil: undefined }),
          title: wire,
          url: fc.stringMatching(/^https:\/\/[a-z.]{1,60}$/),
        })
        .map(({ operations, enums, signature, webhook, title, url }) =>
          api([named('Item', s.object([])), ...enums], operations, {
            title,
            securitySchemes: schemes,
            security: [],
            servers: [{ url, variables: {} }],
            ...(signature !== undefined ? { webhookSignature: signature } : {}),
            ...(webhook !== undefined
              ? {
                  webhooks: [
                    {
                      name: webhook,
                      identifier: webhook,
                      method: 'post' as const,
                      parameters: { path: [], query: [], header: [], cookie: [] },
                      requestBody: {
                        required: true,
                        contents: [{ mediaType: 'application/json', bodyKind: 'json' as const, schema: s.object([]) }],
                        pointer: '#/w',
                      },
                      responses: [],
                      pointer: '#/webhooks/x',
                    },
                  ],
                }
              : {}),
          }),
        ),
      clientName: identifier,
      typesPackage: fc.oneof(fc.constant('@t/types'), fc.stringMatching(/^@[a-z]{1,30}\/[a-z-]{1,40}$/)),
    }),
  );

describe(`the printed client package is prettier's output (fast-check seed ${seed}, ${runs} runs; FC_SEED to replay)`, () => {
  it('for generated APIs of every width', async () => {
    await fc.assert(
      fc.asyncProperty(apiArb, async ({ model, clientName, typesPackage }) => {
        const files = emitClientPackage(model, {
          typesPackageName: typesPackage,
          clientPackageName: '@t/client',
          clientName,
          specPath: 'spec.yaml',
          command: 'pnpm generate',
          existingVersions: {},
        });
        expect(await prettierChanges(files)).toEqual([]);
      }),
      { seed, numRuns: runs },
    );
  }, 300_000);
});
