/**
 * `src/webhooks.ts`: one payload type per webhook (named by the model, {@link Webhook.identifier})
 * and a union of every payload (the event a receiver verifies and handles).
 */
import type { TypeAliasDeclarationStructure } from 'ts-morph';
import { StructureKind } from '../structure-kind.js';
import type { Api, Docs, Webhook } from '../../model/types.js';
import { jsDocStructures } from '../tsdoc.js';
import { contentsUnion } from './operations.js';
import { unionOf } from './render.js';
import type { FileScope } from './scope.js';

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
export function webhookDeclarations(api: Api, scope: FileScope): TypeAliasDeclarationStructure[] {
  if (api.webhooks.length === 0) return [];
  // The API writes the payload and the receiver reads it: the response direction.
  const ctx = { api, scope, direction: 'response' as const };
  const out: TypeAliasDeclarationStructure[] = [];
  for (const hook of api.webhooks) {
    const body = hook.requestBody;
    out.push({
      kind: StructureKind.TypeAlias,
      name: hook.identifier,
      isExported: true,
      docs: jsDocStructures(hookDocs(hook), {
        lines: [`Payload of the \`${hook.name}\` webhook (\`${hook.method.toUpperCase()}\`)${body === undefined ? ': it has no body' : ''}.`],
        source: hook.pointer,
      }),
      type: body === undefined ? 'undefined' : contentsUnion(body.contents, ctx).text,
    });
  }
  const withPayload = out.filter((_, i) => api.webhooks[i]?.requestBody !== undefined);
  out.push({
    kind: StructureKind.TypeAlias,
    name: webhookUnionName(api),
    isExported: true,
    docs: jsDocStructures(undefined, { lead: ['Any webhook payload this API sends (webhooks without a body left out).'] }),
    type: unionOf(withPayload.map((d) => ({ text: d.name, prec: 2 }))).text,
  });
  return out;
}
