/**
 * `src/client.ts`: the root client class (named `options.clientName`), its options and auth types,
 * the spec-derived configuration (base URL, security schemes with the token endpoint), lazily
 * created resource getters, and the typed `request(method, path, { params, body })`.
 * Its types come from the runtime's `src/core/request-types.ts` (the same in every client).
 */
import { PARAMETER_LOCATIONS, pickDocs } from '../../model/queries.js';
import { clientNames, type ResourceNode } from '../../model/client-names.js';
import type { Api, SecurityScheme, Server } from '../../model/types.js';
import {
  type BodyStatement,
  type ClassMember,
  type Expression,
  type ObjectProperty,
  SUPER,
  THIS,
  array,
  as,
  call,
  id,
  lit,
  member,
  object,
  prop,
  recordProperty,
  ret,
  str,
} from '../ts/code.js';
import { commentFromDocs, commentFromText, generic, literal, type Member, name, NULL, objectOf, type Statement, type TypeNode, unionOf } from '../ts/nodes.js';
import { printFile } from '../ts/printer.js';
import { bannerLine, propertyKey, stringLiteral } from '../text.js';
import { jsDocComment, jsDocText } from '../tsdoc.js';
import type { EmitOptions, EmittedFile } from '../types.js';
import { CORE, requestParamSpec, securityAlternatives, securityArray } from './operation.js';
import { clientAppliesScheme } from '../../model/auth.js';
import { childAccessors, resourceMethods } from './resources.js';
import { ImportScope } from '../imports.js';

const UNDEFINED = name('undefined');

/** The runtime's `SecuritySchemeSpec` literal for a scheme, or undefined when the runtime cannot apply it. */
export function schemeSpec(scheme: SecurityScheme): Expression | undefined {
  if (scheme.type === 'http' && scheme.scheme === 'basic') return object([prop('type', str('http')), prop('scheme', str('basic'))]);
  if ((scheme.type === 'http' && scheme.scheme === 'bearer') || scheme.type === 'oauth2' || scheme.type === 'openIdConnect') {
    const t = scheme.tokenEndpoint;
    const bearer = [prop('type', str('http')), prop('scheme', str('bearer'))];
    if (t === undefined) return object(bearer);
    const parts = [
      prop('method', str(t.method)),
      prop('path', str(t.path)),
      prop('credentialsScheme', str(t.credentialsScheme)),
      prop('tokenField', str(t.tokenField)),
    ];
    if (t.requestFields !== undefined) parts.push(prop('requestFields', array(t.requestFields.map(str))));
    if (t.lifetimeSeconds !== undefined) parts.push(prop('lifetimeSeconds', lit(`${t.lifetimeSeconds}`)));
    if (t.slidingExpiry !== undefined) parts.push(prop('slidingExpiry', lit(`${t.slidingExpiry}`)));
    return object([...bearer, prop('tokenEndpoint', object(parts))]);
  }
  if (scheme.type === 'apiKey' && scheme.in !== undefined && scheme.paramName !== undefined) {
    return object([prop('type', str('apiKey')), prop('in', str(scheme.in)), prop('name', str(scheme.paramName))]);
  }
  return undefined;
}

/** Scheme keys the emitted client can apply (model/auth.ts `clientAppliesScheme`). */
export function knownSchemes(api: Api): Set<string> {
  return new Set(api.securitySchemes.filter((s) => clientAppliesScheme(s)).map((s) => s.key));
}

/** The spec's first server URL with its variables set to their defaults (no trailing slash); `''` without servers. */
export function defaultBaseUrl(servers: Server[]): string {
  const first = servers[0];
  if (first === undefined) return '';
  return first.url.replace(/\{([^}]+)\}/g, (whole, name: string) => first.variables[name]?.default ?? whole).replace(/\/+$/, '');
}

