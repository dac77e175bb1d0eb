import type { Zendesk } from "./lib/payloads";

/** The user was suspended or reinstated. */
export default {
  shape: "attributeUpdate",
  event: "user.suspended_changed",
  attributes: { zendesk_user_suspended: "event.current", zendesk_event_id: "zendesk_event_id" },
} satisfies Zendesk<"user.suspended_changed">;
