import { TICKET_PROPERTIES, TICKET_UPDATED } from "./lib/ticket";
import type { Zendesk } from "./lib/payloads";

/** A ticket's priority changed: a "Zendesk Ticket Updated" event, off unless the settings enable it (high volume, little marketing value). */
export default {
  shape: "customEvent",
  event: "ticket.priority_changed",
  enabledByDefault: false,
  brazeEvents: TICKET_UPDATED,
  properties: { ...TICKET_PROPERTIES, field: { value: "priority" }, value: "event.current", previous_value: "event.previous" },
} satisfies Zendesk<"ticket.priority_changed">;
