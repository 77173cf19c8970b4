/**
 * The client package's names: the second stage of the name registry (naming.ts), run once per model and client
 * name. The client name is configuration, not part of the document, so buildModel cannot take these names; the
 * client emitter asks {@link clientNames} and only reads what it returns.
 *
 * Package exports (`src/index.ts`), taken in this order (earlier names win):
 * 1. the client class (the configured name, else {@link freeClientName}'s), `<Client>Base`, `<Client>Auth`,
 *    `<Client>Options`, `<Client>ErrorBody`, exactly so;
 * 1b. the runtime's HTTP error classes ({@link httpErrorClasses}), exported from `src/errors.ts` with the error body
 *    type (D36), each as `core.X<Body>`, so `instanceof` narrows `body`, instead of from the runtime; one that a name
 *    of step 1 takes is not exported; one the runtime's index does not export as a class is an error;
 * 2. the runtime names the package re-exports, read from generator/runtime (runtime-exports.ts): every class the
 *    runtime's index exports but the cores ({@link CORE_CLASSES}), {@link PUBLIC_RUNTIME_TYPES} and
 *    {@link PUBLIC_RUNTIME_FUNCTIONS}; those of a
 *    runtime file that serves one feature only when the package has it ({@link FEATURE_FILES}). One that a name of
 *    step 1 takes is not re-exported;
 * 3. resource classes: the resource's last segment in PascalCase (`Connections`) when no other resource ends so,
 *    else its whole path (`DatasourcesConnections`); `R` before a leading digit; while taken (by an export above, or
 *    by a global a resource file may use or a user's module would lose: `Promise`, `NonNullable`, `Extract`,
 *    `Response`, …), `Resource`, then `_`;
 * 4. the types package's exports (re-exported with `export type *`): reserved here, after the resource classes.
 *    A resource class named like a schema takes the name in the client's root (an explicit export wins over
 *    `export type *`; the types package still exports the type), as it always has (D33);
 * 5. one `<Enum>Values` array per enum schema (src/enums.ts, re-exported with `export *`), with `2`, `3`, … while
 *    taken: `export *` beside `export type *` of the same name is ambiguous (TS2308), and an explicit export would
 *    hide the array.
 * 6. when a webhook payload's event type is an open enum (model/webhook-events.ts, D45), the event types of
 *    `src/webhooks.ts`: one `<Name>Event` per documented event name of an open payload (the name in PascalCase; `E`
 *    before a leading digit), `UnknownWebhookEvent`, then the union `<Client>WebhookEvent`; each with `2`, `3`, … while
 *    taken.
 * Members of the root client: the members of the runtime's `ClientCore` (read from runtime/client.ts), then
 * top-level resource getters and root methods in spec order, `_` appended while taken (`config_`).
 * Resource files: `src/resources/<segments in kebab-case>.ts`, one namespace per folder, `2`, `3`, … appended to a
 * stem while taken (`tPx` and `tPX` are `t-px.ts` and `t-px2.ts`); a resource's children live in the folder named
 * like its file.
 * Method arguments ({@link methodArguments}, D40): each path parameter is a leading argument named by the camelCase
 * of its wire name ({@link toValueIdentifier}: `load_id` → `loadId`, `default` → `_default`), `2`, `3`, … appended
 * while the name is one of the method's other names ({@link METHOD_LOCALS}: `params`, `body`, `options` and the
 * values a method body calls) or an earlier path argument's (`user_id` and `userId` are `userId` and `userId2`).
 * Renames (a name other than the rule's first choice) are listed in {@link ClientNames.renames}.
 */
