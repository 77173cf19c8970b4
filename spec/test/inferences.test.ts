import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// The lister that writes the README's index (plain JavaScript, shared so the two cannot disagree).
import { inferenceMarks, KEYWORDS, readmeIndexRows, renderIndex } from '../scripts/inferences.mjs';
import { obj, readSeedIndex, readSpec, repoRoot } from './helpers.js';

interface Mark {
  pointer: string;
  where: string;
  what: string;
  value: unknown;
  node: Record<string, unknown>;
}

const spec = readSpec();
const marks = inferenceMarks(spec) as Mark[];
const readme = readFileSync(path.join(repoRoot, 'spec/README.md'), 'utf8');
const schemas = obj(obj(spec.components, 'components').schemas, 'schemas');
const seed = readSeedIndex();

/** The list-form keywords marked on a schema (`[]` when none; `['*']` for `x-inferred: true`). */
function marked(schema: Record<string, unknown>): string[] {
  const v = schema['x-inferred'];
  if (v === true) return ['*'];
  return Array.isArray(v) ? (v as string[]) : [];
}

/** Every property of the component schemas, `allOf` members included, with its schema's mark. */
function properties(): {
  schema: string;
  name: string;
  prop: Record<string, unknown>;
  inInferredSchema: boolean;
}[] {
  const out: ReturnType<typeof properties> = [];
  for (const [name, raw] of Object.entries(schemas)) {
    const s = obj(raw, name);
    const inInferredSchema = s['x-inferred'] === true;
    const members = [s, ...((s.allOf as unknown[] | undefined) ?? []).map((m) => obj(m, name))];
    for (const m of members) {
      for (const [p, v] of Object.entries(obj(m.properties ?? {}, name))) {
        out.push({ schema: name, name: p, prop: obj(v, `${name}.${p}`), inInferredSchema });
      }
    }
  }
  return out;
}

const typesOf = (s: Record<string, unknown>) => (Array.isArray(s.type) ? (s.type as string[]) : s.type === undefined ? [] : [String(s.type)]);

