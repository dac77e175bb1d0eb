import { TICKET_PROPERTIES } from "./lib/ticket";
import type { Zendesk } from "./lib/payloads";

/** A ticket was created. Written to the requester's alias: ticket events carry Zendesk ids only. */
export default {
  shape: "customEvent",
  event: "ticket.created",
  properties: TICKET_PROPERTIES,
} satisfies Zendesk<"ticket.created">;
