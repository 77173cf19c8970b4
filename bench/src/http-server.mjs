#!/usr/bin/env node
/** The loopback server of the per-request benchmark: answers every request with the same small JSON body. Prints its port. */
import * as http from 'node:http';
import { BODY } from './http-clients.mjs';

const body = Buffer.from(BODY);
const server = http.createServer((req, res) => {
  if (!req.url?.startsWith('/items/') || !req.url.includes('limit=10')) {
    res.writeHead(400).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  console.log(server.address().port);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
