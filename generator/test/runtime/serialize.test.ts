import { describe, expect, it } from 'vitest';
import { SdkError } from '../../runtime/errors.js';
import { encodeFormBody, formBody, multipartBody } from '../../runtime/body.js';
import { pathOperation, serializeParams, serializePathParam } from '../../runtime/serialize.js';
import { UsageError } from '../../runtime/errors.js';
import type { Operation } from '../../runtime/types.js';
import { json, mockFetch, TestClient } from './helpers.js';

const query = (op: Omit<Operation, 'method'>) => serializeParams({ method: 'get', ...op }).query.join('&');

describe('path parameters', () => {
  it.each([
    ['a/b', 'a%2Fb'],
    ['a?b#c', 'a%3Fb%23c'],
    ['hello world', 'hello%20world'],
    ['żółw', '%C5%BC%C3%B3%C5%82w'],
    ['../../admin', '..%2F..%2Fadmin'],
    ["it's(*)!", 'it%27s%28%2A%29%21'],
    [42, '42'],
  ])('encodes %j so it cannot change the path', async (value, encoded) => {
    const { fetch, seen } = mockFetch(json({}));
    const client = new TestClient({ fetch, maxRetries: 0 });
    await client.request({ method: 'get', path: '/files/{name}/meta', params: { name: value }, parameters: { name: { in: 'path' } } });
    expect(seen[0]?.url).toBe(`https://api.example.com/files/${encoded}/meta`);
    expect(new URL(seen[0]?.url ?? '').pathname).toBe(`/files/${encoded}/meta`);
  });

  it.each(['.', '..'])('rejects the dot segment %j', async (value) => {
    const { fetch, seen } = mockFetch(json({}));
    const call = new TestClient({ fetch }).request({ method: 'get', path: '/files/{name}/meta', params: { name: value } });
    await expect(call).rejects.toThrow('A path parameter value may not be "." or ".."');
    expect(seen).toHaveLength(0);
    expect(() => serializeParams({ method: 'get', path: '/x/{a}{b}', params: { a: '.', b: '.' } })).toThrow(SdkError);
    expect(serializeParams({ method: 'get', path: '/x/{a}', params: { a: '...' } }).path).toBe('/x/...');
  });

  it('rejects missing and empty path values', () => {
    expect(() => serializeParams({ method: 'get', path: '/a/{id}', params: {} })).toThrow(/Missing required path parameter "id"/);
    expect(() => serializeParams({ method: 'get', path: '/a/{id}', params: { id: '' } })).toThrow(SdkError);
  });

  it('matrix: an empty value is `;name` without `=` (RFC 6570 §3.2.7)', () => {
    expect(serializePathParam('m', '', 'matrix', false)).toBe(';m');
    expect(serializePathParam('m', '', 'label', false)).toBe('.');
  });
  it('supports simple, label and matrix styles', () => {
    expect(serializePathParam('id', [3, 4], 'simple', false)).toBe('3,4');
    expect(serializePathParam('id', { a: 1, b: 'x y' }, 'simple', true)).toBe('a=1,b=x%20y');
    expect(serializePathParam('id', { a: 1, b: 2 }, 'simple', false)).toBe('a,1,b,2');
    expect(serializePathParam('id', [3, 4], 'label', true)).toBe('.3.4');
    expect(serializePathParam('id', 5, 'matrix', false)).toBe(';id=5');
    expect(serializePathParam('id', [3, 4], 'matrix', true)).toBe(';id=3;id=4');
  });
});

