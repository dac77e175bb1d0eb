import { MAX_CATALOG_ID_CHARS } from "../../contract/limits";
import { MissingIdentityError, type ErrorOrigin } from "./errors";
import { readPath, readText, type JsonRecord } from "./values";

/** The catalog item id made from the property at `path`, or the deliberate error when it has none. */
export function catalogItemId(origin: ErrorOrigin, properties: JsonRecord, path: string): string {
  const id = catalogId(readText(readPath(properties, path)));
  if (!id) throw new MissingIdentityError(origin, [`properties.${path}`], "catalog item id");
  return id;
}

/**
 * Catalog ids allow only letters, digits, "-" and "_": "Agent@Brand.com"
 * becomes "agent_at_brand_com", readable in the catalog and stable per agent.
 */
function catalogId(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const id = text.toLowerCase().replace(/@/g, "_at_").replace(/[^a-z0-9_-]/g, "_").slice(0, MAX_CATALOG_ID_CHARS);
  return /[a-z0-9]/.test(id) ? id : undefined;
}
