import { customEvent } from "../lib/regal";

/** An agent canceled all of the contact's automated tasks. */
export default customEvent("cancel.all.automated.tasks");
