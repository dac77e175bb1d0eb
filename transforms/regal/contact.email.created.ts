import type { Regal } from "./lib/payloads";

/** An email address was added to the contact; Braze's email changes only if the new one is primary. */
export default {
  shape: "customEvent",
  event: "contact.email.created",
  attributes: {
    first_name: "firstName",
    last_name: "lastName",
    email: { from: "new_email_properties.email", when: "new_email_properties.isPrimary" },
  },
} satisfies Regal<"contact.email.created">;
