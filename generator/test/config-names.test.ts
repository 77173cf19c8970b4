/**
 * The default client class name and npm scope from `info.title` (config.ts `deriveClientName`, `defaultScope`):
 * the first word that is not noise ("API", "REST", a version), letters with marks read as their base letters.
 */
import { describe, expect, it } from 'vitest';
import { defaultScope, deriveClientName } from '../src/config.js';

describe('deriveClientName', () => {
  const table: Array<[string, string]> = [
    ['Improvado Embedded API v3', 'Improvado'],
    ['GitHub v3 REST API', 'GitHub'],
    ['Swagger Petstore', 'Petstore'],
    // Non-ASCII letters: transliterated like tags and schema names, not cut at the first one (`Ünïcode` gave `N`).
    ['Ünïcode naming-test API', 'Unicode'],
    ['Größe API', 'Grosse'],
    ['Café Orders', 'Cafe'],
    ['API v2', 'Client'],
    ['日本語 API', 'Client'],
  ];
  for (const [title, want] of table) it(`${JSON.stringify(title)} → ${want}`, () => expect(deriveClientName(title)).toBe(want));

  it('the scope follows the name', () => {
    expect(defaultScope(deriveClientName('Ünïcode naming-test API'))).toBe('@unicode');
  });
});
