import type { AttributesObject } from "../../contract/schema";
import { MAX_ARRAY_ATTRIBUTE_ITEMS, MAX_NESTED_BYTES, NESTED_KEY_FORBIDDEN, OPERATOR_KEYS } from "../../contract/limits";
import { jsonBytes } from "./json-bytes";
import { brazeKey, freeKey, isLongText, jsonText, ordinaryKey, putLongText, putOriginalLength, scalarValue, truncate } from "./normalize";
import { MAX_PROPERTY_DEPTH } from "./properties";
import { asRecord, type JsonRecord } from "./values";

/*
 * The policy for writing source values as Braze profile attributes (worded
 * for people in build/policy.ts): the same truncation, "null" and key rules
 * as event properties, plus what attributes need on top.
 */

type Attributes = Omit<AttributesObject, "external_id" | "user_alias" | "braze_id">;
type Value = Attributes[string];
type Nested = string | number | boolean | Nested[] | { [key: string]: Nested };

/** Profile fields Braze types as strings. */
export const PROFILE_STRINGS: readonly string[] = ["first_name", "last_name", "email", "phone", "country", "home_city", "language", "time_zone"];
/** Keys naming identifiers or other typed fields: a source field may never set them. */
export const PROTECTED_KEYS: readonly string[] = [
  "external_id", "user_alias", "braze_id", "app_id", "_update_existing_only", "push_token_import",
  "subscription_groups", "email_subscribe", "push_subscribe", "dob", "gender",
];
/** What a character Braze does not allow in a nested key becomes. */
export const NESTED_KEY_REPLACEMENT = "_";
const FORBIDDEN_IN_NESTED_KEYS = new RegExp(NESTED_KEY_FORBIDDEN.source, "g");

export function toAttributes(source: JsonRecord): Attributes {
  const target: Attributes = {};
  for (const key of Object.keys(source)) {
    const name = brazeKey(key, PROTECTED_KEYS);
    const value = source[key];
    const profileString = PROFILE_STRINGS.indexOf(name) >= 0;
    if (profileString && typeof value === "string" && !isLongText(value) && value !== "null") target[freeKey(target, name)] = value;
    else put(target, freeKey(target, profileString ? `_${name}` : name), value);
  }
  return target;
}

function put(target: Attributes, key: string, value: unknown): void {
  if (isLongText(value)) return putLongText(target, key, value);
  if (Array.isArray(value)) return putArray(target, key, value);
  const normalized = topLevelValue(value);
  // An object whose every value was unknown says nothing; written, `{}` would replace what Braze holds.
  if (isEmptyObject(normalized) && !isEmptyObject(value)) return;
  if (typeof normalized === "object" && normalized !== null && jsonBytes(normalized) > MAX_NESTED_BYTES) {
    put(target, key, jsonText(normalized));
  } else {
    target[key] = normalized;
  }
}

/**
 * Braze cuts an array past its length limit without a word (only an array
 * of objects has none): it keeps its first items, with its full length beside it.
 */
function putArray(target: Attributes, key: string, value: readonly unknown[]): void {
  const items = value.map(arrayItem);
  const ofObjects = items.length > 0 && items.every((item) => typeof item === "object");
  if (items.some((item) => typeof item === "object") && jsonBytes(items) > MAX_NESTED_BYTES) return put(target, key, jsonText(items));
  if (ofObjects || items.length <= MAX_ARRAY_ATTRIBUTE_ITEMS) {
    target[key] = items;
    return;
  }
  target[key] = items.slice(0, MAX_ARRAY_ATTRIBUTE_ITEMS);
  putOriginalLength(target, key, items.length);
}

function isEmptyObject(value: unknown): boolean {
  const record = asRecord(value);
  return record !== undefined && Object.keys(record).length === 0;
}

function topLevelValue(value: unknown): Value {
  const record = asRecord(value);
  return record ? nestedObject(record, 1) : scalarValue(value);
}

function arrayItem(item: unknown): string | number | { [key: string]: Nested } {
  if (typeof item === "string") return truncate(item);
  if (typeof item === "number" && isFinite(item)) return item;
  const record = asRecord(item);
  return record ? nestedObject(record, 1) : truncate(jsonText(item));
}

/**
 * A null anywhere inside a nested attribute makes Braze drop every nested
 * attribute update of the request, so unknown values inside are left out.
 */
function nestedObject(source: JsonRecord, depth: number): { [key: string]: Nested } {
  const target: { [key: string]: Nested } = {};
  for (const key of Object.keys(source)) {
    const value = nestedValue(source[key], depth + 1);
    if (value !== null) target[freeKey(target, nestedKey(key))] = value;
  }
  return target;
}

function nestedValue(value: unknown, depth: number): Nested | null {
  if (typeof value !== "object" || value === null) return scalarValue(value);
  if (depth >= MAX_PROPERTY_DEPTH) return truncate(jsonText(value));
  if (Array.isArray(value)) return value.map((item) => nestedValue(item, depth + 1)).filter((item): item is Nested => item !== null);
  return nestedObject(value as JsonRecord, depth);
}

/** Braze reads ".", "$" and spaces in nested keys as syntax or refuses them; the operator names too. */
function nestedKey(key: string): string {
  const name = key.trim().replace(FORBIDDEN_IN_NESTED_KEYS, NESTED_KEY_REPLACEMENT);
  if (name === "") return NESTED_KEY_REPLACEMENT;
  return truncate(OPERATOR_KEYS.indexOf(name) >= 0 ? `_${name}` : ordinaryKey(name));
}
