import type { ValueTable } from "../../lib/value-table";
import type { TicketProperties } from "./payloads";

/**
 * The event properties every ticket event carries: the ticket as Zendesk
 * describes it, without its free text (subject, description: customer
 * words that belong in Zendesk, not in Braze), and the envelope id, so a
 * delivery Zendesk repeats can be recognised.
 */
export const TICKET_PROPERTIES = {
  ticket_id: "detail.id",
  status: "detail.status",
  priority: "detail.priority",
  type: "detail.type",
  channel: "detail.via.channel",
  brand_id: "detail.brand_id",
  group_id: "detail.group_id",
  organization_id: "detail.organization_id",
  form_id: "detail.form_id",
  tags: "detail.tags",
  zendesk_event_id: "zendesk_event_id",
} satisfies ValueTable<TicketProperties>;

/** "Zendesk Ticket Updated": one Braze event for every ticket field change, naming the field. */
export const TICKET_UPDATED = [{ name: "Zendesk Ticket Updated" }] as const;
