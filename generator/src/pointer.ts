/**
 * JSON pointers: the only place that builds, splits, escapes and decodes them (load and model both
 * use it).
 *
 * Our pointers are RFC 6901 pointers in a URI fragment (RFC 3986), with the leading `#`:
 * `#/paths/~1pets~1{id}/get`; the root is `#`. Reading one (a `$ref`, a pointer we built) splits it at
 * `/`, then decodes each token: percent-decoding first (`%7B` → `{`; a malformed escape, `%zz` or
 * bytes that are not UTF-8, is kept as is), then `~1` → `/`, then `~0` → `~` (so `~01` is `~1` and
 * `%7E1` is `/`). A `%2F` is a `/` inside its token, never a separator (RFC 3986 §2.2: an encoded
 * delimiter is data), as Redocly reads it. `#/` is the root too, as Redocly writes it (RFC 6901 would
 * read a root key `""`, which an OpenAPI document never has).
 *
 * Building one escapes `~` → `~0`, `/` → `~1`, and `%` → `%25` where it is followed by two hex
 * digits (where reading would decode it); everything else stays as written (`{id}`, spaces, unicode),
 * so diagnostics and IR pointers read like the document. Reading gives back exactly the tokens built.
 *
 * Two other dialects come in and go out here too: plain RFC 6901 strings (`/results/{i}`, no `#`, no
 * percent-encoding; `x-pagination` fields) and Redocly's location pointers (`#/` root, tokens
 * `~`-escaped but not percent-encoded; its parser percent-decodes and drops empty tokens).
 */

const ESCAPED_PERCENT = /%(?=[0-9A-Fa-f]{2})/g;
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/** Escapes one token for our pointers: `~` → `~0`, `/` → `~1`, `%` before two hex digits → `%25`. */
export function escapeToken(token: string | number): string {
  const text = String(token);
  const escaped = text.includes('~') || text.includes('/') ? text.replaceAll('~', '~0').replaceAll('/', '~1') : text;
  return escaped.includes('%') ? escaped.replace(ESCAPED_PERCENT, '%25') : escaped;
}

/** Decodes one token of a pointer in a URI fragment: percent-decoding, then `~1` → `/`, `~0` → `~`. */
export function unescapeToken(token: string): string {
  const decoded = token.includes('%') ? token.replace(PERCENT_RUN, decodePercentRun) : token;
  return unescapeTilde(decoded);
}

/** RFC 6901 unescaping alone (`~1` → `/`, then `~0` → `~`); a `~` followed by anything else stays. */
function unescapeTilde(token: string): string {
  return token.includes('~') ? token.replaceAll('~1', '/').replaceAll('~0', '~') : token;
}

/** `%41%C3%A9` → `Aé`; escapes that do not form UTF-8 characters are kept as written. */
function decodePercentRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    // Some byte is not part of a UTF-8 character: decode character by character.
  }
  const bytes = run.length / 3;
  let out = '';
  for (let i = 0; i < bytes;) {
    const lead = Number.parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length > 0 && i + length <= bytes) {
      try {
        out += decodeURIComponent(run.slice(i * 3, (i + length) * 3));
        i += length;
        continue;
      } catch {
        // not a character: keep the lead byte's escape
      }
    }
    out += run.slice(i * 3, i * 3 + 3);
    i += 1;
  }
  return out;
}

/** `['paths', '/pets']` → `#/paths/~1pets`; `[]` → `#`. */
export function toPointer(tokens: ReadonlyArray<string | number>): string {
  return tokens.length === 0 ? '#' : `#/${tokens.map(escapeToken).join('/')}`;
}

/** Appends tokens to a pointer: `child('#/paths', '/pets', 'get')` → `#/paths/~1pets/get`. */
export function child(pointer: string, ...tokens: Array<string | number>): string {
  let out = pointer;
  for (const t of tokens) out += `/${escapeToken(t)}`;
  return out;
}

/**
 * The tokens of a pointer in a URI fragment: `#/paths/~1pets` → `['paths', '/pets']`. Accepts `#`,
 * `#/` and `` (the root) and pointers without the `#`.
 */
export function parsePointer(pointer: string): string[] {
  let p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (p === '' || p === '/') return [];
  if (p.startsWith('/')) p = p.slice(1);
  return p.split('/').map(unescapeToken);
}

/** A pointer (a `$ref`, Redocly's `#/` root, `%7B`) in our spelling: `#/a%7Bb%7D` → `#/a{b}`. */
export function normalizePointer(pointer: string): string {
  return toPointer(parsePointer(pointer));
}

/**
 * The pointer a `$ref` value names, in our spelling, when it is local (`#…`); any other reference
 * (`other.yaml#/X`) is returned as written.
 */
export function refToPointer(ref: string): string {
  if (!ref.startsWith('#')) return ref;
  // Nothing to decode or re-escape (the common case): already in our spelling.
  if (ref.length > 2 && ref[1] === '/' && !ref.includes('%') && !ref.includes('~')) return ref;
  return normalizePointer(ref);
}

/**
 * The tokens of a plain RFC 6901 pointer (not in a URI: no `#`, no percent-decoding):
 * `/results/{i}` → `['results', '{i}']`, `` → `[]`; undefined when it does not start with `/`.
 */
export function parseJsonPointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer.slice(1).split('/').map(unescapeTilde);
}

/** A location pointer of Redocly's (`#/` root, tokens `~`-escaped, not percent-encoded) in our spelling. */
export function fromRedoclyPointer(pointer: string): string {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return toPointer(body === '/' ? [] : (parseJsonPointer(body) ?? [body]));
}

/**
 * A pointer for Redocly's parser (`getLineColLocation`; it percent-decodes each token after
 * unescaping `~`): `#/` for the root, every `%` as `%25`, so no token is misread.
 */
export function toRedoclyPointer(tokens: readonly string[]): string {
  return `#/${tokens.map((t) => t.replaceAll('~', '~0').replaceAll('/', '~1').replaceAll('%', '%25')).join('/')}`;
}

/** The value at `tokens` inside `root` (array indexes are `0` or digits without a leading zero), or `undefined`. */
export function getAt(root: unknown, tokens: readonly string[]): unknown {
  let node = root;
  for (const t of tokens) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(t)) return undefined;
      node = node[Number(t)];
    } else if (node !== null && typeof node === 'object') {
      if (!Object.hasOwn(node, t)) return undefined;
      node = (node as Record<string, unknown>)[t];
    } else {
      return undefined;
    }
  }
  return node;
}

/** Longest prefix of `tokens` that exists in `root` (so a diagnostic never names a missing place). */
export function existingPrefix(root: unknown, tokens: readonly string[]): string[] {
  const out: string[] = [];
  let node = root;
  for (const t of tokens) {
    const next = getAt(node, [t]);
    if (next === undefined) break;
    out.push(t);
    node = next;
  }
  return out;
}
