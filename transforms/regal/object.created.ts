import { customEvent } from "../lib/regal";

/** A custom object (e.g. a Salesforce opportunity) was created on the contact. */
export default customEvent("object.created");
