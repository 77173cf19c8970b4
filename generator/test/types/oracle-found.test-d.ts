/**
 * What the openapi-typescript oracle found (issue 15), each on its rule fixture: required-only union
 * members (union-required-only), a discriminator onto a non-object (discriminator-non-object), binary
 * parameters (binary-parameters) and a sibling `type` beside untyped members (union-sibling-type).
 * Each test fails on the output before the fix.
 */
import { expectTypeOf, test } from 'vitest';
import type { operations as binaryOperations, PutBlobBody, PutBlobParams } from '../emit/__snapshots__/binary-parameters/src/index.js';
import type { Content, Dir, Entry, FileModel, Symlink, Target } from '../emit/__snapshots__/discriminator-non-object/src/index.js';
import type { Account, AccountInput, Contact, ContactBase, CreateContactBody, Lookup } from '../emit/__snapshots__/union-required-only/src/index.js';
import type { Event } from '../emit/__snapshots__/union-sibling-type/src/index.js';

test('a required-only oneOf/anyOf member re-declares the property with its schema, never unknown', () => {
  expectTypeOf<Lookup>().toEqualTypeOf<{ id?: number; owner?: string } & ({ id: number } | { owner: string })>();
  expectTypeOf<Contact>().toEqualTypeOf<ContactBase & ({ email: string } | { phone: string })>();
  expectTypeOf<CreateContactBody>().toEqualTypeOf<
    { name?: string; channel?: 'email' | 'sms' } & ({ name: string } | { channel: 'email' | 'sms'; undeclared: unknown })
  >();
  // A write-only name a member requires is not in responses, a read-only one not in requests.
  expectTypeOf<{ token: 't' }>().toExtend<Account>();
  expectTypeOf<Record<never, never>>().toExtend<Account>();
  expectTypeOf<Account>().toEqualTypeOf<{ id?: number; token?: string } & (Record<string, unknown> | { token: string })>();
  expectTypeOf<AccountInput>().toEqualTypeOf<{ password?: string; token?: string } & ({ password: string } | { token: string })>();
});

test('a discriminator never pins a member that is not an object', () => {
  expectTypeOf<Content>().toEqualTypeOf<Dir | (FileModel & { type: 'file' }) | (Symlink & { type: 'Symlink' })>();
  expectTypeOf<[{ type: 'file'; name: 'a' }]>().toExtend<Content>();
  expectTypeOf<Entry>().toEqualTypeOf<Target | (FileModel & { type: 'File' })>();
  expectTypeOf<'a/b'>().toExtend<Entry>();
});

test('parameters and response headers are strings on the wire, bodies keep Blob', () => {
  expectTypeOf<PutBlobParams>().toEqualTypeOf<{
    digest: string;
    raw?: string;
    parts?: string[];
    chunk?: string;
    'X-Signature': string;
    session?: string;
  }>();
  type Put = binaryOperations['putBlob'];
  expectTypeOf<NonNullable<Put['parameters']['query']>['raw']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<Put['parameters']['path']['digest']>().toEqualTypeOf<string>();
  expectTypeOf<Put['responses'][200]['headers']['X-Checksum']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<PutBlobBody>().toEqualTypeOf<Blob>();
});

test('a sibling type constrains every untyped member of a oneOf/anyOf/allOf', () => {
  expectTypeOf<Event['name']>().toEqualTypeOf<string>();
  expectTypeOf<Event['priority']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<Event['label']>().toEqualTypeOf<string | null | undefined>();
  expectTypeOf<Event['code']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<Event['kind']>().toEqualTypeOf<'built-in' | string | undefined>();
  // @ts-expect-error a number is not a string
  const wrong: Event = { name: 1 };
  void wrong;
});