describe('query parameters (case-29)', () => {
  const parameters = {
    pairs: { in: 'query', style: 'form', explode: false },
    ids: { in: 'query' },
    window: { in: 'query' },
    filter: { in: 'query', style: 'deepObject', explode: true },
  } as const;
  it('serialises each parameter per its style/explode', () => {
    expect(query({ path: '/rates', parameters, params: { pairs: ['A_B', 'C_D'] } })).toBe('pairs=A_B,C_D');
    expect(query({ path: '/rates', parameters, params: { ids: [1, 2] } })).toBe('ids=1&ids=2');
    expect(query({ path: '/rates', parameters, params: { window: { from: 'x', to: 'y' } } })).toBe('from=x&to=y');
    expect(query({ path: '/rates', parameters, params: { filter: { status: 'open' } } })).toBe('filter[status]=open');
  });
  it('gives the exact combined query string on the wire', async () => {
    const { fetch, seen } = mockFetch(json({}));
    const client = new TestClient({ fetch });
    await client.request({
      method: 'get',
      path: '/rates',
      parameters,
      params: { pairs: ['A_B', 'C_D'], ids: [1, 2], window: { from: 'x', to: 'y' }, filter: { status: 'open' } },
    });
    expect(new URL(seen[0]?.url ?? '').search).toBe('?pairs=A_B,C_D&ids=1&ids=2&from=x&to=y&filter[status]=open');
  });
  it('handles the other styles, undefined, null, empty arrays and encoding', () => {
    expect(query({ path: '/', parameters: { a: { in: 'query', style: 'spaceDelimited', explode: false } }, params: { a: [1, 2] } })).toBe('a=1%202');
    expect(query({ path: '/', parameters: { a: { in: 'query', style: 'pipeDelimited', explode: false } }, params: { a: [1, 2] } })).toBe('a=1|2');
    expect(query({ path: '/', parameters: { a: { in: 'query', explode: false } }, params: { a: { k: 'v', l: 'w' } } })).toBe('a=k,v,l,w');
    expect(query({ path: '/', parameters: { a: { in: 'query', style: 'deepObject', explode: true } }, params: { a: { b: { c: 1 } } } })).toBe('a[b][c]=1');
    expect(query({ path: '/', params: { a: undefined, b: null, c: [], d: 'x&y=z', e: true } })).toBe('b=&d=x%26y%3Dz&e=true');
    expect(query({ path: '/', params: { q: 'a b,c' } })).toBe('q=a%20b%2Cc');
    expect(query({ path: '/', parameters: { u: { in: 'query', allowReserved: true } }, params: { u: 'a/b?c:d&e' } })).toBe('u=a/b?c:d%26e');
    expect(query({ path: '/', parameters: { j: { in: 'query', content: 'json' } }, params: { j: { a: 1 } } })).toBe('j=%7B%22a%22%3A1%7D');
  });
  it('allowReserved keeps percent-encoded triples as they are (RFC 6570 reserved expansion)', () => {
    const parameters = { expr: { in: 'query', allowReserved: true } } as const;
    expect(query({ path: '/s', parameters, params: { expr: 'a%2Cb/c' } })).toBe('expr=a%2Cb/c');
    expect(query({ path: '/s', parameters, params: { expr: '100% a&b' } })).toBe('expr=100%25%20a%26b');
  });
  it('sends undeclared params to the path when the template names them, else to the query', () => {
    const s = serializeParams({ method: 'get', path: '/x/{id}', params: { id: 'a b', page: 2 } });
    expect(s.path).toBe('/x/a%20b');
    expect(s.query).toEqual(['page=2']);
  });

  it('an undeclared param is sent exactly as `{ in: "path" }` or `{ in: "query" }` would send it (D50: generated descriptors leave those out)', () => {
    const params = { id: ['a', 'b'], tags: ['x', 'y'], filter: { k: 'v' }, q: 'a&b' };
    const listed = serializeParams({
      method: 'get',
      path: '/x/{id}',
      params,
      parameters: { id: { in: 'path' }, tags: { in: 'query' }, filter: { in: 'query' }, q: { in: 'query' } },
    });
    const unlisted = serializeParams({ method: 'get', path: '/x/{id}', params });
    expect(unlisted).toEqual(listed);
    expect(unlisted.path).toBe('/x/a,b');
    expect(unlisted.query).toEqual(['tags=x', 'tags=y', 'k=v', 'q=a%26b']);
  });
});

