import { describe, expect, it } from 'vitest';
import { moduleOf, pathSegments } from '../../src/model/resources.js';
import { build, buildErrors, fixture, op } from './helpers.js';

const doc = (paths: string) => `openapi: 3.1.0
info: { title: t, version: "1" }
paths:
${paths}`;

describe('path segments', () => {
  it('drops the API prefix (api, version segments)', () => {
    expect(pathSegments('/api/v3.1/extracts/{id}/run')).toEqual([{ static: 'extracts' }, { param: 'id' }, { static: 'run' }]);
    expect(pathSegments('/v2_1/things/')).toEqual([{ static: 'things' }]);
    expect(pathSegments('/apiary/v3')).toEqual([{ static: 'apiary' }, { static: 'v3' }]);
  });

  it("module stems are kebab-case; the stems of the types package's own files (shared, index, openapi) are reserved", () => {
    expect(moduleOf('extractTemplates')).toBe('extract-templates');
    expect(moduleOf('projectsV2')).toBe('projects-v2');
    expect(moduleOf('shared')).toBe('shared-resource');
    expect(moduleOf('index')).toBe('index-resource');
    // Stems Windows reserves for devices, with any extension and in any case.
    expect(['con', 'Aux', 'NUL', 'com1', 'lpt9', 'prn'].map(moduleOf)).toEqual([
      'con-resource',
      'aux-resource',
      'nul-resource',
      'com1-resource',
      'lpt9-resource',
      'prn-resource',
    ]);
    expect(moduleOf('console')).toBe('console');
    expect(moduleOf('openapi')).toBe('openapi-resource');
  });
});

describe('resource and method rule (rules/resources fixture)', () => {
  const { api } = build(fixture('rules/resources'));
  const table: Array<[string, string, string, string]> = [
    // operationId, resource, method, module
    ['listDatasources', 'datasources', 'list', 'datasources'],
    ['listConnections', 'datasources.connections', 'list', 'datasources'],
    ['createConnection', 'datasources.connections', 'create', 'datasources'],
    ['getConnection', 'connections', 'retrieve', 'connections'],
    ['replaceConnection', 'connections', 'replace', 'connections'],
    ['updateConnection', 'connections', 'update', 'connections'],
    ['deleteConnection', 'connections', 'delete', 'connections'],
    ['createExtract', 'extracts', 'create', 'extracts'],
    ['runExtract', 'extracts', 'run', 'extracts'],
    ['regenerateWebhookEndpointSecret', 'webhooks.webhookEndpoints', 'regenerateSecret', 'webhooks'],
    ['listWorkspaceDashboards', 'workspaces.dashboards', 'list', 'workspaces'],
    ['getHealth', 'health', 'list', 'health'],
  ];
  for (const [id, resource, method, module] of table) {
    it(`${id} → ${resource}.${method} (${module})`, () => {
      const o = op(api, id);
      expect([o.resource.join('.'), o.methodName, o.module]).toEqual([resource, method, module]);
    });
  }
});

