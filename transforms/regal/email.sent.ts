import { customEvent } from "../lib/regal";

/** An email was sent to the contact. */
export default customEvent("email.sent");
