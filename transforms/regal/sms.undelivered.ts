import { customEvent } from "../lib/regal";

/** An SMS to the contact was sent but not delivered. */
export default customEvent("sms.undelivered");
