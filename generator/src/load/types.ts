import type { Diagnostic } from '../diagnostics.js';
import type { Pointer } from '../model/types.js';

/** A parsed, bundled (all `$ref`s local to this one document) and validated OpenAPI 3.0/3.1 document. */
export interface LoadedDocument {
  /** The bundled document as plain JSON data. External files' schemas are made local. */
  document: Record<string, unknown>;
  /** `openapi` field as written, e.g. `3.1.0`. */
  openapi: string;
  /** The entry file as the caller gave it. */
  sourceFile: string;
  /** Warnings found while loading (no errors: those throw a `GenerateError`). */
  diagnostics: Diagnostic[];
  /**
   * Where a pointer of the bundled document came from: file, line and column (1-based), if known,
   * and `pointer`, the JSON pointer inside that file (differs from the bundled one for content moved
   * in from another file; names the nearest existing parent when the exact node does not exist).
   */
  locate(pointer: Pointer): { file: string; line?: number; column?: number; pointer?: Pointer } | undefined;
}