/** The credential types a scheme takes (a token endpoint's body besides a credential). */
function authMemberTypes(api: Api, scheme: SecurityScheme, scope: ImportScope, options: EmitOptions): TypeNode[] {
  if (scheme.type === 'http' && scheme.scheme === 'basic') return [name(scope.type(CORE.types, 'BasicCredentials'))];
  // Imported only here, past Basic: a document whose schemes are all Basic would import it unused (TS6196).
  const credential = name(scope.type(CORE.types, 'Credential'));
  const t = scheme.tokenEndpoint;
  if (t !== undefined) {
    const op = api.operations.find((o) => o.operationId === t.operationId);
    const body = op?.names.body;
    return [
      credential,
      body !== undefined
        ? name(scope.packageType(options.typesPackageName, body))
        : generic('Readonly', [generic('Record', [name('string'), name('unknown')])]),
    ];
  }
  return [credential];
}

function authMemberDoc(scheme: SecurityScheme): string {
  const how =
    scheme.type === 'http' && scheme.scheme === 'basic'
      ? 'HTTP Basic: `{ username, password }`.'
      : scheme.type === 'apiKey'
        ? `API key sent in the ${scheme.in} \`${scheme.paramName}\`: the value, or a function returning it (may be async).`
        : scheme.tokenEndpoint !== undefined
          ? `Bearer token: a token, a function returning one (may be async), or the body of \`${scheme.tokenEndpoint.method.toUpperCase()} ${scheme.tokenEndpoint.path}\` (${(scheme.tokenEndpoint.requestFields ?? []).map((f) => `\`${f}\``).join(', ')}): the client then obtains the token with \`${scheme.tokenEndpoint.credentialsScheme}\`, caches it and renews it.`
          : 'Bearer token: the token, or a function returning it (may be async).';
  return jsDocText(pickDocs(scheme, ['description']), { lead: [`\`${scheme.key}\` security scheme. ${how}`] });
}

/** The entries of the base class's `PARAMETERS`: per operation (`method path`), its parameters sent otherwise than by default. */
function parameterStyles(api: Api): ObjectProperty[] {
  const out: ObjectProperty[] = [];
  for (const op of api.operations) {
    const entries = PARAMETER_LOCATIONS.flatMap((location) => op.parameters[location]).flatMap((p) => {
      const spec = requestParamSpec(p);
      return spec === undefined ? [] : [prop(stringLiteral(`${p.in} ${p.name}`), spec)];
    });
    if (entries.length > 0) out.push(prop(stringLiteral(`${op.method} ${op.path}`), object(entries)));
  }
  return out;
}

/**
 * The body of the base class's `request(first, second, third, fourth)` implementation: a descriptor passed on as it
 * is, or a call by method and path turned into one by the runtime's `pathOperation` (with the operation's security and
 * parameter styles from the tables above), under the local names of the core's `RequestOptions`, `pathOperation` and
 * `PathRequestInit`.
 */
function requestByPath({
  requestOptions,
  pathOperation,
  pathRequestInit,
}: {
  requestOptions: TypeNode;
  pathOperation: string;
  pathRequestInit: TypeNode;
}): BodyStatement[] {
  const first = id('first');
  const options = as(id('fourth'), unionOf([requestOptions, UNDEFINED]));
  const key = id('key');
  const lookup = (table: string): Expression => ({ kind: 'index', object: id(table), index: key });
  return [
    {
      kind: 'if',
      test: { kind: 'binary', operator: '!==', left: { kind: 'typeof', argument: first }, right: str('string') },
      consequent: ret(call(member(SUPER, 'request'), [first, as(id('second'), unionOf([requestOptions, UNDEFINED]))])),
    },
    { kind: 'const', binding: 'path', init: as(id('second'), name('string')) },
    { kind: 'const', binding: 'key', init: { kind: 'template', text: '`${first} ${path}`' } },
    {
      kind: 'const',
      binding: 'op',
      init: call(id(pathOperation), [
        first,
        id('path'),
        as(id('third'), unionOf([pathRequestInit, UNDEFINED])),
        { kind: 'binary', operator: '??', left: lookup('SECURITY'), right: id('DEFAULT_SECURITY') },
        lookup('PARAMETERS'),
      ]),
    },
    ret(call(member(SUPER, 'request'), [id('op'), options])),
  ];
}

