import { TICKET_PROPERTIES } from "./lib/ticket";
import type { Zendesk } from "./lib/payloads";

/** The ticket was deleted: "Zendesk Ticket Removed", so campaigns can leave it out. Nothing is deleted in Braze. */
export default {
  shape: "customEvent",
  event: "ticket.soft_deleted",
  brazeEvents: [{ name: "Zendesk Ticket Removed" }],
  properties: { ...TICKET_PROPERTIES, reason: { value: "deleted" } },
} satisfies Zendesk<"ticket.soft_deleted">;
