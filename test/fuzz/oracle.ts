import settings from "../../transforms/settings";
import type { IdentifierSource, PhoneIdentity } from "../../transforms/lib/settings";

/*
 * The identification rules as the README states them, written
 * independently of transforms/lib so the property test checks the shipped
 * snippets against the specification rather than against themselves.
 */

type Payload = { [key: string]: unknown };

const FIELDS: Record<IdentifierSource, (payload: Payload) => unknown[]> = {
  external_id: (p) => [p.userId, p.external_id],
  email: (p) => [record(p.traits).email, p.contact_email],
  phone: (p) => [record(p.traits).phone, p.contact_phone, record(p.properties).contact_phone, record(p.properties).contactPhone, record(p.properties).contact_number],
};

const USABLE: Record<IdentifierSource, (text: string) => string | undefined> = {
  external_id: (text) => text,
  email: (text) => (/^[^@\s]+@[^@\s]+$/.test(text) ? text : undefined),
  phone: (text) => {
    const phone = text.replace(/[\s().-]/g, "");
    return /^\+?\d{6,15}$/.test(phone) ? phone : undefined;
  },
};

/** The identifier the settings' order picks from the payload, or undefined when there is none. */
export function expectedIdentifier(payload: Payload): Record<string, unknown> | undefined {
  for (const source of settings.identifierOrder) {
    for (const value of FIELDS[source](payload)) {
      const text = typeof value === "number" && isFinite(value) ? String(value) : typeof value === "string" ? value.trim() : undefined;
      if (text === undefined || text === "" || text === "null" || text === "undefined") continue;
      const usable = USABLE[source](text);
      if (usable === undefined) continue;
      if (source !== "phone") return { [source]: usable };
      const phone = settings.phoneIdentity as PhoneIdentity;
      return phone.as === "phone" ? { phone: usable } : { user_alias: { alias_name: usable, alias_label: phone.aliasLabel } };
    }
  }
  return undefined;
}

function record(value: unknown): Payload {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Payload) : {};
}
