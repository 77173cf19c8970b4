// Runtime of the generated client. Copied verbatim from generator/runtime/ by sdkgen; edit it there.
/**
 * Reading a response body: per its kind (json, text, binary), bounded by the attempt's scope (its timeout and the
 * caller's signal), with the errors of a failed read. Used by `ClientCore` (client.ts).
 */

import type { AttemptScope } from './api-promise.js';
import { ConnectionError, type RequestInfo, SdkError } from './errors.js';
import type { ResponseKind } from './types.js';
import { decodeText } from './wire.js';

/**
 * Reads a response body per `kind`; 204/205, `none` and empty bodies give `undefined`. A success body that does not
 * parse as JSON throws a `ResponseParseError`. With `scope` (the attempt's), the read is aborted by its timeout or the
 * caller's signal, a failed read throws `scope.fail(err)` (`TimeoutError`, `AbortError` or `ConnectionError`), and the
 * scope ends when the read does (a `stream` body is handed over: the caller's signal still cancels it).
 * @param request method and display URL, for error messages (called only for one)
 */
export async function readBody(
  response: Response,
  kind: ResponseKind | undefined,
  binaryAs: 'blob' | 'arrayBuffer' | 'stream',
  scope?: AttemptScope,
  request?: () => RequestInfo,
): Promise<unknown> {
  let handedOver = false;
  try {
    if (kind === 'none' || response.body === null) {
      discard(response);
      return undefined;
    }
    if (kind === 'binary' && binaryAs === 'stream') {
      handedOver = true;
      return scope ? scope.handOver(response).body : response.body;
    }
    if (kind === 'binary') {
      // Piping with the signal errors the read at once on abort and cancels the source, whatever the fetch in use does.
      const source = scope
        ? new Response(response.body.pipeThrough(new TransformStream(), { signal: scope.signal }), {
            headers: response.headers,
          })
        : response;
      try {
        return await (binaryAs === 'arrayBuffer' ? source.arrayBuffer() : source.blob());
      } catch (err) {
        throw scope ? scope.fail(err) : readError(err);
      }
    }
    let text: string;
    try {
      text = scope ? await readText(response.body, scope) : await response.text();
    } catch (err) {
      throw scope ? scope.fail(err) : readError(err);
    }
    return decodeText(text, kind, response, request);
  } finally {
    if (!handedOver) scope?.end();
  }
}

/** A failed body read without an attempt scope (no time limit, no signal): a `ConnectionError`, as with one. */
function readError(err: unknown): Error {
  return err instanceof SdkError
    ? err
    : new ConnectionError('Connection error while reading the response body', { cause: err });
}

/** One shared decoder (non-streaming `decode` calls keep no state), made on first use. */
let utf8: TextDecoder | undefined;

/**
 * The body as UTF-8 text (BOM stripped, as `Response.text()`), read with a reader so that an abort of the attempt fails
 * the read at once and cancels the source stream, whatever the `fetch` in use does with the signal it was given.
 * @throws the abort's reason (the scope's signal's), or the stream's error
 */
async function readText(body: ReadableStream<Uint8Array>, scope: AttemptScope): Promise<string> {
  const reader = body.getReader();
  const signal = scope.signal;
  const cancel = (reason: unknown): void => {
    reader.cancel(reason).catch(() => undefined);
  };
  if (signal.aborted) cancel(signal.reason);
  else scope.onAbort(cancel); // called by the attempt itself: no event listener per read
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (signal.aborted) throw signal.reason;
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  let bytes = chunks[0] ?? new Uint8Array(0);
  if (chunks.length > 1) {
    bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
  }
  utf8 ??= new TextDecoder();
  return utf8.decode(bytes);
}

/** Releases an unread body without waiting (a cancel of a tee'd/cloned body only settles when every branch is cancelled). */
export function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}
