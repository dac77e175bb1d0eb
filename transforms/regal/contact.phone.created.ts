import type { Regal } from "./lib/payloads";

/** A phone number was added to the contact; `contactPhone` is the new number, Braze's phone only if it is primary. */
export default {
  shape: "customEvent",
  event: "contact.phone.created",
  attributes: {
    first_name: "firstName",
    last_name: "lastName",
    phone: { from: "contactPhone", when: "isPrimary" },
  },
} satisfies Regal<"contact.phone.created">;
