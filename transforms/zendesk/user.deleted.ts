import type { Zendesk } from "./lib/payloads";

/** The user was deleted in Zendesk: a suppression flag and "Zendesk User Deleted". Not a Braze deletion: erasure requests have their own flow. */
export default {
  shape: "customEvent",
  event: "user.deleted",
  brazeEvents: [{ name: "Zendesk User Deleted" }],
  properties: { zendesk_event_id: "zendesk_event_id" },
  attributes: { zendesk_user_active: { value: false }, zendesk_event_id: "zendesk_event_id" },
} satisfies Zendesk<"user.deleted">;
