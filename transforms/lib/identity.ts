import type { UserIdentifiers } from "../../contract/schema";
import { MissingIdentityError } from "./errors";
import type { IdentifierSource, PhoneIdentity } from "./settings";
import { firstOf, readText } from "./values";

/** One place a payload may carry an identifier, named as the error message shows it. */
export interface IdentityField {
  readonly field: string;
  readonly value: unknown;
}

/** Per kind of identifier, the fields to try, most trusted first. */
export type IdentityCandidates = Record<IdentifierSource, readonly IdentityField[]>;

export interface IdentitySettings {
  readonly identifierOrder: readonly IdentifierSource[];
  readonly phoneIdentity: PhoneIdentity;
}

const READERS: Record<IdentifierSource, (value: unknown) => string | undefined> = {
  external_id: readText,
  email: readEmail,
  phone: readPhone,
};

/**
 * The identifier Braze should use, taken from the first source in the
 * settings' order that has a usable value. Throws rather than returning
 * nothing: an event with no identity would otherwise vanish silently.
 */
export function resolveIdentity(
  event: string,
  candidates: IdentityCandidates,
  settings: IdentitySettings,
): UserIdentifiers {
  for (const source of settings.identifierOrder) {
    const value = firstOf(candidates[source].map((candidate) => candidate.value), READERS[source]);
    if (value !== undefined) return toIdentifier(source, value, settings.phoneIdentity);
  }
  const lookedFor = settings.identifierOrder.map((source) => candidates[source].map((c) => c.field).join(" or "));
  throw new MissingIdentityError(event, lookedFor);
}

function toIdentifier(source: IdentifierSource, value: string, phone: PhoneIdentity): UserIdentifiers {
  if (source === "external_id") return { external_id: value };
  if (source === "email") return { email: value };
  return phone.as === "phone"
    ? { phone: value }
    : { user_alias: { alias_name: value, alias_label: phone.aliasLabel } };
}

/** Braze rejects an email identifier that is not an address, losing the object. */
function readEmail(value: unknown): string | undefined {
  const text = readText(value);
  return text !== undefined && /^[^@\s]+@[^@\s]+$/.test(text) ? text : undefined;
}

/**
 * Digits with an optional leading "+", separators removed. Placeholders such
 * as Regal's documented "+1XXXXXXXXXX" are refused: as an alias they would
 * merge every such contact into one Braze profile.
 */
function readPhone(value: unknown): string | undefined {
  const text = readText(value);
  if (text === undefined) return undefined;
  const phone = text.replace(/[\s().-]/g, "");
  return /^\+?\d{6,15}$/.test(phone) ? phone : undefined;
}
