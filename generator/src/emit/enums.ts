/**
 * The enums of the model, for emitters that need their values at runtime (the client package
 * exports an `as const` array per enum; the types package only has the literal unions).
 */
import type { Api, EnumSchema } from '../model/types.js';

export interface EnumInfo {
  /** Component key as the spec spells it. */
  key: string;
  /** The type's identifier (the union type in the types package). */
  identifier: string;
  /** Module (file stem) the type lives in. */
  module: string;
  /** Values in spec order, without `null` (see {@link nullable}). */
  values: Array<string | number | boolean>;
  /** `null` is also allowed. */
  nullable: boolean;
  baseType?: EnumSchema['baseType'];
  /** `x-enum-varnames`, index-aligned with `values`, when given. */
  varNames?: string[];
  /** `x-enum-descriptions`, index-aligned with `values`, when given. */
  valueDescriptions?: string[];
  pointer: string;
}

/** Every named schema that is an enum (or `const`), in spec order. */
export function listEnums(api: Api): EnumInfo[] {
  const out: EnumInfo[] = [];
  for (const named of api.schemas.values()) {
    const schema = named.schema;
    if (schema.kind !== 'enum') continue;
    const info: EnumInfo = {
      key: named.key,
      identifier: named.identifier,
      module: named.module,
      values: [...schema.values],
      nullable: schema.nullable,
      pointer: named.pointer,
    };
    if (schema.baseType !== undefined) info.baseType = schema.baseType;
    if (schema.varNames !== undefined) info.varNames = [...schema.varNames];
    if (schema.valueDescriptions !== undefined) info.valueDescriptions = [...schema.valueDescriptions];
    out.push(info);
  }
  return out;
}
