import { customEvent } from "../lib/regal";

/** An attribute of one of the contact's custom objects was edited. */
export default customEvent("object.attribute.edited");
