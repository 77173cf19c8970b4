/**
 * Emission speed on a synthetic 2,000-schema, 1,000-operation model (printing structures without
 * parsing). The bound is generous (CI machines vary); the measured numbers are logged.
 */
import { describe, expect, it } from 'vitest';
import { emitTypesSources } from '../../src/emit/types/index.js';
import { emitOptions } from './ir.js';
import { syntheticApi } from './synthetic.js';

describe('types emitter speed', () => {
  it('emits 2,000 schemas in well under 10 s', () => {
    const model = syntheticApi(2000);
    emitTypesSources(syntheticApi(50), emitOptions); // warm-up
    const start = performance.now();
    const files = emitTypesSources(model, emitOptions);
    const ms = performance.now() - start;
    const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.contents), 0);
    console.log(
      `types emitter: ${model.schemas.size} schemas, ${model.operations.length} operations → ${files.length} files, ` +
        `${(bytes / 1e6).toFixed(2)} MB in ${ms.toFixed(0)} ms (${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s, unformatted)`,
    );
    expect(files.length).toBe(22);
    expect(ms).toBeLessThan(10_000);
  });
});
