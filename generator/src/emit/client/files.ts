/**
 * The non-TypeScript files of the client package, rendered from `templates/client/*.hbs` with
 * plain view objects: `package.json`, `tsconfig.json`, `README.md`, `api.md`.
 *
 * README code examples are built from the model so that they type-check against the package: only
 * operations whose required inputs are scalars (or enums) get an example call.
 */
import { allResources, clientNames, methodAccess, methodArguments, type ResourceNode, type WebhookEventNames } from '../../model/client-names.js';
import { errorClassFor } from '../../model/error-classes.js';
import {
  clientContent,
  errorResponses,
  listEnums,
  methodAndPath,
  otherParameters,
  parameterOptional,
  pathParameters,
  webhookSignature,
} from '../../model/queries.js';
import type { Api, Operation, Pagination, Schema, SecurityScheme, Server } from '../../model/types.js';
import { licenseFile, packageMetadata, tsdownConfigFile } from '../package-info.js';
import { markdownCode, renderTemplate } from '../templates.js';
import type { EmitOptions, EmittedFile } from '../types.js';
import { resolveBaseUrl } from '../../../runtime/wire.js';
import { defaultBaseUrl, knownSchemes } from './client.js';
import { returnText, signatureText } from './operation.js';
import { pollSummary } from './poll-method.js';
import { webhookEvents } from '../../model/webhook-events.js';
import { headingAnchors } from './readme-anchors.js';
import { bannerLine, firstLine, lineCommentText, literalKey, literalType, quotedString } from '../text.js';

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

/** `{ a: 'x', b: 1 }` of an operation's required query, header and cookie parameters (`''` when none is required), or undefined when one is not scalar. */
function paramsExample(api: Api, op: Operation): string | undefined {
  const required = otherParameters(op).filter((p) => !parameterOptional(p));
  const parts: string[] = [];
  for (const p of required) {
    const v = exampleValue(api, p.schema);
    if (v === undefined || !/^[A-Za-z_$][\w$]*$/.test(p.name)) return undefined;
    parts.push(`${literalKey(p.name)}: ${v}`);
  }
  return parts.length === 0 ? '' : `{ ${parts.join(', ')} }`;
}

