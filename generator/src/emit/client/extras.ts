/**
 * Small generated modules of the client package: `src/enums.ts` (`as const` value arrays),
 * `src/webhooks.ts` (verification bound to the spec's signature scheme), `src/index.ts` (the
 * barrel), and the verbatim copies of the runtime under `src/core/`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StructureKind, VariableDeclarationKind, type FunctionDeclarationStructure } from 'ts-morph';
import type { Api, WebhookSignature } from '../../model/types.js';
import { listEnums } from '../enums.js';
import { printSourceFile, type Statement } from '../print.js';
import { bannerLine, compareCodeUnits, literalType } from '../text.js';
import type { EmitOptions, EmittedFile } from '../types.js';
import { webhookUnionName } from '../types/webhooks.js';
import { authTypeName, baseClassName, optionsTypeName } from './client.js';
import { allResources, type ResourceNode } from './resources-tree.js';
import { ImportScope, relativeSpecifier } from './scope.js';

/** The folder holding the runtime sources (`generator/runtime`), from `src/emit/client` or `dist/emit/client`. */
export function runtimeDir(): string {
  return fileURLToPath(new URL('../../../runtime/', import.meta.url));
}

/** The runtime's `.ts` files (not its README), copied byte for byte into `src/core/` (kind `other`: never reformatted). */
export function coreFiles(dir = runtimeDir()): EmittedFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .sort(compareCodeUnits)
    .map((f) => ({ path: `src/core/${f}`, kind: 'other' as const, contents: readFileSync(path.join(dir, f), 'utf8') }));
}

/** Name of the `as const` array of an enum type: `ConnectionStatus` → `ConnectionStatusValues`. */
export function enumValuesName(identifier: string): string {
  return `${identifier}Values`;
}

/** `src/enums.ts`, or undefined when the API has no named enums. */
export function enumsFile(api: Api, options: EmitOptions): EmittedFile | undefined {
  const enums = listEnums(api);
  if (enums.length === 0) return undefined;
  const scope = new ImportScope(
    'src/enums.ts',
    enums.map((e) => enumValuesName(e.identifier)),
  );
  const declarations: Statement[] = enums.map((e) => {
    const type = scope.packageType(options.typesPackageName, e.identifier);
    const values = e.values.map((v) => literalType(v)).join(', ');
    return {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      docs: [
        {
          kind: StructureKind.JSDoc,
          description: `Every value of {@link ${type}}, in spec order${e.nullable ? ' (`null` is also allowed and not listed)' : ''}.\nSource: \`${e.pointer}\``,
        },
      ],
      declarations: [{ name: enumValuesName(e.identifier), initializer: `[${values}] as const satisfies ReadonlyArray<${type}>` }],
    };
  });
  return { path: 'src/enums.ts', kind: 'ts', contents: printSourceFile([bannerLine(options), ...scope.declarations(), ...declarations]) };
}

/** The runtime `WebhookSignatureScheme` literal of the spec's signature. */
function signatureText(sig: WebhookSignature): string {
  const parts = [
    `algorithm: ${JSON.stringify(sig.algorithm)}`,
    `header: ${JSON.stringify(sig.header)}`,
    `encoding: ${JSON.stringify(sig.encoding)}`,
  ];
  if (sig.prefix !== undefined) parts.push(`prefix: ${JSON.stringify(sig.prefix)}`);
  if (sig.idempotencyHeader !== undefined) parts.push(`idempotencyHeader: ${JSON.stringify(sig.idempotencyHeader)}`);
  if (sig.challenge !== undefined) {
    const c = sig.challenge;
    const cp = [`method: ${JSON.stringify(c.method)}`, `challengeHeader: ${JSON.stringify(c.challengeHeader)}`];
    if (c.verifyTokenHeader !== undefined) cp.push(`verifyTokenHeader: ${JSON.stringify(c.verifyTokenHeader)}`);
    parts.push(`challenge: { ${cp.join(', ')} }`);
  }
  return `{\n${parts.join(',\n')},\n}`;
}

