#!/usr/bin/env node
/**
 * Per-call profile of the sdkgen client with a stubbed fetch (the benchmark's call: `GET /items/{id}`
 * with a path parameter and the query `limit=10&tags=a&tags=b`, JSON read). Run it under
 * `node --cpu-prof`, then summarise with `profile-summary.mjs`. Needs the bundle `pnpm bench` builds
 * (`.cache/http/sdkgen-client.mjs`).
 *
 * Usage: node --cpu-prof --cpu-prof-dir <dir> bench/src/profile-call.mjs [calls=200000]
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeClient, stubFetch } from './http-clients.mjs';

const calls = Number(process.argv[2] ?? 200000);
const bundle = path.join(path.dirname(fileURLToPath(import.meta.url)), '../.cache/http/sdkgen-client.mjs');
const call = await makeClient('sdkgen', { baseUrl: 'http://127.0.0.1:1', fetch: stubFetch(), sdkgenBundle: bundle });
for (let i = 0; i < 2000; i++) await call(i);
const started = performance.now();
for (let i = 0; i < calls; i++) await call(i);
console.log(`${(((performance.now() - started) * 1000) / calls).toFixed(1)} µs per call over ${calls} calls`);
