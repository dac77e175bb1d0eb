/*
 * The primitives shared by the property and attribute policies
 * (properties.ts, attributes.ts), so both treat keys, long strings and
 * scalars the same way.
 */

import { MAX_STRING_CHARS } from "../../contract/limits";
import { hasOwn } from "./values";

/** The sibling a truncated string gains: its full length, which also marks it as truncated. */
export const ORIGINAL_LENGTH_SUFFIX = "_original_length";

type Target = { [key: string]: unknown };

/**
 * The first `max` characters, exactly, except that a surrogate pair is never
 * split: half an emoji is not valid Unicode and could fail the whole request.
 */
export function truncate(text: string, max = MAX_STRING_CHARS): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** A key not yet used in `target`: `name`, else `name_2`, `name_3`, …, each within Braze's key length. */
export function freeKey(target: Target, name: string): string {
  if (!hasOwn(target, name)) return name;
  let n = 2;
  while (hasOwn(target, withSuffix(name, `_${n}`))) n++;
  return withSuffix(name, `_${n}`);
}

/** `name` + `suffix`, cutting `name` so that the whole stays a key Braze takes. */
function withSuffix(name: string, suffix: string): string {
  return truncate(name, MAX_STRING_CHARS - suffix.length) + suffix;
}

/** "__proto__" gains a leading "_": as a key it would set an object's prototype instead of a value. */
export function ordinaryKey(name: string): string {
  return name === "__proto__" ? `_${name}` : name;
}

/**
 * A source key as Braze takes it: surrounding spaces trimmed (Regal sends
 * "callback_timestamp "), a leading "$" as "_", names in `reserved` prefixed
 * with "_", empty as "_", at most 255 characters.
 */
export function brazeKey(key: string, reserved: readonly string[]): string {
  const trimmed = key.trim();
  const name = trimmed.charAt(0) === "$" ? `_${trimmed.slice(1)}` : trimmed;
  if (name === "") return "_";
  return truncate(reserved.indexOf(name) >= 0 ? `_${name}` : ordinaryKey(name));
}

/** Whether `value` is a string Braze would refuse for its length. */
export function isLongText(value: unknown): value is string {
  return typeof value === "string" && value.length > MAX_STRING_CHARS;
}

/** Writes a long string as its first 255 characters, with its full length beside it. */
export function putLongText(target: Target, key: string, text: string): void {
  target[key] = truncate(text);
  putOriginalLength(target, key, text.length);
}

/** Marks `key` as cut: its sibling `<key>_original_length` holds the length it had. */
export function putOriginalLength(target: Target, key: string, length: number): void {
  target[freeKey(target, withSuffix(key, ORIGINAL_LENGTH_SUFFIX))] = length;
}

/**
 * Whether a source value says nothing: missing, null, or the literal "null"
 * partners send for empty fields. Written as an attribute it would clear
 * what Braze knows, so mappings leave such values out.
 */
export function isUnknown(value: unknown): boolean {
  return value === undefined || value === null || value === "null";
}

/** A scalar as Braze takes it: the literal "null" partners send for empty fields is null, strings are cut to 255 characters. */
export function scalarValue(value: unknown): string | number | boolean | null {
  if (typeof value === "string") return value === "null" ? null : truncate(value);
  if (typeof value === "number") return isFinite(value) ? value : null;
  if (typeof value === "boolean" || value === null || value === undefined) return value === undefined ? null : value;
  return truncate(String(value));
}

/** JSON text of a value, for values Braze cannot take as they are. */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
}
