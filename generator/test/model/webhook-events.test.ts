import { describe, expect, it } from 'vitest';
import { clientNames } from '../../src/model/client-names.js';
import { webhookEvents } from '../../src/model/webhook-events.js';
import { build, fixture } from './helpers.js';

/** A spec with one webhook whose payload's `type` has the schema `type` (YAML flow text). */
function oneHook(type: string): string {
  return `openapi: 3.1.0
info: { title: T, version: "1" }
x-webhook-signature: { algorithm: hmac-sha256, header: X-Sig }
paths: {}
webhooks:
  hook:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: object, required: [type], properties: { type: ${type} } }
      responses: { "200": { description: ok } }
`;
}

describe('webhookEvents (D45)', () => {
  it('an open enum: the listed names, open; a pinned payload beside it: its names, closed', () => {
    const { api } = build(fixture('rules/webhook-open-events'));
    const events = webhookEvents(api);
    expect(events?.property).toBe('type');
    expect(events?.open).toBe(true);
    expect(events?.sources.map((s) => [s.hook.name, s.payload, s.values, s.open])).toEqual([
      ['account', 'AccountEvent', ['user.created', 'user.deleted', '2fa.enabled'], true],
      ['invoice.paid', 'InvoicePaid', ['invoice.paid'], false],
    ]);
  });

  it.each([
    ['a closed enum', '{ type: string, enum: [a, b] }', { values: ['a', 'b'], open: false }],
    ['an open enum, duplicates dropped', '{ anyOf: [{ enum: [a, b, a] }, { type: string }] }', { values: ['a', 'b'], open: true }],
    ['two enums and a string', '{ oneOf: [{ enum: [a] }, { enum: [b] }, { type: string }] }', { values: ['a', 'b'], open: true }],
  ])('%s', (_, type, expected) => {
    expect(webhookEvents(build(oneHook(type)).api)?.sources[0]).toMatchObject(expected);
  });

  it.each([
    ['a plain string', '{ type: string }'],
    ['enums without a string (not open, not one enum)', '{ anyOf: [{ enum: [a] }, { enum: [b] }] }'],
    ['a nullable open enum', '{ anyOf: [{ enum: [a] }, { type: string }, { type: "null" }] }'],
    ['an open enum with a number', '{ anyOf: [{ enum: [a] }, { type: string }, { type: integer }] }'],
  ])('no event names: %s', (_, type) => {
    expect(webhookEvents(build(oneHook(type)).api)).toBeUndefined();
  });
});

describe('client names of webhook events (rule 6)', () => {
  it('open: <Name>Event per listed name (E before a digit, 2 when a schema has the name), UnknownWebhookEvent, <Client>WebhookEvent', () => {
    const { api } = build(fixture('rules/webhook-open-events'));
    const names = clientNames(api, 'Accounts').webhookEvent;
    expect(names?.members.map((m) => [m.type, m.value])).toEqual([
      ['UserCreatedEvent', 'user.created'],
      ['UserDeletedEvent2', 'user.deleted'],
      ['E2faEnabledEvent', '2fa.enabled'],
      ['InvoicePaid', undefined],
    ]);
    expect([names?.unknown, names?.union, names?.property]).toEqual(['UnknownWebhookEvent', 'AccountsWebhookEvent', 'type']);
  });

  it('closed names only: no event types of its own (unwrap returns the payload union)', () => {
    expect(clientNames(build(fixture('rules/webhook-events')).api, 'Shop').webhookEvent).toBeUndefined();
    expect(clientNames(build(oneHook('{ type: string, enum: [a, b] }')).api, 'T').webhookEvent).toBeUndefined();
  });
});
