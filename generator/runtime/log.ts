// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Leveled logging with redaction. Off unless a logger or a level is given. Secret header, query and cookie values and
 * every credential value in use are replaced by `[redacted]`; bodies are never logged.
 */

import type { Logger, LogLevel } from './types.js';

/** Header/query/cookie names redacted by default (lower-case). */
export const DEFAULT_REDACT: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'api_key',
  'apikey',
  'token',
  'access_token',
  'password',
];

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };
const NONE: readonly string[] = [];

/** The parameters of one call that the spec marks secret (`x-secret`, `format: password`): their wire names in lower case, and their values. */
export interface SecretParameters {
  names: ReadonlySet<string>;
  values: readonly string[];
}

/** A logger bound to a level and a redaction list. */
export class Log {
  private readonly sink: Logger | undefined;
  private readonly threshold: number;
  private readonly names: Set<string>;
  /** Credential values seen by the client (tokens, passwords, keys); removed from any logged text. */
  readonly secrets = new Set<string>();

  constructor(logger: Logger | undefined, level: LogLevel | undefined, redact: readonly string[]) {
    const effective: LogLevel = level ?? (logger ? 'info' : 'off');
    this.sink =
      effective === 'off' ? undefined : (logger ?? (globalThis as { console?: Logger }).console);
    this.threshold = LEVELS[effective];
    const all = [...DEFAULT_REDACT, ...redact].map((n) => n.toLowerCase());
    this.names = new Set(all.filter((n) => !n.startsWith('!') && !all.includes(`!${n}`)));
  }

  enabled(level: Exclude<LogLevel, 'off'>): boolean {
    return this.sink !== undefined && LEVELS[level] >= this.threshold;
  }

  log(level: Exclude<LogLevel, 'off'>, message: string, data?: Record<string, unknown>): void {
    if (!this.enabled(level) || !this.sink) return;
    const text = this.scrub(message);
    if (data === undefined) this.sink[level](text);
    else this.sink[level](text, this.scrubData(data) as Record<string, unknown>);
  }

  /**
   * Headers as a plain object with secret values redacted: the redaction list's names, the operation's secret
   * parameters (`secret`: redact.ts `secretParameters`) and every known credential value.
   */
  headers(headers: Headers, secret?: SecretParameters): Record<string, string> {
    const out: Record<string, string> = {};
    headers.forEach((value, key) => {
      out[key] =
        this.names.has(key.toLowerCase()) || secret?.names.has(key.toLowerCase()) === true
          ? '[redacted]'
          : this.scrub(value);
    });
    return out;
  }

  /**
   * A URL with secret values redacted: query parameters of the redaction list's names and of the operation's secret
   * parameters (`secret`), the percent-encoded values of those parameters wherever they appear (a path segment), and
   * every known credential value.
   */
  url(url: string, secret?: SecretParameters): string {
    let shown = url;
    try {
      const u = new URL(url);
      const keys: string[] = [];
      u.searchParams.forEach((_v, key) => {
        if (this.names.has(key.toLowerCase()) || secret?.names.has(key.toLowerCase()) === true)
          keys.push(key);
      });
      for (const key of keys) u.searchParams.set(key, '[redacted]');
      // URLSearchParams percent-encodes the brackets of the marker.
      shown =
        keys.length === 0 ? u.toString() : u.toString().replaceAll('%5Bredacted%5D', '[redacted]');
    } catch {
      // not a URL: its text, scrubbed below
    }
    for (const value of secret?.values ?? [])
      shown = shown.split(encodeURIComponent(value)).join('[redacted]');
    return this.scrub(shown);
  }

  /** Whether the values of header, query or cookie `name` are redacted (case-insensitive). */
  redacts(name: string): boolean {
    return this.names.has(name.toLowerCase());
  }

  /**
   * Replaces every known secret value in `text` by `marker`, and the call's own secret values `extra` (the values of its
   * parameters the spec marks secret).
   */
  scrub(text: string, marker = '[redacted]', extra: readonly string[] = NONE): string {
    let out = text;
    for (const s of this.secrets)
      if (s.length >= 4 && out.includes(s)) out = out.split(s).join(marker);
    for (const s of extra) if (s.length >= 4 && out.includes(s)) out = out.split(s).join(marker);
    return out;
  }

  /**
   * `value` with every known secret value and each of `extra` (the call's secret parameter values) in its strings
   * replaced by `***` (plain objects and arrays are copied), for error bodies: a server that echoes a credential or a
   * secret parameter does not put it into an error. The value itself when no secret is known.
   */
  redactValue(value: unknown, extra: readonly string[] = NONE): unknown {
    if (this.secrets.size === 0 && extra.length === 0) return value;
    if (typeof value === 'string') return this.scrub(value, '***', extra);
    if (Array.isArray(value)) return value.map((x) => this.redactValue(x, extra));
    if (
      value !== null &&
      typeof value === 'object' &&
      Object.getPrototypeOf(value) === Object.prototype
    ) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(value)) out[k] = this.redactValue(x, extra);
      return out;
    }
    return value;
  }

  /**
   * `headers` with every known secret value and each of `extra` replaced by `***` (a copy; `headers` itself when none
   * holds one), for the
   * headers of an error response: a server that echoes a credential in a header (`WWW-Authenticate`, `X-Echo-…`) does
   * not put it into the error's `headers`, which its `toJSON` and inspect show.
   */
  redactHeaders(headers: Headers, extra: readonly string[] = NONE): Headers {
    if (this.secrets.size === 0 && extra.length === 0) return headers;
    const copy = new Headers();
    let changed = false;
    headers.forEach((value, key) => {
      const shown = this.scrub(value, '***', extra);
      if (shown !== value) changed = true;
      copy.append(key, shown); // append: each Set-Cookie stays one value
    });
    return changed ? copy : headers;
  }

  private scrubData(v: unknown): unknown {
    if (typeof v === 'string') return this.scrub(v);
    if (Array.isArray(v)) return v.map((x) => this.scrubData(x));
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v))
        out[k] = this.names.has(k.toLowerCase()) ? '[redacted]' : this.scrubData(x);
      return out;
    }
    return v;
  }
}
