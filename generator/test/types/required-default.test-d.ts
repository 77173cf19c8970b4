/**
 * The kind of case-23 beyond its snippet: a required property with a `default` is optional for
 * callers (the server fills it in), also when reached through a reference; responses keep it required.
 */
import { expectTypeOf, test } from 'vitest';
import type { CreateJobBody, CreateJobResponse, JobSpec } from '../emit/__snapshots__/required-default/src/index.js';

test('a request may omit required-with-default properties, at any depth', () => {
  expectTypeOf<{ name: string; retry: Record<string, never> }>().toMatchTypeOf<CreateJobBody>();
  expectTypeOf<{ name: string; priority: 'high'; retry: { attempts: 5 } }>().toMatchTypeOf<CreateJobBody>();
  // Still required without a default, and still typed:
  expectTypeOf<{ retry: Record<string, never> }>().not.toMatchTypeOf<CreateJobBody>();
  expectTypeOf<{ name: string; priority: 'urgent'; retry: Record<string, never> }>().not.toMatchTypeOf<CreateJobBody>();
});

test('a response keeps them required', () => {
  expectTypeOf<CreateJobResponse['spec']>().toEqualTypeOf<JobSpec>();
  expectTypeOf<JobSpec['priority']>().toEqualTypeOf<'low' | 'high'>();
  expectTypeOf<{ name: string; retry: { attempts: number } }>().not.toMatchTypeOf<JobSpec>();
});

test('a schema only responses use has no request variant', () => {
  // @ts-expect-error Job is only ever returned, so the package declares no JobInput (D21)
  type JobInput = import('../emit/__snapshots__/required-default/src/index.js').JobInput;
  expectTypeOf<JobInput>().toBeAny(); // what an unresolved import gives
});
