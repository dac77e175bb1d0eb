/** Size of the value's JSON as UTF-8, which is how Braze counts its KB limits. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  let bytes = 0;
  // Counted by hand: TextEncoder is not part of the ES2018 library transforms compile against.
  for (let i = 0; json !== undefined && i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
