/**
 * The shape of a workspace's settings. Values live in `transforms/settings.ts`
 * (or the file given to `bdt build --settings`); the build resolves them per
 * snippet and inlines only what that snippet runs (`SnippetSettings`): a
 * pasted snippet cannot read configuration.
 */

/** How a user is found in Braze, in the order `identifierOrder` tries them. */
export type IdentifierSource = "external_id" | "email" | "phone";

/**
 * A phone number can identify a user as a user alias (what Braze's Regal page
 * recommends, since phone was not always an identifier) or as Braze's `phone`
 * identifier, which needs E.164.
 */
export type PhoneIdentity = { as: "user_alias"; aliasLabel: string } | { as: "phone" };

export interface IdentitySettings {
  readonly identifierOrder: readonly IdentifierSource[];
  readonly phoneIdentity: PhoneIdentity;
}

export interface EventSettings {
  /** The Braze custom event name; default: the source's event name in Title Case. */
  readonly brazeEventName?: string;
  /** `_update_existing_only` on every object the event writes. */
  readonly updateExistingOnly?: boolean;
  /** Subscription changes: also track a custom event beside the subscription update (default true). */
  readonly trackEvent?: boolean;
}

/** One source's settings, under `sources.<source>`. */
export interface SourceSettings {
  /** Overrides the workspace's identity settings for this source. */
  readonly identity?: IdentitySettings;
  /** Braze subscription group id per channel the source reports (Braze → Audience → Subscriptions). */
  readonly subscriptionGroups?: Readonly<Record<string, string>>;
  /** Braze catalog name per catalog a mapping writes (`catalog: "agents"`). */
  readonly catalogs?: Readonly<Record<string, string>>;
  /** Per event (the event module's file name), overrides of the documented defaults. */
  readonly events?: Readonly<Record<string, EventSettings>>;
}

export interface Settings {
  readonly identity: IdentitySettings;
  readonly sources: Readonly<Record<string, SourceSettings>>;
  /**
   * The most work one run may do, in the sandbox's deterministic cost units (QuickJS interrupt
   * checks, one per ~10,000 interpreter ticks). Braze does not document its limits; `bdt run`
   * shows each run against this, and a test fails when any fixture exceeds it.
   */
  readonly costBudget: number;
}

/** An event's settings with the defaults filled in, as a snippet receives them. */
export interface ResolvedEventSettings {
  readonly brazeEventName: string;
  readonly updateExistingOnly: boolean;
  readonly trackEvent: boolean;
  /** The Braze catalog a catalog mapping writes. */
  readonly catalogName: string;
}

/**
 * What the build inlines into one snippet: the identity settings, the source's
 * subscription groups and each handled event's resolved settings. The bundler
 * drops every part the snippet does not read.
 */
export interface SnippetSettings {
  readonly identity: IdentitySettings;
  readonly subscriptionGroups: Readonly<Record<string, string>>;
  /** Per event, only the keys its shape reads (the build knows which). */
  readonly events: Readonly<Record<string, ResolvedEventSettings>>;
}

/** Values starting with this are placeholders: `bdt build` warns about snippets that embed one. */
export const PLACEHOLDER_PREFIX = "YOUR ";