describe('header and cookie parameters', () => {
  it('sends header params and rejects CR/LF without echoing the value', async () => {
    const { fetch, seen } = mockFetch(json({}));
    const client = new TestClient({ fetch });
    await client.request({
      method: 'get',
      path: '/h',
      params: { 'X-Trace': 'abc', tags: ['a', 'b'] },
      parameters: { 'X-Trace': { in: 'header' }, tags: { in: 'header' } },
    });
    expect(seen[0]?.headers.get('x-trace')).toBe('abc');
    expect(seen[0]?.headers.get('tags')).toBe('a,b');
    const bad = client.request({ method: 'get', path: '/h', params: { 'X-Trace': 'a\r\nSet-Cookie: evil' }, parameters: { 'X-Trace': { in: 'header' } } });
    await expect(bad).rejects.toThrow('Header "X-Trace" contains a CR, LF or NUL character');
    await expect(bad).rejects.not.toThrow(/evil/);
    await expect(client.request({ method: 'get', path: '/h' }, { headers: { 'X-Other': 'x\ny' } })).rejects.toBeInstanceOf(SdkError);
    await expect(new TestClient({ fetch, headers: { 'X-Default': 'x\ry' } }).request({ method: 'get', path: '/h' })).rejects.toBeInstanceOf(SdkError);
    expect(seen).toHaveLength(1);
  });
  it('sends cookie params in the Cookie header', async () => {
    const { fetch, seen } = mockFetch(json({}));
    await new TestClient({ fetch }).request({
      method: 'get',
      path: '/c',
      params: { theme: 'dark', sid: 'a b;c' },
      parameters: { theme: { in: 'cookie' }, sid: { in: 'cookie' } },
    });
    expect(seen[0]?.headers.get('cookie')).toBe('theme=dark; sid=a%20b%3Bc');
  });
});

