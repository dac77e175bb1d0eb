import type { AttributesObject } from "../../contract/schema";
import { jsonBytes } from "./json-bytes";
import { brazeKey, freeKey, isLongText, jsonText, putLongText, scalarValue, truncate } from "./normalize";
import { asRecord, type JsonRecord } from "./values";

/**
 * The policy for writing source values as Braze profile attributes: the same
 * truncation, "null" and key rules as event properties (properties.ts), plus
 * what attributes need on top. Exported as text for the mapping tables.
 */
export const ATTRIBUTE_POLICY: readonly string[] = [
  "profile fields Braze types as strings (first_name, email, …) take string values only; any other value is kept under `_<field>` instead",
  "keys naming identifiers or other typed fields (external_id, user_alias, subscription_groups, …) gain a leading \"_\", so a source field can never change who the object identifies",
  'inside nested objects "." and "$" become "_" (Braze reads them as syntax), as do the operator names inc/add/remove as keys',
  "array items Braze does not take (booleans, null, arrays) become JSON text; a nested value over 100 KB becomes its truncated JSON text",
];

type Attributes = Omit<AttributesObject, "external_id" | "user_alias" | "braze_id">;
type Value = Attributes[string];
type Nested = string | number | boolean | null | Nested[] | { [key: string]: Nested };

const PROFILE_STRINGS = ["first_name", "last_name", "email", "phone", "country", "home_city", "language", "time_zone"];
const PROTECTED_KEYS = [
  "external_id", "user_alias", "braze_id", "app_id", "_update_existing_only", "push_token_import",
  "subscription_groups", "email_subscribe", "push_subscribe", "dob", "gender",
];
const OPERATOR_KEYS = ["inc", "add", "remove"];
const MAX_NESTED_BYTES = 100 * 1024;
const MAX_DEPTH = 10;

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
  const normalized = topLevelValue(value);
  if (typeof normalized === "object" && normalized !== null && jsonBytes(normalized) > MAX_NESTED_BYTES) {
    put(target, key, jsonText(normalized));
  } else {
    target[key] = normalized;
  }
}

function topLevelValue(value: unknown): Value {
  if (Array.isArray(value)) return value.map(arrayItem);
  const record = asRecord(value);
  return record ? nestedObject(record, 1) : scalarValue(value);
}

function arrayItem(item: unknown): string | number | { [key: string]: Nested } {
  if (typeof item === "string") return truncate(item);
  if (typeof item === "number" && isFinite(item)) return item;
  const record = asRecord(item);
  return record ? nestedObject(record, 1) : truncate(jsonText(item));
}

function nestedObject(source: JsonRecord, depth: number): { [key: string]: Nested } {
  const target: { [key: string]: Nested } = {};
  for (const key of Object.keys(source)) target[freeKey(target, nestedKey(key))] = nestedValue(source[key], depth + 1);
  return target;
}

function nestedValue(value: unknown, depth: number): Nested {
  if (typeof value !== "object" || value === null) return scalarValue(value);
  if (depth >= MAX_DEPTH) return truncate(jsonText(value));
  if (Array.isArray(value)) return value.map((item) => nestedValue(item, depth + 1));
  return nestedObject(value as JsonRecord, depth);
}

function nestedKey(key: string): string {
  const name = key.trim().replace(/[.$]/g, "_");
  if (name === "") return "_";
  return truncate(OPERATOR_KEYS.indexOf(name) >= 0 ? `_${name}` : name);
}
