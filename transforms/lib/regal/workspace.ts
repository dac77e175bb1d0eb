import settings from "../../settings";
import type { IdentitySettings } from "../identity";
import type { Settings, SubscriptionChannel } from "../settings";

/*
 * Settings are read here with literal property names only, so the bundler
 * inlines into each snippet just the settings that snippet uses.
 */

export const identitySettings: IdentitySettings = {
  identifierOrder: settings.identifierOrder,
  phoneIdentity: settings.phoneIdentity,
};

export interface ResolvedEventSettings {
  readonly brazeEventName: string;
  readonly updateExistingOnly: boolean;
  readonly trackEvent: boolean;
}

/** An event's settings with the documented defaults filled in. */
export function eventSettings(event: string, defaultUpdateExistingOnly: boolean): ResolvedEventSettings {
  const events: Settings["events"] = settings.events;
  const own = events[event] || {};
  return {
    brazeEventName: own.brazeEventName || defaultBrazeEventName(event),
    updateExistingOnly: own.updateExistingOnly === undefined ? defaultUpdateExistingOnly : own.updateExistingOnly,
    trackEvent: own.trackEvent !== false,
  };
}

export function agentCatalogName(): string {
  return settings.catalogs.agents;
}

export const SUBSCRIPTION_CHANNELS: readonly SubscriptionChannel[] = ["voice", "sms"];

export function subscriptionGroupId(channel: SubscriptionChannel): string {
  return settings.subscriptionGroups[channel];
}

const ACRONYMS = ["sms", "mms", "ivr"];

/** "call.completed" → "Call Completed", "sms.sent" → "SMS Sent". */
export function defaultBrazeEventName(event: string): string {
  return event
    .split(".")
    .map((word) => (ACRONYMS.indexOf(word) >= 0 ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(" ");
}
