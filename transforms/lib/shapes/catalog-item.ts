import type { CatalogItemsRequest } from "../../../contract/schema";
import { MAX_CATALOG_STRING_CHARS } from "../../../contract/limits";
import { catalogItemId } from "../catalog-id";
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
    const webhook = readWebhook(source, event, payload, mapping);
    const id = catalogItemId({ source, event }, webhook.properties, mapping.idFrom);
    const item: { id: string } & JsonRecord = { id };
    for (const field of Object.keys(fields)) item[field] = coerce(webhook.properties[field], fields[field]!);
    item[mapping.timeField] = webhook.time;
    return { catalog_name: catalogName, items: [item as CatalogItemsRequest["items"][number]] };
  };
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