import { httpErrorClasses } from './error-classes.js';
import {
  apiName,
  CLIENT_GLOBAL_TYPES,
  compareCodeUnits,
  kebabCase,
  NameRegistry,
  pascalCase,
  RESERVED_TYPE_NAMES,
  RESERVED_WORDS,
  STANDARD_GLOBALS,
  toValueIdentifier,
  WINDOWS_DEVICE_STEMS,
} from './naming.js';
import {
  exportedTypeNames,
  listEnums,
  typesPackageNames,
  otherParameters,
  parameterOptional,
  pathParameters,
  successJsonBody,
  webhookSignature,
} from './queries.js';
import { runtimeClassMembers, type RuntimeExport, runtimeExports, runtimeSourceDir } from './runtime-exports.js';
import type { Api, Operation, Parameter, Pointer } from './types.js';
import { type WebhookEventSource, webhookEvents } from './webhook-events.js';

/** One node of the client's resource tree: the root client or a resource class. */
export interface ResourceNode {
  /** camelCase segments, e.g. `['datasources', 'connections']`; `[]` for the root client. */
  path: string[];
  /** Getter name on the parent (the last segment; for a top-level resource, the root member name). */
  name: string;
  className: string;
  /** `src/resources/datasources/connections.ts`; `src/client.ts` for the root. */
  file: string;
  /** In spec order. */
  operations: Operation[];
  /** Member name of each operation's method, index-aligned with `operations`. */
  methodNames: string[];
  /**
   * Member name of each operation's `…AndPoll` method (operations with `x-poll`), index-aligned with `operations`;
   * `undefined` for an operation without one.
   */
  pollMethodNames: Array<string | undefined>;
  /** In code-unit order of {@link name}. */
  children: ResourceNode[];
  /** `client.datasources.connections`. */
  access: string;
}

/** A path parameter as a leading positional argument of its client method (D40). */
export interface PathArgument {
  parameter: Parameter;
  /** The argument's name: a legal, non-reserved identifier, unique among the method's names (`loadId`). */
  name: string;
}

/** The names of one client method's arguments (D40). */
export interface MethodArguments {
  /** The leading arguments, one per path parameter, in path-template order. */
  path: PathArgument[];
  /** Argument names that differ from their rule's first choice (a reserved word, a collision), with why. */
  renames: Api['renames'];
}

/**
 * Names a generated method's own arguments and locals that a path argument may not take: the arguments after the path
 * ones, and the values a method body calls (imported from the core).
 */
export const METHOD_LOCALS: readonly string[] = ['params', 'body', 'options', 'requestPage', 'formBody', 'multipartBody'];

const ARGUMENT_NS = 'argument';
const argumentsCache = new WeakMap<Operation, MethodArguments>();

/**
 * The names of `op`'s path arguments (see the rules at the top). Depends on the operation only, so every client name
 * gives the same; memoised per operation (the model is read-only once built).
 */
export function methodArguments(op: Operation): MethodArguments {
  const cached = argumentsCache.get(op);
  if (cached !== undefined) return cached;
  const registry = new NameRegistry();
  for (const local of METHOD_LOCALS) registry.take(ARGUMENT_NS, local, 'argument of every method');
  const path = pathParameters(op).map((parameter) => {
    const { name, reasons } = toValueIdentifier(parameter.name, 'param');
    const record = (final: string): boolean => final !== name || reasons.length > 0;
    return { parameter, name: registry.claim(ARGUMENT_NS, name, { pointer: parameter.pointer, from: parameter.name }, reasons, record) };
  });
  const result = { path, renames: registry.renames };
  argumentsCache.set(op, result);
  return result;
}

/** One positional argument of a client method, before `options` (D40). */
export type ClientArgument =
  | (PathArgument & { kind: 'path'; optional: false })
  | {
      kind: 'params' | 'body';
      name: 'params' | 'body';
      optional: boolean;
      /** The argument's type in the types package: {@link paramsTypeName} for `params`, `<Op>Body` for `body`. */
      type: string;
    };

/**
 * The arguments of `op`'s client method before `options`, as the client emitter declares them (D40, revising D5): one
 * per path parameter ({@link methodArguments}), then `params` (the query, header and cookie parameters) when there are
 * any, `body` when there is a request body with a type name. `params` is optional when each of its parameters may be
 * left out ({@link parameterOptional}: not required, or with a default) and no required body follows it (an operation
 * with optional query parameters and a required body takes `(…, {}, body)`); `body` when the body is not required.
 */
