import type { UsersTrackRequest } from "../../../contract/schema";
import { tableAttributes } from "../attribute-table";
import { resolveIdentity } from "../identity";
import type { AttributeUpdateMapping, ChangeSet } from "../mapping";
import type { SnippetSettings } from "../settings";
import type { Source } from "../source";
import { asRecord, hasOwn, readPath, setOwn, type JsonRecord } from "../values";
import { readWebhook, type Transform } from "../webhook";
import { attributesObject } from "./users-track";

/** Profile attributes computed from the webhook, and nothing else. */
export function attributeUpdate(source: Source, event: string, mapping: AttributeUpdateMapping, settings: SnippetSettings): Transform<UsersTrackRequest> {
  const own = settings.events[event]!;
  return (payload) => {
    const webhook = readWebhook(source, [event], payload);
    const identity = resolveIdentity({ source, event }, webhook.identity, settings.identity);
    const attributes = mapping.attributes ? tableAttributes(mapping.attributes, webhook.properties) : {};
    if (mapping.changes) putChanges(attributes, mapping.changes, webhook.properties);
    return { attributes: [attributesObject(identity, own.updateExistingOnly, attributes)] };
  };
}

/** The new value of each change, under its attribute name; fields that are change sets of their own are flattened. */
function putChanges(attributes: JsonRecord, changes: ChangeSet, properties: JsonRecord): void {
  const all = asRecord(readPath(properties, changes.from)) || {};
  const nested = changes.nested || [];
  for (const field of Object.keys(all)) {
    if (nested.indexOf(field) < 0) putNewValue(attributes, field, all[field], changes);
    else {
      const inner = asRecord(all[field]) || {};
      for (const innerField of Object.keys(inner)) putNewValue(attributes, innerField, inner[innerField], { newValue: changes.newValue });
    }
  }
}

function putNewValue(attributes: JsonRecord, field: string, value: unknown, changes: Pick<ChangeSet, "newValue" | "rename">): void {
  const change = asRecord(value);
  if (!change || !hasOwn(change, changes.newValue)) return;
  const rename = changes.rename || {};
  setOwn(attributes, hasOwn(rename, field) ? rename[field]! : field, change[changes.newValue]);
}
