// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * What `ClientCore` shows of a call in errors and on the responses it hands out, with its secrets as `***`: the URL
 * (userinfo, secret query parameters, every known secret value), a response's `url`, the text of a parse error. The
 * names and values to hide come from the client's `Log` (its redaction list and the credential values in use) and
 * from the operation (parameters the spec marks secret). The lean core has no secrets to hide and does not use it.
 */

import { ResponseParseError } from './errors.js';
import type { Log, SecretParameters } from './log.js';
import { ownValue, wireName } from './serialize.js';
import type { Operation } from './types.js';
import { displayUrl } from './wire.js';

/**
 * The parameters of `op` its spec marks secret, for the URL errors show ({@link shownUrl}) and the log lines of a call:
 * their wire names in lower case (a header name compares so) and the non-empty string and number values the call
 * gives them. Undefined when there is none.
 */
export function secretParameters(op: Operation): SecretParameters | undefined {
  const params = op.parameters;
  if (!params) return undefined;
  const names = new Set<string>();
  const values: string[] = [];
  for (const key of Object.keys(params)) {
    const spec = ownValue(params, key);
    if (spec?.secret !== true) continue;
    names.add(wireName(spec, key).toLowerCase());
    const value = ownValue(op.params as Readonly<Record<string, unknown>> | undefined, key);
    // An empty value would match between every two characters.
    if ((typeof value === 'string' && value !== '') || typeof value === 'number')
      values.push(String(value));
  }
  return names.size === 0 ? undefined : { names, values };
}

/**
 * `url` as errors show it: userinfo, the values of secret query parameters (apiKey schemes and the other names `log`
 * redacts, parameters `op` marks `secret`), the percent-encoded values of `op`'s secret parameters wherever they
 * appear, and every secret value `log` knows, each as `***`.
 */
export function shownUrl(url: string, op: Operation, log: Log): string {
  const secret = secretParameters(op);
  let shown = displayUrl(
    url,
    (name) => log.redacts(name) || secret?.names.has(name.toLowerCase()) === true,
  );
  for (const value of secret?.values ?? [])
    shown = shown.split(encodeURIComponent(value)).join('***');
  return log.scrub(shown, '***');
}

/**
 * Gives `response` an own `url` (shadowing the prototype's getter, which `util.inspect` of a Node `Response` reads too):
 * `shown`, the URL with its secrets as `***` ({@link shownUrl}). Nothing when `shown` is the URL already.
 * `Reflect.defineProperty`: a frozen response is left as it is.
 */
export function redactResponseUrl(response: Response, shown: string): void {
  if (shown !== response.url)
    Reflect.defineProperty(response, 'url', { value: shown, configurable: true });
}

/**
 * `err` with every secret value `log` knows in its `text` as `***` (a new error; `err` itself when there is none): a
 * server that echoes a credential in a success body that does not parse does not put it into the error. The new
 * error keeps `status`, `method` and `url`; its `cause` is the parse error of the redacted text (V8's message quotes
 * the text around the position).
 */
export function redactParseError(err: ResponseParseError, log: Log): ResponseParseError {
  const text = log.scrub(err.text, '***');
  if (text === err.text) return err;
  let cause: unknown;
  try {
    JSON.parse(text);
  } catch (e) {
    cause = e;
  }
  const request =
    err.method !== undefined && err.url !== undefined
      ? { method: err.method, url: err.url }
      : undefined;
  return new ResponseParseError(
    err.status,
    text,
    cause === undefined ? { request } : { cause, request },
  );
}
