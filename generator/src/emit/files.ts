/**
 * The files of the types package besides its sources, rendered from handlebars templates with plain
 * view objects built from the model: `package.json`, `tsconfig.json`, `tsdown.config.ts`,
 * `README.md`, `LICENSE`.
 */
import { apiName } from '../model/naming.js';
import type { Api } from '../model/types.js';
import { licenseFile, packageMetadata, tsdownConfigFile } from './package-info.js';
import { renderTemplate } from './templates.js';
import { bannerLine, firstLine, lineCommentText, quotedString } from './text.js';
import type { EmitOptions, EmittedFile } from './types.js';
import { methodAndPath, orderedParameters } from '../model/queries.js';

/** `Acme` → `the Acme API`; `Acme API` → `the Acme API` (no doubled word: the model's {@link apiName}). */
export function apiPhrase(title: string): string {
  return `the ${apiName(title)}`;
}

/** The view the README template renders. */
export function typesReadmeView(api: Api, options: EmitOptions): object {
  const schemas = [...api.schemas.values()].map((s) => ({
    identifier: s.identifier,
    requestIdentifier: s.requestIdentifier,
    module: s.module,
    deprecated: s.schema.deprecated === true,
    summary: firstLine(s.schema.title ?? s.schema.description),
  }));
  const operations = api.operations.map((op) => ({
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
    deprecated: op.deprecated === true,
    summary: firstLine(op.summary ?? op.description),
    types: [op.names.params, op.names.body, op.names.response, op.names.error].filter((n) => n !== undefined),
  }));
  const isGet = (op: Api['operations'][number]): boolean => op.method === 'get';
  const exampleOp = api.operations.find((op) => isGet(op) && !orderedParameters(op).some((p) => p.required)) ?? api.operations.find(isGet) ?? api.operations[0];
  const example =
    exampleOp === undefined
      ? undefined
      : {
          method: exampleOp.method.toUpperCase(),
          path: exampleOp.path,
          pathLiteral: quotedString(exampleOp.path),
          hasParams: orderedParameters(exampleOp).some((p) => p.required),
          params: lineCommentText(`path, query, header, cookie: see ${exampleOp.names.params} (${methodAndPath(exampleOp)})`),
        };
  const importNames = [
    ...[...api.schemas.values()].slice(0, 1).map((s) => s.identifier),
    ...(exampleOp === undefined ? [] : [exampleOp.names.params, exampleOp.names.response]),
  ];
  return {
    specPath: options.specPath,
    command: options.command,
    packageName: options.typesPackageName,
    title: api.title,
    apiPhrase: apiPhrase(api.title),
    version: api.version,
    baseUrl: api.servers[0]?.url ?? 'https://api.example.com',
    baseUrlLiteral: quotedString(api.servers[0]?.url ?? 'https://api.example.com'),
    example,
    importExample: [...importNames, 'paths'].join(', '),
    schemas,
    operations,
    webhooks: api.webhooks.map((h) => ({ name: h.name, method: h.method.toUpperCase(), identifier: h.identifier })),
    webhookUnion: api.webhookPayload,
  };
}

/** `package.json`, `tsconfig.json`, `tsdown.config.ts`, `README.md` and `LICENSE` of the types package. */
export function typesPackageFiles(api: Api, options: EmitOptions): EmittedFile[] {
  const packageView = {
    packageName: options.typesPackageName,
    version: options.existingVersions.types ?? '0.0.0',
    description: `TypeScript types for ${apiPhrase(api.title)} (declarations only), generated from its OpenAPI document`,
    generateScript: options.generateScripts?.types,
    metadata: packageMetadata(options, 'types'),
  };
  return [
    { path: 'package.json', kind: 'json', contents: renderTemplate('types/package.json.hbs', packageView) },
    { path: 'tsconfig.json', kind: 'json', contents: renderTemplate('types/tsconfig.json.hbs', {}) },
    tsdownConfigFile('types', bannerLine(options)),
    { path: 'README.md', kind: 'md', contents: renderTemplate('types/README.md.hbs', typesReadmeView(api, options)) },
    licenseFile(options, options.typesPackageName),
  ];
}
