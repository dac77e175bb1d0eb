import type { Zendesk } from "./lib/payloads";

/** The user's tags changed: Braze array operations on zendesk_tags, so tags set elsewhere are kept. */
export default {
  shape: "attributeUpdate",
  event: "user.tags_changed",
  attributes: { zendesk_event_id: "zendesk_event_id" },
  arrays: { zendesk_tags: { add: "event.tags_added", remove: "event.tags_removed" } },
} satisfies Zendesk<"user.tags_changed">;
