/**
 * Every operation of spec/openapi.yaml, called once through the generated client's resource methods (found by the
 * spec's `x-sdk-resource` / `x-sdk-method`) and once through `client.request(method, path, …)`, against Prism
 * (`@stoplight/prism-cli`) serving the spec as a validating mock with `--errors` on 127.0.0.1. Inputs are built from
 * the spec's schemas (spec-examples.ts). Prism checks paths, parameters, bodies and the presence of the security the
 * operation declares (Basic for agency operations, a static Bearer token for workspace ones); an invalid request gets
 * a 4xx and/or an `sl-violations` header, so the tests assert a 2xx without that header for every call, and that the
 * set of operationIds called is exactly the spec's.
 *
 * One Prism process for the file (harness.ts `startPrism`): started in beforeAll (waits until it listens), stopped in
 * afterAll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientModule, type Dyn, type ImprovadoLike, loadClient, type MiddlewareLike, type PrismServer, startPrism } from './harness.js';
import { exampleInput, type Json, loadSpec, methodArguments, type SpecOperation, specOperations } from './spec-examples.js';

const spec = loadSpec();
const operations = specOperations(spec);

interface Call {
  operationId: string | undefined;
  method: string;
  url: string;
  authorization: string | null;
  status: number;
  violations: string | null;
  body: string;
}

let prism: PrismServer | undefined;
let baseUrl = '';
let mod: ClientModule;

beforeAll(async () => {
  mod = await loadClient();
  prism = await startPrism();
  baseUrl = prism.url;
}, 120_000);

afterAll(async () => {
  await prism?.stop();
});

/** A client whose middleware records every exchange (operationId, status, Prism's violations header). */
function recordingClient(calls: Call[]): ImprovadoLike {
  const record: MiddlewareLike = async (request, next, ctx) => {
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
    const response = await next(request);
    calls.push({
      operationId: ctx.operation.operationId,
      method: request.method,
      url: request.url,
      authorization: request.headers.get('authorization'),
      status: response.status,
      violations: response.headers.get('sl-violations'),
      body,
    });
    return response;
  };
  return new mod.Improvado({
    baseUrl,
    auth: { basicAuth: { username: 'e2e-user', password: 'e2e-password' }, bearerAuth: 'static-bearer-token' },
    maxRetries: 0,
    timeoutMs: 20_000,
    headers: { prefer: 'dynamic=true' },
    middleware: [record],
  });
}

/** `client.a.b.method` of an operation, with `this` bound to its resource. */
function methodOf(client: ImprovadoLike, op: SpecOperation): (...args: unknown[]) => PromiseLike<unknown> {
  let target: unknown = client;
  for (const part of op.resource.split('.')) {
    target = (target as Dyn)[part];
    if (target === undefined || target === null) throw new Error(`client.${op.resource} is missing (${op.operationId})`);
  }
  const fn = (target as Dyn)[op.sdkMethod];
  if (typeof fn !== 'function') throw new Error(`client.${op.resource}.${op.sdkMethod} is not a method (${op.operationId})`);
  return (fn as (...args: unknown[]) => PromiseLike<unknown>).bind(target);
}

/** Settles a call, keeping its error. */
async function settle(p: PromiseLike<unknown>): Promise<{ ok: boolean; error?: string }> {
  try {
    await p;
    return { ok: true };
  } catch (err) {
    const e = err as { name?: string; message?: string; body?: unknown };
    return { ok: false, error: `${e.name}: ${e.message} ${JSON.stringify(e.body ?? null)}` };
  }
}

function problems(calls: Call[], results: Map<string, { ok: boolean; error?: string }>): string[] {
  const out: string[] = [];
  for (const [id, r] of results) if (!r.ok) out.push(`${id}: ${r.error}`);
  for (const c of calls) {
    if (c.violations !== null) out.push(`${c.operationId} ${c.method} ${c.url}: sl-violations ${c.violations}`);
    if (c.status >= 300) out.push(`${c.operationId} ${c.method} ${c.url}: status ${c.status}`);
  }
  return out;
}

