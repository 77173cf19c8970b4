import { describe, expect, it } from 'vitest';
import { headingAnchors } from '../src/emit/client/readme-anchors.js';
import { ATX_HEADING, fenceAfter, isFenceLine } from '../src/markdown-lines.js';
import { parseRecipes } from '../src/readme-extras.js';
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

describe('ATX headings (CommonMark)', () => {
  const read = (line: string): [string, string | undefined] | null => {
    const m = ATX_HEADING.exec(line);
    return m === null ? null : [m[1] ?? '', m[2]];
  };

  it('one to six #, then spaces and the text without a closing # sequence (after a space), or nothing', () => {
    expect(read('# Title')).toEqual(['#', 'Title']);
    expect(read('   ### Run a load ###  ')).toEqual(['###', 'Run a load']);
    expect(read('## C# and F#')).toEqual(['##', 'C# and F#']);
    expect(read('#')).toEqual(['#', undefined]);
    expect(read('# ')).toEqual(['#', undefined]);
    expect(read('## ##')).toEqual(['##', undefined]);
    expect(read('# #hashtag')).toEqual(['#', '#hashtag']);
    expect(['#Title', '    # Title', '####### Seven', '\t# Tab'].map(read)).toEqual([null, null, null, null]);
  });

  it('the recipes and the anchors read the same headings', () => {
    const text = ['# Connect', 'text', '## Step one ##', '```', '# not a heading', '```', '#', '# Load'].join('\n');
    expect(headingAnchors(text).map((h) => [h.level, h.text])).toEqual([
      [1, 'Connect'],
      [2, 'Step one'],
      [1, 'Load'],
    ]);
    expect(() => parseRecipes(text)).toThrow('a level-1 heading without a title');
    expect(parseRecipes(text.replace('\n#\n', '\n')).map((r) => r.title)).toEqual(['Connect', 'Load']);
  });
});
