import type { AttributesObject, SubscriptionState, UsersTrackRequest } from "../../../contract/schema";
import { toAttributes } from "../attributes";
import { UnmappedValueError } from "../errors";
import { resolveIdentity } from "../identity";
import { toEventProperties } from "../properties";
import { defineTransform, type Transform } from "../transform";
import type { SubscriptionChannel } from "../settings";
import { readText, type JsonRecord } from "../values";
import { readRegalEvent, type RegalEvent } from "./envelope";
import { eventSettings, identitySettings, subscriptionGroupId, SUBSCRIPTION_CHANNELS } from "./workspace";

/*
 * The three shapes a Regal event takes in Braze. Each transform module picks
 * one and says what goes where; envelope, identity, time and settings are
 * handled here once for all of them.
 */

type UsersTrack = Transform<UsersTrackRequest>;

function usersTrack(event: string, build: (regal: RegalEvent) => UsersTrackRequest): UsersTrack {
  return defineTransform({ source: "regal", events: [event], destination: "POST /users/track" }, (payload) =>
    build(readRegalEvent(payload, [event])),
  );
}

/** A Braze custom event carrying the Regal event's properties. */
export function customEvent(event: string): UsersTrack {
  return usersTrack(event, (regal) => {
    const { brazeEventName, updateExistingOnly } = eventSettings(event, false);
    return {
      events: [
        {
          ...resolveIdentity(event, regal.identity, identitySettings),
          _update_existing_only: updateExistingOnly,
          name: brazeEventName,
          time: regal.time,
          properties: toEventProperties(regal.properties),
        },
      ],
    };
  });
}

/** Profile attributes computed from the Regal event. */
export function attributeUpdate(event: string, attributesOf: (regal: RegalEvent) => JsonRecord): UsersTrack {
  return usersTrack(event, (regal) => {
    const { updateExistingOnly } = eventSettings(event, false);
    const attributes: AttributesObject = {
      ...resolveIdentity(event, regal.identity, identitySettings),
      _update_existing_only: updateExistingOnly,
      ...toAttributes(attributesOf(regal)),
    };
    return { attributes: [attributes] };
  });
}

/**
 * The contact's subscription to the Braze group configured for the event's
 * channel. Unsubscribing a user Braze does not know is meaningless, hence
 * `_update_existing_only` defaults to true (as on Braze's Regal page).
 */
export function subscriptionChange(event: string, state: SubscriptionState): UsersTrack {
  return usersTrack(event, (regal) => {
    const { updateExistingOnly } = eventSettings(event, true);
    const channel = readChannel(regal.properties.channel);
    if (!channel) throw new UnmappedValueError(event, "properties.channel", regal.properties.channel, SUBSCRIPTION_CHANNELS);
    return {
      attributes: [
        {
          ...resolveIdentity(event, regal.identity, identitySettings),
          _update_existing_only: updateExistingOnly,
          subscription_groups: [{ subscription_group_id: subscriptionGroupId(channel), subscription_state: state }],
        },
      ],
    };
  });
}

function readChannel(value: unknown): SubscriptionChannel | undefined {
  const text = readText(value);
  const channel = text && text.toLowerCase();
  return SUBSCRIPTION_CHANNELS.filter((known) => known === channel)[0];
}
