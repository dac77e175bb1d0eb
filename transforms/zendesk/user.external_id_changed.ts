import type { Zendesk } from "./lib/payloads";

/** The user's external id changed: the link is written to the profile of the new one. */
export default {
  shape: "attributeUpdate",
  event: "user.external_id_changed",
  identity: { external_id: ["event.current"] },
  attributes: { zendesk_user_id: "detail.id", zendesk_event_id: "zendesk_event_id" },
} satisfies Zendesk<"user.external_id_changed">;
