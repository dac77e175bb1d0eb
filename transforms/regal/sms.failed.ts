import { customEvent } from "../lib/regal";

/** An SMS to the contact failed to send. */
export default customEvent("sms.failed");
