/**
 * Secret scan (issue 13): no credential value appears in anything a user may print, log or serialise — an error
 * (`String`, `stack`, `JSON.stringify`, `util.inspect` at any depth), the client, a page of a list, a response wrapper
 * (`withResponse()`), the request options the call was made with, or the logger's output at `debug` — for every
 * failure kind (a 4xx with a JSON body and a 5xx with a text body, both echoing the credentials in body and headers as
 * some servers do; a 2xx whose JSON does not parse, echoing them too; connection refused; timeout; the caller's abort)
 * and every security scheme type (HTTP Basic, bearer token, API key in a header, the query or a cookie, a bearer
 * token obtained from a token endpoint), plus a successful call of each scheme. Error messages still name the method and
 * URL, with the query API key shown as `***`.
 *
 * A client generated from secrets.openapi.yaml (beside this file) runs against a `node:http` server on 127.0.0.1.
 * Every credential is a distinct sentinel starting with `S3NT1NEL` (the token endpoint issues sentinel tokens too); a
 * text leaks when it holds that prefix (which catches the raw and percent-encoded forms of every sentinel) or the
 * base64 of a Basic credential.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, writeGenerated } from '../client/pipeline.js';
import { e2eOut, json, type Received, REFUSED_URL, repoRoot, startServer, type TestServer } from './harness.js';

// ---------------------------------------------------------------------------------------------------------------
// The generated client's surface used here.

interface Logger {
  debug(message: string, data?: unknown): void;
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}
interface CallOptions {
  timeoutMs?: number;
  maxRetries?: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}
interface Call<T> extends PromiseLike<T> {
  withResponse(): Promise<{
    data: T;
    response: Response;
    headers: Headers;
    requestId: string | undefined;
  }>;
  asResponse(): Promise<Response>;
}
interface Page {
  data: unknown[];
  operation: unknown;
  hasNextPage(): boolean;
  nextPageOperation(): unknown;
  iterPages(): AsyncIterable<Page>;
}
interface SecretsClient {
  probe: {
    basic(options?: CallOptions): Call<unknown>;
    bearer(options?: CallOptions): Call<unknown>;
    tokenBearer(options?: CallOptions): Call<unknown>;
    headerKey(options?: CallOptions): Call<unknown>;
    queryKey(params?: { q?: string }, options?: CallOptions): Call<unknown>;
    cookieKey(options?: CallOptions): Call<unknown>;
  };
  items: {
    list(params?: { page?: number; page_size?: number }, options?: CallOptions): Call<Page> & AsyncIterable<unknown>;
  };
}
interface SecretsModule {
  Client: new (options: Record<string, unknown>) => SecretsClient;
}

// ---------------------------------------------------------------------------------------------------------------
// Sentinels.

const PREFIX = 'S3NT1NEL';
const USER = 'scan-user';
const S = {
  basicPassword: `${PREFIX}-basic-pw-7f3a9c1e5b2d`,
  bearer: `${PREFIX}-bearer-token-2d8e4b6a0c1f`,
  headerKey: `${PREFIX}-header-key-9b1c7e3f5a4d`,
  // Characters that percent-encode in a query: the URL carries `…%2F%2B%3D…`, not the raw value.
  queryKey: `${PREFIX}-query-key/+=4e6a8c0b2d`,
  cookieKey: `${PREFIX}-cookie-key-5c3e1a9f7b6e`,
} as const;
/** Tokens the server's token endpoint issued (each one a sentinel). */
const issued: string[] = [];

/** Every form of every sentinel that must not appear, with its name (the prefix last: it catches any other form). */
function sentinelForms(): Array<[name: string, form: string]> {
  const forms: Array<[string, string]> = [];
  for (const [name, value] of [...Object.entries(S), ...issued.map((t, i) => [`issued token #${i + 1}`, t] as const)]) {
    forms.push([name, value], [`${name} (percent-encoded)`, encodeURIComponent(value)]);
  }
  forms.push(['basicPassword (Basic base64)', btoa(`${USER}:${S.basicPassword}`)]);
  forms.push([`any sentinel (the "${PREFIX}" prefix)`, PREFIX]);
  return forms;
}

