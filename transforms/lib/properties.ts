import type { EventProperties, PropertyValue } from "../../contract/schema";
import { jsonBytes } from "./json-bytes";
import { brazeKey, freeKey, isLongText, jsonText, putLongText, scalarValue, truncate } from "./normalize";
import type { JsonRecord } from "./values";

/**
 * THE policy for carrying a webhook's fields into Braze event properties.
 * Names and values stay as the source sent them, except where Braze would
 * reject the request or silently lose data. Exported as text for the
 * generated mapping tables (it is tree-shaken out of snippets).
 */
export const PROPERTY_POLICY: readonly string[] = [
  "a string over 255 characters keeps its first 255 and gains a sibling `<key>_original_length` holding its full length (inside arrays, where no sibling fits, it is only truncated)",
  'the literal string "null" (Regal sends it for empty campaign fields) becomes null',
  'keys: surrounding spaces are trimmed (Regal\'s "callback_timestamp "), a leading "$" becomes "_", the reserved `time` and `event_name` gain a leading "_", an empty key becomes "_", a key over 255 characters is cut; a renamed key that collides gains `_2`, `_3`, …',
  "nesting deeper than 10 levels is kept as JSON text",
  "past 256 properties (Braze would drop the extras) the rest go into one nested `more_properties` object",
  "when nested values would make the properties larger than 100 KB, the largest nested values become their JSON text (truncated as above) until they fit",
];

const RESERVED_KEYS = ["time", "event_name"];
const MAX_PROPERTIES = 256;
const MAX_NESTED_BYTES = 100 * 1024;
const MAX_DEPTH = 10;
const OVERFLOW_KEY = "more_properties";

type Properties = { [key: string]: PropertyValue };

export function toEventProperties(source: JsonRecord): EventProperties {
  return fitNestedBudget(capCount(normalizeObject(source, 0, RESERVED_KEYS)));
}

function normalizeObject(source: JsonRecord, depth: number, reserved: readonly string[]): Properties {
  const target: Properties = {};
  for (const key of Object.keys(source)) put(target, freeKey(target, brazeKey(key, reserved)), source[key], depth);
  return target;
}

function put(target: Properties, key: string, value: unknown, depth: number): void {
  if (isLongText(value)) putLongText(target, key, value);
  else target[key] = normalizeValue(value, depth);
}

function normalizeValue(value: unknown, depth: number): PropertyValue {
  if (typeof value !== "object" || value === null) return scalarValue(value);
  if (depth >= MAX_DEPTH) return truncate(jsonText(value));
  if (Array.isArray(value)) return value.map((item) => normalizeValue(item, depth + 1));
  return normalizeObject(value as JsonRecord, depth + 1, []);
}

function capCount(properties: Properties): Properties {
  const keys = Object.keys(properties);
  if (keys.length <= MAX_PROPERTIES) return properties;
  const kept: Properties = {};
  const overflow: Properties = {};
  keys.forEach((key, index) => {
    if (index < MAX_PROPERTIES - 1) kept[key] = properties[key] as PropertyValue;
    else overflow[key] = properties[key] as PropertyValue;
  });
  kept[freeKey(kept, OVERFLOW_KEY)] = overflow;
  return kept;
}

function fitNestedBudget(properties: Properties): Properties {
  const nested = Object.keys(properties).filter((key) => isNested(properties[key]));
  if (nested.length === 0 || jsonBytes(properties) <= MAX_NESTED_BYTES) return properties;
  const largestFirst = nested
    .map((key) => ({ key, bytes: jsonBytes(properties[key]) }))
    .sort((a, b) => b.bytes - a.bytes || (a.key < b.key ? -1 : 1));
  const fitted: Properties = { ...properties };
  for (const { key } of largestFirst) {
    const text = jsonText(fitted[key]);
    put(fitted, key, text, 0);
    if (jsonBytes(fitted) <= MAX_NESTED_BYTES) break;
  }
  return fitted;
}

function isNested(value: PropertyValue | undefined): boolean {
  return typeof value === "object" && value !== null;
}

