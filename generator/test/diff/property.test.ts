/**
 * Property: one random edit to a small document (fixtures/diff/property-base.yaml) — a property
 * removed, added, made required, nullable, read-only or defaulted, a type changed, an enum value or
 * union member added or removed, a parameter added, removed or made required, an operation renamed,
 * removed, added or moved, a response added, a description changed — and the rules and the proof
 * agree: the new output rejects code written for the old one exactly when the rules report a breaking
 * change the compiler can see.
 *
 * SDKGEN_DIFF_RUNS runs (default 30, about 25 s on 2 CPUs); the seed is printed, SDKGEN_DIFF_SEED
 * replays it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ChangeClass } from '../../src/diff/change.js';
import { diffSides } from '../../src/diff/index.js';
import { buildSide, type Side } from '../../src/diff/side.js';

type Json = Record<string, unknown>;

const base = fileURLToPath(new URL('../fixtures/diff/property-base.yaml', import.meta.url));
const runs = Number(process.env.SDKGEN_DIFF_RUNS ?? 30);
const seed = process.env.SDKGEN_DIFF_SEED !== undefined ? Number(process.env.SDKGEN_DIFF_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;

const KINDS = [
  'remove-property',
  'add-property',
  'toggle-required',
  'toggle-nullable',
  'change-type',
  'add-enum-value',
  'remove-enum-value',
  'add-union-member',
  'remove-union-member',
  'toggle-read-only',
  'toggle-default',
  'add-parameter',
  'remove-parameter',
  'toggle-parameter-required',
  'rename-operation',
  'remove-operation',
  'add-operation',
  'change-description',
  'toggle-additional-properties',
  'change-path',
  'change-method',
  'add-response',
] as const;
type Kind = (typeof KINDS)[number];

/** The class an edit always gets in the base document, whatever it hits. */
const BUMPS: Partial<Record<Kind, ChangeClass>> = {
  'remove-property': 'major',
  'remove-enum-value': 'major',
  'rename-operation': 'major',
  'remove-operation': 'major',
  'change-path': 'major',
  'change-method': 'major',
  'add-operation': 'minor',
  'change-description': 'patch',
};

interface Edit {
  kind: Kind;
  /** Which candidate place (modulo their number). */
  site: number;
  /** Which variant of the edit (a type, required or not, …). */
  variant: number;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const isObject = (x: unknown): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x);

/** Every schema object of the document (components, then inline ones of each operation), depth first. */
function schemas(doc: Json): Json[] {
  const out: Json[] = [];
  const walk = (schema: unknown): void => {
    if (!isObject(schema)) return;
    out.push(schema);
    if (isObject(schema.properties)) Object.values(schema.properties).forEach(walk);
    walk(schema.items);
    walk(schema.additionalProperties);
    for (const key of ['oneOf', 'anyOf', 'allOf']) if (Array.isArray(schema[key])) (schema[key] as unknown[]).forEach(walk);
  };
  Object.values(((doc.components as Json).schemas as Json) ?? {}).forEach(walk);
  for (const { op } of operations(doc)) {
    for (const p of (op.parameters as Json[] | undefined) ?? []) walk(p.schema);
    const bodies = [op.requestBody, ...Object.values((op.responses as Json) ?? {})];
    for (const b of bodies) if (isObject(b) && isObject(b.content)) for (const c of Object.values(b.content)) walk((c as Json).schema);
  }
  return out;
}

function operations(doc: Json): Array<{ path: string; method: string; op: Json }> {
  const out: Array<{ path: string; method: string; op: Json }> = [];
  for (const [p, item] of Object.entries(doc.paths as Json)) {
    for (const method of METHODS) {
      const op = (item as Json)[method];
      if (isObject(op)) out.push({ path: p, method, op });
    }
  }
  return out;
}

