import { TICKET_PROPERTIES } from "./lib/ticket";
import type { Zendesk } from "./lib/payloads";

/** The ticket was marked as spam: "Zendesk Ticket Removed", so campaigns can leave it out. Nothing is deleted in Braze. */
export default {
  shape: "customEvent",
  event: "ticket.marked_as_spam",
  brazeEvents: [{ name: "Zendesk Ticket Removed" }],
  properties: { ...TICKET_PROPERTIES, reason: { value: "spam" } },
} satisfies Zendesk<"ticket.marked_as_spam">;
