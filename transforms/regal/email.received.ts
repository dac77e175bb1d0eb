import { customEvent } from "../lib/regal";

/** The contact sent an email. */
export default customEvent("email.received");
