import { describe, expect, it } from 'vitest';
import { build, buildErrors, fixture } from './helpers.js';

describe('security schemes (rules/security fixture)', () => {
  const { api, diagnostics } = build(fixture('rules/security'));

  it('builds without diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('maps every scheme type, in spec order', () => {
    expect(api.securitySchemes.map((s) => ({ key: s.key, type: s.type, scheme: s.scheme, in: s.in, paramName: s.paramName }))).toEqual([
      { key: 'basicAuth', type: 'http', scheme: 'basic', in: undefined, paramName: undefined },
      { key: 'bearerAuth', type: 'http', scheme: 'bearer', in: undefined, paramName: undefined },
      { key: 'sessionCookie', type: 'apiKey', scheme: undefined, in: 'cookie', paramName: 'dts_session_id' },
      { key: 'workspaceHeader', type: 'apiKey', scheme: undefined, in: 'header', paramName: 'X-IM-WORKSPACE-ID' },
      { key: 'queryKey', type: 'apiKey', scheme: undefined, in: 'query', paramName: 'api_key' },
      { key: 'oauth', type: 'oauth2', scheme: undefined, in: undefined, paramName: undefined },
      { key: 'oidc', type: 'openIdConnect', scheme: undefined, in: undefined, paramName: undefined },
    ]);
  });

  it('x-token-endpoint → TokenEndpoint with the operation method and path', () => {
    const bearer = api.securitySchemes.find((s) => s.key === 'bearerAuth');
    expect(bearer).toMatchObject({ bearerFormat: 'opaque', description: 'Workspace token' });
    expect(bearer?.tokenEndpoint).toEqual({
      operationId: 'createToken',
      method: 'post',
      path: '/api/v3/token',
      credentialsScheme: 'basicAuth',
      tokenField: '/token',
      lifetimeSeconds: 1800,
      slidingExpiry: true,
      requestFields: ['workspace_id'],
    });
    expect(bearer?.extensions).toHaveProperty('x-token-endpoint');
  });

  it('document and operation security', () => {
    expect(api.security).toEqual([[{ scheme: 'bearerAuth', scopes: [] }]]);
    expect(api.operations.map((o) => [o.operationId, o.security])).toEqual([
      ['createToken', [[{ scheme: 'basicAuth', scopes: [] }]]],
      ['getPublic', []],
      [
        'getSession',
        [
          [
            { scheme: 'sessionCookie', scopes: [] },
            { scheme: 'workspaceHeader', scopes: [] },
          ],
          [{ scheme: 'oauth', scopes: ['read', 'write'] }],
        ],
      ],
    ]);
  });
});

const withToken = (te: string, more = '') => `openapi: 3.1.0
info: { title: t, version: "1" }
paths:
  /token:
    post:
      operationId: createToken
      responses:
        "200":
          description: ok
          content: { application/json: { schema: { type: object, properties: { token: { type: string } } } } }
components:
  securitySchemes:
    basic: { type: http, scheme: basic }
    bearer:
      type: http
      scheme: bearer
      x-token-endpoint: ${te}
${more}`;

describe('x-token-endpoint validation', () => {
  it('unknown operation, unknown credentials scheme: errors with pointers, all at once', () => {
    const d = buildErrors(withToken('{ operationId: nope, credentialsScheme: nada, tokenField: /token }'));
    expect(d.map((x) => [x.code, x.pointer])).toEqual([
      ['model/token-endpoint', '#/components/securitySchemes/bearer/x-token-endpoint/operationId'],
      ['model/token-endpoint', '#/components/securitySchemes/bearer/x-token-endpoint/credentialsScheme'],
    ]);
  });

  it('a missing operationId or credentialsScheme: said so, at the object (found by an adversarial run: "credentialsScheme undefined")', () => {
    const d = buildErrors(withToken('{ tokenField: /token }'));
    expect(d.map((x) => [x.code, x.pointer, x.message])).toEqual([
      [
        'model/token-endpoint',
        '#/components/securitySchemes/bearer/x-token-endpoint',
        'x-token-endpoint.operationId (the operation that issues the token) is required',
      ],
      [
        'model/token-endpoint',
        '#/components/securitySchemes/bearer/x-token-endpoint',
        'x-token-endpoint.credentialsScheme (the security scheme whose credentials the token operation takes) is required',
      ],
    ]);
  });

  it('tokenField must exist in the token response', () => {
    const d = buildErrors(withToken('{ operationId: createToken, credentialsScheme: basic, tokenField: /access_token }'));
    expect(d.map((x) => [x.code, x.pointer])).toEqual([['model/token-endpoint', '#/components/securitySchemes/bearer/x-token-endpoint/tokenField']]);
  });

  it('a stated method/path that differs from the operation is a warning', () => {
    const { diagnostics, api } = build(withToken('{ operationId: createToken, method: get, path: /token, credentialsScheme: basic, tokenField: /token }'));
    expect(diagnostics.map((x) => [x.code, x.pointer])).toEqual([['model/token-endpoint', '#/components/securitySchemes/bearer/x-token-endpoint/method']]);
    expect(api.securitySchemes[1]?.tokenEndpoint?.method).toBe('post');
  });

  it('invalid schemes are errors', () => {
    const d = buildErrors(`openapi: 3.1.0
info: { title: t, version: "1" }
paths: {}
components:
  securitySchemes:
    a: { type: apiKey, name: k }
    b: { type: magic }
    c: { type: http }
`);
    expect(d.map((x) => x.pointer)).toEqual(['#/components/securitySchemes/a/in', '#/components/securitySchemes/b/type', '#/components/securitySchemes/c']);
  });
});
