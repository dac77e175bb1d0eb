import type { CatalogDeleteRequest } from "../../../contract/schema";
import { catalogItemId } from "../catalog-id";
import type { CatalogDeleteMapping } from "../mapping";
import type { SnippetSettings } from "../settings";
import type { Source } from "../source";
import { readWebhook, type Transform } from "../webhook";

/** Removes the event's item from a Braze catalog: the item id is made exactly as `catalogItem` makes it. */
export function catalogDelete(source: Source, event: string, mapping: CatalogDeleteMapping, settings: SnippetSettings): Transform<CatalogDeleteRequest> {
  const catalogName = settings.events[event]!.catalogName;
  return (payload) => {
    const webhook = readWebhook(source, event, payload, mapping);
    return { catalog_name: catalogName, items: [{ id: catalogItemId({ source, event }, webhook.properties, mapping.idFrom) }] };
  };
}
