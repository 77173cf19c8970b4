/**
 * The generated client's method signatures, read from its emitted text: for each operationId, the
 * method whose request descriptor names it, with its parameters in order. The usage file calls each
 * method the way the old client declares it (D40: the path arguments, then `params`, `body`, `options`,
 * each left out when empty), so it does not depend on how the client emitter builds them.
 */
import { ts } from 'ts-morph';

/** One declared parameter of a client method. */
export interface MethodParameter {
  name: string;
  optional: boolean;
}

/** A client method as declared. */
export interface ClientMethod {
  /** The resource class declaring it, e.g. `Roles`. */
  className: string;
  name: string;
  parameters: MethodParameter[];
  /**
   * The members (getters or properties) leading from the root client class to the resource, e.g.
   * `['datasources', 'connections']`; `undefined` when no chain reaches it.
   */
  access?: string[];
}

/**
 * Every method of the client's resource classes (`src/resources/**`), by the operationId its body
 * passes (`operationId: '…'`), with the members that reach its class from `rootClass`.
 *
 * @param client the client package's files (package-relative path → text)
 * @param rootClass the root client class's name, e.g. `Improvado`
 */
export function clientMethods(client: ReadonlyMap<string, string>, rootClass: string): Map<string, ClientMethod> {
  const out = new Map<string, ClientMethod>();
  /** Class name → its getters (name and the class they return). */
  const getters = new Map<string, Array<{ name: string; type: string }>>();
  for (const [file, text] of client) {
    if (file !== 'src/client.ts' && !/^src\/resources\/.+\.ts$/.test(file)) continue;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    for (const statement of sf.statements) {
      if (!ts.isClassDeclaration(statement) || statement.name === undefined) continue;
      const own: Array<{ name: string; type: string }> = [];
      getters.set(statement.name.text, own);
      for (const member of statement.members) {
        const child = childResource(member, sf);
        if (child !== undefined) {
          own.push(child);
          continue;
        }
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name) || member.body === undefined) continue;
        const id = operationIdIn(member.body);
        if (id === undefined) continue;
        out.set(id, {
          className: statement.name.text,
          name: member.name.text,
          parameters: member.parameters.map((p) => ({
            name: p.name.getText(sf),
            optional: p.questionToken !== undefined || p.initializer !== undefined,
          })),
        });
      }
    }
  }
  const paths = accessPaths(getters, rootClass);
  for (const method of out.values()) {
    const access = paths.get(method.className);
    if (access !== undefined) method.access = access;
  }
  return out;
}

/**
 * A member that holds a resource: a getter or a property typed with a class (`get roles(): Roles`,
 * `readonly roles: Roles`), or a property initialised with one (`readonly roles = new Roles(this)`).
 */
function childResource(member: ts.ClassElement, sf: ts.SourceFile): { name: string; type: string } | undefined {
  if (!(ts.isGetAccessorDeclaration(member) || ts.isPropertyDeclaration(member)) || !ts.isIdentifier(member.name)) return undefined;
  if (member.type !== undefined) return ts.isTypeReferenceNode(member.type) ? { name: member.name.text, type: member.type.typeName.getText(sf) } : undefined;
  const init = ts.isPropertyDeclaration(member) ? member.initializer : undefined;
  return init !== undefined && ts.isNewExpression(init) ? { name: member.name.text, type: init.expression.getText(sf) } : undefined;
}

/** The shortest chain of resource members from `root` to each class (breadth first). */
function accessPaths(getters: ReadonlyMap<string, ReadonlyArray<{ name: string; type: string }>>, root: string): Map<string, string[]> {
  const paths = new Map<string, string[]>([[root, []]]);
  const queue = [root];
  while (queue.length > 0) {
    const cls = queue.shift() as string;
    for (const g of getters.get(cls) ?? []) {
      if (paths.has(g.type)) continue;
      paths.set(g.type, [...(paths.get(cls) ?? []), g.name]);
      queue.push(g.type);
    }
  }
  return paths;
}

/** The string of the first `operationId: '…'` property inside `node`. */
function operationIdIn(node: ts.Node): string | undefined {
  let found: string | undefined;
  const visit = (n: ts.Node): void => {
    if (found !== undefined) return;
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && n.name.text === 'operationId' && ts.isStringLiteralLike(n.initializer)) {
      found = n.initializer.text;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}
