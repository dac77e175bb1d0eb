import type { UsersTrackRequest } from "../../../contract/schema";
import { tableAttributes } from "../attribute-table";
import { resolveIdentity } from "../identity";
import type { AttributeUpdateMapping, ChangeSet } from "../mapping";
import type { SnippetSettings } from "../settings";
import type { Source } from "../source";
import { asRecord, readPath, type JsonRecord } from "../values";
import { readWebhook, type Transform } from "../webhook";
import { attributesObject } from "./users-track";

/** Profile attributes computed from the webhook, and nothing else. */
export function attributeUpdate(source: Source, event: string, mapping: AttributeUpdateMapping, settings: SnippetSettings): Transform<UsersTrackRequest> {
  const own = settings.events[event]!;
  return (payload) => {
    const webhook = readWebhook(source, [event], payload);
    const identity = resolveIdentity({ source, event }, webhook.identity, settings.identity);
    const attributes = mapping.attributes ? tableAttributes(mapping.attributes, webhook.properties) : {};
    if (mapping.changes) Object.assign(attributes, changedAttributes(mapping.changes, webhook.properties));
    return { attributes: [attributesObject(identity, own.updateExistingOnly, attributes)] };
  };
}

/** The new value of each change, under its attribute name; fields that are change sets of their own are flattened. */
function changedAttributes(changes: ChangeSet, properties: JsonRecord): JsonRecord {
  const all = asRecord(readPath(properties, changes.from)) || {};
  const rename = changes.rename || {};
  const nested = changes.nested || [];
  const attributes: JsonRecord = {};
  for (const field of Object.keys(all)) {
    if (nested.indexOf(field) >= 0) Object.assign(attributes, newValues(asRecord(all[field]) || {}, changes.newValue, {}));
    else Object.assign(attributes, newValues({ [field]: all[field] }, changes.newValue, rename));
  }
  return attributes;
}

function newValues(changes: JsonRecord, newValue: string, rename: Readonly<Record<string, string>>): JsonRecord {
  const values: JsonRecord = {};
  for (const field of Object.keys(changes)) {
    const change = asRecord(changes[field]);
    if (change && newValue in change) values[Object.prototype.hasOwnProperty.call(rename, field) ? rename[field]! : field] = change[newValue];
  }
  return values;
}
