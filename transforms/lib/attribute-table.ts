import { readPath, type JsonRecord } from "./values";

/**
 * Braze attribute ← source property (a dotted path), optionally only when
 * another property is true: `{ phone: { from: "contactPhone", when: "isPrimary" } }`.
 */
export type AttributeSource = string | { readonly from: string; readonly when: string };
export type AttributeTable = Readonly<Record<string, AttributeSource>>;

/**
 * The table's attributes that the payload has a value for. A missing or null
 * source writes nothing: "unknown" must not clear what Braze already knows.
 */
export function tableAttributes(table: AttributeTable, properties: JsonRecord): JsonRecord {
  const attributes: JsonRecord = {};
  for (const attribute of Object.keys(table)) {
    const source = table[attribute]!;
    if (typeof source !== "string" && readPath(properties, source.when) !== true) continue;
    const value = readPath(properties, typeof source === "string" ? source : source.from);
    if (value !== undefined && value !== null) attributes[attribute] = value;
  }
  return attributes;
}

/** The top-level properties a table reads, so "every other property" can leave them out. */
export function tableFields(table: AttributeTable): string[] {
  return Object.keys(table).map((attribute) => {
    const source = table[attribute]!;
    return (typeof source === "string" ? source : source.from).split(".")[0]!;
  });
}

/** "first_name ← firstName, phone ← contactPhone (when isPrimary)" */
export function describeTable(table: AttributeTable): string {
  return Object.keys(table)
    .map((attribute) => {
      const source = table[attribute]!;
      return typeof source === "string" ? `${attribute} ← ${source}` : `${attribute} ← ${source.from} (when ${source.when})`;
    })
    .join(", ");
}
