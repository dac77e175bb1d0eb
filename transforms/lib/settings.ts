/**
 * The shape of a workspace's settings. Values live in `transforms/settings.ts`
 * (or the file given to `bdt build --settings`) and are inlined into every
 * snippet at build time: a pasted snippet cannot read configuration.
 */

/** How a user is found in Braze, in the order `identifierOrder` tries them. */
export type IdentifierSource = "external_id" | "email" | "phone";

/**
 * A phone number can identify a user as a user alias (what Braze's Regal page
 * recommends, since phone was not always an identifier) or as Braze's `phone`
 * identifier.
 */
export type PhoneIdentity = { as: "user_alias"; aliasLabel: string } | { as: "phone" };

/** Marketing channels Regal reports subscription changes for. */
export type SubscriptionChannel = "voice" | "sms";

export interface EventSettings {
  /** The Braze custom event name; default: the Regal name in Title Case. */
  brazeEventName?: string;
  /** `_update_existing_only` on every object the event writes. */
  updateExistingOnly?: boolean;
  /** Subscription changes: also track a custom event beside the subscription update (default true). */
  trackEvent?: boolean;
}

export interface Settings {
  identifierOrder: readonly IdentifierSource[];
  phoneIdentity: PhoneIdentity;
  /** Braze subscription group id per Regal channel (Braze → Audience → Subscriptions). */
  subscriptionGroups: Record<SubscriptionChannel, string>;
  /** Braze catalogs written to: agents' activity (`agent.activity.updated`). */
  catalogs: { agents: string };
  /** Per Regal event name, overrides of the documented defaults. */
  events: Readonly<Record<string, EventSettings>>;
  /**
   * The most work one run may do, in the sandbox's deterministic cost units (QuickJS interrupt
   * checks, one per ~10,000 interpreter ticks). Braze does not document its limits; `bdt run`
   * shows each run against this, and a test fails when any fixture exceeds it.
   */
  costBudget: number;
}

/** Values starting with this are placeholders: `bdt build` warns about snippets that embed one. */
export const PLACEHOLDER_PREFIX = "YOUR ";