describe('request bodies', () => {
  it('json by default', async () => {
    const { fetch, seen } = mockFetch(json({ ok: true }));
    await new TestClient({ fetch }).request({ method: 'post', path: '/j', body: { a: 1, d: '2026-01-01' } });
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(seen[0]?.body).toBe('{"a":1,"d":"2026-01-01"}');
  });
  it('text/plain sends the raw characters (case-32)', async () => {
    const { fetch, seen } = mockFetch(json({ id: '1' }));
    const data = await new TestClient({ fetch }).request({
      method: 'post',
      path: '/notes',
      body: 'hello',
      bodyKind: 'text',
      responses: { '200': 'json', '429': 'text' },
    });
    expect(seen[0]?.body).toBe('hello');
    expect(seen[0]?.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(data).toEqual({ id: '1' });
  });
  it('form-urlencoded honours per-property encoding (case-28)', async () => {
    const { fetch, seen } = mockFetch(json({}));
    await new TestClient({ fetch }).request({
      method: 'post',
      path: '/customers',
      bodyKind: 'form',
      body: formBody({ email: 'a@b.c', labels: ['x', 'y'], meta: { ref: '42', source: 'web' } }, { meta: { style: 'deepObject', explode: true } }),
    });
    expect(seen[0]?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect([...new URLSearchParams(seen[0]?.body)]).toEqual([
      ['email', 'a@b.c'],
      ['labels', 'x'],
      ['labels', 'y'],
      ['meta[ref]', '42'],
      ['meta[source]', 'web'],
    ]);
  });
  it('form-urlencoded: objects without encoding are JSON, spaces are +', () => {
    expect(encodeFormBody({ q: 'a b', o: { k: 1 } })).toBe('q=a+b&o=%7B%22k%22%3A1%7D');
    expect(encodeFormBody({ a: [1, 2], m: { x: 1 } }, { a: { explode: false }, m: { style: 'form', explode: true } })).toBe('a=1,2&x=1');
  });
  it('form-urlencoded: the text formBody() makes is sent byte for byte (delimiters and allowReserved kept)', async () => {
    const { fetch, seen } = mockFetch(json({}));
    const encoding = { csv: { style: 'form', explode: false }, pipes: { style: 'pipeDelimited', explode: false }, url: { allowReserved: true } } as const;
    const body = formBody({ csv: ['x', 'y,z'], pipes: ['a', 'b|c'], url: 'https://e.com/a?b', plain: 'https://e.com/a?b' }, encoding);
    await new TestClient({ fetch }).request({ method: 'post', path: '/form', bodyKind: 'form', body });
    // The comma inside a value is encoded, the ones between values are not: ['x', 'y,z'] stays apart from ['x', 'y', 'z'].
    expect(seen[0]?.body).toBe('csv=x,y%2Cz&pipes=a|b%7Cc&url=https://e.com/a?b&plain=https%3A%2F%2Fe.com%2Fa%3Fb');
    expect(seen[0]?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
  });
  it('form-urlencoded: an Encoding contentType without style sends the value as one text of that type', () => {
    const encoding = {
      ids: { contentType: 'application/json' },
      meta: { contentType: 'application/vnd.x+json' },
      note: { contentType: 'text/plain' },
    } as const;
    expect(encodeFormBody({ ids: [1, 2], meta: { a: 'b c' }, note: 'n 1' }, encoding)).toBe('ids=%5B1%2C2%5D&meta=%7B%22a%22%3A%22b+c%22%7D&note=n+1');
    // A style given wins over contentType (OpenAPI: contentType-based serialisation only when style, explode and allowReserved are absent).
    expect(encodeFormBody({ ids: [1, 2] }, { ids: { contentType: 'application/json', explode: false } })).toBe('ids=1,2');
  });
  it('a lone UTF-16 surrogate is a UsageError naming the parameter or field, not a bare URIError', () => {
    expect(() => serializeParams({ method: 'get', path: '/s', params: { q: 'a\ud800' } })).toThrow(UsageError);
    expect(() => serializeParams({ method: 'get', path: '/s/{id}', params: { id: '\udc00' } })).toThrow('Parameter "id" holds a lone UTF-16 surrogate');
    expect(() => encodeFormBody({ note: 'x\ud800' })).toThrow('Form field "note" holds a lone UTF-16 surrogate');
  });
  it('form and multipart objects must be encoded by body.ts (the core stays small)', async () => {
    const { fetch, seen } = mockFetch(json({}));
    const client = new TestClient({ fetch });
    await expect(client.request({ method: 'post', path: '/f', bodyKind: 'form', body: { a: 1 } })).rejects.toThrow('encode it with formBody() from body.js');
    await expect(client.request({ method: 'post', path: '/f', bodyKind: 'multipart', body: { a: 1 } })).rejects.toThrow('multipartBody()');
    expect(seen).toHaveLength(0);
  });
  it('multipart builds FormData, repeats arrays, leaves Content-Type to fetch (case-25)', async () => {
    const { fetch, seen } = mockFetch(new Response(null, { status: 201 }));
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const file = new File([bytes], 'a.bin', { type: 'application/octet-stream' });
    await new TestClient({ fetch }).request({
      method: 'post',
      path: '/attachments',
      bodyKind: 'multipart',
      body: multipartBody(
        { caption: 'hi', file, extras: [new Blob(['x']), new Blob(['y'])], meta: { a: 1 }, skip: undefined, n: null, bytes: new Uint8Array([7]) },
        { meta: { contentType: 'application/json' } },
      ),
      responses: { '201': 'none' },
    });
    const req = seen[0]?.request;
    expect(req?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = await req!.formData();
    expect(form.get('caption')).toBe('hi');
    expect(form.getAll('extras')).toHaveLength(2);
    expect(form.has('skip')).toBe(false);
    const got = form.get('file') as File;
    expect(got.name).toBe('a.bin');
    expect([...new Uint8Array(await got.arrayBuffer())]).toEqual([0, 1, 2, 255]);
    expect(form.get('n')).toBe('');
    expect([...new Uint8Array(await (form.get('bytes') as Blob).arrayBuffer())]).toEqual([7]);
    const meta = form.get('meta') as Blob;
    expect(meta.type).toBe('application/json');
    expect(await meta.text()).toBe('{"a":1}');
  });
  it('passes a ready FormData through without a Content-Type', async () => {
    const { fetch, seen } = mockFetch(json({}));
    const fd = new FormData();
    fd.append('a', '1');
    await new TestClient({ fetch }).request({ method: 'post', path: '/f', body: fd });
    expect(seen[0]?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect((await seen[0]!.request.formData()).get('a')).toBe('1');
  });
  it('binary bodies: Uint8Array, ArrayBuffer, Blob', async () => {
    const { fetch, seen } = mockFetch(json({}));
    const client = new TestClient({ fetch });
    const bytes = new Uint8Array([0, 128, 255]);
    await client.request({ method: 'put', path: '/b', body: bytes, bodyKind: 'binary', contentType: 'image/png' });
    await client.request({ method: 'put', path: '/b', body: bytes.buffer, bodyKind: 'binary' });
    await client.request({ method: 'put', path: '/b', body: new Blob([bytes], { type: 'image/gif' }), bodyKind: 'binary', contentType: '*/*' });
    expect(seen.map((s) => s.headers.get('content-type'))).toEqual(['image/png', 'application/octet-stream', 'image/gif']);
    for (const s of seen) expect([...new Uint8Array(await s.request.clone().arrayBuffer())]).toEqual([0, 128, 255]);
  });
  it('streams a ReadableStream body and does not retry it', async () => {
    const { fetch, seen } = mockFetch(new Response('x', { status: 503 }));
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2, 3]));
        c.close();
      },
    });
    await expect(new TestClient({ fetch }).request({ method: 'put', path: '/s', body: stream, bodyKind: 'binary' })).rejects.toMatchObject({ status: 503 });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers.get('content-type')).toBe('application/octet-stream');
  });
});

