/**
 * Pagination per operation: declared with `x-pagination`, or detected from a known envelope.
 *
 * `x-pagination` fields are those of {@link Pagination} minus `itemSchema`/`source`/`reason`. Its
 * pointers (`itemsField`, `nextField`, `countField`, `groupsField`, `groupKeyField`; `{i}` stands for "each element
 * of the array") are checked against the first 2XX JSON response body: a pointer that does not
 * resolve is an error (`model/pagination-pointer`). `itemsField` must reach an array; its items are
 * `itemSchema`. Paging parameters that the operation does not take (query parameters for
 * `in: query`, request-body properties for `in: body`; `groupFilterParam` is always a request-body
 * property) are warnings.
 *
 * Detection (GET operations without the extension, never silent: `reason` says why):
 * - a response object with `count`, `next`, `previous` and an array `results` (Django REST
 *   framework's page envelope): `page` style with `page`/`page_size` when the operation takes a
 *   `page` query parameter, `offset` style with `offset`/`limit` when it takes `offset`, else
 *   `next-link` following `next`;
 * - a `Link` response header: `next-link` (RFC 8288), items are the array body (`itemsField` is
 *   the root pointer `""`).
 */
import type { ModelContext } from './context.js';
import { isObject } from '../json.js';
import { child, parseJsonPointer } from '../pointer.js';
import { resolveRefs } from './graph.js';
import { requestJsonBody, successJsonBody } from './queries.js';
import type { Operation, Pagination, Schema } from './types.js';

const STYLES = new Set(['page', 'offset', 'cursor', 'next-link']);

/**
 * The tokens of a pagination pointer (RFC 6901, `~1` → `/`): `/results/{i}/results` → `['results', '{i}', 'results']`;
 * `/` and `` are the body itself (`[]`); undefined when it does not start with `/`.
 */
export function paginationTokens(pointer: string): string[] | undefined {
  return pointer === '/' ? [] : parseJsonPointer(pointer);
}

/** The schema a pagination pointer (`/results/{i}/results`) reaches, or undefined. */
export function schemaAt(root: Schema, pointer: string, schemas: ReadonlyMap<string, Schema>): Schema | undefined {
  const tokens = paginationTokens(pointer);
  if (tokens === undefined) return undefined;
  let cur: Schema | undefined = root;
  for (const token of tokens) {
    cur = step(cur, token, schemas, new Set());
    if (!cur) return undefined;
  }
  return cur;
}

function step(schema: Schema | undefined, token: string, schemas: ReadonlyMap<string, Schema>, seen: Set<Schema>): Schema | undefined {
  const s = resolveRefs(schema, schemas);
  if (!s || seen.has(s)) return undefined;
  seen.add(s);
  if (token === '{i}' || /^[0-9]+$/.test(token)) {
    if (s.kind === 'array') return s.items ?? s.prefixItems?.[Number(token)];
  }
  if (s.kind === 'object') return s.properties.find((x) => x.name === token)?.schema;
  if (s.kind === 'intersection' || s.kind === 'union') {
    for (const m of s.kind === 'intersection' ? s.members : s.variants) {
      const r = step(m, token, schemas, seen);
      if (r) return r;
    }
  }
  return undefined;
}

function describe(schema: Schema): string {
  return schema.kind === 'ref' ? schema.target : 'the response body';
}

/** Sets `pagination` on the operations that declare or show it. */
export function assignPagination(ctx: ModelContext, ops: Operation[], schemas: ReadonlyMap<string, Schema>): void {
  for (const op of ops) {
    const ext = op.extensions['x-pagination'];
    if (ext !== undefined) {
      const p = fromExtension(ctx, op, ext, schemas);
      if (p) op.pagination = p;
      continue;
    }
    if (op.method !== 'get') continue;
    const p = detect(op, schemas);
    if (p) op.pagination = p;
  }
}

