/**
 * The non-TypeScript files of the client package, rendered from `templates/client/*.hbs` with
 * plain view objects: `package.json`, `tsconfig.json`, `README.md`, `api.md`.
 *
 * README code examples are built from the model so that they type-check against the package: only
 * operations whose required inputs are scalars (or enums) get an example call.
 */
import { clientNames } from '../../model/client-names.js';
import { errorResponses, listEnums, methodAndPath, orderedParameters, parameterOptional, webhookSignature } from '../../model/queries.js';
import type { Api, Operation, Pagination, Schema, SecurityScheme } from '../../model/types.js';
import { licenseFile, packageMetadata, tsdownConfigFile } from '../package-info.js';
import { markdownCode, renderTemplate } from '../templates.js';
import type { EmitOptions, EmittedFile } from '../types.js';
import { defaultBaseUrl, knownSchemes } from './client.js';
import { errorClassFor, returnText, signatureText } from './operation.js';
import { pollSummary } from './poll-method.js';
import { allResources, methodAccess, type ResourceNode } from './resources-tree.js';
import { webhookEvents } from './extras.js';
import { bannerLine, lineCommentText, literalKey, literalType, quotedString } from '../text.js';

/** The first line of `text` (any line ending: CRLF, CR, LF, U+2028, U+2029), trimmed. */
function firstLine(text: string | undefined): string {
  return (text ?? '').split(/\r\n?|[\n\u2028\u2029]/)[0]?.trim() ?? '';
}

/** A TypeScript literal for a scalar schema (examples, enum values, defaults), or undefined when not scalar. */
export function exampleValue(api: Api, schema: Schema, depth = 0): string | undefined {
  if (depth > 5) return undefined;
  const example = schema.examples?.[0];
  switch (schema.kind) {
    case 'ref': {
      const named = api.schemas.get(schema.target);
      return named === undefined ? undefined : exampleValue(api, named.schema, depth + 1);
    }
    case 'enum': {
      const v = schema.values[0];
      return v === undefined ? undefined : typeof v === 'string' ? quotedString(v) : literalType(v);
    }
    case 'string':
      if (schema.binary) return undefined;
      return `'${typeof example === 'string' && /^[\w .:@/-]*$/.test(example) ? example : 'example'}'`;
    case 'integer':
    case 'number':
      return typeof example === 'number' ? String(example) : '1';
    case 'boolean':
      return 'true';
    default:
      return undefined;
  }
}

/** `{ a: 'x', b: 1 }` of an operation's required parameters, or undefined when one is not scalar. */
function paramsExample(api: Api, op: Operation): string | undefined {
  const required = orderedParameters(op).filter((p) => !parameterOptional(p));
  const parts: string[] = [];
  for (const p of required) {
    const v = exampleValue(api, p.schema);
    if (v === undefined || !/^[A-Za-z_$][\w$]*$/.test(p.name)) return undefined;
    parts.push(`${literalKey(p.name)}: ${v}`);
  }
  return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
}

/** An example call `client.a.b.list({ … })` needing no body, or undefined. */
function callExample(api: Api, op: Operation, access: ReadonlyMap<Operation, string>): string | undefined {
  const bodyRequired = op.requestBody?.required === true;
  if (bodyRequired) return undefined;
  const hasParams = orderedParameters(op).length > 0;
  const args = hasParams ? paramsExample(api, op) : '';
  if (args === undefined) return undefined;
  return `${access.get(op) ?? ''}(${args === '{}' && !orderedParameters(op).some((p) => !parameterOptional(p)) ? '' : args})`;
}

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function authExample(api: Api, scheme: SecurityScheme): string | undefined {
  if (scheme.type === 'http' && scheme.scheme === 'basic') return "{ username: 'user', password: 'password' }";
  if (scheme.type === 'apiKey') return "'api-key'";
  const t = scheme.tokenEndpoint;
  if (t !== undefined) {
    const op = api.operations.find((o) => o.operationId === t.operationId);
    const schema = op?.requestBody?.contents[0]?.schema;
    const resolved = schema?.kind === 'ref' ? api.schemas.get(schema.target)?.schema : schema;
    if (resolved?.kind === 'object') {
      const parts: string[] = [];
      for (const prop of resolved.properties.filter((p) => p.required)) {
        const v = exampleValue(api, prop.schema);
        if (v === undefined || !/^[A-Za-z_$][\w$]*$/.test(prop.name)) return "'token'";
        parts.push(`${prop.name}: ${v}`);
      }
      if (parts.length > 0) return `{ ${parts.join(', ')} }`;
    }
  }
  return "'token'";
}