describe('more derivations', () => {
  it('PUT without a PATCH sibling is update; POST on an item takes the operationId minus resource words', () => {
    const { api } = build(
      doc(`  /articles/{id}:
    put: { operationId: putArticle, tags: [Articles], parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: ok } } }
    post: { operationId: publishArticle, tags: [Articles], parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: ok } } }
  /articles:
    delete: { operationId: purgeArticles, tags: [Articles], responses: { "204": { description: ok } } }
    head: { operationId: headArticles, tags: [Articles], responses: { "200": { description: ok } } }`),
    );
    expect(api.operations.map((o) => `${o.resource.join('.')}.${o.methodName}`)).toEqual([
      'articles.update',
      'articles.publish',
      'articles.delete',
      'articles.head',
    ]);
  });

  it('POST on an item: what is left of the operationId is a member name, `_` before a leading digit (rules/method-name-leading-digit)', () => {
    const { api } = build(fixture('rules/method-name-leading-digit'));
    expect(op(api, '2faResetAccount').methodName).toBe('_2faReset');
  });

  it('untagged: the collection segment, nested under parents followed by a parameter (case-18)', () => {
    const { api } = build(fixture('cases/dotted-path-parameters'));
    expect([op(api, 'getProjectFile').resource, op(api, 'getProjectFile').methodName]).toEqual([['projects', 'files'], 'retrieve']);
    const { api: a2 } = build(
      doc(`  /jobs/{id}/run:
    post: { operationId: runJob, parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: ok } } }
  /:
    get: { operationId: root, responses: { "200": { description: ok } } }`),
    );
    expect(a2.operations.map((o) => `${o.resource.join('.')}.${o.methodName}`)).toEqual(['jobs.run', 'root.list']);
  });

  it('tag matched singular/plural-insensitively against a segment', () => {
    const { api } = build(
      doc(`  /extract-template/{template_id}/preview/:
    post: { operationId: previewTemplate, tags: [Extract Templates], parameters: [{ name: template_id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: ok } } }
  /datasources/{name}/extract-templates:
    get: { operationId: listTemplates, tags: [Extract Templates], parameters: [{ name: name, in: path, required: true, schema: { type: string } }], responses: { "200": { description: ok } } }`),
    );
    expect(api.operations.map((o) => `${o.resource.join('.')}.${o.methodName} ${o.module}`)).toEqual([
      'extractTemplates.preview extract-templates',
      'datasources.extractTemplates.list datasources',
    ]);
  });

  it('x-sdk-resource / x-sdk-method win, and are camelCased with a warning when needed', () => {
    const { api, diagnostics } = build(
      doc(`  /x:
    get: { operationId: x, tags: [Other], x-sdk-resource: web_hooks.endpoints, x-sdk-method: regenerate_secret, responses: { "200": { description: ok } } }`),
    );
    expect([op(api, 'x').resource, op(api, 'x').methodName, op(api, 'x').module]).toEqual([['webHooks', 'endpoints'], 'regenerateSecret', 'web-hooks']);
    expect(diagnostics.map((d) => d.code)).toEqual(['model/sdk-resource-name', 'model/sdk-method-name']);
  });

  it('an empty or non-string x-sdk-resource / x-sdk-method: the derived names, with a warning each (was silent)', () => {
    const { api, diagnostics } = build(
      doc(`  /things:
    get: { operationId: listThings, x-sdk-resource: 42, x-sdk-method: '  ', responses: { "200": { description: ok } } }`),
    );
    expect([op(api, 'listThings').resource, op(api, 'listThings').methodName]).toEqual([['things'], 'list']);
    expect(diagnostics.map((d) => [d.code, d.pointer, d.message])).toEqual([
      ['model/sdk-resource-name', '#/paths/~1things/get/x-sdk-resource', 'x-sdk-resource 42 is not a name; the derived one is used'],
      ['model/sdk-method-name', '#/paths/~1things/get/x-sdk-method', 'x-sdk-method "  " is not a name; the derived one is used'],
    ]);
  });
});

describe('nesting by path under one tag', () => {
  it('sub-collections, sub-resources with actions, tags that name no segment, the API spelling of the tag', () => {
    const id = (n: string) => `{ name: ${n}, in: path, required: true, schema: { type: string } }`;
    const ok = '{ "200": { description: ok } }';
    const { api, diagnostics } = build(
      doc(`  /api/v3/datasources:
    get: { operationId: a1, tags: [Data sources], responses: ${ok} }
  /api/v3/datasources/{name}/connections/{id}:
    delete: { operationId: a2, tags: [Data sources], parameters: [${id('name')}, ${id('id')}], responses: ${ok} }
  /api/v3/datasources/{name}/external-auth-links/{id}/revoke:
    post: { operationId: a3, tags: [Data sources], parameters: [${id('name')}, ${id('id')}], responses: ${ok} }
  /api/v3/connections/{id}/accounts:
    get: { operationId: a4, tags: [Connections], parameters: [${id('id')}], responses: ${ok} }
    post: { operationId: a5, tags: [Connections], parameters: [${id('id')}], responses: ${ok} }
  /api/v3/roles/permissions:
    get: { operationId: a6, tags: [Roles], responses: ${ok} }
  /api/v3/webhook_endpoints/:
    get: { operationId: a7, tags: [Webhooks], responses: ${ok} }
  /api/v3/webhook_endpoints/{id}/verify/:
    post: { operationId: a8, tags: [Webhooks], parameters: [${id('id')}], responses: ${ok} }
  /api/v3/get_iframe_url:
    post: { operationId: a9, responses: ${ok} }
  /api/v3/extracts/migrate-wide:
    post: { operationId: a10, tags: [Extracts], responses: ${ok} }`),
    );
    expect(diagnostics).toEqual([]);
    expect(api.operations.map((o) => `${o.resource.join('.')}.${o.methodName}`)).toEqual([
      'datasources.list',
      'datasources.connections.delete',
      'datasources.externalAuthLinks.revoke',
      'connections.accounts.list',
      'connections.accounts.create',
      'roles.permissions.list',
      'webhooks.webhookEndpoints.list',
      'webhooks.webhookEndpoints.verify',
      'getIframeUrl.create',
      'extracts.migrateWide',
    ]);
  });
});

