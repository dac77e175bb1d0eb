import type { Zendesk } from "./lib/payloads";

/** One of the user's identities changed (a new e-mail address, say). Braze's own email and phone are not overwritten. */
export default {
  shape: "customEvent",
  event: "user.identity_changed",
  brazeEvents: [{ name: "Zendesk Identity Changed" }],
  properties: { change: { value: "changed" }, identity_type: "event.current.type", primary: "event.current.primary", zendesk_event_id: "zendesk_event_id" },
} satisfies Zendesk<"user.identity_changed">;
