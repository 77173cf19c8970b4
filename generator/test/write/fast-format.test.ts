/**
 * fastFormat: what it accepts is exactly prettier's output for the statement (checked here with
 * prettier itself, both quote styles); what it cannot vouch for it leaves to prettier (undefined).
 * The corpus version of this test is bench/test/fast-format.test.ts.
 */
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { fastFormat, fastFormatStyle, plainType } from '../../src/write/fast-format.js';

const DEFAULTS = { parser: 'babel-ts', endOfLine: 'lf' } as const;
const REPO = { ...DEFAULTS, printWidth: 100, singleQuote: true, trailingComma: 'all', semi: true, arrowParens: 'always' } as const;

/** As the emitters print them (double quotes, nested literals not re-indented). */
const ACCEPTED: Record<string, string> = {
  'an interface with JSDoc and nested literals': [
    '/**',
    ' * Workflow usage',
    ' *',
    ' * Source: `#/components/schemas/workflow-usage`',
    ' */',
    'export interface WorkflowUsage {',
    '  /** Billable time. */',
    '  billable: {',
    '    UBUNTU?: {',
    '    total_ms?: number;',
    '    job_runs?: {',
    '    job_id: number;',
    '    }[];',
    '    };',
    '    };',
    '  readonly "a-b"?: "x" | "y" | null;',
    '  "200": Record<string, unknown>;',
    '  reason: "won\'t fix" | "fixed";',
    '  tags: (string | number)[];',
    '}',
  ].join('\n'),
  'a type alias': 'export type Scope = "enterprise" | "org" | components.Schema<string, unknown>[];',
  'a type literal alias': 'export type Pet = {\n  id: number;\n  name?: string;\n};',
  'a literal or null (prettier hugs it)': 'export interface A {\n  a?: {\n  b: string;\n  } | null;\n}',
  'a long union in a member': `export interface A {\n  scope: ${['enterprise', 'organization', 'repository', 'cost_center', 'multi_user_customer', 'user'].map((s) => `"${s}"`).join(' | ')};\n}`,
  'a very long union in a member': `export interface A {\n  scope?: ${Array.from({ length: 12 }, (_, i) => `"value_number_${i}"`).join(' | ')};\n}`,
  'an index signature': 'export interface A {\n  [key: string]: unknown;\n}',
  'a union of object literals (prettier breaks it, one member a line)': 'export interface A {\n  a: {\n  b: string;\n  } | {\n  c: string;\n  };\n}',
  'an array of literals or null (prettier breaks it)': 'export interface A {\n  a: {\n  b: string;\n  }[] | null;\n}',
  'a literal or undefined (prettier breaks it)': 'export interface A {\n  a: {\n  b: string;\n  } | undefined;\n}',
  'an array of a union holding a literal, nested': [
    'export type A = {',
    '  labels: (string | {',
    '  id?: number;',
    '  /** Deeper. */',
    '  deep: ({',
    '  a: string;',
    '  } | X)[];',
    '  u: {',
    '  a: string;',
    '  } | {',
    '  b: string;',
    '  }[];',
    '  })[];',
    '};',
  ].join('\n'),
  'intersections of a name and a literal': 'export interface I {\n  e: X & {\n  z: string;\n  };\n  e3: {\n  z: string;\n  } & X;\n  e5: {\n  a: string;\n  } & {\n  b: string;\n  };\n}',
  'one-line index signatures, and one holding a literal': 'export type A = {\n  k: { [key: string]: string | number };\n  k2?: { [key: string]: (string | number)[] };\n  g: { [key: string]: {\n  a: string;\n  } };\n  n: { [key: string]: Dependency } | null;\n};',
  'an array of literals or null, in a member and in a union': 'export type A = {\n  assignees: ({\n  a: string;\n  } | null)[];\n  d: X | ({\n  a: string;\n  } | null)[];\n};',
  'long unions in arrays (prettier breaks inside the parentheses)': [
    'export type A = {',
    '  runtime_risks?: ("critical-resource" | "internet-exposed" | "lateral-movement" | "sensitive-data")[];',
    '  sort?: ("last_rate_limited_timestamp" | "last_request_timestamp" | "rate_limited_request_count" | "subject_name" | "total_request_count")[];',
    '  ab?: ("critical-resource" | "internet-exposed" | "lateral-movement" | "sensi")[];',
    '  abcdefgh?: ("critical-resource" | "internet-exposed" | "lateral-movement")[];',
    '};',
  ].join('\n'),
  'an alias: a long union of names': 'export type TimelineIssueEvents = LabeledIssueEvent | UnlabeledIssueEvent | MilestonedIssueEvent | DemilestonedIssueEvent | RenamedIssueEvent;',
  'an alias: a union of names just too long': 'export type Short = LabeledIssueEvent | UnlabeledIssueEvent | MilestonedIssueEvent | Demil;',
  'integer keys and indexed access (the paths and operations interfaces)': 'export interface operations {\n  "meta/root": {\n  responses: {\n  200: {\n  content: components["schemas"]["root"];\n  };\n  };\n  };\n  get: operations["meta/root"];\n}',
  'indexed accesses too long for their line': 'export interface paths {\n  "/a": {\n  delete: operations["packages/get-all-package-versions-for-package-owned-by-authenticated-user"];\n  y: components["schemas"]["packages/get-all-package-versions-for-package-owned"][];\n  };\n}\n',
  'an alias of an indexed access too long for its line': 'export type T = components["schemas"]["packages/get-all-package-versions-for-package-owned"];',
  'a type literal opened on a line too long': 'export interface paths {\n  "/repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}": {\n  a: string;\n  };\n  "/repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}/x"?: {\n  a: string;\n  }[];\n}',
  'an alias of a name too long for its line': 'export type ActionsGetActionsCacheRetentionLimitForRepositoryResponse = ActionsCacheRetentionLimitForRepository[];',
  'a member too long for its line (prettier cannot break a name)': 'export interface A {\n  content: {\n  "application/json": OrgsCustomPropertiesForReposCreateOrUpdateOrganizationDefinitionsBody;\n  "application/json-more": OrgsCustomPropertiesForReposCreateOrUpdateOrganizationDefinitionsBody[];\n  };\n}',
  'trailing whitespace and tabs in a JSDoc comment': '/** x */\nexport interface A {\n  /**\n   * a  \n   * b \n   * c    \n   *  \n   * d\te |\t f\n   * g \t\n   */\n  a: string;\n}',
  'an alias: union holding a literal': 'export type B = X | {\n  a: string;\n};',
  'an alias: literal first': 'export type C = {\n  a: string;\n} | X | null;',
  'an alias: array of literals': 'export type D = {\n  a: string;\n}[];',
  'an alias: literal or null': 'export type E = {\n  a: string;\n} | null;',
  'an inline object type': 'export type A = { a: string };',
  'an alias: intersection': 'export type F = Base & {\n  a: string;\n};',
  imports: 'import type { A, B } from "./shared.js";',
  'imports, one too long for its line': 'import type { Alpha, Beta } from "./a.js";\nexport type { Alpha, Beta, Gamma, Delta, Epsilon, Zeta, Eta, Theta, Iota, Kappa, Lambda, Mu } from "./b.js";\nexport * from "./c.js";',
  're-exports': 'export * from "./pets.js";',
  'a line comment': '// Generated by sdkgen from spec/openapi.yaml. Do not edit: run `pnpm generate`.',
};

