import { attributeUpdate, changedAttributes } from "../lib/regal";

/** An agent edited the contact: each changed field's new value becomes a Braze attribute. */
export default attributeUpdate(
  "contact.attribute.edited",
  "each changes.custom_properties.<name>.new_value as custom attribute <name>; changes.phone/email/firstName/lastName as profile fields; other changes.<name>.new_value as <name>",
  (edit) => changedAttributes(edit.properties.changes),
);
