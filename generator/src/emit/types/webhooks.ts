/**
 * `src/webhooks.ts`: one payload type per webhook (named by the model, {@link Webhook.identifier})
 * and a union of every payload (the event a receiver verifies and handles).
 */
import type { Api, Docs, Webhook } from '../../model/types.js';
import { commentFromDocs, name, type Statement, unionOf } from '../ts/nodes.js';
import { jsDocStructures } from '../tsdoc.js';
import { withDocs } from './declarations.js';
import { contentsUnion } from './operations.js';
import type { FileScope } from './scope.js';

type Alias = Extract<Statement, { kind: 'alias' }>;

/** Preferred name of the union of all webhook payloads. */
export const WEBHOOK_UNION_BASE = 'WebhookPayload';

/**
 * The name of the payload union: {@link WEBHOOK_UNION_BASE}, or with the first free `2`, `3`, …
 * suffix when a model identifier already uses it (the model's collision rule).
 */
export function webhookUnionName(api: Api): string {
  const taken = new Set<string>();
  for (const named of api.schemas.values()) {
    taken.add(named.identifier);
    if (named.requestIdentifier !== undefined) taken.add(named.requestIdentifier);
  }
  for (const op of api.operations) {
    for (const name of Object.values(op.names)) if (name !== undefined) taken.add(name);
  }
  for (const hook of api.webhooks) taken.add(hook.identifier);
  let name = WEBHOOK_UNION_BASE;
  for (let n = 2; taken.has(name); n++) name = `${WEBHOOK_UNION_BASE}${n}`;
  return name;
}

function hookDocs(hook: Webhook): Docs {
  const docs: Docs = {};
  if (hook.summary !== undefined) docs.summary = hook.summary;
  if (hook.description !== undefined) docs.description = hook.description;
  if (hook.deprecated !== undefined) docs.deprecated = hook.deprecated;
  return docs;
}

/** Declarations of `src/webhooks.ts` (empty when the API declares no webhooks). */
export function webhookDeclarations(api: Api, scope: FileScope): Alias[] {
  if (api.webhooks.length === 0) return [];
  // The API writes the payload and the receiver reads it: the response direction.
  const ctx = { api, scope, direction: 'response' as const };
  const out: Alias[] = [];
  for (const hook of api.webhooks) {
    const body = hook.requestBody;
    out.push({
      kind: 'alias',
      name: hook.identifier,
      exported: true,
      ...withDocs(
        commentFromDocs(
          jsDocStructures(hookDocs(hook), {
            lines: [`Payload of the \`${hook.name}\` webhook (\`${hook.method.toUpperCase()}\`)${body === undefined ? ': it has no body' : ''}.`],
            source: hook.pointer,
          }),
        ),
      ),
      type: body === undefined ? name('undefined') : contentsUnion(body.contents, ctx),
    });
  }
  const withPayload = out.filter((_, i) => api.webhooks[i]?.requestBody !== undefined);
  out.push({
    kind: 'alias',
    name: webhookUnionName(api),
    exported: true,
    ...withDocs(commentFromDocs(jsDocStructures(undefined, { lead: ['Any webhook payload this API sends (webhooks without a body left out).'] }))),
    type: unionOf(withPayload.map((d) => name(d.name))),
  });
  return out;
}
