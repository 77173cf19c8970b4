/**
 * `src/resources/<path>.ts`: one class per resource. A resource class takes a `RequestClient` (the
 * runtime's interface that `ClientCore` and the lean core `LeanClient` both satisfy) in its constructor, has one method per operation (see `operation.ts`) and a lazily created getter per
 * child resource. No module-level side effects: importing a resource file runs no code.
 */
import { pickDocs } from '../../model/queries.js';
import { allResources, clientNames, type ResourceNode } from '../../model/client-names.js';
import type { Api, Tag } from '../../model/types.js';
import { type ClassMember, type Expression, id, member, ret, THIS } from '../ts/code.js';
import { commentFromDocs, name, type Statement, unionOf } from '../ts/nodes.js';
import { printFile } from '../ts/printer.js';
import { bannerLine } from '../text.js';
import { jsDocComment } from '../tsdoc.js';
import type { EmitOptions, EmittedFile } from '../types.js';
import { CORE, methodParts, pageItemUsesExtract } from './operation.js';
import { pollMethod } from './poll-method.js';
import { ImportScope } from '../imports.js';

/** The client expression a resource passes on: `this.client` in a resource class. */
const THIS_CLIENT = member(THIS, 'client');

/**
 * Methods of `node` (its operations), in spec order, each followed by its `…AndPoll` method when it has `x-poll`;
 * `client`: the expression that sends the requests.
 */
export function resourceMethods(
  api: Api,
  node: ResourceNode,
  scope: ImportScope,
  options: EmitOptions,
  knownSchemes: ReadonlySet<string>,
  client: Expression = THIS_CLIENT,
): ClassMember[] {
  return node.operations.flatMap((op, i): ClassMember[] => {
    const parts = methodParts(api, op, scope, options.typesPackageName, knownSchemes, client);
    const method: ClassMember = {
      kind: 'method',
      docs: parts.docs,
      name: node.methodNames[i] ?? op.methodName,
      params: parts.params,
      returns: parts.returns,
      body: parts.body,
    };
    const waiting = pollMethod(api, node, i, scope, options.typesPackageName, knownSchemes, client);
    return waiting === undefined ? [method] : [method, waiting];
  });
}

/** Lazily created child-resource getters and their backing private fields. */
export function childAccessors(node: ResourceNode, scope: ImportScope, client: Expression): { properties: ClassMember[]; getters: ClassMember[] } {
  const properties: ClassMember[] = [];
  const getters: ClassMember[] = [];
  for (const child of node.children) {
    const cls = scope.value(child.file, child.className);
    const field = member(THIS, `#${child.name}`);
    properties.push({ kind: 'property', modifiers: [], name: `#${child.name}`, type: unionOf([name(cls), name('undefined')]) });
    getters.push({
      kind: 'getter',
      docs: commentFromDocs(`\`${child.access}\`: see \`${cls}\`.`),
      name: child.name,
      returns: name(cls),
      body: [
        ret({
          kind: 'parenthesized',
          expression: { kind: 'assignment', operator: '??=', left: field, right: { kind: 'new', callee: id(cls), args: [client] } },
        }),
      ],
    });
  }
  return { properties, getters };
}

function tagFor(api: Api, node: ResourceNode): Tag | undefined {
  const tags = new Set(node.operations.flatMap((op) => op.tags.slice(0, 1)));
  if (tags.size !== 1) return undefined;
  const [name] = [...tags];
  return api.tags.find((t) => t.name === name);
}

/** The file of one resource. */
export function resourceFile(api: Api, node: ResourceNode, options: EmitOptions, knownSchemes: ReadonlySet<string>): EmittedFile {
  // The global `Extract` a page item type may use is not hidden by an import of a schema of that name (CLIENT_GLOBAL_TYPES).
  const globals = node.operations.some((op) => pageItemUsesExtract(api, op)) ? ['Extract'] : [];
  const scope = new ImportScope(node.file, [node.className, ...globals]);
  const clientType = name(scope.type(CORE.types, 'RequestClient'));
  const { properties, getters } = childAccessors(node, scope, THIS_CLIENT);
  const methods = resourceMethods(api, node, scope, options, knownSchemes);
  const tag = tagFor(api, node);
  const access = node.access;
  const names = clientNames(api, options.clientName);
  const docs = jsDocComment(tag === undefined ? undefined : pickDocs(tag, ['description', 'summary']), {
    lead: [`The \`${access}\` resource${tag !== undefined ? ` (tag \`${tag.name}\`)` : ''}.`],
  });
  const members: ClassMember[] = [
    { kind: 'property', docs: '/** The client that sends the requests. */', modifiers: ['protected', 'readonly'], name: 'client', type: clientType },
    ...properties,
    {
      kind: 'constructor',
      docs: commentFromDocs(
        `@param client the client that sends the requests: \`${names.client}\`, \`${names.base}\` (any \`ClientCore\`) or a \`LeanClient\` (the lean core)`,
      ),
      params: [{ name: 'client', type: clientType }],
      body: [{ kind: 'expression', expression: { kind: 'assignment', operator: '=', left: THIS_CLIENT, right: id('client') } }],
    },
    ...getters,
    ...methods,
  ];
  const cls: Statement = { kind: 'class', name: node.className, exported: true, ...(docs !== undefined ? { docs } : {}), members };
  const statements: Statement[] = [{ kind: 'text', text: bannerLine(options) }, ...scope.declarations(), cls];
  return { path: node.file, kind: 'ts', contents: printFile(statements) };
}

/** Every resource file, in tree order. */
export function resourceFiles(api: Api, root: ResourceNode, options: EmitOptions, knownSchemes: ReadonlySet<string>): EmittedFile[] {
  return allResources(root).map((node) => resourceFile(api, node, options, knownSchemes));
}