function fromExtension(ctx: ModelContext, op: Operation, ext: unknown, schemas: ReadonlyMap<string, Schema>): Pagination | undefined {
  const at = child(op.pointer, 'x-pagination');
  if (!isObject(ext)) {
    ctx.report('error', 'model/pagination', 'x-pagination must be an object', at);
    return undefined;
  }
  const style = ext.style;
  if (typeof style !== 'string' || !STYLES.has(style)) {
    ctx.report('error', 'model/pagination', 'x-pagination.style must be page, offset, cursor or next-link', child(at, 'style'));
    return undefined;
  }
  const where = ext.in ?? 'query';
  if (where !== 'query' && where !== 'body') {
    ctx.report('error', 'model/pagination', 'x-pagination.in must be query or body', child(at, 'in'));
    return undefined;
  }
  if (typeof ext.itemsField !== 'string') {
    ctx.report('error', 'model/pagination', 'x-pagination.itemsField (a JSON pointer into the response) is required', at);
    return undefined;
  }
  const body = successJsonBody(op);
  if (!body) {
    ctx.report('error', 'model/pagination', 'x-pagination needs a 2XX JSON response to page through', at);
    return undefined;
  }
  let ok = true;
  for (const field of ['itemsField', 'nextField', 'countField', 'groupsField', 'groupKeyField'] as const) {
    const v = ext[field];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !schemaAt(body, v, schemas)) {
      ctx.report('error', 'model/pagination-pointer', `x-pagination.${field} ${JSON.stringify(v)} does not exist in ${describe(body)}`, child(at, field));
      ok = false;
    }
  }
  if (!ok) return undefined;
  const items = resolveRefs(schemaAt(body, ext.itemsField, schemas), schemas);
  if (items?.kind !== 'array') {
    ctx.report('error', 'model/pagination-pointer', `x-pagination.itemsField ${ext.itemsField} is not an array`, child(at, 'itemsField'));
    return undefined;
  }
  const p: Pagination = {
    style: style as Pagination['style'],
    in: where,
    itemsField: ext.itemsField,
    itemSchema: items.items ?? { kind: 'unknown', nullable: false, pointer: items.pointer },
    source: 'extension',
    reason: 'declared by x-pagination',
  };
  for (const f of ['pageParam', 'sizeParam', 'cursorParam', 'nextField', 'countField', 'groupsField', 'groupKeyField', 'groupFilterParam'] as const) {
    const v = ext[f];
    if (typeof v === 'string') p[f] = v;
  }
  if (ext.pageNumbersAsStrings === true) p.pageNumbersAsStrings = true;
  // The paging parameters must be things the operation takes.
  const reqBody = requestJsonBody(op);
  for (const f of ['pageParam', 'sizeParam', 'cursorParam', 'groupFilterParam'] as const) {
    const name = p[f];
    if (name === undefined) continue;
    const present =
      where === 'query' && f !== 'groupFilterParam'
        ? op.parameters.query.some((q) => q.name === name)
        : reqBody !== undefined && schemaAt(reqBody, `/${name}`, schemas) !== undefined;
    if (!present) {
      ctx.report(
        'warning',
        'model/pagination-parameter',
        `x-pagination.${f} "${name}" is not a ${where === 'query' ? 'query parameter' : 'request body property'} of ${op.operationId}`,
        child(at, f),
      );
    }
  }
  return p;
}

function detect(op: Operation, schemas: ReadonlyMap<string, Schema>): Pagination | undefined {
  const body = successJsonBody(op);
  const resolved = resolveRefs(body, schemas);
  const query = new Set(op.parameters.query.map((q) => q.name));
  if (body && resolved && resolved.kind === 'object') {
    const names = new Set(resolved.properties.map((p) => p.name));
    const results = resolveRefs(resolved.properties.find((p) => p.name === 'results')?.schema, schemas);
    if (names.has('count') && names.has('next') && names.has('previous') && results?.kind === 'array') {
      const base = {
        in: 'query' as const,
        itemsField: '/results',
        nextField: '/next',
        countField: '/count',
        itemSchema: results.items ?? ({ kind: 'unknown', nullable: false, pointer: results.pointer } satisfies Schema),
        source: 'detected' as const,
      };
      const env = `${describe(body)} has count/next/previous/results`;
      for (const [style, size] of [
        ['page', 'page_size'],
        ['offset', 'limit'],
      ] as const) {
        if (!query.has(style)) continue;
        const p: Pagination = { ...base, style, pageParam: style, reason: `${env} and the operation takes ${style}${query.has(size) ? `/${size}` : ''}` };
        if (query.has(size)) p.sizeParam = size;
        return p;
      }
      return { ...base, style: 'next-link', reason: `${env}; pages follow the next URL` };
    }
  }
  const linked = op.responses.find((r) => /^2/.test(r.status) && r.headers.some((h) => h.name.toLowerCase() === 'link'));
  if (linked === undefined || resolved?.kind !== 'array') return undefined;
  return {
    style: 'next-link',
    in: 'query',
    itemsField: '',
    itemSchema: resolved.items ?? { kind: 'unknown', nullable: false, pointer: resolved.pointer },
    source: 'detected',
    reason: `the ${linked.status} response declares a Link header (rel="next")`,
  };
}
