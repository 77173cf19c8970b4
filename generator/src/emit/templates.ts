/**
 * Handlebars templates (`templates/` at the repository root, or `templates/` inside the published
 * generator package): found once, compiled once, rendered with helpers registered here and nowhere
 * else, on an isolated Handlebars instance.
 *
 * Escaping is deliberate: templates produce JSON and Markdown, never HTML and never `.ts`, so
 * templates use triple-stash `{{{ }}}` with one of these helpers, each escaping for its target:
 * - `json`: a JSON value (`"a\"b"`), for JSON files;
 * - `md`: Markdown text (`|`, `\`, `*`, `_`, `` ` ``, `<`, `>`, `[`, `]` backslash-escaped; newlines
 *   become spaces);
 * - `cell`: like `md`, for a table cell;
 * - `code`: an inline code span, with a fence longer than any backtick run inside;
 * - `raw`: the value as is, only for values the generator itself controls (package names, methods).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { generatorRoot } from '../package-root.js';

/** Markdown's line endings (CRLF, CR, LF), in runs: each run becomes one space in a table cell, code span or prose. */
const LINE_ENDINGS = /(?:\r\n?|\n)+/g;

/** Escapes text for Markdown prose; newlines become spaces. */
export function markdownText(value: unknown): string {
  return String(value ?? '')
    .replace(LINE_ENDINGS, ' ')
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .trim();
}

/**
 * A table cell from a spec description, which OpenAPI defines as CommonMark: its Markdown (code
 * spans, emphasis, links) is kept, newlines become spaces, `|` is escaped everywhere (GFM needs that
 * even inside code spans) and `<` outside code spans (no raw HTML from a spec into the docs).
 */
export function markdownCell(value: unknown): string {
  const text = String(value ?? '')
    .replace(LINE_ENDINGS, ' ')
    .trim();
  let out = '';
  let at = 0;
  // A code span: a run of backticks, then the shortest text up to a run of the same length.
  const span = /(`+)([\s\S]*?[^`])\1(?!`)/g;
  for (let m = span.exec(text); m !== null; m = span.exec(text)) {
    out += prose(text.slice(at, m.index)) + m[0].replace(/\|/g, '\\|');
    at = m.index + m[0].length;
  }
  return out + prose(text.slice(at));
}

/** `|` and `<` escaped unless a backslash already escapes them (an odd run of backslashes before them). */
function prose(text: string): string {
  return text.replace(/(\\*)([|<])/g, (whole, slashes: string, c: string) => (slashes.length % 2 === 0 ? `${slashes}\\${c}` : whole));
}

/**
 * An inline code span that holds `value` verbatim (newlines become spaces), its fence longer than any backtick run
 * inside; `inTable` (the default) also escapes `|`, which GFM needs inside a table cell even in a code span.
 */
export function markdownCode(value: unknown, inTable = true): string {
  const text = String(value ?? '').replace(LINE_ENDINGS, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  // Inside a table, `|` must be escaped even in code spans (GFM).
  return `${fence}${pad}${inTable ? text.replace(/\|/g, '\\|') : text}${pad}${fence}`;
}

let instance: typeof Handlebars | undefined;

function handlebars(): typeof Handlebars {
  if (instance !== undefined) return instance;
  const hb = Handlebars.create();
  hb.registerHelper('json', (value: unknown) => JSON.stringify(value ?? null));
  hb.registerHelper('md', (value: unknown) => markdownText(value));
  hb.registerHelper('cell', (value: unknown) => markdownCell(value));
  hb.registerHelper('code', (value: unknown) => markdownCode(value));
  hb.registerHelper('raw', (value: unknown) => String(value ?? ''));
  // Text inside an HTML comment (the Markdown banner): Markdown escapes would show as backslashes; only `-->` and `<!--`
  // would end or nest it.
  hb.registerHelper('comment', (value: unknown) =>
    String(value ?? '')
      .replace(/-->/g, '-- >')
      .replace(/<!--/g, '<! --'),
  );
  instance = hb;
  return hb;
}

/** The templates folder: `<generator>/templates` when published, else `<repo>/templates`. */
export function templatesDir(): string {
  const root = generatorRoot();
  const candidates = [path.join(root, 'templates'), path.resolve(root, '../templates')];
  for (const dir of candidates) {
    if (existsSync(path.join(dir, 'types'))) return dir;
  }
  throw new Error(`templates folder not found (looked in ${candidates.join(', ')})`);
}

const compiled = new Map<string, Handlebars.TemplateDelegate>();
let partialsLoaded = false;

/** Registers every `templates/partials/<name>.hbs` as partial `<name>` (once). */
function loadPartials(hb: typeof Handlebars, dir: string): void {
  if (partialsLoaded) return;
  const partials = path.join(dir, 'partials');
  for (const file of existsSync(partials) ? readdirSync(partials).sort() : []) {
    if (!file.endsWith('.hbs')) continue;
    hb.registerPartial(file.slice(0, -'.hbs'.length), readFileSync(path.join(partials, file), 'utf8'));
  }
  partialsLoaded = true;
}

/**
 * Renders `templates/<name>` (e.g. `types/README.md.hbs`) with a plain view object; a value the view
 * lacks renders as nothing (not strict mode).
 * @throws Error when the template is missing.
 */
export function renderTemplate(name: string, view: object): string {
  const hb = handlebars();
  const dir = templatesDir();
  loadPartials(hb, dir);
  let template = compiled.get(name);
  if (template === undefined) {
    template = hb.compile(readFileSync(path.join(dir, name), 'utf8'), { strict: false, noEscape: false });
    compiled.set(name, template);
  }
  return template(view);
}
