import { TRIGGER_PROPERTIES } from "./lib/properties";
import type { ZendeskTriggerMapping } from "./lib/payloads";

/** Trigger "Ticket is Created" (requester is an end user): the same Braze event as the event-subscribed ticket.created, and the link from the profile to the Zendesk user. */
export default {
  shape: "customEvent",
  event: "ticket_created",
  properties: TRIGGER_PROPERTIES,
  attributes: { zendesk_user_id: "requester.id", zendesk_event_id: "zendesk_event_id" },
} satisfies ZendeskTriggerMapping<"ticket_created">;