/** Every leak in `texts` (label → text): which text holds which sentinel, with the text around it. */
function leaks(texts: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [label, text] of Object.entries(texts)) {
    for (const [name, form] of sentinelForms()) {
      const at = text.indexOf(form);
      if (at < 0) continue;
      const around = text.slice(Math.max(0, at - 60), at + form.length + 20).replace(/\s+/g, ' ');
      found.push(`${label} leaks ${name}: …${around}…`);
      break; // one finding per text (the most specific form)
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// The tables: security schemes and failure kinds.

interface Scheme {
  name: string;
  auth: Record<string, unknown>;
  /** The call under test. */
  call(client: SecretsClient, options: CallOptions): Call<unknown>;
  /** Method and path of the request the failure happens on. */
  fails: { method: 'GET' | 'POST'; path: string };
  /** The query string the error's URL shows (secret values as `***`). */
  query?: string;
  /** The token endpoint fails (with the failure kind) instead of the call. */
  tokenFails?: boolean;
}

const basic = { username: USER, password: S.basicPassword };
const SCHEMES: Scheme[] = [
  {
    name: 'HTTP Basic',
    auth: { basicAuth: basic },
    call: (c, o) => c.probe.basic(o),
    fails: { method: 'GET', path: '/basic' },
  },
  {
    name: 'bearer token',
    auth: { bearerAuth: S.bearer },
    call: (c, o) => c.probe.bearer(o),
    fails: { method: 'GET', path: '/bearer' },
  },
  {
    name: 'API key in a header',
    auth: { headerKey: S.headerKey },
    call: (c, o) => c.probe.headerKey(o),
    fails: { method: 'GET', path: '/header-key' },
  },
  {
    name: 'API key in the query',
    auth: { queryKey: S.queryKey },
    call: (c, o) => c.probe.queryKey({ q: 'visible' }, o),
    fails: { method: 'GET', path: '/query-key' },
    query: '?q=visible&custom_key=***',
  },
  {
    name: 'API key in a cookie',
    auth: { cookieKey: S.cookieKey },
    call: (c, o) => c.probe.cookieKey(o),
    fails: { method: 'GET', path: '/cookie-key' },
  },
  {
    name: 'bearer from the token endpoint (the call fails)',
    auth: { basicAuth: basic, tokenAuth: { workspace_id: 42 } },
    call: (c, o) => c.probe.tokenBearer(o),
    fails: { method: 'GET', path: '/token-bearer' },
  },
  {
    name: 'bearer from the token endpoint (the token request fails)',
    auth: { basicAuth: basic, tokenAuth: { workspace_id: 42 } },
    call: (c, o) => c.probe.tokenBearer(o),
    fails: { method: 'POST', path: '/token' },
    tokenFails: true,
  },
];

type Mode = 'ok' | 'echo401' | 'echo500' | 'garbled200' | 'hang';
interface Failure {
  kind: string;
  /** What the server does (`refused`: the call goes to a closed port). */
  mode: Mode | 'refused';
  error: string;
  /** The caller aborts after this many ms. */
  abortAfterMs?: number;
}
const FAILURES: Failure[] = [
  {
    kind: '4xx (401, JSON body echoing the credentials)',
    mode: 'echo401',
    error: 'AuthenticationError',
  },
  {
    kind: '5xx (500, text body echoing the credentials)',
    mode: 'echo500',
    error: 'InternalServerError',
  },
  {
    kind: '2xx whose JSON body does not parse (echoing the credentials)',
    mode: 'garbled200',
    error: 'ResponseParseError',
  },
  { kind: 'connection refused', mode: 'refused', error: 'ConnectionError' },
  { kind: 'timeout', mode: 'hang', error: 'TimeoutError' },
  { kind: "caller's abort", mode: 'hang', error: 'AbortError', abortAfterMs: 30 },
];

/** The client timeout of the timeout case (ms); the other cases get 10 s. */
const TIMEOUT_MS = 50;

// ---------------------------------------------------------------------------------------------------------------
// Server, client, logger.

let mod: SecretsModule;
let server: TestServer;
/** A port nothing listens on. */
let closedUrl: string;

/** What a server that echoes credentials puts in an error body: the credential headers, the URL and the query. */
function echo(req: Received): Record<string, unknown> {
  const h = req.headers;
  return {
    detail: `rejected ${req.method} ${req.url}: authorization=${h.authorization ?? '-'} key=${h['x-custom-key'] ?? '-'} cookie=${h.cookie ?? '-'}`,
    echo: {
      url: req.url,
      query: Object.fromEntries(req.query),
      authorization: h.authorization,
      key: h['x-custom-key'],
      cookie: h.cookie,
    },
  };
}
/** The same in response headers (`x-echo-*`, and a `www-authenticate` challenge naming the token). */
function echoHeaders(req: Received): Record<string, string> {
  const h = req.headers;
  const out: Record<string, string> = { 'x-echo-url': req.url };
  if (h.authorization) out['www-authenticate'] = `Bearer error="invalid_token", got="${h.authorization}"`;
  if (typeof h['x-custom-key'] === 'string') out['x-echo-key'] = h['x-custom-key'];
  if (h.cookie) out['x-echo-cookie'] = h.cookie;
  return out;
}

function serve(mode: Mode, tokenFails = false): void {
  server.reset((req, res) => {
    const failing = mode !== 'ok' && (req.pathname === '/token') === tokenFails;
    if (!failing) {
      if (req.pathname === '/token') {
        const token = `${PREFIX}-issued-token-${issued.length + 1}-8a2c4e6f`;
        issued.push(token);
        return json(res, 200, { token, expires_in: 1800 });
      }
      if (req.pathname === '/items') {
        const page = Number(req.query.get('page') ?? '1');
        return json(res, 200, {
          count: 4,
          next: page < 2 ? `${server.url}/items?page=${page + 1}&page_size=2` : null,
          previous: null,
          results: [{ id: page * 10 + 1 }, { id: page * 10 + 2 }],
        });
      }
      return json(res, 200, { id: 1, echo: 'ok' }, { 'x-request-id': 'req-ok' });
    }
    if (mode === 'hang') return; // never answers: the client's timeout or the caller's abort ends the call
    const headers = { 'x-request-id': 'req-failed', ...echoHeaders(req) };
    if (mode === 'echo401') return json(res, 401, echo(req), headers);
    if (mode === 'garbled200') {
      // Declared JSON, but not JSON: starts with the echo (a JSON.parse message quotes the start of its input).
      res.writeHead(200, { 'content-type': 'application/json', ...headers });
      res.end(`${String(echo(req).detail)} {"id": 1`);
      return;
    }
    // The 5xx echoes as plain text (the error's body is then a string).
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(JSON.stringify(echo(req), null, 1));
  });
}

function logger(lines: string[]): Logger {
  const sink =
    (level: string) =>
    (message: string, data?: unknown): void => {
      lines.push(`${level} ${message}${data === undefined ? '' : ` ${inspect(data, { depth: Infinity })}`}`);
    };
  return { debug: sink('debug'), info: sink('info'), warn: sink('warn'), error: sink('error') };
}

function makeClient(auth: Record<string, unknown>, lines: string[], baseUrl = server.url): SecretsClient {
  return new mod.Client({
    baseUrl,
    auth,
    maxRetries: 0,
    // Generous: a loopback answer must not time out on a loaded machine (the timeout case sets its own).
    timeoutMs: 10_000,
    logger: logger(lines),
    logLevel: 'debug',
  });
}

/** `String`, JSON and deep inspect of `value`, labelled. */
function views(label: string, value: unknown): Record<string, string> {
  let serialised: string;
  try {
    serialised = JSON.stringify(value) ?? 'undefined';
  } catch (err) {
    serialised = `JSON.stringify threw: ${(err as Error).message}`;
  }
  return {
    [`String(${label})`]: String(value),
    [`JSON.stringify(${label})`]: serialised,
    [`inspect(${label})`]: inspect(value, { depth: Infinity, showHidden: false }),
  };
}

/** Rejects when `promise` takes longer than `ms` (every call here must end by itself, quickly). */
function bounded<T>(promise: PromiseLike<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
    }),
  ]);
}

