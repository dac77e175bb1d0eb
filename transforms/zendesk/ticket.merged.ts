import { TICKET_PROPERTIES } from "./lib/ticket";
import type { Zendesk } from "./lib/payloads";

/** The ticket was merged into another: "Zendesk Ticket Removed", naming the ticket it lives on in. */
export default {
  shape: "customEvent",
  event: "ticket.merged",
  brazeEvents: [{ name: "Zendesk Ticket Removed" }],
  properties: { ...TICKET_PROPERTIES, reason: { value: "merged" }, target_ticket_id: "event.target_ticket_id" },
} satisfies Zendesk<"ticket.merged">;