describe('every spec operation against Prism (validating mock, --errors)', () => {
  it('the spec has 75 operations, each with x-sdk-resource and x-sdk-method', () => {
    expect(operations).toHaveLength(75);
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(75);
    for (const op of operations) expect(`${op.operationId} ${op.resource}.${op.sdkMethod}`).toMatch(/^\w+ [\w.]+\.\w+$/);
  });

  it('through the resource methods: each called once, all accepted by Prism (2xx, no sl-violations)', async () => {
    const calls: Call[] = [];
    const client = recordingClient(calls);
    const results = new Map<string, { ok: boolean; error?: string }>();
    // Sequential: Prism on a loaded 2-core machine; 75 calls take a few seconds.
    for (const op of operations) {
      results.set(op.operationId, await settle(methodOf(client, op)(...methodArguments(spec, op))));
    }
    expect(problems(calls, results)).toEqual([]);
    // Each operation was sent exactly once, under its own operationId.
    expect(calls.map((c) => c.operationId).sort()).toEqual(operations.map((o) => o.operationId).sort());
    // Auth as the spec says: Basic for basicAuth operations, the Bearer token for the others.
    for (const op of operations) {
      const call = calls.find((c) => c.operationId === op.operationId);
      const expected = op.security?.[0]?.[0] === 'basicAuth' ? /^Basic / : /^Bearer static-bearer-token$/;
      expect(`${op.operationId}: ${call?.authorization}`).toMatch(new RegExp(`^${op.operationId}: ${expected.source.slice(1)}`));
    }
  }, 120_000);

  it('through client.request(method, path, { params, body }): all accepted by Prism', async () => {
    const calls: Call[] = [];
    const client = recordingClient(calls) as unknown as { request(...args: unknown[]): PromiseLike<unknown> };
    const results = new Map<string, { ok: boolean; error?: string }>();
    for (const op of operations) {
      const { params, body } = exampleInput(spec, op);
      const grouped: Record<string, Record<string, Json>> = {};
      for (const p of op.parameters) {
        grouped[p.in] ??= {};
        (grouped[p.in] as Record<string, Json>)[p.name] = params[p.name] ?? null;
      }
      const init: { params: typeof grouped; body?: Json } = { params: grouped };
      if (body !== undefined) init.body = body;
      const before = calls.length;
      results.set(`${op.method} ${op.path}`, await settle(client.request(op.method, op.path, init)));
      // Label the exchange for the report (request() has no operationId).
      for (const c of calls.slice(before)) c.operationId = op.operationId;
    }
    expect(problems(calls, results)).toEqual([]);
    expect(calls.map((c) => c.operationId).sort()).toEqual(operations.map((o) => o.operationId).sort());
  }, 120_000);

  it('Prism does reject what is invalid (so the checks above can fail)', async () => {
    // No credentials → 401 with a security violation.
    const response = await fetch(`${baseUrl}/api/v3/workspaces/1`);
    expect(response.status).toBe(401);
    expect(response.headers.get('sl-violations')).toContain('security');
    await response.arrayBuffer();
    // Through the client: a body of the wrong type → a 4xx ApiError, recorded with sl-violations.
    const calls: Call[] = [];
    const client = recordingClient(calls);
    const err = (await settle(client.token.create({ workspace_id: 'not-a-number' } as unknown as { workspace_id: number }))).error;
    expect(err).toMatch(/^(BadRequestError|UnprocessableEntityError): 4\d\d /);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.violations).toContain('workspace_id');
    // A wrong path parameter type.
    const wrong = await settle(client.workspaces.retrieve('abc' as unknown as number));
    expect(wrong.ok).toBe(false);
    expect(calls[1]?.status).toBeGreaterThanOrEqual(400);
    expect(calls[1]?.status).toBeLessThan(500);
  });
});

describe('iterating a list against Prism ends by itself (D26)', () => {
  // Prism's `next` is an example or random URI and its `count` a random integer: before D26 one such loop sent
  // ~82,000 requests. Now it ends on the count, a repeated page, or maxPages (1,000 by default).
  it.each([
    ['static examples', {}, undefined],
    ['dynamic (random) responses, maxPages 25 per call', { prefer: 'dynamic=true' }, 25],
  ] as const)(
    'for await over datasources.connections.list: %s',
    async (_label, headers, maxPages) => {
      let requests = 0;
      const count: MiddlewareLike = async (request, next) => {
        requests++;
        return next(request);
      };
      const client = new mod.Improvado({
        baseUrl,
        auth: { bearerAuth: 'static-bearer-token' },
        maxRetries: 0,
        timeoutMs: 20_000,
        headers,
        middleware: [count],
      });
      const op = operations.find((o) => o.operationId === 'listDatasourceConnections');
      if (!op) throw new Error('listDatasourceConnections is not in the spec');
      const [datasourceName, query] = methodArguments(spec, op) as Parameters<typeof client.datasources.connections.list>;
      const list = client.datasources.connections.list(
        datasourceName,
        query,
        (maxPages === undefined ? {} : { maxPages }) as Parameters<typeof client.datasources.connections.list>[2],
      );
      let items = 0;
      let ended: string;
      try {
        for await (const _ of list) items++;
        ended = 'normal end';
      } catch (err) {
        expect((err as Error).name, String(err)).toBe('PaginationError');
        ended = `PaginationError (${(err as { reason: string }).reason})`;
      }
      expect(requests).toBeGreaterThanOrEqual(1);
      expect(requests, `${ended} after ${requests} request(s), ${items} item(s)`).toBeLessThanOrEqual(maxPages ?? 1000);
    },
    120_000,
  );
});
