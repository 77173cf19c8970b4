/**
 * Compiles the generated client (with its types package) of every fixture and of the Improvado
 * spec with TypeScript 5.4 (the stated minimum), 5.9 (pinned) and 7 under the shared strict options
 * (generator/test/strict-options.ts), together with:
 * - consumers/<fixture>.ts.txt: type tests (`expectTypeOf`, `@ts-expect-error`) of the public surface
 *   (Improvado; multipart-binary, binary-downloads, responses-without-body, text-plain-bodies; webhook-events,
 *   webhook-open-events;
 *   enum-values-names, resource-file-names, resource-global-names, runtime-export-names; typed-error-bodies; path-arguments; poll;
 *   prototype-members, thenable-members; request-by-path; …);
 * - every ```ts block of each generated README.md, as its own module (a block that imports a `node:` module, such as
 *   a webhook receiver on `node:http`, in a second program with Node's types, so that the first keeps proving the
 *   clients need no ambient types).
 * Also scans the generated sources for the `any` type.
 *
 * Output goes to generator/.sdkgen-cache/client/ (git-ignored); `vitest` resolves from generator/.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { strictCompilerOptions } from '../strict-options.js';
import { clientFixtures, type Fixture, generate, outRoot, repoRoot, writeGenerated } from './pipeline.js';

const compilers = {
  '5.4': path.join(repoRoot, 'node_modules/typescript-5.4/bin/tsc'),
  '5.9': path.join(repoRoot, 'generator/node_modules/typescript/bin/tsc'),
  '7': path.join(repoRoot, 'node_modules/typescript-7/bin/tsc'),
} as const;

const root = path.join(outRoot, 'tsc');

/** A diagnostic of an unused name (TS6133, TS6192, TS6196, TS6198) in a consumer file, not in generated code. */
const UNUSED_IN_CONSUMER = /^[^(]*\/consumer(-node)?\/[^(]*\(\d+,\d+\): error TS(6133|6192|6196|6198):/;

/** ```ts blocks of a Markdown text. */
function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
}

/** Every fixture: one the loader or the model rejects fails the run (generate throws in beforeAll). */
const fixtures: Fixture[] = clientFixtures();

function typesName(f: Fixture): string {
  return f.options.typesPackageName;
}

describe('generated clients compile', () => {
  let readmeBlocks = 0;
  let nodeBlocks = 0;
  let typeTestFiles = 0;
  beforeAll(async () => {
    const paths: Record<string, string[]> = {};
    const include: string[] = [];
    const nodeInclude: string[] = [];
    for (const fixture of fixtures) {
      await writeGenerated(fixture, root);
      const g = await generate(fixture);
      paths[typesName(fixture)] = [`./${fixture.name}/types/src/index.ts`];
      paths[fixture.options.clientPackageName] = [`./${fixture.name}/client/src/index.ts`];
      paths[`${fixture.options.clientPackageName}/resources/*`] = [`./${fixture.name}/client/src/resources/*.ts`];
      paths[`${fixture.options.clientPackageName}/lean`] = [`./${fixture.name}/client/src/core/lean.ts`];
      paths[`${fixture.options.clientPackageName}/core`] = [`./${fixture.name}/client/src/core/index.ts`];
      include.push(`${fixture.name}/*/src/**/*.ts`, `${fixture.name}/consumer/*.ts`);
      const consumer = path.join(root, fixture.name, 'consumer');
      const nodeConsumer = path.join(root, fixture.name, 'consumer-node');
      for (const dir of [consumer, nodeConsumer]) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
      }
      tsBlocks(g.formatted.client.get('README.md') ?? '').forEach((block, i) => {
        const usesNode = /^import [^;]* from 'node:/m.test(block);
        writeFileSync(path.join(usesNode ? nodeConsumer : consumer, `readme-${i + 1}.ts`), `${block}\nexport {};\n`);
        if (usesNode) nodeInclude.push(`${fixture.name}/consumer-node/*.ts`);
        readmeBlocks++;
        if (usesNode) nodeBlocks++;
      });
      const typeTests = path.join(repoRoot, `generator/test/client/consumers/${fixture.name}.ts.txt`);
      if (existsSync(typeTests)) {
        copyFileSync(typeTests, path.join(consumer, 'type-tests.ts'));
        typeTestFiles++;
      }
    }
    const compilerOptions = { ...strictCompilerOptions, paths };
    writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions, include }, null, 2));
    const nodeOptions = { ...compilerOptions, types: ['node'] };
    writeFileSync(path.join(root, 'tsconfig.node.json'), JSON.stringify({ compilerOptions: nodeOptions, include: [...new Set(nodeInclude)] }, null, 2));
  }, 300_000);

  it('covers every fixture, the Improvado spec, its type tests and README examples', () => {
    expect(fixtures.map((f) => f.name)).toContain('improvado');
    expect(fixtures.length).toBeGreaterThan(30);
    expect(existsSync(path.join(root, 'improvado/consumer/type-tests.ts'))).toBe(true);
    expect(typeTestFiles).toBe(21);
    expect(readmeBlocks).toBeGreaterThan(fixtures.length * 3);
    // Improvado's webhook recipe runs a node:http server (D44).
    expect(nodeBlocks).toBeGreaterThan(0);
  });

  for (const [version, compiler] of Object.entries(compilers)) {
    it(`TypeScript ${version}: zero errors`, () => {
      expect(existsSync(compiler), `${compiler} is installed`).toBe(true);
      for (const project of ['tsconfig.json', 'tsconfig.node.json']) {
        const result = spawnSync(process.execPath, [compiler, '-p', path.join(root, project), '--pretty', 'false'], {
          encoding: 'utf8',
          cwd: root,
        });
        // The strict options' unused-name checks hold the generated sources; a README example or type test may
        // declare a name it does not read again (`const client = new Client()` before a fragment).
        const errors = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.trim() !== '' && !UNUSED_IN_CONSUMER.test(line));
        expect(errors.join('\n'), project).toBe('');
        expect(result.signal, project).toBeNull();
      }
    }, 300_000);
  }

  it('no generated source uses the `any` type (TypeScript AST scan)', async () => {
    let scanned = 0;
    for (const fixture of fixtures) {
      const { formatted } = await generate(fixture);
      for (const [file, contents] of formatted.client) {
        if (!file.endsWith('.ts')) continue;
        const source = ts.createSourceFile(file, contents, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
        const found: string[] = [];
        const visit = (node: ts.Node): void => {
          if (node.kind === ts.SyntaxKind.AnyKeyword) found.push(`${fixture.name}/${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
          ts.forEachChild(node, visit);
        };
        visit(source);
        expect(found).toEqual([]);
        scanned++;
      }
    }
    expect(scanned).toBeGreaterThan(fixtures.length * 5);
  });
});
