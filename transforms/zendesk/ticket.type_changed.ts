import { TICKET_PROPERTIES, TICKET_UPDATED } from "./lib/ticket";
import type { Zendesk } from "./lib/payloads";

/** A ticket's type changed: a "Zendesk Ticket Updated" event, off unless the settings enable it (high volume, little marketing value). */
export default {
  shape: "customEvent",
  event: "ticket.type_changed",
  enabledByDefault: false,
  brazeEvents: TICKET_UPDATED,
  properties: { ...TICKET_PROPERTIES, field: { value: "type" }, value: "event.current", previous_value: "event.previous" },
} satisfies Zendesk<"ticket.type_changed">;
