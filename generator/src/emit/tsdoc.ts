/**
 * IR documentation ({@link Docs}) → TSDoc, as a comment laid out by `commentFromDocs` in ts/nodes.ts
 * (for declarations, class members and interface properties) or as comment text (for members of
 * type literals). The two differ in white space at the edges, as the two ways the
 * generator wrote comments before its printer did (kept: the output did not change).
 *
 * Layout of one comment, every part optional:
 *
 * ```text
 * Title / summary
 *
 * Description, verbatim.
 *
 * Note: the spec's `x-note`, verbatim (a remark for users; JSON Schema's `$comment` is for maintainers and not shown).
 *
 * Format: `date-time`
 * Constraints: minimum 0, maxLength 64
 * Inferred: not stated by the API's documentation (`x-inferred`).
 *   (or, for `x-inferred: [nullable, format]`: Inferred, not stated by the API's documentation: `nullable`, `format` (`x-inferred`).)
 * Source: `#/components/schemas/Pet`
 * See also: https://… (the spec's `externalDocs`)
 * @default "light"
 * @example …
 * @deprecated
 * ```
 *
 * Text is verbatim from the spec except that comment terminators (`*​/`) are broken up so the
 * comment cannot end early. The generator writes no `@see` or `{@link …}` of its own (D60): `tsc` parses every
 * comment holding either as JSDoc, which is most of what comments cost a user's compile.
 */
import { DOC_KEYS, pickDocs } from '../model/queries.js';
import type { Docs } from '../model/types.js';
import { commentFromDocs } from './ts/nodes.js';

/** Extra lines an emitter adds to a comment, after the spec's own text. */
export interface DocExtras {
  /** Plain lines placed before the spec-derived lines (e.g. `Query parameter.`). */
  lead?: string[];
  /** Plain lines placed after the description (e.g. `` `GET /pets` ``). */
  lines?: string[];
  /** JSON pointer shown as `Source: …`. */
  source?: string;
}

/** A comment as data: free text and tags, before it becomes a structure or text. */
export interface DocModel {
  description: string;
  tags: Array<{ tagName: string; text?: string }>;
}

/**
 * The docs of a property or parameter with the gaps filled from its schema's docs: each keyword the
 * owner states wins, the schema's fills in the rest.
 */
export function docsWithFallback(owner: Docs, schema: Docs): Docs {
  const docs: Docs = {};
  for (const key of DOC_KEYS) {
    const value = owner[key] !== undefined ? owner[key] : schema[key];
    if (value !== undefined) (docs as Record<string, unknown>)[key] = value;
  }
  return docs;
}

/** The summary, description and deprecation of an operation or webhook: what its comments show of its own docs. */
export function operationDocs(from: Docs): Docs {
  return pickDocs(from, ['summary', 'description', 'deprecated']);
}

/**
 * The one escaping of document text into JSDoc comment text (every comment the generator writes goes through it):
 * - breaks `*​/` (`*\/`) so the text cannot close the comment, and `/*` (`/\*`: the code writer that printed comments
 *   before the printer took it for a nested comment; kept, so the output did not change);
 * - escapes (`\@`) an `@` at the start of a line or after whitespace: TypeScript starts a tag there, so
 *   `contact @support` or a line `@deprecated soon` in a description must not become tags;
 * - writes every line ending (CRLF, CR, U+2028, U+2029) as `\n`, each line then getting its ` * ` prefix;
 * - writes a lone surrogate as U+FFFD (a UTF-8 file cannot hold one; there is no escape in a comment).
 * The backslashes it adds are CommonMark escapes of punctuation, so Markdown reads the comment as the document's text.
 */
export function escapeCommentText(text: string): string {
  // Most document text has none of these: no pass over it then.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(/(^|\s)@/gm, '$1\\@');
}

/** Any character one of {@link escapeCommentText}'s replacements could change (a superset: `@`, `*` before `/`, any surrogate). */
const NEEDS_ESCAPE = /[\r\u2028\u2029@\uD800-\uDFFF]|\*\/|\/\*/;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * JSON text of a documented value (`@default`, `@example`): strings stay quoted so types are visible. U+2028 and
 * U+2029 are written as JSON escapes, so the value's JSON stays one line (the comment would break the line there).
 */
