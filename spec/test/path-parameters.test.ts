import { describe, expect, it } from 'vitest';
import { obj, readSpec } from './helpers.js';

/** One operation as the check needs it: its path and client resource. */
interface PathOp {
  method: string;
  path: string;
  resource: string;
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
  const describe = (names: Map<string, string[]>) =>
    [...names].map(([name, where]) => `{${name}} in ${where.join(', ')}`).join('; ');
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

  it('spec/openapi.yaml names each path segment one way, per prefix and per resource', () => {
    expect(ops).toHaveLength(75);
    expect(namingConflicts(ops)).toEqual([]);
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
    expect([...paramsOf('destinations.connections')]).toEqual([
      'destination_name',
      'destination_connection_id',
    ]);
  });
});
