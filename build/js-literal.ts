/**
 * A JSON value as a JavaScript literal a reviewer reads easily: keys unquoted
 * where they can be, short arrays of scalars on one line, four-space indents
 * (as the compiled code around it).
 */
const STEP = "    ";

export function jsLiteral(value: unknown, indent = ""): string {
  if (Array.isArray(value)) {
    const items = value.map((item) => jsLiteral(item, `${indent}${STEP}`));
    const inline = `[${items.join(", ")}]`;
    if (value.every((item) => typeof item !== "object" || item === null) && inline.length <= 80) return inline;
    return `[\n${items.map((item) => `${indent}${STEP}${item}`).join(",\n")},\n${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const lines = entries.map(([key, child]) => `${indent}${STEP}${propertyName(key)}: ${jsLiteral(child, `${indent}${STEP}`)},`);
    return `{\n${lines.join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

function propertyName(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}
