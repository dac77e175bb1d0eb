import type { Zendesk } from "./lib/payloads";

/** An organization was renamed: its item in the organizations catalog is written again. No user is involved. */
export default {
  shape: "catalogItem",
  event: "organization.name_changed",
  catalog: "organizations",
  idFrom: "id",
  fields: { name: "string", external_id: "string", group_id: "string", shared_tickets: "boolean", shared_comments: "boolean", created_at: "time", zendesk_event_id: "string" },
  timeField: "updated_at",
} satisfies Zendesk<"organization.name_changed">;