/** The signature scheme of the API's webhooks: the document's, else the first webhook's. */
export function webhookSignature(api: Api): WebhookSignature | undefined {
  return api.webhookSignature ?? api.webhooks.find((w) => w.signature !== undefined)?.signature;
}

/** `src/webhooks.ts`, or undefined when the API declares no webhook signature. */
export function webhooksFile(api: Api, options: EmitOptions): EmittedFile | undefined {
  const sig = webhookSignature(api);
  if (sig === undefined) return undefined;
  const file = 'src/webhooks.ts';
  const scope = new ImportScope(file, ['webhookSignature', 'verifyWebhook', 'handleVerificationChallenge', 'challengeResponse', 'webhookIdempotencyKey']);
  const core = 'src/core/webhooks.ts';
  const verify = scope.value(core, 'verifyWebhook');
  const handle = scope.value(core, 'handleVerificationChallenge');
  const challenge = scope.value(core, 'challengeResponse');
  const idempotencyKey = scope.value(core, 'webhookIdempotencyKey');
  const schemeType = scope.type(core, 'WebhookSignatureScheme');
  const headersLike = scope.type(core, 'HeadersLike');
  const rawBody = scope.type(core, 'RawBody');
  const answer = scope.type(core, 'WebhookAnswer');
  const event = api.webhooks.length > 0 ? scope.packageType(options.typesPackageName, webhookUnionName(api)) : 'unknown';
  const fn = (f: Omit<FunctionDeclarationStructure, 'kind' | 'isExported'>): FunctionDeclarationStructure => ({
    kind: StructureKind.Function,
    isExported: true,
    ...f,
  });
  const body: Statement[] = [
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      docs: [{ kind: StructureKind.JSDoc, description: "How the API signs webhook deliveries (the spec's `x-webhook-signature`)." }],
      declarations: [{ name: 'webhookSignature', type: schemeType, initializer: signatureText(sig) }],
    },
    fn({
      name: 'verifyWebhook',
      docs: [
        {
          kind: StructureKind.JSDoc,
          description: [
            `Verifies a delivery's \`${sig.header}\` signature (${sig.algorithm.toUpperCase()} of the raw body, ${sig.encoding}, constant-time comparison) and returns the parsed event.`,
            sig.idempotencyHeader !== undefined
              ? `No timestamp is signed, so there is no replay window: de-duplicate on the \`${sig.idempotencyHeader}\` header (see {@link webhookIdempotencyKey}).`
              : 'De-duplicate deliveries on your side: the same delivery may arrive more than once.',
            '@param input.rawBody the body exactly as received (bytes or text; re-serialised JSON does not verify)',
            '@param input.headers the request headers (`Headers` or a Node-style record)',
            "@param input.secret the endpoint's signing secret",
            '@throws {@link WebhookVerificationError} when the signature is missing or wrong, or the body is not JSON',
          ].join('\n'),
        },
      ],
      isAsync: false,
      parameters: [{ name: 'input', type: `{ rawBody: ${rawBody}; headers: ${headersLike}; secret: string }` }],
      returnType: `Promise<${event}>`,
      statements: [`return ${verify}<${event}>({ ...input, scheme: webhookSignature });`],
    }),
    fn({
      name: 'webhookIdempotencyKey',
      docs: [{ kind: StructureKind.JSDoc, description: "The delivery's idempotency key (undefined when absent): store it and skip deliveries already seen." }],
      parameters: [{ name: 'headers', type: headersLike }],
      returnType: 'string | undefined',
      statements: [`return ${idempotencyKey}(headers, webhookSignature);`],
    }),
    fn({
      name: 'handleVerificationChallenge',
      docs: [
        {
          kind: StructureKind.JSDoc,
          description:
            "Answers the sender's verification challenge: `{ status: 200, body: <challenge> }` for a challenge request, `403` when `options.secret` is given and the verify token does not match, `undefined` for any other request.",
        },
      ],
      parameters: [
        { name: 'request', type: `{ method?: string; headers: ${headersLike} }` },
        { name: 'options', type: '{ secret?: string }', initializer: '{}' },
      ],
      returnType: `${answer} | undefined`,
      statements: [`return ${handle}(request, webhookSignature, options);`],
    }),
    fn({
      name: 'challengeResponse',
      docs: [{ kind: StructureKind.JSDoc, description: '{@link handleVerificationChallenge} for fetch-style handlers: a `Response`, or `undefined` when not a challenge.' }],
      parameters: [
        { name: 'request', type: 'Request' },
        { name: 'options', type: '{ secret?: string }', initializer: '{}' },
      ],
      returnType: 'Response | undefined',
      statements: [`return ${challenge}(request, webhookSignature, options);`],
    }),
  ];
  return { path: file, kind: 'ts', contents: printSourceFile([bannerLine(options), ...scope.declarations(), ...body]) };
}