describe('x-inferred marks', () => {
  it('are `true` or a non-empty list of known keywords, in the documented order, without repeats', () => {
    for (const m of marks) {
      if (m.value === true) continue;
      expect(Array.isArray(m.value), `${m.where}: ${JSON.stringify(m.value)}`).toBe(true);
      const list = m.value as string[];
      expect(list.length, m.where).toBeGreaterThan(0);
      for (const k of list) expect(KEYWORDS, `${m.where}: ${k}`).toContain(k);
      const sorted = [...new Set(list)].sort((a, b) => KEYWORDS.indexOf(a) - KEYWORDS.indexOf(b));
      expect(list, m.where).toEqual(sorted);
    }
  });

  it('name keywords the schema they sit on has', () => {
    for (const m of marks) {
      if (m.value === true) continue;
      for (const k of m.value as string[]) {
        const where = `${m.where}: ${k}`;
        if (k === 'nullable') expect(typesOf(m.node), where).toContain('null');
        else if (k === 'type') expect(typesOf(m.node).filter((t) => t !== 'null').length, where).toBe(1);
        else if (k === 'required') expect(Array.isArray(m.node.required), where).toBe(true);
        else expect(m.node[k], where).toBeDefined();
      }
    }
  });

  it('are not repeated inside a schema marked `true` (the whole of it is inferred)', () => {
    const inside = properties().filter((p) => p.inInferredSchema && p.prop['x-inferred'] !== undefined);
    expect(inside.map((p) => `${p.schema}.${p.name}`)).toEqual([]);
  });

  it('mark every nullable the seed does not state (the notes state the Paginated…List next/previous)', () => {
    const seedText = new Map(seed.objects.flatMap((o) => o.fields.map((f) => [`${o.name}.${f.name}`, f.description ?? ''])));
    const unmarked = properties()
      .filter((p) => !p.inInferredSchema && typesOf(p.prop).includes('null'))
      .filter((p) => !/\bnull\b/i.test(String(seedText.get(`${p.schema}.${p.name}`) ?? p.prop.description ?? '')))
      .filter((p) => !(/^Paginated\w+List$/.test(p.schema) && ['next', 'previous'].includes(p.name)))
      .filter((p) => !marked(p.prop).includes('nullable') && !marked(p.prop).includes('*'))
      .map((p) => `${p.schema}.${p.name}`);
    expect(unmarked).toEqual([]);
    // The fidelity review's count: 19 inferred nullable properties outside inferred schemas.
    expect(properties().filter((p) => marked(p.prop).includes('nullable'))).toHaveLength(19);
  });

  it('mark every date-time format (the notes §3.3: inferred)', () => {
    const unmarked = properties()
      .filter((p) => !p.inInferredSchema && p.prop.format === 'date-time')
      .filter((p) => !marked(p.prop).includes('format'))
      .map((p) => `${p.schema}.${p.name}`);
    expect(unmarked).toEqual([]);
    expect(properties().filter((p) => p.prop.format === 'date-time')).toHaveLength(24);
  });

  it('mark every integer id type except the documented connection and account ids (the notes §3.2)', () => {
    const isId = (name: string) => name === 'id' || name.endsWith('_id') || name === 'workspace';
    // Documented as integers: connection ids and embedded account ids, by the field's description.
    const documented = (p: { schema: string; name: string; prop: Record<string, unknown> }) =>
      /^(Connection ID|Account ID)/.test(String(p.prop.description ?? '')) ||
      (p.schema === 'Connection' && p.name === 'id') ||
      (p.schema === 'Account' && p.name === 'id');
    const unmarked = properties()
      .filter((p) => !p.inInferredSchema && isId(p.name) && typesOf(p.prop).includes('integer'))
      .filter((p) => !documented(p))
      .filter((p) => !marked(p.prop).includes('type') && !marked(p.prop).includes('*'))
      .map((p) => `${p.schema}.${p.name}`);
    expect(unmarked).toEqual([]);
    // Path and query parameters: every integer id is marked on its schema, except connection and account ids.
    const params: string[] = [];
    const check = (raw: unknown, at: string) => {
      const p = obj(raw, at);
      if (p.$ref !== undefined) return;
      const schema = obj(p.schema, at);
      if (!typesOf(schema).includes('integer') || !isId(String(p.name))) return;
      if (/^(Connection ID|Account ID)/.test(String(p.description ?? ''))) return;
      if (!marked(schema).includes('type')) params.push(`${at} ${String(p.name)}`);
    };
    for (const [name, p] of Object.entries(obj(obj(spec.components, 'components').parameters, 'p'))) check(p, name);
    for (const [p, item] of Object.entries(obj(spec.paths, 'paths'))) {
      const pathItem = obj(item, p);
      for (const x of (pathItem.parameters as unknown[]) ?? []) check(x, p);
      for (const [m, op] of Object.entries(pathItem)) {
        if (m === 'parameters') continue;
        for (const x of (obj(op, m).parameters as unknown[]) ?? []) check(x, `${m} ${p}`);
      }
    }
    expect(params).toEqual([]);
  });

  it('mark every `required` list except where the docs state it (the validation body’s non-empty accounts)', () => {
    const unmarked = Object.entries(schemas)
      .map(([name, raw]) => [name, obj(raw, name)] as const)
      .filter(([, s]) => s['x-inferred'] !== true && Array.isArray(s.required))
      .filter(([, s]) => !marked(s).includes('required'))
      .map(([name]) => name);
    expect(unmarked).toEqual(['ExtractTemplateValidationRequest']);
  });
});

describe('the index of inferences in spec/README.md', () => {
  it('lists exactly the marks of the spec, in document order (node spec/scripts/inferences.mjs rewrites it)', () => {
    const rows = readmeIndexRows(readme) as string[][];
    const fromSpec = marks.map((m) => [m.where, m.what]);
    // Both ways: nothing listed that is not marked, nothing marked that is not listed.
    expect(rows.filter((r) => !fromSpec.some((x) => x[0] === r[0] && x[1] === r[1]))).toEqual([]);
    expect(fromSpec.filter((x) => !rows.some((r) => r[0] === x[0] && r[1] === x[1]))).toEqual([]);
    expect(rows).toEqual(fromSpec);
  });

  it('names each place once', () => {
    const where = marks.map((m) => m.where);
    expect(where.length - new Set(where).size).toBe(0);
    // Readable names everywhere (no fallback to a raw JSON pointer).
    expect(where.filter((w) => w.includes('#/'))).toEqual([]);
  });

  it('the check fails on a stale index (a mark added or removed)', () => {
    const one = marks.slice(0, 3);
    const rendered = renderIndex(one) as string;
    expect(readmeIndexRows(rendered)).toEqual(one.map((m) => [m.where, m.what]));
    expect(readmeIndexRows(rendered)).not.toEqual(marks.map((m) => [m.where, m.what]));
  });
});
