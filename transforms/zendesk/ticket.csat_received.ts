import { EVENT_TIME } from "../lib/value-table";
import { TICKET_PROPERTIES } from "./lib/ticket";
import type { Zendesk } from "./lib/payloads";

/** The requester rated the ticket: the rating is also kept on the profile. */
export default {
  shape: "customEvent",
  event: "ticket.csat_received",
  brazeEvents: [{ name: "Zendesk CSAT Received" }],
  properties: {
    ...TICKET_PROPERTIES,
    score: "event.satisfaction_score.score",
    reason_code: "event.satisfaction_reason_code",
    comment: "event.satisfaction_score.comment",
  },
  attributes: { zendesk_last_csat: "event.satisfaction_score.score", zendesk_last_csat_at: EVENT_TIME, zendesk_event_id: "zendesk_event_id" },
} satisfies Zendesk<"ticket.csat_received">;
