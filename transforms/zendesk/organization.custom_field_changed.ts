import type { Zendesk } from "./lib/payloads";

/** An organization field changed: its item in the organizations catalog is written again. No user is involved. */
export default {
  shape: "catalogItem",
  event: "organization.custom_field_changed",
  catalog: "organizations",
  idFrom: "id",
  fields: { name: "string", external_id: "string", group_id: "string", shared_tickets: "boolean", shared_comments: "boolean", created_at: "time", zendesk_event_id: "string" },
  timeField: "updated_at",
} satisfies Zendesk<"organization.custom_field_changed">;
