import { customEvent } from "../lib/regal";

/** A contact was created in Regal, with any custom attributes it was created with. */
export default customEvent("contact.created", {
  attributes: {
    first_name: "firstName",
    last_name: "lastName",
    email: "email",
    phone: "contactPhone",
  },
  otherPropertiesAsAttributes: true,
});
