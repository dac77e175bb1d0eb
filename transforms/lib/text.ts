/** Braze's limit on string values and on key names, in UTF-16 code units. */
export const MAX_CHARS = 255;

/** The sibling a truncated string gains: its full length, which also marks it as truncated. */
export const ORIGINAL_LENGTH_SUFFIX = "_original_length";

/**
 * The first `max` characters, exactly, except that a surrogate pair is never
 * split: half an emoji is not valid Unicode and could fail the whole request.
 */
export function truncate(text: string, max = MAX_CHARS): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** A key not yet used in `target`: `name`, else `name_2`, `name_3`, … */
export function freeKey(target: { [key: string]: unknown }, name: string): string {
  if (!Object.prototype.hasOwnProperty.call(target, name)) return name;
  let n = 2;
  while (Object.prototype.hasOwnProperty.call(target, `${name}_${n}`)) n++;
  return `${name}_${n}`;
}

/** JSON text of a value, for values Braze cannot take as they are. */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
}