interface MethodView {
  access: string;
  signature: string;
  returns: string;
  method: string;
  path: string;
  operationId: string;
  summary: string;
  deprecated: boolean;
  paginated: boolean;
  types: string;
  errors: string;
}

function methodView(api: Api, op: Operation, access: string): MethodView {
  const errors = [...new Set(errorResponses(op).map((r) => `${errorClassFor(r.status)} (${r.status})`))].join(', ');
  return {
    access,
    signature: signatureText(op, access.slice(access.lastIndexOf('.') + 1)),
    returns: returnText(api, op),
    method: op.method.toUpperCase(),
    path: op.path,
    operationId: op.operationId,
    summary: firstLine(op.summary ?? op.description),
    deprecated: op.deprecated === true,
    paginated: op.pagination !== undefined,
    types: [op.names.params, op.names.body, op.names.response, op.names.error].filter((n) => n !== undefined).join(', '),
    errors,
  };
}

/** The row of an `…AndPoll` method: its signature and return type, what it calls and waits for, the errors of both calls. */
function pollView(api: Api, op: Operation, access: string, startName: string): MethodView | undefined {
  const read = op.poll === undefined ? undefined : api.operations.find((o) => o.operationId === op.poll?.operationId);
  if (op.poll === undefined || read === undefined) return undefined;
  const base = methodView(api, op, access);
  const errors = [...new Set([...errorResponses(op), ...errorResponses(read)].map((r) => `${errorClassFor(r.status)} (${r.status})`))].join(', ');
  return {
    ...base,
    returns: `Promise<${read.names.response}>`,
    summary: pollSummary(op.poll, startName, methodAndPath(read)),
    types: [op.names.params, op.names.body, read.names.response].filter((n) => n !== undefined).join(', '),
    errors: [errors, 'PollTimeoutError'].filter((e) => e !== '').join(', '),
  };
}

function resourceViews(api: Api, root: ResourceNode): Array<{ access: string; className: string; file: string; methods: MethodView[] }> {
  const nodes = [root, ...allResources(root)].filter((n) => n.operations.length > 0);
  return nodes.map((n) => ({
    access: n.access,
    className: n.className,
    file: n.file,
    methods: n.operations.flatMap((op, i) => {
      const name = n.methodNames[i] ?? op.methodName;
      const pollName = n.pollMethodNames[i];
      const waiting = pollName === undefined ? undefined : pollView(api, op, `${n.access}.${pollName}`, name);
      return [methodView(api, op, `${n.access}.${name}`), ...(waiting !== undefined ? [waiting] : [])];
    }),
  }));
}

