/**
 * Diagnostics: every problem the generator reports, from loading to writing, has this shape.
 *
 * A diagnostic names its place as precisely as is known: the file (relative to the working
 * directory when possible), the JSON pointer inside that file, and the 1-based line and column.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** `error` stops the run before anything is written; `warning` and `info` are reported. */
  severity: Severity;
  /** A stable machine-readable code, e.g. `load/invalid-yaml`, `model/duplicate-operation-id`. */
  code: string;
  /** One sentence, no trailing period needed; never contains secrets. */
  message: string;
  /** File the problem is in (as given by the user, or relative to the working directory). */
  file?: string;
  /** RFC 6901 JSON pointer into `file`, e.g. `#/paths/~1pets/get`. */
  pointer?: string;
  /** 1-based line, where known. */
  line?: number;
  /** 1-based column, where known. */
  column?: number;
}

/** Thrown when a stage cannot go on; carries every diagnostic found so far (all at once). */
export class GenerateError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(`${errors.length} error${errors.length === 1 ? '' : 's'}:\n` + errors.map((d) => `  ${formatDiagnostic(d)}`).join('\n'));
    this.name = 'GenerateError';
    this.diagnostics = diagnostics;
  }
}

/** `file:line:column pointer: severity [code] message`, omitting what is unknown. */
export function formatDiagnostic(d: Diagnostic): string {
  let place = d.file ?? '';
  if (d.file !== undefined && d.line !== undefined) {
    place += `:${d.line}`;
    if (d.column !== undefined) place += `:${d.column}`;
  }
  if (d.pointer !== undefined) place += place ? ` ${d.pointer}` : d.pointer;
  return `${place ? `${place}: ` : ''}${d.severity} [${d.code}] ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
