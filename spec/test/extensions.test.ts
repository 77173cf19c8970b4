import { describe, expect, it } from 'vitest';
import { obj, readSpec } from './helpers.js';

describe('x- extensions, security schemes and webhooks', () => {
  const spec = readSpec();
  const components = obj(spec.components, 'components');
  const schemes = obj(components.securitySchemes, 'securitySchemes');

  it('declares the servers and the four security schemes', () => {
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(spec.servers).toEqual([expect.objectContaining({ url: 'https://embedded.improvado.io' })]);
    expect(schemes.basicAuth).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(schemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes.sessionCookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'dts_session_id',
    });
    expect(schemes.workspaceHeader).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-IM-WORKSPACE-ID',
    });
  });

  it('x-note is text for users, and the two kinds of accounts each say which ids they take', () => {
    const notes: Array<{ at: string; note: unknown }> = [];
    const comments: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) {
        for (const [i, v] of node.entries()) walk(v, `${at}/${i}`);
      } else if (node !== null && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'x-note') notes.push({ at, note: v });
          else if (k === '$comment') comments.push(at);
          else walk(v, `${at}/${k}`);
        }
      }
    };
    walk(spec, '#');
    expect(comments).toEqual([]);
    expect(notes.filter((n) => typeof n.note !== 'string' || n.note.trim() === '')).toEqual([]);
    const schemas = obj(components.schemas, 'schemas');
    const accounts = (schema: string) => obj(obj(obj(schemas[schema], schema).properties, schema).accounts, `${schema}.accounts`);
    const preview = accounts('ExtractTemplatePreviewRequest');
    expect(preview.description).toBe('List of account IDs.');
    expect(preview.items).toEqual({ type: 'string' });
    expect(preview['x-note']).toMatch(/^Remote account IDs \(strings, `Account\.account_id`\).*not the integer embedded account ids \(`Account\.id`\)/);
    for (const schema of ['ExtractTemplateValidationRequest', 'ExtractCreateRequest']) {
      expect(accounts(schema).items, schema).toEqual({ type: 'integer' });
      expect(accounts(schema)['x-note'], schema).toMatch(/^Integer embedded account ids \(`Account\.id`\), not the remote account ID strings/);
    }
  });

  it('x-token-endpoint names the token operation as it is in the spec', () => {
    const ext = obj(obj(schemes.bearerAuth, 'bearerAuth')['x-token-endpoint'], 'x-token-endpoint');
    expect(ext).toEqual({
      operationId: 'createToken',
      method: 'post',
      path: '/api/v3/token',
      credentialsScheme: 'basicAuth',
      tokenField: '/token',
      requestFields: ['workspace_id'],
      lifetimeSeconds: 1800,
      slidingExpiry: true,
    });
    const op = obj(obj(obj(spec.paths, 'paths')[String(ext.path)], 'path')[String(ext.method)], 'op');
    expect(op.operationId).toBe(ext.operationId);
    expect(op.security).toEqual([{ [String(ext.credentialsScheme)]: [] }]);
    // tokenField and requestFields point at real properties of the token schemas.
    const schemas = obj(components.schemas, 'schemas');
    expect(Object.keys(obj(obj(schemas.TokenResponse, 'TokenResponse').properties, 'p'))).toContain('token');
    expect(Object.keys(obj(obj(schemas.TokenRequest, 'TokenRequest').properties, 'p'))).toContain('workspace_id');
  });

  it('x-webhook-signature describes HMAC-SHA256 over the raw body and the challenge', () => {
    expect(spec['x-webhook-signature']).toEqual({
      'x-inferred': true,
      algorithm: 'hmac-sha256',
      header: 'X-Improvado-Signature',
      encoding: 'hex',
      signedContent: 'raw-body',
      idempotencyHeader: 'X-Improvado-Idempotency-Key',
      challenge: {
        method: 'get',
        challengeHeader: 'X-Improvado-Challenge',
        verifyTokenHeader: 'X-Improvado-Verify-Token',
        respondWith: 'challenge-text',
      },
    });
  });

  it('models the delivery and the verification challenge as webhooks with required headers', () => {
    const webhooks = obj(spec.webhooks, 'webhooks');
    const event = obj(obj(webhooks.event, 'event').post, 'event.post');
    const headers = (op: Record<string, unknown>) => (op.parameters as unknown[]).map((p) => obj(p, 'p')).filter((p) => p.in === 'header');
    expect(headers(event).map((p) => [p.name, p.required])).toEqual([
      ['X-Improvado-Signature', true],
      ['X-Improvado-Idempotency-Key', true],
    ]);
    expect(event.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookEvent' } } },
    });
    const challenge = obj(obj(webhooks.verificationChallenge, 'challenge').get, 'challenge.get');
    expect(headers(challenge).map((p) => [p.name, p.required])).toEqual([
      ['X-Improvado-Challenge', true],
      ['X-Improvado-Verify-Token', true],
    ]);
    expect(challenge.responses).toMatchObject({
      '200': { content: { 'text/plain': { schema: { type: 'string' } } } },
    });
    const eventSchema = obj(obj(components.schemas, 'schemas').WebhookEvent, 'WebhookEvent');
    expect(eventSchema.required).toEqual(['id', 'type', 'timestamp', 'data']);
    const props = obj(eventSchema.properties, 'props');
    expect(obj(props.timestamp, 'timestamp').format).toBeUndefined();
    expect(obj(props.data, 'data').additionalProperties).toEqual({ type: 'string' });
  });

  it('names the documented webhook event types as an open enum, used wherever an event type name goes', () => {
    const schemas = obj(components.schemas, 'schemas');
    expect(schemas.WebhookEventTypeName).toMatchObject({
      anyOf: [
        {
          type: 'string',
          enum: ['load_started', 'load_completed', 'transformation_started', 'transformation_completed', 'extraction_created', 'extraction_paused'],
        },
        { type: 'string' },
      ],
    });
    const ref = { $ref: '#/components/schemas/WebhookEventTypeName' };
    const prop = (s: string, p: string) => obj(obj(obj(schemas[s], s).properties, s)[p], `${s}.${p}`);
    expect(prop('WebhookEvent', 'type')).toMatchObject(ref);
    expect(prop('WebhookEventType', 'name')).toMatchObject(ref);
    expect(prop('WebhookSubscription', 'event_type_name')).toMatchObject(ref);
    expect(prop('WebhookEndpointCreateRequest', 'event_types').items).toEqual(ref);
    expect(prop('WebhookEndpointUpdateRequest', 'event_types').items).toEqual(ref);
  });

  it('uses 3.1 type arrays for nullability and the documented formats', () => {
    const schemas = obj(components.schemas, 'schemas');
    const prop = (s: string, p: string) => obj(obj(obj(schemas[s], s).properties, s)[p], `${s}.${p}`);
    expect(prop('Extract', 'sync_historical_data')).toMatchObject({
      type: ['string', 'null'],
      format: 'date',
    });
    expect(prop('PaginatedExtractList', 'next')).toMatchObject({
      type: ['string', 'null'],
      format: 'uri',
    });
    expect(prop('CustomSettingOptionsAccountResult', 'next')).toMatchObject({
      type: ['string', 'null'],
    });
    expect(prop('CustomSettingOptionsAccountResult', 'next').format).toBeUndefined();
    expect(prop('Connection', 'created_at')).toMatchObject({ type: 'string', format: 'date-time' });
    expect(prop('Scheduling', 'interval').enum).toEqual(['hour', 'day', 'week', 'month']);
    expect(prop('WebhookEndpointDetail', 'secret')).toMatchObject({ minLength: 64, maxLength: 64 });
    expect(prop('AutomatedRecipe', 'recipe_id')).toMatchObject({
      type: 'string',
      pattern: '^[0-9]+$',
    });
    // No OpenAPI 3.0 `nullable` keyword anywhere (the word may appear as a value: `x-inferred: [nullable]`).
    const keys: string[] = [];
    const walk = (v: unknown, at: string): void => {
      if (Array.isArray(v)) {
        v.forEach((x, i) => {
          walk(x, `${at}/${i}`);
        });
      } else if (v !== null && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'nullable') keys.push(`${at}/${k}`);
          walk(x, `${at}/${k}`);
        }
      }
    };
    walk(spec, '#');
    expect(keys).toEqual([]);
  });

  it('marks the actions that start or stop work x-idempotent: false, and nothing true (no source says so)', () => {
    const marks: Record<string, unknown> = {};
    for (const [p, item] of Object.entries(obj(spec.paths, 'paths'))) {
      for (const [m, raw] of Object.entries(obj(item, p))) {
        if (m === 'parameters') continue;
        const op = obj(raw, `${m} ${p}`);
        if (op['x-idempotent'] !== undefined) {
          marks[`${String(op['x-sdk-resource'])}.${String(op['x-sdk-method'])}`] = op['x-idempotent'];
        }
      }
    }
    expect(marks).toEqual({
      'workspaces.recipes.enable': false,
      'datasources.externalAuthLinks.revoke': false,
      'extracts.run': false,
      'extracts.pause': false,
      'extracts.unpause': false,
      'extracts.migrateToWide': false,
      'destinations.connections.recheck': false,
      'loads.pause': false,
      'loads.unpause': false,
      'loads.run': false,
      'automatedRecipes.build': false,
      'webhookEndpoints.verify': false,
      'webhookEndpoints.regenerateSecret': false,
    });
  });

  it('marks every POST or PUT action x-idempotent: false, except the reads by POST', () => {
    // An action: a POST or PUT that is not a CRUD method of its resource. The reads compute and return data
    // (a URL, a preview, a validation report) and start nothing; as POSTs they are retried only with a key anyway.
    const crud = new Set(['list', 'retrieve', 'create', 'update', 'replace', 'delete']);
    const readsByPost = new Set(['iframe.getUrl', 'extractTemplates.preview', 'extractTemplates.validate']);
    const unmarked: string[] = [];
    const reads: string[] = [];
    for (const [p, item] of Object.entries(obj(spec.paths, 'paths'))) {
      for (const m of ['post', 'put']) {
        const raw = obj(item, p)[m];
        if (raw === undefined) continue;
        const op = obj(raw, `${m} ${p}`);
        const name = `${String(op['x-sdk-resource'])}.${String(op['x-sdk-method'])}`;
        if (crud.has(String(op['x-sdk-method']))) continue;
        if (readsByPost.has(name)) reads.push(name);
        else if (op['x-idempotent'] !== false) unmarked.push(`${m.toUpperCase()} ${p} (${name})`);
      }
    }
    expect(unmarked).toEqual([]);
    expect(reads.sort()).toEqual([...readsByPost].sort());
  });

  it('says only what the seed says: optional Role.description, parent_id absent (not null) for a root', () => {
    const schemas = obj(components.schemas, 'schemas');
    const role = obj(schemas.Role, 'Role');
    expect(role.required).not.toContain('description');
    const node = obj(schemas.AutomatedRecipeTemplateTreeNode, 'node');
    expect(node.required).not.toContain('parent_id');
    expect(obj(obj(node.properties, 'p').parent_id, 'parent_id').type).toBe('integer');
  });

  it('gives no UI label as an API example, and examples that match every pattern', () => {
    const uiLabels = new Set(['Active', 'Error', 'Initializing', 'Daily', 'Weekly', 'success', 'paused', 'syncing']);
    const problems: string[] = [];
    const walk = (v: unknown, at: string): void => {
      if (Array.isArray(v)) {
        v.forEach((x, i) => {
          walk(x, `${at}/${i}`);
        });
        return;
      }
      if (v === null || typeof v !== 'object') return;
      const s = v as Record<string, unknown>;
      const examples = Array.isArray(s.examples) ? s.examples : [];
      for (const e of examples) if (typeof e === 'string' && uiLabels.has(e)) problems.push(`${at}: ${e}`);
      if (typeof s.pattern === 'string') {
        const re = new RegExp(s.pattern);
        if (examples.length === 0) problems.push(`${at}: pattern without examples`);
        for (const e of examples) if (!re.test(String(e))) problems.push(`${at}: ${String(e)} !~ ${s.pattern}`);
      }
      for (const [k, x] of Object.entries(s)) walk(x, `${at}/${k}`);
    };
    walk(spec, '#');
    expect(problems).toEqual([]);
  });

  it('has an error schema with `details` that allows other keys, used by every reusable error response', () => {
    const error = obj(obj(components.schemas, 'schemas').Error, 'Error');
    expect(Object.keys(obj(error.properties, 'p'))).toContain('details');
    expect(error.additionalProperties).toBe(true);
    for (const [name, r] of Object.entries(obj(components.responses, 'responses'))) {
      expect(obj(r, name).content, name).toEqual({
        'application/json': { schema: { $ref: '#/components/schemas/Error' } },
      });
    }
  });
});

