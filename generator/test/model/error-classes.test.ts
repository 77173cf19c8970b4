/**
 * The error classes the generator documents and re-exports (model/error-classes.ts, read from the runtime's source)
 * are the classes the runtime throws: checked against `makeApiError` itself for every status.
 */
import { describe, expect, it } from 'vitest';
import * as errors from '../../runtime/errors.js';
import { errorClassFor, errorClasses, httpErrorClasses } from '../../src/model/error-classes.js';

describe('error classes read from runtime/errors.ts', () => {
  it('name the class makeApiError throws, for every status from 100 to 599', () => {
    for (let status = 100; status < 600; status++) {
      const thrown = errors.makeApiError(status, undefined, new Headers(), undefined);
      expect(errorClassFor(String(status)), `status ${status}`).toBe(thrown.name);
    }
  });

  it('map a spec status range and default to the 5xx class or the base', () => {
    expect(errorClassFor('5XX')).toBe('InternalServerError');
    expect(errorClassFor('4XX')).toBe('ApiError');
    expect(errorClassFor('default')).toBe('ApiError');
  });

  it('list every ApiError class the runtime declares, the base first and the 5xx class last', () => {
    const declared = Object.entries(errors)
      .filter(([, value]) => typeof value === 'function' && (value === errors.ApiError || value.prototype instanceof errors.ApiError))
      .map(([name]) => name);
    const classes = httpErrorClasses();
    expect([...classes].sort()).toEqual(declared.sort());
    expect(classes[0]).toBe('ApiError');
    expect(classes.at(-1)).toBe(errorClasses().serverError);
  });
});
