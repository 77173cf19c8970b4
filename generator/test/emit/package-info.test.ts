/**
 * What a generated package says of its origin and licence (D34): package.json `license`,
 * `repository` (with the package folder as `directory`), `homepage`, `bugs`, the LICENSE file, and the
 * config fields that feed them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readConfig } from '../../src/config.js';
import { GenerateError } from '../../src/diagnostics.js';
import { licenseFile, packageMetadata } from '../../src/emit/package-info.js';
import type { EmitOptions } from '../../src/emit/types.js';
import { generate } from '../../src/generate.js';

const options: EmitOptions = {
  typesPackageName: '@acme/types',
  clientPackageName: '@acme/client',
  clientName: 'Acme',
  specPath: 'api.yaml',
  command: 'pnpm generate',
  existingVersions: {},
};

describe('packageMetadata', () => {
  test('MIT and nothing else without a repository', () => {
    expect(packageMetadata(options, 'client')).toEqual({ license: 'MIT' });
  });

  test('a github.com repository: canonical git URL, the folder, its README and the issues page', () => {
    const info = { license: 'Apache-2.0', repository: 'https://github.com/acme/sdk/', directories: { types: 'sdk/types', client: 'sdk/client' } };
    expect(packageMetadata({ ...options, packageInfo: info }, 'client')).toEqual({
      license: 'Apache-2.0',
      repository: { type: 'git', url: 'git+https://github.com/acme/sdk.git', directory: 'sdk/client' },
      homepage: 'https://github.com/acme/sdk/tree/HEAD/sdk/client#readme',
      bugs: { url: 'https://github.com/acme/sdk/issues' },
    });
  });

  test('another host: no derived homepage or bugs; configured ones are kept as given', () => {
    const info = { repository: 'https://git.example.com/acme/sdk.git', bugs: 'https://example.com/support' };
    expect(packageMetadata({ ...options, packageInfo: info }, 'types')).toEqual({
      license: 'MIT',
      repository: { type: 'git', url: 'git+https://git.example.com/acme/sdk.git' },
      bugs: { url: 'https://example.com/support' },
    });
  });
});

describe('licenseFile', () => {
  test('MIT: the full text, with the configured holder or the package authors', () => {
    const mine = licenseFile({ ...options, packageInfo: { copyright: 'Acme Inc.' } }, '@acme/client');
    expect(mine.path).toBe('LICENSE');
    expect(mine.contents.split('\n').slice(0, 3)).toEqual(['MIT License', '', 'Copyright (c) Acme Inc.']);
    expect(mine.contents).toContain('THE SOFTWARE IS PROVIDED "AS IS"');
    expect(licenseFile(options, '@acme/types').contents).toContain('Copyright (c) the authors of @acme/types\n');
  });

  test('UNLICENSED: all rights reserved; another id: named, with its SPDX page', () => {
    const closed = licenseFile({ ...options, packageInfo: { license: 'UNLICENSED', copyright: 'Acme' } }, '@acme/client').contents;
    expect(closed).toContain('Copyright (c) Acme. All rights reserved.');
    expect(closed).not.toContain('Permission is hereby granted');
    const apache = licenseFile({ ...options, packageInfo: { license: 'Apache-2.0' } }, '@acme/client').contents;
    expect(apache).toContain('@acme/client is licensed under Apache-2.0: https://spdx.org/licenses/Apache-2.0.html');
  });
});

describe('config and generate()', () => {
  function tempRepo(config: object): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-pkginfo-'));
    fs.writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
    fs.copyFileSync(path.resolve(import.meta.dirname, '../fixtures/cases/nullable-type-arrays/openapi.yaml'), path.join(root, 'api.yaml'));
    fs.writeFileSync(path.join(root, 'sdkgen.config.json'), JSON.stringify(config));
    return root;
  }

  test('license, copyright and repository from the config reach both packages, directory relative to the repository', async () => {
    const root = tempRepo({ spec: 'api.yaml', out: 'sdk', license: 'MIT', copyright: 'Acme Inc.', repository: 'https://github.com/acme/sdk' });
    await generate({ cwd: root });
    for (const target of ['types', 'client']) {
      const pkg = JSON.parse(fs.readFileSync(path.join(root, 'sdk', target, 'package.json'), 'utf8')) as Record<string, unknown>;
      expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/acme/sdk.git', directory: `sdk/${target}` });
      expect(pkg.homepage).toBe(`https://github.com/acme/sdk/tree/HEAD/sdk/${target}#readme`);
      expect(fs.readFileSync(path.join(root, 'sdk', target, 'LICENSE'), 'utf8')).toContain('Copyright (c) Acme Inc.\n');
    }
  });

  test('a repository that is not an https URL, or a licence that is not an SPDX id, is a config error', async () => {
    for (const [field, value] of [
      ['repository', 'git@github.com:acme/sdk.git'],
      ['license', 'MIT or whatever'],
    ] as const) {
      const root = tempRepo({ [field]: value });
      const error = await readConfig(path.join(root, 'sdkgen.config.json'), 'sdkgen.config.json').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GenerateError);
      expect((error as GenerateError).diagnostics[0]).toMatchObject({ code: 'config/invalid', pointer: `#/${field}` });
    }
  });
});
