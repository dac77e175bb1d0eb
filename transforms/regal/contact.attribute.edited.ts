import type { Regal } from "./lib/payloads";

/** An agent edited the contact: each changed field's new value becomes a Braze attribute. */
export default {
  shape: "attributeUpdate",
  event: "contact.attribute.edited",
  changes: {
    from: "changes",
    newValue: "new_value",
    nested: ["custom_properties"],
    rename: { firstName: "first_name", lastName: "last_name" },
  },
} satisfies Regal<"contact.attribute.edited">;
