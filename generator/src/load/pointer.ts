/** RFC 6901 helpers. Pointers carry a leading `#` (`#/paths/~1pets`); the root is `#`. */

export function escapeSegment(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** `['paths', '/pets']` → `#/paths/~1pets`; `[]` → `#`. */
export function toPointer(segments: ReadonlyArray<string | number>): string {
  return segments.length === 0 ? '#' : `#/${segments.map(escapeSegment).join('/')}`;
}

/**
 * `#/paths/~1pets` → `['paths', '/pets']`. Accepts `#`, `#/`, `` and pointers without `#`.
 * Percent-encoding in URI fragments (`%7B`) is decoded.
 */
export function parsePointer(pointer: string): string[] {
  let p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (p === '' || p === '/') return [];
  if (p.startsWith('/')) p = p.slice(1);
  return p.split('/').map((s) => {
    const unescaped = unescapeSegment(s);
    try {
      return decodeURIComponent(unescaped);
    } catch {
      return unescaped;
    }
  });
}

/** Normalises Redocly's `#/` root form and friends to `#…`. */
export function normalizePointer(pointer: string): string {
  return toPointer(parsePointer(pointer));
}

/** The value at `segments` inside `root`, or `undefined`. */
export function getAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const s of segments) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(s)) return undefined;
      node = node[Number(s)];
    } else if (node !== null && typeof node === 'object') {
      if (!Object.hasOwn(node, s)) return undefined;
      node = (node as Record<string, unknown>)[s];
    } else {
      return undefined;
    }
  }
  return node;
}

/** Longest prefix of `segments` that exists in `root` (so a diagnostic never names a missing place). */
export function existingPrefix(root: unknown, segments: readonly string[]): string[] {
  const out: string[] = [];
  let node = root;
  for (const s of segments) {
    const next = getAt(node, [s]);
    if (next === undefined) break;
    out.push(s);
    node = next;
  }
  return out;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
