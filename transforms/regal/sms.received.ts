import { customEvent } from "../lib/regal";

/** The contact sent an SMS. */
export default customEvent("sms.received");
