/**
 * `src/client.ts`: the root client class (named `options.clientName`), its options and auth types,
 * the spec-derived configuration (base URL, security schemes with the token endpoint), lazily
 * created resource getters, and the typed `request(method, path, { params, body })`.
 * Its types come from the runtime's `src/core/request-types.ts` (the same in every client).
 */
import {
  type ClassDeclarationStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type MethodDeclarationOverloadStructure,
  StructureKind,
  type TypeAliasDeclarationStructure,
  VariableDeclarationKind,
} from 'ts-morph';
import { clientNames } from '../../model/client-names.js';
import type { Api, SecurityScheme, Server } from '../../model/types.js';
import { printSourceFile, type Statement } from '../print.js';
import { bannerLine, propertyKey, recordEntry, stringLiteral } from '../text.js';
import { jsDocStructures, jsDocText } from '../tsdoc.js';
import type { EmitOptions, EmittedFile } from '../types.js';
import { CORE, securityText } from './operation.js';
import { childAccessors, resourceMethods } from './resources.js';
import type { ResourceNode } from './resources-tree.js';
import { ImportScope } from './scope.js';

/** The runtime's `SecuritySchemeSpec` literal for a scheme, or undefined when the runtime cannot apply it. */
export function schemeSpecText(scheme: SecurityScheme): string | undefined {
  if (scheme.type === 'http' && scheme.scheme === 'basic') return "{ type: 'http', scheme: 'basic' }";
  if ((scheme.type === 'http' && scheme.scheme === 'bearer') || scheme.type === 'oauth2' || scheme.type === 'openIdConnect') {
    const t = scheme.tokenEndpoint;
    if (t === undefined) return "{ type: 'http', scheme: 'bearer' }";
    const parts = [
      `method: ${stringLiteral(t.method)}`,
      `path: ${stringLiteral(t.path)}`,
      `credentialsScheme: ${stringLiteral(t.credentialsScheme)}`,
      `tokenField: ${stringLiteral(t.tokenField)}`,
    ];
    if (t.requestFields !== undefined) parts.push(`requestFields: [${t.requestFields.map(stringLiteral).join(', ')}]`);
    if (t.lifetimeSeconds !== undefined) parts.push(`lifetimeSeconds: ${t.lifetimeSeconds}`);
    if (t.slidingExpiry !== undefined) parts.push(`slidingExpiry: ${t.slidingExpiry}`);
    return `{ type: 'http', scheme: 'bearer', tokenEndpoint: { ${parts.join(', ')} } }`;
  }
  if (scheme.type === 'apiKey' && scheme.in !== undefined && scheme.paramName !== undefined) {
    return `{ type: 'apiKey', in: ${stringLiteral(scheme.in)}, name: ${stringLiteral(scheme.paramName)} }`;
  }
  return undefined;
}

/** Scheme keys the emitted client can apply. */
export function knownSchemes(api: Api): Set<string> {
  return new Set(api.securitySchemes.filter((s) => schemeSpecText(s) !== undefined).map((s) => s.key));
}

/** The spec's first server URL with its variables set to their defaults (no trailing slash); `''` without servers. */
export function defaultBaseUrl(servers: Server[]): string {
  const first = servers[0];
  if (first === undefined) return '';
  return first.url.replace(/\{([^}]+)\}/g, (whole, name: string) => first.variables[name]?.default ?? whole).replace(/\/+$/, '');
}

function authMemberType(api: Api, scheme: SecurityScheme, scope: ImportScope, options: EmitOptions): string {
  const credential = scope.type(CORE.types, 'Credential');
  if (scheme.type === 'http' && scheme.scheme === 'basic') return scope.type(CORE.types, 'BasicCredentials');
  const t = scheme.tokenEndpoint;
  if (t !== undefined) {
    const op = api.operations.find((o) => o.operationId === t.operationId);
    const body = op?.names.body;
    return `${credential} | ${body !== undefined ? scope.packageType(options.typesPackageName, body) : 'Readonly<Record<string, unknown>>'}`;
  }
  return credential;
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
  const docs = { ...(scheme.description !== undefined ? { description: scheme.description } : {}) };
  return jsDocText(docs, { lead: [`\`${scheme.key}\` security scheme. ${how}`] });
}

