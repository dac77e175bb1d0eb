import type { UsersTrackRequest } from "../../../contract/schema";
import { MAX_ARRAY_ATTRIBUTE_ITEMS } from "../../../contract/limits";
import { UnmappedValueError, type ErrorOrigin } from "../errors";
import { resolveIdentity } from "../identity";
import type { ArrayChange, AttributeUpdateMapping, ChangeSet, NamedAttribute } from "../mapping";
import { truncate } from "../normalize";
import type { ResolvedEventSettings, SnippetSettings } from "../settings";
import type { Source } from "../source";
import { tableValues } from "../value-table";
import { asRecord, hasOwn, readPath, readText, setOwn, type JsonRecord } from "../values";
import { readWebhook, type Transform } from "../webhook";
import { attributesObject } from "./users-track";

/** Profile attributes computed from the webhook, and nothing else. */
export function attributeUpdate(source: Source, event: string, mapping: AttributeUpdateMapping, settings: SnippetSettings): Transform<UsersTrackRequest> {
  const own = settings.events[event]!;
  return (payload) => {
    const webhook = readWebhook(source, event, payload, mapping);
    const identity = resolveIdentity({ source, event }, webhook.identity, settings.identity);
    const attributes = mapping.attributes ? tableValues(mapping.attributes, webhook.properties, webhook.time) : {};
    if (mapping.changes) putChanges(attributes, mapping.changes, webhook.properties);
    if (mapping.namedAttribute) putNamed(attributes, { source, event }, mapping.namedAttribute, own, webhook.properties);
    const object = attributesObject(identity, own.updateExistingOnly, attributes);
    if (mapping.arrays) putArrayChanges(object, mapping.arrays, webhook.properties);
    return { attributes: [object] };
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

/**
 * The field's new value under the attribute the settings name for its id. The
 * source reports the change, so a null new value clears the attribute; a
 * field with no configured attribute is refused, not guessed.
 */
function putNamed(attributes: JsonRecord, origin: ErrorOrigin, named: NamedAttribute, own: ResolvedEventSettings, properties: JsonRecord): void {
  const id = readText(readPath(properties, named.idFrom));
  const names = own.attributeNames;
  if (id === undefined || !hasOwn(names, id)) {
    throw new UnmappedValueError(origin, `properties.${named.idFrom}`, id, Object.keys(names), `the settings' attributeNames.${named.names}`);
  }
  const value = readPath(properties, named.valueFrom);
  setOwn(attributes, names[id]!, value === undefined ? null : value);
}

/** Braze's `{ add, remove }` array operations, each list of text values; an empty operation is left out. */
function putArrayChanges(object: JsonRecord, arrays: Readonly<Record<string, ArrayChange>>, properties: JsonRecord): void {
  for (const attribute of Object.keys(arrays)) {
    const change = arrays[attribute]!;
    const operation: JsonRecord = {};
    if (change.add) putItems(operation, "add", readPath(properties, change.add));
    if (change.remove) putItems(operation, "remove", readPath(properties, change.remove));
    if (Object.keys(operation).length > 0) setOwn(object, attribute, operation);
  }
}

function putItems(operation: JsonRecord, key: string, value: unknown): void {
  const items: string[] = [];
  for (const item of Array.isArray(value) ? value : []) {
    const text = readText(item);
    if (text !== undefined && items.indexOf(truncate(text)) < 0) items.push(truncate(text));
  }
  if (items.length > 0) operation[key] = items.slice(0, MAX_ARRAY_ATTRIBUTE_ITEMS);
}
