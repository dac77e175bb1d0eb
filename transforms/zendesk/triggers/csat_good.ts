import { EVENT_TIME } from "../../lib/value-table";
import { TRIGGER_PROPERTIES } from "./lib/properties";
import type { ZendeskTriggerMapping } from "./lib/payloads";

/** Trigger "Satisfaction changed to Good": the rating is the trigger's, never Zendesk's localized rating text. */
export default {
  shape: "customEvent",
  event: "csat_good",
  brazeEvents: [{ name: "Zendesk CSAT Rated" }],
  properties: { ...TRIGGER_PROPERTIES, rating: { value: "good" } },
  attributes: { zendesk_last_csat: { value: "good" }, zendesk_last_csat_at: EVENT_TIME, zendesk_event_id: "zendesk_event_id" },
} satisfies ZendeskTriggerMapping<"csat_good">;
