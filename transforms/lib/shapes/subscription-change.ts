import type { UsersTrackRequest } from "../../../contract/schema";
import { UnmappedValueError } from "../errors";
import { resolveIdentity } from "../identity";
import type { SubscriptionChangeMapping } from "../mapping";
import type { SnippetSettings } from "../settings";
import type { Source } from "../source";
import { readPath, readText } from "../values";
import { readWebhook, type Transform } from "../webhook";
import { eventObject } from "./users-track";

/**
 * The contact's subscription to the Braze group the settings name for the
 * event's channel, and a custom event unless the settings turn it off.
 * Changing the subscription of a user Braze does not know is meaningless,
 * hence `_update_existing_only` defaults to true (as on Braze's Regal page).
 */
export function subscriptionChange(source: Source, event: string, mapping: SubscriptionChangeMapping, settings: SnippetSettings): Transform<UsersTrackRequest> {
  const own = settings.events[event]!;
  const groups = settings.subscriptionGroups;
  const channels = Object.keys(groups);
  return (payload) => {
    const webhook = readWebhook(source, event, payload, mapping);
    const received = readPath(webhook.properties, mapping.channelFrom);
    const channel = readChannel(received, channels);
    if (!channel) throw new UnmappedValueError({ source, event }, `properties.${mapping.channelFrom}`, received, channels);
    const identity = resolveIdentity({ source, event }, webhook.identity, settings.identity);
    const subscription = [{ subscription_group_id: groups[channel]!, subscription_state: mapping.state }];
    const request: UsersTrackRequest = { attributes: [{ ...identity, _update_existing_only: own.updateExistingOnly, subscription_groups: subscription }] };
    if (own.trackEvent) request.events = [eventObject(webhook, identity, own.brazeEventName, own.updateExistingOnly)];
    return request;
  };
}

function readChannel(value: unknown, channels: readonly string[]): string | undefined {
  const text = readText(value);
  const channel = text && text.toLowerCase();
  return channels.filter((known) => known === channel)[0];
}
