/**
 * Comments as prettier prints them: a JSDoc comment before a declaration or member, on its own line,
 * its lines re-indented to the member's indentation (prettier's indentable block comments).
 */
import { type Doc, hardline, join, keepTrailingHardline, markAsRoot } from './doc.js';

/** A JSDoc comment and the line break after it, as prettier prints a leading block comment. */
export function docsDoc(docs: string | undefined): Doc {
  if (docs === undefined) return '';
  return [commentDoc(docs), hardline];
}

function commentDoc(comment: string): Doc {
  const value = comment.slice(2, -2);
  if (!value.includes('\n')) return comment;
  const lines = `*${value}*`.split('\n').map((l) => l.trimStart());
  if (!lines.every((l) => l.startsWith('*'))) throw new Error(`not an indentable comment: ${comment}`);
  const jsDoc = value[0] === '*' && value[1] !== '*';
  const keeps = (l: string, i: number): boolean => jsDoc && i > 0 && i < lines.length - 1 && l.trimEnd() !== '*' && l.endsWith('  ');
  if (!lines.some(keeps)) {
    // The common case as one node: `/**`, ` * …` lines re-indented and trimmed, ` */`.
    return join(
      hardline,
      lines.map((l, i) => (i === 0 ? `/${l.trimEnd()}` : i === lines.length - 1 ? ` ${l}/` : ` ${l.trimEnd()}`)),
    );
  }
  const parts: Doc[] = ['/'];
  lines.forEach((l, i) => {
    if (i === 0) parts.push(l.trimEnd(), hardline);
    else if (i === lines.length - 1) parts.push(' ', l);
    else {
      const trimmed = l.trimEnd();
      if (jsDoc && trimmed !== '*' && l.endsWith('  ')) parts.push(` ${trimmed}`, '  ', keepTrailingHardline);
      else parts.push(` ${trimmed}`, hardline);
    }
  });
  parts.push('/');
  return markAsRoot(parts);
}
