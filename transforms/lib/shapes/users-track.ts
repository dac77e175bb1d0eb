import type { AttributesObject, EventObject, UsersTrackRequest, UserIdentifiers } from "../../../contract/schema";
import { toAttributes } from "../attributes";
import { freeKey } from "../normalize";
import { toEventProperties } from "../properties";
import type { JsonRecord } from "../values";
import type { Webhook } from "../webhook";

/* What every /users/track shape writes the same way. */

/** The custom event for a webhook: its time and its properties, under the settings' name. */
export function eventObject(webhook: Pick<Webhook, "time" | "properties">, identity: UserIdentifiers, name: string, updateExistingOnly: boolean): EventObject {
  return { ...identity, _update_existing_only: updateExistingOnly, name, time: webhook.time, properties: toEventProperties(webhook.properties) };
}

/**
 * A profile field that is also the object's identifier (email, phone) must
 * not change who the object identifies: a differing value is kept beside it
 * as `_<field>`.
 */
export function attributesObject(identity: UserIdentifiers, updateExistingOnly: boolean, attributes: JsonRecord): AttributesObject {
  const values = toAttributes(attributes);
  for (const key of Object.keys(identity)) {
    const value = values[key];
    if (value === undefined) continue;
    delete values[key];
    if (value !== identity[key as keyof UserIdentifiers]) values[freeKey(values, `_${key}`)] = value;
  }
  return { ...identity, _update_existing_only: updateExistingOnly, ...values };
}

/** Attributes first: Braze processes them before events, so a triggered message sees the new profile. */
export function withAttributes(identity: UserIdentifiers, updateExistingOnly: boolean, attributes: JsonRecord, request: UsersTrackRequest): UsersTrackRequest {
  return Object.keys(attributes).length === 0 ? request : { attributes: [attributesObject(identity, updateExistingOnly, attributes)], ...request };
}
