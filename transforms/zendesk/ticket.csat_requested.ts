import { TICKET_PROPERTIES } from "./lib/ticket";
import type { Zendesk } from "./lib/payloads";

/** Zendesk asked the requester to rate the ticket. */
export default {
  shape: "customEvent",
  event: "ticket.csat_requested",
  brazeEvents: [{ name: "Zendesk CSAT Requested" }],
  properties: TICKET_PROPERTIES,
} satisfies Zendesk<"ticket.csat_requested">;
