import { describe, expect, it } from 'vitest';
import { emitTypesPackage } from '../../src/emit/types/index.js';
import { api, emitOptions, json, named, operation, param, prop, response, s } from './ir.js';
import { formatFile } from './format.js';

async function emitted(a: ReturnType<typeof api>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of emitTypesPackage(a, emitOptions)) out[f.path] = await formatFile(f);
  return out;
}

describe('types emitter (hand-built IR)', () => {
  it('renders a small API', async () => {
    const image = named(
      'Image',
      s.object([
        prop('id', s.string({ readOnly: true }), true, { readOnly: true }),
        prop('format', s.enum(['png', 'jpeg'], { baseType: 'string' }), true),
        prop('data', s.string({ format: 'byte', writeOnly: true }), true, { writeOnly: true, format: 'byte' }),
        prop('meta.x', s.object([], { additionalProperties: s.integer() })),
        prop('theme', s.string({ default: 'light' }), true, { default: 'light', description: 'Ends */ here' }),
      ]),
      { requestIdentifier: 'ImageRequest', hasReadOnly: true, hasWriteOnly: true, module: 'avatars' },
    );
    const op = operation('createAvatar', 'post', '/avatars/{id}', {
      module: 'avatars',
      parameters: {
        path: [param('id', 'path', s.string(), true)],
        query: [param('page_size', 'query', s.integer({ default: 20 }))],
        header: [],
        cookie: [],
      },
      requestBody: { required: true, contents: [json(s.object([prop('image', s.ref('Image'), true)]))], pointer: '#/b' },
      responses: [response('201', s.ref('Image')), response('204'), response('404', s.object([prop('message', s.string())]))],
    });
    const out = await emitted(api([image], [op]));
    console.log(Object.entries(out).map(([k, v]) => `==== ${k}\n${v}`).join('\n'));
    expect(out['src/avatars.ts']).toContain('export interface ImageRequest');
  });
});
