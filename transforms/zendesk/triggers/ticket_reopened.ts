import { TRIGGER_PROPERTIES } from "./lib/properties";
import type { ZendeskTriggerMapping } from "./lib/payloads";

/** Trigger "Status changed from Solved": the customer came back, a frustration signal. */
export default {
  shape: "customEvent",
  event: "ticket_reopened",
  properties: TRIGGER_PROPERTIES,
} satisfies ZendeskTriggerMapping<"ticket_reopened">;
