/**
 * The request body in a method's TSDoc (issue 16, D41): a hover over `create(…)` shows the body's top-level fields
 * without following `CreateXBody` to its schema. For an object body (through `$ref`s, aliases and `allOf` members):
 * one line per field that a request sends (readOnly ones are left out) with its name, required or optional, a short
 * type and the first sentence of its description, then its `x-note` (a trap such as two fields of one name with
 * different types); at most {@link MAX_FIELDS}, then how many more. For a `oneOf`/`anyOf` body: its variants. Nothing
 * for other bodies (binary, text, a free-form object).
 */
import { followRefs } from '../../model/graph.js';
import type { Api, Property, Schema } from '../../model/types.js';
import { firstParagraph } from '../text.js';

/** Fields listed before "… and N more". */
export const MAX_FIELDS = 20;
/** Variants of a union body listed before "… and N more". */
const MAX_VARIANTS = 6;
/** Longest first sentence kept whole (longer: cut at a word, with `…`). */
const MAX_SENTENCE = 160;

/** `schema` through `$ref`s (aliases of aliases too); undefined at a cycle or a missing target. */
function resolve(api: Api, schema: Schema): Schema | undefined {
  return followRefs(schema, (key) => api.schemas.get(key)?.schema).schema;
}

/** The properties of an object or of an intersection's object members, first declaration wins, required if any member requires it. */
function propertiesOf(api: Api, schema: Schema, seen = new Set<Schema>()): Property[] | undefined {
  const s = resolve(api, schema);
  if (s === undefined || seen.has(s)) return undefined;
  seen.add(s);
  if (s.kind === 'object') return s.properties;
  if (s.kind !== 'intersection') return undefined;
  const out: Property[] = [];
  for (const member of s.members) {
    for (const p of propertiesOf(api, member, seen) ?? []) {
      const i = out.findIndex((x) => x.name === p.name);
      if (i === -1) out.push(p);
      else if (p.required && !out[i]!.required) out[i] = { ...out[i]!, required: true };
    }
  }
  return out;
}

/** A short type for docs: `string`, `integer[]`, `Account`, `'csv' | 'json'`, `string | null`. */
export function shortType(api: Api, schema: Schema, depth = 0): string {
  const nullable = schema.nullable && schema.kind !== 'null' ? ' | null' : '';
  const core = ((): string => {
    switch (schema.kind) {
      case 'ref':
        return api.schemas.get(schema.target)?.identifier ?? schema.target;
      case 'string':
        return schema.binary === true ? 'Blob' : 'string';
      case 'enum':
        return schema.values.length <= 4
          ? schema.values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(' | ')
          : `enum of ${schema.values.length} values`;
      case 'array': {
        if (schema.items === undefined || schema.prefixItems !== undefined) return 'tuple';
        const item = shortType(api, schema.items, depth + 1);
        return /[ |]/.test(item) ? `(${item})[]` : `${item}[]`;
      }
      case 'intersection':
        return 'object';
      case 'union':
        return depth > 0 ? 'union' : [...new Set(schema.variants.map((v) => shortType(api, v, depth + 1)))].join(' | ');
      default:
        return schema.kind;
    }
  })();
  return `${core}${nullable}`.replace(/`/g, "'");
}

/** The first sentence of the first paragraph, on one line, at most {@link MAX_SENTENCE} characters. */
export function firstSentence(text: string | undefined): string {
  const paragraph = firstParagraph(text);
  // A sentence ends at `.`, `!` or `?` before a capital (or the end): `e.g. daily` goes on.
  const sentence = /^(.+?[.!?])(?=\s+[A-Z]|$)/.exec(paragraph)?.[1] ?? paragraph;
  if (sentence.length <= MAX_SENTENCE) return sentence;
  const cut = sentence.slice(0, MAX_SENTENCE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_SENTENCE / 2))}…`;
}

/** One field's line: ``- `name` (required, `string`): First sentence. Note: …``. */
function fieldLine(api: Api, p: Property): string {
  const target = resolve(api, p.schema);
  const required = p.required && p.default === undefined && p.schema.default === undefined;
  const description = firstSentence(p.description ?? p.schema.description ?? target?.description);
  const note = p.note ?? p.schema.note ?? target?.note;
  const text = [description, note === undefined ? '' : `Note: ${note.trim()}`].filter((t) => t !== '').join(' ');
  const key = p.name.replace(/`/g, "'");
  return `- \`${key}\` (${required ? 'required' : 'optional'}, \`${shortType(api, p.schema)}\`)${text === '' ? '' : `: ${text}`}`;
}

/**
 * The lines that describe the request body of an operation (raw text: the TSDoc writer escapes it), or `[]`.
 *
 * @param schema the body schema (the first media type's)
 * @param typeName the body's type (`CreateXBody`), linked from the heading
 */
export function bodyFieldLines(api: Api, schema: Schema, typeName: string): string[] {
  const resolved = resolve(api, schema);
  if (resolved?.kind === 'union') {
    const variants = resolved.variants.map((v) => `\`${shortType(api, v, 1)}\``);
    const shown = variants.slice(0, MAX_VARIANTS);
    const more = variants.length - shown.length;
    return [`Body (\`${typeName}\`): one of ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`];
  }
  const properties = propertiesOf(api, schema)?.filter((p) => p.readOnly !== true && p.schema.readOnly !== true);
  if (properties === undefined || properties.length === 0) return [];
  const shown = properties.slice(0, MAX_FIELDS);
  const lines = [`Body fields (\`${typeName}\`):`, ...shown.map((p) => fieldLine(api, p))];
  if (properties.length > shown.length) lines.push(`- … and ${properties.length - shown.length} more`);
  return lines;
}
