import { changedAttributes } from "../lib/regal/changes";
import { attributeUpdate } from "../lib/regal/mappings";

/** An agent edited the contact: each changed attribute's new value becomes a Braze attribute. */
export default attributeUpdate("contact.attribute.edited", (edit) => changedAttributes(edit.properties.changes));
