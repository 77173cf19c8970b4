/**
 * How webhook payloads name their event type (D45): the property that tells them apart, and per payload the event
 * names it declares. A payload either pins the property (`const`, or an `enum` of string literals, through references
 * and `allOf`) or leaves it an open enum (a union of string `enum`s beside a plain `string`: the names the docs give,
 * and any other). The client's `unwrap` returns the payloads as they are when every payload pins its names; with an
 * open payload it returns a union with one member per documented name and one for the names the API adds later.
 */
import { followRefs } from './graph.js';
import { requestJsonBody } from './queries.js';
import type { Api, Schema, Webhook } from './types.js';

/** Property names tried, in order, as the event-type discriminator of webhook payloads. */
export const EVENT_PROPERTIES: readonly string[] = ['type', 'event', 'event_type', 'eventType', 'kind'];

/** The event names one webhook's payload declares for the discriminating property. */
export interface WebhookEventSource {
  hook: Webhook;
  /**
   * The payload's type name: the component schema's identifier when the JSON body is a `$ref`, else the webhook's own
   * payload type ({@link Webhook.identifier}).
   */
  payload: string;
  /** The string literals the property admits, in spec order, without duplicates. */
  values: string[];
  /** The property also admits any other string (an open enum). */
  open: boolean;
}

/** How the webhook payloads state their event type. */
export interface WebhookEvents {
  /** Wire name of the discriminating property: the first of {@link EVENT_PROPERTIES} every payload declares. */
  property: string;
  /** One entry per webhook with a JSON payload, in webhook order. */
  sources: WebhookEventSource[];
  /**
   * Each event name with the payload type it narrows to, in webhook order: one entry per value, a value two payloads
   * share left out (it narrows to neither alone).
   */
  cases: Array<{ value: string; type: string }>;
  /** Some payload admits event names the spec does not list. */
  open: boolean;
}

/** `schema` through references; undefined at a cycle or a missing target. */
function resolved(api: Api, schema: Schema): Schema | undefined {
  return followRefs(schema, (key) => api.schemas.get(key)?.schema).schema;
}

/** The string literals of a non-nullable enum of strings only; undefined for anything else. */
function stringEnum(schema: Schema | undefined): string[] | undefined {
  if (schema?.kind !== 'enum' || schema.nullable || schema.values.length === 0) return undefined;
  return schema.values.every((v): v is string => typeof v === 'string') ? (schema.values as string[]) : undefined;
}

/**
 * The names a property schema admits: a closed enum of strings, or a non-nullable union of such enums beside at least
 * one plain `string` (open). Undefined for anything else.
 */
function eventNames(api: Api, schema: Schema): { values: string[]; open: boolean } | undefined {
  const s = resolved(api, schema);
  const closed = stringEnum(s);
  if (closed !== undefined) return { values: [...new Set(closed)], open: false };
  if (s?.kind !== 'union' || s.nullable) return undefined;
  const values: string[] = [];
  let open = false;
  for (const variant of s.variants) {
    const v = resolved(api, variant);
    const names = stringEnum(v);
    if (names !== undefined) values.push(...names);
    else if (v?.kind === 'string' && !v.nullable && v.binary !== true) open = true;
    else return undefined;
  }
  return open && values.length > 0 ? { values: [...new Set(values)], open } : undefined;
}

/** The names a payload schema gives required property `name`, through references and `allOf`; undefined when it gives none. */
function declaredNames(api: Api, schema: Schema, name: string, depth = 0): { values: string[]; open: boolean } | undefined {
  if (depth > 32) return undefined;
  if (schema.kind === 'ref') {
    const target = api.schemas.get(schema.target);
    return target === undefined ? undefined : declaredNames(api, target.schema, name, depth + 1);
  }
  if (schema.kind === 'intersection') {
    for (const m of schema.members) {
      const v = declaredNames(api, m, name, depth + 1);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  if (schema.kind !== 'object') return undefined;
  const prop = schema.properties.find((p) => p.name === name && p.required);
  return prop === undefined ? undefined : eventNames(api, prop.schema);
}

/**
 * How the webhook payloads name their event type, when they declare it: the first of {@link EVENT_PROPERTIES} that
 * every webhook with a payload gives as string literals (pinned or an open enum). Undefined when no property
 * qualifies, or no webhook has a payload.
 */
export function webhookEvents(api: Api): WebhookEvents | undefined {
  const hooks = api.webhooks.filter((w) => w.requestBody !== undefined);
  if (hooks.length === 0) return undefined;
  for (const property of EVENT_PROPERTIES) {
    const sources: WebhookEventSource[] = [];
    for (const hook of hooks) {
      const schema = requestJsonBody(hook);
      const names = schema === undefined ? undefined : declaredNames(api, schema, property);
      if (schema === undefined || names === undefined) break;
      const payload = schema.kind === 'ref' ? (api.schemas.get(schema.target)?.identifier ?? hook.identifier) : hook.identifier;
      sources.push({ hook, payload, ...names });
    }
    if (sources.length !== hooks.length) continue;
    const count = new Map<string, number>();
    for (const s of sources) for (const v of s.values) count.set(v, (count.get(v) ?? 0) + 1);
    const cases = sources.flatMap((s) => s.values.filter((v) => count.get(v) === 1).map((value) => ({ value, type: s.hook.identifier })));
    return { property, sources, cases, open: sources.some((s) => s.open) };
  }
  return undefined;
}
