import { customEvent } from "../lib/regal";

/** An MMS was sent to the contact. */
export default customEvent("mms.sent");
