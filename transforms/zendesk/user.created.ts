import type { Zendesk } from "./lib/payloads";

/** A customer signed up or was added in Zendesk: the one event that links the Zendesk user id to the Braze profile. */
export default {
  shape: "customEvent",
  event: "user.created",
  properties: { zendesk_user_id: "detail.id", zendesk_event_id: "zendesk_event_id" },
  brazeEvents: [{ name: "Zendesk User Created" }],
  attributes: {
    zendesk_user_id: "detail.id",
    zendesk_user_created_at: "detail.created_at",
    zendesk_organization_id: "detail.organization_id",
    zendesk_event_id: "zendesk_event_id",
  },
} satisfies Zendesk<"user.created">;
