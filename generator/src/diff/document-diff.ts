/**
 * The rules for what sits beside the operations: security schemes, the default server, webhooks and
 * their signature, and the document's own documentation.
 */
import { docsChange } from './docs-diff.js';
import { compareSchemas, type WalkContext } from './schema-diff.js';
import type { ChangeSink } from './sink.js';
import type { Api, SecurityScheme } from '../model/types.js';

/** Records the document-level changes between `old` and `neu`. */
export function compareDocument(old: Api, neu: Api, sink: ChangeSink, walked: Set<string>): void {
  const docs = docsChange(old, neu);
  if (docs !== undefined) sink.add({ class: 'patch', kind: 'docs-changed', message: `document: ${docs}`, pointer: '#/info', visible: 'no' });
  if (old.title !== neu.title || old.version !== neu.version) {
    sink.add({
      class: 'patch',
      kind: 'docs-changed',
      message: `info: "${old.title}" ${old.version} → "${neu.title}" ${neu.version}`,
      pointer: '#/info',
      visible: 'no',
    });
  }
  const oldServer = old.servers[0]?.url;
  const newServer = neu.servers[0]?.url;
  if (oldServer !== newServer) {
    sink.add({
      class: 'minor',
      kind: 'server-changed',
      message: `default server: ${oldServer ?? 'none'} → ${newServer ?? 'none'}`,
      pointer: '#/servers',
      visible: 'no',
    });
  }
  compareSchemes(old.securitySchemes, neu.securitySchemes, sink);
  if (JSON.stringify(old.webhookSignature ?? null) !== JSON.stringify(neu.webhookSignature ?? null)) {
    sink.add({
      class: 'major',
      kind: 'webhook-signature-changed',
      message: 'webhook signature scheme changed (x-webhook-signature)',
      pointer: '#/x-webhook-signature',
      visible: 'no',
    });
  }
  compareWebhooks(old, neu, sink, walked);
}

function compareSchemes(before: SecurityScheme[], after: SecurityScheme[], sink: ChangeSink): void {
  const wire = (s: SecurityScheme): string =>
    JSON.stringify([s.type, s.scheme ?? null, s.in ?? null, s.paramName ?? null, s.bearerFormat ?? null, s.tokenEndpoint ?? null]);
  for (const a of before) {
    const pointer = `#/components/securitySchemes/${a.key}`;
    const b = after.find((s) => s.key === a.key);
    if (b === undefined) {
      sink.add({ class: 'major', kind: 'auth-scheme-removed', message: `security scheme ${a.key} removed`, pointer, symbol: a.key, visible: 'no' });
      continue;
    }
    if (wire(a) !== wire(b)) {
      sink.add({
        class: 'major',
        kind: 'auth-scheme-changed',
        message: `security scheme ${a.key} changed (how credentials are sent)`,
        pointer,
        symbol: a.key,
        visible: 'no',
      });
    }
    const docs = docsChange(a, b);
    if (docs !== undefined)
      sink.add({ class: 'patch', kind: 'docs-changed', message: `security scheme ${a.key}: ${docs}`, pointer, symbol: a.key, visible: 'no' });
  }
  for (const b of after) {
    if (before.some((a) => a.key === b.key)) continue;
    sink.add({
      class: 'minor',
      kind: 'auth-scheme-added',
      message: `security scheme ${b.key} added`,
      pointer: `#/components/securitySchemes/${b.key}`,
      symbol: b.key,
      visible: 'no',
    });
  }
}

/** A webhook's payload is read by the receiver: the response direction. */
function compareWebhooks(old: Api, neu: Api, sink: ChangeSink, walked: Set<string>): void {
  for (const a of old.webhooks) {
    const b = neu.webhooks.find((h) => h.name === a.name);
    if (b === undefined) {
      sink.add({ class: 'major', kind: 'webhook-removed', message: `webhook ${a.name} removed`, pointer: a.pointer, symbol: a.identifier, visible: 'yes' });
      continue;
    }
    if (a.method !== b.method) {
      sink.add({
        class: 'major',
        kind: 'webhook-method-changed',
        message: `webhook ${a.name}: method ${a.method.toUpperCase()} → ${b.method.toUpperCase()}`,
        pointer: b.pointer,
        symbol: b.identifier,
        visible: 'no',
      });
    }
    const docs = docsChange(a, b);
    if (docs !== undefined)
      sink.add({ class: 'patch', kind: 'docs-changed', message: `webhook ${a.name}: ${docs}`, pointer: b.pointer, symbol: b.identifier, visible: 'no' });
    const before = a.requestBody?.contents ?? [];
    const after = b.requestBody?.contents ?? [];
    const ctx: WalkContext = { old, new: neu, direction: 'response', sink, seen: true, plain: before.length === 1, symbol: a.identifier, walked };
    for (const c of before) {
      const d = after.find((x) => x.mediaType === c.mediaType);
      if (d === undefined) {
        sink.add({
          class: 'major',
          kind: 'content-type-removed',
          message: `webhook ${a.name}: payload content type ${c.mediaType} removed`,
          pointer: b.pointer,
          symbol: b.identifier,
          visible: after.length === 0 ? 'yes' : 'no',
        });
      } else compareSchemas(c.schema, d.schema, ctx);
    }
    for (const d of after) {
      if (before.some((c) => c.mediaType === d.mediaType)) continue;
      sink.add({
        class: 'major',
        kind: 'content-type-added',
        message: `webhook ${a.name}: payload content type ${d.mediaType} added (the payload type widens)`,
        pointer: b.pointer,
        symbol: b.identifier,
        visible: 'yes',
      });
    }
  }
  for (const b of neu.webhooks) {
    if (old.webhooks.some((a) => a.name === b.name)) continue;
    sink.add({ class: 'minor', kind: 'webhook-added', message: `webhook ${b.name} added`, pointer: b.pointer, symbol: b.identifier, visible: 'no' });
  }
}