export function clientArguments(op: Operation): ClientArgument[] {
  const out: ClientArgument[] = methodArguments(op).path.map((a) => ({ ...a, kind: 'path', optional: false }));
  if (otherParameters(op).length > 0) out.push({ kind: 'params', name: 'params', optional: paramsOptional(op), type: paramsTypeName(op) });
  if (op.requestBody !== undefined && op.names.body !== undefined)
    out.push({ kind: 'body', name: 'body', optional: op.requestBody.required !== true, type: op.names.body });
  return out;
}

/** The local names of an `…AndPoll` method besides its arguments; each is the wanted name, `_`-suffixed while taken. */
export interface PollLocals {
  /** The per-request options argument (`options`). */
  options: string;
  /** The wait options (`wait`). */
  wait: string;
  /** The first request's options (`request`). */
  request: string;
  /** The start call's response body, when a status read argument comes from it (`started`). */
  started?: string;
  /** The abort signal (`signal`). */
  signal: string;
  /**
   * The value read in the condition: the status read's body schema (its first 2XX JSON body, the one the model checks
   * `x-poll` against) in camelCase (`Load` → `load`), else `status`.
   */
  value: string;
}

/** The {@link PollLocals} of `op`'s `…AndPoll` method, whose status read is `read`: after the method's arguments ({@link clientArguments}). */
export function pollLocals(api: Api, op: Operation, read: Operation): PollLocals {
  const taken = new Set(clientArguments(op).map((a) => a.name));
  const local = (wanted: string): string => {
    let n = wanted;
    while (taken.has(n)) n = `${n}_`;
    taken.add(n);
    return n;
  };
  const body = successJsonBody(read);
  const identifier = body?.kind === 'ref' ? api.schemas.get(body.target)?.identifier : undefined;
  const camel = identifier === undefined ? '' : identifier.charAt(0).toLowerCase() + identifier.slice(1);
  // Claimed in this order: a later name yields to an earlier one.
  const options = local('options');
  const wait = local('wait');
  const request = local('request');
  const started = op.poll?.arguments.some((a) => a.value.source === 'response-body') ? local('started') : undefined;
  const signal = local('signal');
  const value = local(/^[a-z][A-Za-z0-9]*$/.test(camel) && !RESERVED_WORDS.has(camel) ? camel : 'status');
  return { options, wait, request, ...(started !== undefined ? { started } : {}), signal, value };
}

/** The type of the method's `params` argument: `<Op>Query` when the operation has path parameters and others, else `<Op>Params`. */
export function paramsTypeName(op: Operation): string {
  return op.names.query ?? op.names.params;
}

/** Whether the `params` argument is optional: each of its parameters may be left out ({@link parameterOptional}) and the body (which follows) is not required. */
export function paramsOptional(op: Operation): boolean {
  const bodyRequired = op.requestBody !== undefined && op.names.body !== undefined && op.requestBody.required;
  return !bodyRequired && !otherParameters(op).some((p) => !parameterOptional(p));
}

/** Runtime names `src/index.ts` re-exports from one runtime file. */
export interface RuntimeReexport {
  /** The runtime copy in the package, e.g. `src/core/errors.ts`. */
  file: string;
  /** Re-exported as values (classes), in code-unit order. */
  values: string[];
  /** Re-exported as types, in code-unit order. */
  types: string[];
}

