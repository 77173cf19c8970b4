import { ClientCore } from '../../runtime/client.js';
import { createTokenProvider } from '../../runtime/token-provider.js';
import type { ClientConfig, ClientOptions } from '../../runtime/types.js';

/** What the injected fetch received, read eagerly so tests can inspect bodies. */
export interface Seen {
  request: Request;
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

type Reply = Response | ((req: Request, index: number) => Response | Promise<Response>);

/**
 * The `Request` a `FetchLike` call stands for: the request itself when called with one (middleware), else one made of
 * `(url, init)` (no middleware).
 */
export function asRequest(input: string | Request, init?: RequestInit): Request {
  return typeof input !== 'string' && init === undefined ? input : new Request(input, init);
}

/** A fetch that records every request and answers from `replies` in order (the last one repeats). */
export function mockFetch(...replies: Reply[]) {
  const seen: Seen[] = [];
  const fetch = async (input: string | Request, init?: RequestInit): Promise<Response> => {
    const request = asRequest(input, init);
    const index = seen.length;
    const body = request.body ? await request.clone().text() : '';
    seen.push({ request, url: request.url, method: request.method, headers: request.headers, body });
    const reply = replies[Math.min(index, replies.length - 1)];
    if (reply === undefined) throw new Error('no reply configured');
    return typeof reply === 'function' ? reply(request, index) : reply.clone();
  };
  return { fetch, seen };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** Records sleeps instead of waiting. */
export function fakeHooks(start = Date.parse('2026-01-01T00:00:00Z')) {
  const sleeps: number[] = [];
  let now = start;
  return {
    sleeps,
    advance(ms: number) {
      now += ms;
    },
    hooks: {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
      random: () => 0,
    },
  };
}

export const CONFIG: ClientConfig = {
  baseUrl: 'https://api.example.com',
  securitySchemes: {
    basicAuth: { type: 'http', scheme: 'basic' },
    bearerAuth: {
      type: 'http',
      scheme: 'bearer',
      tokenEndpoint: {
        method: 'post',
        path: '/api/v3/token',
        credentialsScheme: 'basicAuth',
        tokenField: '/token',
        requestFields: ['workspace_id'],
        lifetimeSeconds: 1800,
        slidingExpiry: true,
      },
    },
    sessionCookie: { type: 'apiKey', in: 'cookie', name: 'dts_session_id' },
    workspaceHeader: { type: 'apiKey', in: 'header', name: 'X-IM-WORKSPACE-ID' },
    queryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
  },
  tokenProvider: createTokenProvider,
};

/** A generated-style root class. */
export class TestClient extends ClientCore {
  constructor(options: ClientOptions = {}) {
    super(options, CONFIG);
  }
}
