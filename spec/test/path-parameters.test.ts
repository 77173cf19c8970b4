import { describe, expect, it } from 'vitest';
import { obj, readSpec } from './helpers.js';

/** One operation as the check needs it: its path, client resource and tag. */
interface PathOp {
  method: string;
  path: string;
  resource: string;
  /** The operation's (only) tag: the top-level resource it belongs to. */
  tag?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function operationsOf(spec: Record<string, unknown>): PathOp[] {
  const out: PathOp[] = [];
  for (const [p, item] of Object.entries(obj(spec.paths, 'paths'))) {
    for (const m of METHODS) {
      const op = obj(item, p)[m];
      if (op === undefined) continue;
      out.push({
        method: m.toUpperCase(),
        path: p,
        resource: String(obj(op, p)['x-sdk-resource']),
        tag: String((obj(op, p).tags as unknown[] | undefined)?.[0]),
      });
    }
  }
  return out;
}

/** Path segments, without the empty ones a trailing slash leaves. */
const segments = (path: string) => path.split('/').filter(Boolean);
const placeholder = (segment: string) => /^\{(.+)\}$/.exec(segment)?.[1];

/**
 * Every way the operations name one path segment differently, as messages (empty when none):
 * 1. by position after the same prefix: two paths that agree up to a placeholder (earlier placeholders
 *    compared as `{}`, trailing slashes ignored) name that placeholder the same
 *    (`/loads/{load_id}` and `/loads/{id}/run` do not);
 * 2. by resource: operations of one `x-sdk-resource` (the generator's grouping, generator/src/model/resources.ts)
 *    name their n-th placeholder the same, whatever the static segments between.
 */
function namingConflicts(ops: readonly PathOp[]): string[] {
  const byPrefix = new Map<string, Map<string, string[]>>();
  const byResource = new Map<string, Map<number, Map<string, string[]>>>();
  for (const op of ops) {
    const segs = segments(op.path);
    let n = 0;
    segs.forEach((segment, i) => {
      const name = placeholder(segment);
      if (name === undefined) return;
      const prefix = `/${segs
        .slice(0, i)
        .map((s) => (placeholder(s) === undefined ? s : '{}'))
        .join('/')}/{}`;
      const names = byPrefix.get(prefix) ?? new Map<string, string[]>();
      names.set(name, [...(names.get(name) ?? []), `${op.method} ${op.path}`]);
      byPrefix.set(prefix, names);
      const positions = byResource.get(op.resource) ?? new Map<number, Map<string, string[]>>();
      const atN = positions.get(n) ?? new Map<string, string[]>();
      atN.set(name, [...(atN.get(name) ?? []), `${op.method} ${op.path}`]);
      positions.set(n, atN);
      byResource.set(op.resource, positions);
      n++;
    });
  }
  const out: string[] = [];
  const describe = (names: Map<string, string[]>) => [...names].map(([name, where]) => `{${name}} in ${where.join(', ')}`).join('; ');
  for (const [prefix, names] of byPrefix) {
    if (names.size > 1) out.push(`${prefix}: ${describe(names)}`);
  }
  for (const [resource, positions] of byResource) {
    for (const [n, names] of positions) {
      if (names.size > 1) out.push(`${resource}, path parameter ${n + 1}: ${describe(names)}`);
    }
  }
  return out;
}

/** The collection a static segment names, whatever its spelling: `extract-templates` and `extract-template` are one. */
const collection = (segment: string) => segment.toLowerCase().replace(/-/g, '_').replace(/s$/, '');

/**
 * Every way the operations name the item of one collection differently (the placeholder right after a static
 * segment: `connections/{connection_id}`), as messages (empty when none):
 * 3. within one tag (one top-level resource), the item of a collection has one name, whatever the path before it;
 * 4. across the spec, a bare `{id}` does not name the item of a collection that another path names specifically
 *    (`/datasources/{datasource_name}/connections/{id}` beside `/connections/{connection_id}`): use that name.
 *    Specific names may differ across tags (`destination_connection_id` and `connection_id` are two things).
 */
function collectionConflicts(ops: readonly PathOp[]): string[] {
  const byTag = new Map<string, Map<string, string[]>>();
  const byCollection = new Map<string, Map<string, string[]>>();
  const add = (map: Map<string, Map<string, string[]>>, key: string, name: string, where: string) => {
    const names = map.get(key) ?? new Map<string, string[]>();
    names.set(name, [...(names.get(name) ?? []), where]);
    map.set(key, names);
  };
  for (const op of ops) {
    const segs = segments(op.path);
    segs.forEach((segment, i) => {
      const name = placeholder(segment);
      const before = segs[i - 1];
      if (name === undefined || before === undefined || placeholder(before) !== undefined) return;
      const where = `${op.method} ${op.path}`;
      add(byTag, `${op.tag ?? op.resource} ${collection(before)}`, name, where);
      add(byCollection, collection(before), name, where);
    });
  }
  const out: string[] = [];
  const describe = (names: Map<string, string[]>) => [...names].map(([name, where]) => `{${name}} in ${where.join(', ')}`).join('; ');
  for (const [key, names] of byTag) {
    if (names.size > 1) out.push(`${key}: ${describe(names)}`);
  }
  for (const [key, names] of byCollection) {
    if (names.size > 1 && names.has('id')) out.push(`${key}: {id} where another path names it specifically: ${describe(names)}`);
  }
  return out;
}

describe('path parameters: one name for one thing', () => {
  const ops = operationsOf(readSpec());

  it('the check finds both kinds of conflict (so it can fail)', () => {
    expect(
      namingConflicts([
        { method: 'GET', path: '/api/v3/loads/{load_id}', resource: 'loads' },
        { method: 'PUT', path: '/api/v3/loads/{id}/run', resource: 'loads' },
      ]),
    ).toEqual([
      '/api/v3/loads/{}: {load_id} in GET /api/v3/loads/{load_id}; {id} in PUT /api/v3/loads/{id}/run',
      'loads, path parameter 1: {load_id} in GET /api/v3/loads/{load_id}; {id} in PUT /api/v3/loads/{id}/run',
    ]);
    // Same resource, different static prefixes: caught by position within the resource.
    expect(
      namingConflicts([
        { method: 'GET', path: '/a/{x_id}', resource: 'xs' },
        { method: 'POST', path: '/b/{id}/go', resource: 'xs' },
      ]),
    ).toEqual(['xs, path parameter 1: {x_id} in GET /a/{x_id}; {id} in POST /b/{id}/go']);
    // Same prefix up to a trailing slash, different resources: caught by prefix.
    expect(
      namingConflicts([
        { method: 'GET', path: '/hooks/{id}/', resource: 'a' },
        { method: 'POST', path: '/hooks/{hook_id}/verify/', resource: 'b' },
      ]),
    ).toHaveLength(1);
  });

  it('the collection check finds a name that differs within a tag, and a bare {id} beside a specific name', () => {
    // The spec before the renames: a data source's connection and extraction template were `{id}`.
    expect(
      collectionConflicts([
        {
          method: 'DELETE',
          path: '/api/v3/datasources/{datasource_name}/connections/{id}',
          resource: 'datasources.connections',
          tag: 'Data sources',
        },
        {
          method: 'DELETE',
          path: '/api/v3/connections/{connection_id}',
          resource: 'connections',
          tag: 'Connections',
        },
        {
          method: 'GET',
          path: '/api/v3/destinations/{destination_name}/connections/{destination_connection_id}',
          resource: 'destinations.connections',
          tag: 'Destinations',
        },
        {
          method: 'GET',
          path: '/api/v3/datasources/{datasource_name}/extract-templates/{id}',
          resource: 'datasources.extractTemplates',
          tag: 'Data sources',
        },
        {
          method: 'GET',
          path: '/api/v3/extract-template/{template_id}/',
          resource: 'extractTemplates',
          tag: 'Extract templates',
        },
      ]),
    ).toEqual([
      'connection: {id} where another path names it specifically: {id} in DELETE /api/v3/datasources/{datasource_name}/connections/{id}; {connection_id} in DELETE /api/v3/connections/{connection_id}; {destination_connection_id} in GET /api/v3/destinations/{destination_name}/connections/{destination_connection_id}',
      'extract_template: {id} where another path names it specifically: {id} in GET /api/v3/datasources/{datasource_name}/extract-templates/{id}; {template_id} in GET /api/v3/extract-template/{template_id}/',
    ]);
    // One tag, one collection reached by two paths, two names.
    expect(
      collectionConflicts([
        { method: 'GET', path: '/a/{a_id}/items/{item_id}', resource: 'a.items', tag: 'A' },
        { method: 'GET', path: '/items/{id_of_item}', resource: 'items', tag: 'A' },
      ]),
    ).toEqual(['A item: {item_id} in GET /a/{a_id}/items/{item_id}; {id_of_item} in GET /items/{id_of_item}']);
    // Two specific names in two tags are two things; a bare {id} alone is fine.
    expect(
      collectionConflicts([
        {
          method: 'GET',
          path: '/connections/{connection_id}',
          resource: 'connections',
          tag: 'Connections',
        },
        {
          method: 'GET',
          path: '/destinations/{d}/connections/{destination_connection_id}',
          resource: 'destinations.connections',
          tag: 'Destinations',
        },
        { method: 'GET', path: '/hooks/{id}/', resource: 'hooks', tag: 'Hooks' },
      ]),
    ).toEqual([]);
  });

  it('spec/openapi.yaml names each path segment one way, per prefix, per resource and per collection', () => {
    expect(ops).toHaveLength(75);
    expect(namingConflicts(ops)).toEqual([]);
    expect(collectionConflicts(ops)).toEqual([]);
  });

  it('names the renamed resources’ identifiers specifically', () => {
    const paramsOf = (resource: string) =>
      new Set(
        ops
          .filter((o) => o.resource === resource)
          .flatMap((o) => segments(o.path).map(placeholder))
          .filter((n) => n !== undefined),
      );
    expect([...paramsOf('extracts')]).toEqual(['extract_id']);
    expect([...paramsOf('loads')]).toEqual(['load_id']);
    expect([...paramsOf('destinations.connections')]).toEqual(['destination_name', 'destination_connection_id']);
    expect([...paramsOf('datasources.connections')]).toEqual(['datasource_name', 'connection_id']);
    expect([...paramsOf('datasources.extractTemplates')]).toEqual(['datasource_name', 'template_id']);
  });
});
