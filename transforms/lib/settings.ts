/**
 * The shape of a workspace's settings. Values live in `transforms/settings.ts`
 * (or the file given to `bdt build --settings`); the build resolves them per
 * snippet and inlines only what that snippet runs (`SnippetSettings`): a
 * pasted snippet cannot read configuration.
 */

/**
 * How a user is found in Braze, in the order `identifierOrder` tries them.
 * `user_alias` is a partner's own user id, written as a Braze user alias
 * labelled `aliasLabel`: for webhooks that carry no other identifier.
 */
export type IdentifierSource = "external_id" | "email" | "phone" | "user_alias";

/**
 * A phone number can identify a user as a user alias (what Braze's Regal page
 * recommends, since phone was not always an identifier) or as Braze's `phone`
 * identifier, which needs E.164.
 */
export type PhoneIdentity = { as: "user_alias"; aliasLabel: string } | { as: "phone" };

export interface IdentitySettings {
  readonly identifierOrder: readonly IdentifierSource[];
  readonly phoneIdentity: PhoneIdentity;
  /** The alias label for the source's own user ids, when `identifierOrder` has `user_alias`. */
  readonly aliasLabel?: string;
}

export interface EventSettings {
  /** Whether the event is written at all; default: the mapping's `enabledByDefault`, else true. */
  readonly enabled?: boolean;
  /** The Braze custom event name; default: the source's event name in Title Case. */
  readonly brazeEventName?: string;
  /** For a mapping with several `brazeEvents`: the name to use instead of each default name. */
  readonly brazeEventNames?: Readonly<Record<string, string>>;
  /** `_update_existing_only` on every object the event writes. */
  readonly updateExistingOnly?: boolean;
  /** Subscription changes: also track a custom event beside the subscription update (default true). */
  readonly trackEvent?: boolean;
}

/**
 * A header every webhook of the source must carry with this value (the
 * partner's custom-header authentication); a missing or other value is refused.
 */
export interface RequiredHeader {
  readonly name: string;
  readonly value: string;
}

/** One source's settings, under `sources.<source>`. */
export interface SourceSettings {
  /** Overrides the workspace's identity settings for this source. */
  readonly identity?: IdentitySettings;
  /** `_update_existing_only` for the source's events that do not set their own (default false). */
  readonly updateExistingOnly?: boolean;
  readonly requiredHeader?: RequiredHeader;
  /** Braze attribute names per partner field id, per map a mapping's `namedAttribute` names. */
  readonly attributeNames?: Readonly<Record<string, Readonly<Record<string, string>>>>;
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
  /** Per partner, the settings its outbound webhook templates are built with (`webhooks/<partner>/lib/settings.ts`). */
  readonly webhooks?: Readonly<Record<string, unknown>>;
}

/** An event's settings with the defaults filled in, as a snippet receives them. */
export interface ResolvedEventSettings {
  /** Present, and false, only when the event is off: its snippet refuses every webhook. */
  readonly enabled: false;
  readonly brazeEventName: string;
  /** One name per rule of a mapping's `brazeEvents`, in order. */
  readonly brazeEventNames: readonly string[];
  /** Partner field id → Braze attribute, for a mapping's `namedAttribute`. */
  readonly attributeNames: Readonly<Record<string, string>>;
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
  /** Only when the source's settings ask for one. */
  readonly requiredHeader?: RequiredHeader;
  readonly subscriptionGroups: Readonly<Record<string, string>>;
  /** Per event, only the keys its shape reads (the build knows which). */
  readonly events: Readonly<Record<string, ResolvedEventSettings>>;
}

/** Values starting with this are placeholders: `bdt build` warns about snippets that embed one. */
export const PLACEHOLDER_PREFIX = "YOUR ";