export function docValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  const json = JSON.stringify(value, null, 2);
  return json === undefined ? String(value) : json.replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
}

function constraintText(constraints: Record<string, unknown>): string | undefined {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(constraints)) {
    if (value === undefined) continue;
    parts.push(`${key} ${typeof value === 'string' ? `\`${value}\`` : JSON.stringify(value)}`);
  }
  return parts.length > 0 ? `Constraints: ${parts.join(', ')}` : undefined;
}

/** Builds the comment model; returns undefined when there is nothing to say. */
export function docModel(docs: Docs | undefined, extras: DocExtras = {}): DocModel | undefined {
  const paragraphs: string[] = [];
  if (extras.lead && extras.lead.length > 0) paragraphs.push(extras.lead.join('\n'));
  const heading = docs?.title ?? docs?.summary;
  if (heading !== undefined && heading.trim() !== '') paragraphs.push(heading.trim());
  if (docs?.description !== undefined && docs.description.trim() !== '' && docs.description.trim() !== heading?.trim()) {
    paragraphs.push(docs.description.replace(/\s+$/, ''));
  }
  if (docs?.note !== undefined) paragraphs.push(`Note: ${docs.note.trim()}`);
  const lines: string[] = [];
  if (docs?.format !== undefined) lines.push(`Format: \`${docs.format}\``);
  if (docs?.constraints !== undefined) {
    const text = constraintText(docs.constraints);
    if (text !== undefined) lines.push(text);
  }
  if (extras.lines) lines.push(...extras.lines);
  if (docs?.inferred) lines.push("Inferred: not stated by the API's documentation (`x-inferred`).");
  else if (docs?.inferredKeywords !== undefined && docs.inferredKeywords.length > 0)
    lines.push(`Inferred, not stated by the API's documentation: ${docs.inferredKeywords.map((k) => `\`${k}\``).join(', ')} (\`x-inferred\`).`);
  if (extras.source !== undefined) lines.push(`Source: \`${extras.source}\``);
  if (docs?.externalDocsUrl !== undefined) lines.push(`See also: ${docs.externalDocsUrl}`);
  if (lines.length > 0) paragraphs.push(lines.join('\n'));

  const tags: DocModel['tags'] = [];
  if (docs?.default !== undefined) tags.push({ tagName: 'default', text: docValue(docs.default) });
  for (const example of docs?.examples ?? []) tags.push({ tagName: 'example', text: docValue(example) });
  if (docs?.deprecated) tags.push({ tagName: 'deprecated' });

  const description = escapeCommentText(paragraphs.join('\n\n'));
  if (description === '' && tags.length === 0) return undefined;
  return {
    description,
    tags: tags.map((t) => (t.text === undefined ? t : { tagName: t.tagName, text: escapeCommentText(t.text) })),
  };
}

/** A tag as a line of docs text: `@name text`, `@name` without text, no space before a text that starts with a line break. */
export function tagLine(tag: { tagName: string; text?: string | undefined }): string {
  const text = tag.text ?? '';
  return text === '' ? `@${tag.tagName}` : text.startsWith('\n') ? `@${tag.tagName}${text}` : `@${tag.tagName} ${text}`;
}

/** The comment's text without `/**`, `*​/` and the leading stars: the description, then a line per tag (`@name text`). */
function docsText(docs: Docs | undefined, extras?: DocExtras): string | undefined {
  const model = docModel(docs, extras);
  if (model === undefined) return undefined;
  return [...(model.description === '' ? [] : [model.description]), ...model.tags.map(tagLine)].join('\n');
}

/** The comment (laid out by `commentFromDocs`, ts/nodes.ts), or undefined when there is nothing to say. */
export function jsDocComment(docs: Docs | undefined, extras?: DocExtras): string | undefined {
  const text = docsText(docs, extras);
  return text === undefined ? undefined : commentFromDocs(text);
}

/** The comment as text (`/** … *​/` plus a newline), or `''` when there is nothing to say. */
export function jsDocText(docs: Docs | undefined, extras?: DocExtras): string {
  const text = docsText(docs, extras);
  if (text === undefined) return '';
  const lines = text.split('\n');
  if (lines.length === 1) return `/** ${lines[0]} */\n`;
  return `/**\n${lines.map((l) => (l === '' ? ' *' : ` * ${l}`)).join('\n')}\n */\n`;
}
