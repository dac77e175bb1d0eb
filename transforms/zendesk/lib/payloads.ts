import type { Mapping } from "../../lib/mapping";

/*
 * What the Zendesk reader (lib/envelope.ts) gives each event-subscribed
 * webhook's mapping, typed per event type from Zendesk's webhook event docs
 * (the documented examples are in test/fixtures/zendesk/<type>/): the
 * envelope's `detail` and `event` as Zendesk sends them, enums lower-cased
 * and "none" sentinels removed, and the envelope id. Values are `unknown`:
 * the value policy handles whatever arrives.
 */

export interface TicketDetail {
  readonly actor_id?: unknown;
  readonly assignee_id?: unknown;
  readonly brand_id?: unknown;
  readonly created_at?: unknown;
  readonly custom_status?: unknown;
  readonly external_id?: unknown;
  readonly form_id?: unknown;
  readonly group_id?: unknown;
  readonly id?: unknown;
  readonly is_public?: unknown;
  readonly organization_id?: unknown;
  readonly priority?: unknown;
  readonly requester_id?: unknown;
  readonly status?: unknown;
  readonly submitter_id?: unknown;
  readonly tags?: unknown;
  readonly type?: unknown;
  readonly updated_at?: unknown;
  readonly via?: { readonly channel?: unknown };
}

export interface UserDetail {
  readonly created_at?: unknown;
  readonly default_group_id?: unknown;
  readonly email?: unknown;
  readonly external_id?: unknown;
  readonly id?: unknown;
  readonly organization_id?: unknown;
  readonly role?: unknown;
  readonly updated_at?: unknown;
}

/** Organization events carry no change worth a catalog: the reader gives the organization's fields at the top. */
export interface OrganizationProperties {
  readonly created_at?: unknown;
  readonly external_id?: unknown;
  readonly group_id?: unknown;
  readonly id?: unknown;
  readonly name?: unknown;
  readonly shared_comments?: unknown;
  readonly shared_tickets?: unknown;
  readonly updated_at?: unknown;
  readonly zendesk_event_id?: unknown;
}

interface Change {
  readonly current?: unknown;
  readonly previous?: unknown;
}

interface Identity {
  readonly id?: unknown;
  readonly primary?: unknown;
  readonly type?: unknown;
  readonly value?: unknown;
}

/** Both spellings third parties report for tag changes (`tags_added`, `added.tags`) arrive as `tags_added`/`tags_removed`. */
interface TagChange {
  readonly tags_added?: unknown;
  readonly tags_removed?: unknown;
}

interface CustomFieldChange extends Change {
  readonly custom_field?: { readonly id?: unknown; readonly title?: unknown; readonly type?: unknown };
}

interface TicketEvents {
  "ticket.created": {};
  "ticket.status_changed": Change;
  "ticket.comment_added": {
    readonly comment?: { readonly author?: { readonly id?: unknown; readonly is_staff?: unknown; readonly name?: unknown }; readonly id?: unknown; readonly is_public?: unknown };
  };
  "ticket.csat_received": { readonly satisfaction_reason_code?: unknown; readonly satisfaction_score?: { readonly comment?: unknown; readonly score?: unknown } };
  "ticket.csat_requested": {};
  "ticket.priority_changed": Change;
  "ticket.type_changed": Change;
  "ticket.agent_assignment_changed": Change;
  "ticket.group_assignment_changed": Change;
  "ticket.organization_changed": Change;
  "ticket.brand_changed": Change;
  "ticket.form_changed": Change;
  "ticket.custom_status_changed": Change;
  "ticket.tags_changed": TagChange;
  "ticket.custom_field_changed": CustomFieldChange;
  "ticket.marked_as_spam": {};
  "ticket.soft_deleted": {};
  "ticket.permanently_deleted": {};
  "ticket.undeleted": {};
  "ticket.merged": { readonly target_ticket_id?: unknown };
}

interface UserEvents {
  "user.created": {};
  "user.deleted": {};
  "user.active_changed": Change;
  "user.suspended_changed": Change;
  "user.external_id_changed": Change;
  "user.name_changed": Change;
  "user.time_zone_changed": Change;
  "user.identity_created": { readonly identity?: Identity };
  "user.identity_changed": { readonly current?: Identity; readonly previous?: Identity };
  "user.identity_deleted": { readonly identity?: Identity };
  "user.tags_changed": TagChange;
  "user.custom_field_changed": CustomFieldChange;
}

type OrganizationEvent =
  | "organization.created"
  | "organization.name_changed"
  | "organization.external_id_changed"
  | "organization.tags_changed"
  | "organization.custom_field_changed"
  | "organization.deleted";

/** A ticket event's properties: the ticket, the change, the envelope id. */
export interface TicketProperties<Event = {}> {
  readonly detail: TicketDetail;
  readonly event: Event;
  readonly zendesk_event_id?: unknown;
}

export interface UserProperties<Event = {}> {
  readonly detail: UserDetail;
  readonly event: Event;
  readonly zendesk_event_id?: unknown;
}

export type ZendeskProperties = { readonly [E in keyof TicketEvents]: TicketProperties<TicketEvents[E]> } & {
  readonly [E in keyof UserEvents]: UserProperties<UserEvents[E]>;
} & { readonly [E in OrganizationEvent]: OrganizationProperties };

export type ZendeskEvent = keyof ZendeskProperties;

/** The mapping of Zendesk event type `E` (without `zen:event-type:`): `export default { … } satisfies Zendesk<"ticket.created">`. */
export type Zendesk<E extends ZendeskEvent> = Mapping<E, ZendeskProperties[E]>;
