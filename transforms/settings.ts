import type { Settings } from "./lib/settings";
import type { RegalSettings } from "./regal/lib/settings";
import type { ZendeskSettings } from "./zendesk/lib/settings";
import type { ZendeskTriggerSettings } from "./zendesk/triggers/lib/settings";
import type { RegalWebhookSettings } from "../webhooks/regal/lib/settings";
import type { RoktWebhookSettings } from "../webhooks/rokt/lib/settings";
import type { ZendeskWebhookSettings } from "../webhooks/zendesk/lib/settings";

/**
 * This workspace's settings, resolved per snippet by `npm run build`: each
 * snippet inlines only the settings it runs. Build for another workspace with
 * `bdt build --settings path/to/other.ts`.
 */
export default {
  identity: {
    identifierOrder: ["external_id", "email", "phone"],
    phoneIdentity: { as: "user_alias", aliasLabel: "phone" },
  },
  // A 1 MB payload costs call.completed about 70: the budget allows about 3 MB, well inside a second.
  costBudget: 200,
  sources: {
    regal: {
      subscriptionGroups: {
        voice: "YOUR VOICE SUBSCRIPTION GROUP ID",
        sms: "YOUR SMS SUBSCRIPTION GROUP ID",
      },
      catalogs: { agents: "regal_agents" },
      events: {
        "call.completed": { brazeEventName: "Call Completed", updateExistingOnly: false },
        "contact.attribute.edited": { updateExistingOnly: false },
        "contact.experiment.assigned": { brazeEventName: "Contact Experiment Assigned", updateExistingOnly: false },
        // Braze's Regal page writes only the subscription change for this event.
        "contact.unsubscribed": { updateExistingOnly: true, trackEvent: false },
      },
    },
    // Zendesk never creates Braze profiles: its users are written only where Braze already knows them.
    // To require Zendesk's custom-header authentication, add requiredHeader: { name, value } (README, "Connecting Zendesk").
    zendesk: {
      identity: {
        identifierOrder: ["external_id", "email", "user_alias"],
        phoneIdentity: { as: "user_alias", aliasLabel: "phone" },
        aliasLabel: "zendesk_user_id",
      },
      updateExistingOnly: true,
      catalogs: { organizations: "zendesk_organizations" },
      attributeNames: { userFields: {} },
    },
    "zendesk/triggers": {
      identity: {
        identifierOrder: ["external_id", "email", "phone", "user_alias"],
        phoneIdentity: { as: "user_alias", aliasLabel: "phone" },
        aliasLabel: "zendesk_user_id",
      },
      updateExistingOnly: true,
    },
  },
  // The outbound webhook templates in webhooks/ (README, "Braze to partners: webhook templates").
  webhooks: {
    regal: {
      apiKeyContentBlock: "regal_api_key",
      contactProperties: { custom1: "custom1", custom2: "custom2" },
      optIn: { sourceAttribute: "lead_source" },
      customEvent: {
        name: "Application Step 1 Completed",
        properties: {
          educationalLevel: "educationalLevel",
          preferredLocation: "preferredLocation",
          preferredSubject: "preferredSubject",
          readytoCommit: { value: true },
        },
      },
    },
    // Set subdomain to yours: acme for https://acme.zendesk.com.
    zendesk: {
      subdomain: "acme",
      credentialContentBlock: "zendesk_api_credential",
      ticket: {
        subject: "Negative answer to the in-app survey",
        comment: "The user answered no to the in-app survey. Please follow up.",
        publicComment: false,
        type: "question",
        priority: "normal",
        status: "new",
        tags: ["braze"],
      },
    },
    // The calendar event Braze's Rokt page sends; set it to your campaign's (a triggering event's properties override it per send).
    rokt: {
      credential: "rokt_calendar_api",
      event: {
        id: "Event_0001",
        title: "Event Title",
        description: "Event Description",
        location: "Event Location",
        start: "2026-02-21T15:00:00",
        end: "2026-02-21T16:00:00",
        timeZone: "Eastern Standard Time",
        notifyBefore: 15,
      },
    },
  },
} satisfies Settings & {
  sources: { regal: RegalSettings; zendesk: ZendeskSettings; "zendesk/triggers": ZendeskTriggerSettings };
  webhooks: { regal: RegalWebhookSettings; zendesk: ZendeskWebhookSettings; rokt: RoktWebhookSettings };
};
