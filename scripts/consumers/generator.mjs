/**
 * The generator as a user gets it: its tarball installed with npm in an empty folder, `npx sdkgen
 * generate` on a sample spec, its library entry loaded with `require()` and `import`, then the two
 * packages it wrote made an npm workspace (as generator/README.md says), installed, built with their
 * own build script, and the built client called from ESM and from CommonJS.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { exec, npm } from './exec.mjs';

/** What both calls print: the sample spec's pet 7, and the 404 of pet 8 as the client's own error class. */
export const GENERATED_OUTPUT = { id: 7, name: 'Rex', notFound: true };

function callSource(baseUrl, load) {
  return `${load}
async function main() {
  const client = new Sample({ baseUrl: '${baseUrl}', auth: { bearerAuth: 'tok' }, maxRetries: 0 });
  const pet = await client.pets.retrieve(7);
  const missing = await client.pets.retrieve(8).catch((err) => err);
  console.log(JSON.stringify({ id: pet.id, name: pet.name, notFound: missing instanceof NotFoundError }));
}
void main();
`;
}

/**
 * Runs the generator flow in `<work>/generator`.
 * @param {{ tarball: string, work: string, baseUrl: string, sampleSpec: string }} options
 * @returns {Promise<string[]>} the steps done, for the report
 * @throws {Error} at the first step that fails, or when a call prints something else than {@link GENERATED_OUTPUT}
 */
export async function generatorConsumer({ tarball, work, baseUrl, sampleSpec }) {
  const dir = path.join(work, 'generator');
  mkdirSync(dir, { recursive: true });
  await exec('npm', ['init', '-y'], { cwd: dir });
  await npm(['install', tarball], { cwd: dir });
  copyFileSync(sampleSpec, path.join(dir, 'openapi.yaml'));
  await exec('npx', ['--no', 'sdkgen', 'generate', 'openapi.yaml', '--out', 'sdk', '--scope', '@sample', '--quiet'], { cwd: dir });

  const library = "typeof lib.generate === 'function' && typeof lib.loadDocument === 'function' ? 'ok' : 'missing exports'";
  const required = (await exec('node', ['-e', `const lib = require('@improvado-sdk/generator'); console.log(${library})`], { cwd: dir })).trim();
  const imported = (
    await exec('node', ['--input-type=module', '-e', `import * as lib from '@improvado-sdk/generator'; console.log(${library})`], { cwd: dir })
  ).trim();
  if (required !== 'ok' || imported !== 'ok') throw new Error(`the generator's library entry: require() ${required}, import ${imported}`);

  const sdk = path.join(dir, 'sdk');
  writeFileSync(path.join(sdk, 'package.json'), `${JSON.stringify({ private: true, workspaces: ['types', 'client'] }, null, 2)}\n`);
  await npm(['install'], { cwd: sdk });
  await npm(['run', 'build', '--workspaces'], { cwd: sdk });

  writeFileSync(path.join(sdk, 'call.mjs'), callSource(baseUrl, "import { Sample, NotFoundError } from '@sample/client';"));
  writeFileSync(path.join(sdk, 'call.cjs'), callSource(baseUrl, "const { Sample, NotFoundError } = require('@sample/client');"));
  for (const file of ['call.mjs', 'call.cjs']) {
    const out = (await exec('node', ['--no-experimental-require-module', file], { cwd: sdk })).trim();
    if (out !== JSON.stringify(GENERATED_OUTPUT)) throw new Error(`generated client, ${file}: printed ${out}, expected ${JSON.stringify(GENERATED_OUTPUT)}`);
  }
  return [
    'npm install <generator tarball>',
    'npx sdkgen generate',
    'require() and import of the library',
    'npm install + build of the generated workspace',
    'ESM and CommonJS calls',
  ];
}
