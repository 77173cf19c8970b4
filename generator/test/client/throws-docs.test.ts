/**
 * Method TSDoc names each error class once (issue 16): the statuses a class covers share its one
 * `@throws` line, and a description wrapped over lines in the spec is not cut where it wraps.
 */
import { expect, it } from 'vitest';
import { clientFixtures, type Fixture, generate } from './pipeline.js';

it('has one @throws line per error class, with every status and whole first paragraphs', async () => {
  const fixture = clientFixtures().find((f) => f.name === 'throws-per-class') as Fixture;
  const { formatted } = await generate(fixture);
  const file = [...formatted.client].find(([path]) => path.startsWith('src/resources/'))?.[1] ?? '';
  const throws = file.split('\n').filter((l) => l.includes('@throws'));
  const classes = throws.map((l) => /@throws `(\w+)`/.exec(l)?.[1]);
  expect(classes).toEqual(['ApiError', 'PermissionDeniedError', 'InternalServerError', 'ConnectionError']);
  expect(throws[0]).toContain('402: Payment required.; 418: A teapot.; any other non-2xx status');
  expect(throws[1]).toContain('or the account is not an owner of the job (a sentence wrapped over two lines).');
  expect(throws[1]).not.toContain('second paragraph');
  expect(throws[2]).toContain('500: Server error.; 503: Unavailable, retry later.');
});
