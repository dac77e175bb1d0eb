import type { UsersTrackRequest, UserIdentifiers } from "../../../contract/schema";
import { tableAttributes, tableFields } from "../attribute-table";
import { resolveIdentity } from "../identity";
import type { CustomEventMapping } from "../mapping";
import { isUnknown } from "../normalize";
import type { SnippetSettings } from "../settings";
import type { Source } from "../source";
import { hasOwn, setOwn, type JsonRecord } from "../values";
import { readWebhook, type Transform, type Webhook } from "../webhook";
import { eventObject, withAttributes } from "./users-track";

/*
 * Two entry points, so a snippet whose mapping writes no attributes carries
 * none of the attribute policy: the build picks one by the mapping.
 */

/** A Braze custom event carrying the webhook's properties. */
export function customEvent(source: Source, event: string, _mapping: CustomEventMapping, settings: SnippetSettings): Transform<UsersTrackRequest> {
  return tracked(source, event, settings, (request) => request);
}

/** A Braze custom event, and the profile attributes its mapping reads from the webhook. */
export function customEventWithAttributes(source: Source, event: string, mapping: CustomEventMapping, settings: SnippetSettings): Transform<UsersTrackRequest> {
  const updateExistingOnly = settings.events[event]!.updateExistingOnly;
  return tracked(source, event, settings, (request, webhook, identity) =>
    withAttributes(identity, updateExistingOnly, profileAttributes(webhook.properties, mapping), request),
  );
}

type Completion = (request: UsersTrackRequest, webhook: Webhook, identity: UserIdentifiers) => UsersTrackRequest;

function tracked(source: Source, event: string, settings: SnippetSettings, complete: Completion): Transform<UsersTrackRequest> {
  const own = settings.events[event]!;
  return (payload) => {
    const webhook = readWebhook(source, [event], payload);
    const identity = resolveIdentity({ source, event }, webhook.identity, settings.identity);
    return complete({ events: [eventObject(webhook, identity, own.brazeEventName, own.updateExistingOnly)] }, webhook, identity);
  };
}

function profileAttributes(properties: JsonRecord, mapping: CustomEventMapping): JsonRecord {
  const table = mapping.attributes || {};
  const attributes = tableAttributes(table, properties);
  if (mapping.otherPropertiesAsAttributes !== true) return attributes;
  const read = tableFields(table);
  for (const key of Object.keys(properties)) {
    if (read.indexOf(key) < 0 && !hasOwn(attributes, key) && !isUnknown(properties[key])) setOwn(attributes, key, properties[key]);
  }
  return attributes;
}
