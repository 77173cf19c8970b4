/**
 * Shared state of one `buildModel` run: the document, local `$ref` resolution and the diagnostics
 * list. Every model module reads the document through this (pointers: `../pointer.ts`).
 */
import type { Diagnostic, Severity } from '../diagnostics.js';
import { isObject, type JsonObject } from '../json.js';
import { placed } from '../load/locate.js';
import type { LoadedDocument } from '../load/types.js';
import { getAt, parsePointer, refToPointer } from '../pointer.js';
import type { Pointer } from './types.js';

/** The x- extensions of an object, verbatim, in spec order. */
export function extensionsOf(obj: JsonObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (k.startsWith('x-')) out[k] = v;
  return out;
}

/** Run state shared by the model modules. */
export class ModelContext {
  readonly doc: JsonObject;
  readonly diagnostics: Diagnostic[] = [];
  private readonly loaded: LoadedDocument;

  constructor(loaded: LoadedDocument) {
    this.loaded = loaded;
    this.doc = loaded.document;
  }

  /** Records a diagnostic; file/line/column come from the loader's `locate` when it knows them. */
  report(severity: Severity, code: string, message: string, pointer?: Pointer): void {
    const d: Diagnostic = { severity, code, message };
    this.diagnostics.push(pointer === undefined ? d : placed({ ...d, pointer }, this.loaded.locate(pointer)));
  }

  /** The value at a local pointer (`#/components/schemas/Pet`), or undefined. */
  get(pointer: Pointer): unknown {
    return getAt(this.doc, parsePointer(pointer));
  }

  /**
   * The value a `$ref` (found at `at`) names; undefined, reported, when the reference is not local
   * (the loader bundles every other) or points to nothing.
   */
  refTarget(ref: string, at: Pointer): unknown {
    if (!ref.startsWith('#')) {
      this.report('error', 'model/external-ref', `reference ${ref} is not local: the loader must bundle it`, at);
      return undefined;
    }
    if (ref.length > 1 && !ref.startsWith('#/')) {
      // `#node`: a plain-name fragment, which names a schema's `$anchor` (JSON Schema 2020-12 §8.2.2).
      this.report(
        'error',
        'model/anchor-ref',
        `reference ${ref} names an $anchor, which sdkgen does not resolve: use a JSON pointer (#/components/schemas/…)`,
        at,
      );
      return undefined;
    }
    const target = this.get(refToPointer(ref));
    if (target === undefined) this.report('error', 'model/dangling-ref', `reference ${ref} points to nothing`, at);
    return target;
  }

  /**
   * Follows `$ref` chains of a non-schema object (parameter, response, request body, header,
   * path item, example). Returns the target and the pointer where it lives; reports and returns
   * undefined for a reference that is not local, dangling or circular.
   */
  deref(value: unknown, pointer: Pointer): { value: JsonObject; pointer: Pointer } | undefined {
    let cur = value;
    let at = pointer;
    const seen = new Set<string>();
    while (isObject(cur) && typeof cur.$ref === 'string') {
      const ref = cur.$ref;
      const target = this.refTarget(ref, at);
      if (target === undefined) return undefined;
      if (seen.has(ref)) {
        this.report('error', 'model/circular-ref', `reference ${ref} refers back to itself`, at);
        return undefined;
      }
      seen.add(ref);
      cur = target;
      at = refToPointer(ref);
    }
    if (!isObject(cur)) return undefined;
    return { value: cur, pointer: at };
  }
}
