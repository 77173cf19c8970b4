import { BaseResolver, type Document, Source } from '@redocly/openapi-core';

/** Sources whose body was parsed as JSON (valid JSON text): `line-col.ts` locates in them without a YAML AST. */
export const jsonSources = new WeakSet<Source>();

/** A `.json` file that is not valid JSON (RFC 8259: no trailing commas, comments or single quotes). */
export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
  /** 1-based line and column of the error, when the parser names a position. */
  readonly line: number | undefined;
  readonly col: number | undefined;
  constructor(
    message: string,
    readonly file: string,
    position: number | undefined,
    text: string,
  ) {
    super(message);
    if (position === undefined) {
      this.line = undefined;
      this.col = undefined;
    } else {
      const before = text.slice(0, position);
      this.line = before.split('\n').length;
      this.col = position - before.lastIndexOf('\n');
    }
  }
}

/**
 * Redocly's resolver, parsing JSON files with `JSON.parse` (an order of magnitude faster than the
 * YAML parser on a 13 MB document). A file named `.json` is JSON: text that does not parse is an
 * error at its line and column (the YAML parser would accept `{"a": 1,}` as a flow mapping). Other
 * text that is not valid JSON goes to the YAML parser, so its errors keep their line and column.
 */
export class LoaderResolver extends BaseResolver {
  override parseDocument(source: Source, isRoot = false): Document {
    const first = /\S/.exec(source.body)?.[0];
    const json = /\.json$/i.test(source.absoluteRef);
    if (json || first === '{' || first === '[') {
      try {
        const parsed: unknown = JSON.parse(source.body);
        jsonSources.add(source);
        return { source, parsed };
      } catch (error) {
        // A `.json` file is JSON; other text starting with `{` may be YAML (a flow mapping): the YAML parser says
        if (json) {
          const message = error instanceof Error ? error.message : String(error);
          const at = /at position (\d+)/.exec(message);
          throw new JsonSyntaxError(message.replace(/ in JSON at position \d+.*$/, ''), source.absoluteRef, at ? Number(at[1]) : undefined, source.body);
        }
      }
    }
    return super.parseDocument(source, isRoot);
  }

  /**
   * Registers the entry document from text already read (so it is not read twice) and returns it.
   * @throws {YamlParseError} when the text is neither JSON nor YAML; {JsonSyntaxError} when a `.json` file is not JSON
   */
  async entry(absolutePath: string, text: string): Promise<Document> {
    const doc = Promise.resolve().then(() => this.parseDocument(new Source(absolutePath, text), true));
    this.cache.set(absolutePath, doc);
    const result = await this.resolveDocument(null, absolutePath, true);
    if (result instanceof Error) throw result;
    return result;
  }
}
