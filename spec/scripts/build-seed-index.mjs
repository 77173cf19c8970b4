#!/usr/bin/env node
// Builds spec/seed-index.json from the seed (spec/sources/improvado-api-v3-schemas.txt, a copy of the
// published schema text, see spec/sources/README.md) with the splitting rule and the exceptions
// documented in spec/README.md ("Seed index"). Run from anywhere:
// `node spec/scripts/build-seed-index.mjs` (writes the file),
// `node spec/scripts/build-seed-index.mjs --check` (exits 1 when the committed index differs).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedFile = 'spec/sources/improvado-api-v3-schemas.txt';
const seedPath = path.resolve(repoRoot, seedFile);
const indexPath = path.resolve(repoRoot, 'spec/seed-index.json');

/** Rule 1: a line that is one PascalCase word is an object name. */
const OBJECT_LINE = /^[A-Z][A-Za-z0-9]*$/;
/** Rule 2: a line that starts with an upper-case letter and is not one word is an unnamed field. */
const UNNAMED_LINE = /^[A-Z]/;
/** Rule 3: otherwise the field name is the leading run of [a-z_], the description the rest (starts upper-case). */
const FIELD_LINE = /^([a-z][a-z_]*)([A-Z].*)$/;

/**
 * Exceptions, keyed by the exact seed line. Each gives the parts the line holds, in order:
 * `{ field, description }` (description null = the seed gives none), `{ object }`, or
 * `{ continuation: true }` (the whole line continues the previous field's description after "\n").
 */
const EXCEPTIONS = new Map([
  // description starts with a lower-case word, so the rule would glue it to the name
  [
    'namestring identifier of datasource',
    {
      kind: 'lowercase-description',
      parts: [{ field: 'name', description: 'string identifier of datasource' }],
    },
  ],
  [
    'namestring identifier of destination',
    {
      kind: 'lowercase-description',
      parts: [{ field: 'name', description: 'string identifier of destination' }],
    },
  ],
  // description continuation lines
  ['hour,day— must be 0week— 0–6 (day of week)month— 0–30 (day of month)', { kind: 'continuation', parts: [{ continuation: true }] }],
  ['hour— every hourday— once per dayweek— once per weekmonth— once per month', { kind: 'continuation', parts: [{ continuation: true }] }],
  ['available event names. Duplicates are deduplicated server-side. May be empty.', { kind: 'continuation', parts: [{ continuation: true }] }],
  // fields without a description run together, sometimes with the next object's name
  [
    'user_idnameDisplay name. Falls back to email if first/last name are blank.',
    {
      kind: 'run-together',
      parts: [
        { field: 'user_id', description: null },
        {
          field: 'name',
          description: 'Display name. Falls back to email if first/last name are blank.',
        },
      ],
    },
  ],
  [
    'emailworkspace_idworkspace_titleRoleUsersResponse',
    {
      kind: 'run-together',
      parts: [
        { field: 'email', description: null },
        { field: 'workspace_id', description: null },
        { field: 'workspace_title', description: null },
        { object: 'RoleUsersResponse' },
      ],
    },
  ],
  [
    'created_atupdated_atWebhookEndpointDetail',
    {
      kind: 'run-together',
      parts: [{ field: 'created_at', description: null }, { field: 'updated_at', description: null }, { object: 'WebhookEndpointDetail' }],
    },
  ],
  [
    'idurlsecret64-character hex signing secret',
    {
      kind: 'run-together',
      parts: [
        { field: 'id', description: null },
        { field: 'url', description: null },
        { field: 'secret', description: '64-character hex signing secret' },
      ],
    },
  ],
  [
    'statusconsecutive_failurescreated_atupdated_atWebhookEndpointCreateRequest',
    {
      kind: 'run-together',
      parts: [
        { field: 'status', description: null },
        { field: 'consecutive_failures', description: null },
        { field: 'created_at', description: null },
        { field: 'updated_at', description: null },
        { object: 'WebhookEndpointCreateRequest' },
      ],
    },
  ],
]);

/** Names proposed for unnamed fields (notes §3.1), keyed by "Object\u0000description". */
const UNNAMED = new Map(
  [
    ['Account', 'Data source-specific account item information', 'info'],
    ['ExtractTemplateCreateRequest', 'Extraction schedule configuration', 'scheduling'],
    ['Scheduling', 'Defines the period data will be extracted for. Applies to extract schedules only — ignored for load schedules.', 'extraction_period'],
    ['DestinationConnection', 'Destination object', 'destination'],
    ['DataTableDetail', 'Fields object', 'fields'],
    ['Load', 'Data Table object', 'data_table'],
    ['PaginatedLoadList', 'List of Loads', 'results'],
    ['ExtractTemplatePreviewRequest', 'Custom settings for the extraction.', 'custom_settings'],
    ['CustomSettingOptionsAccountResult', 'Page of selectable options for this account.', 'results'],
    ['Role', 'Permissions grouped by product layer. Layer codes match code in the permissions catalog.', 'permissions'],
    ['RoleWriteRequest', 'Permissions grouped by product layer. Use codes from GET /api/v3/roles/permissions.', 'permissions'],
    ['PermissionsCatalogResponse', 'Ordered list of product layers with their valid permissions.', 'layers'],
    ['AutomatedRecipeTemplate', 'List of data sources used by this template', 'data_sources'],
    ['AutomatedRecipeTemplateTreeStructure', 'Node in the template dependency tree', 'nodes'],
    ['AutomatedRecipeTemplateDetail', 'List of data sources used by this template', 'data_sources'],
    ['AutomatedRecipeTemplateDetail', 'Tree structure showing template dependencies', 'tree_structure'],
    ['AutomatedRecipeConnection', 'List of accounts for this connection', 'accounts'],
    ['AutomatedRecipeDetail', 'List of configured connections', 'connections'],
    ['AutomatedRecipeUpdateRequest', 'List of connections with accounts', 'connections'],
  ].map(([object, description, name]) => [`${object}\u0000${description}`, name]),
);

