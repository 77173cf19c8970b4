/**
 * The default client class name and npm scope from `info.title` (config.ts `deriveClientName`, `defaultScope`):
 * the first word that is not noise ("API", "REST", a version), letters with marks read as their base letters.
 */
import { describe, expect, it } from 'vitest';
import { defaultScope, deriveClientName, resolveNames } from '../src/config.js';
import { freeClientName } from '../src/model/client-names.js';

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

describe('freeClientName (D61)', () => {
  // A word that is a standard global (a module importing the class would lose it) or a name the runtime exports (the
  // package would not re-export it) gets `Client`; any other word, `Client` itself included, is kept.
  const table: Array<[string, string]> = [
    ['Improvado', 'Improvado'],
    ['Client', 'Client'],
    ['Promise', 'PromiseClient'],
    ['Response', 'ResponseClient'],
    ['URL', 'URLClient'],
    ['Error', 'ErrorClient'],
    ['Object', 'ObjectClient'],
    ['Record', 'RecordClient'],
    ['Notification', 'NotificationClient'],
    // Runtime exports: a class, a type, a webhook and a polling name (taken whether or not the document has those).
    ['Page', 'PageClient'],
    ['Logger', 'LoggerClient'],
    ['Middleware', 'MiddlewareClient'],
    ['APIPromise', 'APIPromiseClient'],
    ['ApiError', 'ApiErrorClient'],
    ['WebhookVerificationError', 'WebhookVerificationErrorClient'],
    ['PollTimeoutError', 'PollTimeoutErrorClient'],
  ];
  for (const [word, want] of table) it(`${word} → ${want}`, () => expect(freeClientName(word)).toBe(want));

  it('the derived name and the scope: the class avoids the global, the scope keeps the word; a given name is kept', () => {
    expect(resolveNames({}, 'Promise Tracker API', freeClientName)).toEqual({
      clientName: 'PromiseClient',
      typesPackageName: '@promise/types',
      clientPackageName: '@promise/client',
    });
    expect(resolveNames({ name: 'Promise' }, 'Promise Tracker API', freeClientName).clientName).toBe('Promise');
    expect(resolveNames({ scope: '@acme' }, 'Response API', freeClientName)).toEqual({
      clientName: 'ResponseClient',
      typesPackageName: '@acme/types',
      clientPackageName: '@acme/client',
    });
  });
});
