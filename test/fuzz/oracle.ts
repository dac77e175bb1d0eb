import { E164_PATTERN, EMAIL_PATTERN, MAX_EXTERNAL_ID_BYTES } from "../../contract/limits";
import type { IdentifierSource, IdentitySettings, PhoneIdentity, Settings } from "../../transforms/lib/settings";
import settings from "../../transforms/settings";
import { fieldPath, nothingAt, read, type Envelope } from "./envelope";

/*
 * The identification rules as the README states them, written
 * independently of transforms/lib so the property test checks the shipped
 * snippets against the specification rather than against themselves. Which
 * fields to read is the source's (its envelope oracle); what makes a value
 * usable is Braze's, from the contract's limits.
 */

const withinIdLimit = (text: string) => (Buffer.byteLength(text, "utf8") <= MAX_EXTERNAL_ID_BYTES ? text : undefined);

const USABLE: Record<IdentifierSource, (text: string, phone: PhoneIdentity) => string | undefined> = {
  external_id: withinIdLimit,
  user_alias: withinIdLimit,
  email: (text) => (EMAIL_PATTERN.test(text) ? text : undefined),
  phone: (text, phone) => {
    const digits = text.replace(/[\s().-]/g, "");
    // A user alias only needs a number that is no placeholder; Braze's phone identifier needs E.164.
    return (phone.as === "phone" ? E164_PATTERN : /^\+?\d{6,15}$/).test(digits) ? digits : undefined;
  },
};

/** The identifier the settings' order picks from a `source` payload, or undefined when there is none. */
export function expectedIdentifier(source: string, envelope: Envelope, payload: unknown): Record<string, unknown> | undefined {
  const sources: Settings["sources"] = settings.sources;
  const { identifierOrder, phoneIdentity, aliasLabel }: IdentitySettings = sources[source]?.identity ?? settings.identity;
  for (const kind of identifierOrder) {
    for (const field of envelope.identity[kind] ?? []) {
      // A conditional field names the user only while its condition holds.
      if ("when" in field && read(payload, field.when.path) !== field.when.is) continue;
      const value = read(payload, fieldPath(field));
      const text = typeof value === "number" && isFinite(value) ? String(value) : typeof value === "string" ? value.trim() : undefined;
      if (text === undefined || text === "" || text === "null" || text === "undefined" || nothingAt(envelope, fieldPath(field)).includes(text)) continue;
      const usable = USABLE[kind](text, phoneIdentity);
      if (usable === undefined) continue;
      if (kind === "user_alias") return { user_alias: { alias_name: usable, alias_label: aliasLabel } };
      if (kind !== "phone") return { [kind]: usable };
      return phoneIdentity.as === "phone" ? { phone: usable } : { user_alias: { alias_name: usable, alias_label: phoneIdentity.aliasLabel } };
    }
  }
  return undefined;
}
