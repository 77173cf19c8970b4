/**
 * Webhook payload unions narrow on the event type. The generated `unwrap` (client snapshot
 * generator/test/client/__snapshots__/<fixture>/src/webhooks.ts) is
 * `verifyWebhook<WebhookPayload>({ ...input, scheme })`, so its result type is the types package's
 * `WebhookPayload`: these tests take that union from the types snapshots and the runtime's
 * `verifyWebhook` as the generated function calls it. (client/consumers/webhook-events.ts.txt checks the
 * generated client itself, with TypeScript 5.4, 5.9 and 7.)
 */
import { expectTypeOf, test } from 'vitest';
import { verifyWebhook, type HeadersLike, type RawBody, type WebhookSignatureScheme } from '../../runtime/webhooks.js';
import type { InvoicePaid, OrderCancelled, OrderCreated, WebhookPayload } from '../emit/__snapshots__/webhook-events/src/index.js';
import type { WebhookPayload as StandardPayload } from '../emit/__snapshots__/webhooks-standard/src/index.js';
import type { WebhookPayload as TimestampedPayload } from '../emit/__snapshots__/webhooks-timestamped/src/index.js';

declare const input: { rawBody: RawBody; headers: HeadersLike; secret: string };
declare const scheme: WebhookSignatureScheme;
/** What the generated `unwrap` of fixture webhook-events does. */
const unwrap = (i: typeof input) => verifyWebhook<WebhookPayload>({ ...i, scheme });

test('unwrap returns the union of the webhook payloads (the body-less ping left out)', async () => {
  expectTypeOf(unwrap).returns.resolves.toEqualTypeOf<OrderCreated | OrderCancelled | InvoicePaid>();
  expectTypeOf<WebhookPayload['type']>().toEqualTypeOf<'order.created' | 'order.cancelled' | 'invoice.paid'>();
});

test('switch (event.type) narrows to one payload: const, single-value enum and allOf discriminators', async () => {
  const event = await unwrap(input);
  switch (event.type) {
    case 'order.created':
      expectTypeOf(event).toEqualTypeOf<OrderCreated>();
      expectTypeOf(event.order.total).toBeNumber();
      break;
    case 'order.cancelled':
      expectTypeOf(event).toEqualTypeOf<OrderCancelled>();
      expectTypeOf(event.reason).toEqualTypeOf<'customer' | 'fraud' | 'stock'>();
      break;
    case 'invoice.paid':
      expectTypeOf(event).toEqualTypeOf<InvoicePaid>();
      expectTypeOf(event.amount_paid).toBeNumber();
      expectTypeOf(event.id).toBeString(); // from the allOf base
      break;
    default:
      expectTypeOf(event).toBeNever();
  }
  if (event.type === 'order.created') {
    // @ts-expect-error only order.cancelled has a reason
    void event.reason;
  }
});

test('a wrong event name is a type error', async () => {
  const event = await unwrap(input);
  // @ts-expect-error 'order.deleted' is not an event type of this API
  if (event.type === 'order.deleted') return;
  switch (event.type) {
    // @ts-expect-error not one of the declared event types
    case 'order.updated':
      break;
    default:
  }
});

test('one generic payload: its enum narrows event.type; an open string does not', () => {
  expectTypeOf<StandardPayload['type']>().toEqualTypeOf<'message.sent' | 'message.failed'>();
  // @ts-expect-error 'message.read' is not declared
  const wrong: StandardPayload['type'] = 'message.read';
  void wrong;
  expectTypeOf<TimestampedPayload['type']>().toEqualTypeOf<string>();
});

test('verifyWebhook takes the timestamp options and refuses a parsed body at compile time too', () => {
  void verifyWebhook({ ...input, scheme, toleranceSeconds: 60, now: () => 0 });
  // @ts-expect-error a parsed object is not a raw body
  void verifyWebhook({ ...input, rawBody: { type: 'order.created' }, scheme });
  // @ts-expect-error schemes are hmac, standard-webhooks and timestamped
  const bad: WebhookSignatureScheme = { scheme: 'jwt', algorithm: 'hmac-sha256', header: 'x', encoding: 'hex' };
  void bad;
});