/** Every name of the client package that is not a name of the types package. */
export interface ClientNames {
  /** The root client class: the configured client name, as it is. */
  client: string;
  /** `<Client>Base`: configuration, auth and `request()`, without resources. */
  base: string;
  /** `<Client>Auth`: the credentials by security scheme. */
  auth: string;
  /** `<Client>Options`: the constructor's options. */
  options: string;
  /** `<Client>ErrorBody`: the union of the spec's error bodies, `src/errors.ts` (D36). */
  errorBody: string;
  /** The runtime's error classes `src/errors.ts` re-exports typed with {@link errorBody}, in {@link httpErrorClasses} order. */
  errorClasses: string[];
  /** How docs name the API: its title, with ` API` appended unless it ends so (`Pets` → `Pets API`). */
  apiName: string;
  /** The root client with every resource below it. */
  root: ResourceNode;
  /** Enum schema key → name of its `as const` value array in `src/enums.ts`. */
  enumValues: ReadonlyMap<string, string>;
  /** The event types of `src/webhooks.ts` (rule 6), when a webhook payload's event type is an open enum. */
  webhookEvent?: WebhookEventNames;
  /** What `src/index.ts` re-exports from the runtime: files the runtime's index leaves out first, then in the order it names them. */
  runtimeReexports: RuntimeReexport[];
  /** Client names that differ from their rule's first choice, with why. */
  renames: Api['renames'];
  /**
   * Types of the types package that the client package does not re-export because one of its own exports has the name
   * (`by`: `client`, `src/errors.ts`, a runtime file or a resource module), with the pointer of what declares them.
   */
  shadowed: Array<{ name: string; pointer: Pointer; by: string }>;
  /**
   * Names of the client's own exports (an enum's value array, a webhook event type) suffixed because another export
   * holds the name they want (`by`: a pointer, `types package`, `client`, `src/errors.ts`, a runtime file), with why
   * the name was wanted (`what`).
   */
  collisions: Array<{ wanted: string; name: string; pointer: Pointer; by: string; what: string }>;
}

/**
 * The event types `unwrap` returns when a webhook payload's event type is an open enum (D45): a union with one member per
 * payload that pins its names (the types package's payload type), one per documented name of an open payload, and one
 * for the names the API adds later.
 */
export interface WebhookEventNames {
  /** `<Client>WebhookEvent`: the union `unwrap` returns. */
  union: string;
  /** Wire name of the property that tells the events apart (`type`). */
  property: string;
  /**
   * In webhook order, then the spec's order of the names. `type`: a payload that pins its names is the types package's
   * payload type (`WebhookEventSource.payload`, no `value`); a documented name of an open payload is the client's own
   * `<Name>Event`, with the name as `value`.
   */
  members: Array<{ source: WebhookEventSource; type: string; value?: string }>;
  /** `UnknownWebhookEvent`: an event of a name the spec does not list (its property typed apart from the names). */
  unknown: string;
}

/** The type names `src/webhooks.ts` declares for {@link WebhookEventNames}: the `<Name>Event`s, `UnknownWebhookEvent`, the union. */
export function ownWebhookEventTypes(names: WebhookEventNames): string[] {
  return [...names.members.flatMap((m) => (m.value === undefined ? [] : [m.type])), names.unknown, names.union];
}

/** Runtime classes the package does not re-export: the cores, for which the generated classes stand (`<Client>Base extends ClientCore`; `LeanClient` has its own entry point, `<package>/lean`). */
export const CORE_CLASSES: ReadonlySet<string> = new Set(['ClientCore', 'LeanClient']);

/**
 * Runtime types the package re-exports from its root: the ones a caller writes (options and credentials, logging,
 * middleware, validation, the typed `request()`'s helpers, a webhook receiver's inputs). Looked up in what the
 * runtime exports (its index.ts, and request-types.ts, which the index leaves out); one it no longer exports is an
 * error. Every other runtime type stays reachable under `src/core/`.
 */
export const PUBLIC_RUNTIME_TYPES: readonly string[] = [
  'AuthOptions',
  'BasicCredentials',
  'ClientOptions',
  'Credential',
  'FetchLike',
  'HeadersLike',
  'LogLevel',
  'Logger',
  'Middleware',
  'MiddlewareContext',
  'OperationAt',
  'PathsWith',
  'PollOptions',
  'PollRequestOptions',
  'RawBody',
  'RequestArgs',
  'RequestClient',
  'RequestInput',
  'RequestOptions',
  'ResponseData',
  'StandardSchemaV1',
  'ValidationOptions',
  'ValidationReport',
  'WebhookAnswer',
  'WebhookSignatureScheme',
  'WithResponse',
];

