/** Size of the value's JSON as UTF-8, which is how Braze counts its KB limits. */
export function jsonBytes(value: unknown): number {
  let bytes = 0;
  // Counted by hand: TextEncoder is not part of the ES2018 library transforms compile against.
  for (const char of JSON.stringify(value) || "") {
    const code = char.codePointAt(0) || 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