/**
 * Splits the seed text into the index structure.
 * @param {string} text the seed file's content
 * @returns {object} the index (see spec/README.md, "Seed index")
 * @throws {Error} when a line fits neither the rule nor an exception, or an unnamed field has no proposed name
 */
export function splitSeed(text) {
  if (!text.endsWith('\n')) throw new Error('seed does not end with a newline');
  const lines = text.slice(0, -1).split('\n');
  // The seed ends with one empty line: it becomes the trailer.
  let trailer = '';
  while (lines.length > 0 && lines[lines.length - 1] === '') {
    lines.pop();
    trailer += '\n';
  }
  const objects = [];
  let current = null;
  let lastField = null;
  const usedUnnamed = new Set();
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    const exception = EXCEPTIONS.get(line);
    let parts;
    if (exception) parts = exception.parts;
    else if (OBJECT_LINE.test(line)) parts = [{ object: line }];
    else if (UNNAMED_LINE.test(line)) parts = [{ unnamed: line }];
    else {
      const m = FIELD_LINE.exec(line);
      if (!m) throw new Error(`line ${lineNo} fits no rule and no exception: ${JSON.stringify(line)}`);
      parts = [{ field: m[1], description: m[2] }];
    }
    parts.forEach((part, j) => {
      const end = j === parts.length - 1 ? '\n' : '';
      if (part.continuation) {
        if (!lastField) throw new Error(`continuation without a field on line ${lineNo}`);
        // The previous line's "\n" now belongs inside the description.
        lastField.raw[2] = '';
        lastField.description = `${lastField.description}\n${line}`;
        lastField.raw[1] = `${lastField.raw[1]}\n${line}`;
        lastField.raw[2] = end;
        lastField.exception = 'continuation';
        return;
      }
      if (part.object !== undefined) {
        current = { name: part.object, line: lineNo, raw: [part.object, end], fields: [] };
        if (exception) current.exception = exception.kind;
        objects.push(current);
        lastField = null;
        return;
      }
      if (!current) throw new Error(`field before any object on line ${lineNo}`);
      let entry;
      if (part.unnamed !== undefined) {
        const key = `${current.name}\u0000${part.unnamed}`;
        const name = UNNAMED.get(key);
        if (!name) throw new Error(`no proposed name for the unnamed field on line ${lineNo}: ${part.unnamed}`);
        usedUnnamed.add(key);
        entry = {
          name,
          seedName: null,
          description: part.unnamed,
          line: lineNo,
          raw: ['', part.unnamed, end],
          exception: 'unnamed',
        };
      } else {
        entry = {
          name: part.field,
          seedName: part.field,
          description: part.description,
          line: lineNo,
          raw: [part.field, part.description ?? '', end],
        };
        if (exception) entry.exception = part.description === null ? 'no-description' : exception.kind;
      }
      current.fields.push(entry);
      lastField = entry;
    });
  });
  for (const key of UNNAMED.keys()) {
    if (!usedUnnamed.has(key)) throw new Error(`proposed name never used: ${key.replace('\u0000', ' / ')}`);
  }
  return {
    $comment: `Generated by spec/scripts/build-seed-index.mjs from ${seedFile}; format and rule in spec/README.md. Join: for each object, its raw segments then each field's raw segments; then the trailer.`,
    seed: seedFile,
    objects,
    trailer,
  };
}

/**
 * Joins an index back into the seed text.
 * @param {{objects: {raw: string[], fields: {raw: string[]}[]}[], trailer: string}} index
 * @returns {string}
 */
export function joinSeedIndex(index) {
  let out = '';
  for (const o of index.objects) {
    out += o.raw.join('');
    for (const f of o.fields) out += f.raw.join('');
  }
  return out + index.trailer;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const seed = readFileSync(seedPath, 'utf8');
  const index = splitSeed(seed);
  if (joinSeedIndex(index) !== seed) throw new Error('round trip failed');
  // Formatted as `prettier --write` would, so formatting the repository never changes the index.
  const options = (await prettier.resolveConfig(indexPath)) ?? {};
  const json = await prettier.format(JSON.stringify(index, null, 2), {
    ...options,
    filepath: indexPath,
  });
  if (process.argv.includes('--check')) {
    if (readFileSync(indexPath, 'utf8') !== json) {
      console.error('spec/seed-index.json is out of date: run node spec/scripts/build-seed-index.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(indexPath, json);
    console.log(
      `wrote ${path.relative(repoRoot, indexPath)}: ${index.objects.length} objects, ${index.objects.reduce((n, o) => n + o.fields.length, 0)} fields`,
    );
  }
}
