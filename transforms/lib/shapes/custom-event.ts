import type { EventObject, UsersTrackRequest, UserIdentifiers } from "../../../contract/schema";
import { NotWrittenError } from "../errors";
import { resolveIdentity } from "../identity";
import type { BrazeEventRule, CustomEventMapping } from "../mapping";
import { isUnknown } from "../normalize";
import type { ResolvedEventSettings, SnippetSettings } from "../settings";
import type { Source } from "../source";
import { conditionText, holds, tableFields, tableValues } from "../value-table";
import { hasOwn, setOwn, type JsonRecord } from "../values";
import { readWebhook, type Transform, type Webhook } from "../webhook";
import { eventObject, withAttributes } from "./users-track";

/*
 * Four entry points, so a snippet carries only the code its mapping runs:
 * the build picks one by the mapping. The first two write one event with
 * every property the source reads; the last two read the mapping's own
 * tables and rules. Those with attributes carry the attribute policy.
 */

/** A Braze custom event carrying the webhook's properties. */
export function customEvent(source: Source, event: string, mapping: CustomEventMapping, settings: SnippetSettings): Transform<UsersTrackRequest> {
  const own = settings.events[event]!;
  return tracked(source, event, mapping, settings, (webhook, identity) => ({ events: [oneEvent(webhook, identity, own)] }));
}

/** A Braze custom event, and the profile attributes its mapping reads from the webhook. */
export function customEventWithAttributes(source: Source, event: string, mapping: CustomEventMapping, settings: SnippetSettings): Transform<UsersTrackRequest> {
  const own = settings.events[event]!;
  return tracked(source, event, mapping, settings, (webhook, identity) =>
    withAttributes(identity, own.updateExistingOnly, profileAttributes(webhook, mapping), { events: [oneEvent(webhook, identity, own)] }),
  );
}

/**
 * The events of the mapping's `brazeEvents` whose conditions hold, with the
 * properties of its `properties` table. A webhook for which no event applies
 * is refused, saying which conditions failed.
 */
export function mappedCustomEvent(source: Source, event: string, mapping: CustomEventMapping, settings: SnippetSettings): Transform<UsersTrackRequest> {
  const own = settings.events[event]!;
  return tracked(source, event, mapping, settings, (webhook, identity) => {
    const events = mappedEvents(webhook, identity, mapping, own);
    if (events.length === 0) throw new NotWrittenError({ source, event }, noRuleApplies(mapping, own));
    return { events };
  });
}

/** As `mappedCustomEvent`, and the mapping's attributes: refused only when it would write neither. */
export function mappedCustomEventWithAttributes(source: Source, event: string, mapping: CustomEventMapping, settings: SnippetSettings): Transform<UsersTrackRequest> {
  const own = settings.events[event]!;
  return tracked(source, event, mapping, settings, (webhook, identity) => {
    const events = mappedEvents(webhook, identity, mapping, own);
    const attributes = profileAttributes(webhook, mapping);
    if (events.length === 0 && Object.keys(attributes).length === 0) throw new NotWrittenError({ source, event }, noRuleApplies(mapping, own));
    return withAttributes(identity, own.updateExistingOnly, attributes, events.length > 0 ? { events } : {});
  });
}

function mappedEvents(webhook: Webhook, identity: UserIdentifiers, mapping: CustomEventMapping, own: ResolvedEventSettings): EventObject[] {
  const properties = mapping.properties ? tableValues(mapping.properties, webhook.properties, webhook.time) : webhook.properties;
  return applyingNames(mapping, own, webhook.properties).map((name) => eventObject({ time: webhook.time, properties }, identity, name, own.updateExistingOnly));
}

type Completion = (webhook: Webhook, identity: UserIdentifiers) => UsersTrackRequest;

function tracked(source: Source, event: string, mapping: CustomEventMapping, settings: SnippetSettings, complete: Completion): Transform<UsersTrackRequest> {
  return (payload) => {
    const webhook = readWebhook(source, event, payload, mapping);
    return complete(webhook, resolveIdentity({ source, event }, webhook.identity, settings.identity));
  };
}

function oneEvent(webhook: Webhook, identity: UserIdentifiers, own: ResolvedEventSettings): EventObject {
  return eventObject(webhook, identity, own.brazeEventName, own.updateExistingOnly);
}

/** The settings' name of each rule whose condition holds; without rules, the event's one name. */
function applyingNames(mapping: CustomEventMapping, own: ResolvedEventSettings, properties: JsonRecord): string[] {
  const rules = mapping.brazeEvents;
  if (!rules) return [own.brazeEventName];
  const names: string[] = [];
  rules.forEach((rule, index) => {
    if (!rule.when || holds(rule.when, properties)) names.push(own.brazeEventNames[index]!);
  });
  return names;
}

/** "none of its Braze events applies (Zendesk Agent Replied when comment.is_public is true)". */
function noRuleApplies(mapping: CustomEventMapping, own: ResolvedEventSettings): string {
  const rules = (mapping.brazeEvents || []).map((rule: BrazeEventRule, index) => `${own.brazeEventNames[index]} when ${conditionText(rule.when || {})}`);
  return `none of its Braze events applies (${rules.join("; ")})`;
}

function profileAttributes(webhook: Webhook, mapping: CustomEventMapping): JsonRecord {
  const table = mapping.attributes || {};
  const attributes = tableValues(table, webhook.properties, webhook.time);
  if (mapping.otherPropertiesAsAttributes !== true) return attributes;
  const read = tableFields(table);
  for (const key of Object.keys(webhook.properties)) {
    if (read.indexOf(key) < 0 && !hasOwn(attributes, key) && !isUnknown(webhook.properties[key])) setOwn(attributes, key, webhook.properties[key]);
  }
  return attributes;
}
