#!/usr/bin/env node
/**
 * One measurement of one client, in its own process: `node http-runner.mjs <mode> <client> <requests>
 * <concurrency> <port> <sdkgenBundle>`, mode `loopback` or `stub`. Warms up, then makes `requests`
 * calls with `concurrency` in flight; prints `{ elapsedMs, requests }`.
 */
import { makeClient, stubFetch } from './http-clients.mjs';

const [mode, name, requestsArg, concurrencyArg, port, sdkgenBundle] = process.argv.slice(2);
const requests = Number(requestsArg);
const concurrency = Number(concurrencyArg);
const baseUrl = `http://127.0.0.1:${port}`;
const call = await makeClient(name, { baseUrl, sdkgenBundle, ...(mode === 'stub' ? { fetch: stubFetch() } : {}) });

async function drive(count) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await call(i + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

await drive(Math.min(2000, Math.max(200, requests / 10)));
const started = process.hrtime.bigint();
await drive(requests);
const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
console.log(JSON.stringify({ elapsedMs, requests }));
