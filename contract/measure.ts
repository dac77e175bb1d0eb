/**
 * Sizes as Braze counts them. Counted here rather than shared with the
 * snippets' own measure, so a miscount there cannot hide from the tests.
 */

/**
 * Bytes of `text` as UTF-8. A lone surrogate, which UTF-8 cannot encode,
 * counts as the 3 bytes of the U+FFFD encoders put in its place (where
 * encodeURIComponent would throw). TextEncoder is not in the ES2018 library
 * the transforms compile this file against.
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Size of the value's JSON as UTF-8, which is how Braze counts its KB limits. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value));
}

/** Levels of arrays and objects below this value: 0 for a scalar, 1 for `{ a: 1 }`. */
export function nestingDepth(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return 1 + children.reduce((deepest: number, child) => Math.max(deepest, nestingDepth(child)), 0);
}
