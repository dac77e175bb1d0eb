/** Longer strings are cut so one problem stays one readable line. */
const QUOTE_CHARS = 40;

/** Groups digits like `1,204`; meant for counts and sizes, which are integers. */
export function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Shows a value the way a problem line quotes it: strings quoted, scalars as
 * written, everything else by kind, because the validator also sees in-process
 * values (functions, class instances, NaN) that JSON would hide or mangle.
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value.length > QUOTE_CHARS
        ? `${JSON.stringify(value.slice(0, QUOTE_CHARS)).slice(0, -1)}…" (${thousands(value.length)} chars)`
        : JSON.stringify(value);
    case "bigint":
      return `${value}n`;
    case "symbol":
      return value.toString();
    case "function":
      return "a function";
    case "object":
      return describeObject(value);
    default:
      return String(value);
  }
}

function describeObject(value: object | null): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null || prototype === Object.prototype) return "an object";
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" ? `a ${name}` : "an object";
}