/**
 * `src/base.ts`: the auth and options types, the spec-derived configuration, and the base class
 * (`<Client>Base extends ClientCore`: constructor, `withOptions`, typed `request()`), with no
 * resources: `new Extracts(new ImprovadoBase({ auth }))` bundles one resource only.
 */
export function baseFile(api: Api, options: EmitOptions, known: ReadonlySet<string>): EmittedFile {
  const names = clientNames(api, options.clientName);
  const className = names.base;
  const authName = names.auth;
  const optionsName = names.options;
  const scope = new ImportScope('src/base.ts', [className, authName, optionsName, 'CONFIG', 'SECURITY', 'DEFAULT_SECURITY', 'PARAMETERS']);
  const clientCore = scope.value(CORE.client, 'ClientCore');
  const clientOptions = name(scope.type(CORE.types, 'ClientOptions'));
  const clientConfig = name(scope.type(CORE.types, 'ClientConfig'));
  const requestOptions = name(scope.type(CORE.types, 'RequestOptions'));
  const operationType = name(scope.type(CORE.types, 'Operation'));
  const apiPromise = scope.type(CORE.apiPromise, 'APIPromise');
  const paths = name(scope.packageType(options.typesPackageName, 'paths'));
  const pathsWith = scope.type(CORE.requestTypes, 'PathsWith');
  const operationAt = scope.type(CORE.requestTypes, 'OperationAt');
  const requestArgs = scope.type(CORE.requestTypes, 'RequestArgs');
  const responseData = scope.type(CORE.requestTypes, 'ResponseData');
  const httpMethod = name(scope.type(CORE.types, 'HttpMethod'));
  const paramSpec = name(scope.type(CORE.types, 'ParamSpec'));
  const pathOperation = scope.value(CORE.serialize, 'pathOperation');
  const pathRequestInit = name(scope.type(CORE.serialize, 'PathRequestInit'));

  // Auth option type: one optional member per scheme the runtime can apply.
  const schemes = api.securitySchemes.filter((s) => known.has(s.key));
  // `null` removes a credential in `withOptions` (`undefined` keeps it).
  const authMembers: Member[] = schemes.map((s) => ({
    kind: 'property',
    key: propertyKey(s.key),
    optional: true,
    type: unionOf([...authMemberTypes(api, s, scope, options), NULL, UNDEFINED]),
    docs: commentFromText(authMemberDoc(s))!,
  }));
  const authAlias: Statement = {
    kind: 'alias',
    name: authName,
    exported: true,
    docs: commentFromDocs(
      "Credentials by security scheme key (the spec's `components.securitySchemes`). Each call uses the first of its operation's security alternatives the credentials cover. In `withOptions`, credentials merge per key: `undefined` keeps the client's, `null` removes it.",
    ),
    type: objectOf(authMembers),
  };
  const hasToken = schemes.some((s) => s.tokenEndpoint !== undefined);
  const tokenProvider = hasToken ? scope.value('src/core/token-provider.ts', 'createTokenProvider') : undefined;

  const config = [
    prop('baseUrl', str(defaultBaseUrl(api.servers))),
    prop('securitySchemes', object(schemes.map((s) => recordProperty(s.key, schemeSpec(s)!)))),
  ];
  if (tokenProvider !== undefined) config.push(prop('tokenProvider', id(tokenProvider)));

  // Security of `request(method, path)`: the most common alternatives (ties: the first seen), with a
  // table of the operations that differ.
  const alternatives = api.operations.map((op) => ({ key: `${op.method} ${op.path}`, alternatives: securityAlternatives(op.security, known) }));
  const text = (alts: string[][]): string => JSON.stringify(alts);
  const counts = new Map<string, number>();
  for (const a of alternatives) counts.set(text(a.alternatives), (counts.get(text(a.alternatives)) ?? 0) + 1);
  let docSecurity = securityAlternatives(api.security, known);
  let best = 0;
  for (const a of alternatives) {
    const n = counts.get(text(a.alternatives)) ?? 0;
    if (n > best) {
      best = n;
      docSecurity = a.alternatives;
    }
  }
  const overrides = alternatives.filter((o) => text(o.alternatives) !== text(docSecurity));
  const readonlyArray = (t: TypeNode): TypeNode => generic('ReadonlyArray', [t]);
  const alternativesType = readonlyArray(readonlyArray(name('string')));

  const body: Statement[] = [
    authAlias,
    {
      kind: 'interface',
      name: optionsName,
      exported: true,
      extends: generic('Omit', [clientOptions, literal("'auth'")]),
      docs: commentFromDocs(`Options of \`${className}\`: every field is optional. Per-request overrides go in each method's last argument.`),
      members: [
        { kind: 'property', key: 'auth', optional: true, type: unionOf([name(authName), UNDEFINED]), docs: '/** Credentials by security scheme key. */' },
      ],
    },
    {
      kind: 'const',
      name: 'CONFIG',
      exported: false,
      docs: '/** Spec-derived configuration: default base URL (the first server) and security schemes. */',
      type: clientConfig,
      init: object(config, true),
    },
    {
      kind: 'const',
      name: 'DEFAULT_SECURITY',
      exported: false,
      docs: '/** Security alternatives of `request(method, path)`: the ones most operations declare … */',
      type: alternativesType,
      init: securityArray(docSecurity),
    },
    {
      kind: 'const',
      name: 'SECURITY',
      exported: false,
      docs: '/** … and the operations that declare their own (`method path` → alternatives). */',
      type: generic('Readonly', [generic('Record', [name('string'), alternativesType])]),
      init: object(
        overrides.map((o) => prop(stringLiteral(o.key), securityArray(o.alternatives))),
        true,
      ),
    },
    {
      kind: 'const',
      name: 'PARAMETERS',
      exported: false,
      docs: "/** How `request(method, path)` sends the parameters the spec sends otherwise than by its location's default (`method path` → `location name` → spec). */",
      type: generic('Readonly', [generic('Record', [name('string'), generic('Readonly', [generic('Record', [name('string'), paramSpec])])])]),
      init: object(parameterStyles(api), true),
    },
  ];

  const operationAtPM = generic(operationAt, [paths, name('P'), name('M')]);
  const members: ClassMember[] = [
    {
      kind: 'constructor',
      docs: commentFromDocs(`@param options base URL, credentials, fetch, timeouts, retries, headers, logging, middleware (see \`${optionsName}\`)`),
      params: [{ name: 'options', type: name(optionsName), init: object([]) }],
      body: [{ kind: 'expression', expression: call(SUPER, [as(id('options'), clientOptions), id('CONFIG')]) }],
    },
    {
      kind: 'method',
      override: true,
      name: 'withOptions',
      docs: commentFromDocs(
        'A new client with `overrides` applied: `undefined` changes nothing; `headers` merge (`null` removes one); `auth` merges per scheme key (`null` removes a credential). Cached tokens are shared for every scheme whose credentials did not change.',
      ),
      params: [{ name: 'overrides', type: name(optionsName) }],
      returns: name('this'),
      body: [ret(call(member(SUPER, 'withOptions'), [as(id('overrides'), clientOptions)]))],
    },
    {
      kind: 'method',
      override: true,
      name: 'request',
      docs: commentFromDocs(
        "Calls any operation by method and path, typed from the types package's `paths`: `params` grouped by location (wire names), `body`, and the success body as the result.\n\n@example\n```ts\nconst data = await client.request('get', '/path/{id}', { params: { path: { id: 1 } } });\n```",
      ),
      typeParams: [
        { name: 'M', constraint: httpMethod },
        { name: 'P', constraint: generic(pathsWith, [paths, name('M')]) },
      ],
      params: [
        { name: 'method', type: name('M') },
        { name: 'path', type: name('P') },
        // NoInfer (TS 5.4+): `init` takes no part in inferring P and M.
        { name: 'args', rest: true, type: generic(requestArgs, [generic('NoInfer', [operationAtPM])]) },
      ],
      returns: generic(apiPromise, [generic(responseData, [operationAtPM])]),
    },
    {
      kind: 'method',
      override: true,
      name: 'request',
      docs: '/** Sends an operation descriptor (the runtime form every generated method uses). */',
      typeParams: [{ name: 'T', default: name('unknown') }],
      params: [
        { name: 'op', type: operationType },
        { name: 'options', type: requestOptions, optional: true },
      ],
      returns: generic(apiPromise, [name('T')]),
    },
    {
      kind: 'method',
      override: true,
      name: 'request',
      params: [
        { name: 'first', type: unionOf([httpMethod, operationType]) },
        // Positional, not a rest parameter: every generated method calls this, and a rest array is one allocation a call.
        { name: 'second', type: name('unknown'), optional: true },
        { name: 'third', type: name('unknown'), optional: true },
        { name: 'fourth', type: name('unknown'), optional: true },
      ],
      returns: generic(apiPromise, [name('unknown')]),
      body: requestByPath({ requestOptions, pathOperation, pathRequestInit }),
    },
  ];
  const docs = jsDocComment(undefined, {
    lead: [
      `The ${names.apiName} client without resources: configuration, auth, \`withOptions\` and \`request(method, path, …)\`.`,
      `\`${names.client}\` adds the resources; a resource class also works on its own over a \`${className}\` (\`new Extracts(new ${className}(options))\`), so a bundle holds only that resource.`,
    ],
  });
  const cls: Statement = { kind: 'class', name: className, exported: true, extends: clientCore, ...(docs !== undefined ? { docs } : {}), members };
  const statements: Statement[] = [{ kind: 'text', text: bannerLine(options) }, ...scope.declarations(), ...body, cls];
  return { path: 'src/base.ts', kind: 'ts', contents: printFile(statements) };
}

