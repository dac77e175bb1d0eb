/** Zendesk's part of the workspace settings (`webhooks.zendesk`), for the templates in webhooks/zendesk/. */
export interface ZendeskWebhookSettings {
  /** Your Zendesk subdomain: `acme` for https://acme.zendesk.com. */
  readonly subdomain: string;
  /** The Braze Content Block that holds `<agent e-mail>/token:<API token>` (Zendesk Admin Center > Apps and integrations > Zendesk API). */
  readonly credentialContentBlock: string;
  /** `zendesk/create-ticket`: what every ticket it opens is like. */
  readonly ticket: {
    /** Sent when the triggering event has no `subject` property. */
    readonly subject: string;
    /** The first comment, sent when the triggering event has no `comment` property. */
    readonly comment: string;
    /** Whether the requester sees the first comment. */
    readonly publicComment: boolean;
    readonly type: "problem" | "incident" | "question" | "task";
    readonly priority: "urgent" | "high" | "normal" | "low";
    readonly status: "new" | "open" | "pending" | "hold" | "solved" | "closed";
    readonly tags: readonly string[];
  };
}
