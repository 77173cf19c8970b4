/**
 * Small generated modules of the client package: `src/enums.ts` (`as const` value arrays),
 * `src/webhooks.ts` (verification bound to the spec's signature scheme, and the event union of webhook-events.ts),
 * `src/index.ts` (the barrel), and the verbatim copies of the runtime under `src/core/`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allResources, clientNames, ownWebhookEventTypes } from '../../model/client-names.js';
import { listEnums, webhookSignature } from '../../model/queries.js';
import type { Api, WebhookSignature } from '../../model/types.js';
import { webhookEvents } from '../../model/webhook-events.js';
import { runtimeSourceDir } from '../../model/runtime-exports.js';
import { type Expression, type ObjectProperty, type Parameter, array, call, id, lit, object, prop, ret, str } from '../ts/code.js';
import { commentFromDocs, generic, type Member, name, type Specifier, type Statement, type TypeNode, unionOf } from '../ts/nodes.js';
import { printFile } from '../ts/printer.js';
import { bannerLine, compareCodeUnits, literalType } from '../text.js';
import { escapeCommentText } from '../tsdoc.js';
import type { EmitOptions, EmittedFile } from '../types.js';
import { ImportScope, relativeSpecifier } from '../imports.js';
import { webhookEventDeclarations } from './webhook-events.js';

/** The runtime's `.ts` files (not its README), copied byte for byte into `src/core/` (kind `other`: never reformatted). */
export function coreFiles(): EmittedFile[] {
  const dir = runtimeSourceDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .sort(compareCodeUnits)
    .map((f) => ({ path: `src/core/${f}`, kind: 'other' as const, contents: readFileSync(path.join(dir, f), 'utf8') }));
}

/** `src/enums.ts`, or undefined when the API has no named enums. */
export function enumsFile(api: Api, options: EmitOptions): EmittedFile | undefined {
  const enums = listEnums(api);
  if (enums.length === 0) return undefined;
  const arrays = clientNames(api, options.clientName).enumValues;
  const valuesName = (key: string): string => {
    const found = arrays.get(key);
    if (found === undefined) throw new Error(`the model names no value array for enum ${key}`);
    return found;
  };
  const scope = new ImportScope(
    'src/enums.ts',
    enums.map((e) => valuesName(e.key)),
  );
  const declarations: Statement[] = enums.map((e) => {
    const type = scope.packageType(options.typesPackageName, e.identifier);
    const values = array(e.values.map((v) => lit(literalType(v))));
    const asConst: Expression = { kind: 'cast', operator: 'as', expression: values, type: name('const') };
    return {
      kind: 'const',
      name: valuesName(e.key),
      exported: true,
      docs: commentFromDocs(
        `Every value of \`${type}\`, in spec order${e.nullable ? ' (`null` is also allowed and not listed)' : ''}.\nSource: \`${escapeCommentText(e.pointer)}\``,
      ),
      init: { kind: 'cast', operator: 'satisfies', expression: asConst, type: generic('ReadonlyArray', [name(type)]) },
    };
  });
  return { path: 'src/enums.ts', kind: 'ts', contents: printFile([{ kind: 'text', text: bannerLine(options) }, ...scope.declarations(), ...declarations]) };
}

/** The runtime `WebhookSignatureScheme` literal of the spec's signature. */
function signatureObject(sig: WebhookSignature): Expression {
  const parts: ObjectProperty[] = [
    prop('scheme', str(sig.scheme)),
    prop('algorithm', str(sig.algorithm)),
    prop('header', str(sig.header)),
    prop('encoding', str(sig.encoding)),
  ];
  if (sig.prefix !== undefined) parts.push(prop('prefix', str(sig.prefix)));
  if (sig.idHeader !== undefined) parts.push(prop('idHeader', str(sig.idHeader)));
  if (sig.timestampHeader !== undefined) parts.push(prop('timestampHeader', str(sig.timestampHeader)));
  if (sig.toleranceSeconds !== undefined) parts.push(prop('toleranceSeconds', lit(`${sig.toleranceSeconds}`)));
  if (sig.idempotencyHeader !== undefined) parts.push(prop('idempotencyHeader', str(sig.idempotencyHeader)));
  if (sig.challenge !== undefined) {
    const c = sig.challenge;
    const challenge = [prop('method', str(c.method)), prop('challengeHeader', str(c.challengeHeader))];
    if (c.verifyTokenHeader !== undefined) challenge.push(prop('verifyTokenHeader', str(c.verifyTokenHeader)));
    parts.push(prop('challenge', object(challenge)));
  }
  return object(parts, true);
}

