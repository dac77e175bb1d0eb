/**
 * Zendesk's Tickets API, creating one ticket from a comment.
 *
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/ ,
 * https://developer.zendesk.com/api-reference/ticketing/tickets/custom_ticket_statuses/ ,
 * https://docs.workato.com/connectors/zendesk/create-ticket-action (enumerations)
 */
import { z } from "zod";
import { despiteFieldProblems } from "../shared";
import { Email, Integer, IsoDateTime, Text } from "./fields";
import { jsonContentType, zendeskTokenAuth } from "./headers";
import { partnerRequest, type PartnerBody } from "./request";
import { urlChecker } from "./url";

const ZendeskId = Integer.min(1);

const CommentSchema = z
  .strictObject({
    body: Text.exactOptional(),
    html_body: Text.exactOptional(),
    public: z.boolean().exactOptional(),
    author_id: ZendeskId.exactOptional(),
  })
  .superRefine((comment, ctx) => {
    if (comment.body === undefined && comment.html_body === undefined) ctx.addIssue("needs body or html_body");
  }, despiteFieldProblems);

const RequesterSchema = z.strictObject({
  name: Text.exactOptional(),
  email: Email,
  locale_id: ZendeskId.exactOptional(),
});

const Tag = z.string().min(1).regex(/^\S*$/, "must not contain whitespace");

const CustomFieldSchema = z.strictObject({
  id: ZendeskId,
  value: z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]),
});

/**
 * Without a requester Zendesk makes the API user (the agent whose token this
 * is) the requester, which is never what a Braze webhook means.
 */
function checkTicket(ticket: Record<string, unknown>, ctx: z.RefinementCtx) {
  const hasRequester = ticket.requester !== undefined;
  const hasRequesterId = ticket.requester_id !== undefined;
  if (hasRequester && hasRequesterId) ctx.addIssue("both requester and requester_id (send exactly one)");
  if (!hasRequester && !hasRequesterId) ctx.addIssue("no requester (needs requester or requester_id)");
  if (ticket.due_at !== undefined && ticket.type !== "task") {
    ctx.addIssue({ code: "custom", message: 'only a ticket of type "task" has a due date', path: ["due_at"], input: ticket.due_at });
  }
}

const TicketSchema = z
  .strictObject({
    comment: CommentSchema,
    requester: RequesterSchema.exactOptional(),
    /** Zendesk's own integer user id, not the Braze external id. */
    requester_id: ZendeskId.exactOptional(),
    subject: Text.exactOptional(),
    type: z.enum(["problem", "incident", "question", "task"]).exactOptional(),
    priority: z.enum(["urgent", "high", "normal", "low"]).exactOptional(),
    status: z.enum(["new", "open", "pending", "hold", "solved", "closed"]).exactOptional(),
    tags: z.array(Tag).exactOptional(),
    external_id: Text.exactOptional(),
    custom_fields: z.array(CustomFieldSchema).exactOptional(),
    due_at: IsoDateTime.exactOptional(),
  })
  .superRefine(checkTicket, despiteFieldProblems);

export const ZendeskCreateTicketBodySchema = z.strictObject({ ticket: TicketSchema });

export const ZendeskCreateTicketRequest = partnerRequest({
  id: "zendesk/create-ticket",
  title: "Zendesk Tickets API: create ticket",
  docs: "https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/",
  method: "POST",
  checkUrl: urlChecker("https://{subdomain}.zendesk.com/api/v2/tickets.json"),
  headers: { Authorization: zendeskTokenAuth, "Content-Type": jsonContentType },
  body: ZendeskCreateTicketBodySchema,
});

export type ZendeskCreateTicketBody = PartnerBody<typeof ZendeskCreateTicketRequest>;
