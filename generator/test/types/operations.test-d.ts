/**
 * Request vs response shapes (case-17, read-write-variants), defaults vs optionality (case-23),
 * reserved words and dotted wire names as members (case-18, case-19), binary (case-25), success
 * and error unions (case-32), and the openapi-typescript shape as openapi-fetch consumes it (case-15,
 * case-17, case-23).
 */
import createClient from 'openapi-fetch';
import { expectTypeOf, test } from 'vitest';
import type { GetOrderParams, Order, paths as paths15 } from '../emit/__snapshots__/external-path-parameter/src/index.js';
import type { CreateAvatarBody, CreateAvatarResponse, Image, ImageInput, paths as paths17 } from '../emit/__snapshots__/read-only-write-only/src/index.js';
import type { GetProjectFileParams } from '../emit/__snapshots__/dotted-path-parameters/src/index.js';
import type { DeleteParams } from '../emit/__snapshots__/reserved-word-names/src/index.js';
import type { PutSettingsBody, PutSettingsParams, PutSettingsResponse, paths as paths23 } from '../emit/__snapshots__/defaults-stay-optional/src/index.js';
import type { UploadAttachmentBody } from '../emit/__snapshots__/multipart-binary/src/index.js';
import type { CreateJobResponse, DeleteJobResponse, ListJobsResponse } from '../emit/__snapshots__/responses-without-body/src/index.js';
import type { AddNoteBody, AddNoteError, AddNoteResponse } from '../emit/__snapshots__/text-plain-bodies/src/index.js';
import type { CreateOrderBody, CreateOrderResponse, ThingInput, User } from '../emit/__snapshots__/read-write-variants/src/index.js';

test('case-17: the request body (through an inline wrapper) takes writeOnly data and rejects readOnly id', () => {
  expectTypeOf({ image: { format: 'png' as const, data: 'aGk=' } }).toExtend<CreateAvatarBody>();
  expectTypeOf<CreateAvatarBody['image']>().toEqualTypeOf<ImageInput>();
  // @ts-expect-error id is read-only: not part of the request
  const withId: CreateAvatarBody = { image: { id: 'x', format: 'png', data: 'aGk=' } };
  void withId;
  // @ts-expect-error data is required on the request side
  const noData: CreateAvatarBody = { image: { format: 'png' } };
  void noData;
});

test('case-17: the response has id and no data', () => {
  expectTypeOf<CreateAvatarResponse>().toEqualTypeOf<Image>();
  expectTypeOf<Image>().toEqualTypeOf<{ id: string; format: 'png' | 'jpeg' }>();
  expectTypeOf<Image>().not.toHaveProperty('data');
});

test('case-17 (ref directly as the body): nested variants propagate through $refs', () => {
  expectTypeOf<CreateOrderBody>().not.toHaveProperty('id');
  expectTypeOf<CreateOrderResponse>().toHaveProperty('id');
  expectTypeOf<NonNullable<CreateOrderBody['lines'][number]['audit']>>().toEqualTypeOf<{ password?: string }>();
  expectTypeOf<NonNullable<CreateOrderResponse['lines'][number]['audit']>>().toEqualTypeOf<{ created_at?: string }>();
  expectTypeOf({ lines: [{ sku: 's', audit: { password: 'p' } }] }).toExtend<CreateOrderBody>();
});

test('case-23: a defaulted property and a defaulted parameter may be omitted', () => {
  expectTypeOf({ owner: 'x' }).toExtend<PutSettingsBody>();
  // Only the defaulted property may be left out (an `any` or `unknown` body would take this too).
  expectTypeOf<{ theme: string }>().not.toExtend<PutSettingsBody>();
  expectTypeOf({}).toExtend<PutSettingsParams>();
  expectTypeOf<PutSettingsParams['page_size']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<PutSettingsResponse['theme']>().toEqualTypeOf<string | undefined>();
});

