import type { IdentityCandidates } from "../../lib/identity";
import type { NotWritten, Source, SourceDocs } from "../../lib/source";
import { asRecord, hasOwn, setOwn, type JsonRecord } from "../../lib/values";
import { NOT_WRITTEN } from "./not-written";

/** Zendesk spells most types `zen:event-type:ticket.created`, three in its user-events table with a slash. */
const TYPE_PREFIX = /^zen:event-type[:/]/;
/** Enumerations Zendesk sends in upper case ("OPEN", "HIGH", "END_USER"). */
const ENUM_FIELDS = ["status", "priority", "type", "role"];
/** A ticket change's value that is such an enumeration; a ticket's free text is never a change any module maps. */
const ENUM_VALUE = /^[A-Z][A-Z_]*$/;
/** A user who is not a customer: Zendesk roles other than this are agents and admins. */
const CUSTOMER_ROLE = "end-user";

/**
 * A Zendesk event-subscribed webhook (`zen:event-type:…`): the event type
 * without its prefix, and `detail` (the resource) and `event` (the change)
 * as the mapping reads them: enums lower-cased, the "none" values Zendesk
 * sends ("" and "0" ids, `tags: null`, reason code "0") removed, `event.meta` left out (its
 * 26-digit sequence id does not survive JSON.parse), the envelope id as
 * `zendesk_event_id`. An organization's fields are given at the top, as a
 * catalog item reads them. Who the user is comes from Zendesk ids only on
 * ticket events (the requester, or a customer comment's author).
 */
export default {
  name: "Zendesk",
  eventField: "type",
  eventOf: (body) => (typeof body.type === "string" ? body.type.trim().replace(TYPE_PREFIX, "") : body.type),
  read(body, event) {
    const domain = event.split(".")[0];
    const detail = cleaned(asRecord(body.detail) || {});
    const change = changeOf(domain === "ticket", asRecord(body.event) || {});
    const times = [body.time, detail.updated_at];
    if (domain === "organization") return { properties: { ...detail, zendesk_event_id: body.id }, identity: {}, times };
    const properties = { detail, event: change, zendesk_event_id: body.id };
    if (domain === "ticket") return { properties, identity: ticketIdentity(detail, change), times };
    const role = detail.role;
    const refusal = role !== undefined && role !== CUSTOMER_ROLE ? `the user's role is ${JSON.stringify(role)}: agents and admins are not customers` : undefined;
    return { properties, identity: userIdentity(detail), times, refusal };
  },
} satisfies Source;

/** Why the routers write nothing for a documented event no module maps. */
export const notWritten: NotWritten = (event) => {
  const domain = event.split(".")[0]!;
  return hasOwn(NOT_WRITTEN, event) ? NOT_WRITTEN[event] : hasOwn(NOT_WRITTEN, `${domain}.*`) ? NOT_WRITTEN[`${domain}.*`] : undefined;
};

export const docs: SourceDocs = {
  connect:
    "In Zendesk, **Admin Center → Apps and integrations → Webhooks → Create webhook → Zendesk events**: pick the event types of the snippet (or the router), paste the transformation's URL as the endpoint, method POST, format JSON. See the project README, \"Connecting Zendesk\".",
  acronyms: ["csat"],
  eventNamePrefix: "Zendesk",
};

function ticketIdentity(detail: JsonRecord, change: JsonRecord): IdentityCandidates {
  const requester = { field: "detail.requester_id", value: detail.requester_id };
  const comment = asRecord(change.comment);
  const author = comment && asRecord(comment.author);
  const customerAuthor = author && author.is_staff === false ? [{ field: "event.comment.author.id", value: author.id }] : [];
  return { user_alias: customerAuthor.concat(requester) };
}

/** `detail` is the user as changed: after user.external_id_changed it holds the new external id. */
function userIdentity(detail: JsonRecord): IdentityCandidates {
  return {
    external_id: [{ field: "detail.external_id", value: detail.external_id }],
    email: [{ field: "detail.email", value: detail.email }],
    user_alias: [{ field: "detail.id", value: detail.id }],
  };
}

/** The change without `meta`; a ticket's enum changes lower-cased; tag changes under one spelling. */
function changeOf(ofTicket: boolean, source: JsonRecord): JsonRecord {
  const change: JsonRecord = {};
  for (const key of Object.keys(source)) if (key !== "meta") setOwn(change, key, source[key]);
  if (ofTicket) {
    for (const key of ["current", "previous"]) {
      const value = change[key];
      if (typeof value === "string" && ENUM_VALUE.test(value.trim())) change[key] = lowerCase(value);
    }
  }
  if (change.satisfaction_reason_code === "0") delete change.satisfaction_reason_code;
  const score = asRecord(change.satisfaction_score);
  if (score) change.satisfaction_score = { ...score, score: lowerCase(score.score) };
  const added = asRecord(source.added);
  const removed = asRecord(source.removed);
  if (added && change.tags_added === undefined) change.tags_added = added.tags;
  if (removed && change.tags_removed === undefined) change.tags_removed = removed.tags;
  return change;
}

/** `detail` with Zendesk's "none" values left out and its enums lower-cased ("END_USER" → "end-user"). */
function cleaned(detail: JsonRecord): JsonRecord {
  const result: JsonRecord = {};
  for (const key of Object.keys(detail)) {
    const value = detail[key];
    const text = typeof value === "string" ? value.trim() : value;
    const none = text === null || text === "" || text === "null" || (text === "0" && key !== "external_id" && /(^|_)id$/.test(key));
    if (none) continue;
    const enumerated = ENUM_FIELDS.indexOf(key) >= 0 ? lowerCase(value) : value;
    setOwn(result, key, key === "role" && typeof enumerated === "string" ? enumerated.replace(/_/g, "-") : enumerated);
  }
  return result;
}

function lowerCase(value: unknown): unknown {
  return typeof value === "string" ? value.trim().toLowerCase() : value;
}