/**
 * `src/base.ts`: the auth and options types, the spec-derived configuration, and the base class
 * (`<Client>Base extends ClientCore`: constructor, `withOptions`, typed `request()`), with no
 * resources: `new Extracts(new ImprovadoBase({ auth }))` bundles one resource only.
 */
export function baseFile(api: Api, options: EmitOptions, known: ReadonlySet<string>): EmittedFile {
  const names = clientNames(api, options.clientName);
  const name = names.base;
  const authName = names.auth;
  const optionsName = names.options;
  const scope = new ImportScope('src/base.ts', [name, authName, optionsName, 'CONFIG', 'SECURITY', 'DEFAULT_SECURITY', 'REQUEST_LOCATIONS']);
  const clientCore = scope.value(CORE.client, 'ClientCore');
  const clientOptions = scope.type(CORE.types, 'ClientOptions');
  const clientConfig = scope.type(CORE.types, 'ClientConfig');
  const requestOptions = scope.type(CORE.types, 'RequestOptions');
  const operationType = scope.type(CORE.types, 'Operation');
  const apiPromise = scope.type(CORE.apiPromise, 'APIPromise');
  const paths = scope.packageType(options.typesPackageName, 'paths');
  const pathsWith = scope.type(CORE.requestTypes, 'PathsWith');
  const operationAt = scope.type(CORE.requestTypes, 'OperationAt');
  const requestArgs = scope.type(CORE.requestTypes, 'RequestArgs');
  const responseData = scope.type(CORE.requestTypes, 'ResponseData');
  const httpMethod = scope.type(CORE.types, 'HttpMethod');
  const paramSpec = scope.type(CORE.types, 'ParamSpec');

  // Auth option type: one optional member per scheme the runtime can apply.
  const schemes = api.securitySchemes.filter((s) => known.has(s.key));
  // `null` removes a credential in `withOptions` (`undefined` keeps it).
  const authMembers = schemes.map((s) => `${authMemberDoc(s)}${propertyKey(s.key)}?: ${authMemberType(api, s, scope, options)} | null | undefined;`);
  const authAlias: TypeAliasDeclarationStructure = {
    kind: StructureKind.TypeAlias,
    name: authName,
    isExported: true,
    docs: [
      {
        kind: StructureKind.JSDoc,
        description: `Credentials by security scheme key (the spec's \`components.securitySchemes\`). Each call uses the first of its operation's security alternatives the credentials cover. In \`withOptions\`, credentials merge per key: \`undefined\` keeps the client's, \`null\` removes it.`,
      },
    ],
    type: authMembers.length === 0 ? 'Record<string, never>' : `{\n${authMembers.join('\n')}\n}`,
  };
  const hasToken = schemes.some((s) => s.tokenEndpoint !== undefined);
  const tokenProvider = hasToken ? scope.value('src/core/token-provider.ts', 'createTokenProvider') : undefined;

  const configLines = [`baseUrl: ${stringLiteral(defaultBaseUrl(api.servers))}`];
  const schemeLines = schemes.map((s) => recordEntry(s.key, schemeSpecText(s) ?? ''));
  configLines.push(`securitySchemes: { ${schemeLines.join(', ')} }`);
  if (tokenProvider !== undefined) configLines.push(`tokenProvider: ${tokenProvider}`);

  // Security of `request(method, path)`: the most common alternatives (ties: the first seen), with a
  // table of the operations that differ.
  const texts = api.operations.map((op) => ({ key: `${op.method} ${op.path}`, text: securityText(op.security, known) }));
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
  let docSecurity = securityText(api.security, known);
  let best = 0;
  for (const [text, n] of counts) {
    if (n > best) {
      best = n;
      docSecurity = text;
    }
  }
  const overrides = texts.filter((o) => o.text !== docSecurity);

  const statements: Statement[] = [bannerLine(options)];
  const body: Statement[] = [
    authAlias,
    {
      kind: StructureKind.Interface,
      name: optionsName,
      isExported: true,
      extends: [`Omit<${clientOptions}, 'auth'>`],
      docs: [{ kind: StructureKind.JSDoc, description: `Options of {@link ${name}}: every field is optional. Per-request overrides go in each method's last argument.` }],
      properties: [
        {
          kind: StructureKind.PropertySignature,
          name: 'auth',
          hasQuestionToken: true,
          type: `${authName} | undefined`,
          docs: [{ kind: StructureKind.JSDoc, description: 'Credentials by security scheme key.' }],
        },
      ],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: [{ kind: StructureKind.JSDoc, description: 'Spec-derived configuration: default base URL (the first server) and security schemes.' }],
      declarations: [{ name: 'CONFIG', type: clientConfig, initializer: `{\n${configLines.join(',\n')},\n}` }],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: [{ kind: StructureKind.JSDoc, description: 'Security alternatives of `request(method, path)`: the ones most operations declare …' }],
      declarations: [{ name: 'DEFAULT_SECURITY', type: 'ReadonlyArray<ReadonlyArray<string>>', initializer: docSecurity }],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: [{ kind: StructureKind.JSDoc, description: '… and the operations that declare their own (`method path` → alternatives).' }],
      declarations: [
        {
          name: 'SECURITY',
          type: 'Readonly<Record<string, ReadonlyArray<ReadonlyArray<string>>>>',
          initializer: `{\n${overrides.map((o) => `${stringLiteral(o.key)}: ${o.text}`).join(',\n')}${overrides.length > 0 ? ',' : ''}\n}`,
        },
      ],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: 'REQUEST_LOCATIONS', initializer: "['path', 'query', 'header', 'cookie'] as const" }],
    },
  ];

  const requestOverloads: Array<OptionalKind<MethodDeclarationOverloadStructure>> = [
    {
      hasOverrideKeyword: true,
      docs: [
        {
          kind: StructureKind.JSDoc,
          description:
            'Calls any operation by method and path, typed from the types package\'s `paths`: `params` grouped by location (wire names), `body`, and the success body as the result.\n\n@example\n```ts\nconst data = await client.request(\'get\', \'/path/{id}\', { params: { path: { id: 1 } } });\n```',
        },
      ],
      typeParameters: [`M extends ${httpMethod}`, `P extends ${pathsWith}<${paths}, M>`],
      parameters: [
        { name: 'method', type: 'M' },
        { name: 'path', type: 'P' },
        // NoInfer (TS 5.4+): `init` takes no part in inferring P and M.
        { name: 'args', isRestParameter: true, type: `${requestArgs}<NoInfer<${operationAt}<${paths}, P, M>>>` },
      ],
      returnType: `${apiPromise}<${responseData}<${operationAt}<${paths}, P, M>>>`,
    },
    {
      hasOverrideKeyword: true,
      docs: [{ kind: StructureKind.JSDoc, description: 'Sends an operation descriptor (the runtime form every generated method uses).' }],
      typeParameters: [{ name: 'T', default: 'unknown' }],
      parameters: [
        { name: 'op', type: operationType },
        { name: 'options', type: requestOptions, hasQuestionToken: true },
      ],
      returnType: `${apiPromise}<T>`,
    },
  ];
  const requestMethod: MethodDeclarationStructure = {
    kind: StructureKind.Method,
    name: 'request',
    hasOverrideKeyword: true,
    overloads: requestOverloads,
    parameters: [
      { kind: StructureKind.Parameter, name: 'first', type: `${httpMethod} | ${operationType}` },
      // Positional, not a rest parameter: every generated method calls this, and a rest array is one allocation a call.
      { kind: StructureKind.Parameter, name: 'second', type: 'unknown', hasQuestionToken: true },
      { kind: StructureKind.Parameter, name: 'third', type: 'unknown', hasQuestionToken: true },
      { kind: StructureKind.Parameter, name: 'fourth', type: 'unknown', hasQuestionToken: true },
    ],
    returnType: `${apiPromise}<unknown>`,
    statements: [
      `if (typeof first !== 'string') return super.request(first, second as ${requestOptions} | undefined);`,
      'const path = second as string;',
      "const init = third as { params?: Record<string, unknown>; body?: unknown; bodyKind?: Operation['bodyKind']; contentType?: string } | undefined;".replace(
        "Operation['bodyKind']",
        `${operationType}['bodyKind']`,
      ),
      `const options = fourth as ${requestOptions} | undefined;`,
      `const params: Record<string, unknown> = {};`,
      `const parameters: Record<string, ${paramSpec}> = {};`,
      [
        'for (const location of REQUEST_LOCATIONS) {',
        '  const group = init?.params?.[location];',
        "  if (group === null || typeof group !== 'object') continue;",
        '  for (const [key, value] of Object.entries(group)) {',
        '    params[key] = value;',
        '    parameters[key] = { in: location };',
        '  }',
        '}',
      ].join('\n'),
      [
        `const op: ${operationType} = {`,
        '  method: first,',
        '  path,',
        '  params,',
        '  parameters,',
        '  security: SECURITY[`${first} ${path}`] ?? DEFAULT_SECURITY,',
        '};',
        'if (init?.body !== undefined) op.body = init.body;',
        'if (init?.bodyKind !== undefined) op.bodyKind = init.bodyKind;',
        'if (init?.contentType !== undefined) op.contentType = init.contentType;',
        'return super.request(op, options);',
      ].join('\n'),
    ],
  };

  const cls: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name,
    isExported: true,
    extends: clientCore,
    docs: jsDocStructures(undefined, {
      lead: [
        `The ${names.apiName} client without resources: configuration, auth, \`withOptions\` and \`request(method, path, …)\`.`,
        `{@link ${names.client}} adds the resources; a resource class also works on its own over a \`${name}\` (\`new Extracts(new ${name}(options))\`), so a bundle holds only that resource.`,
      ],
    }),
    ctors: [
      {
        kind: StructureKind.Constructor,
        docs: [{ kind: StructureKind.JSDoc, description: `@param options base URL, credentials, fetch, timeouts, retries, headers, logging, middleware (see {@link ${optionsName}})` }],
        parameters: [{ kind: StructureKind.Parameter, name: 'options', type: optionsName, initializer: '{}' }],
        statements: [`super(options as ${clientOptions}, CONFIG);`],
      },
    ],
    methods: [
      {
        kind: StructureKind.Method,
        name: 'withOptions',
        hasOverrideKeyword: true,
        docs: [{ kind: StructureKind.JSDoc, description: 'A new client with `overrides` applied: `undefined` changes nothing; `headers` merge (`null` removes one); `auth` merges per scheme key (`null` removes a credential). Cached tokens are shared for every scheme whose credentials did not change.' }],
        parameters: [{ kind: StructureKind.Parameter, name: 'overrides', type: optionsName }],
        returnType: 'this',
        statements: [`return super.withOptions(overrides as ${clientOptions});`],
      },
      requestMethod,
    ],
  };
  statements.push(...scope.declarations(), ...body, cls);
  return { path: 'src/base.ts', kind: 'ts', contents: printSourceFile(statements) };
}

