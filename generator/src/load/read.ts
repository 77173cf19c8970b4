import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';

/** The entry file, found and non-empty; or the diagnostics saying why not. */
export type ReadResult = { ok: true; absolutePath: string; text: string } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Finds and reads the entry document (`input` is resolved against `cwd`). Reports a URL (only files are read), a
 * missing file, a directory, and an empty (or whitespace-only) file. Never throws for those.
 */
export async function readEntry(input: string, cwd: string, displayName: string): Promise<ReadResult> {
  // A URL would be read as a relative path (`https:/host/…`, one slash): say what is supported instead. Two letters
  // at least before `://`, so that a Windows drive (`C://…`) stays a path.
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(input)) {
    return fail('load/url-spec', `${input} is a URL: sdkgen reads the document from a file; download it first (e.g. curl -o openapi.yaml ${input})`, input);
  }
  const absolutePath = path.resolve(cwd, input);
  let text: string;
  try {
    const stat = await fs.stat(absolutePath);
    if (stat.isDirectory()) {
      return fail('load/not-a-file', `${displayName} is a directory, not an OpenAPI document`, displayName);
    }
    text = await fs.readFile(absolutePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return fail('load/file-not-found', `file not found: ${displayName}`, displayName);
    }
    return fail('load/read-failed', `cannot read ${displayName}: ${code ?? String(error)}`, displayName);
  }
  if (text.trim() === '') {
    return fail('load/empty-file', `${displayName} is empty: expected an OpenAPI 3.0 or 3.1 document`, displayName);
  }
  return { ok: true, absolutePath, text: text.replace(/\r\n/g, '\n') };
}

function fail(code: string, message: string, file: string): ReadResult {
  return { ok: false, diagnostics: [{ severity: 'error', code, message, file }] };
}
