/**
 * Every rule, run over two sides: names and exports, operations, document-level settings, then the
 * named schemas no operation or webhook reaches (compared in both directions: users may use them
 * either way). When no rule finds anything but the emitted texts differ, the difference is
 * documentation or layout: one `patch` change names the files.
 */
import { CHANGE_CLASSES, type Change } from './change.js';
import { compareDocument } from './document-diff.js';
import { matchOperations } from './match.js';
import { compareNames } from './names-diff.js';
import { compareOperations } from './operation-diff.js';
import { compareSchemas } from './schema-diff.js';
import type { Side } from './side.js';
import { ChangeSink } from './sink.js';

/** The rules' changes from `old` to `neu`, highest class first (in the order found within a class). */
export function runRules(old: Side, neu: Side): Change[] {
  const sink = new ChangeSink();
  const walked = new Set<string>();
  const match = matchOperations(old.api, neu.api);
  compareNames(old, neu, match, sink);
  compareOperations({ old: old.api, new: neu.api, match, sink, walked });
  compareDocument(old.api, neu.api, sink, walked);
  compareUnreached(old, neu, sink, walked);
  if (sink.changes().length === 0) {
    const files = changedFiles(old, neu);
    if (files.length > 0) {
      sink.add({
        class: 'patch',
        kind: 'generated-output-changed',
        message: `generated text changed (documentation or layout): ${files.join(', ')}`,
        pointer: '#',
        visible: 'no',
      });
    }
  }
  const changes = sink.changes();
  return CHANGE_CLASSES.flatMap((c) => changes.filter((x) => x.class === c));
}

/** Named schemas on both sides that no walk reached: compared in both directions, unseen by the proof. */
function compareUnreached(old: Side, neu: Side, sink: ChangeSink, walked: Set<string>): void {
  const reached = new Set([...walked].filter((k) => k.startsWith('named\u0000')).map((k) => k.split('\u0000')[1]));
  for (const [key, before] of old.api.schemas) {
    const after = neu.api.schemas.get(key);
    if (after === undefined || reached.has(key)) continue;
    for (const direction of ['request', 'response'] as const) {
      const symbol = direction === 'request' ? (after.requestIdentifier ?? after.identifier) : after.identifier;
      compareSchemas(before.schema, after.schema, { old: old.api, new: neu.api, direction, sink, seen: false, plain: false, symbol, walked });
    }
  }
}

/** Package-qualified paths of the emitted files whose text differs, or that one side lacks. */
export function changedFiles(old: Side, neu: Side): string[] {
  const out: string[] = [];
  for (const target of ['types', 'client'] as const) {
    const a = old[target];
    const b = neu[target];
    for (const file of new Set([...a.keys(), ...b.keys()])) if (a.get(file) !== b.get(file)) out.push(`${target}/${file}`);
  }
  return out.sort();
}
