import type { Zendesk } from "./lib/payloads";

/** The user's Zendesk time zone changed. Zendesk names zones its own way ("Eastern Time (US & Canada)"), so not Braze's time_zone. */
export default {
  shape: "attributeUpdate",
  event: "user.time_zone_changed",
  attributes: { zendesk_time_zone: "event.current", zendesk_event_id: "zendesk_event_id" },
} satisfies Zendesk<"user.time_zone_changed">;
