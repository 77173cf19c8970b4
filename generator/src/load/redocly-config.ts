import { type Config, createConfig, isMappingRef, type Oas3Rule, type UserContext, YamlParseError } from '@redocly/openapi-core';

/**
 * The rules the loader applies: structure, resolvable `$ref`s, and the spec-conformance rules of
 * Redocly's `spec` ruleset, with the ones real-world documents often break without harm to code
 * generation lowered to warnings. No style rules (`info-license`, `operation-summary`, …): those are
 * the spec author's business, not the generator's. The list is explicit (no `extends`), so no rule
 * runs that is not named here.
 *
 * `operation-operationId-unique` is off: `validate-operations.ts` checks it on the bundled document
 * and names both places. `path-parameters-defined` is off: the model reports a template variable
 * without a parameter and a path parameter absent from the template, each once, as errors. Redocly's `no-unresolved-refs` is replaced by `sdkgen/no-unresolved-refs`,
 * which accepts discriminator mapping values that are schema names (see {@link NoUnresolvedRefs}).
 */
const RULES = {
  struct: 'error',
  'no-unresolved-refs': 'off',
  'sdkgen/no-unresolved-refs': 'error',
  'sdkgen/scalar-refs': 'warn', // reports nothing: records, see ScalarRefs
  'operation-operationId-unique': 'off',
  'no-identical-paths': 'warn',
  'path-declaration-must-exist': 'error',
  'operation-parameters-unique': 'warn',
  'path-parameters-defined': 'off', // the model checks both directions, once each (model/missing-path-parameter, model/unused-path-parameter)
  'path-not-include-query': 'warn',
  'no-duplicated-tag-names': 'warn',
  'no-undefined-server-variable': 'warn',
  'no-example-value-and-externalValue': 'warn',
  'nullable-type-sibling': 'warn',
  'spec-ref-siblings': 'warn',
  'spec-strict-refs': 'warn',
  'spec-components-invalid-map-name': 'warn',
} as const;

/**
 * Unresolvable `$ref`s (Redocly's wording: `Can't resolve $ref`), and discriminator mapping values
 * that resolve to nothing. A mapping value may be a reference or a schema name (OpenAPI 3.0.3 and
 * 3.1, Discriminator Object): a value that does not look like a reference (`circle: Circle`, no `#`,
 * `/` or file extension) is accepted when `components/schemas` of the entry document has that name.
 * Unlike Redocly's rule, every mapping value is checked (Redocly stops at the first that resolves).
 */
const NoUnresolvedRefs: Oas3Rule = () => {
  let schemaNames = new Set<string>();
  return {
    Root: {
      enter(root) {
        const schemas = (root as { components?: { schemas?: unknown } }).components?.schemas;
        schemaNames = new Set(schemas !== null && typeof schemas === 'object' ? Object.keys(schemas) : []);
      },
    },
    ref: {
      leave(_node, { report, location }, resolved) {
        if (resolved.node !== undefined) return;
        reportUnresolved(resolved.error, report, location);
      },
    },
    DiscriminatorMapping(mapping, { report, resolve, location }) {
      for (const [name, value] of Object.entries(mapping as Record<string, unknown>)) {
        if (typeof value !== 'string') continue; // struct reports the type
        if (!isMappingRef(value) && schemaNames.has(value)) continue;
        const resolved = resolve({ $ref: value });
        if (resolved.node !== undefined) continue;
        if (!isMappingRef(value)) {
          report({
            message: `discriminator mapping '${name}' names schema '${value}', which is not in components/schemas (and no file of that name exists)`,
            location: location.child([name]),
          });
          continue;
        }
        reportUnresolved(resolved.error, report, location.child([name]));
      }
    },
  };
};

function reportUnresolved(error: unknown, report: UserContext['report'], location: UserContext['location']): void {
  if (error instanceof YamlParseError) {
    report({
      message: `Failed to parse: ${error.message}`,
      location: { source: error.source, pointer: undefined, start: { col: error.col, line: error.line } },
    });
  }
  const message = error instanceof Error ? error.message : undefined;
  report({ location, message: `Can't resolve $ref${message ? `: ${message}` : ''}` });
}

