import { EVENT_TIME } from "../../lib/value-table";
import { TRIGGER_PROPERTIES } from "./lib/properties";
import type { ZendeskTriggerMapping } from "./lib/payloads";

/** Trigger "Status category changed to Solved", Braze's own Zendesk example: the event, and when it last happened. */
export default {
  shape: "customEvent",
  event: "ticket_solved",
  properties: TRIGGER_PROPERTIES,
  attributes: { zendesk_last_ticket_solved_at: EVENT_TIME, zendesk_event_id: "zendesk_event_id" },
} satisfies ZendeskTriggerMapping<"ticket_solved">;
