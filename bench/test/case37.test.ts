/** The case-37 spec builder: deterministic, and the sizes and shapes the case asks for. */
import { describe, expect, it } from 'vitest';
import { countOperations, makeCase37 } from '../scripts/make-case37.mjs';

describe('make-case37', () => {
  const doc = makeCase37();

  it('is deterministic for a seed, and differs for another seed', () => {
    expect(JSON.stringify(makeCase37())).toBe(JSON.stringify(doc));
    expect(JSON.stringify(makeCase37({ seed: 38 }))).not.toBe(JSON.stringify(doc));
  });

  it('has ~5,000 component schemas and ~2,000 operations', () => {
    expect(Object.keys(doc.components.schemas).length).toBe(5000);
    expect(countOperations(doc)).toBe(2000);
  });

  it('has allOf chains 10 deep, self- and mutually-recursive schemas, and large enums', () => {
    const schemas = doc.components.schemas;
    const tip = Object.keys(schemas).find((name) => /Chain0L9$/.test(name));
    expect(tip).toBeDefined();
    let depth = 1;
    let current = tip === undefined ? undefined : schemas[tip];
    while (current && Array.isArray(current.allOf)) {
      const target =
        String((current.allOf[0] as { $ref: string }).$ref)
          .split('/')
          .pop() ?? '';
      current = schemas[target];
      depth++;
    }
    expect(depth).toBe(10);
    const selfRecursive = Object.entries(schemas).filter(([name, s]) => JSON.stringify(s).includes(`"#/components/schemas/${name}"`));
    expect(selfRecursive.length).toBeGreaterThanOrEqual(100);
    expect(Object.keys(schemas).filter((name) => /Cycle\d+M\d+$/.test(name)).length).toBeGreaterThanOrEqual(120);
    const enumSizes = Object.values(schemas).map((s) => (Array.isArray(s.enum) ? s.enum.length : 0));
    expect(Math.max(...enumSizes)).toBeGreaterThanOrEqual(400);
  });
});
