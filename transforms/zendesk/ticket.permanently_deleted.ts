import { TICKET_PROPERTIES } from "./lib/ticket";
import type { Zendesk } from "./lib/payloads";

/** The ticket was deleted for good: "Zendesk Ticket Removed", so campaigns can leave it out. Nothing is deleted in Braze. */
export default {
  shape: "customEvent",
  event: "ticket.permanently_deleted",
  brazeEvents: [{ name: "Zendesk Ticket Removed" }],
  properties: { ...TICKET_PROPERTIES, reason: { value: "permanently_deleted" } },
} satisfies Zendesk<"ticket.permanently_deleted">;
