import { TRIGGER_PROPERTIES } from "./lib/properties";
import type { ZendeskTriggerMapping } from "./lib/payloads";

/** Trigger "Comment is Public" and "Current user is (agent)": written to the requester, never to the agent. */
export default {
  shape: "customEvent",
  event: "agent_replied",
  properties: TRIGGER_PROPERTIES,
} satisfies ZendeskTriggerMapping<"agent_replied">;