/** The first sentence of `unwrap`'s TSDoc: what is verified, per scheme. */
function verifiesSentence(sig: WebhookSignature): string {
  const tolerance = `refuses a timestamp more than \`toleranceSeconds\` (default ${sig.toleranceSeconds ?? 300}) away from now, past or future`;
  if (sig.scheme === 'standard-webhooks') {
    return `Verifies a delivery signed the Standard Webhooks way (\`${sig.idHeader}\`, \`${sig.timestampHeader}\`, \`${sig.header}: v1,<base64>\`: HMAC-SHA256 of \`\${id}.\${timestamp}.\${body}\` keyed with the base64 secret after \`whsec_\`; any of several signatures may match, constant-time comparison), ${tolerance}, and returns the parsed event.`;
  }
  if (sig.scheme === 'timestamped') {
    return `Verifies a delivery's \`${sig.header}: t=<unix seconds>,v1=<hex>\` signature (${sig.algorithm.toUpperCase()} of \`\${t}.\${body}\` keyed with the secret; any of several \`v1\` may match, constant-time comparison), ${tolerance}, and returns the parsed event.`;
  }
  return `Verifies a delivery's \`${sig.header}\` signature (${sig.algorithm.toUpperCase()} of the raw body, ${sig.encoding}, constant-time comparison) and returns the parsed event.`;
}

