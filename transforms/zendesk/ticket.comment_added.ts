import { TICKET_PROPERTIES } from "./lib/ticket";
import type { Zendesk } from "./lib/payloads";

/** A comment was added. Public replies only: an agent's reply goes to the requester, a customer's to its author; private notes are not written. */
export default {
  shape: "customEvent",
  event: "ticket.comment_added",
  brazeEvents: [
    { name: "Zendesk Agent Replied", when: { "event.comment.is_public": true, "event.comment.author.is_staff": true } },
    { name: "Zendesk Customer Replied", when: { "event.comment.is_public": true, "event.comment.author.is_staff": false } },
  ],
  properties: { ...TICKET_PROPERTIES, comment_id: "event.comment.id" },
} satisfies Zendesk<"ticket.comment_added">;
