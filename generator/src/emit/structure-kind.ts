/**
 * The `StructureKind` values of ts-morph that the types emitter and the direct printer use, as
 * constants: importing them from ts-morph loads ts-morph, and with it the whole TypeScript compiler
 * (about 0.5 s at start-up), which generating the types package does not otherwise need. The
 * values are ts-morph's own (its `StructureKind` enum); a test compares them with it.
 */
import type { StructureKind as TsMorphStructureKind } from 'ts-morph';

export const StructureKind = {
  ImportDeclaration: 16 as TsMorphStructureKind.ImportDeclaration,
  IndexSignature: 18 as TsMorphStructureKind.IndexSignature,
  Interface: 19 as TsMorphStructureKind.Interface,
  PropertySignature: 33 as TsMorphStructureKind.PropertySignature,
  SourceFile: 36 as TsMorphStructureKind.SourceFile,
  TypeAlias: 38 as TsMorphStructureKind.TypeAlias,
} as const;
