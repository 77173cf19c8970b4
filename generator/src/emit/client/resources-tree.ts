/**
 * The client's resource tree, as the model names it (model/client-names.ts: getter names, files, class names): one
 * node per resource path, each with its operations (spec order), its child resources (code-unit order), the file
 * it is emitted to and its class name. Operations with an empty resource path are methods of the root client.
 */
import { allResources, clientNames, methodAccess, type ResourceNode } from '../../model/client-names.js';
import { kebabCase, pascalCase } from '../../model/naming.js';
import { runtimeClassMembers } from '../../model/runtime-exports.js';
import type { Api } from '../../model/types.js';

export { allResources, kebabCase, methodAccess, pascalCase, type ResourceNode };

/**
 * Members of the runtime's `ClientCore` (public and protected; its private state is in `#` fields, which cannot
 * collide), read from generator/runtime/client.ts: the root client cannot declare a getter or method with one of
 * these names, so such a resource or operation gets a `_` suffix (`client.config_`).
 */
export const CORE_MEMBERS: ReadonlySet<string> = new Set(runtimeClassMembers('client.ts', 'ClientCore'));

/** The root node (the client itself) with the whole tree below it. */
export function resourceTree(api: Api, clientName: string): ResourceNode {
  return clientNames(api, clientName).root;
}