/**
 * Runtime functions the package re-exports from its root (a caller's own waits: `poll()` for what the spec's `x-poll`
 * does not describe). Looked up like {@link PUBLIC_RUNTIME_TYPES}; one the runtime no longer exports is an error.
 */
export const PUBLIC_RUNTIME_FUNCTIONS: readonly string[] = ['poll'];

/** The runtime file with the types of `request(method, path, …)`: not in the runtime's index (they need a `paths` type). */
const REQUEST_TYPES_FILE = 'request-types.ts';

/** What a client package uses of the runtime beyond its core. */
export interface RuntimeFeatures {
  /** The package verifies webhooks (`src/webhooks.ts`: the API has a webhook signature scheme). */
  webhooks: boolean;
  /** A method waits for work with the runtime's `poll()`: an operation has `x-poll`, so the client has its `…AndPoll` method (D41). */
  polling: boolean;
}

/** Runtime files whose names the package re-exports only with a feature; every other file's, always. */
export const FEATURE_FILES: Readonly<Record<string, keyof RuntimeFeatures>> = { 'webhooks.ts': 'webhooks', 'poll.ts': 'polling' };

const EXPORT_NS = 'client-export';
const ROOT_MEMBER_NS = 'root-member';

/**
 * The runtime's public names a package with `features` re-exports (before the client's own names take any), grouped
 * by file: files the runtime's index leaves out first, then in the order the index names them.
 *
 * @param dir the runtime folder (default: generator/runtime)
 * @throws Error when the runtime no longer exports a name of {@link PUBLIC_RUNTIME_TYPES}
 */
export function publicRuntimeExports(features: RuntimeFeatures, dir = runtimeSourceDir()): RuntimeReexport[] {
  const index = runtimeExports('index.ts', dir);
  const known = [...index, ...runtimeExports(REQUEST_TYPES_FILE, dir)];
  const picked: RuntimeExport[] = index.filter((e) => e.declaration === 'class' && !e.typeOnly && !CORE_CLASSES.has(e.name));
  for (const [list, names] of [
    ['PUBLIC_RUNTIME_TYPES', PUBLIC_RUNTIME_TYPES],
    ['PUBLIC_RUNTIME_FUNCTIONS', PUBLIC_RUNTIME_FUNCTIONS],
  ] as const) {
    for (const name of names) {
      const found = known.find((e) => e.name === name && (list === 'PUBLIC_RUNTIME_TYPES' || (e.declaration === 'function' && !e.typeOnly)));
      if (found === undefined) throw new Error(`the client runtime (generator/runtime) no longer exports ${name}: update ${list} (model/client-names.ts)`);
      picked.push({ ...found, typeOnly: list === 'PUBLIC_RUNTIME_TYPES' });
    }
  }
  const rank = (file: string): number => index.findIndex((e) => e.file === file);
  const wanted = (file: string): boolean => {
    const feature = FEATURE_FILES[file];
    return feature === undefined || features[feature];
  };
  const files = [...new Set(picked.map((e) => e.file))].filter(wanted).sort((a, b) => rank(a) - rank(b));
  return files.map((file) => {
    const names = (typeOnly: boolean): string[] =>
      picked
        .filter((e) => e.file === file && e.typeOnly === typeOnly)
        .map((e) => e.name)
        .sort(compareCodeUnits);
    return { file: `src/core/${file}`, values: names(false), types: names(true) };
  });
}

const cache = new WeakMap<Api, Map<string, ClientNames>>();

/**
 * The names of the client package generated from `api` with the client class `clientName` (see the rules at the top).
 * Memoised per model and client name: the model is read-only once built.
 *
 * @throws Error when the runtime sources cannot be read or no longer export a name the package re-exports
 */
export function clientNames(api: Api, clientName: string): ClientNames {
  let perName = cache.get(api);
  if (perName === undefined) {
    perName = new Map();
    cache.set(api, perName);
  }
  let names = perName.get(clientName);
  if (names === undefined) {
    names = nameClient(api, clientName);
    perName.set(clientName, names);
  }
  return names;
}

