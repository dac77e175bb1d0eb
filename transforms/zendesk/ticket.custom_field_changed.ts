import { TICKET_PROPERTIES, TICKET_UPDATED } from "./lib/ticket";
import type { Zendesk } from "./lib/payloads";

/** A ticket field changed: a "Zendesk Ticket Updated" event naming the field, off unless the settings enable it. */
export default {
  shape: "customEvent",
  event: "ticket.custom_field_changed",
  enabledByDefault: false,
  brazeEvents: TICKET_UPDATED,
  properties: {
    ...TICKET_PROPERTIES,
    field: { value: "custom_field" },
    custom_field_id: "event.custom_field.id",
    custom_field_title: "event.custom_field.title",
    value: "event.current",
    previous_value: "event.previous",
  },
} satisfies Zendesk<"ticket.custom_field_changed">;
