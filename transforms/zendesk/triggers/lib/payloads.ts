import type { Mapping } from "../../../lib/mapping";

/**
 * What the trigger reader (lib/envelope.ts) gives each trigger's mapping: the
 * recommended body's placeholders as rendered, blanks and "0" removed,
 * `ticket.tags` split into a list, and an id for the delivery.
 * `status`, `priority` and `type` are display text in the requester's
 * language: carried for people, never branched on.
 */
export interface TriggerProperties {
  readonly ticket: {
    readonly id?: unknown;
    readonly status?: unknown;
    readonly priority?: unknown;
    readonly type?: unknown;
    readonly via?: unknown;
    readonly tags?: unknown;
    readonly brand?: unknown;
    readonly group?: unknown;
    readonly created_at?: unknown;
    readonly updated_at?: unknown;
  };
  readonly requester: {
    readonly id?: unknown;
    readonly external_id?: unknown;
    readonly email?: unknown;
    readonly phone?: unknown;
    readonly role?: unknown;
    readonly language?: unknown;
  };
  readonly organization: { readonly external_id?: unknown; readonly name?: unknown };
  readonly actor: { readonly id?: unknown; readonly role?: unknown };
  readonly zendesk_event_id?: unknown;
}

/** The triggers this pack ships a body for, by the literal `event` of the body. */
export type ZendeskTrigger = "ticket_created" | "ticket_solved" | "ticket_reopened" | "agent_replied" | "csat_good" | "csat_bad" | "ticket_updated";

export type ZendeskTriggerMapping<E extends ZendeskTrigger> = Mapping<E, TriggerProperties>;
