import { TICKET_PROPERTIES } from "./lib/ticket";
import type { Zendesk } from "./lib/payloads";

/** A deleted ticket was restored. */
export default {
  shape: "customEvent",
  event: "ticket.undeleted",
  brazeEvents: [{ name: "Zendesk Ticket Restored" }],
  properties: TICKET_PROPERTIES,
} satisfies Zendesk<"ticket.undeleted">;
