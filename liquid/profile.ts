import { isDeepStrictEqual } from "node:util";
import { isJsonObject } from "./json-values";

/** A Braze user as a template sees it. */
export interface UserProfile {
  /** Standard attributes by their Liquid name: user_id, braze_id, first_name, last_name, email_address, phone_number, city, country, date_of_birth, gender, language, time_zone, most_recent_locale, random_bucket_number, … */
  readonly standard: Readonly<Record<string, unknown>>;
  readonly customAttributes: Readonly<Record<string, unknown>>;
}

/** A profile file Liquid cannot read: one line naming the file, the key and what is wrong. */
export class ProfileError extends Error {
  override readonly name = "ProfileError";
}

/** The standard attributes Braze's Liquid reads as `${name}` (its "supported personalization tags"). */
const STANDARD_ATTRIBUTES: ReadonlySet<string> = new Set([
  "user_id",
  "braze_id",
  "first_name",
  "last_name",
  "email_address",
  "phone_number",
  "city",
  "country",
  "date_of_birth",
  "gender",
  "language",
  "time_zone",
  "most_recent_locale",
  "most_recent_location",
  "most_recent_app_version",
  "last_used_app_date",
  "random_bucket_number",
]);

/** /users/export field names for standard attributes whose Liquid name differs. */
const EXPORT_ALIASES: ReadonlyMap<string, string> = new Map([
  ["external_id", "user_id"],
  ["email", "email_address"],
  ["phone", "phone_number"],
  ["home_city", "city"],
  ["dob", "date_of_birth"],
]);

const CUSTOM_ATTRIBUTES = "custom_attributes";

function jsonKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * Parses a profile file's JSON; `where` names the file in errors.
 *
 * The format: an object whose top-level keys are standard attributes by their
 * Liquid name, plus `custom_attributes`, an object of custom attributes by name:
 *
 * ```json
 * { "user_id": "u-1", "first_name": "Ann", "last_name": "O'Neil", "email_address": "ann@example.com",
 *   "phone_number": "+15555550100",
 *   "custom_attributes": { "rokt:account_code": ["ACME"], "lead_source": "web" } }
 * ```
 *
 * Braze's /users/export field names are accepted as aliases (external_id → user_id,
 * email → email_address, phone → phone_number, home_city → city, dob → date_of_birth),
 * so an exported user can be used as is; an alias and its Liquid name with different
 * values is an error. Values may be any JSON; null is an unset attribute. Any other
 * top-level key is ignored with a warning: Liquid cannot read it as `${name}`.
 */
export function parseProfile(json: unknown, where: string): { profile: UserProfile; warnings: string[] } {
  if (!isJsonObject(json)) throw new ProfileError(`${where}: a profile must be a JSON object, got ${jsonKind(json)}`);
  const standard: Record<string, unknown> = {};
  const givenAs = new Map<string, string>();
  const warnings: string[] = [];
  let customAttributes: Readonly<Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === CUSTOM_ATTRIBUTES) {
      if (!isJsonObject(value)) throw new ProfileError(`${where}: "${CUSTOM_ATTRIBUTES}" must be an object, got ${jsonKind(value)}`);
      customAttributes = value;
      continue;
    }
    const name = STANDARD_ATTRIBUTES.has(key) ? key : EXPORT_ALIASES.get(key);
    if (name === undefined) {
      warnings.push(`${JSON.stringify(key)} is not a standard attribute Liquid can read (custom attributes go under ${CUSTOM_ATTRIBUTES})`);
      continue;
    }
    const earlier = givenAs.get(name);
    if (earlier !== undefined && !isDeepStrictEqual(standard[name], value)) {
      throw new ProfileError(`${where}: ${JSON.stringify(earlier)} and ${JSON.stringify(key)} both give ${name}, with different values`);
    }
    givenAs.set(name, key);
    standard[name] = value;
  }
  return { profile: { standard, customAttributes }, warnings };
}
