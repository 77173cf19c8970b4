/**
 * Loaded document → {@link Api}: the only caller of the other model modules.
 *
 * Order: operations and webhooks are read (converting their inline schemas), then every named schema
 * (components, lifted `$defs`, lifted recursive targets), self-references with no structure in
 * between are left out (alias-cycles.ts), then names (schemas first, so spec names
 * win collisions; then request variants, operations, helper types, parameters, webhooks, the
 * webhook payload union), resources
 * and method names, pagination, `x-poll` (after pagination: a status read must not page), security schemes, modules.
 */
import { GenerateError, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { LoadedDocument } from '../load/types.js';
import { assignPagination } from './pagination.js';
import { assignPolls } from './poll.js';
import { breakAliasCycles } from './alias-cycles.js';
import { readSecuritySchemes } from './auth.js';
import { isObject } from '../json.js';
import { ModelContext } from './context.js';
import { type AccessFlags, directRefs, reachable, refGraph, transitiveFlags } from './graph.js';
import { assignModules, requestSchemasOf, SHARED_MODULE } from './modules.js';
import { NameRegistry, OPENAPI_SHAPE_NAMES, OPERATION_NS, TYPE_NS, toTypeIdentifier, WEBHOOK_PAYLOAD_NAME } from './naming.js';
import { OperationReader, readOperations } from './operations.js';
import { otherParameters, pathParameters, requestJsonBody, successJsonBody } from './queries.js';
import { assignResources } from './resources.js';
import { applyDocs, docsOf, SchemaConverter } from './schemas.js';
import type { Api, NamedSchema, Operation, Pointer, Schema, Server, Tag, Webhook } from './types.js';
import { readSignature, readWebhooks } from './webhooks.js';

/** Suffix of the request-side variant of a schema with readOnly/writeOnly properties (`Order` → `OrderInput`). */
export const REQUEST_VARIANT_SUFFIX = 'Input';

/**
 * Builds the intermediate model of a loaded (bundled) OpenAPI 3.0/3.1 document.
 *
 * @returns the model and the model's own diagnostics (warnings and infos; the loader's are not repeated).
 * @throws {GenerateError} when any error was found (duplicate operationIds, unresolvable method-name
 *   collisions, invalid `x-pagination`/`x-poll`/`x-token-endpoint`/`x-webhook-signature`, dangling refs, …),
 *   carrying every diagnostic of the run at once.
 */
export function buildModel(loaded: LoadedDocument): { api: Api; diagnostics: Diagnostic[] } {
  const ctx = new ModelContext(loaded);
  const doc = ctx.doc;
  const converter = new SchemaConverter(ctx);
  const reader = new OperationReader(ctx, converter);

  const operations = readOperations(ctx, reader);
  const webhookSignature = doc['x-webhook-signature'] !== undefined ? readSignature(ctx, doc['x-webhook-signature'], '#/x-webhook-signature') : undefined;
  const webhooks = readWebhooks(ctx, reader, webhookSignature);
  const converted = converter.convertAll();

  const schemaMap = new Map<string, Schema>();
  for (const c of converted) schemaMap.set(c.source.key, c.schema);
  for (const { key, through } of breakAliasCycles(schemaMap)) {
    const c = converted.find((x) => x.source.key === key);
    if (c === undefined) continue;
    c.schema = schemaMap.get(key) as Schema;
    const via = through.length > 0 ? ` (through ${through.join(', ')})` : '';
    ctx.report(
      'warning',
      'model/self-referencing-schema',
      `schema ${key} refers to itself${via} with no object or array in between; those references add no values and are left out`,
      c.source.pointer,
    );
  }
  const graph = refGraph(schemaMap);
  const flags = transitiveFlags(schemaMap, graph);

  const registry = new NameRegistry();
  for (const name of OPENAPI_SHAPE_NAMES) registry.take(TYPE_NS, name);
  // Names are claimed in two rounds: first every component whose key is its identifier exactly (`ErrorModel`,
  // `OwnerTag`), which no other schema can then take (D55); then the rest in spec order, whose collision suffixes skip
  // every name a schema spells. The map keeps spec order.
  const wanted = converted.map(({ source }) => ({ source, ...toTypeIdentifier(source.nameHint) }));
  registry.expect(TYPE_NS, [...wanted.map((w) => w.name), ...webhookNames(webhooks).map((w) => w.name)]);
  const isExact = (w: (typeof wanted)[number]): boolean => w.source.origin === 'component' && w.name === w.source.key;
  const identifiers = new Map<string, string>();
  for (const w of [...wanted.filter(isExact), ...wanted.filter((w) => !isExact(w))]) {
    const { source, name, reasons } = w;
    if (source.origin === 'defs') reasons.unshift('lifted from $defs');
    if (source.origin === 'lifted') reasons.unshift('lifted: a recursive inline reference');
    const takenBy = registry.takenBy(TYPE_NS, name);
    const identifier = registry.claim(TYPE_NS, name, { pointer: source.pointer, from: source.key }, reasons);
    if (takenBy !== undefined) {
      ctx.report(
        'warning',
        'model/schema-identifier-collision',
        `schema "${source.key}" gives the identifier ${name}, already used by ${holder(takenBy)}; using ${identifier}`,
        source.pointer,
      );
    }
    identifiers.set(source.key, identifier);
  }
  const schemas = new Map<string, NamedSchema>();
  for (const { source, schema } of converted) {
    const identifier = identifiers.get(source.key) as string;
    // Every converted schema has its flags: `flags` is computed over all of them.
    schemas.set(source.key, { key: source.key, identifier, schema, module: '', pointer: source.pointer, ...(flags.get(source.key) as AccessFlags) });
  }
  // A request variant is declared only where a request uses it: through a parameter or request body
  // of an operation or webhook, at any depth. (GitHub's document has 254 flagged schemas, ~51,000
  // lines, that no request reaches; see D21.)
  const requestSide = new Set(
    reachable(
      [...operations, ...webhooks].flatMap((x) => requestSchemasOf(x).flatMap(directRefs)),
      graph,
    ),
  );
  for (const named of schemas.values()) {
    if (!named.hasReadOnly && !named.hasWriteOnly && !named.hasRequiredDefault) continue;
    if (!requestSide.has(named.key)) continue;
    const wanted = `${named.identifier}${REQUEST_VARIANT_SUFFIX}`;
    named.requestIdentifier = claimTypeName(ctx, registry, wanted, named.pointer, `request variant of ${named.identifier}`, { reason: 'request variant' });
  }
  nameOperations(ctx, operations, registry, schemas);
  nameWebhooks(ctx, webhooks, registry, schemas);
  const webhookPayload = webhooks.length > 0 ? claimTypeName(ctx, registry, WEBHOOK_PAYLOAD_NAME, '#/webhooks', 'union of the webhook payloads') : undefined;

  // Pagination first: a paginated GET is a list whatever its page's items are (model/resources.ts).
  assignPagination(ctx, operations, schemaMap);
  assignResources(ctx, operations, registry, schemaMap);
  assignPolls(ctx, operations, schemaMap);
  const securitySchemes = readSecuritySchemes(ctx, operations, schemaMap);
  const modules = assignModules(operations, webhooks, graph);
  for (const named of schemas.values()) named.module = modules.get(named.key) ?? SHARED_MODULE;

  const info = isObject(doc.info) ? doc.info : {};
  const api: Api = {
    title: typeof info.title === 'string' ? info.title : '',
    version: String(info.version ?? ''),
    openapi: typeof doc.openapi === 'string' ? doc.openapi : loaded.openapi,
    servers: readServers(doc.servers),
    schemas,
    operations,
    securitySchemes,
    security: reader.security(doc.security, '#/security'),
    webhooks,
    tags: readTags(doc.tags),
    renames: registry.renames,
  };
  applyDocs(api, docsOf({ summary: info.summary, description: info.description, externalDocs: doc.externalDocs }));
  if (webhookSignature) api.webhookSignature = webhookSignature;
  if (webhookPayload !== undefined) api.webhookPayload = webhookPayload;

  // The document's `security` is read once per inheriting operation and once for `api.security`:
  // report each problem once.
  const diagnostics = dedupe(ctx.diagnostics);
  if (hasErrors(diagnostics)) throw new GenerateError(diagnostics);
  return { api, diagnostics };
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = JSON.stringify([d.severity, d.code, d.message, d.pointer]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Operation identifiers, helper type names and parameter binding names. */
function nameOperations(ctx: ModelContext, ops: Operation[], registry: NameRegistry, schemas: ReadonlyMap<string, NamedSchema>): void {
  const seenIds = new Set<string>();
  const wanted = ops.map((op) => ({
    op,
    plain: op.operationId.charAt(0).toUpperCase() + op.operationId.slice(1),
    ...toTypeIdentifier(op.operationId, 'Operation'),
  }));
  registry.expect(
    OPERATION_NS,
    wanted.map((w) => w.name),
  );
  // As for schemas: operationIds that are their identifier but for the first letter (`getPet`) claim first.
  const isExact = (w: (typeof wanted)[number]): boolean => !w.op.derivedId && w.name === w.plain;
  for (const { op, plain, name, reasons } of [...wanted.filter(isExact), ...wanted.filter((w) => !isExact(w))]) {
    if (op.derivedId) reasons.unshift('no operationId: derived from method and path');
    const from = op.derivedId ? `${op.method} ${op.path}` : op.operationId;
    op.identifier = registry.claim(OPERATION_NS, name, { pointer: op.pointer, from }, reasons, (final) => op.derivedId || final !== plain);
    // A repeated operationId is already an error (model/duplicate-operation-id): no second report.
    if (op.identifier !== name && !seenIds.has(op.operationId)) {
      ctx.report(
        'warning',
        'model/operation-identifier-collision',
        `operationId "${op.operationId}" gives the identifier ${name}, already used by another operation; using ${op.identifier}`,
        op.pointer,
      );
    }
    seenIds.add(op.operationId);
  }
  for (const op of ops) {
    const helper = (suffix: 'Params' | 'Body' | 'Response' | 'Error'): string => {
      // No news when the helper is that very schema under a second name (deleteRole's response is DeleteRoleResponse).
      const oneSuccess = op.responses.filter((r) => r.category === 'success' && r.contents.length > 0).length === 1;
      const aliased =
        suffix === 'Response' && oneSuccess
          ? successJsonBody(op)
          : suffix === 'Body' && op.requestBody?.contents.length === 1
            ? op.requestBody.contents[0]?.schema
            : undefined;
      const same = (takenBy: string): boolean => aliased?.kind === 'ref' && schemas.get(aliased.target)?.pointer === takenBy;
      return claimTypeName(ctx, registry, `${op.identifier}${suffix}`, op.pointer, `${suffix} helper type of ${op.operationId}`, { same });
    };
    const names: Operation['names'] = { params: helper('Params'), response: '', error: '' };
    if (op.requestBody) names.body = helper('Body');
    names.response = helper('Response');
    names.error = helper('Error');
    op.names = names;
  }
  // After every other helper name, so that adding these (D40) renamed no existing type.
  for (const op of ops) {
    if (pathParameters(op).length === 0 || otherParameters(op).length === 0) continue;
    op.names.query = claimTypeName(ctx, registry, `${op.identifier}Query`, op.pointer, `Query helper type of ${op.operationId}`);
  }
}

/**
 * Claims `wanted` among the exported type names for a name the generator derives (`what`: a request variant, an
 * operation's helper type, the union of the webhook payloads); a suffix is a `model/helper-identifier-collision`
 * warning at `pointer`, unless `same(holder)` says the holder is the very type the name would declare.
 * @param options.reason the rename's reason in `api.renames` (default: `what`)
 */
function claimTypeName(
  ctx: ModelContext,
  registry: NameRegistry,
  wanted: string,
  pointer: Pointer,
  what: string,
  options: { reason?: string; same?: (takenBy: string) => boolean } = {},
): string {
  const takenBy = registry.takenBy(TYPE_NS, wanted);
  const final = registry.claim(TYPE_NS, wanted, { pointer, from: wanted }, [options.reason ?? what], false);
  if (takenBy !== undefined && options.same?.(takenBy) !== true) {
    ctx.report('warning', 'model/helper-identifier-collision', `the ${what} would be ${wanted}, already used by ${holder(takenBy)}; using ${final}`, pointer);
  }
  return final;
}

/** What holds a type name, for a message: a pointer, or the types package for its own names (`paths`, …). */
function holder(takenBy: string): string {
  return takenBy === '' ? 'the types package' : takenBy;
}

/**
 * The identifier each webhook asks for: PascalCase of its name, plus the method when a name has several. They are
 * declared beside the schemas (a webhook `event` whose payload is the schema `Event` is `Event2`).
 */
function webhookNames(hooks: Webhook[]): Array<{ hook: Webhook; name: string; reasons: string[] }> {
  const perName = new Map<string, number>();
  for (const h of hooks) perName.set(h.name, (perName.get(h.name) ?? 0) + 1);
  return hooks.map((hook) => ({ hook, ...toTypeIdentifier((perName.get(hook.name) ?? 0) > 1 ? `${hook.name} ${hook.method}` : hook.name, 'Webhook') }));
}

/**
 * Webhook identifiers, in the namespace of exported types; a suffix is a `model/webhook-identifier-collision` warning,
 * unless the name is held by the webhook's own payload schema (webhook `event`, payload `Event`: the type `Event2` is
 * `Event`).
 */
function nameWebhooks(ctx: ModelContext, hooks: Webhook[], registry: NameRegistry, schemas: ReadonlyMap<string, NamedSchema>): void {
  for (const { hook, name, reasons } of webhookNames(hooks)) {
    const takenBy = registry.takenBy(TYPE_NS, name);
    hook.identifier = registry.claim(TYPE_NS, name, { pointer: hook.pointer, from: hook.name }, reasons, false);
    const payload = requestJsonBody(hook);
    const own = payload?.kind === 'ref' && schemas.get(payload.target)?.pointer === takenBy;
    if (takenBy !== undefined && !own) {
      ctx.report(
        'warning',
        'model/webhook-identifier-collision',
        `webhook "${hook.name}" gives the identifier ${name}, already used by ${holder(takenBy)}; using ${hook.identifier}`,
        hook.pointer,
      );
    }
  }
}

function readServers(raw: unknown): Server[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).map((s) => {
    const server: Server = { url: typeof s.url === 'string' ? s.url : '', variables: {} };
    if (typeof s.description === 'string') server.description = s.description;
    if (isObject(s.variables)) {
      for (const [name, v] of Object.entries(s.variables)) {
        if (!isObject(v)) continue;
        const variable: Server['variables'][string] = { default: String(v.default ?? '') };
        if (Array.isArray(v.enum)) variable.enum = v.enum.map(String);
        if (typeof v.description === 'string') variable.description = v.description;
        server.variables[name] = variable;
      }
    }
    return server;
  });
}

function readTags(raw: unknown): Tag[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).flatMap((t) => {
    if (typeof t.name !== 'string') return [];
    const tag: Tag = { name: t.name };
    applyDocs(tag, docsOf({ description: t.description, externalDocs: t.externalDocs, 'x-inferred': t['x-inferred'] }));
    return [tag];
  });
}