/** Follows `$ref`s to component schemas. */
function deref(spec: Record<string, unknown>, schema: unknown): Record<string, unknown> {
  let s = obj(schema, 'schema');
  for (let guard = 0; typeof s.$ref === 'string' && guard < 20; guard++) {
    const name = s.$ref.replace('#/components/schemas/', '');
    s = obj(obj(obj(spec.components, 'components').schemas, 'schemas')[name], name);
  }
  return s;
}

/** The schema a pagination pointer reaches (`{i}` = every element of an array), or undefined. */
function schemaAt(spec: Record<string, unknown>, root: unknown, pointer: string): Record<string, unknown> | undefined {
  let cur: Record<string, unknown> | undefined = deref(spec, root);
  for (const token of pointer.split('/').slice(1)) {
    if (cur === undefined) return undefined;
    if (token === '{i}') {
      cur = cur.type === 'array' ? deref(spec, cur.items) : undefined;
      continue;
    }
    const members: unknown[] = Array.isArray(cur.allOf) ? cur.allOf : [cur];
    let found: Record<string, unknown> | undefined;
    for (const m of members) {
      const props = deref(spec, m).properties;
      if (props !== undefined && token in obj(props, 'properties')) {
        found = deref(spec, obj(props, 'properties')[token]);
      }
    }
    cur = found;
  }
  return cur;
}