/** `src/webhooks.ts`, or undefined when the API declares no webhook signature. */
export function webhooksFile(api: Api, options: EmitOptions): EmittedFile | undefined {
  const sig = webhookSignature(api);
  if (sig === undefined) return undefined;
  const file = 'src/webhooks.ts';
  const eventNames = clientNames(api, options.clientName).webhookEvent;
  const scope = new ImportScope(file, [
    'webhookSignature',
    'unwrap',
    'verifyWebhook',
    'handleVerificationChallenge',
    'challengeResponse',
    'webhookIdempotencyKey',
    ...(eventNames === undefined ? [] : ownWebhookEventTypes(eventNames)),
  ]);
  const eventTypes = eventNames === undefined ? [] : webhookEventDeclarations(eventNames, scope, options.typesPackageName);
  const core = 'src/core/webhooks.ts';
  const verify = scope.value(core, 'verifyWebhook');
  const handle = scope.value(core, 'handleVerificationChallenge');
  const challenge = scope.value(core, 'challengeResponse');
  const idempotencyKey = scope.value(core, 'webhookIdempotencyKey');
  const schemeType = scope.type(core, 'WebhookSignatureScheme');
  const headersLike = scope.type(core, 'HeadersLike');
  const rawBody = scope.type(core, 'RawBody');
  const answer = scope.type(core, 'WebhookAnswer');
  const event =
    eventNames !== undefined
      ? eventNames.union
      : api.webhookPayload !== undefined
        ? scope.packageType(options.typesPackageName, api.webhookPayload)
        : 'unknown';
  const timestamped = sig.scheme !== 'hmac';
  const events = webhookEvents(api);
  const headers = name(headersLike);
  const secretOption: TypeNode = { kind: 'object', multiline: false, members: [{ kind: 'property', key: 'secret', optional: true, type: name('string') }] };
  const fn = (f: { name: string; docs: string; params: Parameter[]; returns: TypeNode; returned: Expression }): Statement => ({
    kind: 'function',
    exported: true,
    name: f.name,
    docs: f.docs,
    params: f.params,
    returns: f.returns,
    body: [ret(f.returned)],
  });
  const dedupe =
    sig.idempotencyHeader !== undefined
      ? `${timestamped ? 'The same delivery may arrive more than once' : 'No timestamp is signed, so there is no replay window'}: de-duplicate on the \`${sig.idempotencyHeader}\` header (see \`webhookIdempotencyKey\`).`
      : 'De-duplicate deliveries on your side: the same delivery may arrive more than once.';
  const narrowing =
    events === undefined
      ? undefined
      : eventNames !== undefined
        ? `The result is a union discriminated by \`${events.property}\`: \`switch (event.${events.property})\` narrows it to one event type, and an event type the spec does not list is an \`${eventNames.unknown}\`.`
        : new Set(events.cases.map((c) => c.type)).size > 1
          ? `The result is a union discriminated by \`${events.property}\`: \`switch (event.${events.property})\` narrows it to one webhook's payload.`
          : `\`event.${events.property}\` is one of the declared event types.`;
  const inputMembers: Member[] = [
    { kind: 'property', key: 'rawBody', optional: false, type: name(rawBody) },
    { kind: 'property', key: 'headers', optional: false, type: headers },
    { kind: 'property', key: 'secret', optional: false, type: name('string') },
  ];
  if (timestamped) {
    inputMembers.push({ kind: 'property', key: 'toleranceSeconds', optional: true, type: name('number') });
    inputMembers.push({ kind: 'property', key: 'now', optional: true, type: { kind: 'function', returns: name('number') } });
  }
  const signature = id('webhookSignature');
  const options_: Parameter = { name: 'options', type: secretOption, init: object([]) };
  const body: Statement[] = [
    ...eventTypes,
    {
      kind: 'const',
      name: 'webhookSignature',
      exported: true,
      docs: "/** How the API signs webhook deliveries (the spec's `x-webhook-signature`). */",
      type: name(schemeType),
      init: signatureObject(sig),
    },
    fn({
      name: 'unwrap',
      docs: commentFromDocs(
        [
          escapeCommentText(verifiesSentence(sig)),
          ...(narrowing === undefined ? [] : [narrowing]),
          escapeCommentText(dedupe),
          '@param input.rawBody the body exactly as received (bytes or text; re-serialised JSON does not verify, a parsed object is a `TypeError`)',
          '@param input.headers the request headers (`Headers` or a Node-style record)',
          `@param input.secret the endpoint's signing secret${sig.scheme === 'standard-webhooks' ? ' (`whsec_<base64>`)' : ''}`,
          ...(timestamped
            ? [
                `@param input.toleranceSeconds the largest distance in seconds between the signed timestamp and now, either way (default ${sig.toleranceSeconds ?? 300})`,
                '@param input.now the clock in milliseconds since the epoch (default `Date.now`; for tests)',
              ]
            : []),
          `@throws \`WebhookVerificationError\` when the signature is missing, malformed or wrong${timestamped ? ', the timestamp is missing or out of tolerance' : ''}, or the body is not JSON`,
        ].join('\n'),
      ),
      params: [{ name: 'input', type: { kind: 'object', multiline: false, members: inputMembers } }],
      returns: generic('Promise', [name(event)]),
      returned: call(id(verify), [object([{ kind: 'spread', argument: id('input') }, prop('scheme', signature)])], [name(event)]),
    }),
    { kind: 'const', name: 'verifyWebhook', exported: true, docs: '/** `unwrap` under its earlier name. */', init: id('unwrap') },
    fn({
      name: 'webhookIdempotencyKey',
      docs: "/** The delivery's idempotency key (undefined when absent): store it and skip deliveries already seen. */",
      params: [{ name: 'headers', type: headers }],
      returns: unionOf([name('string'), name('undefined')]),
      returned: call(id(idempotencyKey), [id('headers'), signature]),
    }),
    fn({
      name: 'handleVerificationChallenge',
      docs: commentFromDocs(
        "Answers the sender's verification challenge: `{ status: 200, body: <challenge> }` for a challenge request, `403` when `options.secret` is given and the verify token does not match, `undefined` for any other request.",
      ),
      params: [
        {
          name: 'request',
          type: {
            kind: 'object',
            multiline: false,
            members: [
              { kind: 'property', key: 'method', optional: true, type: name('string') },
              { kind: 'property', key: 'headers', optional: false, type: headers },
            ],
          },
        },
        options_,
      ],
      returns: unionOf([name(answer), name('undefined')]),
      returned: call(id(handle), [id('request'), signature, id('options')]),
    }),
    fn({
      name: 'challengeResponse',
      docs: '/** `handleVerificationChallenge` for fetch-style handlers: a `Response`, or `undefined` when not a challenge. */',
      params: [{ name: 'request', type: name('Request') }, options_],
      returns: unionOf([name('Response'), name('undefined')]),
      returned: call(id(challenge), [id('request'), signature, id('options')]),
    }),
  ];
  return { path: file, kind: 'ts', contents: printFile([{ kind: 'text', text: bannerLine(options) }, ...scope.declarations(), ...body]) };
}

