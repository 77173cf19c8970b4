// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Form and multipart request bodies. Generated methods of operations with such bodies call these and pass the result
 * as `body` (the core sends the encoded form text and `FormData` as they are), so other clients do not bundle them.
 */

import { UsageError } from './errors.js';
import {
  encodeForm,
  encodeReserved,
  entriesOf,
  isPlainObject,
  ownValue,
  primitive,
  serializeQueryParam,
} from './serialize.js';
import type { EncodingSpec } from './types.js';

/**
 * application/x-www-form-urlencoded per property: `encoding[prop]` style/explode/allowReserved when given; else its
 * `contentType` (a JSON type sends the value as JSON text, any other the value as text); else arrays are repeated
 * (form, explode) and objects are sent as JSON text (OpenAPI's default contentType for objects).
 * @throws UsageError when a value holds a lone UTF-16 surrogate
 */
export function encodeFormBody(
  body: unknown,
  encoding?: Readonly<Record<string, EncodingSpec>>,
): string {
  if (!isPlainObject(body)) return primitive(body);
  const parts: string[] = [];
  for (const [name, value] of entriesOf(body)) {
    const enc = ownValue(encoding, name);
    try {
      parts.push(...formPart(name, value, enc));
    } catch (error) {
      if (error instanceof URIError)
        throw new UsageError(
          `Form field "${name}" holds a lone UTF-16 surrogate, which cannot be percent-encoded`,
        );
      throw error;
    }
  }
  return parts.join('&');
}

function formPart(name: string, value: unknown, enc: EncodingSpec | undefined): string[] {
  const styled =
    enc?.style !== undefined || enc?.explode !== undefined || enc?.allowReserved !== undefined;
  const encode = enc?.allowReserved ? encodeReserved : encodeForm;
  if (!styled && enc?.contentType !== undefined) {
    // Content-based serialisation (OpenAPI 3.1.1 appendix E): the value as one text of that media type.
    const text = /json/i.test(enc.contentType) ? JSON.stringify(value) : primitive(value);
    return [`${encodeForm(name)}=${encodeForm(text)}`];
  }
  if (isPlainObject(value) && !styled)
    return [`${encodeForm(name)}=${encodeForm(JSON.stringify(value))}`];
  const style = enc?.style ?? 'form';
  return serializeQueryParam(name, value, style, enc?.explode ?? style === 'form', encode);
}

/**
 * A multipart/form-data body: Blob/File parts as they are; arrays as repeated parts under the same name; objects as JSON;
 * `encoding[prop].contentType` turns a non-binary value into a typed part. `null` becomes an empty part.
 */
export function multipartBody(
  body: unknown,
  encoding?: Readonly<Record<string, EncodingSpec>>,
): FormData {
  const form = new FormData();
  if (!isPlainObject(body))
    throw new UsageError('A multipart body must be an object or a FormData');
  for (const [name, value] of entriesOf(body)) {
    const ct = ownValue(encoding, name)?.contentType;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) appendPart(form, name, item, ct);
  }
  return form;
}

function appendPart(
  form: FormData,
  name: string,
  value: unknown,
  contentType: string | undefined,
): void {
  if (value === undefined) return;
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    form.append(name, value);
    return;
  }
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes =
      value instanceof ArrayBuffer
        ? new Uint8Array(value)
        : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    form.append(
      name,
      new Blob([bytes.slice()], { type: contentType ?? 'application/octet-stream' }),
    );
    return;
  }
  const text =
    isPlainObject(value) || Array.isArray(value) ? JSON.stringify(value) : primitive(value);
  if (contentType && !/^text\/plain\b/i.test(contentType))
    form.append(name, new Blob([text], { type: contentType }), name);
  else form.append(name, text);
}

/**
 * An application/x-www-form-urlencoded body, per property `encoding` (see `encodeFormBody`): the encoded text, which
 * the core sends as it is with `Content-Type: application/x-www-form-urlencoded` (or the operation's `contentType`).
 * Not a `URLSearchParams`: its `toString()` would percent-encode the delimiters and reserved characters again.
 * @throws UsageError when a value holds a lone UTF-16 surrogate
 */
export function formBody(body: unknown, encoding?: Readonly<Record<string, EncodingSpec>>): string {
  return encodeFormBody(body, encoding);
}
