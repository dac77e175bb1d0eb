import { customEvent } from "../lib/regal";

/** A phone number was added to the contact; `contactPhone` is the new number, Braze's phone only if it is primary. */
export default customEvent("contact.phone.created", {
  attributes: {
    first_name: "firstName",
    last_name: "lastName",
    phone: { from: "contactPhone", when: "isPrimary" },
  },
});