/** A `$ref` where Redocly's types expect a plain value (`example: { $ref }`, inside `x-` extensions, …). */
export interface ScalarRef {
  /** The object holding `$ref`. */
  node: Record<string, unknown>;
  parent: unknown;
  key: string | number;
  /** What it resolves to (Redocly's effective target: the first of a chain of composed refs). */
  target: unknown;
}

/** Per linted root document: its scalar-position `$ref`s in the order Redocly's walk leaves them. */
export const scalarRefs = new WeakMap<object, ScalarRef[]>();

/**
 * Not a check: records every resolvable `$ref` that sits where a plain value is expected. Redocly's
 * bundler replaces those by their target even in a one-file document, so the loader, which skips the
 * bundler for such documents (`bundle.ts`), replays exactly these replacements.
 */
const ScalarRefs: Oas3Rule = () => {
  let list: ScalarRef[] = [];
  return {
    Root: {
      enter(root) {
        list = [];
        if (root !== null && typeof root === 'object') scalarRefs.set(root, list);
      },
    },
    ref: {
      leave(node, { type, parent, key }, resolved) {
        if (type.name !== 'scalar' || !resolved.location || resolved.node === undefined) return;
        const target = (resolved.chain as Array<{ node: unknown }> | undefined)?.[0]?.node ?? resolved.node;
        list.push({ node: node as unknown as Record<string, unknown>, parent, key, target });
      },
    },
  };
};

/** A type reference in Redocly's type tree: a type name, a type, or a function of the value picking one. */
type TypeRef = unknown;

/**
 * OpenAPI 3.1 schemas are JSON Schema 2020-12, where `true` and `false` are schemas wherever a
 * schema may stand (component schemas, `items`, `prefixItems`, `allOf`, `properties`, a media type's
 * `schema`, …). Redocly's 3.1 types accept booleans in a few places only; this rewrites every
 * reference to the `Schema` type so that a boolean value is a plain boolean there. 3.0 documents
 * keep Redocly's types: there only `additionalProperties` may be a boolean.
 */
export function acceptBooleanSchemas(types: Record<string, unknown>): Record<string, unknown> {
  const boolean = { type: 'boolean' };
  const fix = (ref: TypeRef): TypeRef => {
    if (ref === 'Schema') return (value: unknown) => (typeof value === 'boolean' ? boolean : 'Schema');
    if (typeof ref === 'function') {
      const pick = ref as (value: unknown, key: string) => unknown;
      return (value: unknown, key: string) => {
        const picked = pick(value, key);
        return typeof value === 'boolean' && picked === 'Schema' ? boolean : picked;
      };
    }
    if (ref !== null && typeof ref === 'object' && typeof (ref as { name?: unknown }).name === 'string') return fixType(ref);
    return ref;
  };
  const fixType = (type: object): object => {
    const t = { ...(type as Record<string, unknown>) };
    if (t['items'] !== undefined) t['items'] = fix(t['items']);
    if (t['additionalProperties'] !== undefined) t['additionalProperties'] = fix(t['additionalProperties']);
    const properties = t['properties'];
    if (properties !== null && typeof properties === 'object') {
      t['properties'] = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, fix(v)]));
    }
    return t;
  };
  return Object.fromEntries(Object.entries(types).map(([name, type]) => [name, type !== null && typeof type === 'object' ? fixType(type) : type]));
}

const plugin = {
  id: 'sdkgen',
  rules: { oas3: { 'sdkgen/no-unresolved-refs': NoUnresolvedRefs, 'sdkgen/scalar-refs': ScalarRefs } },
  typeExtension: {
    oas3: (types: Record<string, unknown>, version: string) => (version === 'oas3_1' ? acceptBooleanSchemas(types) : types),
  },
};

let configPromise: Promise<Config> | undefined;

/** One Redocly config per process (building it is not free). */
export function redoclyConfig(): Promise<Config> {
  configPromise ??= createConfig(
    {
      rules: { ...RULES },
      oas3_0Rules: { ...RULES },
      oas3_1Rules: { ...RULES },
    },
    { plugins: [plugin] as never },
  );
  return configPromise;
}
