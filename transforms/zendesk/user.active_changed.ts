import type { Zendesk } from "./lib/payloads";

/** The user was deactivated (soft-deleted) or restored: a suppression flag, and "Zendesk User Deleted" on deactivation. Not a Braze deletion. */
export default {
  shape: "customEvent",
  event: "user.active_changed",
  brazeEvents: [{ name: "Zendesk User Deleted", when: { "event.current": false } }],
  properties: { zendesk_event_id: "zendesk_event_id" },
  attributes: { zendesk_user_active: "event.current", zendesk_event_id: "zendesk_event_id" },
} satisfies Zendesk<"user.active_changed">;