describe('request(method, path) descriptors (pathOperation)', () => {
  const security = [['apiKey']];
  it('keeps a name two locations share apart: the later one is keyed `location name` with its wire name', () => {
    const op = pathOperation('get', '/items/{id}', { params: { path: { id: '7' }, query: { id: 'q' }, header: { id: 'h' } } }, security, undefined);
    expect(serializeParams(op)).toEqual({ path: '/items/7', query: ['id=q'], headers: [['id', 'h']], cookies: [] });
    expect(op.security).toBe(security);
  });
  it("sends each parameter as the spec's table says (style, explode, content, secret), by location", () => {
    const styles = {
      'path m': { in: 'path', style: 'matrix', explode: true },
      'query tags': { in: 'query', explode: false },
      'query filter': { in: 'query', style: 'deepObject', explode: true },
      'query where': { in: 'query', content: 'json' },
    } as const;
    const op = pathOperation(
      'get',
      '/m/{m}',
      { params: { path: { m: ['a', 'b'] }, query: { tags: ['x', 'y'], filter: { s: 'o' }, where: { a: 1 } } } },
      [],
      styles,
    );
    const { path, query } = serializeParams(op);
    expect(path).toBe('/m/;m=a;m=b');
    expect(query).toEqual(['tags=x,y', 'filter[s]=o', 'where=%7B%22a%22%3A1%7D']);
  });
  it('takes a wire name such as __proto__ as an own key, and copies body, bodyKind and contentType', () => {
    const op = pathOperation('post', '/p', { params: { query: { ['__proto__']: 'v' } }, body: 'x', bodyKind: 'text', contentType: 'text/csv' }, [], undefined);
    expect(serializeParams(op).query).toEqual(['__proto__=v']);
    expect([op.body, op.bodyKind, op.contentType]).toEqual(['x', 'text', 'text/csv']);
  });
});
