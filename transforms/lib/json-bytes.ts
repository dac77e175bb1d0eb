/**
 * Size of the value's JSON as UTF-8, which is how Braze counts its KB limits.
 * Counted by hand (TextEncoder is not in the ES2018 library transforms
 * compile against); a native regex drops the ASCII first, so the loop only
 * visits the other characters: a 1 MB payload is measured in one pass.
 */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) || "");
}

export function utf8Bytes(text: string): number {
  const wide = text.replace(/[\u0000-\u007f]+/g, "");
  let bytes = text.length - wide.length;
  for (let i = 0; i < wide.length; i++) {
    const code = wide.charCodeAt(i);
    if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
