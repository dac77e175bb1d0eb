import type { UserIdentifiers } from "../../contract/schema";
import { E164_PATTERN, EMAIL_PATTERN, MAX_EXTERNAL_ID_BYTES } from "../../contract/limits";
import { MissingIdentityError, type ErrorOrigin } from "./errors";
import { utf8Bytes } from "./json-bytes";
import type { IdentifierSource, IdentitySettings, PhoneIdentity } from "./settings";
import { readText } from "./values";

/** One place a payload may carry an identifier, named as the error message shows it. */
export interface IdentityField {
  readonly field: string;
  readonly value: unknown;
}

/** Per kind of identifier, the fields to try, most trusted first; a kind the source never carries is left out. */
export type IdentityCandidates = { readonly [K in IdentifierSource]?: readonly IdentityField[] };

/**
 * The identifier Braze should use: the first field, in the settings' order
 * of kinds and the source's order of fields, holding a value Braze accepts
 * as that identifier. A value Braze would refuse is skipped for the next, so
 * one bad field never loses the event. Throws rather than returning nothing:
 * an event with no identity would otherwise vanish silently.
 */
export function resolveIdentity(origin: ErrorOrigin, candidates: IdentityCandidates, settings: IdentitySettings): UserIdentifiers {
  const lookedFor: string[] = [];
  for (const kind of settings.identifierOrder) {
    const fields = candidates[kind] || [];
    for (const candidate of fields) {
      const value = readIdentifier(kind, candidate.value, settings.phoneIdentity);
      if (value !== undefined) return toIdentifier(kind, value, settings);
    }
    if (fields.length > 0) lookedFor.push(fields.map((c) => c.field).join(" or "));
  }
  throw new MissingIdentityError(origin, lookedFor.length > 0 ? lookedFor : [`none of ${settings.identifierOrder.join(", ")}: the settings' identifierOrder names no identifier this event carries`]);
}

function readIdentifier(kind: IdentifierSource, value: unknown, phone: PhoneIdentity): string | undefined {
  if (kind === "external_id" || kind === "user_alias") return readId(value);
  return kind === "email" ? readEmail(value) : readPhone(value, phone);
}

function toIdentifier(kind: IdentifierSource, value: string, settings: IdentitySettings): UserIdentifiers {
  if (kind === "external_id") return { external_id: value };
  if (kind === "email") return { email: value };
  if (kind === "user_alias") return { user_alias: { alias_name: value, alias_label: settings.aliasLabel as string } };
  const phone = settings.phoneIdentity;
  return phone.as === "phone"
    ? { phone: value }
    : { user_alias: { alias_name: value, alias_label: phone.aliasLabel } };
}

/** Braze refuses an id over its byte limit; cutting it would point at another user. */
function readId(value: unknown): string | undefined {
  const text = readText(value);
  return text !== undefined && utf8Bytes(text) <= MAX_EXTERNAL_ID_BYTES ? text : undefined;
}

/** Braze rejects an email identifier that is not an address, losing the object. */
function readEmail(value: unknown): string | undefined {
  const text = readText(value);
  return text !== undefined && EMAIL_PATTERN.test(text) ? text : undefined;
}

/**
 * Digits with an optional leading "+", separators removed; as Braze's phone
 * identifier, E.164 only. Placeholders such as Regal's documented
 * "+1XXXXXXXXXX" are refused: as an alias they would merge every such
 * contact into one Braze profile.
 */
function readPhone(value: unknown, identity: PhoneIdentity): string | undefined {
  const text = readText(value);
  if (text === undefined) return undefined;
  const phone = text.replace(/[\s().-]/g, "");
  const usable = identity.as === "phone" ? E164_PATTERN.test(phone) : /^\+?\d{6,15}$/.test(phone);
  return usable ? phone : undefined;
}
