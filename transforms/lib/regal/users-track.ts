import type { AttributesObject, EventObject, SubscriptionState, UsersTrackRequest, UserIdentifiers } from "../../../contract/schema";
import { describeTable, tableAttributes, tableFields, type AttributeTable } from "../attribute-table";
import { toAttributes } from "../attributes";
import { UnmappedValueError } from "../errors";
import { resolveIdentity } from "../identity";
import { freeKey } from "../normalize";
import { toEventProperties } from "../properties";
import type { SubscriptionChannel } from "../settings";
import type { Transform } from "../transform";
import { readText, type JsonRecord } from "../values";
import type { RegalEvent } from "./envelope";
import { regalTransform } from "./regal-transform";
import { eventSettings, identitySettings, subscriptionGroupId, SUBSCRIPTION_CHANNELS, type ResolvedEventSettings } from "./workspace";

/*
 * The shapes a Regal event takes in /users/track. A transform module picks
 * one and states its mapping; envelope, identity, time, normalisation and
 * settings are handled here once for all of them.
 */

type UsersTrack = Transform<UsersTrackRequest>;

const ALL_PROPERTIES = "every Regal property, as event properties (see *How values are carried*)";

export interface CustomEventOptions {
  /** Profile attributes the event also tells us. */
  readonly attributes?: AttributeTable;
  /** Also write every property the table does not read as a custom attribute. */
  readonly otherPropertiesAsAttributes?: boolean;
}

/** A Braze custom event carrying the Regal event's properties, and optionally profile attributes. */
export function customEvent(event: string, options: CustomEventOptions = {}): UsersTrack {
  const settings = eventSettings(event, false);
  const table = options.attributes;
  const writes = [`custom event "${settings.brazeEventName}"`];
  if (table) writes.push(`attributes: ${describeTable(table)}${options.otherPropertiesAsAttributes ? ", every other property as a custom attribute" : ""}`);
  return regalTransform(event, "POST /users/track", { writes, fields: ALL_PROPERTIES, updateExistingOnly: settings.updateExistingOnly }, (regal) => {
    const identity = resolveIdentity(event, regal.identity, identitySettings);
    const attributes = table ? profileAttributes(regal.properties, table, options.otherPropertiesAsAttributes === true) : {};
    return withAttributes(identity, settings, attributes, { events: [eventObject(regal, identity, settings)] });
  });
}

/** Profile attributes computed from the Regal event, and nothing else. */
export function attributeUpdate(event: string, description: string, attributesOf: (regal: RegalEvent) => JsonRecord): UsersTrack {
  const settings = eventSettings(event, false);
  const mapping = { writes: [`attributes: ${description}`], fields: "only the attributes named", updateExistingOnly: settings.updateExistingOnly };
  return regalTransform(event, "POST /users/track", mapping, (regal) => {
    const identity = resolveIdentity(event, regal.identity, identitySettings);
    return { attributes: [attributesObject(identity, settings, attributesOf(regal))] };
  });
}

/**
 * The contact's subscription to the Braze group configured for the event's
 * channel, and a custom event unless the settings turn it off. Changing the
 * subscription of a user Braze does not know is meaningless, hence
 * `_update_existing_only` defaults to true (as on Braze's Regal page).
 */
export function subscriptionChange(event: string, state: SubscriptionState): UsersTrack {
  const settings = eventSettings(event, true);
  const writes = [`subscription_groups: the group configured for properties.channel (${SUBSCRIPTION_CHANNELS.join(", ")}), ${state}`];
  if (settings.trackEvent) writes.push(`custom event "${settings.brazeEventName}"`);
  const fields = settings.trackEvent ? ALL_PROPERTIES : "properties.channel only";
  return regalTransform(event, "POST /users/track", { writes, fields, updateExistingOnly: settings.updateExistingOnly }, (regal) => {
    const channel = readChannel(regal.properties.channel);
    if (!channel) throw new UnmappedValueError(event, "properties.channel", regal.properties.channel, SUBSCRIPTION_CHANNELS);
    const identity = resolveIdentity(event, regal.identity, identitySettings);
    const groups = [{ subscription_group_id: subscriptionGroupId(channel), subscription_state: state }];
    const request: UsersTrackRequest = { attributes: [{ ...identity, _update_existing_only: settings.updateExistingOnly, subscription_groups: groups }] };
    if (settings.trackEvent) request.events = [eventObject(regal, identity, settings)];
    return request;
  });
}

function eventObject(regal: RegalEvent, identity: UserIdentifiers, settings: ResolvedEventSettings): EventObject {
  return {
    ...identity,
    _update_existing_only: settings.updateExistingOnly,
    name: settings.brazeEventName,
    time: regal.time,
    properties: toEventProperties(regal.properties),
  };
}

/**
 * A profile field that is also the object's identifier (email, phone) must
 * not change who the object identifies: a differing value is kept beside it
 * as `_<field>`.
 */
function attributesObject(identity: UserIdentifiers, settings: ResolvedEventSettings, attributes: JsonRecord): AttributesObject {
  const values = toAttributes(attributes);
  for (const key of Object.keys(identity)) {
    const value = values[key];
    if (value === undefined) continue;
    delete values[key];
    if (value !== identity[key as keyof UserIdentifiers]) values[freeKey(values, `_${key}`)] = value;
  }
  return { ...identity, _update_existing_only: settings.updateExistingOnly, ...values };
}

/** Attributes first: Braze processes them before events, so a triggered message sees the new profile. */
function withAttributes(identity: UserIdentifiers, settings: ResolvedEventSettings, attributes: JsonRecord, request: UsersTrackRequest): UsersTrackRequest {
  return Object.keys(attributes).length === 0 ? request : { attributes: [attributesObject(identity, settings, attributes)], ...request };
}

function profileAttributes(properties: JsonRecord, table: AttributeTable, others: boolean): JsonRecord {
  const attributes = tableAttributes(table, properties);
  if (!others) return attributes;
  const read = tableFields(table);
  for (const key of Object.keys(properties)) {
    if (read.indexOf(key) < 0 && !(key in attributes)) attributes[key] = properties[key];
  }
  return attributes;
}

function readChannel(value: unknown): SubscriptionChannel | undefined {
  const text = readText(value);
  const channel = text && text.toLowerCase();
  return SUBSCRIPTION_CHANNELS.filter((known) => known === channel)[0];
}
