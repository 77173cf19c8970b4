#!/usr/bin/env node
/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time, and the
 * files with the most total self time. Usage: node bench/src/profile-summary.mjs <file.cpuprofile> [top=25]
 */
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fnTime = new Map();
const fileTime = new Map();
for (const [id, us] of self) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const where = cf.url ? cf.url.replace(/^file:\/\//, '').replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '') : '(native)';
  const key = `${cf.functionName || '(anonymous)'}  ${where}:${cf.lineNumber + 1}`;
  fnTime.set(key, (fnTime.get(key) ?? 0) + us);
  fileTime.set(where, (fileTime.get(where) ?? 0) + us);
}
const pct = (us) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`total sampled: ${(total / 1e6).toFixed(2)} s`);
console.log('\nself time by function:');
for (const [k, us] of [...fnTime].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
console.log('\nself time by file:');
for (const [k, us] of [...fileTime].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
