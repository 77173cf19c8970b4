/**
 * walkRawSchemas (model/schemas.ts): the one walk over raw schemas that the allOf searches
 * (required names, property declarations, discriminator pins), the `$ref` chain walks (readOnly/
 * writeOnly, aliases of named schemas, `format: password`) use.
 */
import { describe, expect, test } from 'vitest';
import { ModelContext } from '../../src/model/context.js';
import { type RawAt, type RawWalkOptions, walkRawSchemas } from '../../src/model/schemas.js';
import { loaded } from './helpers.js';

function context(schemas: Record<string, unknown>): ModelContext {
  const ctx = new ModelContext(loaded('openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths: {}\n'));
  (ctx.doc as Record<string, unknown>).components = { schemas };
  return ctx;
}

const at = (key: string): string => `#/components/schemas/${key}`;
const root = (ctx: ModelContext, key: string): RawAt => ({ raw: ctx.get(at(key)), pointer: at(key) });

/** Pointers in visit order (with `?` for a non-object). */
function visits(ctx: ModelContext, roots: RawAt[], options?: RawWalkOptions, stopAt?: string): { order: string[]; stopped: boolean } {
  const order: string[] = [];
  const stopped = walkRawSchemas(
    ctx,
    roots,
    (raw, pointer) => {
      order.push(raw !== null && typeof raw === 'object' ? pointer : `${pointer}?`);
      return pointer === stopAt;
    },
    options,
  );
  return { order, stopped };
}

describe('walkRawSchemas', () => {
  test("a $ref's target first (with its members), then the node, then its members, each with its pointer", () => {
    const ctx = context({
      Base: { allOf: [{ required: ['id'] }] },
      Pet: { $ref: at('Base'), allOf: [{ type: 'object' }, { $ref: at('Tag') }] },
      Tag: { items: { type: 'string' } },
    });
    expect(visits(ctx, [root(ctx, 'Pet')], { through: ['allOf', 'items'] }).order).toEqual([
      at('Base'),
      `${at('Base')}/allOf/0`,
      at('Pet'),
      `${at('Pet')}/allOf/0`,
      at('Tag'),
      `${at('Tag')}/items`,
      `${at('Pet')}/allOf/1`,
    ]);
    // Without `through`, only `$ref`s are followed.
    expect(visits(ctx, [root(ctx, 'Pet')]).order).toEqual([at('Base'), at('Pet')]);
  });

  test('each $ref target once; a node whose target was reached is visited, or skipped with its members', () => {
    const ctx = context({
      A: { allOf: [{ $ref: at('B') }, { $ref: at('B'), allOf: [{ title: 'sibling' }] }] },
      B: { type: 'object' },
    });
    const roots = [root(ctx, 'A')];
    expect(visits(ctx, roots, { through: ['allOf'] }).order).toEqual([
      at('A'),
      at('B'),
      `${at('A')}/allOf/0`,
      `${at('A')}/allOf/1`,
      `${at('A')}/allOf/1/allOf/0`,
    ]);
    expect(visits(ctx, roots, { through: ['allOf'], repeated: 'skip' }).order).toEqual([at('A'), at('B'), `${at('A')}/allOf/0`]);
  });

  test('the roots share one walk; returning true stops it', () => {
    const ctx = context({ A: { $ref: at('C') }, B: { $ref: at('C') }, C: {} });
    expect(visits(ctx, [root(ctx, 'A'), root(ctx, 'B')]).order).toEqual([at('C'), at('A'), at('B')]);
    expect(visits(ctx, [root(ctx, 'A'), root(ctx, 'B')], {}, at('A'))).toEqual({ order: [at('C'), at('A')], stopped: true });
    expect(visits(ctx, [root(ctx, 'A')], {}, 'nowhere').stopped).toBe(false);
  });

  test('along a $ref chain the first visit is its end: a non-object, a missing target, or where it comes back', () => {
    const ctx = context({ A: { $ref: at('B') }, B: { $ref: at('A') }, C: { $ref: at('D') }, D: true, E: { $ref: at('Nowhere') } });
    expect(visits(ctx, [root(ctx, 'A')]).order).toEqual([at('A'), at('B'), at('A')]);
    expect(visits(ctx, [root(ctx, 'C')]).order).toEqual([`${at('D')}?`, at('C')]);
    expect(visits(ctx, [root(ctx, 'E')]).order).toEqual([`${at('Nowhere')}?`, at('E')]);
  });

  test('follow decides which $refs are followed', () => {
    const ctx = context({ A: { $ref: at('B') }, B: { $ref: `${at('C')}/properties/x` }, C: { properties: { x: {} } } });
    expect(visits(ctx, [root(ctx, 'A')], { follow: (t) => t.split('/').length === 4 }).order).toEqual([at('B'), at('A')]);
  });

  test('a chain of 20,000 $refs does not exhaust the stack', () => {
    const schemas: Record<string, unknown> = {};
    for (let i = 0; i < 20_000; i++) schemas[`S${i}`] = { $ref: at(`S${i + 1}`) };
    schemas['S20000'] = { format: 'password' };
    const ctx = context(schemas);
    let first: unknown;
    walkRawSchemas(ctx, [root(ctx, 'S0')], (raw) => {
      first = raw;
      return true;
    });
    expect(first).toEqual({ format: 'password' });
  });
});