describe('x-pagination pointers', () => {
  const spec = readSpec();

  it('resolve in the response schema, and the paging parameters exist', () => {
    let checked = 0;
    for (const [p, item] of Object.entries(obj(spec.paths, 'paths'))) {
      for (const [method, value] of Object.entries(obj(item, p))) {
        if (method === 'parameters') continue;
        const op = obj(value, `${method} ${p}`);
        if (op['x-pagination'] === undefined) continue;
        checked++;
        const pg = obj(op['x-pagination'], 'x-pagination');
        const ok = obj(obj(op.responses, 'responses')['200'], '200');
        const body = obj(obj(ok.content, 'content')['application/json'], 'json').schema;
        for (const field of ['itemsField', 'nextField', 'countField', 'groupsField', 'groupKeyField']) {
          if (pg[field] === undefined) continue;
          expect(schemaAt(spec, body, String(pg[field])), `${p} ${field}`).toBeDefined();
        }
        expect(schemaAt(spec, body, String(pg.itemsField))?.type, `${p} itemsField`).toBe('array');
        if (pg.groupsField !== undefined) {
          expect(schemaAt(spec, body, String(pg.groupsField))?.type).toBe('array');
          for (const field of ['itemsField', 'nextField', 'countField', 'groupKeyField']) {
            expect(String(pg[field]).startsWith(`${String(pg.groupsField)}/{i}/`), field).toBe(true);
          }
        }
        const names = [pg.pageParam, pg.sizeParam, pg.groupFilterParam].filter((n) => n !== undefined).map(String);
        if (pg.in === 'query') {
          const params = ((op.parameters as unknown[]) ?? []).map((x) => {
            const ref = obj(x, 'param').$ref;
            return typeof ref === 'string'
              ? obj(obj(obj(spec.components, 'components').parameters, 'parameters')[ref.split('/').pop() ?? ''], ref)
              : obj(x, 'param');
          });
          for (const n of names)
            expect(
              params.some((x) => x.name === n && x.in === 'query'),
              `${p} ${n}`,
            ).toBe(true);
        } else {
          const reqBody = obj(obj(obj(op.requestBody, 'requestBody').content, 'c')['application/json'], 'json').schema;
          for (const n of names) expect(schemaAt(spec, reqBody, `/${n}`), `${p} ${n}`).toBeDefined();
        }
      }
    }
    expect(checked).toBe(13);
  });
});
