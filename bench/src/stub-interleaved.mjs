#!/usr/bin/env node
/**
 * Per-call overhead with a stubbed fetch, measured in one process with the clients interleaved: raw
 * fetch and each given sdkgen bundle make the benchmark's call in rounds of 5,000 calls, in rotating
 * order; prints the median µs per call of each and its overhead over raw fetch. Steadier than one
 * process per client (the `pnpm bench` rows) for comparing two builds of the runtime: both see the
 * same machine state.
 *
 * Usage: node bench/src/stub-interleaved.mjs <bundle.mjs> [more bundles…]   (ROUNDS=30 by default)
 * The bundle `pnpm bench` builds is bench/.cache/http/sdkgen-client.mjs.
 */
import { makeClient, stubFetch } from './http-clients.mjs';

const bundles = process.argv.slice(2);
if (bundles.length === 0) throw new Error('usage: stub-interleaved.mjs <bundle.mjs> [more bundles…]');
const baseUrl = 'http://127.0.0.1:1';
const calls = [['raw', await makeClient('raw', { baseUrl, fetch: stubFetch() })]];
for (const b of bundles) calls.push([b, await makeClient('sdkgen', { baseUrl, fetch: stubFetch(), sdkgenBundle: b })]);
const samples = calls.map(() => []);
const n = 5000;
for (const [, call] of calls) for (let i = 0; i < n; i++) await call(i);
const rounds = Number(process.env.ROUNDS ?? 30);
for (let round = 0; round < rounds; round++) {
  for (let k = 0; k < calls.length; k++) {
    const index = (k + round) % calls.length;
    const call = calls[index][1];
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await call(i);
    samples[index].push(Number(process.hrtime.bigint() - started) / 1e3 / n);
  }
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const raw = median(samples[0]);
for (let k = 0; k < calls.length; k++) {
  const m = median(samples[k]);
  console.log(`${calls[k][0]}: ${m.toFixed(1)} µs/call${k ? `, +${(m - raw).toFixed(1)} µs over raw fetch` : ''}`);
}
