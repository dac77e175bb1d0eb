import { isUnknown } from "./normalize";
import type { PathOf } from "./paths";
import { readPath, type JsonRecord } from "./values";

/**
 * Braze attribute ← source property (a dotted path), optionally only when
 * another property is true: `{ phone: { from: "contactPhone", when: "isPrimary" } }`.
 */
export type AttributeSource<P = JsonRecord> = PathOf<P> | { readonly from: PathOf<P>; readonly when: PathOf<P> };
export type AttributeTable<P = JsonRecord> = Readonly<Record<string, AttributeSource<P>>>;

/**
 * The table's attributes that the payload knows a value for. A missing, null
 * or "null" source writes nothing: "unknown" must not clear what Braze knows.
 */
export function tableAttributes(table: AttributeTable, properties: JsonRecord): JsonRecord {
  const attributes: JsonRecord = {};
  for (const attribute of Object.keys(table)) {
    const source = table[attribute] as AttributeSource;
    if (typeof source !== "string" && readPath(properties, source.when) !== true) continue;
    const value = readPath(properties, typeof source === "string" ? source : source.from);
    if (!isUnknown(value)) attributes[attribute] = value;
  }
  return attributes;
}

/** The top-level properties a table reads, so "every other property" can leave them out. */
export function tableFields(table: AttributeTable): string[] {
  return Object.keys(table).map((attribute) => {
    const source = table[attribute] as AttributeSource;
    return (typeof source === "string" ? source : source.from).split(".")[0]!;
  });
}
