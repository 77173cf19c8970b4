/**
 * The HTTP server every consumer calls, on 127.0.0.1 (an ephemeral port): the Improvado client's
 * `GET /api/v3/extracts/{id}` and the sample spec's `GET /pets/{id}` (200 for 5 and 7 with the right
 * Bearer token, 401 without it, 404 otherwise), JSON bodies.
 */
import { createServer } from 'node:http';

/** Answers one request: [status, body]. */
function answer(method, url, authorization) {
  const m = /^\/(api\/v3\/extracts|pets)\/(\d+)$/.exec(url);
  if (method !== 'GET' || m === null) return [404, { detail: 'no such route' }];
  if (authorization !== 'Bearer tok') return [401, { detail: 'missing or wrong token' }];
  const id = Number(m[2]);
  if (m[1] === 'pets') return id === 7 ? [200, { id, name: 'Rex', kind: 'dog' }] : [404, { detail: 'no such pet' }];
  return id === 5 ? [200, { id, title: 'Five' }] : [404, { detail: 'no such extract' }];
}

/**
 * Starts the server.
 * @returns {Promise<{ url: string, requests: () => number, close: () => Promise<void> }>} its base URL
 *   (`http://127.0.0.1:<port>`), how many requests it answered, and a close function
 */
export async function startServer() {
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    const [status, body] = answer(req.method, req.url ?? '', req.headers.authorization);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
