/** Readers that never throw on a missing or oddly typed field. */

export type JsonRecord = { [key: string]: unknown };

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

/**
 * A usable identifier-like string: trimmed, non-empty, not the literal "null"
 * Regal sometimes sends. Finite numbers are accepted as their decimal text
 * because ids arrive both as numbers and as numeric strings.
 */
export function readText(value: unknown): string | undefined {
  if (typeof value === "number" && isFinite(value)) return String(value);
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text === "" || text === "null" || text === "undefined" ? undefined : text;
}

/** The first of `values` that `read` accepts. */
export function firstOf<T>(values: readonly unknown[], read: (value: unknown) => T | undefined): T | undefined {
  for (const value of values) {
    const found = read(value);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The value at a dotted path ("new_email_properties.email"), or undefined. */
export function readPath(record: JsonRecord, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split(".")) {
    const current = asRecord(value);
    if (!current) return undefined;
    value = current[key];
  }
  return value;
}

/** Sets an own property, also for the key "__proto__", which plain assignment takes as the prototype (silently losing the value). */
export function setOwn(target: JsonRecord, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

export function hasOwn(target: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(target, key);
}
