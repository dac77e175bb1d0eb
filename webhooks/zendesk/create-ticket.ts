import { ZendeskCreateTicketRequest } from "../../contract/partners/zendesk";
import { eventProperty, joined, user } from "../lib/braze";
import { contentBlockSecret } from "../lib/headers";
import { webhook } from "../lib/template";
import { url } from "../lib/url";
import type { ZendeskWebhookSettings } from "./lib/settings";

/** Zendesk subdomains are lowercase letters, digits and hyphens. */
const SUBDOMAIN = /^[a-z0-9][a-z0-9-]*$/;

export default webhook(ZendeskCreateTicketRequest).define((settings: ZendeskWebhookSettings) => {
  if (!SUBDOMAIN.test(settings.subdomain)) throw new Error(`webhooks.zendesk.subdomain "${settings.subdomain}" is not a Zendesk subdomain: write acme for https://acme.zendesk.com`);
  return ticketWebhook(settings);
});

const ticketWebhook = (settings: ZendeskWebhookSettings) => ({
  summary: "Opens a Zendesk ticket requested by the user (a new Zendesk user is made for an unknown e-mail); the triggering event may give its subject, comment and external id.",
  url: url`https://${settings.subdomain}.zendesk.com/api/v2/tickets.json`,
  headers: {
    Authorization: contentBlockSecret(settings.credentialContentBlock, {
      prefix: "Basic ",
      base64: true,
      holds: "`<agent e-mail>/token:<API token>` for a Zendesk agent allowed to create tickets",
    }),
    "Content-Type": "application/json",
  },
  body: {
    ticket: {
      requester: {
        name: joined(" ", user("first_name"), user("last_name")),
        email: user("email_address").email().required("Zendesk files the ticket under the requester's e-mail"),
      },
      subject: eventProperty("subject").text().or(settings.ticket.subject),
      comment: {
        body: eventProperty("comment").text().or(settings.ticket.comment),
        public: settings.ticket.publicComment,
      },
      type: settings.ticket.type,
      priority: settings.ticket.priority,
      status: settings.ticket.status,
      tags: settings.ticket.tags,
      external_id: eventProperty("external_id").text(),
    },
  },
});