test('case-18/case-19: wire names stay as members, reserved words included', () => {
  expectTypeOf({ 'project.id': 'p', 'file-name': 'f' }).toExtend<GetProjectFileParams>();
  expectTypeOf<GetProjectFileParams>().toEqualTypeOf<{ 'project.id': string; 'file-name': string }>();
  expectTypeOf({ default: 'on', class: 'x', new: true }).toExtend<DeleteParams>();
  // @ts-expect-error the path parameter is required
  const noDefault: DeleteParams = { class: 'x' };
  void noDefault;
});

test('case-25: binary parts are Blob (a File is a Blob)', () => {
  expectTypeOf<UploadAttachmentBody['file']>().toEqualTypeOf<Blob>();
  expectTypeOf<UploadAttachmentBody['extras']>().toEqualTypeOf<Blob[] | undefined>();
});

test('case-32: text bodies are strings; success and error bodies are separate unions', () => {
  expectTypeOf<AddNoteBody>().toEqualTypeOf<string>();
  expectTypeOf<AddNoteResponse>().toEqualTypeOf<{ id?: string }>();
  expectTypeOf<AddNoteError>().toEqualTypeOf<string>();
});

test('openapi-fetch accepts `paths`: path-level $ref parameters are required (case-15)', () => {
  const client = createClient<paths15>({ baseUrl: 'http://127.0.0.1' });
  const call = () => client.GET('/stores/{storeCode}/orders/{orderId}', { params: { path: { storeCode: '0001', orderId: 'o1' } } });
  expectTypeOf<Awaited<ReturnType<typeof call>>['data']>().toEqualTypeOf<Order | undefined>();
  expectTypeOf<GetOrderParams>().toEqualTypeOf<{ storeCode: string; orderId: string }>();
  // @ts-expect-error storeCode (from another file, declared on the path item) is required
  const missing = () => client.GET('/stores/{storeCode}/orders/{orderId}', { params: { path: { orderId: 'o1' } } });
  void missing;
});

test('openapi-fetch: request bodies use the request variant, responses the main type (case-17)', () => {
  const client = createClient<paths17>({ baseUrl: 'http://127.0.0.1' });
  const call = () => client.POST('/avatars', { body: { image: { format: 'png', data: 'aGk=' } } });
  expectTypeOf<Awaited<ReturnType<typeof call>>['data']>().toEqualTypeOf<Image | undefined>();
  // @ts-expect-error the read-only id cannot be sent
  const withId = () => client.POST('/avatars', { body: { image: { id: 'x', format: 'png', data: 'aGk=' } } });
  void withId;
});

test('openapi-fetch: an optional body and defaulted query parameter may be left out (case-23)', () => {
  const client = createClient<paths23>({ baseUrl: 'http://127.0.0.1' });
  const call = () => client.PUT('/settings', {});
  const withBody = () => client.PUT('/settings', { body: { owner: 'x' }, params: { query: { page_size: 50 } } });
  void call;
  void withBody;
});

test('case-31: 204/202 without a body: void when no success body, `| undefined` when only some have one', () => {
  expectTypeOf<DeleteJobResponse>().toEqualTypeOf<void>();
  expectTypeOf<ListJobsResponse>().toEqualTypeOf<string[] | undefined>();
  expectTypeOf<CreateJobResponse>().toEqualTypeOf<{ id?: string } | undefined>();
});

test('read-write-variants: an allOf member of only readOnly (writeOnly) properties adds nothing to a request (a response)', () => {
  // Before, that member was `Record<string, unknown>` there, which let any key through the intersection.
  expectTypeOf<keyof ThingInput>().toEqualTypeOf<'name'>();
  expectTypeOf<keyof User>().toEqualTypeOf<'name'>();
  // @ts-expect-error a misspelt key is an excess property, a readOnly one too
  const thing: ThingInput = { name: 'n', nmae: 'typo', id: 'x' };
  expectTypeOf(thing).toEqualTypeOf<ThingInput>();
});
