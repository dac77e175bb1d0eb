import { customEvent } from "../lib/regal";

/** An SMS was sent to the contact. */
export default customEvent("sms.sent");
