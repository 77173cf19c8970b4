import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { obj, readSpec, repoRoot } from './helpers.js';

interface DocumentedOperation {
  n: number;
  method: string;
  path: string;
  auth: 'B' | 'T';
  postDump?: boolean;
}

/** The 75 documented operations, transcribed from the notes §2 (see the file's $comment). */
const documented = (
  JSON.parse(readFileSync(path.join(repoRoot, 'spec/test/documented-operations.json'), 'utf8')) as {
    operations: DocumentedOperation[];
  }
).operations;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface SpecOperation {
  method: string;
  path: string;
  op: Record<string, unknown>;
}

function operationsOf(spec: Record<string, unknown>): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [p, item] of Object.entries(obj(spec.paths, 'paths'))) {
    const pathItem = obj(item, p);
    for (const m of METHODS) {
      if (pathItem[m] !== undefined) out.push({ method: m.toUpperCase(), path: p, op: obj(pathItem[m], `${m} ${p}`) });
    }
  }
  return out;
}

describe('operations of spec/openapi.yaml', () => {
  const spec = readSpec();
  const ops = operationsOf(spec);
  const key = (o: { method: string; path: string }) => `${o.method} ${o.path}`;
  /** Method and path as sent: placeholder names are not on the wire. */
  const wire = (o: { method: string; path: string }) => `${o.method} ${o.path.replace(/\{[^}]*\}/g, '{}')}`;
  const documentedOf = (o: { method: string; path: string }) => {
    const doc = documented.find((d) => wire(d) === wire(o));
    if (doc === undefined) throw new Error(`${key(o)} is not in documented-operations.json`);
    return doc;
  };

  it('the transcription holds 75 distinct operations', () => {
    expect(documented).toHaveLength(75);
    expect(new Set(documented.map(key)).size).toBe(75);
  });

  it('has exactly the documented (method, path) pairs, no more, no fewer (placeholder names aside)', () => {
    // The spec renames the docs' `{id}` where one resource names one path segment two ways (see the
    // path-parameter test below).
    expect(ops.map(wire).sort()).toEqual(documented.map(wire).sort());
  });

  it('has unique operationIds (webhooks included), all camelCase', () => {
    const webhookOps: string[] = [];
    for (const [name, item] of Object.entries(obj(spec.webhooks, 'webhooks'))) {
      for (const m of METHODS) {
        const op = obj(item, name)[m];
        if (op !== undefined) webhookOps.push(String(obj(op, name).operationId));
      }
    }
    const ids = [...ops.map((o) => String(o.op.operationId)), ...webhookOps];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });

  it('gives each operation x-sdk-resource and x-sdk-method, unique as a pair', () => {
    const pairs = ops.map((o) => `${String(o.op['x-sdk-resource'])}#${String(o.op['x-sdk-method'])}`);
    for (const o of ops) {
      expect(o.op['x-sdk-resource'], key(o)).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/);
      expect(o.op['x-sdk-method'], key(o)).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    }
    expect(pairs.length - new Set(pairs).size).toBe(0);
  });

  it('names CRUD methods by the client rule (list, retrieve, create, update, replace, delete)', () => {
    for (const o of ops) {
      const m = String(o.op['x-sdk-method']);
      const k = key(o);
      if (m === 'retrieve') expect(o.method, k).toBe('GET');
      if (m === 'create') expect(o.method, k).toBe('POST');
      if (m === 'delete') expect(o.method, k).toBe('DELETE');
      if (m === 'replace') {
        expect(o.method, k).toBe('PUT');
        expect(
          ops.some((x) => x.path === o.path && x.method === 'PATCH'),
          k,
        ).toBe(true);
      }
      if (m === 'update') expect(['PUT', 'PATCH'], k).toContain(o.method);
      if (o.method === 'DELETE') expect(m, k).toBe('delete');
    }
  });

  it('has the target surface the SDK documents', () => {
    const surface = new Set(ops.map((o) => `${String(o.op['x-sdk-resource'])}.${String(o.op['x-sdk-method'])}`));
    for (const call of [
      'datasources.connections.list',
      'extracts.retrieve',
      'loads.pause',
      'webhookEndpoints.regenerateSecret',
      'roles.delete',
      'token.create',
      'workspaces.dashboards.list',
    ]) {
      expect(surface.has(call), call).toBe(true);
    }
  });

  it('gives each operation one tag (declared), a summary, and security as the notes give it', () => {
    const declaredTags = new Set((spec.tags as unknown[]).map((t) => String(obj(t, 'tag').name)));
    const topResourceOfTag = new Map<string, Set<string>>();
    for (const o of ops) {
      const tags = o.op.tags as string[];
      expect(tags, key(o)).toHaveLength(1);
      const tag = tags[0] as string;
      expect(declaredTags.has(tag), key(o)).toBe(true);
      const top = String(o.op['x-sdk-resource']).split('.')[0] as string;
      topResourceOfTag.set(tag, (topResourceOfTag.get(tag) ?? new Set()).add(top));
      expect(typeof o.op.summary, key(o)).toBe('string');
      const doc = documentedOf(o);
      const expected = doc.auth === 'B' ? [{ basicAuth: [] }] : [{ bearerAuth: [] }, { sessionCookie: [], workspaceHeader: [] }];
      expect(o.op.security, key(o)).toEqual(expected);
    }
    // One tag per top-level resource: sub-resources nest under their tag by x-sdk-resource.
    for (const [tag, tops] of topResourceOfTag) expect([...tops], tag).toHaveLength(1);
  });

  it('declares path parameters for every {name} in the path', () => {
    for (const o of ops) {
      const names = [...o.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const item = obj(obj(spec.paths, 'paths')[o.path], o.path);
      const params = [...((item.parameters as unknown[]) ?? []), ...((o.op.parameters as unknown[]) ?? [])];
      const resolved = params.map((p) => {
        const ref = obj(p, 'parameter').$ref;
        if (typeof ref === 'string') {
          const name = ref.split('/').pop() as string;
          return obj(obj(obj(spec.components, 'components').parameters, 'parameters')[name], name);
        }
        return obj(p, 'parameter');
      });
      const pathNames = resolved.filter((p) => p.in === 'path').map((p) => p.name);
      expect(pathNames.sort(), key(o)).toEqual([...names].sort());
    }
  });

  it('answers 201 on create, 204 on delete (roles delete: 200 with a body), and reusable errors', () => {
    for (const o of ops) {
      const responses = obj(o.op.responses, `${key(o)} responses`);
      const m = String(o.op['x-sdk-method']);
      if (m === 'create' && o.path !== '/api/v3/token') expect(Object.keys(responses), key(o)).toContain('201');
      if (m === 'delete') {
        const expected = o.path === '/api/v3/roles/{role_id}' ? '200' : '204';
        expect(
          Object.keys(responses).filter((s) => s.startsWith('2')),
          key(o),
        ).toEqual([expected]);
      }
      for (const status of ['401', '403', '429']) {
        expect(obj(responses[status], `${key(o)} ${status}`).$ref, key(o)).toMatch(/^#\/components\/responses\//);
      }
      if (o.path.includes('{')) expect(Object.keys(responses), key(o)).toContain('404');
      if (o.op.requestBody !== undefined) expect(Object.keys(responses), key(o)).toContain('400');
    }
  });

  it('declares x-pagination exactly on the operations returning a Paginated…List (plus custom-setting options)', () => {
    const query = {
      style: 'page',
      in: 'query',
      pageParam: 'page',
      sizeParam: 'page_size',
      itemsField: '/results',
      nextField: '/next',
      countField: '/count',
    };
    for (const o of ops) {
      const ok = obj(obj(o.op.responses, 'responses')['200'] ?? {}, '200');
      const content = ok.content === undefined ? undefined : obj(ok.content, 'content')['application/json'];
      const ref = content === undefined ? undefined : obj(obj(content, 'json').schema, 'schema').$ref;
      const paginated = typeof ref === 'string' && /\/Paginated\w+List$/.test(ref);
      if (paginated) {
        expect(o.op['x-pagination'], key(o)).toEqual(query);
        const names = ((o.op.parameters as unknown[]) ?? []).map((p) => String(obj(p, 'p').$ref ?? obj(p, 'p').name));
        expect(names, key(o)).toContain('#/components/parameters/Page');
      } else if (o.path === '/api/v3/datasources/{datasource_name}/custom_setting_options/') {
        expect(obj(o.op['x-pagination'], 'x-pagination')).toMatchObject({
          style: 'page',
          in: 'body',
          pageParam: 'page',
          sizeParam: 'page_size',
          groupsField: '/results',
          groupKeyField: '/results/{i}/account_id',
          groupFilterParam: 'account_ids',
          itemsField: '/results/{i}/results',
          nextField: '/results/{i}/next',
          countField: '/results/{i}/count',
        });
        // The request's `page` is an integer (CustomSettingOptionsRequest); only the response's `next` is a string.
        expect(obj(o.op['x-pagination'], 'x-pagination')).not.toHaveProperty('pageNumbersAsStrings');
      } else {
        expect(o.op['x-pagination'], key(o)).toBeUndefined();
      }
    }
  });
  it('matches the operations table of spec/README.md (client call, method, path, operationId, auth, pagination)', () => {
    const readme = readFileSync(path.join(repoRoot, 'spec/README.md'), 'utf8');
    const row = /^\|\s*(\d+)\s*\|\s*`([^`]+)`\s*\|\s*(GET|POST|PUT|PATCH|DELETE) `([^`]+)`\s*\|\s*`([^`]+)`\s*\|\s*(B|T)\s*\|\s*(query|body|–)\s*\|/;
    const rows = readme
      .split('\n')
      .map((line) => row.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({
        call: m[2] ?? '',
        method: m[3] ?? '',
        path: m[4] ?? '',
        operationId: m[5] ?? '',
        auth: m[6] ?? '',
        pagination: m[7] ?? '',
      }));
    expect(rows).toHaveLength(75);
    const fromSpec = ops.map((o) => {
      const pagination = o.op['x-pagination'];
      return {
        call: `${String(o.op['x-sdk-resource'])}.${String(o.op['x-sdk-method'])}`,
        method: o.method,
        path: o.path,
        operationId: String(o.op.operationId),
        auth: documentedOf(o).auth,
        pagination: pagination === undefined ? '–' : String(obj(pagination, 'x-pagination').in),
      };
    });
    const sort = (a: { method: string; path: string }, b: { method: string; path: string }) => key(a).localeCompare(key(b));
    expect([...rows].sort(sort)).toEqual(fromSpec.sort(sort));
  });
});
