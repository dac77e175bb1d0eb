import { TICKET_PROPERTIES } from "./lib/ticket";
import type { Zendesk } from "./lib/payloads";

/** A ticket's status changed; reaching Solved is also its own Braze event, the moment most campaigns wait for. */
export default {
  shape: "customEvent",
  event: "ticket.status_changed",
  brazeEvents: [{ name: "Zendesk Ticket Status Changed" }, { name: "Zendesk Ticket Solved", when: { "event.current": "solved" } }],
  properties: { ...TICKET_PROPERTIES, status: "event.current", previous_status: "event.previous" },
} satisfies Zendesk<"ticket.status_changed">;