describe('collisions', () => {
  it('derived names that collide fall back to the camelCased operationId, with a warning and a rename', () => {
    const { api, diagnostics } = build(
      doc(`  /items/{id}:
    post: { operationId: updateItem, tags: [Items], parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: ok } } }
    patch: { operationId: patch_item, tags: [Items], parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: ok } } }`),
    );
    expect(api.operations.map((o) => o.methodName)).toEqual(['update', 'patchItem']);
    expect(diagnostics.map((d) => [d.code, d.severity, d.pointer])).toEqual([['model/method-name-collision', 'warning', '#/paths/~1items~1{id}/patch']]);
    expect(api.renames).toContainEqual({
      pointer: '#/paths/~1items~1{id}/patch',
      from: 'update',
      to: 'patchItem',
      reason: 'method name collides with updateItem (#/paths/~1items~1{id}/post)',
    });
  });

  it('explicit x-sdk-method names claim first; a derived name that collides with one falls back', () => {
    const { api } = build(
      doc(`  /a:
    get: { operationId: listA, tags: [A], responses: { "200": { description: ok } } }
  /a/special:
    get: { operationId: special, tags: [A], x-sdk-resource: a, x-sdk-method: list, responses: { "200": { description: ok } } }`),
    );
    expect(api.operations.map((o) => [o.operationId, o.methodName])).toEqual([
      ['listA', 'listA'],
      ['special', 'list'],
    ]);
  });

  it('explicit x-sdk-method collisions are errors naming both operations', () => {
    const d = buildErrors(
      doc(`  /a:
    get: { operationId: one, x-sdk-resource: a, x-sdk-method: list, responses: { "200": { description: ok } } }
  /b:
    get: { operationId: two, x-sdk-resource: a, x-sdk-method: list, responses: { "200": { description: ok } } }`),
    );
    expect(d.map((x) => [x.code, x.severity, x.pointer, x.message])).toEqual([
      ['model/method-name-collision', 'error', '#/paths/~1b/get', 'method a.list of two collides with one (#/paths/~1a/get)'],
    ]);
  });

  it('a method may not shadow a sub-resource of the same resource', () => {
    const d = buildErrors(
      doc(`  /a/{id}/b:
    get: { operationId: listB, x-sdk-resource: a.b, x-sdk-method: list, parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: ok } } }
  /a/{id}/bee:
    post: { operationId: doB, x-sdk-resource: a, x-sdk-method: b, parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: ok } } }`),
    );
    expect(d.map((x) => [x.code, x.message])).toEqual([['model/method-name-collision', 'method a.b of doB collides with the sub-resource a.b']]);
    const ok = build(
      doc(`  /bees:
    get: { operationId: listB, x-sdk-resource: a.b, x-sdk-method: list, responses: { "200": { description: ok } } }
  /a/{id}/b/:
    post: { operationId: bumpA, tags: [A], parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: ok } } }`),
    );
    expect(op(ok.api, 'bumpA')).toMatchObject({ resource: ['a'], methodName: 'bumpA' });
    expect(ok.diagnostics.map((x) => x.code)).toEqual(['model/method-name-collision']);
  });

  describe('derived names never refuse a valid document (given/want)', () => {
    const ok = '{ "200": { description: ok } }';
    const idParam = '[{ name: id, in: path, required: true, schema: { type: string } }]';
    const cases: Array<{ name: string; given: string; want: Array<[string, string]>; renames: Array<[string, string, string]> }> = [
      {
        name: 'derived vs derived: the first keeps the name, the later takes its operationId',
        given: `  /items:
    post: { operationId: createItem, tags: [Items], responses: ${ok} }
  /items/:
    post: { operationId: makeItem, tags: [Items], responses: ${ok} }`,
        want: [
          ['createItem', 'items.create'],
          ['makeItem', 'items.makeItem'],
        ],
        renames: [['#/paths/~1items~1/post', 'create', 'makeItem']],
      },
      {
        name: 'derived vs explicit: the explicit name wins even when it comes later, the derived one falls back',
        given: `  /items:
    get: { operationId: listItems, tags: [Items], responses: ${ok} }
  /items/all:
    get: { operationId: allItems, tags: [Items], x-sdk-resource: items, x-sdk-method: list, responses: ${ok} }`,
        want: [
          ['listItems', 'items.listItems'],
          ['allItems', 'items.list'],
        ],
        renames: [['#/paths/~1items/get', 'list', 'listItems']],
      },
      {
        name: 'the fallback equals the derived name (corpus: readme-extensions): numeric suffix',
        given: `  /x-headers:
    post: { operationId: x-readme_headers, tags: [Statically defined headers], responses: ${ok} }
    patch: { operationId: x-headers, tags: [Statically defined headers], responses: ${ok} }`,
        want: [
          ['x-readme_headers', 'staticallyDefinedHeaders.xHeaders'],
          ['x-headers', 'staticallyDefinedHeaders.xHeaders2'],
        ],
        renames: [['#/paths/~1x-headers/patch', 'xHeaders', 'xHeaders2']],
      },
      {
        name: 'the fallback is taken by an explicit name and its first suffix too: the next free suffix',
        given: `  /things/{id}:
    get: { operationId: getThing, tags: [Things], parameters: ${idParam}, responses: ${ok} }
  /things/{id}/:
    get: { operationId: fetchThing, tags: [Things], parameters: ${idParam}, responses: ${ok} }
  /a:
    get: { operationId: a, x-sdk-resource: things, x-sdk-method: fetchThing, responses: ${ok} }
  /b:
    get: { operationId: b, x-sdk-resource: things, x-sdk-method: fetchThing2, responses: ${ok} }`,
        want: [
          ['getThing', 'things.retrieve'],
          ['fetchThing', 'things.fetchThing3'],
          ['a', 'things.fetchThing'],
          ['b', 'things.fetchThing2'],
        ],
        renames: [['#/paths/~1things~1{id}~1/get', 'retrieve', 'fetchThing3']],
      },
      {
        name: 'missing operationIds: the fallback is the id derived from method and path',
        given: `  /items/{id}:
    post: { tags: [Items], parameters: ${idParam}, responses: ${ok} }
    patch: { tags: [Items], parameters: ${idParam}, responses: ${ok} }
  /items/{id}/:
    patch: { tags: [Items], parameters: ${idParam}, responses: ${ok} }`,
        want: [
          ['postItemsById', 'items.postById'],
          ['patchItemsById', 'items.update'],
          ['patchItemsById2', 'items.patchItemsById2'],
        ],
        renames: [['#/paths/~1items~1{id}~1/patch', 'update', 'patchItemsById2']],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const { api, diagnostics } = build(doc(c.given));
        expect(api.operations.map((o) => [o.operationId, `${o.resource.join('.')}.${o.methodName}`])).toEqual(c.want);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(diagnostics.filter((d) => d.code === 'model/method-name-collision').map((d) => [d.severity, d.pointer])).toEqual(
          c.renames.map(([pointer]) => ['warning', pointer]),
        );
        expect(api.renames.filter((r) => r.reason.startsWith('method name')).map((r) => [r.pointer, r.from, r.to])).toEqual(c.renames);
      });
    }

    it('the corpus-found fixture builds: post keeps xHeaders, patch gets xHeaders2', () => {
      const { api, diagnostics } = build(fixture('corpus-found/method-name-collision'));
      expect(api.operations.map((o) => `${o.resource.join('.')}.${o.methodName}`)).toEqual([
        'staticallyDefinedHeaders.xHeaders',
        'staticallyDefinedHeaders.xHeaders2',
      ]);
      expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['model/method-name-collision', 'warning']]);
    });

    it('is deterministic: the same document gives the same names', () => {
      const names = () => cases.map((c) => build(doc(c.given)).api.operations.map((o) => `${o.operationId}:${o.methodName}`));
      const first = names();
      expect(first.flat().length).toBeGreaterThan(cases.length);
      expect(names()).toEqual(first);
    });
  });
});

