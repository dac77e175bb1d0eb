import type { Source, SourceDocs } from "../../../lib/source";
import { asRecord, readText, type JsonRecord } from "../../../lib/values";

/** What the recommended body says it is, so a hand-edited or foreign body is recognised. */
export const BODY_SOURCE = "zendesk";
export const BODY_SCHEMA = "braze-transforms/zendesk-trigger/1";
/** Zendesk's roles for staff: a ticket whose requester has one is not a customer's. */
const STAFF_ROLES = ["agent", "admin", "administrator"];

/**
 * A webhook posted by a Zendesk trigger's "Notify active webhook" action,
 * its body the recommended one (`docs.requestBody`). Every value is a
 * rendered placeholder, so each is read as text: blank, "0", "null" and a
 * placeholder left unrendered mean none, ticket ids are digits only, tags are one space-separated string.
 * The delivery's id is the ticket, the trigger and the update time together
 * (each blank when its placeholder was): a trigger body has no event id, and
 * Zendesk may deliver twice.
 */
export default {
  name: "Zendesk",
  eventField: "event",
  eventOf: (body) => (typeof body.event === "string" ? body.event.trim() : body.event),
  read(body, event) {
    const ticket = texts(body.ticket);
    const requester = texts(body.requester);
    const digits = ticket.id !== undefined && /^\d+$/.test(ticket.id) ? ticket.id : undefined;
    const properties = {
      ticket: { ...ticket, id: digits, tags: ticket.tags === undefined ? undefined : ticket.tags.split(/\s+/) },
      requester,
      organization: texts(body.organization),
      actor: texts(body.actor),
      zendesk_event_id: [digits || "", event, ticket.updated_at || ""].join(":"),
    };
    return {
      properties,
      identity: {
        external_id: [{ field: "requester.external_id", value: requester.external_id }],
        email: [{ field: "requester.email", value: requester.email }],
        phone: [{ field: "requester.phone", value: requester.phone }],
        user_alias: [{ field: "requester.id", value: requester.id }],
      },
      times: [ticket.updated_at, ticket.created_at],
      refusal: refusal(body, requester.role),
    };
  },
} satisfies Source;

function refusal(body: JsonRecord, role: string | undefined): string | undefined {
  const mismatch = body.source !== BODY_SOURCE ? ["source", body.source, BODY_SOURCE] : body.schema !== BODY_SCHEMA ? ["schema", body.schema, BODY_SCHEMA] : undefined;
  if (mismatch) {
    const [field, received, expected] = mismatch;
    const shown = received === undefined ? "missing" : JSON.stringify(received);
    return `the body is not the recommended trigger body (payload.${field} is ${shown}, expected "${expected}"): paste the body from dist/zendesk/triggers/bodies/`;
  }
  if (role !== undefined && STAFF_ROLES.indexOf(role.toLowerCase()) >= 0) return `the requester's role is ${JSON.stringify(role)}: agents and admins are not customers`;
  return undefined;
}

/** A placeholder Zendesk left as written (a typo, or one its account lacks): no value. */
const UNRENDERED = /^\{\{[^]*\}\}$/;

/** Each field of a placeholder object as trimmed text; blank, "0", "null", unrendered and non-text values left out. */
function texts(value: unknown): Record<string, string | undefined> {
  const record = asRecord(value) || {};
  const result: Record<string, string | undefined> = {};
  for (const key of Object.keys(record)) {
    const text = readText(record[key]);
    if (text !== undefined && text !== "0" && !UNRENDERED.test(text)) result[key] = text;
  }
  return result;
}

export const docs: SourceDocs = {
  connect:
    "In Zendesk, create the webhook under **Admin Center → Apps and integrations → Webhooks → Create webhook → Trigger or automation** (POST, JSON, the transformation's URL), then one trigger per row below whose **Notify active webhook** action sends that trigger's body. See the project README, \"Connecting Zendesk\".",
  acronyms: ["csat"],
  eventNamePrefix: "Zendesk",
  requestBody: (event) => ({
    source: BODY_SOURCE,
    schema: BODY_SCHEMA,
    event,
    ticket: {
      id: "{{ticket.id}}",
      status: "{{ticket.status}}",
      priority: "{{ticket.priority}}",
      type: "{{ticket.ticket_type}}",
      via: "{{ticket.via}}",
      tags: "{{ticket.tags}}",
      brand: "{{ticket.brand.name}}",
      group: "{{ticket.group.name}}",
      created_at: "{{ticket.created_at_with_timestamp}}",
      updated_at: "{{ticket.updated_at_with_timestamp}}",
    },
    requester: {
      id: "{{ticket.requester.id}}",
      external_id: "{{ticket.requester.external_id}}",
      email: "{{ticket.requester.email}}",
      phone: "{{ticket.requester.phone}}",
      role: "{{ticket.requester.role}}",
      language: "{{ticket.requester.language}}",
    },
    organization: { external_id: "{{ticket.organization.external_id}}", name: "{{ticket.organization.name}}" },
    actor: { id: "{{current_user.id}}", role: "{{current_user.role}}" },
  }),
};
