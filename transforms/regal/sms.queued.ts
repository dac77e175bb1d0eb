import { customEvent } from "../lib/regal";

/** An SMS to the contact was queued (Regal's recommended event for message content). */
export default customEvent("sms.queued");
