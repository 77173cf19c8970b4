/**
 * The consumer matrix: each setup is a fresh npm project (made by `npm init -y`, so CommonJS unless
 * it says `type: module`) with the packed types and client installed from their tarballs, one source
 * file, how it is compiled (TypeScript 5.4, 5.9 and 7 with the setup's compiler options, or an
 * esbuild browser bundle, or nothing for plain JavaScript), and the output it must print when run
 * against the local server.
 */

/** What a run of the full program prints: the client's call, the lean core's, the 404 as the same error classes. */
export const FULL_OUTPUT = {
  id: 5,
  leanId: 5,
  notFound: true,
  sameCore: true,
  webhooks: 'function',
};

/**
 * A TypeScript program that uses every public entry of the client: the root, `./core`, `./lean`,
 * `./resources/*`, `./webhooks`, and a type of the types package. `__BASE_URL__` is replaced by the
 * server's URL.
 */
const FULL_SOURCE = `import { Improvado, NotFoundError } from '@improvado-sdk/client';
import { SdkError } from '@improvado-sdk/client/core';
import { LeanClient } from '@improvado-sdk/client/lean';
import { Extracts } from '@improvado-sdk/client/resources/extracts';
import { unwrap } from '@improvado-sdk/client/webhooks';
import type { RetrieveExtractResponse } from '@improvado-sdk/types';

const baseUrl = '__BASE_URL__';

async function main(): Promise<void> {
  const client = new Improvado({ baseUrl, auth: { bearerAuth: 'tok' }, maxRetries: 0 });
  const extract: RetrieveExtractResponse = await client.extracts.retrieve(5);
  const missing: unknown = await client.extracts.retrieve(404).catch((err: unknown) => err);
  const lean = new Extracts(new LeanClient({ baseUrl, headers: { authorization: 'Bearer tok' } }));
  const again = await lean.retrieve(5);
  const result = {
    id: extract.id,
    leanId: again.id,
    notFound: missing instanceof NotFoundError,
    sameCore: missing instanceof SdkError,
    webhooks: typeof unwrap,
  };
  console.log(JSON.stringify(result));
}

void main();
`;

/** The same program as plain CommonJS JavaScript (\`require()\` of every entry). */
const REQUIRE_SOURCE = `const { Improvado, NotFoundError } = require('@improvado-sdk/client');
const { SdkError } = require('@improvado-sdk/client/core');
const { LeanClient } = require('@improvado-sdk/client/lean');
const { Extracts } = require('@improvado-sdk/client/resources/extracts');
const { unwrap } = require('@improvado-sdk/client/webhooks');
require('@improvado-sdk/types');

const baseUrl = '__BASE_URL__';

async function main() {
  if (!require.resolve('@improvado-sdk/client').endsWith('.cjs')) throw new Error('require() did not resolve to the CommonJS build');
  const client = new Improvado({ baseUrl, auth: { bearerAuth: 'tok' }, maxRetries: 0 });
  const extract = await client.extracts.retrieve(5);
  const missing = await client.extracts.retrieve(404).catch((err) => err);
  const lean = new Extracts(new LeanClient({ baseUrl, headers: { authorization: 'Bearer tok' } }));
  const again = await lean.retrieve(5);
  const result = {
    id: extract.id,
    leanId: again.id,
    notFound: missing instanceof NotFoundError,
    sameCore: missing instanceof SdkError,
    webhooks: typeof unwrap,
  };
  console.log(JSON.stringify(result));
}

void main();
`;

/** Types only: \`import type\` of both packages, the call made with fetch; the emitted JavaScript imports nothing. */
const TYPE_ONLY_SOURCE = `import type { Improvado, ImprovadoOptions } from '@improvado-sdk/client';
import type { paths, RetrieveExtractResponse } from '@improvado-sdk/types';

const options: ImprovadoOptions = { baseUrl: '__BASE_URL__' };
const route: keyof paths = '/api/v3/extracts/{extract_id}';

async function main(client?: Improvado): Promise<void> {
  const response = await fetch(\`\${options.baseUrl ?? ''}\${route.replace('{extract_id}', '5')}\`, {
    headers: { authorization: 'Bearer tok' },
  });
  const extract = (await response.json()) as RetrieveExtractResponse;
  console.log(JSON.stringify({ id: extract.id, noClient: client === undefined }));
}

void main();
`;

/** Compiler options every TypeScript setup shares: the strictest flags the README promises, library declarations checked. */
export const BASE_COMPILER_OPTIONS = {
  target: 'es2022',
  lib: ['es2022', 'dom'],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: false,
  types: [],
};

/** The TypeScript versions every TypeScript setup compiles with. */
export const TYPESCRIPT_VERSIONS = ['5.4', '5.9', '7'];

/**
 * @typedef {object} Setup
 * @property {string} name
 * @property {string} description
 * @property {'module' | 'commonjs'} type package.json `type` (`commonjs`: what `npm init -y` writes)
 * @property {'ts' | 'cjs' | 'bundle'} kind how it is built: tsc per TypeScript version, none, or esbuild
 * @property {Record<string, unknown>} [compilerOptions] on top of {@link BASE_COMPILER_OPTIONS}
 * @property {string} source
 * @property {string[]} [nodeFlags] flags of the `node` that runs it
 * @property {Record<string, unknown>} output what it prints (JSON)
 */

/** @type {Setup[]} */
export const SETUPS = [
  {
    name: 'esm-node16',
    description: 'ESM project, module/moduleResolution node16',
    type: 'module',
    kind: 'ts',
    compilerOptions: { module: 'node16', moduleResolution: 'node16' },
    source: FULL_SOURCE,
    output: FULL_OUTPUT,
  },
  {
    name: 'esm-bundler',
    description: 'ESM project, module esnext, moduleResolution bundler',
    type: 'module',
    kind: 'ts',
    compilerOptions: { module: 'esnext', moduleResolution: 'bundler' },
    source: FULL_SOURCE,
    output: FULL_OUTPUT,
  },
  {
    name: 'cjs-node16',
    description: 'CommonJS TypeScript (npm init -y), module node16; run without require(esm)',
    type: 'commonjs',
    kind: 'ts',
    compilerOptions: { module: 'node16', moduleResolution: 'node16' },
    source: FULL_SOURCE,
    nodeFlags: ['--no-experimental-require-module'],
    output: FULL_OUTPUT,
  },
  {
    name: 'cjs-nodenext',
    description: 'CommonJS TypeScript (npm init -y), module nodenext; run without require(esm)',
    type: 'commonjs',
    kind: 'ts',
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' },
    source: FULL_SOURCE,
    nodeFlags: ['--no-experimental-require-module'],
    output: FULL_OUTPUT,
  },
  {
    name: 'require',
    description: 'plain require() from JavaScript, as Node 20 before require(esm) (--no-experimental-require-module)',
    type: 'commonjs',
    kind: 'cjs',
    source: REQUIRE_SOURCE,
    nodeFlags: ['--no-experimental-require-module'],
    output: FULL_OUTPUT,
  },
  {
    name: 'type-only',
    description: 'import type only, verbatimModuleSyntax and isolatedModules, module nodenext',
    type: 'module',
    kind: 'ts',
    compilerOptions: {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      verbatimModuleSyntax: true,
      isolatedModules: true,
    },
    source: TYPE_ONLY_SOURCE,
    output: { id: 5, noClient: true },
  },
  {
    name: 'browser-bundle',
    description: 'esbuild bundle for the browser (platform browser, ESM), run in Node',
    type: 'module',
    kind: 'bundle',
    source: FULL_SOURCE,
    output: FULL_OUTPUT,
  },
];
