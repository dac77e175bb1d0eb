import type { Regal } from "./lib/payloads";

/** A contact was created in Regal, with any custom attributes it was created with. */
export default {
  shape: "customEvent",
  event: "contact.created",
  attributes: {
    first_name: "firstName",
    last_name: "lastName",
    email: "email",
    phone: "contactPhone",
  },
  otherPropertiesAsAttributes: true,
} satisfies Regal<"contact.created">;
