import type { EventProperties, PropertyValue } from "../../contract/schema";
import { MAX_EVENT_PROPERTIES, MAX_NESTED_BYTES, RESERVED_PROPERTY_KEYS } from "../../contract/limits";
import { jsonBytes } from "./json-bytes";
import { brazeKey, freeKey, isLongText, jsonText, putLongText, scalarValue, truncate } from "./normalize";
import type { JsonRecord } from "./values";

/**
 * THE policy for carrying a webhook's fields into Braze event properties
 * (worded for people in build/policy.ts). Names and values stay as the source
 * sent them, except where Braze would reject the request or silently lose data.
 */

/** Deeper nesting is kept as JSON text, which bounds the work a hostile payload can cause. */
export const MAX_PROPERTY_DEPTH = 10;
/** Where properties past Braze's count limit go. */
export const OVERFLOW_KEY = "more_properties";

type Properties = { [key: string]: PropertyValue };

export function toEventProperties(source: JsonRecord): EventProperties {
  return fitNestedBudget(capCount(normalizeObject(source, 0, RESERVED_PROPERTY_KEYS)));
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
  if (depth >= MAX_PROPERTY_DEPTH) return truncate(jsonText(value));
  if (Array.isArray(value)) return value.map((item) => normalizeValue(item, depth + 1));
  return normalizeObject(value as JsonRecord, depth + 1, []);
}

function capCount(properties: Properties): Properties {
  const keys = Object.keys(properties);
  if (keys.length <= MAX_EVENT_PROPERTIES) return properties;
  const kept: Properties = {};
  const overflow: Properties = {};
  keys.forEach((key, index) => {
    if (index < MAX_EVENT_PROPERTIES - 1) kept[key] = properties[key] as PropertyValue;
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
    // At Braze's property limit a sibling would be dropped by Braze: the text is cut without one.
    if (Object.keys(fitted).length >= MAX_EVENT_PROPERTIES) fitted[key] = truncate(text);
    else put(fitted, key, text, 0);
    if (jsonBytes(fitted) <= MAX_NESTED_BYTES) break;
  }
  return fitted;
}

function isNested(value: PropertyValue | undefined): boolean {
  return typeof value === "object" && value !== null;
}

