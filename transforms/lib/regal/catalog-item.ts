import type { CatalogItemsRequest } from "../../../contract/schema";
import { MissingIdentityError } from "../errors";
import { truncate } from "../normalize";
import { toIsoTime } from "../time";
import type { Transform } from "../transform";
import { readText, type JsonRecord } from "../values";
import { regalTransform } from "./regal-transform";

/** Catalog fields have a fixed type in Braze; values are coerced to it or written as null. */
export type CatalogFieldType = "string" | "number" | "boolean" | "time";

export interface CatalogItemOptions {
  readonly catalog: string;
  /** The property whose value, made a valid catalog id, identifies the item. */
  readonly idFrom: string;
  /** The catalog's fields, each read from the property of the same name. */
  readonly fields: Readonly<Record<string, CatalogFieldType>>;
  /** A field holding the event's time, so the catalog shows when the item last changed. */
  readonly timeField: string;
}

/** Braze catalog strings may be up to 5,000 characters. */
const MAX_CATALOG_CHARS = 5000;
const MAX_ID_CHARS = 250;

/**
 * One catalog item per event (PUT creates or replaces it). Only the listed
 * fields are written: Braze rejects a request naming a field the catalog
 * does not define, so unknown properties are left out by design.
 */
export function catalogItem(event: string, options: CatalogItemOptions): Transform<CatalogItemsRequest> {
  const fieldList = Object.keys(options.fields).map((field) => `${field} (${options.fields[field]})`);
  const mapping = {
    writes: [`catalog "${options.catalog}" item, id made from properties.${options.idFrom}`],
    fields: `${fieldList.join(", ")}, ${options.timeField} (time); other properties are not written (a catalog takes only the fields it defines)`,
  };
  return regalTransform(event, "PUT /catalogs/{catalog_name}/items", mapping, (regal) => {
    const id = catalogId(readText(regal.properties[options.idFrom]));
    if (!id) throw new MissingIdentityError(event, [`properties.${options.idFrom}`], "catalog item id");
    const item: { id: string } & JsonRecord = { id };
    for (const field of Object.keys(options.fields)) item[field] = coerce(regal.properties[field], options.fields[field]!);
    item[options.timeField] = regal.time;
    return { catalog_name: options.catalog, items: [item as CatalogItemsRequest["items"][number]] };
  });
}

/**
 * Catalog ids allow only letters, digits, "-" and "_": "Agent@Brand.com"
 * becomes "agent_at_brand_com", readable in the catalog and stable per agent.
 */
function catalogId(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const id = text.toLowerCase().replace(/@/g, "_at_").replace(/[^a-z0-9_-]/g, "_").slice(0, MAX_ID_CHARS);
  return /[a-z0-9]/.test(id) ? id : undefined;
}

function coerce(value: unknown, type: CatalogFieldType): string | number | boolean | null {
  if (type === "time") return toIsoTime(value) || null;
  if (type === "boolean") {
    if (typeof value === "boolean") return value;
    const text = readText(value);
    return text === "true" ? true : text === "false" ? false : null;
  }
  const text = readText(value);
  if (type === "number") return text !== undefined && isFinite(Number(text)) ? Number(text) : null;
  return text === undefined ? null : truncate(text, MAX_CATALOG_CHARS);
}
