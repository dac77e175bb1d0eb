import type { Envelope, EnvelopeOracle } from "../envelope";
import { read } from "../envelope";
import type { Path } from "../mutations";

/*
 * Zendesk's event-subscribed webhooks, as ../shared/reference/zendesk-webhooks.md
 * states them from Zendesk's webhook event-type pages: §2.1 the envelope
 * (`type`, `id`, `time`, `detail`, `event`), §2.2 `detail` by domain, §2.3
 * `event` by type, §6.1 who each one names. Written from those pages, not
 * from transforms/zendesk/lib/envelope.ts.
 */

/** §2.2, §2.3: Zendesk's enumerations, sent in upper case (`OPEN`, `HIGH`, `END_USER`, `GOOD`); the pack writes them lower-cased (§7 design notes). */
const ENUMERATIONS: readonly Path[] = [
  ["detail", "status"], ["detail", "priority"], ["detail", "type"], ["detail", "role"],
  ["event", "current"], ["event", "previous"], ["event", "satisfaction_score", "score"],
];

/** §2.2: a user's role; agents are `agent` and `admin`, a customer `end-user` (a third party sends `END_USER`: case and `-`/`_` vary). */
const ROLE: Path = ["detail", "role"];
const normalisedRole = (role: unknown) => (typeof role === "string" ? role.trim().toLowerCase().replace(/_/g, "-") : role);

/** §2.1: `time` is when the event occurred; `detail` is the resource, whose own fields a webhook carries. */
const common: Envelope = {
  identity: {},
  time: ["time"],
  properties: ["detail"],
  // The mapping tables name the envelope's parts: `detail.id`, `event.current`.
  fields: [],
  notText: ENUMERATIONS,
  derived: (payload) =>
    ENUMERATIONS.flatMap((path) => {
      const value = read(payload, path);
      return typeof value === "string" ? [value.trim().toLowerCase(), normalisedRole(value)] : [];
    }),
};

export default {
  ...common,
  byEvent: {
    /**
     * §6.1: `detail.external_id` (`""` when unset), then the primary
     * `detail.email`, then the Zendesk user id as an alias. §6.2: agents are
     * users too, and are skipped. (An event whose mapping names identifier
     * fields of its own, as `user.external_id_changed` names the new external
     * id, §6.2, has them tried first: subjects.ts `snippetEnvelope` reads them
     * from the snippet's mapping.)
     */
    "user.": {
      identity: {
        external_id: [["detail", "external_id"]],
        email: [["detail", "email"]],
        user_alias: [["detail", "id"]],
      },
      // §2.2: a user's ids are strings whose "none" is "0".
      nothing: [{ path: ["detail", "id"], values: ["0"] }],
      refuses: (payload) => {
        const role = read(payload, ROLE);
        // "None" as Zendesk and other partners write it: no role, so nothing to refuse on.
        const none = role === undefined || role === null || (typeof role === "string" && ["", "null"].includes(role.trim()));
        return !none && normalisedRole(role) !== "end-user";
      },
      refusalProbes: [{ path: ROLE, values: ["end-user", "END_USER", " End-User ", "agent", "admin", "AGENT", "Admin", " ", "null"] }],
    },
    /**
     * §6.1, §6.2: a ticket names Zendesk ids only, and the customer is the
     * requester, or a comment's author who is not staff (`author.is_staff`).
     */
    "ticket.": {
      identity: {
        user_alias: [
          { path: ["event", "comment", "author", "id"], when: { path: ["event", "comment", "author", "is_staff"], is: false } },
          ["detail", "requester_id"],
        ],
      },
    },
    /** §2.2, §7: an organization is a catalog item, named by no user; its fields are `detail`'s. */
    "organization.": { fields: ["detail"] },
  },
} satisfies EnvelopeOracle;