/** Which runtime files the package holds: webhooks and polling only when the document has them. */
function runtimeFeatures(api: Api): RuntimeFeatures {
  return { webhooks: webhookSignature(api) !== undefined, polling: api.operations.some((op) => op.poll !== undefined) };
}

/**
 * The client class name when none is configured (D61): `preferred` (config.ts `deriveClientName`: the title's first
 * word) unless it is a name the runtime exports (with or without webhooks and polling), which the package would then not
 * re-export, or a standard global that a user's module would hide by importing the class ({@link STANDARD_GLOBALS},
 * `RESERVED_TYPE_NAMES`); then `<preferred>Client`, `<preferred>Client2`, … (`Client` itself is free: the runtime's
 * `ClientOptions` yields to the class's options type, as for a configured `Client`).
 * It depends on the title only, not on the document's schemas, so that a schema added later never renames the class (a
 * schema the class shadows is reported: `shadowed`). A configured name is taken as given.
 *
 * @throws Error when the runtime sources cannot be read
 */
export function freeClientName(preferred: string): string {
  const taken = (name: string): boolean => STANDARD_GLOBALS.has(name) || RESERVED_TYPE_NAMES.has(name) || runtimeExportFile(name) !== undefined;
  if (!taken(preferred)) return preferred;
  for (let i = 1; ; i++) {
    const name = `${preferred}Client${i === 1 ? '' : i}`;
    if (!taken(name)) return name;
  }
}

/**
 * The runtime file of the package that exports `name` from the package root (`src/core/errors.ts` for `ApiError`),
 * with or without webhooks and polling; undefined when the runtime exports no such name. A client class of that name
 * would take the export (generate.ts refuses a configured one).
 *
 * @throws Error when the runtime sources cannot be read
 */
export function runtimeExportFile(name: string): string | undefined {
  return publicRuntimeExports({ webhooks: true, polling: true }).find((r) => r.values.includes(name) || r.types.includes(name))?.file;
}

function nameClient(api: Api, clientName: string): ClientNames {
  const registry = new NameRegistry();
  const own = {
    client: clientName,
    base: `${clientName}Base`,
    auth: `${clientName}Auth`,
    options: `${clientName}Options`,
    errorBody: `${clientName}ErrorBody`,
  };
  for (const name of Object.values(own)) registry.take(EXPORT_NS, name, 'client');
  const publicRuntime = publicRuntimeExports(runtimeFeatures(api));
  const runtimeValues = new Set(publicRuntime.flatMap((r) => r.values));
  const typedErrorClasses = httpErrorClasses();
  for (const name of typedErrorClasses) {
    if (!runtimeValues.has(name)) throw new Error(`the client runtime's index (generator/runtime/index.ts) does not export the error class ${name}`);
  }
  // Taken before the runtime's names, so the core's classes of these names are not re-exported.
  const errorClasses = typedErrorClasses.filter((n) => registry.take(EXPORT_NS, n, 'src/errors.ts'));
  const runtimeReexports = publicRuntime
    .map((r) => ({
      ...r,
      values: r.values.filter((n) => registry.take(EXPORT_NS, n, r.file)),
      types: r.types.filter((n) => registry.take(EXPORT_NS, n, r.file)),
    }))
    .filter((r) => r.values.length > 0 || r.types.length > 0);
  // A types-package name the client class, an error class or the runtime already holds is not re-exported
  // (`export type *` yields to them). Resource classes, named next, take theirs knowingly (rule 4).
  const shadowed: ClientNames['shadowed'] = [];
  for (const [name, pointer] of typesPackageNames(api)) {
    const by = registry.takenBy(EXPORT_NS, name);
    if (by !== undefined) shadowed.push({ name, pointer, by });
  }
  // Globals a resource file may use (and a user's module would lose by importing a class of their name): no resource
  // class takes one. Taken after `shadowed` is read, as no export holds them.
  for (const name of [...RESERVED_TYPE_NAMES, ...STANDARD_GLOBALS, ...CLIENT_GLOBAL_TYPES]) registry.take(EXPORT_NS, name, 'a global');
  const root = resourceTree(api, clientName, registry);
  for (const name of exportedTypeNames(api)) registry.take(EXPORT_NS, name, 'types package');
  const collisions: ClientNames['collisions'] = [];
  const claimExport: ClaimExport = (wanted, pointer, what) => {
    const by = registry.takenBy(EXPORT_NS, wanted);
    const name = registry.claim(EXPORT_NS, wanted, { pointer, from: wanted }, [what], false);
    if (by !== undefined) collisions.push({ wanted, name, pointer, by, what });
    return name;
  };
  const enumValues = new Map<string, string>();
  for (const e of listEnums(api)) enumValues.set(e.key, claimExport(`${e.identifier}Values`, e.pointer, `value array of enum ${e.identifier}`));
  const webhookEvent = nameWebhookEvents(api, clientName, claimExport);
  return {
    ...own,
    errorClasses,
    apiName: apiName(api.title),
    root,
    enumValues,
    ...(webhookEvent !== undefined ? { webhookEvent } : {}),
    runtimeReexports,
    shadowed,
    collisions,
    renames: [...registry.renames, ...api.operations.flatMap((op) => methodArguments(op).renames)],
  };
}