/** The view both the README and api.md render. */
export function clientView(api: Api, root: ResourceNode, options: EmitOptions): object {
  const names = clientNames(api, options.clientName);
  const known = knownSchemes(api);
  const access = methodAccess(root);
  const call = (op: Operation): string | undefined => callExample(api, op, access);
  const schemes = api.securitySchemes.filter((s) => known.has(s.key));
  // The quick start authenticates like most callers will: with the token endpoint's flow when the
  // spec declares one (its credentials scheme plus the token request), else the first scheme.
  const tokenScheme = schemes.find((s) => s.tokenEndpoint !== undefined);
  const credentialsScheme = schemes.find((s) => s.key === tokenScheme?.tokenEndpoint?.credentialsScheme);
  const quick = tokenScheme !== undefined ? [...(credentialsScheme !== undefined ? [credentialsScheme] : []), tokenScheme] : schemes.slice(0, 1);
  const quickKeys = new Set(quick.map((s) => s.key));
  const covered = (op: Operation): boolean => op.security.length === 0 || op.security.some((alt) => alt.every((r) => quickKeys.has(r.scheme)));
  const preferBearer = (op: Operation): boolean => tokenScheme === undefined || op.security.some((alt) => alt.some((r) => r.scheme === tokenScheme.key));
  const usable = [
    ...api.operations.filter((op) => op.deprecated !== true && covered(op) && preferBearer(op)),
    ...api.operations.filter((op) => op.deprecated !== true && !(covered(op) && preferBearer(op))),
  ];
  const listOp = usable.find((op) => op.pagination !== undefined && call(op) !== undefined);
  const getOp =
    usable.find((op) => op.method === 'get' && op.pagination === undefined && orderedParameters(op).some((p) => p.in === 'path') && call(op) !== undefined) ??
    usable.find((op) => op.method === 'get' && call(op) !== undefined);
  const listItem = listOp?.pagination?.itemSchema;
  const sig = webhookSignature(api);
  const enums = listEnums(api);
  const firstEnum = enums[0];
  const firstTop = root.children[0];
  return {
    specPath: options.specPath,
    command: options.command,
    packageName: options.clientPackageName,
    typesPackageName: options.typesPackageName,
    clientName: names.client,
    authType: names.auth,
    optionsType: names.options,
    title: api.title,
    apiName: names.apiName,
    baseClass: names.base,
    version: api.version,
    baseUrl: defaultBaseUrl(api.servers),
    leanBaseUrl: leanBaseUrl(defaultBaseUrl(api.servers)),
    auth: schemes.map((s) => ({
      key: s.key,
      entryKey: literalKey(s.key),
      type: s.type === 'http' ? `HTTP ${s.scheme ?? ''}` : s.type === 'apiKey' ? `API key (${s.in} \`${s.paramName}\`)` : s.type,
      example: authExample(api, s),
      summary: s.description ?? '',
      tokenEndpoint: s.tokenEndpoint === undefined ? undefined : `${s.tokenEndpoint.method.toUpperCase()} ${s.tokenEndpoint.path}`,
    })),
    hasTokenEndpoint: tokenScheme !== undefined,
    quickAuth:
      quick.length === 0
        ? undefined
        : quick.map((s) => ({
            entry: `${literalKey(s.key)}: ${authExample(api, s) ?? "'token'"}`,
            notes:
              s.tokenEndpoint === undefined
                ? []
                : wrapWords(
                    lineCommentText(
                      `${s.key}: the body of ${s.tokenEndpoint.method.toUpperCase()} ${s.tokenEndpoint.path}; the client requests the token with ${s.tokenEndpoint.credentialsScheme}, caches it and renews it (a string here is a ready token instead).`,
                    ),
                    88,
                  ),
          })),
    getExample:
      getOp === undefined ? undefined : { call: call(getOp), onClient: call(getOp)?.slice('client.'.length), route: lineCommentText(methodAndPath(getOp)) },
    listExample:
      listOp === undefined
        ? undefined
        : {
            call: call(listOp),
            route: lineCommentText(methodAndPath(listOp)),
            item: listItem?.kind === 'ref' ? api.schemas.get(listItem.target)?.identifier : undefined,
            nextPage:
              listOp.pagination === undefined
                ? undefined
                : wrapWords(`For ${markdownCode(methodAndPath(listOp), false)}, ${nextPageSentence(listOp.pagination)}`, 100).join('\n'),
          },
    webhooks:
      sig === undefined
        ? undefined
        : {
            header: sig.header,
            idempotencyHeader: sig.idempotencyHeader,
            algorithm: sig.algorithm.toUpperCase(),
            encoding: sig.encoding,
            prefix: sig.prefix,
            challenge:
              sig.challenge === undefined
                ? undefined
                : { method: sig.challenge.method.toUpperCase(), header: sig.challenge.challengeHeader, verifyTokenHeader: sig.challenge.verifyTokenHeader },
            event: api.webhookPayload,
            hmac: sig.scheme === 'hmac',
            standard:
              sig.scheme === 'standard-webhooks'
                ? { idHeader: sig.idHeader, timestampHeader: sig.timestampHeader, signatureLine: `${sig.header}: v1,<base64>` }
                : undefined,
            timestamped: sig.scheme === 'timestamped',
            tolerance: sig.toleranceSeconds ?? 300,
            events: webhookEventsView(api),
          },
    enumExample: firstEnum === undefined ? undefined : { values: names.enumValues.get(firstEnum.key), type: firstEnum.identifier },
    resources: resourceViews(api, root),
    firstResource:
      firstTop === undefined
        ? undefined
        : { className: firstTop.className, module: firstTop.file.replace(/^src\/resources\//, '').replace(/\.ts$/, ''), variable: 'resource' },
  };
}

/**
 * What the README says of event types: with payload types told apart by a property, that property and the first cases
 * (at most 3 payload types), each with the type it narrows to (`more`: there are others); with one payload type whose
 * property is an enum, the values (`values`). Undefined when the payloads pin no event type.
 */
function webhookEventsView(
  api: Api,
): { property: string; cases?: Array<{ value: string; type: string }>; types?: string; more?: boolean; values?: string } | undefined {
  const found = webhookEvents(api);
  // Only values that read the same in a code span and a string literal (no quotes, backticks, escapes).
  const all = found?.cases.filter((c) => /^[\w.:/-]{1,80}$/.test(c.value)) ?? [];
  if (found === undefined || all.length === 0) return undefined;
  const types = [...new Set(all.map((c) => c.type))];
  if (types.length === 1) return { property: found.property, values: all.map((c) => `\`'${c.value}'\``).join(', ') };
  const cases: Array<{ value: string; type: string }> = [];
  for (const c of all) if (!cases.some((x) => x.type === c.type) && cases.length < 3) cases.push(c);
  return {
    property: found.property,
    cases,
    types: cases.map((c) => c.type).join(', '),
    more: types.length > cases.length,
  };
}

/**
 * The base URL the README's lean-core example passes (the lean core has no spec default): the spec's first server
 * when it is an absolute http(s) URL a string literal can hold as is, else `https://api.example.com`.
 */
function leanBaseUrl(url: string): string {
  return /^https?:\/\/[^'\\\s]+$/.test(url) ? url : 'https://api.example.com';
}

/** `package.json`, `tsconfig.json`, `README.md`, `api.md`. */
export function clientPackageFiles(api: Api, root: ResourceNode, options: EmitOptions): EmittedFile[] {
  const version = options.existingVersions.client ?? '0.0.0';
  const packageView = {
    packageName: options.clientPackageName,
    version,
    description: `TypeScript client for the ${clientNames(api, options.clientName).apiName}, generated from its OpenAPI document`,
    typesPackageName: options.typesPackageName,
    typesRange: options.typesDependencyRange ?? version,
    generateScript: options.generateScripts?.client,
    webhooks: webhookSignature(api) !== undefined,
    enums: listEnums(api).length > 0,
    resources: root.children.length > 0,
    metadata: packageMetadata(options, 'client'),
  };
  const view = clientView(api, root, options);
  return [
    { path: 'package.json', kind: 'json', contents: renderTemplate('client/package.json.hbs', packageView) },
    { path: 'tsconfig.json', kind: 'json', contents: renderTemplate('client/tsconfig.json.hbs', {}) },
    tsdownConfigFile('client', bannerLine(options)),
    { path: 'README.md', kind: 'md', contents: renderTemplate('client/README.md.hbs', view) },
    { path: 'api.md', kind: 'md', contents: renderTemplate('client/api.md.hbs', view) },
    licenseFile(options, options.clientPackageName),
  ];
}

/** How the client asks for the next page of a paginated operation, for the README (one sentence). */
export function nextPageSentence(p: Pagination): string {
  const where = p.in === 'body' ? 'in the request body' : 'in the query';
  // Names of parameters, or JSON pointers into the body shown without their leading slash.
  const code = (name: string | undefined): string => markdownCode((name ?? '?').replace(/^\//, ''), false);
  switch (p.style) {
    case 'page':
      return p.nextField !== undefined
        ? `the next page is the same request with ${code(p.pageParam)} ${where} set to the page number in the body's ${code(p.nextField)} (when that holds a URL: its ${code(p.pageParam)} query parameter, else the page number plus one); there is none when it is empty.`
        : `the next page is the same request with ${code(p.pageParam)} ${where} plus one, until a page comes back empty${p.countField !== undefined ? ` or ${code(p.countField)} items have been listed` : ''}.`;
    case 'offset':
      return `the next page is the same request with ${code(p.pageParam)} ${where} advanced by the number of items received, until a page comes back empty${p.countField !== undefined ? ` or ${code(p.countField)} is reached` : ''}.`;
    case 'cursor':
      return `the next page is the same request with ${code(p.cursorParam ?? p.pageParam)} ${where} set to the body's ${code(p.nextField)}; there is none when that is empty.`;
    case 'next-link':
      return p.nextField !== undefined
        ? `the next page is the URL in the body's ${code(p.nextField)}, requested as it is (header and cookie parameters kept).`
        : 'the next page is the `rel="next"` URL of the `Link` response header, requested as it is (header and cookie parameters kept).';
  }
}
