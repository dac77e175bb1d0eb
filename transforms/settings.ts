import type { Settings } from "./lib/settings";
import type { RegalSettings } from "./regal/lib/settings";

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
  },
} satisfies Settings & { sources: { regal: RegalSettings } };