/** Claims an export of the client's root for `what` at `pointer`: `wanted`, else `wanted2`, …, recording a collision. */
type ClaimExport = (wanted: string, pointer: Pointer, what: string) => string;

/** Rule 6: the event types of `src/webhooks.ts`, or undefined when no payload's event type is open (or there are no webhook signatures). */
function nameWebhookEvents(api: Api, clientName: string, claimExport: ClaimExport): WebhookEventNames | undefined {
  const events = webhookEvents(api);
  if (events === undefined || !events.open || webhookSignature(api) === undefined) return undefined;
  const members: WebhookEventNames['members'] = [];
  for (const source of events.sources) {
    if (!source.open) {
      members.push({ source, type: source.payload });
      continue;
    }
    for (const value of source.values) {
      const base = pascalCase(value);
      const wanted = /^[A-Za-z]/.test(base) ? `${base}Event` : `E${base}Event`;
      const type = claimExport(wanted, source.hook.pointer, `event type ${value}`);
      members.push({ source, type, value });
    }
  }
  const unknown = claimExport('UnknownWebhookEvent', '#/webhooks', 'webhook event of an unlisted type');
  const union = claimExport(`${clientName}WebhookEvent`, '#/webhooks', 'webhook event union');
  return { union, property: events.property, members, unknown };
}

