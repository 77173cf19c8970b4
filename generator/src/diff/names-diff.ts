/**
 * The rules for generated names: every identifier the model decides (schemas, request variants,
 * operation helper types, client methods, webhook payloads, the client class) compared key by key,
 * so a name that moved because of an unrelated addition (a collision suffix `2` now on another
 * schema) shows even when the old name still exists, and the exports of the two surfaces that no
 * model rule explains.
 */
import { clientPath, type OperationMatch } from './match.js';
import type { Side } from './side.js';
import type { ChangeSink } from './sink.js';
import { type Export, exportKey, publicSurface } from './surface.js';

/**
 * Records name changes, then the exports removed or added that none of them accounts for (an export
 * is keyed `types#Role`, `client#Improvado`; see `surface.ts`).
 */
export function compareNames(old: Side, neu: Side, match: OperationMatch, sink: ChangeSink): void {
  const before = publicSurface(old.types, old.client);
  const after = publicSurface(neu.types, neu.client);
  const explained = new Set<string>();
  /** Marks type exports as accounted for by a model rule. */
  const explain = (...names: Array<string | undefined>): void => {
    for (const name of names) if (name !== undefined) explained.add(exportKey({ entry: 'types', name }));
  };
  const typeExists = (name: string): boolean => after.has(exportKey({ entry: 'types', name }));
  const renamed = (from: string, to: string | undefined, pointer: string, what: string, operation?: string): void => {
    explain(from, to);
    if (from === to) return;
    const taken = typeExists(from);
    const message =
      to === undefined
        ? `${what} \`${from}\` is no longer generated`
        : `${what} renamed: \`${from}\` → \`${to}\`${taken ? ` (\`${from}\` now names something else)` : ''}`;
    sink.add({
      class: 'major',
      kind: 'generated-name-changed',
      message,
      pointer,
      symbol: from,
      visible: taken ? 'maybe' : 'yes',
      ...(operation ? { operation } : {}),
    });
  };

  for (const [key, a] of old.api.schemas) {
    const b = neu.api.schemas.get(key);
    if (b === undefined) {
      explain(a.identifier, a.requestIdentifier);
      const taken = typeExists(a.identifier);
      sink.add({
        class: 'major',
        kind: 'schema-removed',
        message: `schema \`${key}\` removed (type \`${a.identifier}\`)`,
        pointer: a.pointer,
        symbol: a.identifier,
        visible: taken ? 'maybe' : 'yes',
      });
      continue;
    }
    renamed(a.identifier, b.identifier, b.pointer, 'type');
    if (a.requestIdentifier !== undefined) renamed(a.requestIdentifier, b.requestIdentifier, b.pointer, 'request type');
    else if (b.requestIdentifier !== undefined) {
      explain(b.requestIdentifier);
      sink.add({
        class: 'minor',
        kind: 'request-type-added',
        message: `request type \`${b.requestIdentifier}\` added`,
        pointer: b.pointer,
        symbol: b.requestIdentifier,
        visible: 'no',
      });
    }
  }
  for (const [key, b] of neu.api.schemas) {
    if (old.api.schemas.has(key)) continue;
    explain(b.identifier, b.requestIdentifier);
    sink.add({
      class: 'minor',
      kind: 'schema-added',
      message: `schema \`${key}\` added (type \`${b.identifier}\`)`,
      pointer: b.pointer,
      symbol: b.identifier,
      visible: 'no',
    });
  }

  for (const { old: o, new: n } of match.pairs) {
    for (const part of ['params', 'body', 'response', 'error'] as const) {
      const from = o.names[part];
      const to = n.names[part];
      if (from !== undefined) renamed(from, to, n.pointer, `${part} type`, o.operationId);
      else explain(to);
    }
    if (clientPath(o) !== clientPath(n)) {
      sink.add({
        class: 'major',
        kind: 'method-renamed',
        message: `method renamed: ${clientPath(o)} → ${clientPath(n)}`,
        operation: o.operationId,
        pointer: n.pointer,
        symbol: clientPath(o),
        visible: 'yes',
      });
    }
  }
  for (const op of [...match.removed, ...match.added]) explain(...Object.values(op.names));
  for (const hook of old.api.webhooks) {
    const same = neu.api.webhooks.find((h) => h.name === hook.name);
    if (same !== undefined) renamed(hook.identifier, same.identifier, same.pointer, 'webhook payload type');
    else explain(hook.identifier);
  }
  for (const hook of neu.api.webhooks) explain(hook.identifier);
  if (old.options.clientName !== neu.options.clientName) {
    sink.add({
      class: 'major',
      kind: 'generated-name-changed',
      message: `client class renamed: ${old.options.clientName} → ${neu.options.clientName}`,
      pointer: '#/info/title',
      symbol: old.options.clientName,
      visible: 'yes',
    });
  }

  compareSurfaces(before, after, explained, sink);
}

/** Exports removed or added that no other rule accounts for. */
function compareSurfaces(before: Map<string, Export>, after: Map<string, Export>, explained: Set<string>, sink: ChangeSink): void {
  for (const [key, e] of before) {
    if (after.has(key) || explained.has(key)) continue;
    sink.add({ class: 'major', kind: 'export-removed', message: `export \`${e.name}\` removed from ${e.entry}`, pointer: '#', symbol: e.name, visible: 'yes' });
  }
  for (const [key, e] of after) {
    if (before.has(key) || explained.has(key)) continue;
    sink.add({ class: 'minor', kind: 'export-added', message: `export \`${e.name}\` added to ${e.entry}`, pointer: '#', symbol: e.name, visible: 'no' });
  }
}