/** `src/client.ts`: the root client class, `<Client>Base` plus lazily created resources (and operations without a resource). */
export function clientFile(api: Api, root: ResourceNode, options: EmitOptions, known: ReadonlySet<string>): EmittedFile {
  const names = clientNames(api, options.clientName);
  const name = names.client;
  const base = names.base;
  const scope = new ImportScope('src/client.ts', [name]);
  const baseLocal = scope.value('src/base.ts', base);
  const { properties, getters } = childAccessors(root, scope, 'this');
  const rootMethods = resourceMethods(api, root, scope, options, known, 'this');
  const cls: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name,
    isExported: true,
    extends: baseLocal,
    docs: jsDocStructures(
      { ...(api.description !== undefined ? { description: api.description } : {}) },
      {
        lead: [
          `Client of the ${names.apiName} (version ${api.version}).`,
          '',
          `\`new ${name}({ baseUrl?, auth?, fetch?, timeoutMs?, maxRetries?, headers?, logger?, middleware? })\`; resources: ${root.children.map((c) => `\`${c.name}\``).join(', ') || 'none'}.`,
        ],
      },
    ),
    properties,
    getAccessors: getters,
    methods: rootMethods,
  };
  return { path: 'src/client.ts', kind: 'ts', contents: printSourceFile([bannerLine(options), ...scope.declarations(), cls]) };
}