/** `src/client.ts`: the root client class, `<Client>Base` plus lazily created resources (and operations without a resource). */
export function clientFile(api: Api, root: ResourceNode, options: EmitOptions, known: ReadonlySet<string>): EmittedFile {
  const names = clientNames(api, options.clientName);
  const className = names.client;
  const base = names.base;
  const scope = new ImportScope('src/client.ts', [className]);
  const baseLocal = scope.value('src/base.ts', base);
  const { properties, getters } = childAccessors(root, scope, THIS);
  const rootMethods = resourceMethods(api, root, scope, options, known, THIS);
  const docs = jsDocComment(pickDocs(api, ['description']), {
    lead: [
      `Client of the ${names.apiName} (version ${api.version}).`,
      '',
      `\`new ${className}({ baseUrl?, auth?, fetch?, timeoutMs?, maxRetries?, headers?, logger?, middleware? })\`; resources: ${root.children.map((c) => `\`${c.name}\``).join(', ') || 'none'}.`,
    ],
  });
  const cls: Statement = {
    kind: 'class',
    name: className,
    exported: true,
    extends: baseLocal,
    ...(docs !== undefined ? { docs } : {}),
    members: [...properties, ...getters, ...rootMethods],
  };
  return { path: 'src/client.ts', kind: 'ts', contents: printFile([{ kind: 'text', text: bannerLine(options) }, ...scope.declarations(), cls]) };
}