const REJECTED: Record<string, string> = {
  'an empty interface (prettier prints `{}`)': 'export interface A {\n}',
  'a function type': 'export type F = (a: string) => void;',
  'a string with an escape': 'export type A = "a\\"b";',
  'a quoted identifier key (prettier unquotes it)': 'export interface A {\n  "name": string;\n}',
  'redundant parentheses': 'export type A = (string)[];',
  'a mix of | and &': 'export type A = B & C | D;',
  'a blank line inside': 'export interface A {\n  a: string;\n\n  b: string;\n}',
  'code after the statement': 'export type A = string;\nexport type B = string;',
  'a class': 'export class A {}',
  'a three-part intersection holding a literal (prettier indents it)': 'export interface A {\n  e: X & Y & {\n  z: string;\n  };\n}',
  'an intersection with a union holding a literal': 'export interface A {\n  e: X & ({\n  z: string;\n  } | Y);\n}',
  'parentheses without `[]` around a union holding a literal': 'export interface A {\n  e: ({\n  z: string;\n  } | Y);\n}',
  'an inline literal of two members': 'export interface A {\n  e: { a: string; b: string } | {\n  z: string;\n  };\n}',
  'a comment before a closing brace': 'export interface A {\n  e: string;\n  /** x */\n}',
  'a member too long for its line, of a generic (prettier breaks its arguments)': 'export interface A {\n  "application/json-more-and-more-and-more": Record<string, OrgsCustomPropertiesForReposCreateOrUpdateOrganizationDefinitionsBody>;\n}',
  'trailing whitespace after a line comment': '// x \nexport type A = string;',
  'trailing whitespace in code': 'export interface A {\n  a: string; \n}',
  'a tab in code': 'export interface A {\n  a:\tstring;\n}',
  'a literal in a generic': 'export type A = Array<{\n  a: string;\n}>;',
};

describe('fastFormat', () => {
  for (const [label, options] of [
    ['prettier defaults', DEFAULTS],
    ['single quotes, print width 100', REPO],
    ['no trailing commas', { ...DEFAULTS, trailingComma: 'none' }],
  ] as const) {
    const style = fastFormatStyle(options);
    it(`gives prettier's bytes (${label})`, async () => {
      expect(style).toBeDefined();
      for (const [name, text] of Object.entries(ACCEPTED)) {
        const fast = fastFormat(text, style!);
        expect(fast, name).toBeDefined();
        expect(fast, name).toBe(await prettier.format(text, options));
      }
    });
    it(`leaves to prettier what it cannot vouch for (${label})`, () => {
      for (const [name, text] of Object.entries(REJECTED)) expect(fastFormat(text, style!), name).toBeUndefined();
    });
  }

  it('is off for options it does not model', () => {
    expect(fastFormatStyle({ ...DEFAULTS, tabWidth: 4 })).toBeUndefined();
    expect(fastFormatStyle({ ...DEFAULTS, semi: false })).toBeUndefined();
    expect(fastFormatStyle({ ...DEFAULTS, quoteProps: 'consistent' })).toBeUndefined();
    expect(fastFormatStyle({ parser: 'markdown' })).toBeUndefined();
    expect(fastFormatStyle({ ...DEFAULTS, bracketSpacing: false })).toBeUndefined();
    expect(fastFormatStyle({ ...DEFAULTS, printWidth: 120 })).toEqual({ printWidth: 120, quote: '"', trailingComma: true });
    expect(fastFormatStyle({ ...DEFAULTS, trailingComma: 'none' })).toEqual({ printWidth: 80, quote: '"', trailingComma: false });
  });

  it('plainType normalises quotes and refuses what it does not know', () => {
    expect(plainType('"a" | \'b\' | null', "'")).toBe("'a' | 'b' | null");
    expect(plainType('Array<{ a: string }>', '"')).toBeUndefined();
    expect(plainType('keyof A', '"')).toBeUndefined();
    expect(plainType('A | ', '"')).toBeUndefined();
  });
});
