import type { CatalogItemsRequest } from "../../../contract/schema";
import { MAX_CATALOG_ID_CHARS, MAX_CATALOG_STRING_CHARS } from "../../../contract/limits";
import { MissingIdentityError } from "../errors";
import type { CatalogFieldType, CatalogItemMapping } from "../mapping";
import { truncate } from "../normalize";
import type { SnippetSettings } from "../settings";
import type { Source } from "../source";
import { toIsoTime } from "../time";
import { readPath, readText, type JsonRecord } from "../values";
import { readWebhook, type Transform } from "../webhook";

/**
 * One catalog item per event (PUT creates or replaces it). Only the mapped
 * fields are written: Braze rejects a request naming a field the catalog
 * does not define, so other properties are left out by design.
 */
export function catalogItem(source: Source, event: string, mapping: CatalogItemMapping, settings: SnippetSettings): Transform<CatalogItemsRequest> {
  const catalogName = settings.events[event]!.catalogName;
  const fields = mapping.fields as Readonly<Record<string, CatalogFieldType>>;
  return (payload) => {
    const webhook = readWebhook(source, [event], payload);
    const id = catalogId(readText(readPath(webhook.properties, mapping.idFrom)));
    if (!id) throw new MissingIdentityError({ source, event }, [`properties.${mapping.idFrom}`], "catalog item id");
    const item: { id: string } & JsonRecord = { id };
    for (const field of Object.keys(fields)) item[field] = coerce(webhook.properties[field], fields[field]!);
    item[mapping.timeField] = webhook.time;
    return { catalog_name: catalogName, items: [item as CatalogItemsRequest["items"][number]] };
  };
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

function coerce(value: unknown, type: CatalogFieldType): string | number | boolean | null {
  if (type === "time") return toIsoTime(value) || null;
  if (type === "boolean") {
    if (typeof value === "boolean") return value;
    const text = readText(value);
    return text === "true" ? true : text === "false" ? false : null;
  }
  const text = readText(value);
  if (type === "number") return text !== undefined && isFinite(Number(text)) ? Number(text) : null;
  return text === undefined ? null : truncate(text, MAX_CATALOG_STRING_CHARS);
}
