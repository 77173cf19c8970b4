import { type Config, createConfig } from '@redocly/openapi-core';

/**
 * The rules the loader applies. Redocly's `spec` ruleset (structure, resolvable `$ref`s, unique
 * operationIds, …) with the rules a real-world document often breaks without harm to code generation
 * lowered to warnings. No style rules (`info-license`, `operation-summary`, …): those are the spec
 * author's business, not the generator's.
 *
 * `operation-operationId-unique` is off here: `validate-operations.ts` checks it on the bundled
 * document and names both places.
 */
const RULES = {
  struct: 'error',
  'no-unresolved-refs': 'error',
  'operation-operationId-unique': 'off',
  'no-identical-paths': 'warn',
  'path-declaration-must-exist': 'error',
  'operation-parameters-unique': 'warn',
  'path-parameters-defined': 'warn',
  'path-not-include-query': 'warn',
  'no-duplicated-tag-names': 'warn',
  'no-undefined-server-variable': 'warn',
  'no-example-value-and-externalValue': 'warn',
  'nullable-type-sibling': 'warn',
  'spec-ref-siblings': 'warn',
  'spec-strict-refs': 'warn',
  'spec-components-invalid-map-name': 'warn',
} as const;

let configPromise: Promise<Config> | undefined;

/** One Redocly config per process (building it is not free). */
export function redoclyConfig(): Promise<Config> {
  configPromise ??= createConfig({
    extends: ['spec'],
    rules: { ...RULES },
    oas3_0Rules: { ...RULES },
    oas3_1Rules: { ...RULES },
  });
  return configPromise;
}
