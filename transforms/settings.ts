import type { Settings } from "./lib/settings";
import type { RegalSettings } from "./regal/lib/settings";
import type { ZendeskSettings } from "./zendesk/lib/settings";
import type { ZendeskTriggerSettings } from "./zendesk/triggers/lib/settings";

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
} satisfies Settings & { sources: { regal: RegalSettings; zendesk: ZendeskSettings; "zendesk/triggers": ZendeskTriggerSettings } };
