import type { Diagnostic } from '../diagnostics.js';
import { isObject } from '../json.js';

/**
 * Checks that the parsed entry document is OpenAPI 3.0 or 3.1. Swagger 2.0, OpenAPI 3.2 and other
 * documents (AsyncAPI, a package.json, a YAML list, …) each get a diagnostic that says what was found.
 * Returns the `openapi` string when supported.
 */
export function checkVersion(parsed: unknown, file: string): { openapi?: string; diagnostics: Diagnostic[] } {
  const error = (code: string, message: string, pointer = '#'): { diagnostics: Diagnostic[] } => ({
    diagnostics: [{ severity: 'error', code, message, file, pointer }],
  });
  if (!isObject(parsed)) {
    const what = parsed === null || parsed === undefined ? 'nothing' : Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`;
    return error('load/not-openapi', `not an OpenAPI document: the file holds ${what}, expected an object with an \`openapi\` field`);
  }
  if (parsed['swagger'] !== undefined) {
    return error(
      'load/unsupported-version',
      `Swagger ${String(parsed['swagger'])} is not supported: only OpenAPI 3.0 and 3.1 are (convert it first, e.g. with swagger2openapi)`,
      '#/swagger',
    );
  }
  const openapi = parsed['openapi'];
  if (openapi === undefined) {
    return error('load/not-openapi', 'not an OpenAPI document: it has no `openapi` field (expected e.g. `openapi: 3.1.0`)');
  }
  if (typeof openapi !== 'string') {
    return error('load/invalid-version', `\`openapi\` must be a string such as "3.1.0", found ${JSON.stringify(openapi)} (quote it in YAML)`, '#/openapi');
  }
  if (!/^3\.[01]\.\d+(-.+)?$/.test(openapi)) {
    return error('load/unsupported-version', `OpenAPI ${openapi} is not supported: only OpenAPI 3.0 and 3.1 are`, '#/openapi');
  }
  return { openapi, diagnostics: [] };
}
