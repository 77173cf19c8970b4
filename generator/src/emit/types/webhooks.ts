/**
 * `src/webhooks.ts`: one payload type per webhook (named by the model, {@link Webhook.identifier})
 * and a union of every payload (the event a receiver verifies and handles; {@link Api.webhookPayload}).
 */
import type { Api } from '../../model/types.js';
import { name, type Statement, unionOf } from '../ts/nodes.js';
import { jsDocComment, operationDocs } from '../tsdoc.js';
import { withDocs } from './declarations.js';
import { contentsUnion } from './operations.js';
import type { ImportScope } from '../imports.js';

type Alias = Extract<Statement, { kind: 'alias' }>;

/**
 * Declarations of `src/webhooks.ts` (empty when the API declares no webhooks).
 *
 * @throws Error when the API has webhooks but the model did not name their union (a model built by hand)
 */
export function webhookDeclarations(api: Api, scope: ImportScope): Alias[] {
  if (api.webhooks.length === 0) return [];
  const union = api.webhookPayload;
  if (union === undefined) throw new Error('the model names no webhook payload union (Api.webhookPayload)');
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
        jsDocComment(operationDocs(hook), {
          lines: [`Payload of the \`${hook.name}\` webhook (\`${hook.method.toUpperCase()}\`)${body === undefined ? ': it has no body' : ''}.`],
          source: hook.pointer,
        }),
      ),
      type: body === undefined ? name('undefined') : contentsUnion(body.contents, ctx),
    });
  }
  const withPayload = out.filter((_, i) => api.webhooks[i]?.requestBody !== undefined);
  out.push({
    kind: 'alias',
    name: union,
    exported: true,
    ...withDocs(jsDocComment(undefined, { lead: ['Any webhook payload this API sends (webhooks without a body left out).'] })),
    type: unionOf(withPayload.map((d) => name(d.name))),
  });
  return out;
}
