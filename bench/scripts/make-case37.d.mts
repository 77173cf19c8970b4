/** Types of make-case37.mjs, for the tests. */
export function prng(seed: number): () => number;
export function makeCase37(options?: {
  seed?: number;
  scale?: number;
  graph?: 'layered' | 'random';
}): {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};
export function countOperations(doc: { paths: Record<string, Record<string, unknown>> }): number;
