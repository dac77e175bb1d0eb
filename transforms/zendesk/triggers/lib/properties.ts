import type { ValueTable } from "../../../lib/value-table";
import type { TriggerProperties } from "./payloads";

/**
 * The event properties of every trigger: the ticket and organization as the
 * placeholders render them, Zendesk's display text (status, priority, type
 * and via, in the requester's language) under names that say so, and the
 * delivery's id. No free text: whether Zendesk escapes it for JSON
 * is not documented, and one unescaped quote loses the webhook.
 */
export const TRIGGER_PROPERTIES = {
  ticket_id: "ticket.id",
  via_display: "ticket.via",
  tags: "ticket.tags",
  brand: "ticket.brand",
  group: "ticket.group",
  organization: "organization.name",
  organization_external_id: "organization.external_id",
  status_display: "ticket.status",
  priority_display: "ticket.priority",
  type_display: "ticket.type",
  zendesk_event_id: "zendesk_event_id",
} satisfies ValueTable<TriggerProperties>;
