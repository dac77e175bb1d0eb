import { customAttribute, user } from "../../lib/braze";
import { contentBlockSecret } from "../../lib/headers";
import { mappedFields } from "../../lib/mapped";
import type { AnyOf } from "../../lib/template";
import { url } from "../../lib/url";
import type { RegalWebhookSettings } from "./settings";

/** Every Regal template calls the one Custom Events endpoint with the API key. */
export function regalEndpoint(settings: RegalWebhookSettings) {
  return {
    url: url`https://events.regalvoice.com/events`,
    headers: {
      Authorization: contentBlockSecret(settings.apiKeyContentBlock, { holds: "the Regal API key, exactly as Regal shows it" }),
      "Content-Type": "application/json",
    },
  };
}

/** How Regal finds the contact: Braze's external id (Regal's userId), phone and e-mail. */
export const contactIdentity = {
  userId: user("user_id"),
  phone: user("phone_number"),
  email: user("email_address").email(),
};

export const identifiable: AnyOf = {
  anyOf: [contactIdentity.userId, contactIdentity.phone, contactIdentity.email],
  why: "Regal needs a user id, a phone or an e-mail to find the contact",
};

/** The contact's traits: who it is, plus the contact properties the settings map. */
export function contactTraits(settings: RegalWebhookSettings) {
  return {
    phone: contactIdentity.phone,
    email: contactIdentity.email,
    firstName: user("first_name"),
    lastName: user("last_name"),
    ...mappedFields(settings.contactProperties, customAttribute),
  };
}
