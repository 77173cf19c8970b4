/**
 * The anchors GitHub (and npm, which uses the same rule) gives a Markdown file's headings, so that the client README's
 * table of contents of recipes (D44) links to them: the heading's text without its inline markup, lower-cased,
 * punctuation dropped, spaces as `-`; a repeated anchor gets `-1`, `-2`, … in document order.
 */

import { ATX_HEADING, fenceAfter, isFenceLine } from '../../markdown-lines.js';

/** One heading of a Markdown text. */
export interface HeadingAnchor {
  /** 1 for `#`, … 6 for `######`. */
  level: number;
  /** The heading's text as written (inline Markdown kept). */
  text: string;
  /** The fragment id GitHub gives it, without `#`. */
  anchor: string;
}

/** GitHub's slug of a heading's text, before de-duplication: `Run a load and wait` → `run-a-load-and-wait`. */
export function headingSlug(text: string): string {
  const plain = text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/<[^>]+>/g, '') // inline HTML tags
    .replace(/[`*~]/g, ''); // code spans and emphasis markers (GitHub keeps `_`)
  return plain
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every ATX heading of `markdown` (code fences skipped) with its anchor, in document order. */
export function headingAnchors(markdown: string): HeadingAnchor[] {
  const out: HeadingAnchor[] = [];
  const seen = new Map<string, number>();
  let fence: string | undefined;
  for (const line of markdown.split(/\r\n?|\n/)) {
    const fenced = fence !== undefined || isFenceLine(line);
    fence = fenceAfter(fence, line);
    if (fenced) continue;
    const m = ATX_HEADING.exec(line);
    const text = m?.[2];
    if (m === null || text === undefined) continue; // not a heading, or one without text (no anchor)
    const slug = headingSlug(text);
    const n = seen.get(slug);
    seen.set(slug, (n ?? -1) + 1);
    out.push({ level: (m[1] ?? '#').length, text, anchor: n === undefined ? slug : `${slug}-${n + 1}` });
  }
  return out;
}
