import { TRIGGER_PROPERTIES } from "./lib/properties";
import type { ZendeskTriggerMapping } from "./lib/payloads";

/** A catch-all trigger ("Ticket is Updated"), for whatever conditions the admin chooses. */
export default {
  shape: "customEvent",
  event: "ticket_updated",
  properties: TRIGGER_PROPERTIES,
} satisfies ZendeskTriggerMapping<"ticket_updated">;
