import type { EnvelopeOracle } from "../../envelope";
import { read } from "../../envelope";
import type { Path } from "../../mutations";

/*
 * Zendesk trigger webhooks ("Notify active webhook"), whose body is the
 * recommended one of ../shared/reference/zendesk-webhooks.md §4.3: every
 * value a placeholder rendered as text (§4.1: blank when unset, read
 * trimmed), the event a literal, a fixed `source` and `schema`. §6.1: the
 * requester's external id, e-mail, phone, then Zendesk user id. Written
 * from those sections, not from transforms/zendesk/triggers/lib/envelope.ts.
 */

const SCHEMA = "braze-transforms/zendesk-trigger/1";
const ROLE: Path = ["requester", "role"];

/** A rendered placeholder's text: blank (and "0", Zendesk's none for ids, §6.2) is none. */
function text(value: unknown): string | undefined {
  const rendered = typeof value === "number" && isFinite(value) ? String(value) : typeof value === "string" ? value.trim() : undefined;
  return rendered === undefined || rendered === "" || rendered === "0" || rendered === "null" || rendered === "undefined" ? undefined : rendered;
}

export default {
  identity: {
    external_id: [["requester", "external_id"]],
    email: [["requester", "email"]],
    phone: [["requester", "phone"]],
    user_alias: [["requester", "id"]],
  },
  // §4.3: `updated_at` (`{{ticket.updated_at_with_timestamp}}`) dates the event.
  time: ["ticket", "updated_at"],
  properties: ["ticket"],
  // The mapping tables name the body's parts: `ticket.via`, `organization.name`.
  fields: [],
  trimsText: true,
  // §4.3: the ticket id is a digit string; `{{ticket.tags}}` renders one space-separated string, split on whitespace.
  notText: [["ticket", "id"], ["ticket", "tags"]],
  // §4.3: a body without the recommended `source` and `schema` is hand-edited or foreign; §6.2: a requester who is staff is no customer.
  refuses: (payload) => {
    if (read(payload, ["source"]) !== "zendesk" || read(payload, ["schema"]) !== SCHEMA) return true;
    const role = text(read(payload, ROLE));
    return role !== undefined && ["agent", "admin", "administrator"].includes(role.toLowerCase());
  },
  refusalProbes: [
    { path: ["source"], values: ["zendesk", "Zendesk", null] },
    { path: ["schema"], values: [SCHEMA, "braze-transforms/zendesk-trigger/2", null] },
    { path: ROLE, values: ["End-user", "end-user", "", "Agent", "agent", "Admin"] },
  ],
  derived: (payload) => {
    const tags = text(read(payload, ["ticket", "tags"]));
    // §5.4 and the project README ("Retries and duplicates"): no event id, so the ticket id, the trigger and the update time (`5158:ticket_solved:2025-01-09T11:00Z`), each blank when unknown.
    const id = text(read(payload, ["ticket", "id"]));
    const parts = [id !== undefined && /^\d+$/.test(id) ? id : "", text(read(payload, ["event"])) ?? "", text(read(payload, ["ticket", "updated_at"])) ?? ""];
    const deliveryId = [parts.join(":")];
    return [...(tags === undefined ? [] : tags.split(/\s+/)), ...deliveryId];
  },
} satisfies EnvelopeOracle;