function pick<T>(list: T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** Applies `edit` to `doc` in place; returns what it did, or `undefined` when nothing fits it. */
function apply(doc: Json, edit: Edit): string | undefined {
  const all = schemas(doc);
  const objects = all.filter((s) => isObject(s.properties));
  const props = objects.flatMap((o) => Object.keys(o.properties as Json).map((name) => ({ o, name, s: (o.properties as Json)[name] as Json })));
  const required = (o: Json): string[] => (Array.isArray(o.required) ? (o.required as string[]) : []);
  const ops = operations(doc);
  const v = edit.variant;
  switch (edit.kind) {
    case 'remove-property': {
      const p = pick(props, edit.site);
      if (!p) return undefined;
      delete (p.o.properties as Json)[p.name];
      p.o.required = required(p.o).filter((r) => r !== p.name);
      return `remove ${p.name}`;
    }
    case 'add-property': {
      const o = pick(objects, edit.site);
      if (!o) return undefined;
      (o.properties as Json).added = v % 2 === 0 ? { type: 'string' } : { type: 'integer' };
      if (v >= 2) o.required = [...required(o), 'added'];
      return `add ${v >= 2 ? 'required ' : ''}property`;
    }
    case 'toggle-required': {
      const p = pick(props, edit.site);
      if (!p) return undefined;
      const r = required(p.o);
      p.o.required = r.includes(p.name) ? r.filter((x) => x !== p.name) : [...r, p.name];
      return `toggle required ${p.name}`;
    }
    case 'toggle-nullable': {
      const p = pick(
        props.filter((x) => x.s.type !== undefined && x.s.enum === undefined),
        edit.site,
      );
      if (!p) return undefined;
      const t = p.s.type;
      if (!Array.isArray(t)) p.s.type = [t, 'null'];
      else {
        const rest = t.filter((x) => x !== 'null');
        p.s.type = rest.length === 1 ? rest[0] : rest;
      }
      return `toggle nullable ${p.name}`;
    }
    case 'change-type': {
      const p = pick(
        props.filter((x) => typeof x.s.type === 'string' && x.s.enum === undefined && x.s.default === undefined),
        edit.site,
      );
      if (!p) return undefined;
      const to = ['string', 'integer', 'boolean'].filter((t) => t !== p.s.type)[v % 2];
      if (p.s.type === 'array' || p.s.type === 'object') {
        for (const key of Object.keys(p.s)) delete p.s[key];
      }
      p.s.type = to;
      return `type of ${p.name} → ${to}`;
    }
    case 'add-enum-value': {
      const e = pick(
        all.filter((s) => Array.isArray(s.enum)),
        edit.site,
      );
      if (!e) return undefined;
      (e.enum as unknown[]).push(`added${v}`);
      return 'add enum value';
    }
    case 'remove-enum-value': {
      const e = pick(
        all.filter((s) => Array.isArray(s.enum) && (s.enum as unknown[]).length > 1 && s.default === undefined),
        edit.site,
      );
      if (!e) return undefined;
      (e.enum as unknown[]).splice(v % (e.enum as unknown[]).length, 1);
      return 'remove enum value';
    }
    case 'add-union-member': {
      const u = pick(
        all.filter((s) => Array.isArray(s.oneOf)),
        edit.site,
      );
      if (!u) return undefined;
      (u.oneOf as unknown[]).push(v % 2 === 0 ? { type: 'integer' } : { type: 'object', required: ['cash'], properties: { cash: { type: 'boolean' } } });
      return 'add union member';
    }
    case 'remove-union-member': {
      const u = pick(
        all.filter((s) => Array.isArray(s.oneOf) && (s.oneOf as unknown[]).length > 1),
        edit.site,
      );
      if (!u) return undefined;
      (u.oneOf as unknown[]).splice(v % (u.oneOf as unknown[]).length, 1);
      return 'remove union member';
    }
    case 'toggle-read-only': {
      const p = pick(
        props.filter((x) => x.s.$ref === undefined),
        edit.site,
      );
      if (!p) return undefined;
      if (p.s.readOnly === true) delete p.s.readOnly;
      else p.s.readOnly = true;
      return `toggle readOnly ${p.name}`;
    }
    case 'toggle-default': {
      const p = pick(
        props.filter((x) => x.s.type === 'string' || x.s.type === 'integer' || x.s.default !== undefined),
        edit.site,
      );
      if (!p) return undefined;
      if (p.s.default !== undefined) delete p.s.default;
      else p.s.default = p.s.type === 'integer' ? 0 : 'x';
      return `toggle default ${p.name}`;
    }
    case 'add-parameter': {
      const o = pick(ops, edit.site);
      if (!o) return undefined;
      o.op.parameters = [...((o.op.parameters as unknown[]) ?? []), { name: 'added', in: 'query', required: v % 2 === 1, schema: { type: 'string' } }];
      return `add ${v % 2 === 1 ? 'required ' : ''}parameter to ${o.op.operationId}`;
    }
    case 'remove-parameter':
    case 'toggle-parameter-required': {
      const params = ops.flatMap((o) => ((o.op.parameters as Json[]) ?? []).filter((p) => p.in !== 'path').map((p) => ({ o, p })));
      const x = pick(params, edit.site);
      if (!x) return undefined;
      if (edit.kind === 'toggle-parameter-required') {
        x.p.required = x.p.required !== true;
        return `toggle required parameter ${x.p.name}`;
      }
      x.o.op.parameters = (x.o.op.parameters as Json[]).filter((p) => p !== x.p);
      return `remove parameter ${x.p.name}`;
    }
    case 'rename-operation': {
      const o = pick(ops, edit.site);
      if (!o) return undefined;
      o.op.operationId = `${o.op.operationId}Renamed`;
      return 'rename operation';
    }
    case 'remove-operation': {
      const o = pick(ops, edit.site);
      if (!o) return undefined;
      delete ((doc.paths as Json)[o.path] as Json)[o.method];
      return `remove ${o.op.operationId}`;
    }
    case 'add-operation': {
      (doc.paths as Json)['/extras'] = {
        get: {
          operationId: 'listExtras',
          tags: ['extras'],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } } },
        },
      };
      return 'add operation';
    }
    case 'change-description': {
      const p = pick(props, edit.site);
      if (!p) return undefined;
      p.s.description = `Changed ${v}.`;
      return `describe ${p.name}`;
    }
    case 'toggle-additional-properties': {
      const o = pick(objects, edit.site);
      if (!o) return undefined;
      if (o.additionalProperties !== undefined) delete o.additionalProperties;
      else o.additionalProperties = v % 2 === 0 ? true : { type: 'string' };
      return 'toggle additionalProperties';
    }
    case 'change-path': {
      const paths = Object.keys(doc.paths as Json);
      const p = pick(paths, edit.site);
      if (!p) return undefined;
      const item = (doc.paths as Json)[p];
      delete (doc.paths as Json)[p];
      (doc.paths as Json)[`/v2${p}`] = item;
      return `move ${p}`;
    }
    case 'change-method': {
      const o = pick(ops, edit.site);
      if (!o) return undefined;
      const item = (doc.paths as Json)[o.path] as Json;
      const to = METHODS.find((m) => m !== o.method && item[m] === undefined && m !== 'get');
      if (!to) return undefined;
      delete item[o.method];
      item[to] = o.op;
      return `${o.op.operationId}: ${o.method} → ${to}`;
    }
    case 'add-response': {
      const o = pick(ops, edit.site);
      if (!o) return undefined;
      const responses = o.op.responses as Json;
      const status = v % 2 === 0 ? '404' : '202';
      if (responses[status] !== undefined) return undefined;
      responses[status] = {
        description: 'added',
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${v % 2 === 0 ? 'Problem' : 'Item'}` } } },
      };
      return `add response ${status} to ${o.op.operationId}`;
    }
  }
}

describe('sdkgen diff: rules and proof agree on random single edits', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'sdkgen-diff-property-'));
  const text = readFileSync(base, 'utf8');
  let old: Side;
  beforeAll(async () => {
    old = await buildSide(base, path.dirname(base));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it(`${runs} runs`, async () => {
    console.log(`[diff property] seed ${seed}, ${runs} runs (replay: SDKGEN_DIFF_SEED=${seed} SDKGEN_DIFF_RUNS=${runs})`);
    let n = 0;
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.record({ kind: fc.constantFrom(...KINDS), site: fc.nat({ max: 50 }), variant: fc.nat({ max: 3 }) }), async (edit) => {
        const doc = parse(text) as Json;
        const what = apply(doc, edit);
        fc.pre(what !== undefined);
        const file = path.join(work, `edit-${n++}.json`);
        writeFileSync(file, JSON.stringify(doc, null, 2));
        const neu = await buildSide(file, work);
        const result = diffSides(old, neu);
        applied++;
        const changes = result.changes.map((c) => `  ${c.class} ${c.kind} ${c.symbol ?? ''}: ${c.message} [visible: ${c.visible}]`);
        const errors = (result.proof?.errors ?? []).map((e) => `  ! ${e.region}: ${e.message}`);
        const context = [what, ...changes, ...errors].join('\n');
        expect(result.proof?.baselineErrors ?? [], context).toEqual([]);
        expect(
          result.disagreements.map((d) => d.kind),
          context,
        ).toEqual([]);
        const bump = BUMPS[edit.kind];
        if (bump !== undefined) expect(result.bump, context).toBe(bump);
      }),
      { numRuns: runs, seed, verbose: 1 },
    );
    expect(applied).toBeGreaterThanOrEqual(runs);
  }, 300_000);
});