const ERRORS = [
  'AbortError',
  'ApiError',
  'AuthenticationError',
  'BadRequestError',
  'ConflictError',
  'ConnectionError',
  'InternalServerError',
  'NotFoundError',
  'PermissionDeniedError',
  'RateLimitError',
  'SdkError',
  'TimeoutError',
  'UnprocessableEntityError',
  'ValidationError',
];

const CORE_TYPES = [
  'AuthOptions',
  'BasicCredentials',
  'ClientOptions',
  'Credential',
  'FetchLike',
  'LogLevel',
  'Logger',
  'Middleware',
  'MiddlewareContext',
  'RequestClient',
  'RequestOptions',
  'StandardSchemaV1',
  'ValidationOptions',
  'ValidationReport',
  'WithResponse',
];

/** `src/index.ts`: the client (named and default), resources, errors, core types, enums, webhooks, the types package's types. */
export function indexFile(
  root: ResourceNode,
  options: EmitOptions,
  has: { enums: boolean; webhooks: boolean },
): EmittedFile {
  const from = (target: string): string => relativeSpecifier('src/index.ts', target);
  const resources = allResources(root).sort((a, b) => compareCodeUnits(a.file, b.file));
  // Names the generated code takes (the client, its option types, resource classes) win over core exports.
  const generated = new Set([options.clientName, baseClassName(options), authTypeName(options), optionsTypeName(options), ...resources.map((r) => r.className)]);
  const free = (names: string[]): string[] => names.filter((n) => !generated.has(n));
  const lines: string[] = [
    `export { ${options.clientName}, ${options.clientName} as default } from '${from('src/client.ts')}';`,
    `export { ${baseClassName(options)}, type ${authTypeName(options)}, type ${optionsTypeName(options)} } from '${from('src/base.ts')}';`,
    `export type { OperationAt, PathsWith, RequestArgs, RequestInput, ResponseData } from '${from('src/request.ts')}';`,
    `export { ${free(['APIPromise']).join(', ')} } from '${from('src/core/api-promise.ts')}';`,
    `export { ${free(ERRORS).join(', ')} } from '${from('src/core/errors.ts')}';`,
    `export { ${free(['Page', 'PagePromise']).join(', ')} } from '${from('src/core/pagination.ts')}';`,
    `export type { ${free(CORE_TYPES).join(', ')} } from '${from('src/core/types.ts')}';`,
  ];
  if (has.webhooks) {
    lines.push(`export { WebhookVerificationError, type HeadersLike, type RawBody, type WebhookAnswer, type WebhookSignatureScheme } from '${from('src/core/webhooks.ts')}';`);
    lines.push(`export { challengeResponse, handleVerificationChallenge, verifyWebhook, webhookIdempotencyKey, webhookSignature } from '${from('src/webhooks.ts')}';`);
  }
  for (const r of resources) lines.push(`export { ${r.className} } from '${from(r.file)}';`);
  if (has.enums) lines.push(`export * from '${from('src/enums.ts')}';`);
  lines.push(`export type * from '${options.typesPackageName}';`);
  return {
    path: 'src/index.ts',
    kind: 'ts',
    contents: printSourceFile([bannerLine(options), lines.join('\n')]),
  };
}
