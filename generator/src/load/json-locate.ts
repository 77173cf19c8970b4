/**
 * Line and column of a JSON pointer in JSON text, without building an AST: one pass records where
 * each `{`/`[` closes, after which a lookup walks down the pointer, jumping over the values it does
 * not enter. Same answers as Redocly's YAML-AST lookup (`getLineColLocation`) for JSON text: the key
 * (its opening quote) when `onKey` and the node is an object member, else the value's first
 * character; a missing segment stops at the deepest node found. Index: O(n) once per text, a few
 * bytes per container; lookup: proportional to the members skipped on the way.
 */
export class JsonLocator {
  private readonly text: string;
  private readonly opens: Int32Array;
  private readonly closes: Int32Array;
  private lineStarts: Int32Array | undefined;

  /** @param text valid JSON text (as `JSON.parse` accepted) */
  constructor(text: string) {
    this.text = text;
    const opens: number[] = [];
    const closes: number[] = [];
    const stack: number[] = [];
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 34 /* " */) {
        i = stringEnd(text, i) - 1;
      } else if (c === 123 /* { */ || c === 91 /* [ */) {
        stack.push(opens.length);
        opens.push(i);
        closes.push(-1);
      } else if (c === 125 /* } */ || c === 93 /* ] */) {
        const at = stack.pop();
        if (at !== undefined) closes[at] = i;
      }
    }
    this.opens = Int32Array.from(opens);
    this.closes = Int32Array.from(closes);
  }

  /** 1-based line and column of the node at `segments` (see the class comment). */
  locate(segments: readonly string[], onKey: boolean): { line: number; col: number } {
    const text = this.text;
    let pos = skipWs(text, 0);
    let keyPos = -1;
    for (const segment of segments) {
      const c = text.charCodeAt(pos);
      if (c === 123 /* { */) {
        const found = this.member(pos, segment);
        if (found === undefined) break;
        keyPos = found.key;
        pos = found.value;
      } else if (c === 91 /* [ */) {
        if (!/^(0|[1-9][0-9]*)$/.test(segment)) break;
        const found = this.item(pos, Number(segment));
        if (found === undefined) break;
        keyPos = -1;
        pos = found;
      } else {
        break;
      }
    }
    return this.lineCol(onKey && keyPos !== -1 ? keyPos : pos);
  }

  /** Position of the value (and of the key) of member `name` of the object at `open`. */
  private member(open: number, name: string): { key: number; value: number } | undefined {
    const text = this.text;
    let pos = skipWs(text, open + 1);
    while (text.charCodeAt(pos) === 34 /* " */) {
      const end = stringEnd(text, pos);
      const raw = text.slice(pos + 1, end - 1);
      const key = raw.includes('\\') ? (JSON.parse(text.slice(pos, end)) as string) : raw;
      const value = skipWs(text, skipWs(text, end) + 1); // past ':'
      if (key === name) return { key: pos, value };
      pos = skipWs(text, this.valueEnd(value));
      if (text.charCodeAt(pos) !== 44 /* , */) return undefined;
      pos = skipWs(text, pos + 1);
    }
    return undefined;
  }

  /** Position of item `index` of the array at `open`. */
  private item(open: number, index: number): number | undefined {
    const text = this.text;
    let pos = skipWs(text, open + 1);
    if (text.charCodeAt(pos) === 93 /* ] */) return undefined;
    for (let i = 0; i < index; i++) {
      pos = skipWs(text, this.valueEnd(pos));
      if (text.charCodeAt(pos) !== 44 /* , */) return undefined;
      pos = skipWs(text, pos + 1);
    }
    return pos;
  }

  /** Position just after the value starting at `pos`. */
  private valueEnd(pos: number): number {
    const text = this.text;
    const c = text.charCodeAt(pos);
    if (c === 34 /* " */) return stringEnd(text, pos);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      // binary search for the container opening at `pos`
      let lo = 0;
      let hi = this.opens.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = this.opens[mid]!;
        if (at === pos) return this.closes[mid]! + 1;
        if (at < pos) lo = mid + 1;
        else hi = mid - 1;
      }
      return text.length;
    }
    let end = pos;
    while (end < text.length) {
      const d = text.charCodeAt(end);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
      end++;
    }
    return end;
  }

  private lineCol(offset: number): { line: number; col: number } {
    if (this.lineStarts === undefined) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = Int32Array.from(starts);
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  }
}

/** Position just after the closing quote of the string opening at `pos`. */
function stringEnd(text: string, pos: number): number {
  let i = pos + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q === -1) return text.length;
    let backslashes = 0;
    for (let j = q - 1; text.charCodeAt(j) === 92 /* \ */; j--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

function skipWs(text: string, pos: number): number {
  let i = pos;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) i++;
    else return i;
  }
}