/** Builds the tree from {@link Operation.resource} and {@link Operation.methodName}, naming getters, files and classes. */
function resourceTree(api: Api, clientName: string, registry: NameRegistry): ResourceNode {
  const root: ResourceNode = {
    path: [],
    name: '',
    className: clientName,
    file: 'src/client.ts',
    operations: [],
    methodNames: [],
    pollMethodNames: [],
    children: [],
    access: 'client',
  };
  for (const member of runtimeClassMembers('client.ts', 'ClientCore')) registry.take(ROOT_MEMBER_NS, member, 'ClientCore');
  const rootMember = (name: string, op: Operation): string =>
    registry.claimNext(ROOT_MEMBER_NS, name, (n) => `${n}_`, { pointer: op.pointer, from: name }, 'member of the root client');
  const byKey = new Map<string, ResourceNode>([['', root]]);
  /** Folder of a node's children: `src/resources` for the root's, else the parent's folder plus its file stem. */
  const folders = new Map<ResourceNode, string>([[root, 'src/resources']]);
  const nodeFor = (path: string[], op: Operation): ResourceNode => {
    const found = byKey.get(path.join('.'));
    if (found !== undefined) return found;
    const parent = nodeFor(path.slice(0, -1), op);
    const last = path[path.length - 1] as string;
    const name = parent === root ? rootMember(last, op) : last;
    const folder = folders.get(parent) as string;
    const kebab = kebabCase(last) || 'resource';
    // A stem Windows reserves for a device (`con`, whatever its extension) cannot be a file there (as resources.ts `moduleOf`).
    const wantedStem = WINDOWS_DEVICE_STEMS.has(kebab) ? `${kebab}-resource` : kebab;
    const stem = registry.claim(`file:${folder}`, wantedStem, { pointer: op.pointer, from: wantedStem }, [`file of resource ${path.join('.')}`], false);
    const node: ResourceNode = {
      path,
      name,
      className: '',
      file: `${folder}/${stem}.ts`,
      operations: [],
      methodNames: [],
      pollMethodNames: [],
      children: [],
      access: `${parent.access}.${name}`,
    };
    folders.set(node, `${folder}/${stem}`);
    parent.children.push(node);
    byKey.set(path.join('.'), node);
    return node;
  };
  for (const op of api.operations) {
    const node = nodeFor(op.resource, op);
    node.operations.push(op);
    node.methodNames.push(node === root ? rootMember(op.methodName, op) : op.methodName);
  }
  namePollMethods([...byKey.values()], root, registry);

  const all = [...byKey.values()].filter((n) => n !== root);
  const lastNames = new Map<string, number>();
  for (const n of all) lastNames.set(pascalCase(n.name), (lastNames.get(pascalCase(n.name)) ?? 0) + 1);
  for (const n of all.sort((a, b) => compareCodeUnits(a.path.join('.'), b.path.join('.')))) {
    const short = pascalCase(n.name);
    let wanted = lastNames.get(short) === 1 ? short : n.path.map(pascalCase).join('');
    if (wanted === '' || /^[0-9]/.test(wanted)) wanted = `R${wanted}`;
    const first = wanted;
    n.className = registry.claimNext(
      EXPORT_NS,
      wanted,
      (c) => (c === first ? `${c}Resource` : `${c}_`),
      { pointer: n.operations[0]?.pointer ?? '', from: wanted },
      `class of resource ${n.path.join('.')}`,
    );
  }
  const sortChildren = (n: ResourceNode): void => {
    n.children.sort((a, b) => compareCodeUnits(a.name, b.name));
    n.children.forEach(sortChildren);
  };
  sortChildren(root);
  return root;
}

/**
 * `<method>AndPoll` of every operation with `x-poll`, after every other member of its class is named: the root
 * client's in its member namespace (`_` appended while taken, like its other members); a resource's beside its
 * methods, child getters and the members every resource class declares (`client`, `constructor`), `_` appended while
 * taken (an operation named `runAndPoll` keeps its name; the poll method of `run` is `runAndPoll_`).
 */
function namePollMethods(nodes: readonly ResourceNode[], root: ResourceNode, registry: NameRegistry): void {
  for (const node of nodes) {
    const ns = node === root ? ROOT_MEMBER_NS : `resource-member:${node.path.join('.')}`;
    if (node !== root)
      for (const name of ['client', 'constructor', ...node.methodNames, ...node.children.map((c) => c.name)]) registry.take(ns, name, 'resource class');
    node.pollMethodNames = node.operations.map((op, i) =>
      op.poll === undefined
        ? undefined
        : registry.claimNext(
            ns,
            `${node.methodNames[i] ?? op.methodName}AndPoll`,
            (n) => `${n}_`,
            { pointer: op.poll.pointer, from: `${op.methodName}AndPoll` },
            `waiting method of ${op.operationId} (x-poll)`,
          ),
    );
  }
}

/** Every node below the root, depth-first in tree order. */
export function allResources(root: ResourceNode): ResourceNode[] {
  const out: ResourceNode[] = [];
  const walk = (n: ResourceNode): void => {
    for (const c of n.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** `client.a.b.method` of every operation. */
export function methodAccess(root: ResourceNode): Map<Operation, string> {
  const out = new Map<Operation, string>();
  for (const node of [root, ...allResources(root)]) {
    node.operations.forEach((op, i) => {
      out.set(op, `${node.access}.${node.methodNames[i] ?? op.methodName}`);
    });
  }
  return out;
}
