/**
 * Running commands for the consumer matrix: each resolves to its output and rejects, with the
 * command, its folder and its whole output, when it fails.
 */
import { spawn } from 'node:child_process';

/**
 * Runs `command args…` in `cwd` (no shell) without blocking this process (so the server it runs
 * answers the command, and several commands run at once).
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: Record<string, string | undefined> }} options
 * @returns {Promise<string>} stdout
 * @throws {Error} (rejects) when the command cannot start or exits non-zero, with its whole output
 */
export function exec(command, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => reject(new Error(`\`${[command, ...args].join(' ')}\` in ${cwd} failed to start: ${error.message}`)));
    child.on('close', (status) => {
      if (status === 0) resolve(stdout);
      else reject(new Error(`\`${[command, ...args].join(' ')}\` in ${cwd} exited ${status}\n${`${stdout}${stderr}`.trim()}`));
    });
  });
}

/** `npx -y pnpm@12.4.2 …`, as the README and .ci/run run pnpm. */
export function pnpm(args, options) {
  return exec('npx', ['-y', 'pnpm@12.4.2', ...args], options);
}

/** npm with the project's cache, no audit, no funding notice, preferring what the cache holds. */
export function npm(args, options) {
  return exec('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], options);
}

/** Wall-clock milliseconds `fn` took, and its result. */
export async function timed(fn) {
  const started = performance.now();
  const value = await fn();
  return { value, ms: Math.round(performance.now() - started) };
}
