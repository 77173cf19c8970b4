import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

describe('redocly lint', () => {
  it('passes with the recommended rules (spec/redocly.yaml)', () => {
    const bin = path.join(repoRoot, 'node_modules/.bin/redocly');
    const result = spawnSync(bin, ['lint', 'spec/openapi.yaml', '--config', 'spec/redocly.yaml'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    // Redocly prints a Node 20 deprecation banner on Node 20: it is ignored, only the outcome counts.
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.error).toBeUndefined();
    expect(result.status, output).toBe(0);
    expect(output).toMatch(/Your API description is valid/);
    // Warnings would print "You have N warning(s)"; the recommended rules must pass clean.
    expect(output).not.toMatch(/Validation failed|You have \d+ warnings?/);
  });
});
