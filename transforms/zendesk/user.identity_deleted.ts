import type { Zendesk } from "./lib/payloads";

/** The user lost an identity. Braze's own email and phone are not overwritten: Braze may hold a different, verified address. */
export default {
  shape: "customEvent",
  event: "user.identity_deleted",
  brazeEvents: [{ name: "Zendesk Identity Changed" }],
  properties: { change: { value: "deleted" }, identity_type: "event.identity.type", primary: "event.identity.primary", zendesk_event_id: "zendesk_event_id" },
} satisfies Zendesk<"user.identity_deleted">;
