/** The snippets measure their output the same way, so the count lives with them. */
export { jsonBytes } from "../transforms/lib/json-bytes";

/** Levels of arrays and objects below this value: 0 for a scalar, 1 for `{ a: 1 }`. */
export function nestingDepth(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return 1 + children.reduce((deepest: number, child) => Math.max(deepest, nestingDepth(child)), 0);
}
