/**
 * The runtime over real HTTP: Node's own fetch (undici) against a server on 127.0.0.1, no injected fetch.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../runtime/body.js';
import { AbortError, NotFoundError, TimeoutError } from '../../runtime/errors.js';
import { requestPage } from '../../runtime/pagination.js';
import { TestClient } from './helpers.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}
const received: Received[] = [];
let attemptsFlaky = 0;

async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
  const url = new URL(req.url ?? '/', 'http://x');
  const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `r-${received.length}`, ...headers });
    res.end(JSON.stringify(data));
  };
  switch (url.pathname) {
    case '/api/v3/token':
      return send(200, { token: 'live-token' });
    case '/echo':
      return send(200, {
        method: req.method,
        auth: req.headers.authorization ?? null,
        cookie: req.headers.cookie ?? null,
        ct: req.headers['content-type'] ?? null,
        size: body.length,
        text: body.toString('latin1'),
      });
    case '/flaky':
      attemptsFlaky++;
      return attemptsFlaky < 3 ? send(503, { details: 'busy' }, { 'retry-after-ms': '1' }) : send(200, { attempts: attemptsFlaky });
    case '/slow':
      setTimeout(() => send(200, {}), 2000).unref();
      return;
    case '/empty':
      res.writeHead(204);
      res.end();
      return;
    case '/bytes':
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
      return;
    case '/items': {
      const page = Number(url.searchParams.get('page') ?? 1);
      return send(200, { count: 5, next: page < 3 ? `/items?page=${page + 1}` : null, results: page < 3 ? [page * 2 - 1, page * 2] : [5] });
    }
    default:
      return send(404, { details: 'Not found.' });
  }
}

const server = createServer((req, res) => {
  handler(req, res).catch(() => res.destroy());
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const client = () =>
  new TestClient({
    baseUrl,
    auth: { basicAuth: { username: 'u', password: 'p' }, bearerAuth: { workspace_id: 1 }, sessionCookie: 's1', workspaceHeader: '5' },
  });

describe('over real HTTP (global fetch)', () => {
  it('token flow, bearer header, JSON body', async () => {
    const data = await client().request<{ auth: string; ct: string; text: string }>({
      method: 'post',
      path: '/echo',
      body: { a: 'ü' },
      security: [['bearerAuth']],
    });
    expect(data.auth).toBe('Bearer live-token');
    expect(data.ct).toBe('application/json');
    expect(Buffer.from(data.text, 'latin1').toString('utf8')).toBe('{"a":"ü"}');
  });

  it('cookie apiKey reaches the server in the Cookie header (Node)', async () => {
    const data = await client().request<{ cookie: string }>({ method: 'get', path: '/echo', security: [['sessionCookie', 'workspaceHeader']] });
    expect(data.cookie).toBe('dts_session_id=s1');
  });

  it('multipart with the boundary set by fetch, and a streamed upload', async () => {
    const form = await client().request<{ ct: string; text: string }>({
      method: 'post',
      path: '/echo',
      bodyKind: 'multipart',
      body: multipartBody({ caption: 'hi', file: new File([new Uint8Array([1, 2, 3])], 'f.bin') }),
    });
    expect(form.ct).toMatch(/^multipart\/form-data; boundary=/);
    expect(form.text).toContain('filename="f.bin"');
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([65, 66]));
        c.enqueue(new Uint8Array([67]));
        c.close();
      },
    });
    const streamed = await client().request<{ size: number; text: string }>({ method: 'put', path: '/echo', body: stream, bodyKind: 'binary' });
    expect(streamed).toMatchObject({ size: 3, text: 'ABC' });
  });

  it('retries a 503 with retry-after-ms, reads 204 and bytes, maps 404, gives request ids', async () => {
    const r = await client().request<{ attempts: number }>({ method: 'get', path: '/flaky' }).withResponse();
    expect(r.data.attempts).toBe(3);
    expect(r.requestId).toMatch(/^r-\d+$/);
    expect(await client().request({ method: 'delete', path: '/empty' })).toBeUndefined();
    const blob = await client().request<Blob>({ method: 'get', path: '/bytes', responses: { '200': 'binary' } });
    expect(new Uint8Array(await blob.arrayBuffer())[255]).toBe(255);
    const err = await client()
      .request({ method: 'get', path: '/nope' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).requestId).toMatch(/^r-\d+$/);
  });

  it('times out and aborts real sockets', async () => {
    const t = await client()
      .request({ method: 'get', path: '/slow' }, { timeoutMs: 50, maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(t).toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const a = await client()
      .request({ method: 'get', path: '/slow' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(a).toBeInstanceOf(AbortError);
  });

  it('follows page numbers across real pages', async () => {
    const items: number[] = [];
    for await (const n of requestPage<number>(client(), {
      method: 'get',
      path: '/items',
      pagination: { style: 'page', pageParam: 'page', itemsField: '/results', nextField: '/next' },
    }))
      items.push(n);
    expect(items).toEqual([1, 2, 3, 4, 5]);
  });
});
