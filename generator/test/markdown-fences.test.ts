import { describe, expect, it } from 'vitest';
import { fenceAfter, isFenceLine } from '../src/markdown-fences.js';
import { extractTables } from '../src/write/format.js';

/** The fence open after each line of `text`. */
function states(text: string): Array<string | undefined> {
  let fence: string | undefined;
  return text.split('\n').map((line) => (fence = fenceAfter(fence, line)));
}

describe('code fences (CommonMark)', () => {
  it('open with three or more backticks or tildes after at most three spaces, an info string allowed', () => {
    expect(['```', '~~~', '   ```ts', '````md title', '~~~~'].map(isFenceLine)).toEqual([true, true, true, true, true]);
    expect(['``', '    ```', '\t```', 'a ```', '-```'].map(isFenceLine)).toEqual([false, false, false, false, false]);
  });

  it('close only with the same character, at least as long, and nothing after it but spaces', () => {
    expect(states('```ts\n~~~\n``\n```ts\n```  \nafter')).toEqual(['```', '```', '```', '```', undefined, undefined]);
    expect(states('````\n```\n`````\nx')).toEqual(['````', '````', undefined, undefined]);
    expect(states('~~~\n```\n~~~')).toEqual(['~~~', '~~~', undefined]);
  });

  it('a fence left open runs to the end', () => {
    expect(states('```\na\nb')).toEqual(['```', '```', '```']);
  });

  it('a table inside a fence stays in it, past a line that only looks like a closing fence', () => {
    const text = ['```md', '```ts', '| a |', '| - |', '```', '', '| b |', '| - |'].join('\n');
    const { skeleton, tables } = extractTables(text);
    expect(tables).toEqual(['| b |\n| - |']);
    expect(skeleton).toBe(['```md', '```ts', '| a |', '| - |', '```', '', '<!-- sdkgen:table:0 -->'].join('\n'));
  });
});
