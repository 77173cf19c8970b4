/**
 * Lints the packed tarballs as published: publint (strict: warnings are errors, and any suggestion
 * counts too) over each unpacked tarball, and arethetypeswrong over each tarball in its strict
 * profile (node10, node16 from CJS and from ESM, bundler), with every module under the client's
 * `./resources/*` as an entry point of its own (attw does not expand wildcards).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { exec } from './exec.mjs';

/** `./resources/<module>` for every ES module under `<package>/dist/resources`. */
function resourceEntrypoints(packageDir, dir = path.join(packageDir, 'dist/resources'), prefix = './resources/') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return resourceEntrypoints(packageDir, full, `${prefix}${name}/`);
      return name.endsWith('.js') ? [`${prefix}${name.slice(0, -'.js'.length)}`] : [];
    });
}

/**
 * publint and attw over each tarball (unpacked beside it into `package/` by `packAll`).
 * @param {string} repoRoot
 * @param {Record<string, string>} tarballs tarball path by package folder
 * @returns {Promise<string>} a summary (how many entry points attw checked)
 * @throws {Error} (rejects) listing every problem either tool reported
 */
export async function lintTarballs(repoRoot, tarballs) {
  const attw = path.join(repoRoot, 'node_modules/.bin/attw');
  const problems = [];
  let entrypoints = 0;
  for (const [folder, tgz] of Object.entries(tarballs)) {
    const unpacked = path.join(path.dirname(tgz), 'package');
    const { messages, pkg } = await publint({ pkgDir: unpacked, pack: false, strict: true });
    for (const m of messages) problems.push(`${folder}: publint ${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
    const extra = resourceEntrypoints(unpacked);
    entrypoints += extra.length;
    const args = [tgz, '--profile', 'strict', '--format', 'ascii', '--no-color', '--no-emoji'];
    if (extra.length > 0) args.push('--include-entrypoints', ...extra);
    await exec(attw, args, { cwd: repoRoot }).catch((error) => problems.push(`${folder}: attw: ${error.message}`));
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return `publint --strict and attw (strict profile) clean; ${entrypoints} resource entry points checked besides the exports`;
}
