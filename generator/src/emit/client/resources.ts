/**
 * `src/resources/<path>.ts`: one class per resource. A resource class takes a `RequestClient` (the
 * runtime's interface that `ClientCore` and the lean core `LeanClient` both satisfy) in its constructor, has one method per operation (see `operation.ts`) and a lazily created getter per
 * child resource. No module-level side effects: importing a resource file runs no code.
 */
import {
  type ClassDeclarationStructure,
  type GetAccessorDeclarationStructure,
  type MethodDeclarationStructure,
  type PropertyDeclarationStructure,
  Scope,
  StructureKind,
} from 'ts-morph';
import { clientNames } from '../../model/client-names.js';
import type { Api, Tag } from '../../model/types.js';
import { printSourceFile, type Statement } from '../print.js';
import { bannerLine } from '../text.js';
import { jsDocStructures } from '../tsdoc.js';
import type { EmitOptions, EmittedFile } from '../types.js';
import { CORE, methodParts } from './operation.js';
import { allResources, type ResourceNode } from './resources-tree.js';
import { ImportScope } from './scope.js';

/** Methods of `node` (its operations), in spec order. */
export function resourceMethods(
  api: Api,
  node: ResourceNode,
  scope: ImportScope,
  options: EmitOptions,
  knownSchemes: ReadonlySet<string>,
  clientExpr = 'this.client',
): MethodDeclarationStructure[] {
  return node.operations.map((op, i) => {
    const parts = methodParts(api, op, scope, options.typesPackageName, knownSchemes, clientExpr);
    return {
      kind: StructureKind.Method,
      name: node.methodNames[i] ?? op.methodName,
      docs: parts.docs,
      parameters: parts.parameters,
      returnType: parts.returnType,
      statements: [parts.body],
    };
  });
}

/** Lazily created child-resource getters and their backing private fields. */
export function childAccessors(
  node: ResourceNode,
  scope: ImportScope,
  clientExpr: string,
): { properties: PropertyDeclarationStructure[]; getters: GetAccessorDeclarationStructure[] } {
  const properties: PropertyDeclarationStructure[] = [];
  const getters: GetAccessorDeclarationStructure[] = [];
  for (const child of node.children) {
    const cls = scope.value(child.file, child.className);
    properties.push({ kind: StructureKind.Property, name: `#${child.name}`, type: `${cls} | undefined` });
    getters.push({
      kind: StructureKind.GetAccessor,
      name: child.name,
      returnType: cls,
      docs: [{ kind: StructureKind.JSDoc, description: `\`${child.access}\`: see {@link ${cls}}.` }],
      statements: [`return (this.#${child.name} ??= new ${cls}(${clientExpr}));`],
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
  const scope = new ImportScope(node.file, [node.className]);
  const clientType = scope.type(CORE.types, 'RequestClient');
  const { properties, getters } = childAccessors(node, scope, 'this.client');
  const methods = resourceMethods(api, node, scope, options, knownSchemes);
  const tag = tagFor(api, node);
  const access = node.access;
  const names = clientNames(api, options.clientName);
  const cls: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: node.className,
    isExported: true,
    docs: jsDocStructures(
      tag === undefined ? undefined : { ...(tag.description !== undefined ? { description: tag.description } : {}), ...(tag.summary !== undefined ? { summary: tag.summary } : {}) },
      { lead: [`The \`${access}\` resource${tag !== undefined ? ` (tag \`${tag.name}\`)` : ''}.`] },
    ),
    properties: [
      {
        kind: StructureKind.Property,
        name: 'client',
        scope: Scope.Protected,
        isReadonly: true,
        type: clientType,
        docs: [{ kind: StructureKind.JSDoc, description: 'The client that sends the requests.' }],
      },
      ...properties,
    ],
    ctors: [
      {
        kind: StructureKind.Constructor,
        docs: [{ kind: StructureKind.JSDoc, description: `@param client the client that sends the requests: \`${names.client}\`, \`${names.base}\` (any \`ClientCore\`) or a \`LeanClient\` (the lean core)` }],
        parameters: [{ kind: StructureKind.Parameter, name: 'client', type: clientType }],
        statements: ['this.client = client;'],
      },
    ],
    getAccessors: getters,
    methods,
  };
  const statements: Statement[] = [bannerLine(options), ...scope.declarations(), cls];
  return { path: node.file, kind: 'ts', contents: printSourceFile(statements) };
}

/** Every resource file, in tree order. */
export function resourceFiles(api: Api, root: ResourceNode, options: EmitOptions, knownSchemes: ReadonlySet<string>): EmittedFile[] {
  return allResources(root).map((node) => resourceFile(api, node, options, knownSchemes));
}
