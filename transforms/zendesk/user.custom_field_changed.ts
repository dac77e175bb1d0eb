import type { Zendesk } from "./lib/payloads";

/** A user field changed: written to the attribute the settings name for the field id (field ids are per account). */
export default {
  shape: "attributeUpdate",
  event: "user.custom_field_changed",
  attributes: { zendesk_event_id: "zendesk_event_id" },
  namedAttribute: { names: "userFields", idFrom: "event.custom_field.id", valueFrom: "event.current" },
} satisfies Zendesk<"user.custom_field_changed">;