/** An example call `client.a.b.list('id', { … })` needing no body (path arguments first, D40), or undefined when an argument is not scalar. */
function callExample(api: Api, op: Operation, access: ReadonlyMap<Operation, string>): string | undefined {
  const bodyRequired = op.requestBody?.required === true;
  if (bodyRequired) return undefined;
  const args: string[] = [];
  for (const a of methodArguments(op).path) {
    const v = exampleValue(api, a.parameter.schema);
    if (v === undefined) return undefined;
    args.push(v);
  }
  const params = paramsExample(api, op);
  if (params === undefined) return undefined;
  if (params !== '') args.push(params);
  return `${access.get(op) ?? ''}(${args.join(', ')})`;
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
    const schema = clientContent(op?.requestBody?.contents ?? [])?.schema;
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
    signature: signatureText(api, op, access.slice(access.lastIndexOf('.') + 1)),
    returns: returnText(api, op),
    method: op.method.toUpperCase(),
    path: op.path,
    operationId: op.operationId,
    summary: firstLine(op.summary ?? op.description),
    deprecated: op.deprecated === true,
    paginated: op.pagination !== undefined,
    types: [op.names.params, op.names.query, op.names.body, op.names.response, op.names.error].filter((n) => n !== undefined).join(', '),
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

/** Extensions that mark an operation as not generally available (any truthy value). */
const PREVIEW_EXTENSIONS = ['x-beta', 'x-experimental', 'x-preview', 'x-feature-flag', 'x-internal'] as const;

/**
 * An operation the README's automatic examples show only when nothing else fits: deprecated, inferred (`x-inferred:
 * true`: its shapes are a guess) or marked as a preview (`x-beta`, `x-experimental`, `x-preview`, `x-feature-flag`,
 * `x-internal`).
 */
function provisional(op: Operation): boolean {
  return op.deprecated === true || op.inferred === true || PREVIEW_EXTENSIONS.some((key) => Boolean(op.extensions[key]));
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
  // Operations for the examples, best first: generally available before provisional ones, then those the quick
  // start's credentials cover; deprecated ones never.
  const ranked = (keep: (op: Operation) => boolean): Operation[] => [
    ...api.operations.filter((op) => keep(op) && covered(op) && preferBearer(op)),
    ...api.operations.filter((op) => keep(op) && !(covered(op) && preferBearer(op))),
  ];
  const usable = [...ranked((op) => !provisional(op)), ...ranked((op) => op.deprecated !== true && provisional(op))];
  const listOp = usable.find((op) => op.pagination !== undefined && call(op) !== undefined);
  // The automatic quick start iterates a top-level collection (a list without path parameters) when there is one.
  const quickListOp = usable.find((op) => op.pagination !== undefined && !provisional(op) && op.parameters.path.length === 0 && call(op) !== undefined);
  const getOp =
    usable.find((op) => op.method === 'get' && op.pagination === undefined && pathParameters(op).length > 0 && call(op) !== undefined) ??
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
    leanBaseUrl: quotedString(exampleBaseUrl(api.servers)),
    quickBaseUrl: quickBaseUrl(api.servers),
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
    quickStart: options.readme?.quickStart,
    quickList: quickListOp === undefined ? undefined : { call: call(quickListOp), route: lineCommentText(methodAndPath(quickListOp)) },
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
            event: names.webhookEvent?.union ?? api.webhookPayload,
            hmac: sig.scheme === 'hmac',
            standard:
              sig.scheme === 'standard-webhooks'
                ? { idHeader: sig.idHeader, timestampHeader: sig.timestampHeader, signatureLine: `${sig.header}: v1,<base64>` }
                : undefined,
            timestamped: sig.scheme === 'timestamped',
            tolerance: sig.toleranceSeconds ?? 300,
            events: webhookEventsView(api, names.webhookEvent),
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
 * (at most 3 types), each with the type it narrows to (`more`: there are others); with one payload type whose
 * property is an enum, the values (`values`). With an open enum of event names (`events`, D45) the types are the
 * union's members and `unknown` names the member of unlisted names. Undefined when the payloads pin no event type.
 */
function webhookEventsView(
  api: Api,
  events: WebhookEventNames | undefined,
): { property: string; cases?: Array<{ value: string; type: string }>; types?: string; more?: boolean; values?: string; unknown?: string } | undefined {
  const found = webhookEvents(api);
  if (found === undefined) return undefined;
  const named =
    events === undefined
      ? found.cases
      : events.members.flatMap((m) =>
          m.value !== undefined
            ? [{ value: m.value, type: m.type }]
            : found.cases.filter((c) => c.type === m.source.hook.identifier).map((c) => ({ value: c.value, type: m.type })),
        );
  // Only values that read the same in a code span and a string literal (no quotes, backticks, escapes).
  const all = named.filter((c) => /^[\w.:/-]{1,80}$/.test(c.value));
  if (all.length === 0) return undefined;
  const unknown = events === undefined ? {} : { unknown: events.unknown };
  const types = [...new Set(all.map((c) => c.type))];
  if (types.length === 1) return { property: found.property, values: all.map((c) => `\`'${c.value}'\``).join(', '), ...unknown };
  const cases: Array<{ value: string; type: string }> = [];
  for (const c of all) if (!cases.some((x) => x.type === c.type) && cases.length < 3) cases.push(c);
  return {
    property: found.property,
    cases,
    types: cases.map((c) => c.type).join(', '),
    more: types.length > cases.length,
    ...unknown,
  };
}

/** Whether the client takes `url` as its base URL in Node: the runtime's own rule (runtime/wire.ts `resolveBaseUrl`). */
function usableBaseUrl(url: string): boolean {
  return url !== '' && resolveBaseUrl(url).problem === undefined;
}

/**
 * The base URL the README's examples pass: the first server when the client can use it; else another server it can
 * use; else the first one repaired where that is plain (a protocol-relative `//host/v1` over https, an absolute URL
 * without its query or fragment, a relative `/api/v3` on `https://api.example.com`); else `https://api.example.com`.
 */
function exampleBaseUrl(servers: Server[]): string {
  const urls = servers.map((s) => defaultBaseUrl([s]));
  const first = urls[0] ?? '';
  const segments = first.replace(/^\.?\//, '').split('/');
  const candidates = [
    ...urls,
    first.startsWith('//') ? `https:${first}` : '',
    /^https?:\/\//i.test(first) ? first.replace(/[?#].*$/s, '') : '',
    /^https?:\/\//i.test(first) ? first.replace(/^(https?:\/\/)[^/?#]*@/i, '$1') : '',
    /^[\w.~%!$&()*+,;=@/-]*$/.test(first) && !first.startsWith('//') && !segments.some((x) => x === '.' || x === '..')
      ? `https://api.example.com${segments.join('/') === '' ? '' : `/${segments.join('/')}`}`
      : '',
  ];
  return candidates.find(usableBaseUrl) ?? 'https://api.example.com';
}

const CREDENTIALS = 'holds credentials, which fetch refuses';

/**
 * The README's words for why the client refuses a server URL, by what runtime/wire.ts `resolveBaseUrl` says (one rule,
 * the runtime's; its messages name the URL and what to pass instead, which the README's comment puts otherwise). A URL
 * it calls relative, or empty (`/`), is relative.
 */
const BASE_URL_REFUSALS: ReadonlyArray<readonly [RegExp, string]> = [
  [/brace in its host/, 'has a variable without a default'],
  [/holds credentials/, CREDENTIALS],
  [/query or fragment/, 'has a query or fragment (every request appends its path to the base URL)'],
  [/is not an http\(s\) URL/, 'is not an http(s) URL'],
  [/has no scheme/, 'has no scheme'],
  [/is not a valid URL/, 'is not a URL the client can use'],
];

/**
 * The `baseUrl` the README's quick start passes ({@link exampleBaseUrl}), with the comment saying why, when the client's
 * default (the first server) would not work in Node. Undefined when it works.
 */
function quickBaseUrl(servers: Server[]): { literal: string; note: string } | undefined {
  const url = defaultBaseUrl(servers);
  if (usableBaseUrl(url)) return undefined;
  const raw = servers[0]?.url ?? '';
  // The URL is shown when it cannot end the comment or the README's code fence.
  const at = `The spec's server URL${/^[\w.~%!$&()*+,;=:@/{}?#[\]-]{1,200}$/.test(raw) ? ` ${raw}` : ''}`;
  const problem = resolveBaseUrl(url).problem ?? '';
  const reason = BASE_URL_REFUSALS.find(([said]) => said.test(problem))?.[1] ?? 'is relative (a browser page resolves it; Node cannot)';
  const why = servers.length === 0 ? 'The spec declares no server' : reason === CREDENTIALS ? `The spec's server URL ${reason}` : `${at} ${reason}`;
  return { literal: quotedString(exampleBaseUrl(servers)), note: lineCommentText(`${why}: give the API's base URL.`) };
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
    { path: 'README.md', kind: 'md', contents: renderReadme(view, options) },
    { path: 'api.md', kind: 'md', contents: renderTemplate('client/api.md.hbs', view) },
    licenseFile(options, options.clientPackageName),
  ];
}

/**
 * README.md: the template rendered with the view, plus the config's recipes (D44) under `## Recipes` with a table of
 * contents. The anchors of the contents are read from a first rendering (the contents add no heading, so they hold in
 * the second).
 */
function renderReadme(view: object, options: EmitOptions): string {
  const recipes = options.readme?.recipes;
  if (recipes === undefined || recipes.length === 0) return renderTemplate('client/README.md.hbs', view);
  const items = recipes.map((r) => ({ title: r.title, body: r.body }));
  const draft = renderTemplate('client/README.md.hbs', { ...view, recipes: { items, toc: [] } });
  const headings = headingAnchors(draft);
  const start = headings.findIndex((h) => h.level === 2 && h.text === 'Recipes');
  const level3 = headings.slice(start + 1).filter((h) => h.level === 3);
  const toc = items.map((r, i) => ({ title: r.title, anchor: level3[i]?.anchor ?? '' }));
  return renderTemplate('client/README.md.hbs', { ...view, recipes: { items, toc } });
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
