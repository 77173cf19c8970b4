/**
 * `src/errors.ts` of the client package: `<Client>ErrorBody`, the union of the error bodies the spec declares, and the
 * runtime's HTTP error classes re-exported through `ApiErrorClass` with it, so that `instanceof` narrows `body` (D36).
 */
import { clientNames } from '../../model/client-names.js';
import { clientValueSchema, errorResponses } from '../../model/queries.js';
import type { Api } from '../../model/types.js';
import { id, member } from '../ts/code.js';
import { commentFromDocs, generic, name, type Statement, type TypeNode, unionOf } from '../ts/nodes.js';
import { printFile } from '../ts/printer.js';
import { bannerLine } from '../text.js';
import type { EmitOptions, EmittedFile } from '../types.js';
import { ImportScope, relativeSpecifier } from '../imports.js';

const FILE = 'src/errors.ts';
const CORE_ERRORS = 'src/core/errors.ts';
/** Local name of the namespace import of the runtime's errors module. */
const CORE = 'core';

/**
 * The types-package names of every declared error body, deduplicated, in spec order (operations, then responses,
 * then media types): a referenced schema by its name; an inline (or nullable) schema by its operation's `<Op>Error`,
 * the one name the types package gives it. Responses are those of `<Op>Error` (4XX/5XX, and `default` beside
 * successes); a response without a body adds nothing.
 */
export function errorBodyTypeNames(api: Api): string[] {
  const out = new Set<string>();
  for (const op of api.operations) {
    for (const response of errorResponses(op)) {
      for (const content of response.contents) {
        const schema = clientValueSchema(api, content);
        const named = schema.kind === 'ref' && !schema.nullable ? api.schemas.get(schema.target) : undefined;
        out.add(named !== undefined ? named.identifier : op.names.error);
      }
    }
  }
  return [...out];
}

/** `src/errors.ts`: the error body union and one typed alias and constructor per error class of the model's names. */
export function errorsFile(api: Api, options: EmitOptions): EmittedFile {
  const names = clientNames(api, options.clientName);
  const body = names.errorBody;
  const scope = new ImportScope(FILE, [CORE, body, ...names.errorClasses]);
  const bodies = errorBodyTypeNames(api).map((n) => name(scope.packageType(options.typesPackageName, n)));
  const bodyType: TypeNode = bodies.length === 0 ? name('unknown') : unionOf([...bodies, name('string'), name('undefined')]);
  const ctor = scope.type(CORE_ERRORS, 'ApiErrorClass');
  const declarations: Statement[] = [
    {
      kind: 'alias',
      name: body,
      exported: true,
      docs: commentFromDocs(
        bodies.length === 0
          ? 'The body of an error response: the spec declares none, so it is whatever arrives (parsed JSON, text, or `undefined` when empty).'
          : 'The body of an error response: one the spec declares, the text of a body that is not JSON, or `undefined` when empty. Not checked at run time.',
      ),
      type: bodyType,
    },
  ];
  for (const cls of names.errorClasses) {
    declarations.push({ kind: 'alias', name: cls, exported: true, type: generic(`${CORE}.${cls}`, [name(body)]) });
    declarations.push({
      kind: 'const',
      name: cls,
      exported: true,
      docs: `/** The runtime's \`${cls}\` with \`body\` typed \`${body}\`: \`instanceof\` narrows to it. */`,
      type: generic(ctor, [name(body), name(cls)]),
      init: member(id(CORE), cls),
    });
  }
  // Package imports, then the runtime's module (as a namespace, then its types), as ImportScope orders them.
  const scoped = scope.declarations();
  const firstRelative = scoped.findIndex((s) => s.kind === 'import' && s.from.startsWith('.'));
  const at = firstRelative === -1 ? scoped.length : firstRelative;
  const imports: Statement[] = [
    ...scoped.slice(0, at),
    { kind: 'import-namespace', name: CORE, from: relativeSpecifier(FILE, CORE_ERRORS) },
    ...scoped.slice(at),
  ];
  return { path: FILE, kind: 'ts', contents: printFile([{ kind: 'text', text: bannerLine(options) }, ...imports, ...declarations]) };
}