describe('a GET that answers one thing reads it (rules/single-object-reads fixture)', () => {
  it('retrieve for one object, a dictionary, a scalar or a text body; list for arrays, envelopes, unions with an array, no body, collections of items, list… operationIds', () => {
    const { api, diagnostics } = build(fixture('rules/single-object-reads'));
    expect(api.operations.map((o) => `${o.operationId} → ${o.resource.join('.')}.${o.methodName}`)).toEqual([
      'getSettings → settings.retrieve',
      'updateSettings → settings.update',
      'getProfile → profile.retrieve',
      'getEmojis → emojis.retrieve',
      'countStars → stars.count.retrieve',
      'getEvents → events.list',
      'getRuns → runs.list',
      'listMatches → matches.list',
      'getStatus → status.list',
      'getPetOfTheDay → petOfTheDay.retrieve',
      'getReport → report.retrieve',
      'logout → logout.list',
      'getAuthenticated → users.getAuthenticated',
      'getUser → users.retrieve',
      'getNames → names.list',
      'getWebhooks → webhooks.list',
      'getWebhook → webhooks.retrieve',
    ]);
    expect(diagnostics.filter((d) => d.code === 'model/method-name-collision')).toEqual([]);
  });

  const get = (path: string, operationId: string, schema: string, tag = '') =>
    `  ${path}: { get: { operationId: ${operationId},${tag ? ` tags: [${tag}],` : ''}${path.includes('{') ? ` parameters: [${[...path.matchAll(/\{(\w+)\}/g)].map((m) => `{ name: ${m[1]}, in: path, required: true, schema: { type: string } }`).join(', ')}],` : ''} responses: { '200': { description: ok, content: { application/json: { schema: ${schema} } } } } } }`;
  const methods = (paths: string[]) => {
    const { api, diagnostics } = build(`openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n${paths.join('\n')}\n`);
    return { names: api.operations.map((o) => `${o.resource.join('.')}.${o.methodName}`), diagnostics };
  };

  it('never makes a collision that list did not have: the root path is extended by /{id}; a retrieve already taken', () => {
    const root = methods([get('/', 'getRoot', '{ type: object }'), get('/{id}', 'getById', '{ type: object }')]);
    expect(root.names).toEqual(['root.list', 'root.retrieve']);
    const user = methods([get('/user', 'users/get-authenticated', '{ type: object }', 'users'), get('/users/{id}', 'getUser', '{ type: object }', 'users')]);
    expect(user.names).toEqual(['users.getAuthenticated', 'users.retrieve']);
    // Nothing but `retrieve` to go by: it stays `list`.
    const bare = methods([get('/user', 'users', '{ type: object }', 'users'), get('/users/{id}', 'getUser', '{ type: object }', 'users')]);
    expect(bare.names).toEqual(['users.list', 'users.retrieve']);
    const two = methods([get('/me', 'getMe', '{ type: object }', 'me'), get('/me/profile', 'getProfile', '{ type: object }', 'me')]);
    expect(two.names).toEqual(['me.retrieve', 'me.profile.retrieve']);
    for (const { diagnostics } of [root, user, bare, two]) expect(diagnostics.filter((d) => d.code === 'model/method-name-collision')).toEqual([]);
  });

  it('an operationId whose first word is "list", digits aside, keeps list; listing does not', () => {
    const { names } = methods([
      get('/a', 'list2Things', '{ type: object }'),
      get('/b', 'listing', '{ type: object }'),
      get('/c', 'List_things', '{ type: integer }'),
      // The resource's words aside: GitHub's `repos/list-languages` says list.
      get('/repos/{owner}/languages', 'repos/list-languages', '{ type: object, additionalProperties: { type: integer } }', 'repos'),
    ]);
    expect(names).toEqual(['a.list', 'b.retrieve', 'c.list', 'repos.languages.list']);
  });
});
