import { TICKET_PROPERTIES, TICKET_UPDATED } from "./lib/ticket";
import type { Zendesk } from "./lib/payloads";

/** A ticket's tags changed: a "Zendesk Ticket Updated" event, off unless the settings enable it. */
export default {
  shape: "customEvent",
  event: "ticket.tags_changed",
  enabledByDefault: false,
  brazeEvents: TICKET_UPDATED,
  properties: { ...TICKET_PROPERTIES, field: { value: "tags" }, tags_added: "event.tags_added", tags_removed: "event.tags_removed" },
} satisfies Zendesk<"ticket.tags_changed">;
