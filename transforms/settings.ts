import type { Settings } from "./lib/settings";

/**
 * This workspace's settings, inlined into the snippets by `npm run build`.
 * Build for another workspace with `bdt build --settings path/to/other.ts`.
 * `satisfies` (not a helper call) keeps the object a literal, so each snippet
 * inlines only the settings it reads.
 */
export default {
  identifierOrder: ["external_id", "email", "phone"],
  phoneIdentity: { as: "user_alias", aliasLabel: "phone" },
  subscriptionGroups: {
    voice: "YOUR VOICE SUBSCRIPTION GROUP ID",
    sms: "YOUR SMS SUBSCRIPTION GROUP ID",
  },
  catalogs: { agents: "regal_agents" },
  // A 1 MB payload costs call.completed about 70: the budget allows about 3 MB, well inside a second.
  costBudget: 200,
  events: {
    "call.completed": { brazeEventName: "Call Completed", updateExistingOnly: false },
    "contact.attribute.edited": { updateExistingOnly: false },
    "contact.experiment.assigned": { brazeEventName: "Contact Experiment Assigned", updateExistingOnly: false },
    // Braze's Regal page writes only the subscription change for this event.
    "contact.unsubscribed": { updateExistingOnly: true, trackEvent: false },
  },
} satisfies Settings;
