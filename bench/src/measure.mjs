/**
 * Measuring a command in a child process: wall time (ms, from the parent's clock around spawn and
 * exit) and peak resident set size (KiB, from GNU `/usr/bin/time -f %M`, the child's maxrss; when
 * `/usr/bin/time` is missing, from a `node --import` wrapper that reports
 * `process.resourceUsage().maxRSS` at exit).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = existsSync(GNU_TIME);

/**
 * Runs `command args` once and measures it.
 *
 * @returns `{ wallMs, maxRssKiB, status, stdout, stderr, timedOut }`; never throws for a non-zero exit (the
 *   caller decides), throws only when the command cannot be started.
 */
export async function runMeasured(command, args, { cwd, env, timeoutMs = 30 * 60_000 } = {}) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-measure-'));
  const rssFile = path.join(tmp, 'rss');
  let cmd = command;
  let argv = args;
  let extraEnv = {};
  if (hasGnuTime) {
    cmd = GNU_TIME;
    argv = ['-f', '%M', '-o', rssFile, command, ...args];
  } else if (command === process.execPath) {
    // Fallback for node commands: a preloaded module writes maxRSS (KiB) on exit.
    const hook = path.join(tmp, 'rss-hook.mjs');
    writeFileSync(
      hook,
      `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
    );
    argv = ['--import', hook, ...args];
    extraEnv = {};
  }
  const started = process.hrtime.bigint();
  // Its own process group, so that a timeout kills the measured command too, not only /usr/bin/time.
  const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  // GNU time dies with a killed command and writes nothing: poll the group's peak RSS (VmHWM, Linux) so a
  // timeout still reports how much memory the command had reached.
  let polledPeakKiB = Number.NaN;
  const poller = setInterval(() => {
    const peak = groupPeakRssKiB(child.pid);
    if (Number.isFinite(peak)) polledPeakKiB = Number.isFinite(polledPeakKiB) ? Math.max(polledPeakKiB, peak) : peak;
  }, 1000);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }, timeoutMs);
  const status = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? signal));
  });
  clearTimeout(timer);
  clearInterval(poller);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  let maxRssKiB = Number.NaN;
  try {
    // GNU time writes "Command exited with non-zero status N" before the number on failure.
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    maxRssKiB = Number(lines[lines.length - 1]);
  } catch {
    // No measurement (the command did not start, or was killed): the polled peak, if any.
    maxRssKiB = polledPeakKiB;
  }
  if (!(maxRssKiB > 0)) maxRssKiB = polledPeakKiB;
  rmSync(tmp, { recursive: true, force: true });
  return { wallMs, maxRssKiB, status, stdout, stderr, timedOut };
}

/**
 * The largest peak resident set size (KiB) among the live processes of process group `pgid` (Linux
 * `/proc`; NaN elsewhere or when none is found).
 */
function groupPeakRssKiB(pgid) {
  let peak = Number.NaN;
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return peak;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      if (hwm) peak = Number.isFinite(peak) ? Math.max(peak, Number(hwm[1])) : Number(hwm[1]);
    } catch {
      // The process exited meanwhile.
    }
  }
  return peak;
}

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