beforeAll(async () => {
  const specPath = 'generator/test/e2e/secrets.openapi.yaml';
  const fixture: Fixture = {
    name: 'secrets',
    spec: path.join(repoRoot, specPath),
    specPath,
    options: {
      typesPackageName: '@fixtures/secrets-types',
      clientPackageName: '@fixtures/secrets-client',
      clientName: 'Client',
      specPath,
      command: 'pnpm generate',
      existingVersions: {},
    },
  };
  const dir = await writeGenerated(fixture, e2eOut);
  mod = (await import(/* @vite-ignore */ pathToFileURL(path.join(dir, 'client/src/index.ts')).href)) as SecretsModule;
  server = await startServer();
  closedUrl = REFUSED_URL;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

// ---------------------------------------------------------------------------------------------------------------

describe.each(SCHEMES)('$name', (scheme) => {
  it.each(FAILURES)('$kind: no credential in the error, client, options or logs', async (failure) => {
    const lines: string[] = [];
    const refused = failure.mode === 'refused';
    serve(failure.mode === 'refused' ? 'ok' : failure.mode, scheme.tokenFails);
    const client = makeClient(scheme.auth, lines, refused ? closedUrl : server.url);
    const controller = new AbortController();
    const options: CallOptions = {
      // Only the timeout case needs the short timeout: under load, 50 ms also cut the other cases' loopback calls short.
      timeoutMs: failure.error === 'TimeoutError' ? TIMEOUT_MS : 10_000,
      maxRetries: 0,
      signal: controller.signal,
      headers: { 'x-trace': 'visible' },
    };
    const timer = failure.abortAfterMs === undefined ? undefined : setTimeout(() => controller.abort(), failure.abortAfterMs);
    let err: unknown;
    try {
      await bounded(scheme.call(client, options), 5_000, `${scheme.name} / ${failure.kind}`);
    } catch (e) {
      err = e;
    } finally {
      clearTimeout(timer);
    }
    if (!(err instanceof Error) || /did not settle/.test(err.message)) throw err ?? new Error('the call succeeded');
    expect(err.name).toBe(failure.error);

    // The message names the request that failed: with a closed port that is the token request, when there is one; a
    // token request that hangs ends with the call's own time limit or abort, which name the call that waited for it.
    const e = err as Error & { method?: string; url?: string };
    const tokenScheme = 'tokenAuth' in scheme.auth;
    const call =
      tokenScheme && refused
        ? { method: 'POST', path: '/token' }
        : scheme.tokenFails && failure.mode === 'hang'
          ? { method: 'GET', path: '/token-bearer' }
          : scheme.fails;
    const base = refused ? closedUrl : server.url;
    expect({ method: e.method, url: e.url }).toEqual({
      method: call.method,
      url: `${base}${call.path}${call.method === 'GET' ? (scheme.query ?? '') : ''}`,
    });
    expect(e.message).toContain(`${e.method} ${e.url}`);
    // The server's echo is kept, its credential replaced (so the scan below looked at a body that held one).
    if (failure.mode === 'echo401' || failure.mode === 'echo500') expect(JSON.stringify((err as { body?: unknown }).body)).toContain('***');
    if (failure.mode === 'garbled200') expect((err as { text?: string }).text).toContain('***');

    const found = leaks({
      ...views('err', err),
      'err.stack': err.stack ?? '',
      ...views('client', client),
      ...views('request options', options),
      'logger output': lines.join('\n'),
    });
    expect(found, found.join('\n')).toEqual([]);
  });

  it('a successful call and a list: nothing in the response wrapper, the page, the client or the debug log', async () => {
    const lines: string[] = [];
    serve('ok');
    const client = makeClient(scheme.auth, lines);
    const options: CallOptions = { timeoutMs: 2_000, headers: { 'x-trace': 'visible' } };
    const promise = scheme.call(client, options);
    const wrapper = await bounded(promise.withResponse(), 5_000, 'the call');
    const raw = await bounded(scheme.call(client, options).asResponse(), 5_000, 'the call');
    await bounded(raw.text(), 5_000, 'the body');
    const pagePromise = client.items.list({ page_size: 2 }, options);
    const page = await bounded(pagePromise, 5_000, 'the list');
    expect(page.data).toHaveLength(2);
    const pages: Page[] = [];
    for await (const p of page.iterPages()) pages.push(p);
    expect(pages).toHaveLength(2);
    const listWrapper = await bounded(client.items.list({ page_size: 2 }, options).withResponse(), 5_000, 'the list');

    const found = leaks({
      ...views('the call (APIPromise)', promise),
      ...views('withResponse()', wrapper),
      ...views('withResponse().response', wrapper.response),
      ...views('asResponse()', raw),
      ...views('the list (PagePromise)', pagePromise),
      ...views('page', page),
      ...views('last page', pages[1]),
      ...views('page.operation', page.operation),
      ...views('page.nextPageOperation()', page.nextPageOperation()),
      ...views('list withResponse()', listWrapper),
      ...views('client', client),
      ...views('request options', options),
      'logger output (debug)': lines.join('\n'),
    });
    expect(found, found.join('\n')).toEqual([]);
    // The debug log does show the calls (redacted), so the check above looked at real output.
    expect(lines.some((l) => l.startsWith('debug →'))).toBe(true);
  });
});
