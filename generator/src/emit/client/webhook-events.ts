/**
 * The event types of the client's `src/webhooks.ts` when a webhook payload's event type is an open enum (D45): one
 * interface per documented event name (the payload with the property narrowed to the name), `UnknownWebhookEvent`
 * (the payload with the property typed as the runtime's `UnknownEventType`, which no string literal is comparable
 * to), and their union, which `unwrap` returns. A `switch` on the property then narrows to one member per `case`, a
 * misspelt `case` is a type error (TS2678), and an event type the API adds later reaches `default` as
 * `UnknownWebhookEvent`.
 */
import type { WebhookEventNames } from '../../model/client-names.js';
import { commentFromDocs, generic, literal, name, type Statement, type TypeNode, unionOf } from '../ts/nodes.js';
import { literalType, propertyKey } from '../text.js';
import { escapeCommentText } from '../tsdoc.js';
import type { ImportScope } from '../imports.js';

/** The runtime file declaring `UnknownEventType`. */
const CORE_WEBHOOKS = 'src/core/webhooks.ts';

/**
 * Declarations of the event types, in the order of {@link WebhookEventNames.members}, then `UnknownWebhookEvent`,
 * then the union. Payload types are imported into `scope` from `typesPackage`.
 */
export function webhookEventDeclarations(names: WebhookEventNames, scope: ImportScope, typesPackage: string): Statement[] {
  const key = propertyKey(names.property);
  const access = escapeCommentText(key === names.property ? `event.${key}` : `event[${key}]`);
  const code = (text: string): string => `\`${escapeCommentText(text).replace(/`/g, "'")}\``;
  const payloadName = (payload: string): string => scope.packageType(typesPackage, payload);
  /** A string literal as the printer writes it (single quotes), for the docs. */
  const quoted = (value: string): string => `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
  const out: Statement[] = [];
  const unionMembers: TypeNode[] = [];
  const openPayloads: string[] = [];
  for (const member of names.members) {
    if (member.value === undefined) {
      unionMembers.push(name(payloadName(member.type)));
      continue;
    }
    const payload = payloadName(member.source.payload);
    if (!openPayloads.includes(payload)) openPayloads.push(payload);
    out.push({
      kind: 'interface',
      name: member.type,
      exported: true,
      docs: commentFromDocs(
        `The ${code(member.value)} event: \`${payload}\` with ${code(`${names.property}: ${quoted(member.value)}`)} (the ${code(member.source.hook.name)} webhook, \`${member.source.hook.method.toUpperCase()}\`).`,
      ),
      extends: name(payload),
      members: [{ kind: 'property', key, optional: false, type: literal(literalType(member.value)) }],
    });
    unionMembers.push(name(member.type));
  }
  const unknownType = scope.type(CORE_WEBHOOKS, 'UnknownEventType');
  const property = literal(literalType(names.property));
  out.push({
    kind: 'alias',
    name: names.unknown,
    exported: true,
    docs: commentFromDocs(
      [
        `An event whose ${code(names.property)} the spec does not list (the API may name new event types). At run time ${code(names.property)} is a string;`,
        `its type, \`${unknownType}\`, keeps it apart from the documented names, so that a misspelt \`case\` does not compile.`,
        `\`String(${access})\` gives the name.`,
      ].join('\n'),
    ),
    type: unionOf(
      openPayloads.map((payload) => ({
        kind: 'intersection',
        types: [
          generic('Omit', [name(payload), property]),
          { kind: 'object', multiline: false, members: [{ kind: 'property', key, optional: false, type: name(unknownType) }] },
        ],
      })),
    ),
  });
  unionMembers.push(name(names.unknown));
  out.push({
    kind: 'alias',
    name: names.union,
    exported: true,
    docs: commentFromDocs(
      `A verified webhook event, as \`unwrap\` returns it: \`switch (${access})\` narrows it to one event type, and an event type the spec does not list is an \`${names.unknown}\`.`,
    ),
    type: unionOf(unionMembers),
  });
  return out;
}
