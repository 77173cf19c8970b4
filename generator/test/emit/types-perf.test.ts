/**
 * Emission speed on a synthetic 2,000-schema, 1,000-operation model (printing structures without
 * parsing). The bound is generous (CI machines and parallel test files vary); the numbers are logged, with the
 * same structures printed through `project.createSourceFile` for comparison (the slower path: it parses what it
 * prints).
 */
import { describe, expect, it } from 'vitest';
import { schemaDeclarations } from '../../src/emit/types/declarations.js';
import { emitTypesSources } from '../../src/emit/types/index.js';
import { ImportScope } from '../../src/emit/imports.js';
import { emitOptions } from './ir.js';
import { syntheticApi } from './synthetic.js';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

describe('types emitter speed', () => {
  it('emits 2,000 schemas and 1,000 operations in seconds (bound 30 s: catches quadratic blow-ups, not noise)', () => {
    const model = syntheticApi(2000);
    emitTypesSources(syntheticApi(200), emitOptions); // warm-up
    const times: number[] = [];
    let bytes = 0;
    let fileCount = 0;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const files = emitTypesSources(model, emitOptions);
      times.push(performance.now() - start);
      bytes = files.reduce((n, f) => n + Buffer.byteLength(f.contents), 0);
      fileCount = files.length;
    }
    const ms = median(times);
    console.log(
      `types emitter: ${model.schemas.size} schemas, ${model.operations.length} operations → ${fileCount} files, ` +
        `${(bytes / 1e6).toFixed(2)} MB unformatted; median of 3 runs ${ms.toFixed(0)} ms (${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s)`,
    );
    expect(fileCount).toBe(22);
    expect(ms).toBeLessThan(30_000);
  });

  it('prints 500 schemas in their final shape (logged)', async () => {
    const { printFile } = await import('../../src/emit/ts/printer.js');
    const model = syntheticApi(500);
    const scope = new ImportScope('src/x.ts');
    const statements = [...model.schemas.values()].flatMap((n) => schemaDeclarations(model, scope, n));
    printFile(statements);
    const start = performance.now();
    const printed = printFile(statements);
    const printMs = performance.now() - start;
    console.log(`500 schemas: printed in ${printMs.toFixed(0)} ms, ${(printed.length / 1e6).toFixed(2)} MB`);
    expect(printed.length).toBeGreaterThan(0);
  });
});