/**
 * `src/index.ts`: the client (named and default), its base and option types, the typed error classes and their body
 * type (`src/errors.ts`), the runtime names the package
 * re-exports (model/client-names.ts reads them from generator/runtime), webhooks, resources, enums, the types
 * package's types. Every name is the model's.
 */
export function indexFile(api: Api, options: EmitOptions, has: { enums: boolean; webhooks: boolean }): EmittedFile {
  const names = clientNames(api, options.clientName);
  const from = (target: string): string => relativeSpecifier('src/index.ts', target);
  const resources = allResources(names.root).sort((a, b) => compareCodeUnits(a.file, b.file));
  const specifiers = (list: string[]): Specifier[] => list.map((n) => ({ name: n }));
  const reexport = (target: string, list: Specifier[], typeOnly = false): Statement => ({ kind: 'export', typeOnly, names: list, from: from(target) });
  const exports: Statement[] = [
    reexport('src/client.ts', [{ name: names.client }, { name: names.client, alias: 'default' }]),
    reexport('src/base.ts', [{ name: names.base }, { name: names.auth, typeOnly: true }, { name: names.options, typeOnly: true }]),
    reexport('src/errors.ts', [...specifiers([...names.errorClasses].sort(compareCodeUnits)), { name: names.errorBody, typeOnly: true }]),
    ...names.runtimeReexports.map((r) =>
      r.values.length === 0
        ? reexport(r.file, specifiers(r.types), true)
        : reexport(r.file, [...specifiers(r.values), ...r.types.map((t) => ({ name: t, typeOnly: true }))]),
    ),
  ];
  if (has.webhooks) {
    const eventTypes = names.webhookEvent === undefined ? [] : ownWebhookEventTypes(names.webhookEvent);
    exports.push(
      reexport('src/webhooks.ts', [
        ...specifiers(['challengeResponse', 'handleVerificationChallenge', 'unwrap', 'verifyWebhook', 'webhookIdempotencyKey', 'webhookSignature']),
        ...eventTypes.sort(compareCodeUnits).map((n) => ({ name: n, typeOnly: true })),
      ]),
    );
  }
  for (const r of resources) exports.push(reexport(r.file, [{ name: r.className }]));
  if (has.enums) exports.push({ kind: 'export-all', typeOnly: false, from: from('src/enums.ts') });
  exports.push({ kind: 'export-all', typeOnly: true, from: options.typesPackageName });
  return {
    path: 'src/index.ts',
    kind: 'ts',
    contents: printFile([{ kind: 'text', text: bannerLine(options) }, ...exports]),
  };
}
