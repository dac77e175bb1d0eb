import type { Zendesk } from "./lib/payloads";

/** The user's name changed. Zendesk keeps one name field, so it is not split into Braze's first and last name. */
export default {
  shape: "attributeUpdate",
  event: "user.name_changed",
  attributes: { zendesk_name: "event.current", zendesk_event_id: "zendesk_event_id" },
} satisfies Zendesk<"user.name_changed">;
