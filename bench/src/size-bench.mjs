/**
 * Bundle sizes: programs making one call, bundled with esbuild (ESM, browser platform, minified,
 * tree-shaken), then gzipped (level 9). Compared:
 * - openapi-fetch 0.17.0, one call;
 * - the sdkgen client, one call through the root class (`new Bench().pet.retrieve(…)`), which pulls
 *   in every resource class (the root class has a getter per resource);
 * - the sdkgen client, one resource imported the way the README's "Tree-shaking" section describes
 *   (`@…/client/resources/<name>` with the core, `new Pet(new ClientCore({ baseUrl }))`): the same
 *   program for Petstore and for GitHub, so the sizes should match;
 * - the same resource over the lean core, the README's smallest bundle (`new Pet(new LeanClient({ baseUrl }))`,
 *   `@…/client/lean`), Petstore and GitHub; the target row compares this one with openapi-fetch;
 * - the lean core alone making the same call as openapi-fetch's program (no resource module), for scale;
 * - the whole sdkgen client (`export * from` the package entry), Petstore and GitHub.
 *
 * GitHub's client is the one the generation benchmark wrote (.cache/bench-out/large/sdkgen-all);
 * Petstore's is generated here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchDir, benchDocs, benchModules, cacheDir, repoDir } from './paths.mjs';

/** The first resource module (sorted by path) whose class has a method taking params: `{ file, className, method }`. */
function firstResource(clientDir) {
  const dir = path.join(clientDir, 'src/resources');
  const files = readdirSync(dir, { recursive: true })
    .filter((f) => String(f).endsWith('.ts'))
    .map(String)
    .sort();
  let fallback;
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const cls = /export class (\w+)/.exec(text);
    if (!cls) continue;
    const method = /^ {2}(\w+)\(\s*params\??:/m.exec(text);
    const entry = { file: file.replace(/\.ts$/, ''), className: cls[1], method: method?.[1] };
    if (method) return entry;
    fallback ??= entry;
  }
  if (fallback) return fallback;
  throw new Error(`no resource class under ${dir}`);
}

export async function runSizeBench({ snapshot, log = console.error }) {
  const esbuild = await import(path.join(benchModules, 'esbuild/lib/main.js'));
  const dir = path.join(cacheDir, 'size');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const petstoreOut = path.join(dir, 'petstore');
  execFileSync(process.execPath, [path.join(benchDir, 'src/sdkgen-child.mjs'), snapshot, benchDocs.small.file, petstoreOut, 'both'], {
    cwd: repoDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const clients = { Petstore: path.join(petstoreOut, 'client') };
  const github = path.join(cacheDir, 'bench-out/large/sdkgen-all/client');
  if (existsSync(path.join(github, 'src/index.ts'))) clients.GitHub = github;

  const bundles = [];
  const notes = [];
  const bundle = async (id, label, source) => {
    const entry = path.join(dir, `${id}.ts`);
    writeFileSync(entry, source);
    try {
      const result = await esbuild.build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
        nodePaths: [benchModules],
      });
      const code = result.outputFiles[0].contents;
      bundles.push({ id, label, minified: code.length, gzip: gzipSync(code, { level: 9 }).length });
      log(`size ${id}: ${code.length} B minified, ${bundles.at(-1).gzip} B gzipped`);
    } catch (error) {
      notes.push(`${label}: bundling failed: ${String(error.message).split('\n')[0]}`);
    }
  };

  await bundle(
    'openapi-fetch-one-call',
    'openapi-fetch 0.17.0, one call',
    [
      "import createClient from 'openapi-fetch';",
      "const client = createClient({ baseUrl: 'https://petstore.example' });",
      "client.GET('/pet/{petId}', { params: { path: { petId: 1 } } }).then((r) => console.log(r.data));",
    ].join('\n'),
  );
  for (const [name, clientDir] of Object.entries(clients)) {
    const rel = (p) => `./${path.relative(dir, path.join(clientDir, p)).split(path.sep).join('/')}`;
    const { file, className, method } = firstResource(clientDir);
    const callArgs = name === 'Petstore' ? '1' : '{}';
    if (name === 'Petstore') {
      await bundle(
        'sdkgen-petstore-one-call',
        'sdkgen Petstore client, one call through the root class (`new Bench().pet.retrieve`)',
        [
          `import { Bench } from '${rel('src/index.ts')}';`,
          "const client = new Bench({ baseUrl: 'https://petstore.example' });",
          `client.pet.retrieve(${callArgs}).then((data) => console.log(data));`,
        ].join('\n'),
      );
    }
    await bundle(
      `sdkgen-${name.toLowerCase()}-one-resource`,
      `sdkgen ${name} client, one resource the documented way (\`resources/${file}\` + core, \`${className}.${method ?? '?'}\`)`,
      [
        `import { ClientCore } from '${rel('src/core/index.ts')}';`,
        `import { ${className} } from '${rel(`src/resources/${file}.ts`)}';`,
        `const resource = new ${className}(new ClientCore({ baseUrl: 'https://api.example' }));`,
        method ? `(resource as any).${method}(${callArgs}).then((data: unknown) => console.log(data));` : 'console.log(resource);',
      ].join('\n'),
    );
    await bundle(
      `sdkgen-${name.toLowerCase()}-one-resource-lean`,
      `sdkgen ${name} client, one resource over the lean core (\`resources/${file}\` + \`lean\`, \`${className}.${method ?? '?'}\`)`,
      [
        `import { LeanClient } from '${rel('src/core/lean.ts')}';`,
        `import { ${className} } from '${rel(`src/resources/${file}.ts`)}';`,
        `const resource = new ${className}(new LeanClient({ baseUrl: 'https://api.example' }));`,
        method ? `(resource as any).${method}(${callArgs}).then((data: unknown) => console.log(data));` : 'console.log(resource);',
      ].join('\n'),
    );
    if (name === 'Petstore') {
      await bundle(
        'sdkgen-lean-core-one-call',
        'sdkgen lean core alone, the call of the openapi-fetch program (`new LeanClient({ baseUrl }).request(op)`, no resource)',
        [
          `import { LeanClient } from '${rel('src/core/lean.ts')}';`,
          "const client = new LeanClient({ baseUrl: 'https://petstore.example' });",
          "client.request({ method: 'get', path: '/pet/{petId}', params: { petId: 1 }, responses: { '200': 'json' } }).then((data) => console.log(data));",
        ].join('\n'),
      );
    }
    await bundle(`sdkgen-${name.toLowerCase()}-whole`, `sdkgen ${name} client, the whole package (\`export *\`)`, `export * from '${rel('src/index.ts')}';\n`);
  }
  if (!clients.GitHub) notes.push("GitHub's client was not generated in this run (run the gen section on `large` first), so its bundles are missing.");
  const same = ['one-resource', 'one-resource-lean'].map((kind) => [
    bundles.find((b) => b.id === `sdkgen-petstore-${kind}`),
    bundles.find((b) => b.id === `sdkgen-github-${kind}`),
  ]);
  for (const [a, b] of same) {
    if (a && b)
      notes.push(
        `One resource${a.id.endsWith('-lean') ? ' over the lean core' : ''}, Petstore vs GitHub: ${a.gzip} vs ${b.gzip} bytes gzipped (${a.gzip === b.gzip ? 'identical' : `differs by ${b.gzip - a.gzip} bytes: resource modules differ in size, the core is the same`}).`,
      );
  }
  return {
    description: 'esbuild 0.28.2: `bundle`, `minify`, ESM, platform browser, target es2022; gzip level 9 (zlib). Sizes in KiB (1,024 bytes).',
    bundles,
    notes,
  };
}
