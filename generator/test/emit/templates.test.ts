/** Template helpers: escaping for JSON and Markdown is deliberate. */
import { describe, expect, it } from 'vitest';
import { markdownCell, markdownCode, markdownText, renderTemplate } from '../../src/emit/templates.js';

describe('template helpers', () => {
  it.each([
    ['plain', 'plain'],
    ['a | b', 'a \\| b'],
    ['*bold* _it_ `code` <b> [x]', '\\*bold\\* \\_it\\_ \\`code\\` \\<b\\> \\[x\\]'],
    ['two\nlines', 'two lines'],
    ['back\\slash', 'back\\\\slash'],
  ])('markdownText(%j)', (given, want) => {
    expect(markdownText(given)).toBe(want);
  });

  it.each([
    ['plain', 'plain'],
    ['token from `POST /api/v3/token` (Basic)', 'token from `POST /api/v3/token` (Basic)'],
    ['cookie `dts_session_id`; *see* [docs](https://x.test/a_b)', 'cookie `dts_session_id`; *see* [docs](https://x.test/a_b)'],
    ['a | b and `x|y`', 'a \\| b and `x\\|y`'],
    ['raw <b>html</b> but `<T>` kept', 'raw \\<b>html\\</b> but `<T>` kept'],
    ['``a`b`` c', '``a`b`` c'],
    ['unclosed `tick | x', 'unclosed `tick \\| x'],
    ['two\nlines', 'two lines'],
  ])('markdownCell(%j) keeps CommonMark', (given, want) => {
    expect(markdownCell(given)).toBe(want);
  });

  it.each([
    ['Pet', '`Pet`'],
    ['a`b', '``a`b``'],
    ['`x', '`` `x ``'],
    ['/a|b', '`/a\\|b`'],
  ])('markdownCode(%j)', (given, want) => {
    expect(markdownCode(given)).toBe(want);
  });

  it('renders package.json with JSON-escaped values', () => {
    const text = renderTemplate('types/package.json.hbs', {
      packageName: '@scope/types',
      version: '1.2.3',
      description: 'Types for "the" API\\n',
      metadata: { license: 'Apache-2.0', repository: { type: 'git', url: 'git+https://example.com/"q".git' } },
    });
    const pkg = JSON.parse(text) as {
      name: string;
      version: string;
      description: string;
      license: string;
      repository: { url: string };
      scripts: Record<string, string>;
    };
    expect(pkg).toMatchObject({ name: '@scope/types', version: '1.2.3', description: 'Types for "the" API\\n', license: 'Apache-2.0' });
    expect(pkg.repository.url).toBe('git+https://example.com/"q".git');
    expect(Object.keys(pkg.scripts)).toEqual(['build', 'prepack', 'typecheck']);
    expect(pkg.scripts.build).toBe('tsdown');
  });
});
